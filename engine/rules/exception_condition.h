// Exceptions as EQL conditions, and a small evaluator of them over in-memory events.
//
// The runner counts how many matches each exception item removes by running the rule's query
// `and (item condition)`. The text uses only EQL every supported stack accepts:
//   match -> ==, match_any -> in, wildcard -> like (case-sensitive, as Kibana sends a wildcard
//   query without case_insensitive to a keyword field), exists -> != null, list -> in (values),
//   nested -> the child conditions on `parent.child` ANDed; "excluded" negates each entry.
#pragma once

#include "core/diagnostic.h"
#include "rules/exceptions.h"
#include "store/value.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace eqlwb {

// Value lists by id, one value a line as Kibana imports them.
using ValueLists = std::map<std::string, std::vector<std::string>>;

// EQL text of a field path: plain segments as they are, others in backticks (a field named
// " host.name" in a real export stays that field, which no event has, as in Elasticsearch).
std::string eqlFieldPath(const std::string& field);
std::string eqlStringLiteral(const std::string& s);

// One entry, one item (entries ANDed), all items of some lists (ORed). Returns nullopt with an
// error diagnostic when an entry names a value list that is not given.
std::optional<std::string> entryCondition(
    const ExceptionEntry& entry, const ValueLists& lists, std::vector<Diagnostic>& diags);
std::optional<std::string> itemCondition(
    const ExceptionItem& item, const ValueLists& lists, std::vector<Diagnostic>& diags);
std::optional<std::string> exceptionsCondition(
    const std::vector<ExceptionList>& lists, const ValueLists& valueLists, std::vector<Diagnostic>& diags);

// A flattened event: dotted field -> its values (several for an array; none when missing).
using FlatEvent = std::map<std::string, std::vector<Value>>;

// Evaluates what the condition text means, without a parser: the reference the tests compare the
// text against, and a way to apply exceptions before the executor exists. Multi-valued fields
// match when any value matches, as Elasticsearch's term and wildcard queries do.
bool entryMatches(const ExceptionEntry& entry, const FlatEvent& event, const ValueLists& lists);
bool itemMatches(const ExceptionItem& item, const FlatEvent& event, const ValueLists& lists);

// `*` any run, `?` one character, whole value, case-sensitive; no escapes (as EQL `like`).
bool wildcardMatches(const std::string& pattern, const std::string& value);

} // namespace eqlwb
