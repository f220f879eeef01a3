#include "core/diagnostic.h"

#include <algorithm>

namespace eqlwb {

const char* severityName(Severity s)
{
    switch (s) {
    case Severity::Error:
        return "error";
    case Severity::Warning:
        return "warning";
    case Severity::Info:
        return "info";
    }
    return "error";
}

bool hasErrors(const std::vector<Diagnostic>& diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(),
        [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

LineColumn lineColumnAt(const std::string& text, uint32_t byteOffset)
{
    LineColumn lc;
    const auto end = std::min<size_t>(byteOffset, text.size());
    for (size_t i = 0; i < end; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++lc.line;
            lc.column = 1;
        } else if ((c & 0xC0) != 0x80) { // count UTF-8 lead bytes only
            ++lc.column;
        }
    }
    return lc;
}

std::string formatDiagnostic(const std::string& text, const Diagnostic& d)
{
    const auto lc = lineColumnAt(text, d.span.begin);
    return std::to_string(lc.line) + ":" + std::to_string(lc.column) + ": " + severityName(d.severity) + ": "
        + d.message;
}

} // namespace eqlwb
