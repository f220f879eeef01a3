// TOML spellings of keys and values in the detection-rules house style (rule_formatter.py):
// which string form to use, how long lists break, how a description wraps.
#pragma once

#include "rules/rule.h"

#include <string>

namespace eqlwb {

std::string tomlKey(const std::string& key); // bare when it can be, else a quoted string
std::string tomlBasicString(const std::string& s); // "..."
std::string tomlMultilineBasicString(const std::string& s); // """\n..."""
// The query form: '''\n...''' (no escapes, the EQL text as written); falls back to a multi-line
// basic string when the text holds ''' or characters a literal string cannot.
std::string tomlQueryString(const std::string& s);
// A one-line string: '...' when it holds " but no ' (house style), "..." otherwise.
std::string tomlString(const std::string& s);
// Greedy word wrap at `width` columns, as Python's textwrap does for descriptions.
std::string wrapText(const std::string& s, size_t width);

// A value on the right of `key = `: scalars, arrays (one item a line when long), inline tables.
// Returns false (and writes nothing) for null, which TOML cannot hold.
bool tomlInlineValue(const RuleTree& v, std::string& out, int depth = 0);

} // namespace eqlwb
