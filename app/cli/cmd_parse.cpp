// eqlwb parse (QUERY | -f FILE) [--format] [--json]: checks one EQL query.
// Exit 0 when valid (warnings to stderr), 1 when invalid (each error as LINE:COL: error: message,
// then the source line and a caret), 2 on usage or I/O errors.
#include "cli_args.h"
#include "commands.h"
#include "eql/analyzer.h"
#include "eql/formatter.h"
#include "eql/parser.h"
#include "query_input.h"

#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>

namespace eqlwb::cli {

namespace {

// The source line holding `offset`, and a caret line under the span (tabs kept so it aligns).
std::string caretLines(const std::string& text, const Span& span)
{
    const size_t at = std::min<size_t>(span.begin, text.size());
    const size_t previousNewline = at == 0 ? std::string::npos : text.rfind('\n', at - 1);
    const size_t lineStart = previousNewline == std::string::npos ? 0 : previousNewline + 1;
    size_t lineEnd = text.find('\n', lineStart);
    if (lineEnd == std::string::npos)
        lineEnd = text.size();
    std::string line = text.substr(lineStart, std::min<size_t>(lineEnd - lineStart, 400));
    std::string caret;
    for (size_t i = lineStart; i < at && i - lineStart < line.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\t')
            caret += '\t';
        else if ((c & 0xC0) != 0x80)
            caret += ' ';
    }
    caret += '^';
    const size_t end = std::min<size_t>({span.end, lineEnd, lineStart + line.size()});
    for (size_t i = at + 1; i < end; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            caret += '~';
    // Keep the output printable whatever bytes the query holds.
    for (auto& c : line)
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t')
            c = ' ';
    return "  " + line + "\n  " + caret + "\n";
}

nlohmann::json toJson(const std::string& text, const Diagnostic& d)
{
    const auto begin = lineColumnAt(text, d.span.begin);
    const auto end = lineColumnAt(text, d.span.end);
    nlohmann::json j = {{"code", d.code}, {"severity", severityName(d.severity)}, {"message", d.message},
        {"line", begin.line}, {"column", begin.column}, {"end_line", end.line}, {"end_column", end.column},
        {"offset", d.span.begin}, {"length", d.span.end - d.span.begin}};
    if (!d.fix.empty())
        j["fix"] = d.fix;
    return j;
}

} // namespace

int runParse(const Args& args)
{
    const auto parsed = parseArgs("parse", args, {{"--format", "--json"}, {"-f"}, {}});
    if (!parsed)
        return kExitUsage;
    const auto file = parsed->value("-f");
    if (file.has_value() == !parsed->positionals.empty() || parsed->positionals.size() > 1)
        return usageError("parse", "give one QUERY, or -f FILE (-f - reads standard input)");

    auto input = readQueryInput("parse", file, file ? std::string() : parsed->positionals.front());
    if (!input)
        return kExitUsage;
    const std::string& text = input->text;
    const std::string& prefix = input->prefix;

    auto result = eql::parseQuery(text);
    auto diagnostics = std::move(result.diagnostics);
    if (result.query && !hasErrors(diagnostics)) {
        auto warnings = eql::analyzeQuery(*result.query, eql::ecsCatalog());
        diagnostics.insert(diagnostics.end(), std::make_move_iterator(warnings.begin()),
            std::make_move_iterator(warnings.end()));
    }
    const bool valid = result.query && !hasErrors(diagnostics);

    if (parsed->has("--json")) {
        nlohmann::json out = {{"valid", valid}, {"diagnostics", nlohmann::json::array()}};
        for (const auto& d : diagnostics)
            out["diagnostics"].push_back(toJson(text, d));
        if (valid && parsed->has("--format"))
            out["formatted"] = eql::formatQuery(*result.query);
        std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return valid ? kExitOk : kExitInvalid;
    }

    for (const auto& d : diagnostics) {
        // stdin/file names only with -f; the plain QUERY form prints LINE:COL first.
        std::cerr << (file ? prefix : std::string()) << formatDiagnostic(text, d) << "\n"
                  << caretLines(text, d.span);
        if (!d.fix.empty())
            std::cerr << "  fix: " << d.fix << "\n";
    }
    if (!valid)
        return kExitInvalid;
    if (parsed->has("--format"))
        std::cout << eql::formatQuery(*result.query) << "\n";
    return kExitOk;
}

} // namespace eqlwb::cli
