// Errors and warnings as values: what the engine returns instead of throwing across its API.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace eqlwb {

// Half-open byte range [begin, end) into the text a diagnostic is about.
struct Span {
    uint32_t begin = 0;
    uint32_t end = 0;
    friend bool operator==(const Span&, const Span&) = default;
};

enum class Severity { Error, Warning, Info };

const char* severityName(Severity s);

struct Diagnostic {
    std::string code; // stable machine name, e.g. "expected-token", "unknown-field"
    Severity severity = Severity::Error;
    std::string message; // one sentence for a person
    Span span;
    std::string fix; // optional replacement text offered for `span` (empty: none)
};

bool hasErrors(const std::vector<Diagnostic>& diagnostics);

// 1-based line and column (columns count characters, not bytes) of a byte offset in text.
struct LineColumn {
    uint32_t line = 1;
    uint32_t column = 1;
};
LineColumn lineColumnAt(const std::string& text, uint32_t byteOffset);

// "LINE:COL: error: message", the form `eqlwb parse` prints.
std::string formatDiagnostic(const std::string& text, const Diagnostic& d);

} // namespace eqlwb
