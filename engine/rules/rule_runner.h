// Runs a rule as Kibana's detection engine would: its query, with its exception items hiding the
// events they match (Kibana adds them to the search as a must_not filter, so an excepted event
// takes no part in a match, in a sequence too), and says how many matches each item removed.
#pragma once

#include "core/progress.h"
#include "core/result.h"
#include "exec/column_cache.h"
#include "exec/query_runner.h"
#include "rules/exception_condition.h"
#include "rules/rule.h"

#include <string>
#include <vector>

namespace eqlwb {

struct ExceptionEffect {
    std::string listId;
    std::string itemId;
    std::string name;
    int64_t removed = 0; // matches of the rule without exceptions that this item alone removes
};

struct RuleRun {
    QueryResult result; // with every exception applied
    int64_t matchesWithoutExceptions = 0;
    std::vector<ExceptionEffect> effects; // one per exception item, in list order
    std::vector<Diagnostic> diagnostics; // exception problems (a missing value list, ...)
};

// `lists` are the exception lists to apply (the rule's own from an NDJSON export, plus any given
// separately); `valueLists` the value lists their `list` entries name. Errors: a rule that is not
// an EQL rule ("not-eql"), a query error, an unknown value list ("missing-value-list").
Result<RuleRun> runRule(ColumnSource& source, ColumnCache& cache, const Rule& rule,
    const std::vector<ExceptionList>& lists, const ValueLists& valueLists, const RunOptions& options,
    CancelToken cancel = {});

} // namespace eqlwb
