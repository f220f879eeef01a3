// eqlwb validate: not built yet (see commands.cpp).
#include "commands.h"

namespace eqlwb::cli {

int runValidate(const Args&) { return notBuiltYet("validate"); }

} // namespace eqlwb::cli
