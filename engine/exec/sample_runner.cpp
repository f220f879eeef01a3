#include "exec/sample_runner.h"

#include "exec/sequence_input.h"

#include <algorithm>
#include <unordered_map>

namespace eqlwb {

namespace {

// Depth-first over the terms, candidates in order, events distinct within a sample: the first
// `wanted` combinations in lexicographic order.
void collectSamples(const std::vector<std::vector<uint32_t>>& candidates, size_t wanted,
    std::vector<uint32_t>& current, std::vector<std::vector<uint32_t>>& out)
{
    const size_t term = current.size();
    if (term == candidates.size()) {
        out.push_back(current);
        return;
    }
    for (uint32_t pos : candidates[term]) {
        if (out.size() >= wanted)
            return;
        if (std::find(current.begin(), current.end(), pos) != current.end())
            continue;
        current.push_back(pos);
        collectSamples(candidates, wanted, current, out);
        current.pop_back();
    }
}

} // namespace

Result<QueryResult> runSampleQuery(
    ExecSession& session, const eql::Query& query, const eql::Sample& sample, const ProgressFn& progress)
{
    if (sample.terms.empty())
        return Error{"invalid-query", "a sample needs at least one term", query.span};
    std::vector<TermSpec> specs;
    for (const auto& term : sample.terms)
        specs.push_back(TermSpec{&term.filter, &term.by, false, term.span});
    auto input = prepareTermInput(session, sample.by, specs, std::nullopt, /*requireTimestamp=*/false);
    if (!input)
        return input.error();
    TermInput& in = *input;

    const auto& options = session.options();
    const size_t perKey = static_cast<size_t>(std::max<int64_t>(1, options.maxSamplesPerKey));
    const size_t termCount = sample.terms.size();
    // A sample needs distinct events, so more than perKey candidates per term can be needed, but
    // never more than perKey + termCount - 1: keep that many (bounded memory per key).
    const size_t keep = perKey + termCount - 1;

    std::unordered_map<uint32_t, std::vector<std::vector<uint32_t>>> byKey;
    std::vector<uint32_t> tuples;
    for (size_t t = 0; t < termCount; ++t) {
        for (uint32_t pos : in.positionsOfTerm[t]) {
            if ((pos & 0xFFFF) == 0 && session.cancel().cancelled())
                return Error{"cancelled", "the query was cancelled", {}};
            if (auto st = in.readers[t].tuples(session, in.rows[pos], in.keys, tuples); !st)
                return st.error();
            for (uint32_t k : tuples) {
                auto& lists = byKey[k];
                if (lists.empty())
                    lists.resize(termCount);
                if (lists[t].size() < keep)
                    lists[t].push_back(pos);
            }
        }
    }

    std::vector<uint32_t> keys;
    for (const auto& [k, lists] : byKey)
        if (std::all_of(lists.begin(), lists.end(), [](const auto& l) { return !l.empty(); }))
            keys.push_back(k);
    std::sort(keys.begin(), keys.end(), [&](uint32_t a, uint32_t b) { return in.keys.tupleLess(a, b); });

    auto index = session.eventIndex();
    if (!index)
        return index.error();
    QueryResult result;
    result.kind = eql::QueryKind::Sample;
    result.eventsScanned = (*index)->ids.size();
    const size_t cap = options.size && *options.size >= 0 ? static_cast<size_t>(*options.size) : SIZE_MAX;
    std::vector<uint32_t> current;
    std::vector<std::vector<uint32_t>> samples;
    for (uint32_t k : keys) {
        if (result.matches.size() >= cap)
            break;
        samples.clear();
        current.clear();
        collectSamples(byKey[k], std::min(perKey, cap - result.matches.size()), current, samples);
        for (const auto& s : samples) {
            QueryMatch m;
            for (uint32_t pos : s)
                m.events.push_back((*index)->ids[in.rows[pos]]);
            m.keys = in.keys.tupleValues(k);
            result.matches.push_back(std::move(m));
        }
    }
    if (progress)
        progress(Progress{0, 0, result.eventsScanned});
    return result;
}

} // namespace eqlwb
