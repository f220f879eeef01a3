#include "result_output.h"

#include "exec/value_ops.h"
#include "store/timestamp.h"

#include <algorithm>
#include <charconv>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

namespace eqlwb::cli {

namespace {

// Reads one result field for printing: the first value of a row, through the column cache.
class FieldReader {
public:
    FieldReader(ColumnSource& source, ColumnCache& cache)
        : source_(source)
        , cache_(cache)
    {
    }

    std::optional<uint32_t> rowOf(int64_t id)
    {
        if (!index_) {
            auto index = cache_.eventIndex(source_);
            if (!index)
                return std::nullopt;
            index_ = *index;
        }
        return rowOfEvent(*index_, id);
    }

    int64_t timestamp(uint32_t row) const
    {
        return index_ && row < index_->timestamps.size() ? index_->timestamps[row] : INT64_MIN;
    }

    // Every value of the field in that row ("null" when none).
    std::string text(const std::string& path, uint32_t row)
    {
        auto col = cache_.column(source_, path);
        if (!col)
            return "null";
        const DictColumn& c = **col;
        if (row >= c.codes.size() || c.codes[row] == DictColumn::kMissing)
            return "null";
        const uint32_t code = c.codes[row];
        if (!(code & DictColumn::kMultiFlag))
            return valueToText(c.dict[code]);
        const uint32_t m = code & ~DictColumn::kMultiFlag;
        std::string out = "[";
        for (uint32_t j = c.multiOffsets[m]; j < c.multiOffsets[m + 1]; ++j) {
            if (j > c.multiOffsets[m])
                out += ",";
            out += valueToText(c.dict[c.multiCodes[j]]);
        }
        return out + "]";
    }

    std::string firstText(const std::string& path, uint32_t row)
    {
        auto col = cache_.column(source_, path);
        if (!col)
            return "null";
        const Value* v = (*col)->first(row);
        return v ? valueToText(*v) : "null";
    }

private:
    ColumnSource& source_;
    ColumnCache& cache_;
    std::shared_ptr<const EventIndex> index_;
};

} // namespace

ArgSpec resultArgSpec()
{
    return {{"--count", "--json", "--strict"},
        {"--ids", "--size", "--timestamp-field", "--tiebreaker-field", "--category-field"}, {}};
}

bool readResultOptions(
    const std::string& command, const ParsedArgs& args, RunOptions& options, OutputOptions& out)
{
    const auto& parsed = &args;
    const auto kName = command;
    const int outputModes = (parsed->value("--ids") ? 1 : 0) + parsed->has("--count") + parsed->has("--json");
    if (outputModes > 1) {
        usageError(kName, "--ids, --count and --json exclude each other");
        return false;
    }
    out.idsField = parsed->value("--ids");
    out.count = parsed->has("--count");
    out.json = parsed->has("--json");
    if (auto v = parsed->value("--timestamp-field"))
        options.timestampField = *v;
    if (auto v = parsed->value("--tiebreaker-field"))
        options.tiebreakerField = *v;
    if (auto v = parsed->value("--category-field"))
        options.categoryField = *v;
    options.strict = parsed->has("--strict");
    if (auto v = parsed->value("--size")) {
        int64_t n = 0;
        auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
        if (ec != std::errc() || ptr != v->data() + v->size() || n < 0) {
            usageError(kName, "--size takes a non-negative integer");
            return false;
        }
        options.size = n;
    }

    return true;
}

bool isQueryError(const std::string& code)
{
    static const std::set<std::string> queryErrors = {"parse", "unknown-field", "unknown-function",
        "bad-arity", "no-insensitive-form", "not-literal", "not-string", "bad-argument", "bad-regex",
        "division-by-zero", "overflow", "unsupported", "invalid-query"};
    return queryErrors.count(code) > 0;
}

void printResults(ColumnSource& source, ColumnCache& cache, const QueryResult& resultRef,
    const RunOptions& options, const OutputOptions& out)
{
    const QueryResult* result = &resultRef;
    if (out.count) {
        std::cout << result->matches.size() << "\n";
        return;
    }
    FieldReader reader(source, cache);
    const auto& idsField = out.idsField;
    for (const auto& match : result->matches) {
        if (out.json) {
            auto eventJson = [&](int64_t id) -> nlohmann::ordered_json {
                if (id == kMissingEventId)
                    return nullptr;
                auto raw = source.eventJson(id);
                if (!raw)
                    return nullptr;
                return nlohmann::ordered_json::parse(*raw, nullptr, false);
            };
            nlohmann::ordered_json line;
            if (result->kind == eql::QueryKind::Event && match.events.size() == 1) {
                line = eventJson(match.events[0]);
            } else {
                line = {
                    {"keys", nlohmann::ordered_json::array()}, {"events", nlohmann::ordered_json::array()}};
                for (const auto& k : match.keys)
                    line["keys"].push_back(
                        isNull(k) ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(valueToText(k)));
                for (int64_t id : match.events)
                    line["events"].push_back(eventJson(id));
            }
            std::cout << line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
            continue;
        }
        if (idsField) {
            std::string line;
            for (size_t i = 0; i < match.events.size(); ++i) {
                if (i)
                    line += ' ';
                const auto row
                    = match.events[i] == kMissingEventId ? std::nullopt : reader.rowOf(match.events[i]);
                line += row ? reader.firstText(*idsField, *row) : "-";
            }
            std::cout << line << "\n";
            continue;
        }
        // Human form: time, category, then field=value for each field the query reads.
        for (int64_t id : match.events) {
            const auto row = id == kMissingEventId ? std::nullopt : reader.rowOf(id);
            if (!row) {
                std::cout << "-\n";
                continue;
            }
            const int64_t ts = reader.timestamp(*row);
            std::cout << (ts == INT64_MIN ? std::string("-") : formatTimestamp(ts)) << "  "
                      << reader.text(options.categoryField, *row);
            for (const auto& path : result->fields) {
                if (path == options.categoryField)
                    continue;
                std::cout << "  " << path << "=" << reader.text(path, *row);
            }
            std::cout << "\n";
        }
    }
}

} // namespace eqlwb::cli
