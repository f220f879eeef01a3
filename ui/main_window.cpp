#include "main_window.h"

#include "about_dialog.h"
#include "eql_editor.h"
#include "query_checker.h"
#include "rule_lists_panel.h"
#include "workspace_panel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace eqlwb::ui {

namespace {

// Shown until a rule is opened: the shape of the seed rule, so a new user sees what EQL looks like.
const char* kWelcomeQuery
    = "/* Press Ctrl+Enter to run the query against the workspace. */\n"
      "network where network.protocol == \"dns\" and\n"
      "  dns.question.name : (\"*.pastebin.*\", \"*ngrok.*\", \"*.githubusercontent.*\") and\n"
      "  not process.name : (\"chrome.exe\", \"firefox.exe\", \"OneDrive.exe\")\n";

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("EQL Workbench"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/eql-workbench.svg")));
    setObjectName(QStringLiteral("MainWindow"));
    createActions();
    setCentralWidget(createCentralArea());
    createDocks();
    createMenus();
    createToolBar();

    statusWorkspace_ = new QLabel(tr("No workspace"), this);
    statusRun_ = new QLabel(tr("Ready"), this);
    statusBar()->addWidget(statusRun_, 1);
    statusBar()->addPermanentWidget(statusWorkspace_);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    openWorkspaceAction_
        = new QAction(QIcon(QStringLiteral(":/icons/open.svg")), tr("&Open Workspace…"), this);
    openWorkspaceAction_->setShortcut(QKeySequence::Open);
    importLogsAction_ = new QAction(QIcon(QStringLiteral(":/icons/import.svg")), tr("&Import Logs…"), this);
    importLogsAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    quitAction_ = new QAction(tr("&Quit"), this);
    quitAction_->setShortcut(QKeySequence::Quit);
    connect(quitAction_, &QAction::triggered, this, &QWidget::close);

    runAction_ = new QAction(QIcon(QStringLiteral(":/icons/run.svg")), tr("&Run"), this);
    runAction_->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    runAction_->setToolTip(tr("Run the query against the workspace (Ctrl+Enter)"));
    connect(runAction_, &QAction::triggered, this, &MainWindow::runQuery);
    cancelAction_ = new QAction(QIcon(QStringLiteral(":/icons/stop.svg")), tr("&Cancel Run"), this);
    cancelAction_->setShortcut(QKeySequence(Qt::Key_Escape));
    cancelAction_->setEnabled(false);
    formatAction_ = new QAction(QIcon(QStringLiteral(":/icons/format.svg")), tr("&Format Query"), this);
    formatAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    openRuleAction_ = new QAction(tr("Open &Rule…"), this);
    openRuleAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    exportRuleAction_ = new QAction(tr("&Export Rule…"), this);
    exportRuleAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));

    aboutAction_ = new QAction(tr("&About EQL Workbench"), this);
    connect(aboutAction_, &QAction::triggered, this, [this] { showAboutDialog(this); });
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(openWorkspaceAction_);
    file->addAction(importLogsAction_);
    file->addSeparator();
    file->addAction(quitAction_);

    QMenu* rule = menuBar()->addMenu(tr("&Rule"));
    rule->addAction(runAction_);
    rule->addAction(cancelAction_);
    rule->addAction(formatAction_);
    rule->addSeparator();
    rule->addAction(openRuleAction_);
    rule->addAction(exportRuleAction_);

    viewMenu_ = menuBar()->addMenu(tr("&View"));
    for (auto* dock : findChildren<QDockWidget*>())
        viewMenu_->addAction(dock->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(aboutAction_);
}

