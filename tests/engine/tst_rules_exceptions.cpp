// Kibana exception items: reading every entry type, their EQL condition text (hand-computed), and
// a small evaluation over in-memory events that must agree with that text's meaning.
#include "eql/parser.h"
#include "rules/exception_condition.h"
#include "rules/ndjson_codec.h"
#include "rules/rule_file.h"
#include "rules/value_list.h"
#include "support/test_paths.h"

#include <QtTest>

using namespace eqlwb;

namespace {

RuleBundle fixture()
{
    auto r = readNdjson(test::readTestFile(test::sourceDir() + "/tests/data/rules/every_entry_type.ndjson"));
    if (!r)
        qFatal("fixture unreadable: %s", r.error().message.c_str());
    return std::move(*r);
}

const ExceptionItem& itemNamed(const RuleBundle& b, const std::string& id)
{
    for (const auto& item : b.rules.at(0).exceptionLists.at(0).items)
        if (item.itemId == id)
            return item;
    qFatal("no item %s", id.c_str());
}

ValueLists fixtureLists()
{
    return {{"trusted-hosts.txt",
        parseValueList(test::readTestFile(test::sourceDir() + "/tests/data/rules/trusted-hosts.txt"))}};
}

Value s(const char* v) { return std::string(v); }

} // namespace

class TestRulesExceptions : public QObject {
    Q_OBJECT
private slots:
    void everyEntryTypeIsReadWithoutDiagnostics()
    {
        const auto b = fixture();
        QCOMPARE(b.rules.size(), size_t(1));
        QCOMPARE(b.rules[0].exceptionLists.size(), size_t(1));
        QCOMPARE(b.rules[0].exceptionLists[0].items.size(), size_t(12));
        QVERIFY(b.diagnostics.empty());
        const auto& nested = itemNamed(b, "nested").entries.at(0);
        QCOMPARE(nested.type, EntryType::Nested);
        QCOMPARE(nested.entries.size(), size_t(2));
        QCOMPARE(itemNamed(b, "list").entries.at(0).listId, std::string("trusted-hosts.txt"));
        QVERIFY(itemNamed(b, "not-match").entries.at(0).excluded);
    }

    void itemConvertsToTheHandComputedCondition_data()
    {
        QTest::addColumn<QString>("item");
        QTest::addColumn<QString>("condition");
        QTest::newRow("match is ==") << "match"
                                     << R"(process.name == "chrome.exe")";
        QTest::newRow("excluded match is !=") << "not-match"
                                              << R"(host.name != "build-01")";
        QTest::newRow("match_any is in") << "match-any"
                                         << R"(process.name in ("a.exe", "b.exe"))";
        QTest::newRow("excluded match_any is not in") << "not-match-any"
                                                      << R"(user.name not in ("svc", "admin"))";
        QTest::newRow("wildcard is a case-sensitive like")
            << "wildcard"
            << R"(process.executable like "C:\\Program Files\\*\\app?.exe")";
        QTest::newRow("excluded wildcard is not like") << "not-wildcard"
                                                       << R"(not dns.question.name like "*.corp.example")";
        QTest::newRow("exists is != null") << "exists"
                                           << "user.name != null";
        QTest::newRow("does not exist is == null") << "not-exists"
                                                   << "user.name == null";
        QTest::newRow("list is in the list's values") << "list"
                                                      << R"(host.name in ("build-01", "build-02"))";
        QTest::newRow("excluded list is not in") << "not-list"
                                                 << R"(host.name not in ("build-01", "build-02"))";
        QTest::newRow("nested entries are ANDed under the parent field")
            << "nested"
            << R"((process.parent.name == "explorer.exe") and (process.parent.pid != null))";
        QTest::newRow("entries of one item are ANDed")
            << "two-entries"
            << R"((process.name == "svchost.exe") and (user.name != "SYSTEM"))";
    }
    void itemConvertsToTheHandComputedCondition()
    {
        QFETCH(QString, item);
        QFETCH(QString, condition);
        const auto b = fixture();
        std::vector<Diagnostic> diags;
        const auto c = itemCondition(itemNamed(b, item.toStdString()), fixtureLists(), diags);
        QVERIFY(c.has_value());
        QCOMPARE(QString::fromStdString(*c), condition);
        QVERIFY(diags.empty());
    }

