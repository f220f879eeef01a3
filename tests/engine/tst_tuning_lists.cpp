// The rule's editable lists: which predicates are lists and of what kind, the hit counts of their
// entries over a small hand-checked source, and the add/remove rewrites of the list editor.
#include "eql/formatter.h"
#include "eql/parser.h"
#include "memsource/memory_source.h"
#include "rules/rule_file.h"
#include "support/test_paths.h"
#include "tuning/query_lists.h"

#include <QtTest>
#include <nlohmann/json.hpp>

using namespace eqlwb;
using namespace eqlwb::test;

namespace {

// "include f :" for each list, joined with "|": kind, field and operation in one string.
QString describe(const std::vector<QueryList>& lists)
{
    QStringList parts;
    for (const auto& list : lists)
        parts << QString("%1 %2 %3")
                     .arg(list.exclude ? "exclude" : "include", QString::fromStdString(list.field),
                         QString::fromStdString(list.operation));
    return parts.join('|');
}

QList<qint64> hitsOf(const QueryList& list)
{
    QList<qint64> hits;
    for (const auto& entry : list.entries)
        hits << entry.hits;
    return hits;
}

std::string seedQuery()
{
    auto loaded
        = loadRuleFile((sourceDir() + "/rules/command_and_control_common_webservices.toml").toStdString());
    if (!loaded || loaded->rules.empty())
        return {};
    return loaded->rules.front().query();
}

std::string canonical(const std::string& query)
{
    auto parsed = eql::parseQuery(query);
    return parsed.ok() ? eql::formatQuery(*parsed.query) : std::string();
}

} // namespace

class TestTuningLists : public QObject {
    Q_OBJECT
private:
    MemorySource source_;

private Q_SLOTS:
    void initTestCase()
    {
        // id: domain, process. Checked by hand below.
        const char* events[][2] = {
            {"a.pastebin.com", "chrome.exe"}, // 1
            {"b.pastebin.com", "evil.exe"}, // 2
            {"x.ngrok.io", "evil.exe"}, // 3
            {"x.ngrok.io", "svchost.exe"}, // 4
            {"example.com", "evil.exe"}, // 5
            {"c.pastebin.com", "svchost.exe"}, // 6
        };
        int t = 0;
        for (const auto& e : events) {
            const QString json = QString(R"({"@timestamp":%1,"event":{"category":"network"},)"
                                         R"("dns":{"question":{"name":"%2"}},"process":{"name":"%3"}})")
                                     .arg(++t)
                                     .arg(e[0], e[1]);
            QVERIFY(source_.addEvent(json.toStdString()).ok());
        }
    }

    void theSeedRuleHasAnIncludeWildcardListAndAnExcludeProcessList()
    {
        const std::string query = seedQuery();
        QVERIFY(!query.empty());
        auto lists = findLists(query);
        QVERIFY(lists.ok());
        QCOMPARE(describe(*lists), QString("include dns.question.name wildcard|exclude process.name in"));
        QCOMPARE(lists->at(0).number, 1);
        QCOMPARE(lists->at(1).number, 2);
        QCOMPARE(lists->at(0).entries.size(), size_t(19));
        QCOMPARE(lists->at(1).entries.size(), size_t(13));
        QCOMPARE(lists->at(0).entries.front().text, std::string("*.githubusercontent.*"));
        QCOMPARE(lists->at(1).entries.back().text, std::string("OneDrive.exe"));
        // Each entry's span covers its literal in the query text.
        const auto& span = lists->at(1).entries.front().span;
        QCOMPARE(query.substr(span.begin, span.end - span.begin), std::string("\"MicrosoftEdgeCP.exe\""));
    }

    void theSevenElevenSeedRuleHasTheSameTwoLists()
    {
        EQLWB_REQUIRE_SHARED();
        auto loaded = loadRuleFile(
            (sharedDir() + "/rules/command_and_control_common_webservices.branch-7.11.toml").toStdString());
        QVERIFY(loaded.ok() && !loaded->rules.empty());
        auto lists = findLists(loaded->rules.front().query());
        QVERIFY(lists.ok());
        QCOMPARE(describe(*lists), QString("include dns.question.name wildcard|exclude process.name in"));
    }

