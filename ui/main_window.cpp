#include "main_window.h"

#include "about_dialog.h"
#include "editor_commands.h"
#include "eql_completer.h"
#include "eql_editor.h"
#include "find_bar.h"
#include "present/match_diff.h"
#include "present/query_text.h"
#include "query_checker.h"
#include "results_pane.h"
#include "rule_lists_panel.h"
#include "rules/rule_file.h"
#include "tuning/query_lists.h"
#include "workspace_panel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
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

QIcon icon(const char* name) { return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name))); }

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("EQL Workbench"));
    setWindowIcon(icon("eql-workbench"));
    setObjectName(QStringLiteral("MainWindow"));
    service_ = new WorkbenchService(this);
    createActions();
    setCentralWidget(createCentralArea());
    createDocks();
    createMenus();
    createToolBar();

    statusRun_ = new QLabel(tr("Ready"), this);
    statusWorkspace_ = new QLabel(tr("No workspace"), this);
    progress_ = new QProgressBar(this);
    progress_->setMaximumWidth(180);
    progress_->setTextVisible(false);
    progress_->setVisible(false);
    statusBar()->addWidget(statusRun_, 1);
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(statusWorkspace_);
    connectService();
}

MainWindow::~MainWindow() = default;

QString MainWindow::statusText() const { return statusRun_->text(); }

