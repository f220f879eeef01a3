// eqlwb query: not built yet (see commands.cpp).
#include "commands.h"

namespace eqlwb::cli {

int runQuery(const Args&) { return notBuiltYet("query"); }

} // namespace eqlwb::cli
