#include "exec/sequence_input.h"

#include <algorithm>
#include <climits>

namespace eqlwb {

namespace {

Result<TermKeyReader> readerFor(
    ExecSession& session, const std::vector<eql::Expr>& commonBy, const TermSpec& term)
{
    std::vector<const eql::Expr*> keys;
    for (const auto& e : commonBy)
        keys.push_back(&e);
    for (const auto& e : *term.by)
        keys.push_back(&e);
    return TermKeyReader::create(session, keys, term.missing);
}

} // namespace

Result<TermInput> prepareTermInput(ExecSession& session, const std::vector<eql::Expr>& commonBy,
    const std::vector<TermSpec>& terms, const std::optional<TermSpec>& until, bool requireTimestamp)
{
    if (terms.empty())
        return Error{"invalid-query", "no terms", {}};
    const size_t width = commonBy.size() + terms.front().by->size();
    auto checkWidth = [&](const TermSpec& t) -> Status {
        if (commonBy.size() + t.by->size() != width)
            return Error{"invalid-query",
                "every term must have the same number of join keys (" + std::to_string(width)
                    + " in the first)",
                t.span};
        return Ok{};
    };
    for (const auto& t : terms)
        if (auto st = checkWidth(t); !st)
            return st.error();
    if (until)
        if (auto st = checkWidth(*until); !st)
            return st.error();

    auto indexResult = session.eventIndex();
    if (!indexResult)
        return indexResult.error();
    const EventIndex& index = **indexResult;
    const size_t rowCount = index.ids.size();

    TermInput in;
    in.keys = JoinKeyTable(width);
    std::vector<std::vector<uint32_t>> rowsOfTerm;
    for (const auto& t : terms) {
        auto rows = session.matchingRows(*t.filter);
        if (!rows)
            return rows.error();
        rowsOfTerm.push_back(std::move(*rows));
        auto reader = readerFor(session, commonBy, t);
        if (!reader)
            return reader.error();
        in.readers.push_back(std::move(*reader));
    }
    std::vector<uint32_t> untilRows;
    if (until) {
        auto rows = session.matchingRows(*until->filter);
        if (!rows)
            return rows.error();
        untilRows = std::move(*rows);
        auto reader = readerFor(session, commonBy, *until);
        if (!reader)
            return reader.error();
        in.untilReader = std::move(*reader);
    }

    // The union of candidate rows, in result order.
    std::vector<uint8_t> seen(rowCount, 0);
    auto take = [&](const std::vector<uint32_t>& rows) {
        for (uint32_t r : rows) {
            if (r >= rowCount || seen[r])
                continue;
            if (requireTimestamp && (r >= index.timestamps.size() || index.timestamps[r] == INT64_MIN))
                continue;
            seen[r] = 1;
            in.rows.push_back(r);
        }
    };
    for (const auto& rows : rowsOfTerm)
        take(rows);
    take(untilRows);
    if (auto st = session.orderRows(in.rows); !st)
        return st.error();

    std::vector<uint32_t> posOf(rowCount, UINT32_MAX);
    in.timestamps.resize(in.rows.size());
    for (uint32_t p = 0; p < in.rows.size(); ++p) {
        const uint32_t r = in.rows[p];
        posOf[r] = p;
        in.timestamps[p] = r < index.timestamps.size() ? index.timestamps[r] : INT64_MIN;
    }
    auto positions = [&](const std::vector<uint32_t>& rows) {
        std::vector<uint32_t> out;
        out.reserve(rows.size());
        for (uint32_t r : rows)
            if (r < rowCount && posOf[r] != UINT32_MAX)
                out.push_back(posOf[r]);
        std::sort(out.begin(), out.end());
        return out;
    };
    for (const auto& rows : rowsOfTerm)
        in.positionsOfTerm.push_back(positions(rows));
    in.untilPositions = positions(untilRows);
    return in;
}

} // namespace eqlwb
