// eqlwb gen: not built yet (see commands.cpp).
#include "commands.h"

namespace eqlwb::cli {

int runGen(const Args&) { return notBuiltYet("gen"); }

} // namespace eqlwb::cli
