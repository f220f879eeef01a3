#include "exec/event_filter.h"

namespace eqlwb {

namespace {

constexpr uint8_t kNotComputed = 3;

struct Evaluator {
    FilterInput& in;
    EvalState state;
    bool cancelled = false;

    void eval(const PNode& n, const uint32_t* rows, size_t count, Tri* out)
    {
        if (cancelled || in.cancel.cancelled()) {
            cancelled = true;
            std::fill(out, out + count, Tri::Null);
            return;
        }
        switch (n.kind) {
        case PKind::Const:
            std::fill(out, out + count, n.constant);
            return;
        case PKind::Not:
            eval(n.kids[0], rows, count, out);
            for (size_t i = 0; i < count; ++i)
                out[i] = triNot(out[i]);
            return;
        case PKind::And:
        case PKind::Or:
            evalLogical(n, rows, count, out);
            return;
        case PKind::FieldPredicate:
            evalField(n, rows, count, out);
            return;
        case PKind::RowPredicate:
            evalRow(n, rows, count, out);
            return;
        }
    }

    void evalLogical(const PNode& n, const uint32_t* rows, size_t count, Tri* out)
    {
        const bool isAnd = n.kind == PKind::And;
        // The value that decides the result alone: later operands only see undecided rows.
        const Tri decisive = isAnd ? Tri::False : Tri::True;
        eval(n.kids[0], rows, count, out);
        std::vector<uint32_t> subRows, subIndex;
        std::vector<Tri> subOut;
        for (size_t k = 1; k < n.kids.size(); ++k) {
            subRows.clear();
            subIndex.clear();
            for (size_t i = 0; i < count; ++i) {
                if (out[i] != decisive) {
                    subRows.push_back(rows[i]);
                    subIndex.push_back(static_cast<uint32_t>(i));
                }
            }
            if (subRows.empty())
                return;
            subOut.resize(subRows.size());
            eval(n.kids[k], subRows.data(), subRows.size(), subOut.data());
            for (size_t j = 0; j < subRows.size(); ++j) {
                Tri& o = out[subIndex[j]];
                o = isAnd ? triAnd(o, subOut[j]) : triOr(o, subOut[j]);
            }
        }
    }

    Tri computeValue(const PNode& n, const Value& v, std::vector<Value>& binding)
    {
        binding[n.slot] = v;
        Tri t = triOfValue(evalScalar(n.expr, binding.data(), state));
        if (n.pushdown && t == Tri::Null)
            t = Tri::False;
        return t;
    }

    void evalField(const PNode& n, const uint32_t* rows, size_t count, Tri* out)
    {
        DictColumn& col = *in.columns[n.slot];
        auto& cached = col.predicateResults[n.signature];
        if (cached.size() != col.dict.size())
            cached.assign(col.dict.size(), kNotComputed);
        std::vector<Value> binding(n.slot + 1);
        const uint32_t* codes = col.codes.data();
        const size_t codeCount = col.codes.size();
        uint8_t* table = cached.data();
        for (size_t i = 0; i < count; ++i) {
            const uint32_t row = rows[i];
            const uint32_t code = row < codeCount ? codes[row] : DictColumn::kMissing;
            if (code == DictColumn::kMissing) {
                out[i] = n.missingResult;
            } else if (!(code & DictColumn::kMultiFlag)) {
                uint8_t r = table[code];
                if (r == kNotComputed) {
                    r = static_cast<uint8_t>(computeValue(n, col.dict[code], binding));
                    table[code] = r;
                }
                out[i] = static_cast<Tri>(r);
            } else {
                // Several values: true when any is; otherwise false when any is (null only
                // when every element's result is null).
                const uint32_t m = code & ~DictColumn::kMultiFlag;
                bool anyTrue = false, anyFalse = false;
                for (uint32_t j = col.multiOffsets[m]; j < col.multiOffsets[m + 1] && !anyTrue; ++j) {
                    const uint32_t c = col.multiCodes[j];
                    uint8_t r = table[c];
                    if (r == kNotComputed) {
                        r = static_cast<uint8_t>(computeValue(n, col.dict[c], binding));
                        table[c] = r;
                    }
                    anyTrue = r == static_cast<uint8_t>(Tri::True);
                    anyFalse = anyFalse || r == static_cast<uint8_t>(Tri::False);
                }
                out[i] = anyTrue ? Tri::True : (anyFalse ? Tri::False : Tri::Null);
            }
        }
    }

