// eqlwb query WORKSPACE (QUERY | -f FILE) [--ids FIELD | --count | --json] [--size N] [--strict]
//                [--timestamp-field F] [--tiebreaker-field F] [--category-field F]
// Runs one EQL query against a workspace and prints its results (design.md's contract):
// by default one line per result (time, category, the fields the query uses).
// Exit 0 on success, 1 for an invalid query (LINE:COL: error: message), 2 on usage or I/O.
#include "cli_args.h"
#include "commands.h"
#include "eql/parser.h"
#include "exec/query_runner.h"
#include "exec/value_ops.h"
#include "store/timestamp.h"
#include "store/workspace.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace eqlwb::cli {

namespace {

constexpr const char* kName = "query";

// Reads one result field for printing: the first value of a row, through the column cache.
class FieldReader {
public:
    FieldReader(ColumnSource& source, ColumnCache& cache)
        : source_(source)
        , cache_(cache)
    {
    }

    // Row of an event id (ids ascend with rows in every ColumnSource we have, but search anyway).
    std::optional<uint32_t> rowOf(int64_t id)
    {
        if (!index_) {
            auto index = cache_.eventIndex(source_);
            if (!index)
                return std::nullopt;
            index_ = *index;
        }
        const auto& ids = index_->ids;
        auto it = std::lower_bound(ids.begin(), ids.end(), id);
        if (it != ids.end() && *it == id)
            return static_cast<uint32_t>(it - ids.begin());
        auto linear = std::find(ids.begin(), ids.end(), id);
        if (linear == ids.end())
            return std::nullopt;
        return static_cast<uint32_t>(linear - ids.begin());
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

bool readFile(const std::string& path, std::string& out)
{
    std::ostringstream buffer;
    if (path == "-") {
        buffer << std::cin.rdbuf();
    } else {
        std::ifstream in(path, std::ios::binary);
        if (!in)
            return false;
        buffer << in.rdbuf();
    }
    out = buffer.str();
    return true;
}

void printDiagnostic(const std::string& prefix, const std::string& text, const Diagnostic& d)
{
    std::cerr << prefix << formatDiagnostic(text, d) << "\n";
}

} // namespace

int runQuery(const Args& args)
{
    const auto parsed = parseArgs(kName, args,
        {{"--count", "--json", "--strict"},
            {"-f", "--ids", "--size", "--timestamp-field", "--tiebreaker-field", "--category-field"}, {}});
    if (!parsed)
        return kExitUsage;
    const auto file = parsed->value("-f");
    const size_t wantPositionals = file ? 1 : 2;
    if (parsed->positionals.size() != wantPositionals)
        return usageError(kName, "give WORKSPACE and QUERY, or WORKSPACE -f FILE");
    const int outputModes = (parsed->value("--ids") ? 1 : 0) + parsed->has("--count") + parsed->has("--json");
    if (outputModes > 1)
        return usageError(kName, "--ids, --count and --json exclude each other");

    RunOptions options;
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
        if (ec != std::errc() || ptr != v->data() + v->size() || n < 0)
            return usageError(kName, "--size takes a non-negative integer");
        options.size = n;
    }

    std::string text;
    std::string prefix;
    if (file) {
        if (!readFile(*file, text)) {
            std::cerr << "eqlwb query: cannot read " << *file << "\n";
            return kExitUsage;
        }
        prefix = (*file == "-" ? std::string("<stdin>") : *file) + ":";
    } else {
        text = parsed->positionals[1];
    }

    auto parse = eql::parseQuery(text);
    for (const auto& d : parse.diagnostics)
        printDiagnostic(prefix, text, d);
    if (!parse.ok())
        return kExitInvalid;

    const std::string& workspacePath = parsed->positionals[0];
    auto workspace = Workspace::open(workspacePath, false);
    if (!workspace) {
        std::cerr << "eqlwb query: " << workspacePath << ": " << workspace.error().message << "\n";
        return kExitUsage;
    }
    ColumnSource& source = **workspace;
    ColumnCache cache;
    auto result = eqlwb::runQuery(source, cache, *parse.query, options);
    if (!result) {
        const auto& e = result.error();
        // Errors about the query's text carry its position; the rest (I/O, a damaged
        // workspace, cancellation) are not the query's fault.
        static const std::set<std::string> queryErrors = {"parse", "unknown-field", "unknown-function",
            "bad-arity", "no-insensitive-form", "not-literal", "not-string", "bad-argument", "bad-regex",
            "division-by-zero", "overflow", "unsupported", "invalid-query"};
        if (!queryErrors.count(e.code)) {
            std::cerr << "eqlwb query: " << e.message << "\n";
            return kExitUsage;
        }
        printDiagnostic(prefix, text, Diagnostic{e.code, Severity::Error, e.message, e.span, {}});
        return kExitInvalid;
    }
    for (const auto& d : result->diagnostics)
        printDiagnostic(prefix, text, d);

    if (parsed->has("--count")) {
        std::cout << result->matches.size() << "\n";
        return kExitOk;
    }
    FieldReader reader(source, cache);
    const auto idsField = parsed->value("--ids");
    for (const auto& match : result->matches) {
        if (parsed->has("--json")) {
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
            std::string out;
            for (size_t i = 0; i < match.events.size(); ++i) {
                if (i)
                    out += ' ';
                const auto row
                    = match.events[i] == kMissingEventId ? std::nullopt : reader.rowOf(match.events[i]);
                out += row ? reader.firstText(*idsField, *row) : "-";
            }
            std::cout << out << "\n";
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
    return kExitOk;
}

} // namespace eqlwb::cli
