// Is a loaded rule a valid rule? Structure and types of its keys, with messages that name the
// key, and the oddities of real exports ("note": "None", a name with a trailing space) as warnings.
// The query itself is checked by validateRule (rule_validate.h), which adds the EQL parser.
#pragma once

#include "core/diagnostic.h"
#include "rules/rule.h"

#include <vector>

namespace eqlwb {

std::vector<Diagnostic> checkRuleStructure(const Rule& rule);

} // namespace eqlwb
