#include "exec/sequence_runner.h"

#include "exec/sequence_input.h"
#include "exec/sequence_matcher.h"

#include <algorithm>

namespace eqlwb {

namespace {

// How many results the pipes and the size can keep from the front, or SIZE_MAX when a `tail`
// needs them all.
size_t frontLimit(const eql::Query& query, const RunOptions& options)
{
    size_t limit = SIZE_MAX;
    for (const auto& pipe : query.pipes) {
        if (pipe.kind == eql::PipeKind::Tail)
            return SIZE_MAX;
        limit = std::min(limit, static_cast<size_t>(std::max<int64_t>(0, pipe.count)));
    }
    if (options.size && *options.size >= 0)
        limit = std::min(limit, static_cast<size_t>(*options.size));
    return limit;
}

} // namespace

Result<QueryResult> runSequenceQuery(
    ExecSession& session, const eql::Query& query, const eql::Sequence& sequence, const ProgressFn& progress)
{
    // Unroll `with runs=N` into N stages of the same term.
    std::vector<const eql::Term*> terms;
    SequenceShape shape;
    std::vector<std::vector<uint32_t>> stagesOfTerm;
    for (const auto& term : sequence.terms) {
        stagesOfTerm.emplace_back();
        terms.push_back(&term);
        const int64_t runs = std::clamp<int64_t>(term.runs, 1, 100);
        for (int64_t r = 0; r < runs; ++r) {
            stagesOfTerm.back().push_back(static_cast<uint32_t>(shape.missing.size()));
            shape.missing.push_back(term.missing);
        }
    }
    if (shape.missing.size() < 2)
        return Error{"invalid-query", "a sequence needs at least two stages", query.span};
    if (std::all_of(shape.missing.begin(), shape.missing.end(), [](bool m) { return m; }))
        return Error{"invalid-query", "a sequence needs at least one event that is not missing", query.span};
    if (sequence.maxspan)
        shape.maxspanNanos = sequence.maxspan->nanos;

    std::vector<TermSpec> specs;
    for (const auto* term : terms)
        specs.push_back(TermSpec{&term->filter, &term->by, term->missing, term->span});
    std::optional<TermSpec> until;
    if (sequence.until)
        until = TermSpec{&sequence.until->filter, &sequence.until->by, false, sequence.until->span};
    auto input = prepareTermInput(session, sequence.by, specs, until, /*requireTimestamp=*/true);
    if (!input)
        return input.error();
    TermInput& in = *input;

    SequenceMatcherOptions matcherOptions;
    matcherOptions.limit = frontLimit(query, session.options());
    SequenceMatcher matcher(std::move(shape), in.timestamps, matcherOptions);

    std::vector<size_t> cursor(in.positionsOfTerm.size(), 0);
    size_t untilCursor = 0;
    std::vector<SequenceMatcher::StageKey> matches;
    std::vector<uint32_t> untilKeys, tuples;
    const auto count = static_cast<uint32_t>(in.rows.size());
    for (uint32_t pos = 0; pos < count; ++pos) {
        if ((pos & 0xFFFF) == 0 && session.cancel().cancelled())
            return Error{"cancelled", "the query was cancelled", {}};
        const uint32_t row = in.rows[pos];
        matches.clear();
        for (size_t t = 0; t < in.positionsOfTerm.size(); ++t) {
            auto& c = cursor[t];
            const auto& list = in.positionsOfTerm[t];
            if (c >= list.size() || list[c] != pos)
                continue;
            ++c;
            if (auto st = in.readers[t].tuples(session, row, in.keys, tuples); !st)
                return st.error();
            for (uint32_t stage : stagesOfTerm[t])
                for (uint32_t k : tuples)
                    matches.push_back({stage, k});
        }
        untilKeys.clear();
        if (untilCursor < in.untilPositions.size() && in.untilPositions[untilCursor] == pos) {
            ++untilCursor;
            if (auto st = in.untilReader->tuples(session, row, in.keys, untilKeys); !st)
                return st.error();
        }
        if (matches.empty() && untilKeys.empty())
            continue;
        matcher.onEvent(pos, matches, untilKeys);
        if (matcher.limitReached())
            break;
    }

    auto hits = matcher.finish();
    std::stable_sort(hits.begin(), hits.end(), [&](const SequenceHit& a, const SequenceHit& b) {
        if (a.completedAt != b.completedAt)
            return a.completedAt < b.completedAt;
        return in.keys.tupleLess(a.key, b.key);
    });
    applyPipes(hits, query.pipes, session.options().size);

    auto index = session.eventIndex();
    if (!index)
        return index.error();
    QueryResult result;
    result.kind = eql::QueryKind::Sequence;
    result.eventsScanned = (*index)->ids.size();
    result.matches.reserve(hits.size());
    for (const auto& hit : hits) {
        QueryMatch m;
        m.events.reserve(hit.positions.size());
        for (uint32_t p : hit.positions)
            m.events.push_back(p == SequenceHit::kNoEvent ? kMissingEventId : (*index)->ids[in.rows[p]]);
        m.keys = in.keys.tupleValues(hit.key);
        result.matches.push_back(std::move(m));
    }
    if (matcher.capped())
        session.diagnostics().push_back(Diagnostic{"sequence-capped", Severity::Warning,
            "too many partial sequences were pending at once; the oldest were dropped, so some "
            "sequences may be missing (add `with maxspan=` or a more selective `by`)",
            query.span, {}});
    if (progress)
        progress(Progress{0, 0, result.eventsScanned});
    return result;
}

} // namespace eqlwb
