#include "cli_args.h"

#include <iostream>

namespace eqlwb::cli {

std::optional<std::string> ParsedArgs::value(const std::string& option) const
{
    auto it = values.find(option);
    if (it == values.end() || it->second.empty())
        return std::nullopt;
    return it->second.back();
}

std::vector<std::string> ParsedArgs::all(const std::string& option) const
{
    auto it = values.find(option);
    return it == values.end() ? std::vector<std::string>{} : it->second;
}

int usageError(const std::string& command, const std::string& message)
{
    std::cerr << "eqlwb " << command << ": " << message << "\n"
              << "Try 'eqlwb " << command << " --help'.\n";
    return kExitUsage;
}

std::optional<ParsedArgs> parseArgs(
    const std::string& command, const std::vector<std::string>& args, const ArgSpec& spec)
{
    ParsedArgs out;
    bool onlyPositionals = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (onlyPositionals || a.size() < 2 || a[0] != '-' || a == "-") {
            out.positionals.push_back(a);
            continue;
        }
        if (a == "--") {
            onlyPositionals = true;
            continue;
        }
        std::string name = a;
        std::optional<std::string> inlineValue;
        if (auto eq = a.find('='); eq != std::string::npos && a.rfind("--", 0) == 0) {
            name = a.substr(0, eq);
            inlineValue = a.substr(eq + 1);
        }
        if (spec.flags.count(name) && !inlineValue) {
            out.flags.insert(name);
        } else if (spec.valued.count(name) || spec.repeatable.count(name)) {
            std::string v;
            if (inlineValue) {
                v = *inlineValue;
            } else if (i + 1 < args.size()) {
                v = args[++i];
            } else {
                usageError(command, "option " + name + " needs a value");
                return std::nullopt;
            }
            auto& slot = out.values[name];
            if (!spec.repeatable.count(name))
                slot.clear();
            slot.push_back(v);
        } else {
            usageError(command, "unknown option " + a);
            return std::nullopt;
        }
    }
    return out;
}

} // namespace eqlwb::cli
