// Small argument reader shared by the eqlwb subcommands: options anywhere, positionals in order.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace eqlwb::cli {

// Exit codes of the contract in design.md.
constexpr int kExitOk = 0;
constexpr int kExitInvalid = 1; // invalid query or rule
constexpr int kExitUsage = 2; // usage or I/O error

struct ArgSpec {
    std::set<std::string> flags; // options without a value, e.g. "--json"
    std::set<std::string> valued; // options taking one value, e.g. "--size"
    std::set<std::string> repeatable; // valued options that may repeat, e.g. "--value-list"
};

struct ParsedArgs {
    std::vector<std::string> positionals;
    std::set<std::string> flags;
    std::map<std::string, std::vector<std::string>> values;

    bool has(const std::string& flag) const { return flags.count(flag) > 0; }
    std::optional<std::string> value(const std::string& option) const;
    std::vector<std::string> all(const std::string& option) const;
};

// Parses args against spec; on a problem writes "eqlwb CMD: message" to stderr and returns nullopt.
std::optional<ParsedArgs> parseArgs(
    const std::string& command, const std::vector<std::string>& args, const ArgSpec& spec);

// Prints "eqlwb CMD: message" to stderr and returns kExitUsage.
int usageError(const std::string& command, const std::string& message);

} // namespace eqlwb::cli
