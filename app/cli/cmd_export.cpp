// eqlwb export: not built yet (see commands.cpp).
#include "commands.h"

namespace eqlwb::cli {

int runExport(const Args&) { return notBuiltYet("export"); }

} // namespace eqlwb::cli
