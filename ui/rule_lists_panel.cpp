#include "rule_lists_panel.h"

#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace eqlwb::ui {

RuleListsPanel::RuleListsPanel(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    empty_ = new QLabel(tr("<b>No lists yet</b><br>Open or write a rule: its domain list and its "
                           "exclusion list appear here for editing."),
        this);
    empty_->setWordWrap(true);
    empty_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    tabs_ = new QTabWidget(this);
    tabs_->setDocumentMode(true);
    layout->addWidget(empty_);
    layout->addWidget(tabs_);
    setLists({});
}

QWidget* RuleListsPanel::createListPage(const RuleList& list)
{
    auto* page = new QWidget(tabs_);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    auto* caption
        = new QLabel(list.exclude ? tr("Events whose <b>%1</b> matches an entry are <b>excluded</b>. "
                                       "The count is how many matches each entry removes.")
                                        .arg(list.field.toHtmlEscaped())
                                  : tr("Events whose <b>%1</b> matches an entry are <b>matched</b>. "
                                       "The count is how many matches come from each entry.")
                                        .arg(list.field.toHtmlEscaped()),
            page);
    caption->setWordWrap(true);
    auto* view = new QListWidget(page);
    view->setObjectName(QStringLiteral("RuleListEntries%1").arg(list.number));
    const QLocale locale;
    for (int i = 0; i < list.entries.size(); ++i) {
        const qint64 hits = i < list.hits.size() ? list.hits[i] : -1;
        auto* item = new QListWidgetItem(hits < 0
                ? list.entries[i]
                : QStringLiteral("%1   (%2)").arg(list.entries[i], locale.toString(hits)),
            view);
        item->setData(Qt::UserRole, list.entries[i]);
        if (hits == 0)
            item->setForeground(QColor("#8c959f")); // an entry that does nothing here
    }
    auto* add = new QPushButton(tr("Add…"), page);
    auto* remove = new QPushButton(tr("Remove"), page);
    const int number = list.number;
    const QString field = list.field;
    connect(add, &QPushButton::clicked, this, [this, number, field] {
        bool ok = false;
        const QString entry = QInputDialog::getText(this, tr("Add to the list"),
            tr("New entry for %1:").arg(field), QLineEdit::Normal, QString(), &ok);
        if (ok && !entry.isEmpty())
            Q_EMIT entryAddRequested(number, entry);
    });
    connect(remove, &QPushButton::clicked, this, [this, view, number] {
        if (auto* item = view->currentItem())
            Q_EMIT entryRemoveRequested(number, item->data(Qt::UserRole).toString());
    });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    layout->addWidget(caption);
    layout->addWidget(view, 1);
    layout->addLayout(buttons);
    return page;
}

void RuleListsPanel::setLists(const QVector<RuleList>& lists)
{
    const int current = tabs_->currentIndex();
    lists_ = lists;
    while (tabs_->count() > 0) {
        QWidget* page = tabs_->widget(0);
        tabs_->removeTab(0);
        page->deleteLater();
    }
    for (const auto& list : lists) {
        const QString title = (list.exclude ? tr("Exclude %1") : tr("Match %1")).arg(list.field);
        tabs_->addTab(createListPage(list), QStringLiteral("%1 (%2)").arg(title).arg(list.entries.size()));
    }
    if (current >= 0 && current < tabs_->count())
        tabs_->setCurrentIndex(current);
    empty_->setVisible(lists.isEmpty());
    tabs_->setVisible(!lists.isEmpty());
}

} // namespace eqlwb::ui
