// `eqlwb parse` as scripts use it: exit codes, LINE:COL diagnostics with a caret, --format, --json,
// -f FILE and -f - (stdin).
#include "support/cli_runner.h"
#include "support/test_paths.h"

#include <QtTest>
#include <nlohmann/json.hpp>

using namespace eqlwb::test;

class TestCliParse : public QObject {
    Q_OBJECT
private slots:
    void validQueryExitsZeroAndFormats()
    {
        const auto r = runCli({"parse", "--format", "process   where process.name:\"a\""});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.outLines(), QStringList{"process where process.name : \"a\""});
    }

    void warningsGoToStderrAndStillExitZero()
    {
        const auto r = runCli({"parse", "process where process.name == \"cmd.exe\""});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.startsWith("1:15: warning: values of 'process.name' vary in case"));
    }

    void invalidQueryPrintsLineColumnAndCaret()
    {
        const auto r = runCli({"parse", "sequence\n  [process where x == ]\n  [file where true]"});
        QCOMPARE(r.exitCode, 1);
        const auto lines = QString::fromUtf8(r.err).split('\n');
        QCOMPARE(lines.value(0), QStringLiteral("2:23: error: expected an expression after '==', found ']'"));
        QCOMPARE(lines.value(1), QStringLiteral("    [process where x == ]"));
        QCOMPARE(lines.value(2), QString(24, QLatin1Char(' ')) + "^");
    }

    void fileDiagnosticsStartWithTheFileName()
    {
        const QString path = tempDir() + "/bad_query.eql";
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("process where x == 'a'\n");
        f.close();
        const auto r = runCli({"parse", "-f", path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            r.err.startsWith((path + ":1:20: error: single-quoted strings").toUtf8()), r.err.constData());
        QVERIFY(r.err.contains("fix: \"a\""));
    }

    void standardInputWithDash()
    {
        const auto r
            = runCli({"parse", "-f", "-", "--format"}, "sample by host.id [any where true] [any where true]");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(
            r.outLines(), (QStringList{"sample by host.id", "  [any where true]", "  [any where true]"}));
    }

    void jsonListsDiagnostics()
    {
        const auto r = runCli({"parse", "--json", "process where x == 'a'"});
        QCOMPARE(r.exitCode, 1);
        const auto j = nlohmann::json::parse(r.out.toStdString());
        QCOMPARE(j["valid"].get<bool>(), false);
        QCOMPARE(j["diagnostics"][0]["line"].get<int>(), 1);
        QCOMPARE(j["diagnostics"][0]["column"].get<int>(), 20);
        QCOMPARE(j["diagnostics"][0]["code"].get<std::string>(), std::string("single-quoted-string"));
        QCOMPARE(j["diagnostics"][0]["fix"].get<std::string>(), std::string("\"a\""));
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("nothing to parse") << QStringList{"parse"};
        QTest::newRow("query and file") << QStringList{"parse", "any where true", "-f", "x.eql"};
        QTest::newRow("missing file") << QStringList{"parse", "-f", "/nonexistent/q.eql"};
    }
    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        QCOMPARE(runCli(args).exitCode, 2);
    }

    void deepNestingIsAnErrorNotACrash()
    {
        const auto r = runCli({"parse", "-f", "-"}, "any where " + QByteArray(100000, '('));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("nesting too deep"));
    }
};

QTEST_GUILESS_MAIN(TestCliParse)
#include "tst_cli_parse.moc"
