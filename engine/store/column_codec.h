// The on-disk encoding of one field's values for a block of consecutive events (a "chunk",
// stored as a BLOB in column_chunks): what lets a column of 1M events load without JSON.
//
// A chunk starts with a string dictionary: varint count, then each string as varint length and
// bytes (repeated strings, like process names, are stored once a chunk). Then come entries, one
// per value, in row order:
//   varint rowDelta   row minus the previous entry's row (the first entry counts from -1), so
//                     0 means "another value of the same row" (multi-valued fields)
//   byte   type       0 null, 1 false, 2 true, 3 int, 4 double, 5 string, 6 dictionary string
//   payload           int: zigzag varint; double: 8 bytes little-endian; string: varint
//                     length then the bytes; dictionary string: varint index
// Rows without the field have no entry, so rare fields cost nothing in blocks without them.
#pragma once

#include "core/result.h"
#include "store/field_column.h"
#include "store/flatten_walk.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace eqlwb::store_detail {

// Type bits as kept in the field catalogue (fields.types).
enum TypeBits : uint8_t {
    kTypeNull = 1,
    kTypeBool = 2,
    kTypeInt = 4,
    kTypeDouble = 8,
    kTypeString = 16,
};

const char* typeNameOf(uint8_t typeBits);

struct StringViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
}; // "keyword", "long", "double", "boolean", "null", "mixed"

class ColumnChunkBuilder {
public:
    // Rows must not decrease between calls; row is relative to the chunk's first row.
    void add(uint32_t row, const ScalarRef& v);
    // The chunk's blob (dictionary, then entries).
    std::string serialize() const;
    bool empty() const { return buf_.empty(); }
    size_t byteSize() const { return buf_.size() + dictBytes_.size(); }
    uint32_t rowsWithField() const { return rowsWithField_; }
    uint8_t typeBits() const { return typeBits_; }
    void clear();

private:
    std::string buf_; // entries
    std::string dictBytes_; // the dictionary's strings, encoded
    std::unordered_map<std::string, uint32_t, StringViewHash, std::equal_to<>> dict_;
    bool dictClosed_ = false; // too many distinct strings: new ones are stored inline
    bool dictOff_ = false; // closed and rarely hit: stop looking strings up at all
    uint32_t closedLookups_ = 0, closedHits_ = 0;
    int64_t prevRow_ = -1;
    uint32_t rowsWithField_ = 0;
    uint8_t typeBits_ = 0;
};

// Appends a chunk's values to a column being assembled: values go to col.values, and
// counts[firstRow + r + 1] counts row r's values (the caller turns counts into offsets).
// Explicit-null-only rows are appended to col.explicitNullRows. Rejects malformed blobs.
Status decodeChunk(std::string_view blob, uint32_t firstRow, uint32_t rowCount, FieldColumn& col,
    std::vector<uint32_t>& counts);

} // namespace eqlwb::store_detail
