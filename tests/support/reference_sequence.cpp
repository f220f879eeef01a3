#include "support/reference_sequence.h"

#include <algorithm>
#include <list>
#include <map>
#include <numeric>

namespace eqlwb::test {

namespace {

std::string termText(const RefTerm& t)
{
    std::string s
        = "[" + t.category + " where " + (t.vEquals ? "v == " + std::to_string(*t.vEquals) : "true") + "]";
    if (t.runs != 1)
        s += " with runs=" + std::to_string(t.runs);
    return s;
}

bool matches(const RefTerm& t, const RefEvent& e)
{
    return e.category == t.category && (!t.vEquals || e.v == *t.vEquals);
}

std::vector<std::string> keysOf(const RefEvent& e, bool byKey)
{
    if (!byKey)
        return {""};
    std::vector<std::string> k = e.keys;
    std::sort(k.begin(), k.end());
    k.erase(std::unique(k.begin(), k.end()), k.end());
    return k;
}

struct Partial {
    std::vector<size_t> events; // indexes into the ordered events
};

} // namespace

std::string refSequenceText(const RefSequence& sequence)
{
    std::string s = "sequence";
    if (sequence.byKey)
        s += " by k";
    if (sequence.maxspanMillis)
        s += " with maxspan=" + std::to_string(*sequence.maxspanMillis) + "ms";
    for (const auto& t : sequence.terms)
        s += "\n  " + termText(t);
    if (sequence.until)
        s += "\nuntil " + termText(*sequence.until);
    return s;
}

std::vector<std::vector<int64_t>> refSequenceMatches(
    const std::vector<RefEvent>& input, const RefSequence& sequence)
{
    std::vector<size_t> order(input.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(
        order.begin(), order.end(), [&](size_t a, size_t b) { return input[a].ts < input[b].ts; });
    std::vector<RefEvent> events;
    for (size_t i : order)
        events.push_back(input[i]);

    std::vector<const RefTerm*> stages;
    for (const auto& t : sequence.terms)
        for (int r = 0; r < t.runs; ++r)
            stages.push_back(&t);

    struct Done {
        size_t at;
        std::string key;
        std::vector<int64_t> ids;
    };
    std::vector<Done> done;
    std::map<std::string, std::vector<std::list<Partial>>> pending;
    for (size_t e = 0; e < events.size(); ++e) {
        for (size_t s = stages.size(); s-- > 0;) {
            if (!matches(*stages[s], events[e]))
                continue;
            for (const auto& key : keysOf(events[e], sequence.byKey)) {
                auto& perStage = pending[key];
                perStage.resize(stages.size());
                Partial p;
                if (s == 0) {
                    p.events = {e};
                } else {
                    auto& list = perStage[s - 1];
                    auto newest = list.end();
                    for (auto it = list.begin(); it != list.end(); ++it)
                        if (it->events.back() < e)
                            newest = it;
                    if (newest == list.end())
                        continue;
                    p = *newest;
                    list.erase(list.begin(), std::next(newest));
                    const int64_t span = events[e].ts - events[p.events.front()].ts;
                    if (sequence.maxspanMillis && span > *sequence.maxspanMillis * 1'000'000)
                        continue;
                    bool killed = false;
                    if (sequence.until)
                        for (size_t u = p.events.back(); u < e && !killed; ++u) {
                            const auto uk = keysOf(events[u], sequence.byKey);
                            killed = matches(*sequence.until, events[u])
                                && std::find(uk.begin(), uk.end(), key) != uk.end();
                        }
                    if (killed)
                        continue;
                    p.events.push_back(e);
                }
                if (s + 1 == stages.size()) {
                    Done d{e, key, {}};
                    for (size_t i : p.events)
                        d.ids.push_back(events[i].id);
                    done.push_back(std::move(d));
                } else {
                    perStage[s].push_back(std::move(p));
                }
            }
        }
    }
    std::stable_sort(done.begin(), done.end(),
        [](const Done& a, const Done& b) { return a.at != b.at ? a.at < b.at : a.key < b.key; });
    std::vector<std::vector<int64_t>> out;
    for (auto& d : done)
        out.push_back(std::move(d.ids));
    return out;
}

} // namespace eqlwb::test
