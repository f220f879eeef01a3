// The EQL lexer: bytes in, tokens with byte offsets out. The parser pulls tokens from it, and
// the editor uses highlightLine() to colour one line at a time, carrying a small LexState from
// the end of one line to the start of the next (inside a /* */ comment, inside a """ string),
// so an edit only re-highlights from the changed line down until the state stops changing.
#pragma once

#include "core/diagnostic.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace eqlwb::eql {

enum class TokenKind : uint8_t {
    End,
    Ident, // process, startsWith, and, where (keywords are identifiers; see isKeyword)
    IdentTilde, // startsWith~ / like~ / regex~ / in~: an identifier immediately followed by '~'
    Backtick, // `escaped field segment`
    String, // "..."
    RawString, // """..."""
    SingleQuoted, // '...' (rejected by Elasticsearch; the parser offers a fix)
    Integer,
    Float,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Pipe,
    Dot,
    Question, // ?field
    Bang, // ![missing event]
    Eq, // ==
    NotEq, // !=
    Less,
    LessEq,
    Greater,
    GreaterEq,
    Assign, // = (maxspan=, runs=)
    Colon,
    Plus,
    Minus,
    Star,
    Slash,
    Percent,
    Tilde, // a '~' not attached to an identifier
    LineComment, // // ...
    BlockComment, // /* ... */ (nestable, as in Elasticsearch)
    Error, // bytes that form no token; the lexer reported a diagnostic
};

struct Token {
    TokenKind kind = TokenKind::End;
    Span span;
};

// Where a line starts: the state carried across line ends. Compare with == to stop
// re-highlighting when the state at a line's end did not change.
struct LexState {
    enum class Mode : uint8_t { Normal, BlockComment, RawString };
    Mode mode = Mode::Normal;
    uint16_t commentDepth = 0; // nesting of /* */ when mode == BlockComment
    friend bool operator==(const LexState&, const LexState&) = default;
};

class Lexer {
public:
    // Lexes text from byte `offset`, which must start in `state`. Diagnostics (invalid UTF-8,
    // unterminated strings and comments, stray characters) go to `diagnostics` when given.
    explicit Lexer(std::string_view text, std::vector<Diagnostic>* diagnostics = nullptr, uint32_t offset = 0,
        LexState state = {});

    // The next token, comments included; End (an empty span at the end) once the text is used up.
    Token next();

    // State at the current position (Normal unless stopped inside a comment or raw string,
    // which only happens with stopAtNewline).
    LexState state() const { return state_; }

    // When true, a block comment or raw string that reaches a '\n' ends its token there and
    // the lexer remembers it is inside one (line-by-line highlighting). Default false.
    void setStopAtNewline(bool stop) { stopAtNewline_ = stop; }

private:
    Token lexString(uint32_t start);
    Token lexRawBody(uint32_t start, uint32_t bodyStart);
    Token lexBlockBody(uint32_t start, uint32_t openedAt);
    Token lexNumber(uint32_t start);
    Token lexUnexpected(uint32_t start);
    void report(const char* code, std::string message, Span span);

    std::string_view text_;
    std::vector<Diagnostic>* diagnostics_;
    uint32_t pos_;
    LexState state_;
    bool stopAtNewline_ = false;
};

// Keywords of the language (lowercase, as Elasticsearch requires).
bool isKeyword(std::string_view word);

// Decodes the body of a "..." string token (with quotes) into its value; reports bad escapes
// and returns false on any. `base` is the token's offset, for diagnostic spans.
bool decodeString(
    std::string_view token, uint32_t base, std::string& out, std::vector<Diagnostic>* diagnostics);

// Length in bytes of the valid UTF-8 sequence at text[i], or 0 if the bytes there are not one.
uint32_t utf8SequenceLength(std::string_view text, size_t i);

// ---- Highlighting --------------------------------------------------------------------------------

enum class TokenClass : uint8_t {
    Keyword,
    Field,
    String,
    Number,
    Operator,
    Function,
    Comment,
    Punctuation,
    Error,
};
const char* tokenClassName(TokenClass c); // "keyword", "field", ...

struct HighlightToken {
    TokenClass cls;
    uint32_t begin; // byte offsets into the line
    uint32_t end;
};

// Tokens of one line (without its '\n'), starting in `state`; on return `state` holds the state
// at the end of the line, to pass to the next line. Whitespace gets no token.
std::vector<HighlightToken> highlightLine(std::string_view line, LexState& state);

// Tokens of a whole text, for the golden files and the tests.
std::vector<HighlightToken> highlightText(std::string_view text);

} // namespace eqlwb::eql
