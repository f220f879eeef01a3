// eqlwb export: TOML <-> NDJSON, --stack-version refusing what the target lacks without changing
// the rule, --as-custom, -o, and the exit codes.
#include "support/cli_runner.h"
#include "support/test_paths.h"

#include <QtTest>
#include <nlohmann/json.hpp>

using namespace eqlwb::test;

namespace {
QString bundled(const QString& name) { return sourceDir() + "/rules/" + name; }
const QString kSeed = QStringLiteral("command_and_control_common_webservices.toml");
const QString kTuned = QStringLiteral("command_and_control_common_webservices_tuned.ndjson");

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestCliExport : public QObject {
    Q_OBJECT
private slots:
    void seedToNdjsonIsOneRuleLineAndASummary()
    {
        const auto r = runCli({"export", bundled(kSeed), "--to", "ndjson"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto lines = r.outLines();
        QCOMPARE(lines.size(), 2);
        const auto rule = nlohmann::json::parse(lines[0].toStdString());
        QCOMPARE(rule["version"].get<int>(), 2); // from rules/version.lock.json
        QCOMPARE(rule["rule_id"].get<std::string>(), std::string("66883649-f908-4a5b-a1e0-54090a1d3a32"));
        QCOMPARE(rule["risk_score"].get<int>(), 21);
        QCOMPARE(rule["interval"].get<std::string>(), std::string("5m"));
        QVERIFY(rule["query"].get<std::string>().find("wildcard(dns.question.name,") != std::string::npos);
        QVERIFY(rule["description"].get<std::string>().find('\n') == std::string::npos); // cleaned
        const auto summary = nlohmann::json::parse(lines[1].toStdString());
        QCOMPARE(summary["exported_count"].get<int>(), 1);
        QVERIFY(r.err.contains("warning: [metadata] is not carried by Kibana NDJSON"));
    }

    void ndjsonWithExceptionsToNdjsonKeepsTheItems()
    {
        const auto r = runCli({"export", bundled(kTuned), "--to", "ndjson"});
        QCOMPARE(r.exitCode, 0);
        const auto in = QString::fromUtf8(readAll(bundled(kTuned))).split('\n', Qt::SkipEmptyParts);
        const auto out = r.outLines();
        QCOMPARE(out.size(), in.size());
        for (int i = 0; i + 1 < out.size(); ++i)
            QCOMPARE(out[i], in[i]);
    }

    void ndjsonToTomlSaysWhatStaysBehind()
    {
        const auto r = runCli({"export", bundled(kTuned), "--to", "toml"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("[metadata]\ncreation_date = \"2026/12/01\"\n"));
        QVERIFY(r.out.contains("\nquery = '''\nnetwork where network.protocol == \"dns\" and\n"));
        QVERIFY(r.out.contains("[[rule.exceptions_list]]"));
        QVERIFY(!r.out.contains("created_at"));
        QVERIFY(r.err.contains("3 exception item(s) are not part of a detection-rules rule file"));
        QVERIFY(r.err.contains("not written to TOML (Kibana manages them): id, updated_at"));
    }

    void aTargetVersionThatLacksAConstructFailsNamingItAndChangesNothing()
    {
        const QString out = tempDir() + "/seed_for_8.ndjson";
        QFile::remove(out);
        const auto r
            = runCli({"export", bundled(kSeed), "--to", "ndjson", "--stack-version", "8.0", "-o", out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("the `wildcard()` function (removed in Elastic 8.0)"));
        QVERIFY(r.err.contains("rule.query (line 30, column 3)"));
        QVERIFY(r.err.contains("rewrite as `dns.question.name like (\"*.githubusercontent.*\""));
        QVERIFY(!QFile::exists(out));
        QVERIFY(r.out.isEmpty());
    }

    void aTargetVersionThatHasEverythingExports()
    {
        const auto r = runCli({"export", bundled(kSeed), "--to", "ndjson", "--stack-version", "7.11"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.outLines().size(), 2);
    }

    void asCustomGivesANewIdNameAndVersion()
    {
        const auto a = runCli({"export", bundled(kSeed), "--to", "ndjson", "--as-custom"});
        const auto b = runCli({"export", bundled(kSeed), "--to", "ndjson", "--as-custom"});
        QCOMPARE(a.exitCode, 0);
        const auto rule = nlohmann::json::parse(a.outLines().at(0).toStdString());
        QCOMPARE(rule["name"].get<std::string>(),
            std::string("Connection to Commonly Abused Web Services [Duplicate]"));
        QVERIFY(rule["rule_id"].get<std::string>() != "66883649-f908-4a5b-a1e0-54090a1d3a32");
        QCOMPARE(rule["version"].get<int>(), 1);
        QCOMPARE(a.outLines().at(0), b.outLines().at(0)); // deterministic id
    }

    void tomlToTomlWritesTheFileBack()
    {
        const QString out = tempDir() + "/seed_copy.toml";
        const auto r = runCli({"export", bundled(kSeed), "--to", "toml", "-o", out});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(readAll(out), readAll(bundled(kSeed)));
    }

    void severalRulesToTomlNeedAFolder()
    {
        EQLWB_REQUIRE_SHARED();
        const QString sample = sharedDir() + "/rules/kibana_export_sample.custom-consolidated-rules.ndjson";
        const auto refused = runCli({"export", sample, "--to", "toml"});
        QCOMPARE(refused.exitCode, 2);
        QDir dir(tempDir() + "/sample_rules");
        dir.removeRecursively();
        QVERIFY(QDir().mkpath(dir.path()));
        const auto r = runCli({"export", sample, "--to", "toml", "-o", dir.path()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(dir.entryList({"*.toml"}, QDir::Files).size(), 9);
        const auto back = runCli({"validate", dir.filePath("test_eql_rule.toml")});
        QVERIFY2(back.exitCode == 0, back.err.constData());
    }

    void usageAndIoErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no --to") << QStringList{"export", bundled(kSeed)};
        QTest::newRow("bad --to") << QStringList{"export", bundled(kSeed), "--to", "yaml"};
        QTest::newRow("bad version") << QStringList{
            "export", bundled(kSeed), "--to", "toml", "--stack-version", "x"};
        QTest::newRow("missing file") << QStringList{"export", bundled("nope.toml"), "--to", "toml"};
        QTest::newRow("unwritable output")
            << QStringList{"export", bundled(kSeed), "--to", "toml", "-o", "/nonexistent-dir/x.toml"};
    }
    void usageAndIoErrorsExitTwo()
    {
        QFETCH(QStringList, args);
        const auto r = runCli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
    }

    void anInvalidRuleIsNotExported()
    {
        const auto r
            = runCli({"export", sourceDir() + "/tests/data/rules/missing_name.toml", "--to", "ndjson"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.contains("rule.name: required key is missing"));
    }
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"
