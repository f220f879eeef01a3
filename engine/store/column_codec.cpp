// Column chunk encoding and decoding (see column_codec.h for the format).
#include "store/column_codec.h"

#include <cstring>

namespace eqlwb::store_detail {

namespace {

void putVarint(std::string& out, uint64_t v)
{
    while (v >= 0x80) {
        out.push_back(char(uint8_t(v) | 0x80));
        v >>= 7;
    }
    out.push_back(char(uint8_t(v)));
}

bool getVarint(const uint8_t*& p, const uint8_t* end, uint64_t& v)
{
    v = 0;
    for (int shift = 0; shift < 64 && p < end; shift += 7) {
        const uint8_t b = *p++;
        v |= uint64_t(b & 0x7f) << shift;
        if (!(b & 0x80))
            return true;
    }
    return false;
}

constexpr size_t kMaxDictEntries = 4096;
constexpr size_t kMaxDictString = 4096;

Error corrupt() { return Error{"corrupt", "a column chunk in the workspace is damaged", {}}; }

} // namespace

const char* typeNameOf(uint8_t bits)
{
    bits &= uint8_t(~kTypeNull);
    switch (bits) {
    case 0:
        return "null";
    case kTypeBool:
        return "boolean";
    case kTypeInt:
        return "long";
    case kTypeDouble:
    case kTypeDouble | kTypeInt:
        return "double";
    case kTypeString:
        return "keyword";
    default:
        return "mixed";
    }
}

void ColumnChunkBuilder::add(uint32_t row, const ScalarRef& v)
{
    const int64_t delta = int64_t(row) - prevRow_;
    if (delta > 0)
        ++rowsWithField_;
    putVarint(buf_, uint64_t(delta));
    prevRow_ = row;
    switch (v.type) {
    case ValueType::Null:
        buf_.push_back(0);
        typeBits_ |= kTypeNull;
        break;
    case ValueType::Bool:
        buf_.push_back(v.b ? 2 : 1);
        typeBits_ |= kTypeBool;
        break;
    case ValueType::Int:
        buf_.push_back(3);
        putVarint(buf_, (uint64_t(v.i) << 1) ^ uint64_t(v.i >> 63));
        typeBits_ |= kTypeInt;
        break;
    case ValueType::Double: {
        buf_.push_back(4);
        char bytes[8];
        std::memcpy(bytes, &v.d, 8);
        buf_.append(bytes, 8);
        typeBits_ |= kTypeDouble;
        break;
    }
    case ValueType::String: {
        typeBits_ |= kTypeString;
        if (dictOff_) {
            buf_.push_back(5);
            putVarint(buf_, v.s.size());
            buf_.append(v.s.data(), v.s.size());
            break;
        }
        auto it = dict_.find(v.s);
        if (dictClosed_) {
            // Mostly distinct values (ids, times): once lookups rarely hit, skip them.
            ++closedLookups_;
            closedHits_ += it != dict_.end() ? 1 : 0;
            dictOff_ = closedLookups_ >= 1024 && closedHits_ * 2 < closedLookups_;
        }
        if (it == dict_.end() && !dictClosed_ && v.s.size() <= kMaxDictString) {
            it = dict_.emplace(std::string(v.s), uint32_t(dict_.size())).first;
            putVarint(dictBytes_, v.s.size());
            dictBytes_.append(v.s.data(), v.s.size());
            // Mostly distinct values (ids, times): a dictionary would only cost.
            dictClosed_ = dict_.size() >= kMaxDictEntries;
        }
        if (it != dict_.end()) {
            buf_.push_back(6);
            putVarint(buf_, it->second);
        } else {
            buf_.push_back(5);
            putVarint(buf_, v.s.size());
            buf_.append(v.s.data(), v.s.size());
        }
        break;
    }
    }
}

std::string ColumnChunkBuilder::serialize() const
{
    std::string out;
    out.reserve(dictBytes_.size() + buf_.size() + 5);
    putVarint(out, dict_.size());
    out += dictBytes_;
    out += buf_;
    return out;
}

void ColumnChunkBuilder::clear()
{
    buf_.clear();
    dictBytes_.clear();
    dict_.clear();
    dictClosed_ = dictOff_ = false;
    closedLookups_ = closedHits_ = 0;
    prevRow_ = -1;
    rowsWithField_ = 0;
    typeBits_ = 0;
}

Status decodeChunk(std::string_view blob, uint32_t firstRow, uint32_t rowCount, FieldColumn& col,
    std::vector<uint32_t>& counts)
{
    const auto* p = reinterpret_cast<const uint8_t*>(blob.data());
    const auto* end = p + blob.size();
    uint64_t dictCount = 0;
    if (!getVarint(p, end, dictCount) || dictCount > blob.size())
        return corrupt();
    std::vector<std::string_view> dict;
    dict.reserve(size_t(dictCount));
    for (uint64_t k = 0; k < dictCount; ++k) {
        uint64_t len = 0;
        if (!getVarint(p, end, len) || uint64_t(end - p) < len)
            return corrupt();
        dict.emplace_back(reinterpret_cast<const char*>(p), size_t(len));
        p += len;
    }
    int64_t row = -1;
    bool rowHasValue = false;
    bool rowHasNull = false;
    auto finishRow = [&] {
        if (row >= 0 && rowHasNull && !rowHasValue)
            col.explicitNullRows.push_back(firstRow + uint32_t(row));
        rowHasValue = rowHasNull = false;
    };
    while (p < end) {
        uint64_t delta = 0;
        if (!getVarint(p, end, delta) || p >= end)
            return corrupt();
        if (delta > 0) {
            finishRow();
            row += int64_t(delta);
        }
        if (row < 0 || row >= int64_t(rowCount) || firstRow + uint64_t(row) + 1 >= counts.size())
            return corrupt();
        const uint8_t type = *p++;
        switch (type) {
        case 0:
            rowHasNull = true;
            continue;
        case 1:
        case 2:
            col.values.emplace_back(type == 2);
            break;
        case 3: {
            uint64_t z = 0;
            if (!getVarint(p, end, z))
                return corrupt();
            col.values.emplace_back(int64_t(z >> 1) ^ -int64_t(z & 1));
            break;
        }
        case 4: {
            if (end - p < 8)
                return corrupt();
            double d;
            std::memcpy(&d, p, 8);
            p += 8;
            col.values.emplace_back(d);
            break;
        }
        case 5: {
            uint64_t len = 0;
            if (!getVarint(p, end, len) || uint64_t(end - p) < len)
                return corrupt();
            col.values.emplace_back(std::string(reinterpret_cast<const char*>(p), size_t(len)));
            p += len;
            break;
        }
        case 6: {
            uint64_t k = 0;
            if (!getVarint(p, end, k) || k >= dict.size())
                return corrupt();
            col.values.emplace_back(std::string(dict[size_t(k)]));
            break;
        }
        default:
            return corrupt();
        }
        rowHasValue = true;
        ++counts[firstRow + uint32_t(row) + 1];
    }
    finishRow();
    return Ok{};
}

} // namespace eqlwb::store_detail
