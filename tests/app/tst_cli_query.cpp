// eqlwb query: the command-line contract of design.md over a workspace ingested from the
// shipped tests/data/exec/semantics.ndjson (output forms, options, exit codes, diagnostics).
#include "support/cli_runner.h"
#include "support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace eqlwb::test;

class TestCliQuery : public QObject {
    Q_OBJECT

private:
    QString workspace_;

    CliResult query(QStringList args) { return runCli(QStringList{"query", workspace_} + args); }

private slots:
    void initTestCase()
    {
        workspace_ = tempDir() + "/cli_query.eqlwb";
        QFile::remove(workspace_);
        QFile::remove(workspace_ + "-wal");
        QFile::remove(workspace_ + "-shm");
        const auto r = runCli({"ingest", workspace_, sourceDir() + "/tests/data/exec/semantics.ndjson"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void defaultOutputIsOneLinePerResultWithTimeCategoryAndFields()
    {
        const auto r = query({"process where process.name : \"cmd*\""});
        QCOMPARE(r.exitCode, 0);
        const auto lines = r.outLines();
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].startsWith("2024-05-01T10:00:01.000Z"), qPrintable(lines[0]));
        QVERIFY(lines[0].contains("process"));
        QVERIFY(lines[0].contains("process.name=cmd.exe"));
        QVERIFY(lines[1].contains("process.name=CMD.EXE"));
    }

    void countPrintsOneInteger()
    {
        const auto r = query({"process where process.name != \"cmd.exe\"", "--count"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.outLines(), QStringList{"3"});
    }

    void idsPrintsTheFieldOrNull()
    {
        const auto r = query({"process where true", "--ids", "process.exit_code"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.outLines(), (QStringList{"0", "1", "null", "null"}));
    }

    void jsonPrintsTheStoredEvents()
    {
        const auto r = query({"network where true", "--json"});
        QCOMPARE(r.exitCode, 0);
        const auto lines = r.outLines();
        QCOMPARE(lines.size(), 2);
        const auto doc = QJsonDocument::fromJson(lines[0].toUtf8());
        QVERIFY(doc.isObject());
        QCOMPARE(doc.object()["process"].toObject()["name"].toString(), QString("chrome.exe"));
    }

    void sizeKeepsTheFirstResults()
    {
        const auto r = query({"any where true", "--size", "2", "--ids", "process.pid"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.outLines(), (QStringList{"10", "11"}));
    }

    void tiebreakerFieldOrdersEqualTimestamps()
    {
        const auto plain
            = query({"any where event.category : (\"file\", \"process\") | tail 2", "--ids", "seq"});
        QCOMPARE(plain.outLines(), (QStringList{"2", "1"}));
        const auto tie = query({"any where event.category : (\"file\", \"process\") | tail 2", "--ids", "seq",
            "--tiebreaker-field", "seq"});
        QCOMPARE(tie.outLines(), (QStringList{"1", "2"}));
    }

    void categoryFieldCanBeChanged()
    {
        const auto r = query({"\"cmd.exe\" where true", "--category-field", "process.name", "--count"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.outLines(), QStringList{"2"});
    }

    void unknownFieldIsAWarningByDefault()
    {
        const auto r = query({"process where nope == 1", "--count"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.outLines(), QStringList{"0"});
        QVERIFY2(r.err.contains("1:15: warning:"), r.err.constData());
    }

    void unknownFieldIsAnErrorWhenStrict()
    {
        const auto r = query({"process where nope == 1", "--strict"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("1:15: error:"), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void invalidQueryExits1WithLineAndColumn()
    {
        const auto r = query({"process where\n  process.name == 'x'"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("2:19: error:"), r.err.constData());
    }

    void queryFromAFileNamesTheFile()
    {
        const QString file = tempDir() + "/cli_query_bad.eql";
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("process where (");
        f.close();
        const auto r = query({"-f", file});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(file.toUtf8() + ":1:"), r.err.constData());
    }

    void usageAndIoErrorsExit2()
    {
        QCOMPARE(runCli({"query", workspace_}).exitCode, 2);
        QCOMPARE(query({"any where true", "--count", "--json"}).exitCode, 2);
        QCOMPARE(query({"any where true", "--size", "many"}).exitCode, 2);
        QCOMPARE(runCli({"query", tempDir() + "/no/such.eqlwb", "any where true"}).exitCode, 2);
        QCOMPARE(query({"-f", tempDir() + "/no/such.eql"}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliQuery)
#include "tst_cli_query.moc"
