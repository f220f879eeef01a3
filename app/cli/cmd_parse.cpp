// eqlwb parse: not built yet (see commands.cpp).
#include "commands.h"

namespace eqlwb::cli {

int runParse(const Args&) { return notBuiltYet("parse"); }

} // namespace eqlwb::cli
