// eqlwb export RULE --to toml|ndjson [--stack-version V] [--as-custom] [-o OUT]: converts a rule
// between detection-rules TOML and Kibana NDJSON. --stack-version refuses a rule the target
// version cannot run, naming each construct (nothing is rewritten: a fix is only offered).
// --as-custom re-issues a prebuilt rule as a custom one (derived rule_id, " [Duplicate]" name
// suffix, version 1). An NDJSON file with several rules exports to TOML only into a folder (-o).
#include "cli_args.h"
#include "commands.h"
#include "rules/ndjson_codec.h"
#include "rules/rule_convert.h"
#include "rules/rule_file.h"
#include "rules/stack_version.h"
#include "rules/toml_codec.h"

#include <filesystem>
#include <fstream>
#include <iostream>

namespace eqlwb::cli {

namespace {

void print(const std::string& file, const Diagnostic& d, const Rule* rule = nullptr, bool inQuery = false)
{
    std::cerr << file << ": " << severityName(d.severity) << ": ";
    if (inQuery && rule)
        std::cerr << "rule.query (" << queryPosition(*rule, d.span) << "): ";
    std::cerr << d.message << "\n";
}

bool writeFile(const std::string& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    return static_cast<bool>(out);
}

// "Connection to Commonly Abused Web Services" -> "connection_to_commonly_abused_web_services"
std::string fileStem(const std::string& name, size_t index)
{
    std::string out;
    for (unsigned char c : name) {
        if (std::isalnum(c))
            out += static_cast<char>(std::tolower(c));
        else if (!out.empty() && out.back() != '_')
            out += '_';
    }
    while (!out.empty() && out.back() == '_')
        out.pop_back();
    if (out.size() > 80)
        out.resize(80);
    return out.empty() ? "rule_" + std::to_string(index + 1) : out;
}

} // namespace

int runExport(const Args& args)
{
    const auto parsed = parseArgs("export", args, {{"--as-custom"}, {"--to", "--stack-version", "-o"}, {}});
    if (!parsed)
        return kExitUsage;
    if (parsed->positionals.size() != 1)
        return usageError("export", "give exactly one rule file");
    const auto to = parsed->value("--to");
    if (!to || (*to != "toml" && *to != "ndjson"))
        return usageError("export", "--to must be toml or ndjson");
    std::optional<StackVersion> stack;
    if (const auto v = parsed->value("--stack-version")) {
        stack = parseStackVersion(*v);
        if (!stack)
            return usageError(
                "export", "--stack-version wants a version such as 7.11 or 8.9.0, not \"" + *v + "\"");
    }
    const std::string path = parsed->positionals[0];
    auto loaded = loadRuleFile(path);
    if (!loaded) {
        std::cerr << path << ": error: " << loaded.error().message << "\n";
        return loaded.error().code == "io" ? kExitUsage : kExitInvalid;
    }
    for (const auto& d : loaded->diagnostics)
        print(path, d);
    if (hasErrors(loaded->diagnostics))
        return kExitInvalid;
    if (loaded->rules.empty()) {
        std::cerr << path << ": error: no rule in the file\n";
        return kExitInvalid;
    }

    bool failed = false;
    std::vector<Rule> rules;
    for (auto& rule : loaded->rules) {
        for (const auto& d : validateRule(rule)) {
            if (d.severity == Severity::Error)
                failed = true;
            print(path, d);
        }
        if (stack)
            for (const auto& d : checkRuleForStack(rule, *stack)) {
                failed = failed || d.severity == Severity::Error;
                print(path, d, &rule, d.code.rfind("stack-version-", 0) == 0 && d.span.end > 0);
                if (!d.fix.empty())
                    std::cerr << path << ": note: the rewrite is not applied: edit the rule, then export\n";
            }
        std::vector<Diagnostic> notes;
        Rule out = parsed->has("--as-custom") ? asCustomRule(rule) : rule;
        out = *to == "toml" ? toTomlShape(out, notes) : toNdjsonShape(out, notes);
        for (const auto& d : notes)
            print(path, d);
        rules.push_back(std::move(out));
    }
    if (failed)
        return kExitInvalid;

    const auto outPath = parsed->value("-o");
    if (*to == "ndjson") {
        const std::string text = writeNdjson(rules);
        if (!outPath) {
            std::cout << text;
            return kExitOk;
        }
        if (!writeFile(*outPath, text)) {
            std::cerr << "eqlwb export: cannot write " << *outPath << "\n";
            return kExitUsage;
        }
        return kExitOk;
    }
    if (rules.size() > 1 && !(outPath && std::filesystem::is_directory(*outPath))) {
        std::cerr << "eqlwb export: " << path << " holds " << rules.size()
                  << " rules; a TOML file holds one: give an existing folder with -o\n";
        return kExitUsage;
    }
    for (size_t i = 0; i < rules.size(); ++i) {
        const auto written = writeTomlRule(rules[i]);
        for (const auto& d : written.diagnostics)
            print(path, d);
        if (!outPath) {
            std::cout << written.text;
            continue;
        }
        const std::string target = rules.size() > 1
            ? (std::filesystem::path(*outPath) / (fileStem(rules[i].name(), i) + ".toml")).string()
            : *outPath;
        if (!writeFile(target, written.text)) {
            std::cerr << "eqlwb export: cannot write " << target << "\n";
            return kExitUsage;
        }
    }
    return kExitOk;
}

} // namespace eqlwb::cli
