// Sequence and sample queries end to end over small in-memory event sets: join keys (multi-
// valued, optional, per term), maxspan units, until, runs, missing events, pipes, the keys each
// match carries, samples and max_samples_per_key, and bad shapes as errors.
#include "exec/query_runner.h"
#include "memsource/memory_source.h"

#include <QtTest>
#include <string>
#include <vector>

using namespace eqlwb;

namespace {

using Ids = std::vector<int64_t>;

// Events as JSON lines; "id" becomes the event id; "t" seconds become @timestamp (epoch ms).
std::unique_ptr<MemorySource> source(const std::vector<std::string>& events)
{
    auto s = std::make_unique<MemorySource>();
    for (const auto& e : events) {
        auto j = e;
        const auto t = j.find("\"t\":");
        if (t != std::string::npos) {
            const auto end = j.find_first_of(",}", t);
            const long long secs = std::stoll(j.substr(t + 4, end - t - 4));
            j.insert(1, "\"@timestamp\":" + std::to_string(secs * 1000) + ",");
        }
        const auto idAt = j.find("\"id\":");
        const auto idEnd = j.find_first_of(",}", idAt);
        const int64_t id = std::stoll(j.substr(idAt + 5, idEnd - idAt - 5));
        if (!s->addEvent(j, id))
            qFatal("bad test event %s", j.c_str());
    }
    return s;
}

const std::vector<std::string> kEvents = {
    R"({"id":1,"t":0,"event":{"category":"process"},"host":"a","user":["u1","u2"],"pid":10})",
    R"({"id":2,"t":5,"event":{"category":"network"},"host":"a","user":"u2","pid":10})",
    R"({"id":3,"t":6,"event":{"category":"process"},"host":"b","pid":20})",
    R"({"id":4,"t":8,"event":{"category":"file"},"host":"a","pid":10})",
    R"({"id":5,"t":70,"event":{"category":"network"},"host":"b","pid":20})",
    R"({"id":6,"t":71,"event":{"category":"file"},"host":"b","pid":20})",
    R"({"id":7,"t":72,"event":{"category":"network"},"pid":30})",
    R"({"id":8,"t":73,"event":{"category":"network"},"pid":30})",
};

Result<QueryResult> run(const std::string& query, RunOptions options = {})
{
    static auto src = source(kEvents);
    return runQuery(*src, query, options);
}

} // namespace

class TestSequenceQuery : public QObject {
    Q_OBJECT

private slots:
    void sequencesReturnTheirEventsInOrder_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<Ids>("expected");
        QTest::newRow("by host") << "sequence by host [process where true] [network where true]"
                                 << Ids{1, 2, 3, 5};
        QTest::newRow("maxspan seconds excludes the late pair")
            << "sequence by host with maxspan=10s [process where true] [network where true]" << Ids{1, 2};
        QTest::newRow("maxspan is inclusive")
            << "sequence by host with maxspan=5s [process where true] [network where true]" << Ids{1, 2};
        QTest::newRow("maxspan in minutes")
            << "sequence by host with maxspan=2m [process where true] [network where true]"
            << Ids{1, 2, 3, 5};
        QTest::newRow("per-term keys")
            << "sequence [process where true] by pid [file where true] by pid" << Ids{1, 4, 3, 6};
        QTest::newRow("until kills the pending sequence")
            << "sequence by host [process where true] [file where true] until [network where true]" << Ids{};
        QTest::newRow("runs") << "sequence by pid [network where true] with runs=2" << Ids{7, 8};
        QTest::newRow("missing event in the middle")
            << "sequence by host with maxspan=1m [process where true] ![network where true] [file where true]"
            << Ids{};
        QTest::newRow("missing event that did not happen")
            << "sequence by host with maxspan=2m [process where true] ![file where pid == 99] [network where "
               "true]"
            << Ids{1, -1, 2, 3, -1, 5};
        QTest::newRow("null key drops the event")
            << "sequence by host [network where true] [network where true]" << Ids{};
        QTest::newRow("optional null key joins")
            << "sequence by ?host [network where true] [network where true]" << Ids{7, 8};
        QTest::newRow("multi-valued key fans out")
            << "sequence by user [process where true] [network where true]" << Ids{1, 2};
        QTest::newRow("head") << "sequence by host [process where true] [any where true] | head 1"
                              << Ids{1, 2};
        QTest::newRow("tail") << "sequence by host [process where true] [any where true] | tail 1"
                              << Ids{3, 5};
    }
    void sequencesReturnTheirEventsInOrder()
    {
        QFETCH(QString, query);
        QFETCH(Ids, expected);
        auto result = run(query.toStdString());
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        QCOMPARE(result->eventIds(), expected);
        QCOMPARE(result->kind, eql::QueryKind::Sequence);
    }

    void eachMatchCarriesItsJoinKeyValues()
    {
        auto result = run("sequence by host [process where true] by pid [network where true] by pid");
        QVERIFY(result.ok());
        QCOMPARE(result->matches.size(), size_t(2));
        QCOMPARE(result->matches[0].keys, (std::vector<Value>{std::string("a"), int64_t(10)}));
        QCOMPARE(result->matches[1].keys, (std::vector<Value>{std::string("b"), int64_t(20)}));
    }

    void theSizeOptionCapsSequences()
    {
        RunOptions options;
        options.size = 1;
        auto result = run("sequence by host [process where true] [network where true]", options);
        QVERIFY(result.ok());
        QCOMPARE(result->eventIds(), (Ids{1, 2}));
    }

    void termsWithDifferentKeyCountsAreAnError()
    {
        auto result = run("sequence [process where true] by host [network where true] by host, pid");
        QVERIFY(!result.ok());
        QVERIFY(result.error().code == "invalid-query" || result.error().code == "parse");
        QVERIFY(!result.error().message.empty());
    }

    void samplesGroupByKeyInKeyOrder()
    {
        auto result = run("sample by host [process where true] [network where true]");
        QVERIFY(result.ok());
        QCOMPARE(result->kind, eql::QueryKind::Sample);
        QCOMPARE(result->eventIds(), (Ids{1, 2, 3, 5}));
        QCOMPARE(result->matches[0].keys, (std::vector<Value>{std::string("a")}));
    }

    void samplesNeverUseOneEventTwiceAndHonourMaxSamplesPerKey()
    {
        RunOptions options;
        auto one = run("sample by pid [network where true] [network where true]", options);
        QVERIFY(one.ok());
        QCOMPARE(one->eventIds(), (Ids{7, 8}));
        options.maxSamplesPerKey = 5;
        auto several = run("sample by pid [network where true] [network where true]", options);
        QVERIFY(several.ok());
        QCOMPARE(several->eventIds(), (Ids{7, 8, 8, 7}));
    }

    void samplesWithAnOptionalKeyIncludeTheNullGroupFirst()
    {
        auto result = run("sample by ?host [network where true] [network where true]");
        QVERIFY(result.ok());
        QCOMPARE(result->eventIds(), (Ids{7, 8}));
        QCOMPARE(result->matches[0].keys, (std::vector<Value>{Null{}}));
    }
};

QTEST_APPLESS_MAIN(TestSequenceQuery)
#include "tst_sequence_query.moc"
