#include "rules/rule_runner.h"

#include "eql/parser.h"

namespace eqlwb {

namespace {

int64_t resultCount(const QueryResult& r) { return static_cast<int64_t>(r.matches.size()); }

} // namespace

Result<RuleRun> runRule(ColumnSource& source, ColumnCache& cache, const Rule& rule,
    const std::vector<ExceptionList>& lists, const ValueLists& valueLists, const RunOptions& options,
    CancelToken cancel)
{
    if (!rule.type().empty() && rule.type() != "eql")
        return Error{"not-eql",
            "the rule \"" + rule.name() + "\" is a " + rule.type()
                + " rule; only EQL rules run in the workbench",
            {}};
    const std::string query = rule.query();
    if (query.empty())
        return Error{"bad-rule", "the rule \"" + rule.name() + "\" has no query", {}};
    auto parsed = eql::parseQuery(query);
    if (!parsed.ok()) {
        for (const auto& d : parsed.diagnostics)
            if (d.severity == Severity::Error)
                return Error{"parse", d.message, d.span};
    }

    RuleRun run;
    auto plain = runQuery(source, cache, *parsed.query, options, cancel);
    if (!plain)
        return plain.error();
    run.matchesWithoutExceptions = resultCount(*plain);

    std::vector<std::string> conditions;
    for (const auto& list : lists) {
        for (const auto& item : list.items) {
            auto condition = itemCondition(item, valueLists, run.diagnostics);
            if (!condition)
                return Error{"missing-value-list",
                    "exception item \"" + item.name + "\" names a value list that was not given"
                        + " (use --value-list ID=FILE)",
                    {}};
            RunOptions alone = options;
            alone.exceptionCondition = *condition;
            auto withItem = runQuery(source, cache, *parsed.query, alone, cancel);
            if (!withItem)
                return withItem.error();
            run.effects.push_back(
                {list.listId, item.itemId, item.name, run.matchesWithoutExceptions - resultCount(*withItem)});
            conditions.push_back("(" + *condition + ")");
        }
    }
    if (conditions.empty()) {
        run.result = std::move(*plain);
        return run;
    }
    RunOptions all = options;
    for (size_t i = 0; i < conditions.size(); ++i)
        all.exceptionCondition += (i ? " or " : "") + conditions[i];
    auto final = runQuery(source, cache, *parsed.query, all, cancel);
    if (!final)
        return final.error();
    run.result = std::move(*final);
    return run;
}

} // namespace eqlwb
