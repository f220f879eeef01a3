// eqlwb run WORKSPACE RULE [--exceptions FILE] [--value-list ID=FILE]... [query output options]
// Runs a rule file (TOML or NDJSON) against a workspace with its exceptions: those inline in an
// NDJSON export, those of a Kibana exception-list export given with --exceptions, and value lists
// given as --value-list ID=FILE. Results print as `eqlwb query` prints them; what each exception
// item removed goes to stderr.
#include "cli_args.h"
#include "commands.h"
#include "result_output.h"
#include "rules/rule_file.h"
#include "rules/rule_runner.h"
#include "rules/value_list.h"
#include "store/workspace.h"

#include <iostream>

namespace eqlwb::cli {

namespace {

constexpr const char* kName = "run";

void printDiagnostics(const std::string& file, const std::vector<Diagnostic>& diagnostics)
{
    for (const auto& d : diagnostics)
        std::cerr << file << ": " << severityName(d.severity) << ": " << d.message << "\n";
}

// Exception lists of a Kibana exception-list export (or any rule file holding lists).
bool readExceptionFile(const std::string& path, std::vector<ExceptionList>& lists)
{
    auto loaded = loadRuleFile(path);
    if (!loaded) {
        std::cerr << "eqlwb run: " << path << ": " << loaded.error().message << "\n";
        return false;
    }
    printDiagnostics(path, loaded->diagnostics);
    for (auto& list : loaded->unattachedLists)
        lists.push_back(std::move(list));
    for (auto& rule : loaded->rules)
        for (auto& list : rule.exceptionLists)
            lists.push_back(std::move(list));
    return true;
}

bool readValueLists(const std::vector<std::string>& specs, ValueLists& valueLists)
{
    for (const auto& spec : specs) {
        const auto eq = spec.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
            usageError(kName, "--value-list takes ID=FILE, got '" + spec + "'");
            return false;
        }
        const std::string id = spec.substr(0, eq);
        const std::string file = spec.substr(eq + 1);
        auto values = readValueListFile(file);
        if (!values) {
            std::cerr << "eqlwb run: " << file << ": " << values.error().message << "\n";
            return false;
        }
        valueLists[id] = std::move(*values);
    }
    return true;
}

} // namespace

int runRule(const Args& args)
{
    ArgSpec spec = resultArgSpec();
    spec.valued.insert("--exceptions");
    spec.repeatable.insert("--value-list");
    const auto parsed = parseArgs(kName, args, spec);
    if (!parsed)
        return kExitUsage;
    if (parsed->positionals.size() != 2)
        return usageError(kName, "give WORKSPACE and RULE");
    RunOptions options;
    OutputOptions output;
    if (!readResultOptions(kName, *parsed, options, output))
        return kExitUsage;
    const std::string& workspacePath = parsed->positionals[0];
    const std::string& rulePath = parsed->positionals[1];

    auto loaded = loadRuleFile(rulePath);
    if (!loaded) {
        std::cerr << "eqlwb run: " << rulePath << ": " << loaded.error().message << "\n";
        return loaded.error().code == "io" ? kExitUsage : kExitInvalid;
    }
    printDiagnostics(rulePath, loaded->diagnostics);
    if (hasErrors(loaded->diagnostics))
        return kExitInvalid;
    if (loaded->rules.empty()) {
        std::cerr << "eqlwb run: " << rulePath << ": holds no rule\n";
        return kExitInvalid;
    }
    if (loaded->rules.size() > 1)
        std::cerr << "eqlwb run: " << rulePath << " holds " << loaded->rules.size()
                  << " rules; running the first, \"" << loaded->rules.front().name() << "\"\n";
    const Rule& rule = loaded->rules.front();
    const auto problems = validateRule(rule);
    if (hasErrors(problems)) {
        printDiagnostics(rulePath, problems);
        return kExitInvalid;
    }

    std::vector<ExceptionList> lists = rule.exceptionLists;
    if (auto file = parsed->value("--exceptions"); file && !readExceptionFile(*file, lists))
        return kExitUsage;
    ValueLists valueLists;
    if (!readValueLists(parsed->all("--value-list"), valueLists))
        return kExitUsage;

    auto workspace = Workspace::open(workspacePath, false);
    if (!workspace) {
        std::cerr << "eqlwb run: " << workspacePath << ": " << workspace.error().message << "\n";
        return kExitUsage;
    }
    ColumnCache cache;
    auto run = runRule(**workspace, cache, rule, lists, valueLists, options);
    if (!run) {
        const auto& e = run.error();
        std::cerr << "eqlwb run: " << rulePath << ": " << e.message;
        if (e.span.end > e.span.begin)
            std::cerr << " (" << queryPosition(rule, e.span) << ")";
        std::cerr << "\n";
        return isQueryError(e.code) || e.code == "missing-value-list" || e.code == "not-eql" ? kExitInvalid
                                                                                             : kExitUsage;
    }
    printDiagnostics(rulePath, run->diagnostics);
    for (const auto& d : run->result.diagnostics)
        std::cerr << rulePath << ": " << severityName(d.severity) << ": " << d.message << " ("
                  << queryPosition(rule, d.span) << ")\n";
    printResults(**workspace, cache, run->result, options, output);
    if (!run->effects.empty()) {
        std::cerr << "exceptions: " << run->matchesWithoutExceptions << " matches without exceptions, "
                  << run->result.matches.size() << " with them\n";
        for (const auto& effect : run->effects)
            std::cerr << "  item \"" << effect.name << "\" (" << effect.itemId << ") removed "
                      << effect.removed << "\n";
    }
    return kExitOk;
}

} // namespace eqlwb::cli
