#include "event_detail_view.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace eqlwb::ui {

namespace {

constexpr int kPathRole = Qt::UserRole + 1;
constexpr int kMaxDepth = 64; // events are untrusted: a deeply nested one must not blow the stack

QString scalarText(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return d == static_cast<double>(static_cast<qint64>(d)) ? QString::number(static_cast<qint64>(d))
                                                                : QString::number(d, 'g', 17);
    }
    case QJsonValue::String:
        return v.toString();
    default:
        return {};
    }
}

} // namespace

EventDetailView::EventDetailView(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    title_ = new QLabel(this);
    tree_ = new QTreeWidget(this);
    tree_->setObjectName(QStringLiteral("EventDetailTree"));
    tree_->setColumnCount(2);
    tree_->setHeaderLabels({tr("Field"), tr("Value")});
    tree_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    tree_->setUniformRowHeights(true);
    tree_->setAlternatingRowColors(true);
    layout->addWidget(title_);
    layout->addWidget(tree_);
    clearEvent();
}

void EventDetailView::setHighlightedFields(const QStringList& paths)
{
    highlighted_ = QSet<QString>(paths.begin(), paths.end());
}

void EventDetailView::clearEvent()
{
    tree_->clear();
    title_->setText(tr("<b>Event details</b> &mdash; select a match to see its fields"));
}

void EventDetailView::showEvent(qint64 id, const QByteArray& json)
{
    tree_->clear();
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    title_->setText(tr("<b>Event %1</b>").arg(id));
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        auto* item = new QTreeWidgetItem(tree_, {tr("(raw)"), QString::fromUtf8(json)});
        item->setToolTip(1, QString::fromUtf8(json));
        return;
    }
    const QJsonObject root = doc.object();
    for (auto it = root.begin(); it != root.end(); ++it)
        addValue(nullptr, it.key(), it.key(), it.value());
    tree_->expandAll();
}

void EventDetailView::addValue(
    QTreeWidgetItem* parent, const QString& key, const QString& path, const QJsonValue& value)
{
    auto* item = parent ? new QTreeWidgetItem(parent, {key}) : new QTreeWidgetItem(tree_, {key});
    item->setData(0, kPathRole, path);
    const int depth = static_cast<int>(path.count('.'));
    if (value.isObject() && depth < kMaxDepth) {
        const QJsonObject obj = value.toObject();
        for (auto it = obj.begin(); it != obj.end(); ++it)
            addValue(item, it.key(), path + '.' + it.key(), it.value());
    } else if (value.isArray()) {
        const QJsonArray arr = value.toArray();
        QStringList scalars;
        bool allScalar = true;
        for (const auto& v : arr) {
            allScalar = allScalar && !v.isObject() && !v.isArray();
            scalars << scalarText(v);
        }
        if (allScalar) {
            item->setText(1, QStringLiteral("[%1]").arg(scalars.join(QStringLiteral(", "))));
        } else if (depth < kMaxDepth) {
            for (int i = 0; i < arr.size(); ++i)
                addValue(item, QStringLiteral("[%1]").arg(i), path, arr.at(i));
        }
    } else {
        item->setText(1, value.isObject() ? QStringLiteral("{…}") : scalarText(value));
    }
    item->setToolTip(1, item->text(1));
    if (highlighted_.contains(path)) {
        QFont bold = item->font(0);
        bold.setBold(true);
        for (int c = 0; c < 2; ++c) {
            item->setFont(c, bold);
            item->setBackground(c, QColor("#fff8c5"));
        }
    }
}

QStringList EventDetailView::highlightedPaths() const
{
    QStringList out;
    for (QTreeWidgetItemIterator it(tree_); *it; ++it) {
        if ((*it)->font(0).bold())
            out << (*it)->data(0, kPathRole).toString();
    }
    return out;
}

} // namespace eqlwb::ui
