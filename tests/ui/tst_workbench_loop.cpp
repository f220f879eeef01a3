// The core loop as a user lives it: open a workspace, type a query (diagnostics, completion),
// run it off the GUI thread, see exactly the engine's matches, filter them, cancel a run.
#include "eql_completer.h"
#include "eql_editor.h"
#include "event_detail_view.h"
#include "exec/query_runner.h"
#include "gen/telemetry.h"
#include "main_window.h"
#include "query_checker.h"
#include "result_table_model.h"
#include "results_pane.h"
#include "store/workspace.h"
#include "support/generated_workspace.h"
#include "support/test_paths.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

using namespace eqlwb;
using namespace eqlwb::ui;

namespace {

const char* kSeedLikeQuery
    = "network where network.protocol == \"dns\" and\n"
      "  dns.question.name : (\"*pastebin*\", \"*ngrok*\", \"*githubusercontent*\") and\n"
      "  not process.name : (\"chrome.exe\", \"firefox.exe\")";

} // namespace

class TestWorkbenchLoop : public QObject {
    Q_OBJECT
private:
    QString workspacePath_;

    bool runAndWait(MainWindow& w)
    {
        QSignalSpy settled(&w, &MainWindow::runSettled);
        w.runQuery();
        return settled.count() > 0 || settled.wait(60000);
    }

    bool openWorkspace(MainWindow& w)
    {
        QSignalSpy opened(w.service(), &WorkbenchService::workspaceChanged);
        w.openWorkspace(workspacePath_);
        // Emitted on the engine thread: it may have fired before a wait() could start.
        return QTest::qWaitFor([&] { return opened.count() > 0; }, 30000);
    }

    bool openAndRunSeedQuery(MainWindow& w)
    {
        if (!openWorkspace(w))
            return false;
        w.setQueryText(QString::fromUtf8(kSeedLikeQuery));
        return runAndWait(w);
    }

private Q_SLOTS:
    void initTestCase()
    {
        workspacePath_
            = test::generatedWorkspace(test::tempDir() + "/workbench_loop", "loop.eqlwb", 20000, 42);
        QVERIFY(!workspacePath_.isEmpty());
    }

    void runningFillsTheTableWithExactlyTheEnginesMatches()
    {
        MainWindow w;
        QAbstractItemModelTester tester(
            w.resultsPane()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(openAndRunSeedQuery(w));

        auto ws = Workspace::open(workspacePath_.toStdString(), false);
        QVERIFY(ws.ok());
        auto expected = runQuery(**ws, kSeedLikeQuery, RunOptions{});
        QVERIFY(expected.ok());
        const auto ids = expected->eventIds();
        QVERIFY2(ids.size() > 10, "the generated data should plant matches for the seed rule");

        const auto* model = w.resultsPane()->model();
        QCOMPARE(model->rowCount(), static_cast<int>(ids.size()));
        for (int r = 0; r < model->rowCount(); ++r)
            QCOMPARE(model->eventIdAt(r), ids[static_cast<size_t>(r)]);
        QVERIFY(w.statusText().contains(
            QStringLiteral("%1 matches").arg(QLocale().toString(qint64(ids.size())))));
        QVERIFY(w.statusText().contains(QStringLiteral("over 20,000 events")));
        // The columns start with the timestamp, then the fields the query uses.
        QCOMPARE(model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("@timestamp"));
        QCOMPARE(model->headerData(1, Qt::Horizontal).toString(), QStringLiteral("network.protocol"));
    }

    void theDetailPaneShowsTheSelectedEventWithTheQueryFieldsHighlighted()
    {
        MainWindow w;
        QVERIFY(openAndRunSeedQuery(w));
        // The first row is selected after a run; its event arrives from the engine thread.
        auto* detail = w.resultsPane()->detailView();
        QTRY_VERIFY_WITH_TIMEOUT(detail->tree()->topLevelItemCount() > 0, 10000);
        const QStringList highlighted = detail->highlightedPaths();
        QVERIFY(highlighted.contains(QStringLiteral("dns.question.name")));
        QVERIFY(highlighted.contains(QStringLiteral("process.name")));
        QVERIFY(!highlighted.contains(QStringLiteral("host.name")));
    }

    void theFilterBoxNarrowsTheRowsAsYouType()
    {
        MainWindow w;
        QVERIFY(openAndRunSeedQuery(w));
        auto* model = w.resultsPane()->model();
        const int all = model->rowCount();
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::keyClicks(w.resultsPane()->filterBox(), QStringLiteral("ngrok"));
        QVERIFY(model->rowCount() > 0);
        QVERIFY(model->rowCount() < all);
        for (int r = 0; r < model->rowCount(); ++r) {
            bool found = false;
            for (int c = 0; c < model->columnCount() && !found; ++c)
                found = model->data(model->index(r, c))
                            .toString()
                            .contains(QStringLiteral("ngrok"), Qt::CaseInsensitive);
            QVERIFY(found);
        }
        w.resultsPane()->filterBox()->clear();
        QCOMPARE(model->rowCount(), all);
    }

    void exportingWritesEveryShownEventAsNdjsonAndTheTableAsCsv()
    {
        MainWindow w;
        QVERIFY(openAndRunSeedQuery(w));
        const QList<qint64> ids = w.resultsPane()->visibleEventIds();
        QVERIFY(!ids.isEmpty());

        const QString path = test::tempDir() + "/workbench_loop/export.ndjson";
        QSignalSpy exported(w.service(), &WorkbenchService::eventsExported);
        w.service()->exportEvents(ids, path);
        QTRY_VERIFY_WITH_TIMEOUT(exported.count() > 0, 30000);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), ids.size());
        for (const auto& line : lines)
            QVERIFY(QJsonDocument::fromJson(line).isObject());

