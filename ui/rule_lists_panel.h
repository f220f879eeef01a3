// Right dock: the editable lists found inside the rule's query (the seed rule has a domain list
// that marks a hit and a process-name list of known false positives), each entry with how many
// matches it is responsible for. Adding or removing an entry asks for the query to be rewritten.
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QTabWidget;
class QLabel;
class QListWidget;

namespace eqlwb::ui {

// One list as the engine describes it; the panel only shows and edits entries.
struct RuleList {
    int number = 0; // 1-based, in query order
    QString field; // e.g. "dns.question.name"
    QString operation; // e.g. ":", "in", "wildcard"
    bool exclude = false;
    QStringList entries;
    QVector<qint64> hits; // per entry; -1 when not counted (no workspace)
};

class RuleListsPanel : public QWidget {
    Q_OBJECT
public:
    explicit RuleListsPanel(QWidget* parent = nullptr);
    void setLists(const QVector<RuleList>& lists);
    QVector<RuleList> lists() const { return lists_; }
    QTabWidget* tabs() const { return tabs_; }

Q_SIGNALS:
    void entryAddRequested(int listNumber, const QString& entry);
    void entryRemoveRequested(int listNumber, const QString& entry);

private:
    QWidget* createListPage(const RuleList& list);

    QLabel* empty_;
    QTabWidget* tabs_;
    QVector<RuleList> lists_;
};

} // namespace eqlwb::ui