    void theHeadSeedRuleHasOneIncludeDomainListAndTwelveExcludeLists()
    {
        EQLWB_REQUIRE_SHARED();
        auto loaded = loadRuleFile(
            (sharedDir() + "/rules/command_and_control_common_webservices.HEAD.toml").toStdString());
        QVERIFY(loaded.ok() && !loaded->rules.empty());
        auto lists = findLists(loaded->rules.front().query());
        QVERIFY(lists.ok());
        QCOMPARE(lists->size(), size_t(13));
        // `not (?user.id in (...) or ...)` comes first, then the domain list of 88 patterns.
        QCOMPARE(lists->at(0).field, std::string("user.id"));
        QVERIFY(lists->at(0).exclude);
        QCOMPARE(lists->at(1).field, std::string("dns.question.name"));
        QCOMPARE(lists->at(1).operation, std::string(":"));
        QVERIFY(!lists->at(1).exclude);
        QCOMPARE(lists->at(1).entries.size(), size_t(88));
        for (size_t i = 2; i < lists->size(); ++i)
            QVERIFY(lists->at(i).exclude);
    }

    void predicatesAreListsOnlyWhenTheyCompareOneFieldWithStrings_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("lists");
        QTest::newRow("colon list") << R"(any where f : ("a", "b"))"
                                    << "include f :";
        QTest::newRow("colon one string") << R"(any where f : "a")"
                                          << "";
        QTest::newRow("colon list of one") << R"(any where f : ("a"))"
                                           << "include f :";
        QTest::newRow("like~") << R"(any where f like~ ("a*", "b*"))"
                               << "include f like~";
        QTest::newRow("regex") << R"(any where f regex ("a.*", "b"))"
                               << "include f regex";
        QTest::newRow("not in") << R"(any where f not in ("a", "b"))"
                                << "exclude f not in";
        QTest::newRow("not ( in~ )") << R"(any where not (f in~ ("a", "b")))"
                                     << "exclude f in~";
        QTest::newRow("not not") << R"(any where not not f in ("a", "b"))"
                                 << "include f in";
        QTest::newRow("not ... not in") << R"(any where not f not in ("a", "b"))"
                                        << "include f not in";
        QTest::newRow("number item") << R"(any where f in ("a", 1))"
                                     << "";
        QTest::newRow("not a field") << R"(any where length(f) in ("a", "b"))"
                                     << "";
        QTest::newRow("equality") << R"(any where f == "a")"
                                  << "";
        QTest::newRow("wildcard") << R"(any where wildcard(f, "a*", "b*"))"
                                  << "include f wildcard";
        QTest::newRow("under or and not")
            << R"(any where a.b in ("x", "y") or not (c : ("1", "2") and d like ("p", "q")))"
            << "include a.b in|exclude c :|exclude d like";
        QTest::newRow("sequence terms")
            << R"(sequence by h [any where f in ("a", "b")] [any where not g : ("c", "d")])"
            << "include f in|exclude g :";
    }

    void predicatesAreListsOnlyWhenTheyCompareOneFieldWithStrings()
    {
        QFETCH(QString, query);
        QFETCH(QString, lists);
        auto found = findLists(query.toStdString());
        QVERIFY2(found.ok(), found.ok() ? "" : found.error().message.c_str());
        QCOMPARE(describe(*found), lists);
    }

    void anInvalidQueryIsAParseErrorWithItsSpan()
    {
        auto found = findLists("any where f in (\"a\",");
        QVERIFY(!found.ok());
        QCOMPARE(found.error().code, std::string("parse"));
        QVERIFY(!withEntryAdded("any where (", 1, "x").ok());
        QVERIFY(!withEntryRemoved(std::string("\xff\x00", 2), 1, "x").ok());
    }

    void hitCountsSayWhatEachEntryIncludesOrExcludes()
    {
        const std::string query
            = R"(network where wildcard(dns.question.name, "*.pastebin.*", "*ngrok.*", "*.nothing.*")
            and not process.name in ("chrome.exe", "svchost.exe"))";
        auto lists = findLists(query);
        QVERIFY(lists.ok());
        QCOMPARE(lists->size(), size_t(2));
        ColumnCache cache;
        RunOptions options;
        options.size = 1; // ignored: hits count all matches
        QVERIFY(countHits(source_, cache, query, *lists, options).ok());
        // Matches now: 2, 3. Without "*.pastebin.*": 3; without "*ngrok.*": 2.
        QCOMPARE(hitsOf(lists->at(0)), (QList<qint64>{1, 1, 0}));
        // Without chrome.exe: 1, 2, 3; without svchost.exe: 2, 3, 4, 6.
        QCOMPARE(hitsOf(lists->at(1)), (QList<qint64>{1, 2}));
    }

    void aListOfOneEntryCountsAsIfItMatchedNothing_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("not in")
            << R"(network where dns.question.name : ("*.pastebin.*") and process.name not in ("svchost.exe"))";
        QTest::newRow("not ( in )")
            << R"(network where dns.question.name : ("*.pastebin.*") and not process.name in ("svchost.exe"))";
    }

    void aListOfOneEntryCountsAsIfItMatchedNothing()
    {
        QFETCH(QString, query);
        auto lists = findLists(query.toStdString());
        QVERIFY(lists.ok());
        QCOMPARE(lists->size(), size_t(2));
        ColumnCache cache;
        QVERIFY(countHits(source_, cache, query.toStdString(), *lists, RunOptions{}).ok());
        // Matches now: 1, 2 (6 is svchost.exe). Every match is due to the pastebin entry;
        // svchost.exe keeps out event 6 only.
        QCOMPARE(hitsOf(lists->at(0)), (QList<qint64>{2}));
        QCOMPARE(hitsOf(lists->at(1)), (QList<qint64>{1}));
    }

    void addingAndRemovingAnEntryRoundTrips()
    {
        const std::string query = seedQuery();
        auto added = withEntryAdded(query, 2, "teams \"x\".exe");
        QVERIFY2(added.ok(), added.ok() ? "" : added.error().message.c_str());
        auto lists = findLists(*added);
        QVERIFY(lists.ok());
        QCOMPARE(lists->at(1).entries.size(), size_t(14));
        QCOMPARE(lists->at(1).entries.back().text, std::string("teams \"x\".exe"));
        QCOMPARE(lists->at(0).entries.size(), size_t(19));
        auto removed = withEntryRemoved(*added, 2, "teams \"x\".exe");
        QVERIFY(removed.ok());
        QCOMPARE(*removed, canonical(query));
        // The comments of the rule survive the rewrite.
        QVERIFY(removed->find("Insert noisy false positives here") != std::string::npos);

        auto fewer = withEntryRemoved(query, 1, "*ngrok.*");
        QVERIFY(fewer.ok());
        auto after = findLists(*fewer);
        QVERIFY(after.ok());
        QCOMPARE(after->at(0).entries.size(), size_t(18));
        QVERIFY(fewer->find("ngrok") == std::string::npos);
    }

    void removingDownToOneEntryKeepsTheListAndItsNumber()
    {
        auto one = withEntryRemoved(R"(any where f : ("a", "b") and g in ("c", "d"))", 1, "a");
        QVERIFY(one.ok());
        auto lists = findLists(*one);
        QVERIFY(lists.ok());
        QCOMPARE(describe(*lists), QString("include f :|include g in"));
        auto last = withEntryRemoved(*one, 1, "b");
        QVERIFY(!last.ok());
        QCOMPARE(last.error().code, std::string("last-entry"));
    }

    void editsOfWhatIsNotThereAreErrors_data()
    {
        QTest::addColumn<bool>("add");
        QTest::addColumn<int>("list");
        QTest::addColumn<QString>("entry");
        QTest::addColumn<QString>("code");
        QTest::newRow("no list 3") << true << 3 << "x"
                                   << "no-list";
        QTest::newRow("no list 0") << false << 0 << "x"
                                   << "no-list";
        QTest::newRow("no such entry") << false << 2 << "nope.exe"
                                       << "no-entry";
        QTest::newRow("duplicate") << true << 2 << "chrome.exe"
                                   << "duplicate-entry";
    }

    void editsOfWhatIsNotThereAreErrors()
    {
        QFETCH(bool, add);
        QFETCH(int, list);
        QFETCH(QString, entry);
        QFETCH(QString, code);
        const std::string query = seedQuery();
        auto r = add ? withEntryAdded(query, list, entry.toStdString())
                     : withEntryRemoved(query, list, entry.toStdString());
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(r.error().code), code);
    }

    // Every list of every detection-rules query can lose its last entry and gain a new one, and
    // the rewritten text parses with the same lists, that one changed.
    void everyListOfTheDetectionRulesCorpusRoundTripsAnEdit()
    {
        EQLWB_REQUIRE_SHARED();
        QFile f(sharedDir() + "/corpus/detection-rules-eql.jsonl");
        QVERIFY(f.open(QIODevice::ReadOnly));
        int queries = 0, lists = 0, entries = 0;
        QStringList failures;
        while (!f.atEnd()) {
            const auto j = nlohmann::json::parse(f.readLine().toStdString(), nullptr, false);
            if (!j.is_object() || !j.contains("query") || !j["query"].is_string())
                continue;
            const auto text = j["query"].get<std::string>();
            const auto path = QString::fromStdString(j.value("path", std::string()));
            ++queries;
            auto found = findLists(text);
            if (!found) {
                failures << path + ": " + QString::fromStdString(found.error().message);
                continue;
            }
            for (const auto& list : *found) {
                ++lists;
                entries += static_cast<int>(list.entries.size());
                const auto index = static_cast<size_t>(list.number - 1);
                auto added = withEntryAdded(text, list.number, "eqlwb-added-entry");
                auto again = added ? findLists(*added) : Result<std::vector<QueryList>>(added.error());
                if (!again || again->size() != found->size()
                    || again->at(index).entries.size() != list.entries.size() + 1
                    || again->at(index).entries.back().text != "eqlwb-added-entry") {
                    failures << path + QString(": adding to list %1").arg(list.number);
                    continue;
                }
                if (list.entries.size() < 2)
                    continue;
                auto removed = withEntryRemoved(text, list.number, list.entries.back().text);
                auto after = removed ? findLists(*removed) : Result<std::vector<QueryList>>(removed.error());
                if (!after || after->size() != found->size()
                    || after->at(index).entries.size() != list.entries.size() - 1)
                    failures << path + QString(": removing from list %1").arg(list.number);
            }
        }
        qInfo("corpus: %d queries, %d lists, %d entries", queries, lists, entries);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 20).join('\n')));
        QCOMPARE(queries, 1081);
        QVERIFY(lists > 1000);
    }

    // Any prefix of a real query (most are invalid) gives lists or an error, never a crash.
    void truncatedQueriesGiveListsOrErrors()
    {
        const std::string query = seedQuery();
        QVERIFY(!query.empty());
        int errors = 0;
        for (size_t n = 0; n <= query.size(); ++n) {
            const std::string prefix = query.substr(0, n);
            auto found = findLists(prefix);
            auto added = withEntryAdded(prefix, 1, "x");
            if (!found) {
                ++errors;
                QVERIFY(!found.error().code.empty());
                QVERIFY(!added.ok());
            }
        }
        QVERIFY(errors > 0);
    }
};

QTEST_APPLESS_MAIN(TestTuningLists)
#include "tst_tuning_lists.moc"
