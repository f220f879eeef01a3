// eqlwb simulate: not built yet (see commands.cpp).
#include "commands.h"

namespace eqlwb::cli {

int runSimulate(const Args&) { return notBuiltYet("simulate"); }

} // namespace eqlwb::cli