void MainWindow::createToolBar()
{
    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("MainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setMovable(false);
    bar->addAction(openWorkspaceAction_);
    bar->addAction(importLogsAction_);
    bar->addSeparator();
    bar->addAction(runAction_);
    bar->addAction(cancelAction_);
    bar->addAction(formatAction_);
    viewMenu_->addAction(bar->toggleViewAction());
}

void MainWindow::createDocks()
{
    workspacePanel_ = new WorkspacePanel(this);
    auto* workspaceDock = new QDockWidget(tr("Workspace"), this);
    workspaceDock->setObjectName(QStringLiteral("WorkspaceDock"));
    workspaceDock->setWidget(workspacePanel_);
    addDockWidget(Qt::LeftDockWidgetArea, workspaceDock);

    ruleListsPanel_ = new RuleListsPanel(this);
    auto* listsDock = new QDockWidget(tr("Rule Lists"), this);
    listsDock->setObjectName(QStringLiteral("RuleListsDock"));
    listsDock->setWidget(ruleListsPanel_);
    addDockWidget(Qt::RightDockWidgetArea, listsDock);
}

QWidget* MainWindow::createCentralArea()
{
    editor_ = new EqlEditor(this);
    editor_->setText(QString::fromUtf8(kWelcomeQuery));

    problems_ = new QListWidget(this);
    problems_->setObjectName(QStringLiteral("ProblemsList"));
    problems_->setMaximumHeight(70);
    problems_->setVisible(false);
    connect(problems_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        // Jump to the diagnostic: the item holds its byte offset.
        const int pos = item->data(Qt::UserRole).toInt();
        int line = 0;
        int index = 0;
        editor_->lineIndexFromPosition(pos, &line, &index);
        editor_->setCursorPosition(line, index);
        editor_->setFocus();
    });
    checker_ = new QueryChecker(editor_);
    connect(checker_, &QueryChecker::checked, this, &MainWindow::showProblems);

    auto* editorPane = new QWidget(this);
    auto* editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(0);
    editorLayout->addWidget(editor_);
    editorLayout->addWidget(problems_);

    resultsFilter_ = new QLineEdit(this);
    resultsFilter_->setPlaceholderText(tr("Filter matches (all columns)…"));
    resultsFilter_->setClearButtonEnabled(true);
    resultsView_ = new QTableView(this);
    resultsView_->setObjectName(QStringLiteral("ResultsView"));
    resultsView_->setSortingEnabled(true);
    resultsView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    resultsView_->setAlternatingRowColors(true);
    resultsView_->horizontalHeader()->setStretchLastSection(true);
    resultsView_->verticalHeader()->setDefaultSectionSize(22);
    auto* placeholder = new QStandardItemModel(0, 4, resultsView_);
    placeholder->setHorizontalHeaderLabels(
        {tr("@timestamp"), tr("host.name"), tr("process.name"), tr("event.category")});
    resultsView_->setModel(placeholder);

    auto* resultsPane = new QWidget(this);
    auto* resultsLayout = new QVBoxLayout(resultsPane);
    resultsLayout->setContentsMargins(0, 4, 0, 0);
    resultsLayout->addWidget(resultsFilter_);
    resultsLayout->addWidget(resultsView_);

    splitter_ = new QSplitter(Qt::Vertical, this);
    splitter_->setObjectName(QStringLiteral("EditorResultsSplitter"));
    splitter_->addWidget(editorPane);
    splitter_->addWidget(resultsPane);
    splitter_->setStretchFactor(0, 2);
    splitter_->setStretchFactor(1, 3);
    return splitter_;
}

void MainWindow::showProblems()
{
    problems_->clear();
    const std::string text = editor_->utf8Text();
    for (const auto& d : checker_->diagnostics()) {
        auto* item = new QListWidgetItem(QString::fromStdString(formatDiagnostic(text, d)), problems_);
        item->setData(Qt::UserRole, static_cast<int>(d.span.begin));
        item->setForeground(d.severity == Severity::Error ? QColor("#cf222e") : QColor("#9a6700"));
    }
    problems_->setVisible(problems_->count() > 0);
}

void MainWindow::runQuery()
{
    // The query engine lands with the executor; until then say so rather than pretend.
    statusRun_->setText(tr("The query engine is not built into this version yet."));
}

void MainWindow::restoreSavedLayout()
{
    QSettings settings;
    const QByteArray geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        const QSize available = screen() ? screen()->availableSize() : QSize(1600, 1000);
        resize(QSize(1400, 860).boundedTo(available * 0.9));
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    splitter_->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/splitter"), splitter_->saveState());
    event->accept();
}

} // namespace eqlwb::ui