void MainWindow::createActions()
{
    newWorkspaceAction_ = new QAction(tr("&New Workspace…"), this);
    newWorkspaceAction_->setShortcut(QKeySequence::New);
    connect(newWorkspaceAction_, &QAction::triggered, this, [this] {
        const QString path
            = QFileDialog::getSaveFileName(this, tr("New Workspace"), QString(), tr("Workspaces (*.eqlwb)"));
        if (!path.isEmpty())
            openWorkspace(path.endsWith(QLatin1String(".eqlwb")) ? path : path + QStringLiteral(".eqlwb"));
    });
    openWorkspaceAction_ = new QAction(icon("open"), tr("&Open Workspace…"), this);
    openWorkspaceAction_->setShortcut(QKeySequence::Open);
    connect(openWorkspaceAction_, &QAction::triggered, this, &MainWindow::chooseWorkspace);
    importLogsAction_ = new QAction(icon("import"), tr("&Import Logs…"), this);
    importLogsAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(importLogsAction_, &QAction::triggered, this, &MainWindow::chooseLogsToImport);
    exportResultsAction_ = new QAction(tr("&Export Results…"), this);
    connect(exportResultsAction_, &QAction::triggered, this, &MainWindow::exportResults);
    quitAction_ = new QAction(tr("&Quit"), this);
    quitAction_->setShortcut(QKeySequence::Quit);
    connect(quitAction_, &QAction::triggered, this, &QWidget::close);

    runAction_ = new QAction(icon("run"), tr("&Run"), this);
    runAction_->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    runAction_->setToolTip(tr("Run the query against the workspace (Ctrl+Enter)"));
    connect(runAction_, &QAction::triggered, this, &MainWindow::runQuery);
    cancelAction_ = new QAction(icon("stop"), tr("&Cancel"), this);
    cancelAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    cancelAction_->setToolTip(tr("Cancel the running query or import (Ctrl+.)"));
    cancelAction_->setEnabled(false);
    connect(cancelAction_, &QAction::triggered, this, [this] {
        service_->cancel();
        service_->cancelImport();
    });
    formatAction_ = new QAction(icon("format"), tr("&Format Query"), this);
    formatAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(formatAction_, &QAction::triggered, this, [this] {
        const QString problem = formatEditorQuery(editor_);
        statusRun_->setText(problem.isEmpty() ? tr("Formatted") : tr("Cannot format: %1").arg(problem));
    });
    openRuleAction_ = new QAction(tr("Open &Rule…"), this);
    openRuleAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(openRuleAction_, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open Rule"), QString(), tr("Rules (*.toml *.ndjson *.json);;All files (*)"));
        if (path.isEmpty())
            return;
        const QString problem = openRule(path);
        if (!problem.isEmpty())
            QMessageBox::warning(this, tr("Cannot open the rule"), problem);
    });
    toggleCommentAction_ = new QAction(tr("Toggle &Comment"), this);
    toggleCommentAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(toggleCommentAction_, &QAction::triggered, this, [this] { toggleLineComment(editor_); });
    findAction_ = new QAction(tr("&Find…"), this);
    findAction_->setShortcut(QKeySequence::Find);
    connect(findAction_, &QAction::triggered, this, [this] { findBar_->showFind(false); });
    replaceAction_ = new QAction(tr("&Replace…"), this);
    replaceAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    connect(replaceAction_, &QAction::triggered, this, [this] { findBar_->showFind(true); });
    completeAction_ = new QAction(tr("Complete &Word"), this);
    completeAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Space));

    aboutAction_ = new QAction(tr("&About EQL Workbench"), this);
    connect(aboutAction_, &QAction::triggered, this, [this] { showAboutDialog(this); });
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(newWorkspaceAction_);
    file->addAction(openWorkspaceAction_);
    file->addAction(importLogsAction_);
    file->addSeparator();
    file->addAction(exportResultsAction_);
    file->addSeparator();
    file->addAction(quitAction_);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Undo"), QKeySequence::Undo, editor_, &QsciScintilla::undo);
    edit->addAction(tr("&Redo"), QKeySequence::Redo, editor_, &QsciScintilla::redo);
    edit->addSeparator();
    edit->addAction(findAction_);
    edit->addAction(replaceAction_);
    edit->addSeparator();
    edit->addAction(toggleCommentAction_);
    edit->addAction(completeAction_);
    connect(completeAction_, &QAction::triggered, completer_, &EqlCompleter::complete);

    QMenu* rule = menuBar()->addMenu(tr("&Rule"));
    rule->addAction(runAction_);
    rule->addAction(cancelAction_);
    rule->addAction(formatAction_);
    rule->addSeparator();
    rule->addAction(openRuleAction_);

    viewMenu_ = menuBar()->addMenu(tr("&View"));
    viewMenu_->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, editor_, [this] { editor_->zoomIn(); });
    viewMenu_->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, editor_, [this] { editor_->zoomOut(); });
    viewMenu_->addAction(
        tr("Reset &Zoom"), QKeySequence(Qt::CTRL | Qt::Key_0), editor_, [this] { editor_->zoomTo(0); });
    viewMenu_->addSeparator();
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
    connect(workspacePanel_, &WorkspacePanel::fieldActivated, this, [this](const QString& path) {
        editor_->insert(path);
        editor_->setFocus();
    });

    ruleListsPanel_ = new RuleListsPanel(this);
    auto* listsDock = new QDockWidget(tr("Rule Lists"), this);
    listsDock->setObjectName(QStringLiteral("RuleListsDock"));
    listsDock->setWidget(ruleListsPanel_);
    addDockWidget(Qt::RightDockWidgetArea, listsDock);
    connect(
        ruleListsPanel_, &RuleListsPanel::entryAddRequested, this, [this](int list, const QString& entry) {
            rewriteQuery(withEntryAdded(editor_->utf8Text(), list, entry.toStdString()), tr("add"), entry);
        });
    connect(
        ruleListsPanel_, &RuleListsPanel::entryRemoveRequested, this, [this](int list, const QString& entry) {
            rewriteQuery(
                withEntryRemoved(editor_->utf8Text(), list, entry.toStdString()), tr("remove"), entry);
        });
}

