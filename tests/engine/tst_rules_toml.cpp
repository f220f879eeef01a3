// detection-rules TOML in and out: every version of the seed rule round-trips to the same text
// and model, the house-style writer round-trips the model, a tuned rule's diff is only what was
// tuned, and bad files get messages naming the key.
#include "rules/ndjson_codec.h"
#include "rules/rule_check.h"
#include "rules/rule_convert.h"
#include "rules/rule_file.h"
#include "rules/toml_codec.h"
#include "support/test_paths.h"

#include <QtTest>
#include <random>

using namespace eqlwb;

namespace {

Rule load(const std::string& text)
{
    auto r = readTomlRule(text);
    if (!r)
        qFatal("not TOML: %s", r.error().message.c_str());
    return std::move(r->rule);
}

// Key order is the writer's business; these compare content.
nlohmann::json unordered(const RuleTree& t) { return nlohmann::json::parse(t.dump()); }

// TOML has no null: the writer leaves null keys out (with a warning).
RuleTree withoutNulls(const RuleTree& t)
{
    if (t.is_object()) {
        RuleTree out = RuleTree::object();
        for (const auto& [k, v] : t.items())
            if (!v.is_null())
                out[k] = withoutNulls(v);
        return out;
    }
    if (t.is_array()) {
        RuleTree out = RuleTree::array();
        for (const auto& v : t)
            out.push_back(withoutNulls(v));
        return out;
    }
    return t;
}

QStringList lines(const std::string& text) { return QString::fromStdString(text).split('\n'); }

// The shared seed-rule versions: history/ and the named heads beside it.
void addSharedRuleRows()
{
    QTest::addColumn<QString>("path");
    if (!test::haveShared()) {
        QTest::newRow("shared absent") << QString();
        return;
    }
    QDir rules(test::sharedDir() + "/rules");
    for (const auto& f : QDir(rules.filePath("history")).entryList({"*.toml"}, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable("history/" + f)) << rules.filePath("history/" + f);
    for (const auto& f : rules.entryList({"*.toml"}, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(f)) << rules.filePath(f);
}

// The model with the strings detection-rules cleans cleaned: what wrapping may change.
RuleTree cleaned(RuleTree body)
{
    for (auto& [k, v] : body.items())
        if (isCleanedKey(k) && v.is_string())
            v = cleanText(v.get<std::string>());
    return body;
}

} // namespace

class TestRulesToml : public QObject {
    Q_OBJECT
private slots:
    void everySeedVersionRoundTripsToTheSameTextAndModel_data() { addSharedRuleRows(); }
    void everySeedVersionRoundTripsToTheSameTextAndModel()
    {
        EQLWB_REQUIRE_SHARED();
        QFETCH(QString, path);
        const std::string text = test::readTestFile(path);
        QVERIFY(!text.empty());
        const Rule rule = load(text);
        QCOMPARE(rule.name().empty(), false);
        const auto written = writeTomlRule(rule);
        QVERIFY(written.diagnostics.empty());
        QCOMPARE(QString::fromStdString(written.text), QString::fromStdString(text));
        const Rule again = load(written.text);
        QCOMPARE(again.body, rule.body);
        QCOMPARE(again.metadata, rule.metadata);
        QCOMPARE(again.extraTables, rule.extraTables);
    }

    void theHouseStyleWriterRoundTripsEveryModel_data() { addSharedRuleRows(); }
    void theHouseStyleWriterRoundTripsEveryModel()
    {
        EQLWB_REQUIRE_SHARED();
        QFETCH(QString, path);
        Rule rule = load(test::readTestFile(path));
        rule.tomlSource.reset(); // write from the model alone
        const auto written = writeTomlRule(rule);
        QVERIFY(written.diagnostics.empty());
        const Rule again = load(written.text);
        QCOMPARE(cleaned(again.body), cleaned(rule.body));
        QCOMPARE(again.query(), rule.query());
        QCOMPARE(again.metadata, rule.metadata);
        QCOMPARE(again.extraTables, rule.extraTables);
        QVERIFY(written.text.find("query = '''\n") != std::string::npos);
    }

    void theHouseStyleWriterReproducesThe711BranchFile()
    {
        EQLWB_REQUIRE_SHARED();
        const std::string text = test::readTestFile(
            test::sharedDir() + "/rules/command_and_control_common_webservices.branch-7.11.toml");
        Rule rule = load(text);
        rule.tomlSource.reset();
        const auto generated = lines(writeTomlRule(rule).text);
        // Same lines up to the threat tables (pytoml spaced those oddly); the rest are equal sets.
        const auto original = lines(text);
        const int queryEnd = int(original.indexOf("'''", original.indexOf("query = '''") + 1));
        QVERIFY(queryEnd > 0);
        QCOMPARE(generated.mid(0, queryEnd + 1), original.mid(0, queryEnd + 1));
    }

    void aTunedQueryChangesOnlyTheQueryAndDateLines()
    {
        const std::string text
            = test::readTestFile(test::sourceDir() + "/rules/command_and_control_common_webservices.toml");
        Rule rule = load(text);
        std::string q = rule.query();
        const auto at = q.find("\"OneDrive.exe\")");
        QVERIFY(at != std::string::npos);
        q.insert(at, "\"Teams.exe\", ");
        rule.body["query"] = q;
        markTuned(rule, "2026/12/04");
        QCOMPARE(*rule.version, int64_t(1)); // no lock file read here: unknown version becomes 1
        const auto out = lines(writeTomlRule(rule).text);
        const auto in = lines(text);
        QCOMPARE(out.size(), in.size());
        QStringList changed;
        for (int i = 0; i < in.size(); ++i)
            if (in[i] != out[i])
                changed << out[i].trimmed();
        QCOMPARE(changed.size(), 2);
        QCOMPARE(changed[0], QStringLiteral("updated_date = \"2026/12/04\""));
        QVERIFY(changed[1].contains("\"Teams.exe\", \"OneDrive.exe\")"));
    }

    void aNewKeyIsWrittenInItsSortedPlace()
    {
        const std::string text
            = test::readTestFile(test::sourceDir() + "/rules/command_and_control_common_webservices.toml");
        Rule rule = load(text);
        rule.body["note"] = "## Triage\n\nLook at the process.\n";
        const std::string out = writeTomlRule(rule).text;
        const auto name = out.find("\nname = ");
        const auto note = out.find("\nnote = \"\"\"\n## Triage\n\nLook at the process.\n\"\"\"\n");
        const auto risk = out.find("\nrisk_score = ");
        QVERIFY(name < note && note < risk && risk != std::string::npos);
        QCOMPARE(load(out).text("note"), rule.text("note"));
    }

    void stringsTomlCannotHoldLiterallyAreEscaped_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("query with ''' ") << "process where a == \"'''\"\n";
        QTest::newRow("query ending in a quote") << "process where a == 'x'";
        QTest::newRow("control character") << QString("process where a == \"\x01\"\n");
        QTest::newRow("quotes at the end") << "x \"\"\"\"";
        QTest::newRow("backslashes and tabs") << "C:\\Windows\\\t\\\\x\n";
    }
    void stringsTomlCannotHoldLiterallyAreEscaped()
    {
        QFETCH(QString, value);
        Rule rule;
        rule.metadata["maturity"] = "development";
        rule.body["query"] = value.toStdString();
        rule.body["note"] = value.toStdString();
        rule.body["name"] = value.toStdString().substr(0, value.toStdString().find('\n'));
        const auto written = writeTomlRule(rule);
        const auto r = readTomlRule(written.text);
        QVERIFY2(r.ok(), written.text.c_str());
        QCOMPARE(unordered(r->rule.body), unordered(rule.body));
    }

    void aVersionKeyIsAWarningAndKeptBesideTheRule()
    {
        auto r = readTomlRule("[metadata]\nmaturity = \"production\"\n[rule]\nname = \"x\"\nversion = 4\n");
        QVERIFY(r.ok());
        QCOMPARE(*r->rule.version, int64_t(4));
        QVERIFY(!r->rule.body.contains("version"));
        QCOMPARE(r->diagnostics.size(), size_t(1));
        QCOMPARE(r->diagnostics[0].severity, Severity::Warning);
        QVERIFY(writeTomlRule(r->rule).text.find("version") == std::string::npos);
    }

    void textThatIsNotTomlIsAnErrorWithItsLine()
    {
        const auto r = readTomlRule("[rule]\nname = \"x\"\nrisk_score = \n");
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, std::string("bad-toml"));
        QVERIFY2(r.error().message.find("line 3") != std::string::npos, r.error().message.c_str());
    }

