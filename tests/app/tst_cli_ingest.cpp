// eqlwb ingest: the command-line contract (output, --mapping, exit codes) and a real kill.
#include "support/cli_runner.h"
#include "support/test_paths.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <csignal>
#include <sqlite3.h>

using namespace eqlwb::test;

namespace {

// What a user would compare before and after: every table's content that an import touches.
// Opened for writing, as the workbench opens a workspace: after a kill, the first such open rolls
// back what the dead import left in its journal (a read-only connection cannot).
QString snapshot(const QString& ws)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(ws.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return "cannot open";
    }
    QString out;
    for (const char* sql :
        {"PRAGMA integrity_check", "SELECT count(*), total(id), total(length(raw)) FROM events",
            "SELECT group_concat(path || ':' || events, ',') FROM sources", "SELECT count(*) FROM fields",
            "SELECT count(*), total(length(data)) FROM column_chunks",
            "SELECT value FROM meta WHERE key='data_version'", "SELECT count(*) FROM import_errors"}) {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
        while (sqlite3_step(st) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(st); ++c)
                out += QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, c))) + "|";
        }
        sqlite3_finalize(st);
        out += "\n";
    }
    sqlite3_close(db);
    return out;
}

} // namespace

class TestCliIngest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir tmp_{tempDir() + "/cli-ingest-XXXXXX"};
    QString p(const QString& name) const { return tmp_.path() + "/" + name; }

