#include "workspace_panel.h"

#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace eqlwb::ui {

WorkspacePanel::WorkspacePanel(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    header_ = new QLabel(this);
    header_->setWordWrap(true);
    tree_ = new QTreeWidget(this);
    tree_->setColumnCount(2);
    tree_->setHeaderLabels({tr("Name"), tr("Events")});
    tree_->header()->setStretchLastSection(false);
    tree_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    tree_->setRootIsDecorated(true);
    tree_->setUniformRowHeights(true);
    layout->addWidget(header_);
    layout->addWidget(tree_);
    connect(tree_, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
        const QString path = item->data(0, Qt::UserRole).toString();
        if (!path.isEmpty())
            Q_EMIT fieldActivated(path);
    });
    setSummary({});
}

void WorkspacePanel::setSummary(const WorkspaceSummary& summary)
{
    tree_->clear();
    const QLocale locale;
    if (summary.workspacePath.isEmpty()) {
        header_->setText(tr("<b>No workspace open</b><br>Use File &rsaquo; Import Logs to load "
                            "NDJSON, JSON or Elasticsearch exports."));
        return;
    }
    header_->setText(tr("<b>%1</b><br>%2 events")
                         .arg(QFileInfo(summary.workspacePath).fileName().toHtmlEscaped(),
                             locale.toString(summary.events)));
    auto* sources = new QTreeWidgetItem(tree_, {tr("Sources (%1)").arg(summary.sources.size())});
    for (const auto& s : summary.sources) {
        auto* item = new QTreeWidgetItem(sources, {QFileInfo(s.path).fileName(), locale.toString(s.events)});
        item->setToolTip(0, tr("%1\nformat: %2\nrejected lines: %3").arg(s.path, s.format).arg(s.rejected));
    }
    auto* fields = new QTreeWidgetItem(tree_, {tr("Fields (%1)").arg(summary.fields.size())});
    for (const auto& f : summary.fields) {
        auto* item
            = new QTreeWidgetItem(fields, {f.path, f.count > 0 ? locale.toString(f.count) : QString()});
        item->setToolTip(0,
            f.type.isEmpty() ? tr("%1\nDouble-click to insert into the query").arg(f.path)
                             : tr("%1 (%2)\nDouble-click to insert into the query").arg(f.path, f.type));
        item->setData(0, Qt::UserRole, f.path);
    }
    sources->setExpanded(true);
    fields->setExpanded(summary.fields.size() < 200);
}

} // namespace eqlwb::ui
