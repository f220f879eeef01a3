// Kibana NDJSON in and out: the real export imports with its exception items on the right rules,
// NDJSON -> model -> NDJSON is lossless, TOML -> NDJSON -> TOML keeps what Kibana carries and
// says what it cannot, and the edits an export makes (tuned version, custom copy).
#include "rules/ndjson_codec.h"
#include "rules/rule_check.h"
#include "rules/rule_convert.h"
#include "rules/rule_file.h"
#include "rules/toml_codec.h"
#include "support/test_paths.h"

#include <QtTest>
#include <random>
#include <sstream>

using namespace eqlwb;

namespace {

QString samplePath()
{
    return test::sharedDir() + "/rules/kibana_export_sample.custom-consolidated-rules.ndjson";
}

RuleBundle read(const std::string& text)
{
    auto r = readNdjson(text);
    if (!r)
        qFatal("unreadable: %s", r.error().message.c_str());
    return std::move(*r);
}

const Rule& ruleNamed(const RuleBundle& b, const std::string& name)
{
    for (const auto& r : b.rules)
        if (r.name() == name)
            return r;
    qFatal("no rule %s", name.c_str());
}

std::vector<std::string> splitLines(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            out.push_back(line);
    return out;
}

nlohmann::json unordered(const RuleTree& t) { return nlohmann::json::parse(t.dump()); }

} // namespace

class TestRulesNdjson : public QObject {
    Q_OBJECT
private slots:
    void theKibanaSampleImportsWithItsExceptionItemsOnTheRightRules()
    {
        EQLWB_REQUIRE_SHARED();
        const auto b = read(test::readTestFile(samplePath()));
        QCOMPARE(b.rules.size(), size_t(9));
        QCOMPARE(b.summary["exported_count"].get<int>(), 15);
        QVERIFY(b.unattachedLists.empty());
        for (const char* name :
            {"test_esql_rule_with_shared_rule_exception", "test_new_terms_rule_with_shared_rule_exception"}) {
            const Rule& r = ruleNamed(b, name);
            QCOMPARE(r.exceptionLists.size(), size_t(1));
            QCOMPARE(r.exceptionLists[0].type, std::string("detection"));
            QCOMPARE(r.exceptionLists[0].items.size(), size_t(1));
            QCOMPARE(r.exceptionLists[0].items[0].name, std::string("host_excpetion"));
            QCOMPARE(r.exceptionLists[0].items[0].entries[0].value, std::string("test-host"));
        }
        const Rule& threshold = ruleNamed(b, "test_threshold_with_rule_exception");
        QCOMPARE(threshold.exceptionLists.size(), size_t(1));
        QCOMPARE(threshold.exceptionLists[0].type, std::string("rule_default"));
        QCOMPARE(threshold.exceptionLists[0].items.at(0).name, std::string("int-ips"));
        QCOMPARE(threshold.exceptionLists[0].items.at(0).entries.at(0).field, std::string(" host.name"));
        QVERIFY(ruleNamed(b, "test_eql_rule").exceptionLists.empty());
        QCOMPARE(*ruleNamed(b, "test_eql_rule").version, int64_t(1));

        int connectors = 0, fieldSpaces = 0;
        for (const auto& d : b.diagnostics) {
            connectors += d.code == "connector-ignored" && d.severity == Severity::Info;
            fieldSpaces += d.code == "field-spaces" && d.severity == Severity::Warning;
        }
        QCOMPARE(connectors, 2);
        QCOMPARE(fieldSpaces, 1);
        QVERIFY(!hasErrors(b.diagnostics));
    }

    void theQuirksOfRealExportsAreWarningsNotFailures()
    {
        EQLWB_REQUIRE_SHARED();
        const auto b = read(test::readTestFile(samplePath()));
        int noneTexts = 0, nameSpaces = 0;
        for (const auto& rule : b.rules)
            for (const auto& d : checkRuleStructure(rule)) {
                QVERIFY2(d.severity != Severity::Error, d.message.c_str());
                noneTexts += d.message.find("\"None\"") != std::string::npos;
                nameSpaces += d.message.find("leading or trailing spaces") != std::string::npos;
            }
        QCOMPARE(noneTexts, 15); // 7 notes and 8 setups of the 9 rules are the text "None"
        QCOMPARE(nameSpaces, 1);
    }