void MainWindow::rewriteQuery(const Result<std::string>& rewritten, const QString& verb, const QString& entry)
{
    if (!rewritten.ok()) {
        statusRun_->setText(
            tr("Cannot %1 %2: %3").arg(verb, entry, QString::fromStdString(rewritten.error().message)));
        return;
    }
    const QString text = QString::fromStdString(*rewritten);
    // One undo step, so Ctrl+Z takes the list edit back.
    editor_->beginUndoAction();
    editor_->selectAll();
    editor_->replaceSelectedText(text);
    editor_->endUndoAction();
    runQuery();
}

QWidget* MainWindow::createCentralArea()
{
    editor_ = new EqlEditor(this);
    editor_->setText(QString::fromUtf8(kWelcomeQuery));
    completer_ = new EqlCompleter(editor_);
    findBar_ = new FindBar(editor_, this);

    problems_ = new QListWidget(this);
    problems_->setObjectName(QStringLiteral("ProblemsList"));
    problems_->setMaximumHeight(80);
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
    checker_->setCheckFunction([this](const std::string& text) {
        const QStringList fields = service_->fieldPaths();
        std::vector<std::string> paths;
        paths.reserve(static_cast<size_t>(fields.size()));
        for (const auto& f : fields)
            paths.push_back(f.toStdString());
        return checkQueryText(text, paths);
    });
    connect(checker_, &QueryChecker::checked, this, [this] {
        runProblems_.clear(); // the text changed: the last run's warnings may no longer apply
        showProblems();
    });

    auto* editorPane = new QWidget(this);
    auto* editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(0);
    editorLayout->addWidget(editor_);
    editorLayout->addWidget(findBar_);
    editorLayout->addWidget(problems_);

    results_ = new ResultsPane(this);
    connect(results_, &ResultsPane::eventSelected, service_, &WorkbenchService::requestEvent);
    connect(results_, &ResultsPane::exportRequested, this, &MainWindow::exportResults);
    connect(results_, &ResultsPane::copyNdjsonRequested, this,
        [this](const QList<qint64>& ids) { service_->exportEvents(ids); });
    connect(results_, &ResultsPane::addColumnRequested, this, &MainWindow::addResultColumn);

    splitter_ = new QSplitter(Qt::Vertical, this);
    splitter_->setObjectName(QStringLiteral("EditorResultsSplitter"));
    splitter_->addWidget(editorPane);
    splitter_->addWidget(results_);
    splitter_->setStretchFactor(0, 2);
    splitter_->setStretchFactor(1, 3);
    splitter_->setSizes({360, 480}); // a rule's query needs room; the results take the rest
    return splitter_;
}

