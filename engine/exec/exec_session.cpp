#include "exec/exec_session.h"

#include "eql/parser.h"
#include "exec/event_filter.h"

#include <algorithm>
#include <iterator>
#include <numeric>

namespace eqlwb {

ExecSession::ExecSession(
    ColumnSource& source, ColumnCache& cache, const RunOptions& options, CancelToken cancel)
    : source_(source)
    , cache_(cache)
    , options_(options)
    , cancel_(std::move(cancel))
{
    cache_.syncWith(source_);
}

PlanContext ExecSession::planContext()
{
    return PlanContext{options_, cache_.knownFields(source_), slots_, diagnostics_};
}

Result<std::shared_ptr<const EventIndex>> ExecSession::eventIndex() { return cache_.eventIndex(source_); }

size_t ExecSession::rowCount()
{
    auto index = eventIndex();
    return index ? (*index)->ids.size() : 0;
}

Result<std::shared_ptr<DictColumn>> ExecSession::column(const std::string& path)
{
    return cache_.column(source_, path);
}

Status ExecSession::loadSlots()
{
    while (columns_.size() < slots_.paths.size()) {
        auto col = cache_.column(source_, slots_.paths[columns_.size()]);
        if (!col)
            return col.error();
        columns_.push_back(*col);
    }
    return Ok{};
}

Result<std::vector<uint32_t>> ExecSession::matchingRows(const eql::EventFilter& filter)
{
    auto rows = filterRowsOf(filter);
    if (!rows || options_.exceptionCondition.empty())
        return rows;
    auto excepted = exceptedRows();
    if (!excepted)
        return excepted.error();
    std::vector<uint32_t> kept;
    kept.reserve(rows->size());
    std::set_difference(rows->begin(), rows->end(), (*excepted)->begin(), (*excepted)->end(), std::back_inserter(kept));
    return kept;
}

Result<const std::vector<uint32_t>*> ExecSession::exceptedRows()
{
    if (!excepted_) {
        std::string text = "any where ";
        text.append(options_.exceptionCondition);
        auto parsed = eql::parseQuery(text);
        if (!parsed.ok()) {
            for (const auto& d : parsed.diagnostics)
                if (d.severity == Severity::Error)
                    return Error{"bad-exception", std::string("exception condition: ").append(d.message), {}};
            return Error{"bad-exception", "the exception condition could not be parsed", {}};
        }
        auto rows = filterRowsOf(parsed.query->event()->filter);
        if (!rows)
            return rows.error();
        excepted_ = std::move(*rows);
    }
    return &*excepted_;
}

Result<std::vector<uint32_t>> ExecSession::filterRowsOf(const eql::EventFilter& filter)
{
    auto ctx = planContext();
    auto condition = planCondition(filter.condition, ctx);
    if (!condition)
        return condition.error();
    PNode root;
    if (filter.category.any) {
        root = std::move(*condition);
    } else {
        root.kind = PKind::And;
        root.kids.push_back(categoryPredicate(filter.category.name, ctx));
        root.kids.push_back(std::move(*condition));
    }
    if (auto loaded = loadSlots(); !loaded)
        return loaded.error();
    auto index = eventIndex();
    if (!index)
        return index.error();
    std::vector<uint32_t> rows((*index)->ids.size());
    std::iota(rows.begin(), rows.end(), 0u);
    FilterInput input{columns_, cancel_, &cache_, &slots_.paths};
    return filterRows(root, std::move(rows), input, true);
}

Status ExecSession::orderRows(std::vector<uint32_t>& rows)
{
    auto indexResult = eventIndex();
    if (!indexResult)
        return indexResult.error();
    const EventIndex& index = **indexResult;
    const size_t rowCount = index.ids.size();
    // A large result is ordered by walking the whole source's order once (kept in the cache);
    // a small one is sorted directly.
    const bool useSourceOrder = rows.size() * 8 >= rowCount;
    const std::string orderKey = options_.timestampField + '\n' + options_.tiebreakerField;
    if (useSourceOrder) {
        if (const auto* order = cache_.rowOrder(orderKey)) {
            std::vector<uint8_t> selected(rowCount, 0);
            for (uint32_t r : rows)
                if (r < rowCount)
                    selected[r] = 1;
            size_t n = 0;
            for (uint32_t r : *order)
                if (selected[r])
                    rows[n++] = r;
            rows.resize(n);
            return Ok{};
        }
    }
    std::shared_ptr<DictColumn> tiebreaker;
    if (!options_.tiebreakerField.empty()) {
        auto col = column(options_.tiebreakerField);
        if (!col)
            return col.error();
        tiebreaker = *col;
    }
    std::vector<uint32_t> all;
    std::vector<uint32_t>& target = useSourceOrder ? all : rows;
    if (useSourceOrder) {
        all.resize(rowCount);
        std::iota(all.begin(), all.end(), 0u);
    }
    // The event index holds the time the workspace was built with (@timestamp unless the
    // import chose another field); another timestamp field is read from its column.
    std::vector<int64_t> otherTimes;
    if (options_.timestampField != "@timestamp") {
        auto col = column(options_.timestampField);
        if (!col)
            return col.error();
        otherTimes.assign(rowCount, INT64_MIN);
        for (uint32_t r : target) {
            if (const Value* v = (*col)->first(r); v && r < otherTimes.size())
                otherTimes[r] = toEpochNanos(*v).value_or(INT64_MIN);
        }
    }
    const std::vector<int64_t>& times = otherTimes.empty() ? index.timestamps : otherTimes;
    auto ts = [&](uint32_t r) { return r < times.size() ? times[r] : INT64_MIN; };
    std::stable_sort(target.begin(), target.end(), [&](uint32_t a, uint32_t b) {
        const int64_t ta = ts(a), tb = ts(b);
        if (ta != tb)
            return ta < tb;
        if (tiebreaker) {
            const Value* va = tiebreaker->first(a);
            const Value* vb = tiebreaker->first(b);
            if (va && vb) {
                if (compareValues(*va, *vb, eql::CompareOp::Less) == Tri::True)
                    return true;
                if (compareValues(*vb, *va, eql::CompareOp::Less) == Tri::True)
                    return false;
            } else if (va || vb) {
                return va != nullptr; // present before missing
            }
        }
        return a < b;
    });
    if (useSourceOrder) {
        cache_.storeRowOrder(orderKey, std::move(all));
        return orderRows(rows); // now served from the cache
    }
    return Ok{};
}

Result<SExpr> ExecSession::compile(const eql::Expr& expr)
{
    auto ctx = planContext();
    auto compiled = compileExpr(expr, ctx);
    if (!compiled)
        return compiled;
    if (auto loaded = loadSlots(); !loaded)
        return loaded.error();
    return compiled;
}

Result<Value> ExecSession::value(const SExpr& expr, uint32_t row)
{
    std::vector<uint32_t> used;
    collectSlots(expr, used);
    std::vector<Value> binding(used.empty() ? 1 : used.back() + 1);
    for (uint32_t s : used) {
        if (s >= columns_.size())
            return Error{"internal", "expression was not compiled by this session", expr.span};
        const Value* v = columns_[s]->first(row);
        binding[s] = v ? *v : Value(Null{});
    }
    EvalState state;
    Value v = evalScalar(expr, binding.data(), state);
    if (state.error)
        return *state.error;
    return v;
}

} // namespace eqlwb
