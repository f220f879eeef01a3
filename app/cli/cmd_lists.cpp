// eqlwb lists: not built yet (see commands.cpp).
#include "commands.h"

namespace eqlwb::cli {

int runLists(const Args&) { return notBuiltYet("lists"); }

} // namespace eqlwb::cli