    void everyConditionIsValidEql()
    {
        if (!eql::parseQuery("process where true").ok())
            QSKIP("the EQL parser is not built yet");
        const auto b = fixture();
        std::vector<Diagnostic> diags;
        const auto all = exceptionsCondition(b.rules[0].exceptionLists, fixtureLists(), diags);
        QVERIFY(all.has_value());
        const auto parsed = eql::parseQuery("any where " + *all);
        QVERIFY2(parsed.ok(), all->c_str());
    }

    void itemsAreOred()
    {
        ExceptionList list;
        ExceptionItem a, c;
        a.entries = {{"process.name", EntryType::Match, false, "a.exe", {}, {}, {}, {}}};
        c.entries = {{"process.name", EntryType::Match, false, "c.exe", {}, {}, {}, {}}};
        list.items = {a, c};
        std::vector<Diagnostic> diags;
        QCOMPARE(QString::fromStdString(*exceptionsCondition({list}, {}, diags)),
            QStringLiteral(R"((process.name == "a.exe") or (process.name == "c.exe"))"));
        QCOMPARE(QString::fromStdString(*exceptionsCondition({}, {}, diags)), QStringLiteral("false"));
    }

    void aMissingValueListIsAnErrorNamingIt()
    {
        const auto b = fixture();
        std::vector<Diagnostic> diags;
        QVERIFY(!itemCondition(itemNamed(b, "list"), {}, diags).has_value());
        QVERIFY(hasErrors(diags));
        QVERIFY(diags[0].message.find("trusted-hosts.txt") != std::string::npos);
    }

    void anEmptyValueListExcludesNothing()
    {
        const auto b = fixture();
        std::vector<Diagnostic> diags;
        QCOMPARE(
            QString::fromStdString(*itemCondition(itemNamed(b, "list"), {{"trusted-hosts.txt", {}}}, diags)),
            QStringLiteral("false"));
    }

