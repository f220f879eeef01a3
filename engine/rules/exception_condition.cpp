// Exception entries -> EQL condition text, and their direct evaluation over flattened events.
#include "rules/exception_condition.h"

#include "eql/formatter.h"

#include <algorithm>

namespace eqlwb {

namespace {

std::string joinedOr(const std::vector<std::string>& parts, const char* op)
{
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i)
            out += op;
        out += parts.size() > 1 ? "(" + parts[i] + ")" : parts[i];
    }
    return out;
}

std::string literalList(const std::vector<std::string>& values)
{
    std::string out = "(";
    for (size_t i = 0; i < values.size(); ++i)
        out.append(i ? ", " : "").append(eqlStringLiteral(values[i]));
    return out + ")";
}

// `in` with an empty list is not valid EQL: no value is in an empty list.
std::string inCondition(const std::string& field, const std::vector<std::string>& values, bool excluded)
{
    if (values.empty())
        return excluded ? "true" : "false";
    return field + (excluded ? " not in " : " in ") + literalList(values);
}

std::optional<std::string> condition(const ExceptionEntry& e, const std::string& prefix,
    const ValueLists& lists, std::vector<Diagnostic>& diags)
{
    const std::string fieldName = prefix.empty() ? e.field : prefix + "." + e.field;
    const std::string field = eqlFieldPath(fieldName);
    switch (e.type) {
    case EntryType::Match:
        return field + (e.excluded ? " != " : " == ") + eqlStringLiteral(e.value);
    case EntryType::MatchAny:
        return inCondition(field, e.values, e.excluded);
    case EntryType::Wildcard:
        return (e.excluded ? "not " : "") + field + " like " + eqlStringLiteral(e.value);
    case EntryType::Exists:
        return field + (e.excluded ? " == null" : " != null");
    case EntryType::List: {
        const auto it = lists.find(e.listId);
        if (it == lists.end()) {
            diags.push_back({"missing-value-list", Severity::Error,
                "the exception entry on " + fieldName + " uses value list \"" + e.listId
                    + "\", which was not given (--value-list " + e.listId + "=FILE)",
                {}, {}});
            return std::nullopt;
        }
        return inCondition(field, it->second, e.excluded);
    }
    case EntryType::Nested: {
        std::vector<std::string> parts;
        for (const auto& child : e.entries) {
            auto c = condition(child, fieldName, lists, diags);
            if (!c)
                return std::nullopt;
            parts.push_back(*c);
        }
        return parts.empty() ? std::string("true") : joinedOr(parts, " and ");
    }
    }
    return std::nullopt;
}

bool anyValue(const FlatEvent& event, const std::string& field, const auto& pred)
{
    const auto it = event.find(field);
    if (it == event.end())
        return false;
    for (const auto& v : it->second)
        if (const auto* s = std::get_if<std::string>(&v); s && pred(*s))
            return true;
    return false;
}

bool hasValue(const FlatEvent& event, const std::string& field)
{
    const auto it = event.find(field);
    if (it == event.end())
        return false;
    for (const auto& v : it->second)
        if (!isNull(v))
            return true;
    return false;
}

bool matches(
    const ExceptionEntry& e, const std::string& prefix, const FlatEvent& event, const ValueLists& lists)
{
    const std::string field = prefix.empty() ? e.field : prefix + "." + e.field;
    auto in = [&](const std::vector<std::string>& values) {
        return anyValue(event, field,
            [&](const std::string& s) { return std::find(values.begin(), values.end(), s) != values.end(); });
    };
    bool hit = false;
    switch (e.type) {
    case EntryType::Match:
        hit = anyValue(event, field, [&](const std::string& s) { return s == e.value; });
        break;
    case EntryType::MatchAny:
        hit = in(e.values);
        break;
    case EntryType::Wildcard:
        hit = anyValue(event, field, [&](const std::string& s) { return wildcardMatches(e.value, s); });
        break;
    case EntryType::Exists:
        hit = hasValue(event, field);
        break;
    case EntryType::List: {
        const auto it = lists.find(e.listId);
        hit = it != lists.end() && in(it->second);
        break;
    }
    case EntryType::Nested:
        for (const auto& child : e.entries)
            if (!matches(child, field, event, lists))
                return false;
        return true;
    }
    // "is not": as `field != "x"` on a bare field in Elasticsearch, a missing field matches.
    return e.excluded ? !hit : hit;
}

} // namespace

std::string eqlFieldPath(const std::string& field)
{
    eql::FieldExpr f;
    size_t start = 0;
    while (true) {
        const size_t dot = field.find('.', start);
        f.segments.push_back(field.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        if (dot == std::string::npos)
            break;
        start = dot + 1;
    }
    return eql::formatFieldPath(f);
}

std::string eqlStringLiteral(const std::string& s) { return eql::quoteString(s); }

std::optional<std::string> entryCondition(
    const ExceptionEntry& entry, const ValueLists& lists, std::vector<Diagnostic>& diags)
{
    return condition(entry, "", lists, diags);
}

std::optional<std::string> itemCondition(
    const ExceptionItem& item, const ValueLists& lists, std::vector<Diagnostic>& diags)
{
    std::vector<std::string> parts;
    for (const auto& e : item.entries) {
        auto c = entryCondition(e, lists, diags);
        if (!c)
            return std::nullopt;
        parts.push_back(*c);
    }
    // An item without entries excludes nothing (Kibana refuses to save one).
    return parts.empty() ? std::string("false") : joinedOr(parts, " and ");
}

std::optional<std::string> exceptionsCondition(
    const std::vector<ExceptionList>& lists, const ValueLists& valueLists, std::vector<Diagnostic>& diags)
{
    std::vector<std::string> parts;
    for (const auto& list : lists)
        for (const auto& item : list.items) {
            auto c = itemCondition(item, valueLists, diags);
            if (!c)
                return std::nullopt;
            parts.push_back(*c);
        }
    return parts.empty() ? std::string("false") : joinedOr(parts, " or ");
}

bool entryMatches(const ExceptionEntry& entry, const FlatEvent& event, const ValueLists& lists)
{
    return matches(entry, "", event, lists);
}

bool itemMatches(const ExceptionItem& item, const FlatEvent& event, const ValueLists& lists)
{
    if (item.entries.empty())
        return false;
    for (const auto& e : item.entries)
        if (!entryMatches(e, event, lists))
            return false;
    return true;
}

bool wildcardMatches(const std::string& pattern, const std::string& value)
{
    // `?` is one character, not one byte: it takes a whole UTF-8 sequence.
    auto charEnd = [&](size_t i) {
        ++i;
        while (i < value.size() && (static_cast<unsigned char>(value[i]) & 0xC0) == 0x80)
            ++i;
        return i;
    };
    // Greedy matching with one backtrack point: O(pattern x value) at worst, never exponential.
    size_t p = 0, v = 0, starP = std::string::npos, starV = 0;
    while (v < value.size()) {
        if (p < pattern.size() && pattern[p] == '?') {
            ++p;
            v = charEnd(v);
        } else if (p < pattern.size() && pattern[p] == value[v] && pattern[p] != '*') {
            ++p;
            ++v;
        } else if (p < pattern.size() && pattern[p] == '*') {
            starP = p++;
            starV = v;
        } else if (starP != std::string::npos) {
            p = starP + 1;
            v = starV = charEnd(starV);
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*')
        ++p;
    return p == pattern.size();
}

} // namespace eqlwb
