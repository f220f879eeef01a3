// eqlwb conformance DIR: runs Elasticsearch's EQL QA suite folder (conformance/es-eql layout)
// and prints one line per failing case with expected and actual results, a summary of what was
// skipped and why, then "N passed, N failed, N skipped". Exit 0 when nothing failed.
#include "cli_args.h"
#include "commands.h"
#include "exec/conformance/es_qa_suite.h"

#include <iostream>
#include <map>

namespace eqlwb::cli {

int runConformance(const Args& args)
{
    const auto parsed = parseArgs("conformance", args, {{"--verbose"}, {}, {}});
    if (!parsed)
        return kExitUsage;
    if (parsed->positionals.size() != 1)
        return usageError("conformance", "give the suite folder, e.g. ../shared/conformance/es-eql");
    auto report = runEsQaSuite(parsed->positionals[0]);
    if (!report) {
        std::cerr << "eqlwb conformance: " << report.error().message << "\n";
        return kExitUsage;
    }
    std::map<std::string, int> skippedWhy;
    for (const auto& c : report->cases) {
        if (c.outcome == QaOutcome::Failed) {
            std::cout << "FAIL " << c.suite << " " << c.name << ": expected " << c.expected << ", got "
                      << c.actual << "\n";
        } else if (c.outcome == QaOutcome::Skipped) {
            ++skippedWhy[c.reason];
            if (parsed->has("--verbose"))
                std::cout << "SKIP " << c.suite << " " << c.name << ": " << c.reason << "\n";
        }
    }
    for (const auto& [why, n] : skippedWhy)
        std::cout << "skipped " << n << ": " << why << "\n";
    std::cout << report->passed << " passed, " << report->failed << " failed, " << report->skipped
              << " skipped\n";
    return report->failed == 0 ? kExitOk : kExitInvalid;
}

} // namespace eqlwb::cli
