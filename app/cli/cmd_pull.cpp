// eqlwb pull: not built yet (see commands.cpp).
#include "commands.h"

namespace eqlwb::cli {

int runPull(const Args&) { return notBuiltYet("pull"); }

} // namespace eqlwb::cli
