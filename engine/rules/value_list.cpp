// Value-list files: one value a line.
#include "rules/value_list.h"

#include "rules/rule_file.h"

namespace eqlwb {

std::vector<std::string> parseValueList(const std::string& text)
{
    std::vector<std::string> out;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string::npos)
            end = text.size();
        std::string line = text.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (!line.empty())
            out.push_back(std::move(line));
        pos = end + 1;
    }
    return out;
}

Result<std::vector<std::string>> readValueListFile(const std::string& path)
{
    auto text = readTextFile(path);
    if (!text)
        return text.error();
    return parseValueList(*text);
}

} // namespace eqlwb
