// The workbench window: workspace panel (left), EQL editor over the results (centre), the
// rule's lists (right), status bar. It wires widgets together; the work happens elsewhere.
#pragma once

#include <QMainWindow>

class QAction;
class QLabel;
class QLineEdit;
class QListWidget;
class QSplitter;
class QTableView;

namespace eqlwb::ui {

class EqlEditor;
class QueryChecker;
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
    QTableView* resultsView() const { return resultsView_; }
    QLineEdit* resultsFilter() const { return resultsFilter_; }
    QAction* runAction() const { return runAction_; }
    QueryChecker* queryChecker() const { return checker_; }
    QListWidget* problemsList() const { return problems_; }

    // Restores the saved geometry, or a sensible default size on first start.
    void restoreSavedLayout();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    QWidget* createCentralArea();
    void runQuery();
    void showProblems();

    EqlEditor* editor_ = nullptr;
    QueryChecker* checker_ = nullptr;
    QListWidget* problems_ = nullptr;
    QTableView* resultsView_ = nullptr;
    QLineEdit* resultsFilter_ = nullptr;
    QSplitter* splitter_ = nullptr;
    WorkspacePanel* workspacePanel_ = nullptr;
    RuleListsPanel* ruleListsPanel_ = nullptr;
    QLabel* statusRun_ = nullptr;
    QLabel* statusWorkspace_ = nullptr;

    QAction* openWorkspaceAction_ = nullptr;
    QAction* importLogsAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* runAction_ = nullptr;
    QAction* cancelAction_ = nullptr;
    QAction* formatAction_ = nullptr;
    QAction* openRuleAction_ = nullptr;
    QAction* exportRuleAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QMenu* viewMenu_ = nullptr;
};

} // namespace eqlwb::ui
