// The sequence state machine on its own: Elasticsearch's abstract series cases
// (unit/sequences.series-spec, read from ../shared when present) and hand-written cases for
// maxspan, until, missing stages, the head limit and the memory cap.
#include "exec/sequence_matcher.h"
#include "support/test_paths.h"

#include <QtTest>
#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using namespace eqlwb;

namespace {

// One event of a series: the stage it matches, its key and its number (time and order).
struct SeriesEvent {
    uint32_t stage = 0;
    std::string key;
    int64_t number = 0;
};

struct SeriesCase {
    std::string name;
    std::vector<SeriesEvent> events;
    std::vector<std::vector<int64_t>> expected; // numbers of each expected match
};

// "r|W12" -> key r, number 12; "A1" -> key "", number 1.
SeriesEvent parseToken(const std::string& token, uint32_t stage)
{
    SeriesEvent e;
    e.stage = stage;
    std::string rest = token;
    if (const auto bar = rest.find('|'); bar != std::string::npos) {
        e.key = rest.substr(0, bar);
        rest = rest.substr(bar + 1);
    }
    size_t i = 0;
    while (i < rest.size() && !std::isdigit(static_cast<unsigned char>(rest[i])))
        ++i;
    e.number = std::stoll(rest.substr(i));
    return e;
}

std::vector<std::string> words(const std::string& line)
{
    std::istringstream in(line);
    std::vector<std::string> out;
    for (std::string w; in >> w;)
        out.push_back(w);
    return out;
}

std::vector<SeriesCase> parseSeriesSpec(const std::string& path)
{
    std::ifstream in(path);
    std::vector<SeriesCase> cases;
    enum { Name, Events, Expected } state = Name;
    uint32_t stage = 0;
    for (std::string line; std::getline(in, line);) {
        if (const auto c = line.find("//"); c != std::string::npos)
            line.erase(c);
        const auto w = words(line);
        if (w.empty())
            continue;
        if (w[0] == ";") {
            state = state == Events ? Expected : Name;
            continue;
        }
        switch (state) {
        case Name:
            cases.push_back(SeriesCase{w[0], {}, {}});
            state = Events;
            stage = 0;
            break;
        case Events:
            for (const auto& t : w)
                cases.back().events.push_back(parseToken(t, stage));
            ++stage;
            break;
        case Expected: {
            std::vector<int64_t> numbers;
            for (const auto& t : w)
                numbers.push_back(parseToken(t, 0).number);
            cases.back().expected.push_back(std::move(numbers));
            break;
        }
        }
    }
    return cases;
}

// Runs a series through the matcher: events ordered by number, keys interned.
std::vector<std::vector<int64_t>> runSeries(std::vector<SeriesEvent> events, SequenceShape shape,
    const std::vector<std::pair<std::string, int64_t>>& untils = {}, SequenceMatcherOptions options = {})
{
    struct Item {
        int64_t number;
        bool until;
        uint32_t stage;
        std::string key;
    };
    std::vector<Item> items;
    for (const auto& e : events)
        items.push_back({e.number, false, e.stage, e.key});
    for (const auto& [key, number] : untils)
        items.push_back({number, true, 0, key});
    std::stable_sort(
        items.begin(), items.end(), [](const Item& a, const Item& b) { return a.number < b.number; });
    std::vector<int64_t> numbers; // position -> number
    for (const auto& it : items)
        if (numbers.empty() || numbers.back() != it.number)
            numbers.push_back(it.number);
    std::map<std::string, uint32_t> keyIds;
    auto keyOf = [&](const std::string& k) {
        return keyIds.emplace(k, static_cast<uint32_t>(keyIds.size())).first->second;
    };
    SequenceMatcher matcher(shape, numbers, options);
    size_t i = 0;
    for (uint32_t pos = 0; pos < numbers.size(); ++pos) {
        std::vector<SequenceMatcher::StageKey> matches;
        std::vector<uint32_t> untilKeys;
        for (; i < items.size() && items[i].number == numbers[pos]; ++i) {
            if (items[i].until)
                untilKeys.push_back(keyOf(items[i].key));
            else
                matches.push_back({items[i].stage, keyOf(items[i].key)});
        }
        matcher.onEvent(pos, matches, untilKeys);
        if (matcher.limitReached())
            break;
    }
    std::vector<std::vector<int64_t>> out;
    for (const auto& hit : matcher.finish()) {
        std::vector<int64_t> n;
        for (uint32_t p : hit.positions)
            n.push_back(p == SequenceHit::kNoEvent ? -1 : numbers[p]);
        out.push_back(std::move(n));
    }
    return out;
}

SequenceShape positiveStages(size_t n, std::optional<int64_t> maxspan = std::nullopt)
{
    return SequenceShape{std::vector<bool>(n, false), maxspan};
}

SeriesEvent ev(uint32_t stage, int64_t number, std::string key = {})
{
    return {stage, std::move(key), number};
}

using Matches = std::vector<std::vector<int64_t>>;

} // namespace

