#include "present/display_table.h"

#include "store/timestamp.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

namespace eqlwb {

namespace {

constexpr uint32_t kNoRow = 0xFFFFFFFFu;

// Assigns dictionary codes to texts as they come, so each distinct text is stored once.
class Interner {
public:
    explicit Interner(DisplayColumn& column)
        : column_(column)
    {
        column_.dictionary.assign(1, std::string());
    }
    uint32_t code(std::string text)
    {
        if (text.empty())
            return 0;
        auto [it, inserted] = codes_.try_emplace(text, static_cast<uint32_t>(column_.dictionary.size()));
        if (inserted)
            column_.dictionary.push_back(std::move(text));
        return it->second;
    }

private:
    DisplayColumn& column_;
    std::unordered_map<std::string, uint32_t> codes_;
};

std::string cellText(const DictColumn& column, uint32_t row, bool& allNumeric)
{
    const uint32_t code = column.codes[row];
    if (code == DictColumn::kMissing)
        return {};
    auto textOf = [&](uint32_t c) {
        const Value& v = column.dict[c];
        if (!std::holds_alternative<int64_t>(v) && !std::holds_alternative<double>(v))
            allNumeric = false;
        return displayText(v);
    };
    if (!column.isMulti(code))
        return textOf(code);
    const uint32_t m = code & ~DictColumn::kMultiFlag;
    std::string joined;
    for (uint32_t i = column.multiOffsets[m]; i < column.multiOffsets[m + 1]; ++i) {
        if (!joined.empty())
            joined += ", ";
        joined += textOf(column.multiCodes[i]);
    }
    allNumeric = false;
    return joined;
}

// Rows come in result order, which is time order for event queries: equal neighbours share
// one entry, and no hash of a million instants is needed.
void fillTimestamps(DisplayColumn& out, const std::vector<uint32_t>& rows, const EventIndex& events)
{
    out.dictionary.assign(1, std::string());
    out.dictionary.reserve(rows.size() + 1);
    int64_t previous = INT64_MIN;
    for (uint32_t row : rows) {
        if (row == kNoRow || events.timestamps[row] == INT64_MIN) {
            out.codes.push_back(0);
            continue;
        }
        const int64_t ts = events.timestamps[row];
        if (ts != previous || out.dictionary.size() == 1) {
            out.dictionary.push_back(formatTimestamp(ts));
            previous = ts;
        }
        out.codes.push_back(static_cast<uint32_t>(out.dictionary.size() - 1));
    }
}

// Single values map through a per-code table (each distinct value is rendered once); only
// multi-valued cells are joined and interned as text.
void fillFromColumn(DisplayColumn& out, const std::vector<uint32_t>& rows, const DictColumn& dict)
{
    Interner interner(out);
    std::vector<uint32_t> remap(dict.dict.size(), kNoRow);
    bool allNumeric = true;
    bool any = false;
    for (uint32_t row : rows) {
        if (row == kNoRow || row >= dict.codes.size() || dict.codes[row] == DictColumn::kMissing) {
            out.codes.push_back(0);
            continue;
        }
        const uint32_t code = dict.codes[row];
        if (!dict.isMulti(code)) {
            if (remap[code] == kNoRow) {
                const Value& v = dict.dict[code];
                if (!std::holds_alternative<int64_t>(v) && !std::holds_alternative<double>(v))
                    allNumeric = false;
                remap[code] = interner.code(displayText(v));
            }
            out.codes.push_back(remap[code]);
        } else {
            out.codes.push_back(interner.code(cellText(dict, row, allNumeric)));
        }
        any = true;
    }
    out.numeric = any && allNumeric;
}

} // namespace

std::string displayText(const Value& value)
{
    struct Visitor {
        std::string operator()(Null) const { return "null"; }
        std::string operator()(bool b) const { return b ? "true" : "false"; }
        std::string operator()(int64_t i) const { return std::to_string(i); }
        std::string operator()(double d) const
        {
            if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15) {
                char buf[32];
                std::snprintf(buf, sizeof buf, "%.1f", d);
                return buf;
            }
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.17g", d);
            return buf;
        }
        std::string operator()(const std::string& s) const { return s; }
    };
    return std::visit(Visitor{}, value);
}

std::vector<std::string> defaultDisplayColumns(const QueryResult& result, const std::string& timestampField)
{
    std::vector<std::string> columns{timestampField};
    auto add = [&](const std::string& path) {
        if (std::find(columns.begin(), columns.end(), path) == columns.end())
            columns.push_back(path);
    };
    for (const auto& f : result.fields)
        add(f);
    for (const char* f : {"host.name", "process.name", "event.category"})
        add(f);
    return columns;
}

Result<DisplayTable> buildDisplayTable(ColumnSource& source, ColumnCache& cache, const QueryResult& result,
    const std::vector<std::string>& columns, const std::string& timestampField)
{
    DisplayTable table;
    const bool grouped = result.kind != eql::QueryKind::Event;
    for (size_t m = 0; m < result.matches.size(); ++m) {
        const auto& match = result.matches[m];
        for (size_t s = 0; s < match.events.size(); ++s) {
            table.eventIds.push_back(match.events[s]);
            if (grouped) {
                table.matchOf.push_back(static_cast<int32_t>(m));
                table.slotOf.push_back(static_cast<int16_t>(s));
            }
        }
        if (grouped) {
            std::string keys;
            for (const auto& k : match.keys) {
                if (!keys.empty())
                    keys += ", ";
                keys += displayText(k);
            }
            table.matchKeys.push_back(std::move(keys));
        }
    }

    auto index = cache.eventIndex(source);
    if (!index.ok())
        return index.error();
    const EventIndex& events = **index;
    std::vector<uint32_t> rows;
    rows.reserve(table.eventIds.size());
    for (int64_t id : table.eventIds)
        rows.push_back(id < 0 ? kNoRow : rowOfEvent(events, id).value_or(kNoRow));

    for (const auto& path : columns) {
        DisplayColumn out;
        out.path = path;
        out.codes.reserve(rows.size());
        if (path == timestampField) {
            fillTimestamps(out, rows, events);
        } else {
            auto column = cache.column(source, path);
            if (!column.ok())
                return column.error();
            fillFromColumn(out, rows, **column);
        }
        table.columns.push_back(std::move(out));
    }
    return table;
}

} // namespace eqlwb