    void oddFieldNamesAreQuotedAndStrings_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("path");
        QTest::newRow("plain") << "process.name"
                               << "process.name";
        QTest::newRow("leading space stays, in backticks") << " host.name"
                                                           << "` host`.name";
        QTest::newRow("dash") << "my-field.x"
                              << "`my-field`.x";
        QTest::newRow("backtick doubled") << "a`b"
                                          << "`a``b`";
    }
    void oddFieldNamesAreQuotedAndStrings()
    {
        QFETCH(QString, field);
        QFETCH(QString, path);
        QCOMPARE(QString::fromStdString(eqlFieldPath(field.toStdString())), path);
        // Plain literals here: moc misreads raw strings holding \" (the slots after it vanish).
        QCOMPARE(eqlStringLiteral("say \"hi\"\\\n"), std::string("\"say \\\"hi\\\"\\\\\\n\""));
    }

    void evaluationAgreesWithHandComputedExpectations_data()
    {
        QTest::addColumn<QString>("item");
        QTest::addColumn<int>("event");
        QTest::addColumn<bool>("matches");
        // Events: 0 chrome on build-01 by alice; 1 svchost by SYSTEM on ws-7; 2 app1.exe under
        // Program Files with no user; 3 explorer child; 4 multi-valued user.name [svc, bob];
        // 5 CHROME.EXE (case differs); 6 no fields at all.
        QTest::newRow("match hits") << "match" << 0 << true;
        QTest::newRow("match is case-sensitive") << "match" << 5 << false;
        QTest::newRow("excluded match misses its value") << "not-match" << 0 << false;
        QTest::newRow("excluded match hits another value") << "not-match" << 1 << true;
        QTest::newRow("excluded match hits a missing field, as Elasticsearch") << "not-match" << 6 << true;
        QTest::newRow("match_any any value of a multi-valued field") << "not-match-any" << 4 << false;
        QTest::newRow("wildcard ? and *") << "wildcard" << 2 << true;
        QTest::newRow("wildcard needs the whole value") << "wildcard" << 0 << false;
        QTest::newRow("excluded wildcard on a missing field") << "not-wildcard" << 6 << true;
        QTest::newRow("exists") << "exists" << 0 << true;
        QTest::newRow("exists misses a missing field") << "exists" << 2 << false;
        QTest::newRow("does not exist") << "not-exists" << 2 << true;
        QTest::newRow("in list") << "list" << 0 << true;
        QTest::newRow("not in list") << "not-list" << 1 << true;
        QTest::newRow("nested needs all children") << "nested" << 3 << true;
        QTest::newRow("nested misses without the parent") << "nested" << 0 << false;
        QTest::newRow("two entries both true") << "two-entries" << 1 << false; // user is SYSTEM
        QTest::newRow("two entries, second false") << "two-entries" << 3 << false;
    }
    void evaluationAgreesWithHandComputedExpectations()
    {
        QFETCH(QString, item);
        QFETCH(int, event);
        QFETCH(bool, matches);
        const std::vector<FlatEvent> events = {
            {{"process.name", {s("chrome.exe")}}, {"host.name", {s("build-01")}},
                {"user.name", {s("alice")}}},
            {{"process.name", {s("svchost.exe")}}, {"host.name", {s("ws-7")}}, {"user.name", {s("SYSTEM")}}},
            {{"process.executable", {s("C:\\Program Files\\Vendor\\app1.exe")}}},
            {{"process.name", {s("notepad.exe")}}, {"process.parent.name", {s("explorer.exe")}},
                {"process.parent.pid", {Value(int64_t(42))}}},
            {{"user.name", {s("svc"), s("bob")}}},
            {{"process.name", {s("CHROME.EXE")}}},
            {},
        };
        const auto b = fixture();
        QCOMPARE(
            itemMatches(itemNamed(b, item.toStdString()), events.at(size_t(event)), fixtureLists()), matches);
    }

    void wildcardMatching_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("matches");
        QTest::newRow("star empty") << "a*"
                                    << "a" << true;
        QTest::newRow("star middle") << "a*c"
                                     << "abbbc" << true;
        QTest::newRow("question one char") << "a?c"
                                           << "abc" << true;
        QTest::newRow("question not zero") << "a?c"
                                           << "ac" << false;
        QTest::newRow("anchored end") << "*.exe"
                                      << "a.exe.bak" << false;
        QTest::newRow("backslash is literal") << "C:\\*"
                                              << "C:\\x" << true;
        QTest::newRow("backtracking") << "*ab*ab"
                                      << "xabyabab" << true;
        QTest::newRow("case-sensitive") << "*.EXE"
                                        << "a.exe" << false;
        QTest::newRow("question is one character, not one byte")
            << "caf?" << QString::fromUtf8("caf\xc3\xa9") << true;
        QTest::newRow("a literal star in the value") << "a*"
                                                     << "a*b" << true;
        QTest::newRow("empty pattern") << ""
                                       << "" << true;
    }
    void wildcardMatching()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, value);
        QFETCH(bool, matches);
        QCOMPARE(wildcardMatches(pattern.toStdString(), value.toStdString()), matches);
    }

    void badEntriesAreErrorsNamingTheEntry()
    {
        std::vector<Diagnostic> diags;
        const auto j = nlohmann::ordered_json::parse(
            R"([{"field":"a","operator":"included","type":"match","value":["x"]},{"field":"b","type":"bogus"},)"
            R"({"field":"c","operator":"maybe","type":"exists"}])");
        entriesFromJson(j, "item \"x\"", diags);
        QCOMPARE(diags.size(), size_t(3));
        QVERIFY(diags[0].message.find("entry 1") != std::string::npos);
        QVERIFY(diags[1].message.find("bogus") != std::string::npos);
        QVERIFY(diags[2].message.find("operator") != std::string::npos);
    }

    void deeplyNestedEntriesStopWithAnError()
    {
        std::string text = R"({"field":"x","operator":"included","type":"exists"})";
        for (int i = 0; i < 10000; ++i)
            text = R"({"field":"p","type":"nested","entries":[)" + text + "]}";
        const auto j = nlohmann::ordered_json::parse("[" + text + "]");
        std::vector<Diagnostic> diags;
        entriesFromJson(j, "deep", diags);
        QVERIFY(hasErrors(diags));
    }

    void setEntriesKeepsTheJsonInStep()
    {
        auto b = fixture();
        auto item = itemNamed(b, "match");
        auto entries = item.entries;
        entries[0].value = "firefox.exe";
        setEntries(item, entries);
        QCOMPARE(item.raw["entries"][0]["value"].get<std::string>(), std::string("firefox.exe"));
        QCOMPARE(item.raw["item_id"].get<std::string>(), std::string("match"));
    }
};

QTEST_APPLESS_MAIN(TestRulesExceptions)
#include "tst_rules_exceptions.moc"
