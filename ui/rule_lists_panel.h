// Right dock: the editable lists found inside the rule's query (the seed rule has a domain list
// that marks a hit and a process-name list of known false positives).
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QTabWidget;
class QLabel;

namespace eqlwb::ui {

// One list as the engine describes it; the panel only shows and edits entries.
struct RuleList {
    QString field; // e.g. "dns.question.name"
    QString operation; // e.g. ":", "in", "wildcard()"
    bool exclude = false;
    QStringList entries;
};

class RuleListsPanel : public QWidget {
    Q_OBJECT
public:
    explicit RuleListsPanel(QWidget* parent = nullptr);
    void setLists(const QVector<RuleList>& lists);
    QVector<RuleList> lists() const { return lists_; }

private:
    QLabel* empty_;
    QTabWidget* tabs_;
    QVector<RuleList> lists_;
};

} // namespace eqlwb::ui
