// eqlwb: the EQL Workbench command line (see `eqlwb --help` and design.md's contract).
#include "cli_args.h"
#include "commands.h"
#include "core/version.h"

#include <cstring>
#include <iostream>

namespace {

void printHelp()
{
    std::cout << "eqlwb " << eqlwb::engineVersion()
              << " - validate, run, tune and export Elastic EQL detection rules offline\n\n"
                 "Usage: eqlwb COMMAND [ARGS...]\n"
                 "       eqlwb COMMAND --help\n\n"
                 "Commands:\n";
    for (const auto& c : eqlwb::cli::commands()) {
        std::cout << "  " << c.name << (c.available ? "" : "  (not built yet)") << "\n      " << c.summary
                  << "\n      eqlwb " << c.name << " " << c.synopsis << "\n";
    }
    std::cout << "\nExit codes: 0 success, 1 invalid query or rule, 2 usage or I/O error.\n"
                 "Results go to stdout, errors and warnings to stderr.\n"
                 "Options: --help, --version\n";
}

} // namespace

int main(int argc, char** argv)
{
    using namespace eqlwb::cli;
    if (argc < 2) {
        printHelp();
        return kExitUsage;
    }
    const std::string first = argv[1];
    if (first == "--help" || first == "-h" || first == "help") {
        printHelp();
        return kExitOk;
    }
    if (first == "--version" || first == "-V") {
        std::cout << "eqlwb " << eqlwb::engineVersion() << " (SQLite " << eqlwb::sqliteVersion()
                  << ", simdjson " << eqlwb::simdjsonVersion() << ")\n";
        return kExitOk;
    }
    for (const auto& c : commands()) {
        if (first != c.name)
            continue;
        Args rest(argv + 2, argv + argc);
        if (rest.size() == 1 && (rest[0] == "--help" || rest[0] == "-h")) {
            std::cout << "Usage: eqlwb " << c.name << " " << c.synopsis << "\n\n" << c.summary << "\n";
            if (!c.available)
                std::cout << "(not built yet in this version)\n";
            return kExitOk;
        }
        return c.run(rest);
    }
    std::cerr << "eqlwb: unknown command '" << first << "'. Try 'eqlwb --help'.\n";
    return kExitUsage;
}
