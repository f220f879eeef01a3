// eqlwb run: a rule file against a workspace, with Kibana exceptions and value lists applied as
// the detection engine applies them, and what each exception item removed.
#include "gen/telemetry.h"
#include "rules/rule_file.h"
#include "store/workspace.h"
#include "support/cli_runner.h"
#include "support/generated_workspace.h"
#include "support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace eqlwb;
using namespace eqlwb::test;

namespace {

QString seedRule() { return sourceDir() + "/rules/command_and_control_common_webservices.toml"; }
QString sequenceRule() { return sourceDir() + "/rules/execution_script_host_then_tunnel_dns.toml"; }

// A Kibana exception-list export: the container, one item, the summary line.
QByteArray exceptionExport(const QByteArray& itemName, const QByteArray& entries)
{
    return "{\"list_id\":\"tuning\",\"id\":\"5e1f0000-0000-4000-8000-000000000001\",\"name\":\"Tuning\","
           "\"type\":\"detection\",\"namespace_type\":\"single\",\"description\":\"workbench test\"}\n"
           "{\"item_id\":\""
        + itemName + "\",\"list_id\":\"tuning\",\"name\":\"" + itemName
        + "\",\"type\":\"simple\",\"namespace_type\":\"single\",\"description\":\"test\",\"entries\":"
        + entries
        + "}\n"
          "{\"exported_exception_list_count\":1,\"exported_exception_list_item_count\":1,"
          "\"missing_exception_list_item_count\":0,\"missing_exception_list_items\":[],"
          "\"missing_exception_lists\":[],\"missing_exception_lists_count\":0}\n";
}

int countOf(const CliResult& r) { return r.exitCode == 0 ? r.out.trimmed().toInt() : -1; }

} // namespace

class TestCliRun : public QObject {
    Q_OBJECT
private:
    QString dir_;
    QString workspace_;
    QString seedQuery_;

    int queryCount(const QString& query) { return countOf(runCli({"query", workspace_, query, "--count"})); }

private Q_SLOTS:
    void initTestCase()
    {
        dir_ = tempDir() + "/cli_run";
        workspace_ = generatedWorkspace(dir_, "run.eqlwb", 30000, 11);
        QVERIFY(!workspace_.isEmpty());
        auto rule = loadRuleFile(seedRule().toStdString());
        QVERIFY(rule.ok());
        // The rule's condition is one `and` chain, so appending `and X` narrows it.
        seedQuery_ = QString::fromStdString(rule->rules.front().query()).trimmed();
    }

    void runsTheRuleQueryLikeQueryDoes()
    {
        const auto run = runCli({"run", workspace_, seedRule(), "--ids", "process.pid"});
        QCOMPARE(run.exitCode, 0);
        const auto query = runCli({"query", workspace_, seedQuery_, "--ids", "process.pid"});
        QCOMPARE(query.exitCode, 0);
        QVERIFY(run.outLines().size() > 5);
        QCOMPARE(run.outLines(), query.outLines());
    }

    void anExceptionItemHidesTheEventsItMatchesAndSaysHowMany()
    {
        const QString file = dir_ + "/powershell.ndjson";
        writeTestFile(file,
            exceptionExport("powershell",
                "[{\"field\":\"process.name\",\"operator\":\"included\",\"type\":\"match\","
                "\"value\":\"powershell.exe\"}]"));
        const int all = countOf(runCli({"run", workspace_, seedRule(), "--count"}));
        const int powershell = queryCount(seedQuery_ + "\n and process.name == \"powershell.exe\"");
        QVERIFY(powershell > 0);
        const auto r = runCli({"run", workspace_, seedRule(), "--count", "--exceptions", file});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(countOf(r), all - powershell);
        QVERIFY2(r.err.contains(
                     QStringLiteral("item \"powershell\" (powershell) removed %1").arg(powershell).toUtf8()),
            r.err.constData());
    }

    void aListEntryReadsItsValueListFile()
    {
        const QString exceptions = dir_ + "/hosts.ndjson";
        writeTestFile(exceptions,
            exceptionExport("hosts",
                "[{\"field\":\"host.name\",\"operator\":\"included\",\"type\":\"list\","
                "\"list\":{\"id\":\"noisy-hosts\",\"type\":\"keyword\"}}]"));
        const QString values = dir_ + "/noisy-hosts.txt";
        writeTestFile(values, "WKS-ENG-03\r\nWKS-FIN-13\n\n");
        const int all = countOf(runCli({"run", workspace_, seedRule(), "--count"}));
        const int onHosts = queryCount(seedQuery_ + "\n and host.name in (\"WKS-ENG-03\", \"WKS-FIN-13\")");
        const auto r = runCli({"run", workspace_, seedRule(), "--count", "--exceptions", exceptions,
            "--value-list", "noisy-hosts=" + values});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(countOf(r), all - onHosts);
    }

    void aMissingValueListIsAClearError()
    {
        const QString exceptions = dir_ + "/hosts.ndjson";
        const auto r = runCli({"run", workspace_, seedRule(), "--count", "--exceptions", exceptions});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("--value-list"));
        QVERIFY(r.out.isEmpty());
    }

    void anExceptedEventTakesNoPartInASequence()
    {
        const QString file = dir_ + "/powershell.ndjson";
        const auto plain = runCli({"run", workspace_, sequenceRule(), "--ids", "process.name"});
        QCOMPARE(plain.exitCode, 0);
        QVERIFY(plain.out.contains("powershell.exe"));
        const auto excepted
            = runCli({"run", workspace_, sequenceRule(), "--ids", "process.name", "--exceptions", file});
        QCOMPARE(excepted.exitCode, 0);
        QVERIFY(!excepted.out.contains("powershell.exe"));
        QVERIFY(excepted.outLines().size() < plain.outLines().size());
    }

    void usageErrorsExit2()
    {
        QCOMPARE(runCli({"run", workspace_}).exitCode, 2);
        QCOMPARE(runCli({"run", workspace_, seedRule(), "--value-list", "nofile"}).exitCode, 2);
        QCOMPARE(runCli({"run", dir_ + "/missing.eqlwb", seedRule()}).exitCode, 2);
        QCOMPARE(runCli({"run", workspace_, dir_ + "/missing.toml"}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliRun)
#include "tst_cli_run.moc"
