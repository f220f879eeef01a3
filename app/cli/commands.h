// The eqlwb subcommands of the contract in design.md. Each lives in its own cmd_<name>.cpp.
#pragma once

#include <string>
#include <vector>

namespace eqlwb::cli {

using Args = std::vector<std::string>;

int runIngest(const Args& args);
int runParse(const Args& args);
int runQuery(const Args& args);
int runRule(const Args& args); // `eqlwb run`
int runExport(const Args& args);
int runValidate(const Args& args);
int runLists(const Args& args);
int runSimulate(const Args& args);
int runConformance(const Args& args);
int runGen(const Args& args);
int runPull(const Args& args);

struct Command {
    const char* name;
    const char* synopsis; // arguments, as in design.md
    const char* summary; // one line for `eqlwb --help`
    int (*run)(const Args&);
    bool available; // false: prints that it is not built yet and exits 2
};

const std::vector<Command>& commands();

// For subcommands not built yet: an honest message and exit code 2.
int notBuiltYet(const std::string& name);

} // namespace eqlwb::cli