private slots:
    void printsOneLinePerSourceAndExitsZero()
    {
        const QString a = writeTestFile(p("a.ndjson"), "{\"a\":1}\n{\"a\":2}\n");
        const QString b = writeTestFile(p("b.json"), "[{\"a\":3}]");
        const auto r = runCli({"ingest", p("one.eqlwb"), a, b});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.outLines().contains(a + ": 2 events imported, 0 lines rejected (ndjson)"));
        QVERIFY(r.outLines().contains(b + ": 1 events imported, 0 lines rejected (json)"));
        QVERIFY(QFile::exists(p("one.eqlwb")));
    }

    void rejectedLinesArePrintedAsFileLineMessageTheFirstTwentyThenACount()
    {
        QByteArray content;
        for (int i = 0; i < 25; ++i)
            content += "{\"ok\":" + QByteArray::number(i) + "}\nnot json\n";
        const QString f = writeTestFile(p("bad.ndjson"), content);
        const auto r = runCli({"ingest", p("bad.eqlwb"), f});
        QCOMPARE(r.exitCode, 0); // committed, with rejected lines
        QVERIFY(r.outLines().contains(f + ": 25 events imported, 25 lines rejected (ndjson)"));
        const QStringList err = QString::fromUtf8(r.err).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(err.size(), 21);
        QVERIFY(err[0].startsWith(f + ":2: "));
        QVERIFY(err[19].startsWith(f + ":40: "));
        QVERIFY(err[20].contains("5 more"));
    }

    void reimportingIsSkippedWithAMessageAndStillExitsZero()
    {
        const QString a = writeTestFile(p("again.ndjson"), "{\"a\":1}\n");
        QCOMPARE(runCli({"ingest", p("again.eqlwb"), a}).exitCode, 0);
        const auto r = runCli({"ingest", p("again.eqlwb"), a});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QString::fromUtf8(r.out).contains("already imported"));
    }

    void exitsTwoWhenNothingCouldBeRead_data()
    {
        QTest::addColumn<QStringList>("inputs");
        QTest::newRow("missing file") << QStringList{"no-such-file.ndjson"};
        QTest::newRow("binary file") << QStringList{"binary.bin"};
    }
    void exitsTwoWhenNothingCouldBeRead()
    {
        QFETCH(QStringList, inputs);
        writeTestFile(p("binary.bin"), QByteArray("\x00\x01\x02\x03garbage", 11));
        QStringList args{"ingest", p("nothing.eqlwb")};
        for (const auto& i : inputs)
            args << p(i);
        const auto r = runCli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(QString::fromUtf8(r.out).contains("not imported"));
    }

    void usageErrorsExitTwo()
    {
        QCOMPARE(runCli({"ingest"}).exitCode, 2);
        QCOMPARE(runCli({"ingest", p("only-ws.eqlwb")}).exitCode, 2);
        const auto r = runCli({"ingest", p("m.eqlwb"), p("a.ndjson"), "--mapping", "no-such-profile"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(QString::fromUtf8(r.err).contains("sysmon"));
    }

    void mappingSysmonProducesEcsFields()
    {
        const QString raw = writeTestFile(p("sysmon.jsonl"),
            R"({"EventID":22,"UtcTime":"2019-12-05 01:49:47.174","ProcessGuid":"{a}","Image":"C:\\x\\evil.exe","QueryName":"pastebin.com","Hostname":"h1"})"
            "\n");
        const auto r = runCli({"ingest", p("sysmon.eqlwb"), raw, "--mapping", "sysmon"});
        QCOMPARE(r.exitCode, 0);
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open_v2(p("sysmon.eqlwb").toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr),
            SQLITE_OK);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db,
            "SELECT count(*) FROM fields WHERE path IN ('process.name','dns.question.name',"
            "'network.protocol','event.category','host.name')",
            -1, &st, nullptr);
        QCOMPARE(sqlite3_step(st), SQLITE_ROW);
        QCOMPARE(sqlite3_column_int(st, 0), 5);
        sqlite3_finalize(st);
        sqlite3_close(db);
    }

    void theTimestampFieldOptionPicksTheEventTime()
    {
        const QString f = writeTestFile(p("when.ndjson"), "{\"when\":\"2024-01-01T00:00:00Z\"}\n");
        QCOMPARE(runCli({"ingest", p("when.eqlwb"), f, "--timestamp-field", "when"}).exitCode, 0);
        sqlite3* db = nullptr;
        sqlite3_open_v2(p("when.eqlwb").toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, "SELECT ts FROM events", -1, &st, nullptr);
        QCOMPARE(sqlite3_step(st), SQLITE_ROW);
        QCOMPARE(sqlite3_column_int64(st, 0), qint64(1704067200) * 1000000000);
        sqlite3_finalize(st);
        sqlite3_close(db);
    }

    void killingAnImportMidwayLeavesTheWorkspaceAsItWas()
    {
        const QString ws = p("kill.eqlwb");
        const QString small = writeTestFile(p("before.ndjson"), "{\"a\":1}\n{\"a\":2}\n");
        QCOMPARE(runCli({"ingest", ws, small}).exitCode, 0);
        const QString before = snapshot(ws);
        QVERIFY(before.startsWith("ok|"));

        const QString big = p("big.ndjson");
        QCOMPARE(runCli({"gen", "--events", "400000", "--seed", "7", "-o", big}).exitCode, 0);
        const qint64 sizeBefore = QFileInfo(ws).size() + QFileInfo(ws + "-wal").size();
        QProcess proc;
        proc.start(cliPath(), {"ingest", ws, big});
        QVERIFY(proc.waitForStarted());
        // Kill once the import has written a good part of its transaction: the workspace file
        // grows (a rollback journal while nobody else has it open) or its WAL does.
        bool midway = false;
        for (int i = 0; i < 6000 && proc.state() == QProcess::Running; ++i) {
            if (QFileInfo(ws).size() + QFileInfo(ws + "-wal").size() > sizeBefore + (32 << 20)) {
                midway = true;
                break;
            }
            QThread::msleep(10);
        }
        QVERIFY2(midway, "the import ended before it could be killed midway");
        ::kill(pid_t(proc.processId()), SIGKILL);
        QVERIFY(proc.waitForFinished());
        QCOMPARE(proc.exitStatus(), QProcess::CrashExit);

        QCOMPARE(snapshot(ws), before);
        // And the workspace still takes imports.
        const QString after = writeTestFile(p("after.ndjson"), "{\"a\":3}\n");
        QCOMPARE(runCli({"ingest", ws, after}).exitCode, 0);
        QVERIFY(snapshot(ws).contains("\n3|")); // three events now
        QFile::remove(big);
    }
};

QTEST_GUILESS_MAIN(TestCliIngest)
#include "tst_cli_ingest.moc"
