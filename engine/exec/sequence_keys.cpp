#include "exec/sequence_keys.h"

#include "exec/value_ops.h"

#include <algorithm>
#include <cmath>

namespace eqlwb {

namespace {

// Keys compare by typed value; a double that holds an integer joins with that integer (a
// number field can come back either way from JSON).
Value normalizedKey(const Value& v)
{
    if (const auto* d = std::get_if<double>(&v)) {
        if (std::isfinite(*d) && std::trunc(*d) == *d && std::fabs(*d) < 9.0e18)
            return static_cast<int64_t>(*d);
    }
    return v;
}

// -1, 0, 1 in the order sample keys come out in.
int compareKeyValues(const Value& a, const Value& b)
{
    const bool an = isNull(a), bn = isNull(b);
    if (an || bn)
        return an == bn ? 0 : (an ? -1 : 1);
    const bool aNum = std::holds_alternative<int64_t>(a) || std::holds_alternative<double>(a);
    const bool bNum = std::holds_alternative<int64_t>(b) || std::holds_alternative<double>(b);
    if (aNum && bNum) {
        if (std::holds_alternative<int64_t>(a) && std::holds_alternative<int64_t>(b)) {
            const int64_t x = std::get<int64_t>(a), y = std::get<int64_t>(b);
            return x < y ? -1 : (x > y ? 1 : 0);
        }
        const double x = std::holds_alternative<int64_t>(a) ? static_cast<double>(std::get<int64_t>(a))
                                                            : std::get<double>(a);
        const double y = std::holds_alternative<int64_t>(b) ? static_cast<double>(std::get<int64_t>(b))
                                                            : std::get<double>(b);
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (a.index() != b.index())
        return a.index() < b.index() ? -1 : 1;
    if (const auto* s = std::get_if<std::string>(&a)) {
        const int c = s->compare(std::get<std::string>(b)); // bytes: std::string compares as unsigned char
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    const bool x = std::get<bool>(a), y = std::get<bool>(b);
    return x == y ? 0 : (x ? 1 : -1);
}

} // namespace

// ---- JoinKeyTable ------------------------------------------------------------------------------

JoinKeyTable::JoinKeyTable(size_t width)
    : values_(width)
    , ids_(width)
{
}

size_t JoinKeyTable::TupleHash::operator()(const std::vector<uint32_t>& t) const noexcept
{
    size_t h = 0xcbf29ce484222325ull;
    for (uint32_t v : t)
        h = (h ^ v) * 0x100000001b3ull;
    return h;
}

uint32_t JoinKeyTable::valueId(size_t position, const Value& value)
{
    Value key = normalizedKey(value);
    auto& ids = ids_[position];
    if (auto it = ids.find(key); it != ids.end())
        return it->second;
    const auto id = static_cast<uint32_t>(values_[position].size());
    values_[position].push_back(key);
    ids.emplace(std::move(key), id);
    return id;
}

uint32_t JoinKeyTable::tupleId(const uint32_t* valueIds)
{
    const size_t w = width();
    if (w == 0)
        return 0;
    if (w == 1)
        return valueIds[0];
    std::vector<uint32_t> t(valueIds, valueIds + w);
    if (auto it = tupleIds_.find(t); it != tupleIds_.end())
        return it->second;
    const auto id = static_cast<uint32_t>(tuples_.size());
    tuples_.push_back(t);
    tupleIds_.emplace(std::move(t), id);
    return id;
}

size_t JoinKeyTable::tupleCount() const
{
    const size_t w = width();
    if (w == 0)
        return 1;
    if (w == 1)
        return values_[0].size();
    return tuples_.size();
}

std::vector<Value> JoinKeyTable::tupleValues(uint32_t tuple) const
{
    const size_t w = width();
    std::vector<Value> out;
    if (w == 1)
        out.push_back(values_[0][tuple]);
    else if (w > 1)
        for (size_t p = 0; p < w; ++p)
            out.push_back(values_[p][tuples_[tuple][p]]);
    return out;
}

bool JoinKeyTable::tupleLess(uint32_t a, uint32_t b) const
{
    const size_t w = width();
    for (size_t p = 0; p < w; ++p) {
        const uint32_t ia = w == 1 ? a : tuples_[a][p];
        const uint32_t ib = w == 1 ? b : tuples_[b][p];
        if (ia == ib)
            continue;
        const int c = compareKeyValues(values_[p][ia], values_[p][ib]);
        if (c != 0)
            return c < 0;
    }
    return false;
}

// ---- TermKeyReader -----------------------------------------------------------------------------

Result<TermKeyReader> TermKeyReader::create(
    ExecSession& session, const std::vector<const eql::Expr*>& keys, bool nullsAllowed)
{
    TermKeyReader reader;
    for (const eql::Expr* e : keys) {
        Key key;
        // Compiling checks the key (unknown function, strict unknown field) and records the
        // fields it reads, even when a plain field is then read straight from its column.
        auto compiled = session.compile(*e);
        if (!compiled)
            return compiled.error();
        const eql::Expr& bare = eql::unparen(*e);
        if (const auto* field = bare.getIf<eql::FieldExpr>()) {
            key.optional = field->optional;
            const auto& options = session.options();
            const auto type = options.fieldTypes.find(field->path);
            key.date = field->path == options.timestampField
                || (type != options.fieldTypes.end() && type->second == FieldType::Date);
            auto column = session.column(field->path);
            if (!column)
                return column.error();
            key.column = *column;
            key.codeIds.assign(key.column->dict.size(), kUnset);
        } else {
            key.expr = std::move(*compiled);
        }
        key.optional = key.optional || nullsAllowed;
        reader.keys_.push_back(std::move(key));
    }
    reader.perPosition_.resize(reader.keys_.size());
    return reader;
}

uint32_t TermKeyReader::idOfCode(Key& key, size_t position, uint32_t code, JoinKeyTable& table)
{
    uint32_t& id = key.codeIds[code];
    if (id == kUnset) {
        const Value& v = key.column->dict[code];
        const auto nanos = key.date ? toEpochNanos(v) : std::nullopt;
        // Elasticsearch reads a date key from doc values: epoch milliseconds.
        id = nanos ? table.valueId(position, Value(*nanos / 1'000'000 - (*nanos % 1'000'000 < 0 ? 1 : 0)))
                   : table.valueId(position, v);
    }
    return id;
}

Status TermKeyReader::tuples(
    ExecSession& session, uint32_t row, JoinKeyTable& table, std::vector<uint32_t>& out)
{
    out.clear();
    const size_t width = keys_.size();
    for (size_t p = 0; p < width; ++p) {
        Key& key = keys_[p];
        auto& ids = perPosition_[p];
        ids.clear();
        if (key.column) {
            const DictColumn& col = *key.column;
            const uint32_t code = row < col.codes.size() ? col.codes[row] : DictColumn::kMissing;
            if (code == DictColumn::kMissing) {
            } else if (col.isMulti(code)) {
                const uint32_t m = code & ~DictColumn::kMultiFlag;
                for (uint32_t i = col.multiOffsets[m]; i < col.multiOffsets[m + 1]; ++i) {
                    const uint32_t c = col.multiCodes[i];
                    if (isNull(col.dict[c]))
                        continue; // null elements are dropped
                    const uint32_t id = idOfCode(key, p, c, table);
                    if (std::find(ids.begin(), ids.end(), id) == ids.end())
                        ids.push_back(id);
                }
            } else if (!isNull(col.dict[code])) {
                ids.push_back(idOfCode(key, p, code, table));
            }
        } else {
            auto v = session.value(key.expr, row);
            if (v && !isNull(*v))
                ids.push_back(table.valueId(p, *v));
        }
        if (ids.empty()) {
            if (!key.optional)
                return Ok{}; // a null key drops the event
            ids.push_back(table.valueId(p, Null{}));
        }
    }
    // The cartesian product, first position outermost.
    scratch_.assign(width, 0);
    std::vector<size_t> index(width, 0);
    while (true) {
        for (size_t p = 0; p < width; ++p)
            scratch_[p] = perPosition_[p][index[p]];
        out.push_back(table.tupleId(scratch_.data()));
        size_t p = width;
        while (p > 0) {
            --p;
            if (++index[p] < perPosition_[p].size())
                break;
            index[p] = 0;
            if (p == 0)
                return Ok{};
        }
        if (width == 0)
            return Ok{};
    }
}

} // namespace eqlwb
