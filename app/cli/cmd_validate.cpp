// eqlwb validate RULE...: reads each rule file (TOML or NDJSON), checks its structure and parses
// its EQL query. Problems go to stderr as "FILE: severity: message", one summary line per file to
// stdout. Exit 0 with only warnings, 1 when any rule has an error, 2 when a file cannot be read.
#include "cli_args.h"
#include "commands.h"
#include "rules/rule_file.h"

#include <iostream>

namespace eqlwb::cli {

namespace {

void printDiagnostic(
    const std::string& file, const std::string& text, const Diagnostic& d, const std::string& ruleName)
{
    std::cerr << file << ": " << severityName(d.severity) << ": ";
    if (!ruleName.empty())
        std::cerr << "rule \"" << ruleName << "\": ";
    std::cerr << d.message;
    if (!d.fix.empty())
        std::cerr << " (fix: " << d.fix << ")";
    std::cerr << "\n";
    (void)text;
}

} // namespace

int runValidate(const Args& args)
{
    const auto parsed = parseArgs("validate", args, {});
    if (!parsed)
        return kExitUsage;
    if (parsed->positionals.empty())
        return usageError("validate", "give at least one rule file");
    bool anyError = false, anyIo = false;
    for (const auto& path : parsed->positionals) {
        auto loaded = loadRuleFile(path);
        if (!loaded) {
            const auto& e = loaded.error();
            std::cerr << path << ": error: " << e.message << "\n";
            std::cout << path << ": " << (e.code == "io" ? "unreadable" : "invalid") << "\n";
            (e.code == "io" ? anyIo : anyError) = true;
            continue;
        }
        size_t errors = 0, warnings = 0;
        auto count = [&](const Diagnostic& d) {
            errors += d.severity == Severity::Error;
            warnings += d.severity == Severity::Warning;
        };
        for (const auto& d : loaded->diagnostics) {
            printDiagnostic(path, {}, d, {});
            count(d);
        }
        for (const auto& rule : loaded->rules) {
            const std::string name = loaded->rules.size() > 1 ? rule.name() : std::string();
            for (const auto& d : validateRule(rule)) {
                printDiagnostic(path, {}, d, name);
                count(d);
            }
        }
        if (loaded->rules.empty() && loaded->unattachedLists.empty()) {
            std::cerr << path << ": error: no rule in the file\n";
            ++errors;
        }
        anyError = anyError || errors > 0;
        std::cout << path << ": " << (errors ? "invalid" : "ok") << " (" << loaded->rules.size() << " rule"
                  << (loaded->rules.size() == 1 ? "" : "s") << ", " << errors << " error"
                  << (errors == 1 ? "" : "s") << ", " << warnings << " warning" << (warnings == 1 ? "" : "s")
                  << ")\n";
    }
    return anyIo ? kExitUsage : anyError ? kExitInvalid : kExitOk;
}

} // namespace eqlwb::cli