class TestSequenceMatcher : public QObject {
    Q_OBJECT

private slots:
    void elasticsearchSeriesCasesMatchExactly_data()
    {
        QTest::addColumn<int>("index");
        if (!test::haveShared()) {
            QTest::newRow("absent") << -1;
            return;
        }
        const auto cases = parseSeriesSpec(
            (test::sharedDir() + "/conformance/es-eql/unit/sequences.series-spec").toStdString());
        for (size_t i = 0; i < cases.size(); ++i)
            QTest::newRow(cases[i].name.c_str()) << static_cast<int>(i);
    }
    void elasticsearchSeriesCasesMatchExactly()
    {
        EQLWB_REQUIRE_SHARED();
        QFETCH(int, index);
        const auto cases = parseSeriesSpec(
            (test::sharedDir() + "/conformance/es-eql/unit/sequences.series-spec").toStdString());
        QVERIFY(cases.size() >= 25);
        const auto& c = cases[static_cast<size_t>(index)];
        uint32_t stages = 0;
        for (const auto& e : c.events)
            stages = std::max(stages, e.stage + 1);
        QCOMPARE(runSeries(c.events, positiveStages(stages)), c.expected);
    }

    void newestPartialWinsAndOlderOnesAreDiscarded()
    {
        // A1 A2 B3: A2 B3 only; A1 A3 B2: A1 B2.
        QCOMPARE(runSeries({ev(0, 1), ev(0, 2), ev(1, 3)}, positiveStages(2)), (Matches{{2, 3}}));
        QCOMPARE(runSeries({ev(0, 1), ev(0, 3), ev(1, 2)}, positiveStages(2)), (Matches{{1, 2}}));
    }

    void keysKeepSeparateStates()
    {
        QCOMPARE(runSeries({ev(0, 1, "a"), ev(0, 2, "b"), ev(1, 3, "a"), ev(1, 4, "b")}, positiveStages(2)),
            (Matches{{1, 3}, {2, 4}}));
    }

    void maxspanIsInclusiveAndMeasuredFromTheFirstEvent()
    {
        const std::vector<SeriesEvent> events = {ev(0, 0), ev(1, 5), ev(2, 10)};
        QCOMPARE(runSeries(events, positiveStages(3, 10)), (Matches{{0, 5, 10}}));
        QCOMPARE(runSeries(events, positiveStages(3, 9)), Matches{});
    }

    void untilBetweenTwoStagesKillsThePartial()
    {
        const std::vector<SeriesEvent> events = {ev(0, 1, "k"), ev(1, 3, "k")};
        QCOMPARE(runSeries(events, positiveStages(2), {{"k", 2}}), Matches{});
        QCOMPARE(runSeries(events, positiveStages(2), {{"other", 2}}), (Matches{{1, 3}}));
        QCOMPARE(runSeries(events, positiveStages(2), {{"k", 4}}), (Matches{{1, 3}}));
    }

