// The canonical printer: one query shape per layout (sequence and sample terms one per line,
// single spaces around operators, lists as ("a", "b")), comments kept. Guarantees for any query
// the parser accepted: formatQuery(parse(formatQuery(q))) == formatQuery(q), and the printed
// text parses to the same tree (ignoring spans).
//
// Parentheses: ParenExpr nodes print as written; trees built by rewrites need none, the printer
// adds the ones precedence requires. Literals print their source text when they have one, so
// escapes and raw strings survive.
// Comments: each comment is printed just before the first node that followed it in the source
// (a // comment then ends its line), so it stays next to the code it was about.
#pragma once

#include "eql/ast.h"

#include <string>

namespace eqlwb::eql {

std::string formatQuery(const Query& query);

// One expression on one line, without comments (for messages, call tips, list entries).
std::string formatExpr(const Expr& expr);

// A string literal in EQL syntax: "..." with the escapes Elasticsearch accepts.
std::string quoteString(std::string_view value);

// A field path in EQL syntax, with backticks where a segment needs them.
std::string formatFieldPath(const FieldExpr& field);

} // namespace eqlwb::eql