        const QStringList csv = w.resultsPane()->allRowsAsCsv().trimmed().split('\n');
        QCOMPARE(csv.size(), ids.size() + 1); // header, then one line per row
        QVERIFY(csv.first().startsWith(QStringLiteral("@timestamp,network.protocol,")));
    }

    void aSecondRunSaysWhatTheEditAddedAndRemoved()
    {
        MainWindow w;
        QVERIFY(openAndRunSeedQuery(w));
        const int before = w.resultsPane()->model()->totalRows();
        QVERIFY(!w.statusText().contains(QStringLiteral("since the previous run")));
        // Drop one domain pattern from the list: its matches go, nothing comes.
        QString narrower = QString::fromUtf8(kSeedLikeQuery);
        narrower.replace(QStringLiteral("\"*ngrok*\", "), QString());
        w.setQueryText(narrower);
        QVERIFY(runAndWait(w));
        const int after = w.resultsPane()->model()->totalRows();
        QVERIFY(after < before);
        QVERIFY2(w.statusText().contains(QStringLiteral("0 events added, %1 removed since the previous run")
                                             .arg(QLocale().toString(before - after))),
            qPrintable(w.statusText()));
    }

    void theListsDockShowsTheQueryListsAndEditingOneRewritesAndReruns()
    {
        MainWindow w;
        QSignalSpy listsReady(w.service(), &WorkbenchService::listsReady);
        QVERIFY(openAndRunSeedQuery(w));
        QTRY_VERIFY_WITH_TIMEOUT(w.ruleListsPanel()->lists().size() == 2, 30000);
        const auto lists = w.ruleListsPanel()->lists();
        QCOMPARE(lists[0].field, QStringLiteral("dns.question.name"));
        QVERIFY(!lists[0].exclude);
        QCOMPARE(lists[0].entries, QStringList({"*pastebin*", "*ngrok*", "*githubusercontent*"}));
        QCOMPARE(lists[1].field, QStringLiteral("process.name"));
        QVERIFY(lists[1].exclude);
        // Include counts add up to the matches when the patterns do not overlap.
        qint64 sum = 0;
        for (qint64 h : lists[0].hits)
            sum += h;
        QCOMPARE(sum, qint64(w.resultsPane()->model()->totalRows()));

        // Removing an entry rewrites the query (one undo step) and runs it again.
        const int before = w.resultsPane()->model()->totalRows();
        const qint64 ngrok = lists[0].hits[1];
        QSignalSpy settled(&w, &MainWindow::runSettled);
        Q_EMIT w.ruleListsPanel()->entryRemoveRequested(1, QStringLiteral("*ngrok*"));
        QVERIFY(settled.count() > 0 || settled.wait(30000));
        QVERIFY(!w.editor()->text().contains(QStringLiteral("ngrok")));
        QCOMPARE(qint64(w.resultsPane()->model()->totalRows()), before - ngrok);
        QVERIFY(w.statusText().contains(QStringLiteral("removed since the previous run")));
        w.editor()->undo();
        QVERIFY(w.editor()->text().contains(QStringLiteral("ngrok")));
    }

    void typingAFieldPrefixOffersTheField()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.editor()->clear();
        w.editor()->setFocus();
        QTest::ignoreMessage(QtWarningMsg, "This plugin does not support raise()");
        QTest::keyClicks(w.editor(), QStringLiteral("network where dns.q"));
        QVERIFY(w.completer()->lastOffered().contains(QStringLiteral("dns.question.name")));
        QVERIFY(w.editor()->isListActive());
    }

    void typingAnUnknownFunctionShowsAProblemAtItsPosition()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.editor()->clear();
        w.editor()->setFocus();
        QSignalSpy checked(w.queryChecker(), &QueryChecker::checked);
        QTest::keyClicks(w.editor(), QStringLiteral("process where frobnicate(process.name)"));
        QVERIFY(checked.wait(3000));
        QVERIFY(w.problemsList()->isVisibleTo(&w));
        QVERIFY(w.problemsList()->count() >= 1);
        QVERIFY2(w.problemsList()->item(0)->text().startsWith(QStringLiteral("1:15: error:")),
            qPrintable(w.problemsList()->item(0)->text()));
    }

    void aRunWithErrorsIsRefusedWithAMessage()
    {
        MainWindow w;
        w.setQueryText(QStringLiteral("process where ("));
        QSignalSpy started(w.service(), &WorkbenchService::runStarted);
        w.runQuery();
        QCOMPARE(started.count(), 0);
        QVERIFY(w.statusText().contains(QStringLiteral("Fix the errors")));
    }

    void cancellingARunKeepsTheWindowResponsive()
    {
        MainWindow w;
        QVERIFY(openWorkspace(w));
        w.setQueryText(QStringLiteral("any where process.name regex~ \".*(a|e)+.*x.*\""));
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start(1);
        QSignalSpy settled(&w, &MainWindow::runSettled);
        w.runQuery();
        QVERIFY(w.cancelAction()->isEnabled());
        w.cancelAction()->trigger();
        QVERIFY(settled.count() > 0 || settled.wait(30000));
        QVERIFY2(ticks > 0, "the GUI thread's event loop kept running during the run");
        QVERIFY(!w.cancelAction()->isEnabled());
        QVERIFY(w.statusText().contains(QStringLiteral("cancelled"))
            || w.statusText().contains(QStringLiteral("matches")));
        // The window still runs queries after a cancel.
        w.setQueryText(QString::fromUtf8(kSeedLikeQuery));
        QVERIFY(runAndWait(w));
        QVERIFY(w.statusText().contains(QStringLiteral("matches")));
    }
};

QTEST_MAIN(TestWorkbenchLoop)
#include "tst_workbench_loop.moc"