    void ndjsonRoundTripsLosslessly()
    {
        EQLWB_REQUIRE_SHARED();
        const std::string text = test::readTestFile(samplePath());
        const auto b = read(text);
        const auto out = splitLines(writeNdjson(b.rules));
        const auto in = splitLines(text);
        // Rules, lists and items come back byte for byte in Kibana's key order; the two connectors
        // are dropped (noted on import) and the summary is recomputed.
        QCOMPARE(out.size(), in.size() - 2);
        for (size_t i = 0; i + 1 < out.size(); ++i)
            QCOMPARE(QString::fromStdString(out[i]), QString::fromStdString(in[i]));
        const auto summary = nlohmann::json::parse(out.back());
        QCOMPARE(summary["exported_count"].get<int>(), 13);
        QCOMPARE(summary["exported_rules_count"].get<int>(), 9);
        QCOMPARE(summary["exported_exception_list_count"].get<int>(), 2);
        QCOMPARE(summary["exported_exception_list_item_count"].get<int>(), 2);
    }

    void ownFixtureRoundTripsLosslessly()
    {
        const std::string text
            = test::readTestFile(test::sourceDir() + "/tests/data/rules/every_entry_type.ndjson");
        const auto b = read(text);
        const auto out = splitLines(writeNdjson(b.rules, false));
        QCOMPARE(out, splitLines(text));
    }

    void linesAreRecognisedByContentNotPosition()
    {
        const auto b = read(test::readTestFile(test::sourceDir() + "/tests/data/rules/odd_export.ndjson"));
        QCOMPARE(b.rules.size(), size_t(1));
        QCOMPARE(b.rules[0].exceptionLists.size(), size_t(1));
        QCOMPARE(b.rules[0].exceptionLists[0].items.size(), size_t(1));
        QCOMPARE(b.summary["exported_count"].get<int>(), 4);
        QVERIFY(!hasErrors(b.diagnostics));
    }

    void badLinesAreErrorsThatKeepTheGoodOnes()
    {
        const std::string good
            = test::readTestFile(test::sourceDir() + "/tests/data/rules/every_entry_type.ndjson");
        const auto b = read("{not json\n" + good + "\n\n[1,2]\n");
        QCOMPARE(b.rules.size(), size_t(1));
        QCOMPARE(b.rules[0].exceptionLists[0].items.size(), size_t(12));
        QVERIFY(hasErrors(b.diagnostics));
        QCOMPARE(QString::fromStdString(b.diagnostics[0].message).left(7), QStringLiteral("line 1:"));
        QVERIFY(!readNdjson(std::string("\x00\x01\x02binary", 9)).ok());
    }

    void arbitraryBytesNeverCrashTheReader()
    {
        std::mt19937 rng(11);
        const std::string pieces[]
            = {"{", "}", "[", "]", "\"rule_id\":", "\"type\":\"eql\"", "\"entries\":", "\"list_id\":\"l\"",
                "\"item_id\":1", "\"exceptions_list\":", ",", "\n", "null", "\"x\"", "\xff"};
        int parsedRules = 0;
        for (int round = 0; round < 3000; ++round) {
            std::string text;
            const int n = int(rng() % 40);
            for (int i = 0; i < n; ++i)
                text += pieces[rng() % std::size(pieces)];
            const auto r = readNdjson(text);
            if (r.ok()) {
                parsedRules += int(r->rules.size());
                (void)writeNdjson(r->rules);
            }
        }
        QVERIFY(parsedRules >= 0);
        const auto deep = readNdjson(std::string(100000, '[') + "\n");
        QVERIFY(!deep.ok() || hasErrors(deep->diagnostics));
        // A rule line holding a deeply nested value is refused, not copied or printed recursively.
        const std::string nested = R"({"rule_id":"x","type":"eql","meta":)" + std::string(50000, '[')
            + std::string(50000, ']') + "}\n" + R"({"rule_id":"y","type":"eql"})";
        const auto refused = readNdjson(nested);
        QVERIFY(refused.ok());
        QCOMPARE(refused->rules.size(), size_t(1));
        QCOMPARE(refused->rules[0].ruleId(), std::string("y"));
        QCOMPARE(refused->diagnostics.at(0).code, std::string("too-deep"));
    }

    void tomlToNdjsonToTomlKeepsWhatKibanaCarries()
    {
        EQLWB_REQUIRE_SHARED();
        const auto loaded = loadRuleFile(
            (test::sharedDir() + "/rules/command_and_control_common_webservices.HEAD.toml").toStdString());
        QVERIFY(loaded.ok());
        Rule toml = loaded->rules.at(0);
        toml.version = 132;
        std::vector<Diagnostic> warnings;
        const Rule api = toNdjsonShape(toml, warnings);
        QStringList said;
        for (const auto& d : warnings)
            said << QString::fromStdString(d.message);
        QVERIFY2(said.filter("[metadata]").size() == 1, qPrintable(said.join('|')));
        QVERIFY2(said.filter("[transform]").size() == 1, qPrintable(said.join('|')));

        const auto back = read(writeNdjson({api}));
        QCOMPARE(back.rules.size(), size_t(1));
        QCOMPARE(*back.rules[0].version, int64_t(132));
        std::vector<Diagnostic> notes;
        const Rule again = toTomlShape(back.rules[0], notes);
        const auto reread = readTomlRule(writeTomlRule(again).text);
        QVERIFY(reread.ok());
        // Every [rule] key survives; the strings detection-rules cleans compare cleaned.
        for (const auto& [k, v] : toml.body.items()) {
            QVERIFY2(reread->rule.body.contains(k), k.c_str());
            const auto& got = reread->rule.body[k];
            if (k == "note") // comes back with the [transform] plugins rendered into it
                QCOMPARE(got.get<std::string>(), api.text("note"));
            else if (isCleanedKey(k) && v.is_string())
                QCOMPARE(cleanText(got.get<std::string>()), cleanText(v.get<std::string>()));
            else
                QCOMPARE(unordered(got), unordered(v));
        }
        QCOMPARE(reread->rule.body.size(), toml.body.size());
    }