    void anEventCanCompleteOneSequenceAndStartAnother()
    {
        // The same term twice: 1 2 3 gives (1,2) and (2,3).
        QCOMPARE(runSeries({ev(0, 1), ev(1, 1), ev(0, 2), ev(1, 2), ev(0, 3), ev(1, 3)}, positiveStages(2)),
            (Matches{{1, 2}, {2, 3}}));
    }

    void aMiddleMissingEventRejectsTheCandidate()
    {
        SequenceShape shape{{false, true, false}, int64_t(1'000'000'000)};
        // Times in ns; normal events 1ms, 2ms, 4ms; a "missing" match at 3ms.
        const int64_t ms = 1'000'000;
        QCOMPARE(runSeries({ev(0, 1 * ms), ev(2, 1 * ms), ev(0, 2 * ms), ev(2, 2 * ms), ev(0, 4 * ms),
                               ev(2, 4 * ms), ev(1, 3 * ms)},
                     shape),
            (Matches{{1 * ms, -1, 2 * ms}}));
    }

    void aLeadingMissingEventOnlyCountsWithinMaxspan()
    {
        const int64_t min = 60'000'000'000;
        SequenceShape shape{{true, false}, 3 * min};
        QCOMPARE(
            runSeries({ev(0, 0), ev(1, 10 * min), ev(0, 20 * min), ev(1, 21 * min), ev(1, 29 * min)}, shape),
            (Matches{{-1, 10 * min}, {-1, 29 * min}}));
    }

    void headLimitStopsEarly()
    {
        SequenceMatcherOptions options;
        options.limit = 1;
        QCOMPARE(runSeries({ev(0, 1), ev(1, 2), ev(0, 3), ev(1, 4)}, positiveStages(2), {}, options),
            (Matches{{1, 2}}));
    }

    void pendingStateIsBoundedByKeysNotEvents()
    {
        // 10,000 first-stage events over 10 keys leave at most 10 partials.
        std::vector<int64_t> times(10000);
        for (size_t i = 0; i < times.size(); ++i)
            times[i] = static_cast<int64_t>(i);
        SequenceMatcher matcher(positiveStages(2), times);
        for (uint32_t pos = 0; pos < times.size(); ++pos) {
            const SequenceMatcher::StageKey m{0, pos % 10};
            matcher.onEvent(pos, std::span(&m, 1), {});
        }
        QCOMPARE(matcher.livePartials(), size_t(10));
        QVERIFY(!matcher.capped());
    }

    void theCapDropsTheOldestPartialsAndSaysSo()
    {
        std::vector<int64_t> times(1000);
        for (size_t i = 0; i < times.size(); ++i)
            times[i] = static_cast<int64_t>(i);
        SequenceMatcherOptions options;
        options.maxPartialEvents = 200; // 100 partials of two stages
        SequenceMatcher matcher(positiveStages(2), times, options);
        for (uint32_t pos = 0; pos < times.size(); ++pos) {
            const SequenceMatcher::StageKey m{0, pos}; // every event its own key
            matcher.onEvent(pos, std::span(&m, 1), {});
        }
        QVERIFY(matcher.capped());
        QVERIFY(matcher.livePartials() <= 100);
    }

    void expiredPartialsAreSweptWithMaxspan()
    {
        std::vector<int64_t> times(200000);
        for (size_t i = 0; i < times.size(); ++i)
            times[i] = static_cast<int64_t>(i);
        SequenceMatcher matcher(positiveStages(2, 10), times);
        for (uint32_t pos = 0; pos < times.size(); ++pos) {
            const SequenceMatcher::StageKey m{0, pos};
            matcher.onEvent(pos, std::span(&m, 1), {});
        }
        QVERIFY2(matcher.peakPartials() < 70000, std::to_string(matcher.peakPartials()).c_str());
    }
};

QTEST_APPLESS_MAIN(TestSequenceMatcher)
#include "tst_sequence_matcher.moc"
