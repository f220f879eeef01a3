// The workbench window: workspace panel (left), EQL editor over the results (centre), the
// rule's lists (right), status bar. It wires widgets to the WorkbenchService; the work happens
// in the engine, off the GUI thread.
#pragma once

#include "core/result.h"
#include "workbench_service.h"

#include <QMainWindow>

class QAction;
class QLabel;
class QListWidget;
class QProgressBar;
class QSplitter;

namespace eqlwb::ui {

class EqlCompleter;
class EqlEditor;
class FindBar;
class QueryChecker;
class ResultsPane;
class RuleListsPanel;
class WorkspacePanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    EqlEditor* editor() const { return editor_; }
    WorkspacePanel* workspacePanel() const { return workspacePanel_; }
    RuleListsPanel* ruleListsPanel() const { return ruleListsPanel_; }
    ResultsPane* resultsPane() const { return results_; }
    QueryChecker* queryChecker() const { return checker_; }
    EqlCompleter* completer() const { return completer_; }
    WorkbenchService* service() const { return service_; }
    QListWidget* problemsList() const { return problems_; }
    QAction* runAction() const { return runAction_; }
    QAction* cancelAction() const { return cancelAction_; }
    QString statusText() const;

    // Opens a workspace; with runWhenOpen the editor's query runs once it is open (the demo).
    void openWorkspace(const QString& path, bool runWhenOpen = false);
    void setQueryText(const QString& text);
    // Loads a rule file (TOML or NDJSON) into the editor; returns an error message or an empty string.
    QString openRule(const QString& path);
    void runQuery();

    // Restores the saved geometry, or a sensible default size on first start.
    void restoreSavedLayout();

Q_SIGNALS:
    // After a run's results are on screen (or it failed or was cancelled): for tests and --screenshot.
    void runSettled();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    QWidget* createCentralArea();
    void connectService();
    void showProblems();
    void setRunning(bool running);
    void chooseWorkspace();
    void chooseLogsToImport();
    void exportResults();
    void addResultColumn();
    // Puts a list edit's rewritten query in the editor (one undo step) and runs it.
    void rewriteQuery(const Result<std::string>& rewritten, const QString& verb, const QString& entry);

    WorkbenchService* service_ = nullptr;
    EqlEditor* editor_ = nullptr;
    QueryChecker* checker_ = nullptr;
    EqlCompleter* completer_ = nullptr;
    FindBar* findBar_ = nullptr;
    QListWidget* problems_ = nullptr;
    ResultsPane* results_ = nullptr;
    QSplitter* splitter_ = nullptr;
    WorkspacePanel* workspacePanel_ = nullptr;
    RuleListsPanel* ruleListsPanel_ = nullptr;
    QLabel* statusRun_ = nullptr;
    QLabel* statusWorkspace_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QVector<Problem> runProblems_;
    QStringList extraColumns_;
    bool runWhenOpen_ = false;
    QString ruleName_;
    std::vector<int64_t> previousRunIds_; // for "what did this edit add or remove"
    QString previousRunQuery_;
    QString previousRunWorkspace_;

    QAction* newWorkspaceAction_ = nullptr;
    QAction* openWorkspaceAction_ = nullptr;
    QAction* importLogsAction_ = nullptr;
    QAction* exportResultsAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* runAction_ = nullptr;
    QAction* cancelAction_ = nullptr;
    QAction* formatAction_ = nullptr;
    QAction* openRuleAction_ = nullptr;
    QAction* toggleCommentAction_ = nullptr;
    QAction* findAction_ = nullptr;
    QAction* replaceAction_ = nullptr;
    QAction* completeAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QMenu* viewMenu_ = nullptr;
};

} // namespace eqlwb::ui