void MainWindow::connectService()
{
    const QLocale locale;
    connect(
        service_, &WorkbenchService::workspaceChanged, this, [this, locale](const WorkspaceSummary& summary) {
            workspacePanel_->setSummary(summary);
            completer_->setWorkspaceFields(service_->fieldPaths());
            statusWorkspace_->setText(
                tr("%1 \u00b7 %2 events")
                    .arg(QFileInfo(summary.workspacePath).fileName(), locale.toString(summary.events)));
            setWindowTitle(tr("%1 \u2014 EQL Workbench").arg(QFileInfo(summary.workspacePath).fileName()));
            checker_->checkNow();
            if (runWhenOpen_) {
                runWhenOpen_ = false;
                runQuery();
            }
        });
    connect(service_, &WorkbenchService::workspaceFailed, this, [this](const QString& message) {
        statusRun_->setText(tr("Could not open the workspace: %1").arg(message));
        runWhenOpen_ = false;
        Q_EMIT runSettled();
    });
    connect(service_, &WorkbenchService::runStarted, this, [this] {
        setRunning(true);
        statusRun_->setText(tr("Running\u2026"));
    });
    connect(service_, &WorkbenchService::runFinished, this, [this, locale](const RunOutcome& outcome) {
        setRunning(false);
        results_->setResults(outcome.table, outcome.fields);
        runProblems_ = outcome.warnings;
        showProblems();
        QString status = tr("%1 matches in %2 ms over %3 events")
                             .arg(locale.toString(outcome.matches),
                                 QString::number(outcome.elapsedMs, 'f', outcome.elapsedMs < 10 ? 2 : 0),
                                 locale.toString(outcome.eventsScanned));
        // What this edit of the rule changed, against the previous run on the same workspace.
        if (previousRunWorkspace_ == service_->workspacePath() && outcome.query != previousRunQuery_) {
            const auto diff = diffMatches(previousRunIds_, outcome.table.eventIds);
            status += tr(" \u2014 %1 events added, %2 removed since the previous run")
                          .arg(locale.toString(qint64(diff.added.size())),
                              locale.toString(qint64(diff.removed.size())));
        }
        previousRunIds_ = outcome.table.eventIds;
        previousRunQuery_ = outcome.query;
        previousRunWorkspace_ = service_->workspacePath();
        statusRun_->setText(status);
        Q_EMIT runSettled();
    });
    connect(service_, &WorkbenchService::runFailed, this, [this](const QString& message, int begin, int end) {
        setRunning(false);
        runProblems_ = {{true, QStringLiteral("run"), message, begin, end}};
        showProblems();
        statusRun_->setText(tr("Run failed: %1").arg(message));
        Q_EMIT runSettled();
    });
    connect(service_, &WorkbenchService::runCancelled, this, [this] {
        setRunning(false);
        statusRun_->setText(tr("Run cancelled"));
        Q_EMIT runSettled();
    });
    connect(service_, &WorkbenchService::eventReady, results_, &ResultsPane::showEventDetails);
    connect(service_, &WorkbenchService::listsReady, ruleListsPanel_, &RuleListsPanel::setLists);
    connect(service_, &WorkbenchService::importProgress, this,
        [this, locale](qint64 done, qint64 total, qint64 events) {
            progress_->setVisible(true);
            progress_->setRange(0, total > 0 ? 1000 : 0);
            if (total > 0)
                progress_->setValue(static_cast<int>(done * 1000 / total));
            statusRun_->setText(tr("Importing\u2026 %1 events").arg(locale.toString(events)));
        });
    connect(service_, &WorkbenchService::importFinished, this, [this, locale](const ImportOutcome& outcome) {
        setRunning(false);
        statusRun_->setText(tr("Imported %1 events, %2 lines rejected")
                                .arg(locale.toString(outcome.events), locale.toString(outcome.rejected)));
        if (outcome.rejected > 0 || outcome.messages.size() > 1)
            QMessageBox::information(this, tr("Import finished"), outcome.messages.join(QLatin1Char('\n')));
    });
    connect(service_, &WorkbenchService::importFailed, this, [this](const QString& message) {
        setRunning(false);
        statusRun_->setText(tr("Import failed: %1 (the workspace is unchanged)").arg(message));
    });
    connect(service_, &WorkbenchService::eventsNdjsonReady, this, [this](const QByteArray& ndjson) {
        QApplication::clipboard()->setText(QString::fromUtf8(ndjson));
        statusRun_->setText(tr("Copied %1 events as NDJSON").arg(ndjson.count('\n')));
    });
    connect(service_, &WorkbenchService::eventsExported, this, [this](int count, const QString& path) {
        statusRun_->setText(tr("Exported %1 events to %2").arg(count).arg(path));
    });
    connect(service_, &WorkbenchService::exportFailed, this,
        [this](const QString& message) { statusRun_->setText(tr("Export failed: %1").arg(message)); });
}

void MainWindow::setRunning(bool running)
{
    cancelAction_->setEnabled(running);
    progress_->setVisible(running);
    if (running)
        progress_->setRange(0, 0); // busy indicator
}