    void aMissingKeyIsNamed()
    {
        const Rule rule = load(test::readTestFile(test::sourceDir() + "/tests/data/rules/missing_name.toml"));
        const auto diags = checkRuleStructure(rule);
        QCOMPARE(diags.size(), size_t(1));
        QCOMPARE(
            QString::fromStdString(diags[0].message), QStringLiteral("rule.name: required key is missing"));
    }

    void wrongTypesAndValuesAreNamed()
    {
        const Rule rule = load(test::readTestFile(test::sourceDir() + "/tests/data/rules/wrong_types.toml"));
        QStringList messages;
        for (const auto& d : checkRuleStructure(rule))
            if (d.severity == Severity::Error)
                messages << QString::fromStdString(d.message);
        QCOMPARE(messages,
            QStringList({"metadata.creation_date: \"2026-12-01\" is not a date written YYYY/MM/DD",
                "rule.risk_score: must be an integer, not string",
                "rule.severity: \"severe\" is not one of critical, high, low, medium"}));
    }

    void kibanaRulesOfEveryTypeRoundTripThroughToml()
    {
        EQLWB_REQUIRE_SHARED();
        auto bundle = readNdjson(test::readTestFile(
            test::sharedDir() + "/rules/kibana_export_sample.custom-consolidated-rules.ndjson"));
        QVERIFY(bundle.ok());
        for (const auto& rule : bundle->rules) {
            std::vector<Diagnostic> notes;
            const Rule toml = toTomlShape(rule, notes);
            QVERIFY(!toml.body.contains("id") && !toml.body.contains("created_at"));
            QVERIFY(!toml.metadata.empty());
            const auto written = writeTomlRule(toml);
            const Rule again = load(written.text);
            const bool hadNulls = withoutNulls(toml.body) != toml.body;
            QCOMPARE(!written.diagnostics.empty(), hadNulls);
            const RuleTree expected = withoutNulls(toml.body);
            std::string differing;
            for (const auto& [k, v] : expected.items())
                if (!again.body.contains(k) || unordered(again.body[k]) != unordered(v))
                    differing += k + "=" + v.dump() + " read back as "
                        + again.body.value(k, RuleTree()).dump() + "; ";
            QVERIFY2(differing.empty(), (rule.name() + ": " + differing).c_str());
            QCOMPARE(unordered(again.body), unordered(expected));
            QCOMPARE(unordered(again.metadata), unordered(toml.metadata));
        }
    }

    void arbitraryBytesNeverCrashTheReader()
    {
        std::mt19937 rng(7);
        const std::string alphabet = "[]{}=\"'\n .,#abc123\\\x01\xff";
        for (int round = 0; round < 2000; ++round) {
            std::string text;
            const int n = int(rng() % 200);
            for (int i = 0; i < n; ++i)
                text += alphabet[rng() % alphabet.size()];
            const auto r = readTomlRule(text);
            if (r.ok())
                (void)writeTomlRule(r->rule);
        }
        const auto deep = readTomlRule("a = " + std::string(100000, '['));
        QVERIFY(!deep.ok());
    }
};

QTEST_APPLESS_MAIN(TestRulesToml)
#include "tst_rules_toml.moc"
