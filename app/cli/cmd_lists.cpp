// eqlwb lists RULE [WORKSPACE] [--json]
// Prints the editable lists of a rule's query (design.md's contract): one line per list entry,
// tab-separated: list number, include or exclude, field, entry, and with a workspace the entry's
// hit count. --json prints one JSON object per entry instead.
// Exit 0 on success, 1 for an invalid rule or query, 2 on usage or I/O.
#include "cli_args.h"
#include "commands.h"
#include "result_output.h"
#include "rules/rule_file.h"
#include "store/workspace.h"
#include "tuning/query_lists.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace eqlwb::cli {

namespace {

constexpr const char* kName = "lists";

// An entry on one tab-separated line: the characters that would break the line are escaped.
std::string lineSafe(const std::string& text)
{
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '\t')
            out += "\\t";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else
            out += c;
    }
    return out;
}

void printLists(const std::vector<QueryList>& lists, bool withHits, bool json)
{
    for (const auto& list : lists) {
        for (const auto& entry : list.entries) {
            if (json) {
                nlohmann::json object
                    = {{"list", list.number}, {"kind", list.exclude ? "exclude" : "include"},
                        {"field", list.field}, {"operation", list.operation}, {"entry", entry.text}};
                if (withHits)
                    object["hits"] = entry.hits;
                std::cout << object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
                continue;
            }
            std::cout << list.number << '\t' << (list.exclude ? "exclude" : "include") << '\t' << list.field
                      << '\t' << lineSafe(entry.text);
            if (withHits)
                std::cout << '\t' << entry.hits;
            std::cout << "\n";
        }
    }
}

} // namespace

int runLists(const Args& args)
{
    ArgSpec spec;
    spec.flags.insert("--json");
    const auto parsed = parseArgs(kName, args, spec);
    if (!parsed)
        return kExitUsage;
    if (parsed->positionals.empty() || parsed->positionals.size() > 2)
        return usageError(kName, "give RULE and, for hit counts, WORKSPACE");
    const std::string& rulePath = parsed->positionals[0];

    auto loaded = loadRuleFile(rulePath);
    if (!loaded) {
        std::cerr << "eqlwb lists: " << rulePath << ": " << loaded.error().message << "\n";
        return loaded.error().code == "io" ? kExitUsage : kExitInvalid;
    }
    for (const auto& d : loaded->diagnostics)
        std::cerr << rulePath << ": " << severityName(d.severity) << ": " << d.message << "\n";
    if (hasErrors(loaded->diagnostics))
        return kExitInvalid;
    if (loaded->rules.empty()) {
        std::cerr << "eqlwb lists: " << rulePath << ": holds no rule\n";
        return kExitInvalid;
    }
    const Rule& rule = loaded->rules.front();
    if (rule.language() != "eql") {
        std::cerr << "eqlwb lists: " << rulePath << ": not an EQL rule (language \"" << rule.language()
                  << "\")\n";
        return kExitInvalid;
    }
    const std::string query = rule.query();
    auto lists = findLists(query);
    if (!lists) {
        std::cerr << "eqlwb lists: " << rulePath << ": " << lists.error().message << " ("
                  << queryPosition(rule, lists.error().span) << ")\n";
        return kExitInvalid;
    }

    const bool withHits = parsed->positionals.size() == 2;
    if (withHits) {
        const std::string& workspacePath = parsed->positionals[1];
        auto workspace = Workspace::open(workspacePath, false);
        if (!workspace) {
            std::cerr << "eqlwb lists: " << workspacePath << ": " << workspace.error().message << "\n";
            return kExitUsage;
        }
        ColumnCache cache;
        auto counted = countHits(**workspace, cache, query, *lists, RunOptions{});
        if (!counted) {
            const auto& e = counted.error();
            std::cerr << "eqlwb lists: " << rulePath << ": " << e.message;
            if (e.span.end > e.span.begin)
                std::cerr << " (" << queryPosition(rule, e.span) << ")";
            std::cerr << "\n";
            return isQueryError(e.code) ? kExitInvalid : kExitUsage;
        }
    }
    printLists(*lists, withHits, parsed->has("--json"));
    return kExitOk;
}

} // namespace eqlwb::cli
