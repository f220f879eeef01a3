// eqlwb gen --events N [--seed S] -o FILE: deterministic synthetic Windows ECS telemetry.
#include "cli_args.h"
#include "commands.h"
#include "gen/telemetry.h"

#include <charconv>
#include <iostream>

namespace eqlwb::cli {

namespace {

bool parseCount(const std::string& text, uint64_t& out)
{
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

} // namespace

int runGen(const Args& args)
{
    ArgSpec spec;
    spec.flags = {"--help"};
    spec.valued = {"--events", "--seed", "-o", "--output"};
    auto parsed = parseArgs("gen", args, spec);
    if (!parsed)
        return kExitUsage;
    if (parsed->has("--help")) {
        std::cout << "Usage: eqlwb gen --events N [--seed S] -o FILE\n"
                     "Writes N synthetic Windows ECS events (NDJSON; gzip when FILE ends in .gz).\n"
                     "The same N and S always give the same file.\n";
        return kExitOk;
    }
    if (!parsed->positionals.empty())
        return usageError("gen", "unexpected argument '" + parsed->positionals.front() + "'");
    GenOptions options;
    const auto events = parsed->value("--events");
    if (!events || !parseCount(*events, options.events))
        return usageError("gen", "--events N is required (a non-negative integer)");
    if (auto seed = parsed->value("--seed"); seed && !parseCount(*seed, options.seed))
        return usageError("gen", "--seed S must be a non-negative integer");
    auto out = parsed->value("-o");
    if (!out)
        out = parsed->value("--output");
    if (!out)
        return usageError("gen", "-o FILE is required");
    if (auto st = writeTelemetry(*out, options); !st) {
        std::cerr << "eqlwb gen: " << st.error().message << "\n";
        return kExitUsage;
    }
    return kExitOk;
}

} // namespace eqlwb::cli
