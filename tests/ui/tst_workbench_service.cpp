// The UI's door to the engine: importing logs off the GUI thread with progress, and a bad
// import that reports its problem and leaves the workspace as it was.
#include "gen/telemetry.h"
#include "support/test_paths.h"
#include "workbench_service.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QtTest>

using namespace eqlwb;
using namespace eqlwb::ui;

namespace {

// Signals come from the engine thread: they may fire before a wait() would start.
bool waitFor(QSignalSpy& spy)
{
    return QTest::qWaitFor([&] { return spy.count() > 0; }, 60000);
}

} // namespace

class TestWorkbenchService : public QObject {
    Q_OBJECT
private:
    QString dir_;

private Q_SLOTS:
    void initTestCase()
    {
        dir_ = test::tempDir() + "/workbench_service";
        QDir(dir_).removeRecursively();
        QDir().mkpath(dir_);
    }

    void importingLogsReportsProgressAndUpdatesTheWorkspace()
    {
        GenOptions options;
        options.events = 50000;
        QVERIFY(writeTelemetry((dir_ + "/logs.ndjson.gz").toStdString(), options).ok());
        WorkbenchService service;
        QSignalSpy changed(&service, &WorkbenchService::workspaceChanged);
        service.openWorkspace(dir_ + "/import.eqlwb");
        QVERIFY(waitFor(changed));
        QCOMPARE(changed.last().at(0).value<WorkspaceSummary>().events, qint64(0));

        QSignalSpy finished(&service, &WorkbenchService::importFinished);
        QSignalSpy progress(&service, &WorkbenchService::importProgress);
        changed.clear();
        service.importLogs({dir_ + "/logs.ndjson.gz"});
        QVERIFY(waitFor(finished));
        QVERIFY(waitFor(changed));
        const auto outcome = finished.last().at(0).value<ImportOutcome>();
        QCOMPARE(outcome.events, qint64(50000));
        QCOMPARE(outcome.rejected, qint64(0));
        const auto summary = changed.last().at(0).value<WorkspaceSummary>();
        QCOMPARE(summary.events, qint64(50000));
        QCOMPARE(summary.sources.size(), 1);
        QVERIFY(service.fieldPaths().contains(QStringLiteral("dns.question.name")));
        Q_UNUSED(progress); // progress is throttled to 10 a second: a fast import may send none
    }

    void badLinesAreReportedWithTheirFileAndLine()
    {
        QFile f(dir_ + "/bad.ndjson");
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"@timestamp\":\"2024-01-01T00:00:00Z\",\"a\":1}\n{not json\n{\"a\":2}\n");
        f.close();
        WorkbenchService service;
        QSignalSpy changed(&service, &WorkbenchService::workspaceChanged);
        service.openWorkspace(dir_ + "/bad.eqlwb");
        QVERIFY(waitFor(changed));
        QSignalSpy finished(&service, &WorkbenchService::importFinished);
        service.importLogs({dir_ + "/bad.ndjson"});
        QVERIFY(waitFor(finished));
        const auto outcome = finished.last().at(0).value<ImportOutcome>();
        QCOMPARE(outcome.events, qint64(2));
        QCOMPARE(outcome.rejected, qint64(1));
        const QString lines = outcome.messages.join('\n');
        QVERIFY2(lines.contains(QStringLiteral("bad.ndjson:2:")), qPrintable(lines));
    }

    void importingWithoutAWorkspaceSaysWhatToDo()
    {
        WorkbenchService service;
        QSignalSpy failed(&service, &WorkbenchService::importFailed);
        service.importLogs({dir_ + "/bad.ndjson"});
        QVERIFY(waitFor(failed));
        QVERIFY(failed.last().at(0).toString().contains(QStringLiteral("workspace")));
    }

    void aRunWithoutAWorkspaceFailsWithAMessage()
    {
        WorkbenchService service;
        QSignalSpy failed(&service, &WorkbenchService::runFailed);
        service.run(QStringLiteral("any where true"));
        QVERIFY(waitFor(failed));
        QVERIFY(failed.last().at(0).toString().contains(QStringLiteral("No workspace")));
    }
};

QTEST_MAIN(TestWorkbenchService)
#include "tst_workbench_service.moc"
