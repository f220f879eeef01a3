// A rule's editable lists: the predicates inside a query that compare one field with a list of
// string literals (`f : ("a", "b")`, `f like~ (...)`, `f in (...)`, `f not in (...)`,
// `wildcard(f, "a", "b")`), what each entry of them currently does to the rule's matches, and
// the rewrites the list editor makes (add or remove one entry). Rewrites work on the syntax tree
// and print the result with the canonical formatter: no string surgery on the query text.
#pragma once

#include "core/diagnostic.h"
#include "core/progress.h"
#include "core/result.h"
#include "exec/column_cache.h"
#include "exec/run_options.h"
#include "store/field_column.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace eqlwb {

struct ListEntry {
    std::string text; // the decoded string (escapes resolved), a pattern for like/regex/wildcard
    Span span; // the literal in the query text
    // With a workspace (countHits): for an include list, how many of the rule's matches are due
    // to this entry; for an exclude list, how many events it keeps out. -1: not counted.
    int64_t hits = -1;
};

struct QueryList {
    int number = 0; // 1, 2, ... in source order
    bool exclude = false; // under an odd number of `not`, or a `not in`
    std::string field; // the field path, e.g. "process.name"
    std::string operation; // ":", "like", "like~", "regex", "regex~", "in", "in~", "not in", "wildcard"
    std::vector<ListEntry> entries;
    Span span; // the whole predicate
};

// The lists of a query, numbered in source order. A predicate is a list when its left side is
// one field and every item is a string literal, and it has two or more items or is written in
// list form (`in (...)`, `: ("a")`, `wildcard(f, "a")`), so that removing entries one by one
// keeps the numbering of the other lists stable. Errors: "parse" (the first syntax error, its
// span).
Result<std::vector<QueryList>> findLists(std::string_view query);

// Fills every entry's `hits` by running rewritten queries against `source` (share `cache` with
// other runs to keep it warm). A list of one entry is counted as if the entry were removed and
// the predicate matched nothing. `options.size` is ignored: counts are over all matches.
// Errors: those of findLists and runQuery ("cancelled", I/O, query errors).
Status countHits(ColumnSource& source, ColumnCache& cache, std::string_view query,
    std::vector<QueryList>& lists, const RunOptions& options, CancelToken cancel = {},
    ProgressFn progress = {});

// The query text with `entry` appended to list `listNumber` (as findLists numbers them), in the
// canonical format. Errors: "parse", "no-list", "duplicate-entry".
Result<std::string> withEntryAdded(std::string_view query, int listNumber, std::string_view entry);

// The query text without the first entry of list `listNumber` whose text is `entry`.
// Errors: "parse", "no-list", "no-entry", "last-entry" (a list keeps at least one entry).
Result<std::string> withEntryRemoved(std::string_view query, int listNumber, std::string_view entry);

} // namespace eqlwb