    void evalRow(const PNode& n, const uint32_t* rows, size_t count, Tri* out)
    {
        const uint32_t maxSlot = n.slots.empty() ? 0 : n.slots.back();
        std::vector<Value> binding(maxSlot + 1);
        for (size_t i = 0; i < count; ++i) {
            if ((i & 0xFFFF) == 0 && in.cancel.cancelled()) {
                cancelled = true;
                std::fill(out + i, out + count, Tri::Null);
                return;
            }
            for (uint32_t s : n.slots) {
                const Value* v = in.columns[s]->first(rows[i]);
                binding[s] = v ? *v : Value(Null{});
            }
            out[i] = triOfValue(evalScalar(n.expr, binding.data(), state));
        }
    }
};

} // namespace

Result<std::vector<Tri>> evaluateRows(
    const PNode& condition, const std::vector<uint32_t>& rows, FilterInput& in)
{
    try {
        Evaluator ev{in, {}, false};
        std::vector<Tri> out(rows.size());
        ev.eval(condition, rows.data(), rows.size(), out.data());
        if (ev.cancelled)
            return Error{"cancelled", "the query was cancelled", {}};
        if (ev.state.error)
            return *ev.state.error;
        return out;
    } catch (const std::exception& e) {
        return Error{"internal", std::string("query evaluation failed: ") + e.what(), {}};
    }
}

namespace {

void keepTrue(std::vector<uint32_t>& rows, const std::vector<Tri>& out)
{
    size_t kept = 0;
    for (size_t i = 0; i < rows.size(); ++i)
        if (out[i] == Tri::True)
            rows[kept++] = rows[i];
    rows.resize(kept);
}

// A key for what a planned node selects, naming its fields by path.
std::string nodeSignature(const PNode& n, const std::vector<std::string>& paths)
{
    // Appending (not `"x" + str`) also avoids a GCC 12 -Wrestrict false positive.
    std::string s;
    switch (n.kind) {
    case PKind::Const:
        s.push_back('C');
        s += std::to_string(static_cast<int>(n.constant));
        return s;
    case PKind::FieldPredicate:
        s.push_back('F');
        s += n.signature;
        s.push_back('@');
        s += paths[n.slot];
        return s;
    case PKind::RowPredicate:
        s.push_back('R');
        s += signatureOf(n.expr, &paths);
        return s;
    default: {
        s.push_back(n.kind == PKind::And ? '&' : (n.kind == PKind::Or ? '|' : '!'));
        s.push_back('(');
        for (const auto& k : n.kids) {
            s += nodeSignature(k, paths);
            s += ',';
        }
        return s + ")";
    }
    }
}

void evalKeepTrue(const PNode& n, std::vector<uint32_t>& rows, Evaluator& ev)
{
    std::vector<Tri> out(rows.size());
    ev.eval(n, rows.data(), rows.size(), out.data());
    keepTrue(rows, out);
}

// Keeps the rows of `rows` where the condition is true. Only "true" matters for the whole
// condition, so each operand of the top `and` discards rows before the next one runs.
void selectTrue(const PNode& n, std::vector<uint32_t>& rows, bool rowsAreAll, Evaluator& ev)
{
    const bool isAnd = n.kind == PKind::And;
    const size_t count = isAnd ? n.kids.size() : 1;
    auto operand = [&](size_t k) -> const PNode& { return isAnd ? n.kids[k] : n; };
    ColumnCache* cache = rowsAreAll ? ev.in.rowSets : nullptr;
    std::vector<std::string> keys;
    size_t start = 0;
    if (cache && ev.in.slotPaths) {
        std::string key;
        for (size_t k = 0; k < count; ++k) {
            key += nodeSignature(operand(k), *ev.in.slotPaths);
            key += ';';
            keys.push_back(key);
        }
        for (size_t k = count; k > 0; --k) {
            if (const auto* hit = cache->rowSet(keys[k - 1])) {
                rows = *hit;
                start = k;
                break;
            }
        }
    }
    for (size_t k = start; k < count && !rows.empty(); ++k) {
        evalKeepTrue(operand(k), rows, ev);
        if (ev.cancelled || ev.state.error)
            return;
        if (!keys.empty())
            cache->storeRowSet(keys[k], rows);
    }
}

} // namespace

Result<std::vector<uint32_t>> filterRows(
    const PNode& condition, std::vector<uint32_t> rows, FilterInput& in, bool rowsAreAll)
{
    try {
        Evaluator ev{in, {}, false};
        selectTrue(condition, rows, rowsAreAll, ev);
        if (ev.cancelled || in.cancel.cancelled())
            return Error{"cancelled", "the query was cancelled", {}};
        if (ev.state.error)
            return *ev.state.error;
        return rows;
    } catch (const std::exception& e) {
        return Error{"internal", std::string("query evaluation failed: ") + e.what(), {}};
    }
}

} // namespace eqlwb
