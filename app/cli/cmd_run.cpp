// eqlwb run: not built yet (see commands.cpp).
#include "commands.h"

namespace eqlwb::cli {

int runRule(const Args&) { return notBuiltYet("run"); }

} // namespace eqlwb::cli