    void theApiFormatMatchesDetectionRulesExport_data()
    {
        QTest::addColumn<QString>("toml");
        QTest::addColumn<QString>("derived");
        QTest::addColumn<int>("version");
        QTest::newRow("7.11 branch") << "command_and_control_common_webservices.branch-7.11.toml"
                                     << "seed_rule.branch-7.11.api_format.derived.json" << 2;
        QTest::newRow("HEAD, with [transform] rendered into the note")
            << "command_and_control_common_webservices.HEAD.toml"
            << "seed_rule.HEAD.api_format.derived.json" << 132;
    }
    void theApiFormatMatchesDetectionRulesExport()
    {
        EQLWB_REQUIRE_SHARED();
        QFETCH(QString, toml);
        QFETCH(QString, derived);
        QFETCH(int, version);
        const auto loaded = loadRuleFile((test::sharedDir() + "/rules/" + toml).toStdString());
        Rule rule = loaded->rules.at(0);
        rule.version = version;
        std::vector<Diagnostic> warnings;
        const auto mine = nlohmann::json::parse(ndjsonRuleObject(toNdjsonShape(rule, warnings)).dump());
        const auto expected
            = nlohmann::json::parse(test::readTestFile(test::sharedDir() + "/rules/" + derived));
        for (const auto& [k, v] : expected.items())
            QVERIFY2(mine.contains(k) && mine[k] == v, k.c_str());
        QCOMPARE(QString::fromStdString(mine.dump()), QString::fromStdString(expected.dump()));
    }

    void aTunedRuleGetsTheNextVersionAndDates()
    {
        const auto b = read(test::readTestFile(
            test::sourceDir() + "/rules/command_and_control_common_webservices_tuned.ndjson"));
        Rule rule = b.rules.at(0);
        QCOMPARE(*rule.version, int64_t(3));
        markTuned(rule, "2026/12/24", "2026-12-24T08:00:00.000Z");
        QCOMPARE(*rule.version, int64_t(4));
        QCOMPARE(rule.text("updated_at"), std::string("2026-12-24T08:00:00.000Z"));
        const auto line = nlohmann::ordered_json::parse(splitLines(writeNdjson({rule})).at(0));
        QCOMPARE(line["version"].get<int>(), 4);

        const auto toml = loadRuleFile(
            (test::sourceDir() + "/rules/command_and_control_common_webservices.toml").toStdString());
        Rule seed = toml->rules.at(0);
        QCOMPARE(*seed.version, int64_t(2)); // from rules/version.lock.json
        markTuned(seed, "2026/12/24");
        QCOMPARE(*seed.version, int64_t(3));
        QCOMPARE(seed.metadata["updated_date"].get<std::string>(), std::string("2026/12/24"));
        QVERIFY(!seed.body.contains("updated_at"));
    }

    void asCustomGivesADerivedIdAndAName()
    {
        const auto toml = loadRuleFile(
            (test::sourceDir() + "/rules/command_and_control_common_webservices.toml").toStdString());
        const Rule& seed = toml->rules.at(0);
        const Rule custom = asCustomRule(seed, " [Duplicate]", "2026/12/24", "2026-12-24T08:00:00.000Z");
        QCOMPARE(custom.name(), std::string("Connection to Commonly Abused Web Services [Duplicate]"));
        QCOMPARE(custom.ruleId(), derivedRuleId(seed.ruleId()));
        QCOMPARE(derivedRuleId(seed.ruleId()), derivedRuleId(seed.ruleId()));
        QVERIFY(custom.ruleId() != seed.ruleId());
        QCOMPARE(*custom.version, int64_t(1));
        QVERIFY(custom.query() == seed.query());
        QVERIFY(checkRuleStructure(custom).empty()); // a valid lower-case UUID
        QVERIFY(derivedRuleId("a") != derivedRuleId("b"));
    }
};

QTEST_APPLESS_MAIN(TestRulesNdjson)
#include "tst_rules_ndjson.moc"
