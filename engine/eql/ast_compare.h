// Structural equality of syntax trees, ignoring spans, comments and literal spellings: what
// "parses to the same tree" means for the formatter's round trip and for rewrite tests.
#pragma once

#include "eql/ast.h"

namespace eqlwb::eql {

bool sameTree(const Expr& a, const Expr& b);
bool sameTree(const Query& a, const Query& b);

} // namespace eqlwb::eql
