// Kibana exceptions: lists (containers), items and entries, as the detection engine defines them.
//
// Entries of one item are ANDed, items are ORed; an event matching any item makes no alert. Each
// item also keeps its JSON as read so an export writes it back unchanged.
#pragma once

#include "core/diagnostic.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace eqlwb {

enum class EntryType { Match, MatchAny, Wildcard, Exists, List, Nested };

const char* entryTypeName(EntryType t);

struct ExceptionEntry {
    std::string field;
    EntryType type = EntryType::Match;
    bool excluded = false; // operator "excluded": "is not ...", "does not exist", ...
    std::string value; // match, wildcard
    std::vector<std::string> values; // match_any
    std::string listId; // list: the value list's id
    std::string listType; // list: keyword, ip, ip_range, text, ...
    std::vector<ExceptionEntry> entries; // nested: entries on fields under `field`
};

struct ExceptionItem {
    nlohmann::ordered_json raw; // the NDJSON line as read
    std::string itemId;
    std::string listId;
    std::string name;
    std::vector<ExceptionEntry> entries;
};

struct ExceptionList {
    nlohmann::ordered_json container; // the NDJSON container line as read
    std::string id; // saved-object id, as rules reference it
    std::string listId;
    std::string type; // detection, rule_default, endpoint, ...
    std::string namespaceType; // single, agnostic
    std::vector<ExceptionItem> items;
};

// Reads entries from their JSON array. Oddities (a field with surrounding spaces, a value where
// none belongs) are warnings; an entry that cannot be understood is an error naming it.
std::vector<ExceptionEntry> entriesFromJson(
    const nlohmann::ordered_json& entries, const std::string& where, std::vector<Diagnostic>& diags);
nlohmann::ordered_json entriesToJson(const std::vector<ExceptionEntry>& entries);

// Replaces an item's entries, keeping the JSON in step.
void setEntries(ExceptionItem& item, std::vector<ExceptionEntry> entries);

ExceptionItem itemFromJson(const nlohmann::ordered_json& line, std::vector<Diagnostic>& diags);
ExceptionList listFromJson(const nlohmann::ordered_json& line);

} // namespace eqlwb
