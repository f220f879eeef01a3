// --stack-version: each construct a target version lacks is an error naming it and the version
// that introduced or removed it, with the meaning-preserving rewrite offered where one exists.
#include "eql/parser.h"
#include "rules/rule_file.h"
#include "rules/stack_version.h"
#include "support/test_paths.h"

#include <QtTest>

using namespace eqlwb;

namespace {

std::vector<Diagnostic> check(const std::string& query, const std::string& version)
{
    const auto parsed = eql::parseQuery(query);
    if (!parsed.ok())
        qFatal("test query does not parse: %s", query.c_str());
    return checkQueryForStack(*parsed.query, query, *parseStackVersion(version));
}

} // namespace

class TestRulesStackVersion : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (!eql::parseQuery("process where true").ok())
            QSKIP("the EQL parser is not built yet");
    }

    void versionsParse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("major.minor") << "7.11"
                                     << "7.11";
        QTest::newRow("patch") << "8.9.2"
                               << "8.9.2";
        QTest::newRow("suffix") << "8.11.0-beta"
                                << "8.11";
        QTest::newRow("major only") << "8"
                                    << "8.0";
        QTest::newRow("garbage") << "latest"
                                 << "";
        QTest::newRow("empty") << ""
                               << "";
    }
    void versionsParse()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        const auto v = parseStackVersion(text.toStdString());
        QCOMPARE(v ? QString::fromStdString(stackVersionText(*v)) : QString(), canonical);
    }

    void aConstructTheTargetLacksIsNamedWithItsVersion_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("fix");
        QTest::newRow("like before 7.12") << R"(process where process.name like "a*")"
                                          << "7.11"
                                          << "stack-version-like"
                                          << "introduced in Elastic 7.12"
                                          << R"(wildcard(process.name, "a*"))";
        QTest::newRow("like~ before 7.12 becomes :") << R"(process where process.name like~ ("a*", "b"))"
                                                     << "7.11"
                                                     << "stack-version-like"
                                                     << "introduced in Elastic 7.12"
                                                     << R"(process.name : ("a*", "b"))";
        QTest::newRow("regex before 7.12") << R"(process where process.name regex "a.*")"
                                           << "7.11"
                                           << "stack-version-regex"
                                           << "introduced in Elastic 7.12"
                                           << "";
        QTest::newRow("~ function before 7.12") << R"(process where startsWith~(process.name, "a"))"
                                                << "7.11"
                                                << "stack-version-insensitive-function"
                                                << "introduced in Elastic 7.12"
                                                << "";
        QTest::newRow("in~ before 7.12") << R"(process where process.name in~ ("a"))"
                                         << "7.11"
                                         << "stack-version-in-insensitive"
                                         << "introduced in Elastic 7.12"
                                         << "";
        QTest::newRow("?field before 7.16") << R"(process where ?process.name == "a")"
                                            << "7.15"
                                            << "stack-version-optional-field"
                                            << "introduced in Elastic 7.16"
                                            << "";
        QTest::newRow("with runs before 7.16")
            << "sequence [process where true] with runs=2 [file where true]"
            << "7.15"
            << "stack-version-runs"
            << "introduced in Elastic 7.16"
            << "";
        QTest::newRow("sample before 8.6") << "sample by host.name [process where true] [file where true]"
                                           << "8.5"
                                           << "stack-version-sample"
                                           << "introduced in Elastic 8.6"
                                           << "";
        QTest::newRow("missing events before 8.9")
            << "sequence with maxspan=1m [process where true] ![file where true]"
            << "8.8"
            << "stack-version-missing-events"
            << "introduced in Elastic 8.9"
            << "";
        QTest::newRow("wildcard() from 8.0") << R"(process where wildcard(process.name, "a*", "b*"))"
                                             << "8.0"
                                             << "stack-version-wildcard-function"
                                             << "removed in Elastic 8.0"
                                             << R"(process.name like ("a*", "b*"))";
        QTest::newRow(": with wildcards before 7.11") << R"(process where process.name : "a*")"
                                                      << "7.10"
                                                      << "stack-version-colon-wildcards"
                                                      << "introduced in Elastic 7.11"
                                                      << "";
        QTest::newRow(": before 7.10") << R"(process where process.name : "a")"
                                       << "7.9"
                                       << "stack-version-colon"
                                       << "introduced in Elastic 7.10"
                                       << "";
    }
    void aConstructTheTargetLacksIsNamedWithItsVersion()
    {
        QFETCH(QString, query);
        QFETCH(QString, target);
        QFETCH(QString, code);
        QFETCH(QString, version);
        QFETCH(QString, fix);
        const auto diags = check(query.toStdString(), target.toStdString());
        QCOMPARE(diags.size(), size_t(1));
        QCOMPARE(QString::fromStdString(diags[0].code), code);
        QCOMPARE(diags[0].severity, Severity::Error);
        QVERIFY2(diags[0].message.find(version.toStdString()) != std::string::npos, diags[0].message.c_str());
        QCOMPARE(QString::fromStdString(diags[0].fix), fix);
        // The span covers the construct, so the fix can replace it in place.
        QVERIFY(diags[0].span.end > diags[0].span.begin);
        if (!fix.isEmpty()) {
            std::string rewritten = query.toStdString();
            rewritten.replace(
                diags[0].span.begin, diags[0].span.end - diags[0].span.begin, fix.toStdString());
            QVERIFY2(eql::parseQuery(rewritten).ok(), rewritten.c_str());
        }
    }

    void theSameQueriesPassAtTheVersionThatIntroducedThem_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("target");
        QTest::newRow("like at 7.12") << R"(process where process.name like "a*")"
                                      << "7.12";
        QTest::newRow("?field at 7.16") << R"(process where ?process.name == "a")"
                                        << "7.16.0";
        QTest::newRow("sample at 8.6") << "sample by host.name [process where true] [file where true]"
                                       << "8.6";
        QTest::newRow("missing events at 8.9")
            << "sequence with maxspan=1m [process where true] ![file where true]"
            << "8.9";
        QTest::newRow("wildcard() before 8.0") << R"(process where wildcard(process.name, "a*"))"
                                               << "7.17";
        QTest::newRow(": lists at 7.11") << R"(process where process.name : ("a*", "b"))"
                                         << "7.11";
    }
    void theSameQueriesPassAtTheVersionThatIntroducedThem()
    {
        QFETCH(QString, query);
        QFETCH(QString, target);
        QVERIFY(check(query.toStdString(), target.toStdString()).empty());
    }

    void aNegatedWildcardSaysWhereLikeDiffers()
    {
        const auto diags = check(R"(process where not wildcard(process.name, "a*"))", "8.0");
        QCOMPARE(diags.size(), size_t(1));
        QVERIFY(diags[0].message.find("without the field") != std::string::npos);
    }

    void theBundledSeedRuleRunsOn711AndNotOn8()
    {
        const auto loaded = loadRuleFile(
            (test::sourceDir() + "/rules/command_and_control_common_webservices.toml").toStdString());
        QVERIFY(loaded.ok());
        const Rule& seed = loaded->rules.at(0);
        QVERIFY(checkRuleForStack(seed, {7, 11, 0}).empty());
        const auto on8 = checkRuleForStack(seed, {8, 0, 0});
        QCOMPARE(on8.size(), size_t(1));
        QCOMPARE(on8[0].code, std::string("stack-version-wildcard-function"));
        QVERIFY(on8[0].fix.rfind("dns.question.name like (\"*.githubusercontent.*\", ", 0) == 0);
    }

    void ruleKeysAndExceptionEntriesAreGatedToo()
    {
        const auto loaded = loadRuleFile(
            (test::sourceDir() + "/rules/command_and_control_common_webservices_tuned.ndjson").toStdString());
        QVERIFY(loaded.ok());
        QStringList messages;
        for (const auto& d : checkRuleForStack(loaded->rules.at(0), {7, 11, 0}))
            messages << QString::fromStdString(d.message);
        QVERIFY(messages.filter("rule.setup (introduced in Elastic 8.3)").size() == 1);
        QVERIFY(messages.filter("rule.revision (introduced in Elastic 8.8)").size() == 1);
        QVERIFY(messages.filter("\"Defender updates\": wildcard").size() == 1);
        QVERIFY(checkRuleForStack(loaded->rules.at(0), {8, 19, 0}).empty());
    }
};

QTEST_APPLESS_MAIN(TestRulesStackVersion)
#include "tst_rules_stack_version.moc"
