#include "rule_lists_panel.h"

#include <QLabel>
#include <QListWidget>
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

void RuleListsPanel::setLists(const QVector<RuleList>& lists)
{
    lists_ = lists;
    while (tabs_->count() > 0) {
        QWidget* page = tabs_->widget(0);
        tabs_->removeTab(0);
        page->deleteLater();
    }
    for (const auto& list : lists) {
        auto* view = new QListWidget(tabs_);
        view->addItems(list.entries);
        const QString title = (list.exclude ? tr("Exclude %1") : tr("Match %1")).arg(list.field);
        tabs_->addTab(view, QStringLiteral("%1 (%2)").arg(title).arg(list.entries.size()));
    }
    empty_->setVisible(lists.isEmpty());
    tabs_->setVisible(!lists.isEmpty());
}

} // namespace eqlwb::ui
