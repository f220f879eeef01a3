#include "core/text_file.h"

#include <fstream>
#include <sstream>

namespace eqlwb {

Result<std::string> readTextFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{"io", "cannot open " + path, {}};
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad())
        return Error{"io", "cannot read " + path, {}};
    return buf.str();
}

} // namespace eqlwb
