// Differential testing of sequences: random small event sets and random sequence queries (keys
// that are missing or multi-valued, maxspan, until, runs), run by the fast path (filterRows,
// join-key ids, one slot per key and stage) and by the simple reference matcher in
// tests/support; both must return the same sequences in the same order. Deterministic seeds.
#include "exec/query_runner.h"
#include "memsource/memory_source.h"
#include "support/reference_rng.h"
#include "support/reference_sequence.h"

#include <QtTest>
#include <string>
#include <vector>

using namespace eqlwb;
using namespace eqlwb::test;

namespace {

using Rng = ReferenceRng;

const char* kCategories[] = {"process", "network", "file"};
const char* kKeys[] = {"a", "b", "c"};

std::vector<RefEvent> randomEvents(Rng& rng)
{
    std::vector<RefEvent> events(static_cast<size_t>(10 + rng.below(50)));
    int64_t id = 1;
    for (auto& e : events) {
        e.id = id++;
        e.ts = static_cast<int64_t>(rng.below(40)) * 500'000'000; // half-second steps, many ties
        e.category = kCategories[rng.below(3)];
        const int nkeys = rng.below(10) < 2 ? 0 : (rng.below(10) < 7 ? 1 : 2);
        for (int i = 0; i < nkeys; ++i)
            e.keys.push_back(kKeys[rng.below(3)]);
        e.v = rng.below(3);
    }
    return events;
}

std::string eventJson(const RefEvent& e)
{
    std::string j = R"({"event":{"category":")" + e.category + R"("},"@timestamp":)"
        + std::to_string(e.ts / 1'000'000) + R"(,"v":)" + std::to_string(e.v);
    if (e.keys.size() == 1)
        j += R"(,"k":")" + e.keys[0] + "\"";
    else if (e.keys.size() > 1)
        j += R"(,"k":[")" + e.keys[0] + R"(",")" + e.keys[1] + "\"]";
    return j + "}";
}

RefTerm randomTerm(Rng& rng)
{
    RefTerm t;
    t.category = kCategories[rng.below(3)];
    if (rng.chance(40))
        t.vEquals = rng.below(3);
    return t;
}

RefSequence randomSequence(Rng& rng)
{
    RefSequence s;
    const int terms = 2 + rng.below(2);
    for (int i = 0; i < terms; ++i) {
        s.terms.push_back(randomTerm(rng));
        if (rng.chance(15))
            s.terms.back().runs = 2;
    }
    if (rng.chance(30))
        s.until = randomTerm(rng);
    if (rng.chance(50))
        s.maxspanMillis = 500 * (1 + rng.below(12));
    s.byKey = rng.chance(80);
    return s;
}

} // namespace

class TestSequenceDifferential : public QObject {
    Q_OBJECT

private slots:
    void fastPathAgreesWithTheReferenceOnRandomSequences_data()
    {
        QTest::addColumn<int>("seed");
        for (int seed = 1; seed <= 20; ++seed)
            QTest::newRow(("seed " + std::to_string(seed)).c_str()) << seed;
    }
    void fastPathAgreesWithTheReferenceOnRandomSequences()
    {
        QFETCH(int, seed);
        Rng rng(static_cast<uint64_t>(seed) * 7919);
        int compared = 0, nonEmpty = 0;
        for (int round = 0; round < 10; ++round) {
            const auto events = randomEvents(rng);
            MemorySource source;
            for (const auto& e : events)
                QVERIFY(source.addEvent(eventJson(e), e.id).ok());
            ColumnCache cache;
            for (int q = 0; q < 10; ++q) {
                const auto sequence = randomSequence(rng);
                const auto text = refSequenceText(sequence);
                auto result = runQuery(source, cache, text, RunOptions{});
                QVERIFY2(result.ok(), (text + ": " + (result.ok() ? "" : result.error().message)).c_str());
                std::vector<std::vector<int64_t>> fast;
                for (const auto& m : result->matches)
                    fast.push_back(m.events);
                const auto expected = refSequenceMatches(events, sequence);
                if (fast != expected)
                    QFAIL(("differs for\n" + text).c_str());
                ++compared;
                nonEmpty += expected.empty() ? 0 : 1;
            }
        }
        QCOMPARE(compared, 100);
        QVERIFY2(nonEmpty > 10, "the random cases should produce matches"); // the test exercises matching
    }
};

QTEST_APPLESS_MAIN(TestSequenceDifferential)
#include "tst_sequence_differential.moc"
