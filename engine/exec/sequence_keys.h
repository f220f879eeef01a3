// Join keys of sequences and samples, as small integers: every key value is interned once per
// key position, every key tuple once per query, so the matchers compare and index by id rather
// than by string. A term reads its keys from rows; a multi-valued field gives one key per
// distinct non-null element and several keys give their cartesian product (eql-reference §10).
#pragma once

#include "core/result.h"
#include "eql/ast.h"
#include "exec/column_cache.h"
#include "exec/exec_session.h"
#include "store/value.h"

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

namespace eqlwb {

// The interning tables of one query: `width` key positions.
class JoinKeyTable {
public:
    explicit JoinKeyTable(size_t width);

    size_t width() const { return values_.size(); }
    // The id of a value at a key position (doubles holding an integer count as that integer).
    uint32_t valueId(size_t position, const Value& value);
    // The id of a tuple of value ids (`width` of them). With one position a tuple's id is its
    // value's id; with none every row has the single tuple 0.
    uint32_t tupleId(const uint32_t* valueIds);
    size_t tupleCount() const;
    // The key values of a tuple, in position order.
    std::vector<Value> tupleValues(uint32_t tuple) const;
    // Orders tuples by their values: position by position, null first, numbers numerically,
    // strings by bytes (how Elasticsearch sorts sample keys and ties between sequences).
    bool tupleLess(uint32_t a, uint32_t b) const;

private:
    struct TupleHash {
        size_t operator()(const std::vector<uint32_t>& t) const noexcept;
    };
    std::vector<std::vector<Value>> values_; // by position: id -> value
    std::vector<std::unordered_map<Value, uint32_t, ValueHash, ValueExactEq>> ids_;
    std::vector<std::vector<uint32_t>> tuples_; // tuple id -> value ids (width >= 2 only)
    std::unordered_map<std::vector<uint32_t>, uint32_t, TupleHash> tupleIds_;
};

// How one term reads its key tuple from a row.
class TermKeyReader {
public:
    // `keys` are the sequence-level keys followed by the term's own. With `nullsAllowed`, a
    // null key never drops the row (missing-event terms: Elasticsearch filters them by term).
    static Result<TermKeyReader> create(
        ExecSession& session, const std::vector<const eql::Expr*>& keys, bool nullsAllowed = false);

    // Replaces `out` with the row's key tuples: none when a non-optional key is null.
    Status tuples(ExecSession& session, uint32_t row, JoinKeyTable& table, std::vector<uint32_t>& out);

private:
    struct Key {
        bool optional = false;
        bool date = false; // a date field: keys are epoch milliseconds, whatever the text format
        std::shared_ptr<DictColumn> column; // a plain field: read by dictionary code
        std::vector<uint32_t> codeIds; // dictionary code -> value id (kUnset until seen)
        SExpr expr; // anything else: evaluated per row
    };
    static constexpr uint32_t kUnset = 0xFFFFFFFFu;

    uint32_t idOfCode(Key& key, size_t position, uint32_t code, JoinKeyTable& table);

    std::vector<Key> keys_;
    std::vector<std::vector<uint32_t>> perPosition_; // scratch: distinct value ids per position
    std::vector<uint32_t> scratch_;
};

} // namespace eqlwb
