// String matching primitives shared by the executor and the function library: simple Unicode
// case folding, and EQL wildcard patterns (`*`, `?`, whole-value, no escapes).
#pragma once

#include <string>
#include <string_view>

namespace eqlwb {

// Lower-cases ASCII and the common cased blocks (Latin-1, Latin Extended-A, Greek, Cyrillic),
// approximating Java's toLowerCase(Locale.ROOT) that Elasticsearch uses. Invalid UTF-8 bytes are
// copied unchanged.
std::string foldCase(std::string_view s);

// True when `pattern` covers the whole of `value`: `*` is any run of characters (also empty),
// `?` exactly one character (one UTF-8 sequence). Backslash is an ordinary character, as in
// Elasticsearch. Callers fold both sides first for a case-insensitive match.
bool wildcardMatch(std::string_view value, std::string_view pattern);

// Number of characters (UTF-8 code points) in s.
size_t utf8Length(std::string_view s);

} // namespace eqlwb
