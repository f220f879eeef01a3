// eqlwb conformance: not built yet (see commands.cpp).
#include "commands.h"

namespace eqlwb::cli {

int runConformance(const Args&) { return notBuiltYet("conformance"); }

} // namespace eqlwb::cli
