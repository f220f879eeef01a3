// detection-rules TOML files in and out of the rule model.
//
// Reading uses toml++. Writing is done here because toml++ cannot emit the house style (the query
// as a ''' literal string, sorted keys, long lists one item a line). A rule read from a file
// remembers that file: keys and tables that did not change are written back byte for byte, so a
// tuned rule's diff shows only what was tuned.
#pragma once

#include "core/result.h"
#include "rules/rule.h"

#include <string>
#include <vector>

namespace eqlwb {

struct LoadedRule {
    Rule rule;
    std::vector<Diagnostic> diagnostics; // warnings about oddities, errors naming bad keys
};

// Fails only when the text is not TOML (the error carries the line and column); a TOML file that
// is not a valid rule loads, with error diagnostics naming the keys.
Result<LoadedRule> readTomlRule(const std::string& text);

struct WrittenText {
    std::string text;
    std::vector<Diagnostic> diagnostics; // what could not be written (e.g. a null TOML cannot hold)
};

WrittenText writeTomlRule(const Rule& rule);

} // namespace eqlwb