void MainWindow::showProblems()
{
    problems_->clear();
    const std::string text = editor_->utf8Text();
    auto add = [&](bool error, const QString& line, int begin) {
        auto* item = new QListWidgetItem(line, problems_);
        item->setData(Qt::UserRole, begin);
        item->setForeground(error ? QColor("#cf222e") : QColor("#9a6700"));
    };
    for (const auto& d : checker_->diagnostics())
        add(d.severity == Severity::Error, QString::fromStdString(formatDiagnostic(text, d)),
            static_cast<int>(d.span.begin));
    for (const auto& p : runProblems_) {
        Diagnostic d{p.code.toStdString(), p.error ? Severity::Error : Severity::Warning,
            p.message.toStdString(), {static_cast<uint32_t>(p.begin), static_cast<uint32_t>(p.end)}, {}};
        const QString line = QString::fromStdString(formatDiagnostic(text, d));
        if (problems_->findItems(line, Qt::MatchExactly).isEmpty())
            add(p.error, line, p.begin);
    }
    problems_->setVisible(problems_->count() > 0);
}

void MainWindow::runQuery()
{
    checker_->checkNow();
    if (hasErrors(checker_->diagnostics())) {
        statusRun_->setText(tr("Fix the errors marked in the query before running it."));
        Q_EMIT runSettled();
        return;
    }
    service_->run(editor_->text(), extraColumns_);
}

void MainWindow::openWorkspace(const QString& path, bool runWhenOpen)
{
    runWhenOpen_ = runWhenOpen;
    statusRun_->setText(tr("Opening %1\u2026").arg(QFileInfo(path).fileName()));
    service_->openWorkspace(path);
}

void MainWindow::setQueryText(const QString& text) { editor_->setText(text); }

QString MainWindow::openRule(const QString& path)
{
    auto loaded = loadRuleFile(path.toStdString());
    if (!loaded.ok())
        return QString::fromStdString(loaded.error().message);
    if (loaded->rules.empty())
        return tr("%1 holds no rule.").arg(path);
    const Rule& rule = loaded->rules.front();
    if (rule.query().empty())
        return tr("The rule \"%1\" has no query.").arg(QString::fromStdString(rule.name()));
    ruleName_ = QString::fromStdString(rule.name()).trimmed();
    editor_->setText(QString::fromStdString(rule.query()).trimmed() + QLatin1Char('\n'));
    statusRun_->setText(tr("Opened the rule \"%1\"").arg(ruleName_));
    return {};
}

void MainWindow::chooseWorkspace()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Workspace"), QString(), tr("Workspaces (*.eqlwb);;All files (*)"));
    if (!path.isEmpty())
        openWorkspace(path);
}

void MainWindow::chooseLogsToImport()
{
    if (!service_->hasWorkspace()) {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Create a Workspace for the Logs"), QString(), tr("Workspaces (*.eqlwb)"));
        if (path.isEmpty())
            return;
        openWorkspace(path.endsWith(QLatin1String(".eqlwb")) ? path : path + QStringLiteral(".eqlwb"));
    }
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import Logs"), QString(), tr("Logs (*.ndjson *.jsonl *.json *.log *.gz);;All files (*)"));
    if (files.isEmpty())
        return;
    setRunning(true);
    progress_->setRange(0, 1000);
    service_->importLogs(files);
}

void MainWindow::exportResults()
{
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Results"),
        QStringLiteral("matches.csv"), tr("CSV (*.csv);;NDJSON events (*.ndjson)"), &filter);
    if (path.isEmpty())
        return;
    if (path.endsWith(QLatin1String(".ndjson")) || filter.startsWith(QLatin1String("NDJSON"))) {
        service_->exportEvents(results_->visibleEventIds(), path);
        return;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        statusRun_->setText(tr("Export failed: %1").arg(file.errorString()));
        return;
    }
    file.write(results_->allRowsAsCsv().toUtf8());
    statusRun_->setText(tr("Exported the results to %1").arg(path));
}

void MainWindow::addResultColumn()
{
    bool ok = false;
    const QString field = QInputDialog::getItem(
        this, tr("Add Column"), tr("Field to show:"), service_->fieldPaths(), 0, true, &ok);
    if (!ok || field.isEmpty())
        return;
    extraColumns_ << field;
    runQuery();
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
