// Rewrites between the EQL dialects real rules use, each saying whether it keeps the meaning:
//   7.x wildcard(f, "a", "b")  ->  f like ("a", "b")   same meaning (wildcard() is case-sensitive
//                                                        from 7.10, like is too)
//                              ->  f : ("a", "b")      case-insensitive: how Elastic migrated its
//                                                        own rules, but it matches more
//   f like / : / like~ lists   ->  wildcard(f, ...)    for 7.x stacks older than 7.12; only like
//                                                        keeps the meaning
// Under a `not`, a bare-field predicate and a function call treat a missing field differently in
// Elasticsearch (eql-reference.md §5), so a rewrite there never keeps the meaning exactly.
#pragma once

#include "eql/ast.h"

#include <string>
#include <vector>

namespace eqlwb::eql {

enum class WildcardTarget { Like, Colon };

struct RewriteReport {
    int rewritten = 0; // how many places changed
    int skipped = 0; // places left alone (non-literal patterns, ...)
    bool keepsMeaning = true; // false when any rewrite can change what the query matches
    std::vector<std::string> notes; // one sentence per reason the meaning may change
};

// Every wildcard(...) call of the query becomes a like/: predicate.
RewriteReport wildcardToPatterns(Query& query, WildcardTarget target);

// Every like / like~ / : predicate with string literals becomes a wildcard(...) call.
RewriteReport patternsToWildcard(Query& query);

// Rewrites one expression in place if it is a wildcard() call with literal patterns; false if not.
bool rewriteWildcardCall(Expr& expr, WildcardTarget target);

} // namespace eqlwb::eql
