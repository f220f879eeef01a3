#include "query_input.h"

#include "core/text_file.h"

#include <iostream>
#include <sstream>

namespace eqlwb::cli {

std::optional<QueryInput> readQueryInput(
    const std::string& command, const std::optional<std::string>& file, const std::string& inlineText)
{
    if (!file)
        return QueryInput{inlineText, {}};
    if (*file == "-") {
        std::ostringstream buffer;
        buffer << std::cin.rdbuf();
        if (std::cin.bad()) {
            std::cerr << "eqlwb " << command << ": cannot read standard input\n";
            return std::nullopt;
        }
        return QueryInput{buffer.str(), "<stdin>:"};
    }
    auto text = readTextFile(*file);
    if (!text) {
        std::cerr << "eqlwb " << command << ": cannot read " << *file << "\n";
        return std::nullopt;
    }
    return QueryInput{std::move(*text), *file + ":"};
}

} // namespace eqlwb::cli
