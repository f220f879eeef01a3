// eqlwb ingest: not built yet (see commands.cpp).
#include "commands.h"

namespace eqlwb::cli {

int runIngest(const Args&) { return notBuiltYet("ingest"); }

} // namespace eqlwb::cli
