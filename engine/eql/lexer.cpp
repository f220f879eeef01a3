// The EQL lexer (see lexer.h). One pass, no backtracking beyond a few bytes of lookahead, so
// lexing is linear in the text whatever it holds.
#include "eql/lexer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <string>

namespace eqlwb::eql {

namespace {

// Per lexer, stop reporting after this many problems: a binary file would otherwise produce
// one diagnostic per byte.
constexpr size_t kMaxLexDiagnostics = 100;

bool isIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '@'; }
bool isIdentPart(char c) { return isIdentStart(c) || (c >= '0' && c <= '9'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string hexByte(unsigned char b)
{
    std::array<char, 8> buf{};
    std::snprintf(buf.data(), buf.size(), "0x%02X", b);
    return buf.data();
}

std::string where(std::string_view text, uint32_t offset)
{
    const auto lc = lineColumnAt(std::string(text.substr(0, offset)), offset);
    return std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

} // namespace

uint32_t utf8SequenceLength(std::string_view text, size_t i)
{
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80)
        return 1;
    uint32_t len = 0;
    uint32_t cp = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
        cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        cp = b0 & 0x0F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        cp = b0 & 0x07;
    } else {
        return 0;
    }
    if (i + len > text.size())
        return 0;
    for (uint32_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(text[i + k]);
        if ((b & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))
        || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

bool isKeyword(std::string_view w)
{
    static constexpr std::array<std::string_view, 20> kKeywords
        = {"and", "or", "not", "in", "where", "by", "with", "maxspan", "runs", "until", "sequence", "sample",
            "any", "true", "false", "null", "like", "regex", "of", "join"};
    for (auto k : kKeywords)
        if (k == w)
            return true;
    return false;
}

Lexer::Lexer(std::string_view text, std::vector<Diagnostic>* diagnostics, uint32_t offset, LexState state)
    : text_(text)
    , diagnostics_(diagnostics)
    , pos_(offset)
    , state_(state)
{
}

void Lexer::report(const char* code, std::string message, Span span)
{
    if (!diagnostics_ || diagnostics_->size() >= kMaxLexDiagnostics)
        return;
    diagnostics_->push_back({code, Severity::Error, std::move(message), span, {}});
}

Token Lexer::next()
{
    const auto n = static_cast<uint32_t>(text_.size());
    // A line that ends inside a comment or raw string has nothing more to give: without this,
    // the body lexers would return empty tokens forever at the end of the text.
    if (pos_ >= n && state_.mode != LexState::Mode::Normal)
        return {TokenKind::End, {n, n}};
    if (state_.mode == LexState::Mode::BlockComment)
        return lexBlockBody(pos_, pos_);
    if (state_.mode == LexState::Mode::RawString)
        return lexRawBody(pos_, pos_);
    while (pos_ < n && isSpace(text_[pos_]))
        ++pos_;
    if (pos_ >= n)
        return {TokenKind::End, {n, n}};

    const uint32_t start = pos_;
    const char c = text_[pos_];
    const char c1 = pos_ + 1 < n ? text_[pos_ + 1] : '\0';
    auto single = [&](TokenKind k, uint32_t len = 1) {
        pos_ += len;
        return Token{k, {start, pos_}};
    };

    if (isIdentStart(c)) {
        while (pos_ < n && isIdentPart(text_[pos_]))
            ++pos_;
        if (pos_ < n && text_[pos_] == '~') {
            ++pos_;
            return {TokenKind::IdentTilde, {start, pos_}};
        }
        return {TokenKind::Ident, {start, pos_}};
    }
    if (isDigit(c) || (c == '.' && isDigit(c1) && (start == 0 || !isIdentPart(text_[start - 1]))))
        return lexNumber(start);

    switch (c) {
    case '"':
        if (c1 == '"' && pos_ + 2 < n && text_[pos_ + 2] == '"') {
            pos_ += 3;
            return lexRawBody(start, pos_);
        }
        return lexString(start);
    case '\'': {
        // Rejected by Elasticsearch, but lexed as a unit so the parser can offer the fix.
        ++pos_;
        while (pos_ < n && text_[pos_] != '\'' && text_[pos_] != '\n')
            pos_ += (text_[pos_] == '\\' && pos_ + 1 < n && text_[pos_ + 1] != '\n') ? 2 : 1;
        if (pos_ < n && text_[pos_] == '\'')
            return single(TokenKind::SingleQuoted);
        report("unterminated-string", "unterminated string: expected a closing \"'\" on the same line",
            {start, pos_});
        return {TokenKind::Error, {start, pos_}};
    }
    case '`': {
        ++pos_;
        while (pos_ < n && text_[pos_] != '\n') {
            if (text_[pos_] == '`') {
                if (pos_ + 1 < n && text_[pos_ + 1] == '`') {
                    pos_ += 2; // `` is an escaped backtick
                    continue;
                }
                return single(TokenKind::Backtick);
            }
            ++pos_;
        }
        report("unterminated-field",
            "unterminated quoted field name: expected a closing '`' on the same line", {start, pos_});
        return {TokenKind::Error, {start, pos_}};
    }
    case '/':
        if (c1 == '/') {
            while (pos_ < n && text_[pos_] != '\n')
                ++pos_;
            return {TokenKind::LineComment, {start, pos_}};
        }
        if (c1 == '*') {
            pos_ += 2;
            state_.mode = LexState::Mode::BlockComment;
            state_.commentDepth = 1;
            return lexBlockBody(start, start);
        }
        return single(TokenKind::Slash);
    case '(':
        return single(TokenKind::LParen);
    case ')':
        return single(TokenKind::RParen);
    case '[':
        return single(TokenKind::LBracket);
    case ']':
        return single(TokenKind::RBracket);
    case ',':
        return single(TokenKind::Comma);
    case '|':
        return single(TokenKind::Pipe);
    case '.':
        return single(TokenKind::Dot);
    case '?':
        return single(TokenKind::Question);
    case '!':
        return c1 == '=' ? single(TokenKind::NotEq, 2) : single(TokenKind::Bang);
    case '=':
        return c1 == '=' ? single(TokenKind::Eq, 2) : single(TokenKind::Assign);
    case '<':
        return c1 == '=' ? single(TokenKind::LessEq, 2) : single(TokenKind::Less);
    case '>':
        return c1 == '=' ? single(TokenKind::GreaterEq, 2) : single(TokenKind::Greater);
    case ':':
        return single(TokenKind::Colon);
    case '+':
        return single(TokenKind::Plus);
    case '-':
        return single(TokenKind::Minus);
    case '*':
        return single(TokenKind::Star);
    case '%':
        return single(TokenKind::Percent);
    case '~':
        return single(TokenKind::Tilde);
    default:
        return lexUnexpected(start);
    }
}

Token Lexer::lexNumber(uint32_t start)
{
    const auto n = static_cast<uint32_t>(text_.size());
    bool isFloat = false;
    while (pos_ < n && isDigit(text_[pos_]))
        ++pos_;
    if (pos_ < n && text_[pos_] == '.') {
        isFloat = true;
        ++pos_;
        while (pos_ < n && isDigit(text_[pos_]))
            ++pos_;
    }
    // An exponent only when digits follow: `5e` stays 5 and the identifier e.
    if (pos_ < n && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
        uint32_t p = pos_ + 1;
        if (p < n && (text_[p] == '+' || text_[p] == '-'))
            ++p;
        if (p < n && isDigit(text_[p])) {
            isFloat = true;
            pos_ = p;
            while (pos_ < n && isDigit(text_[pos_]))
                ++pos_;
        }
    }
    return {isFloat ? TokenKind::Float : TokenKind::Integer, {start, pos_}};
}

Token Lexer::lexString(uint32_t start)
{
    const auto n = static_cast<uint32_t>(text_.size());
    ++pos_; // opening quote
    while (pos_ < n) {
        const char c = text_[pos_];
        if (c == '"') {
            ++pos_;
            return {TokenKind::String, {start, pos_}};
        }
        if (c == '\n')
            break;
        if (c == '\\' && pos_ + 1 < n && text_[pos_ + 1] != '\n') {
            pos_ += 2;
            continue;
        }
        if (static_cast<unsigned char>(c) >= 0x80) {
            const auto len = utf8SequenceLength(text_, pos_);
            if (len == 0) {
                report("invalid-utf8",
                    "invalid UTF-8 byte " + hexByte(static_cast<unsigned char>(c)) + " in string",
                    {pos_, pos_ + 1});
                ++pos_;
            } else {
                pos_ += len;
            }
            continue;
        }
        ++pos_;
    }
    report("unterminated-string",
        "unterminated string: expected '\"' to close the string opened at " + where(text_, start)
            + " (strings end on the line they start; use \"\"\"...\"\"\" for several lines)",
        {start, pos_});
    return {TokenKind::Error, {start, pos_}};
}

Token Lexer::lexRawBody(uint32_t start, uint32_t bodyStart)
{
    const auto n = static_cast<uint32_t>(text_.size());
    pos_ = bodyStart;
    while (pos_ < n) {
        const char c = text_[pos_];
        if (c == '"' && pos_ + 2 < n && text_[pos_ + 1] == '"' && text_[pos_ + 2] == '"') {
            pos_ += 3;
            state_.mode = LexState::Mode::Normal;
            return {TokenKind::RawString, {start, pos_}};
        }
        if (c == '\n' && stopAtNewline_ && pos_ > start) {
            state_.mode = LexState::Mode::RawString;
            return {TokenKind::RawString, {start, pos_}};
        }
        if (static_cast<unsigned char>(c) >= 0x80) {
            const auto len = utf8SequenceLength(text_, pos_);
            if (len == 0)
                report("invalid-utf8",
                    "invalid UTF-8 byte " + hexByte(static_cast<unsigned char>(c)) + " in string",
                    {pos_, pos_ + 1});
            pos_ += len == 0 ? 1 : len;
            continue;
        }
        ++pos_;
    }
    if (stopAtNewline_) {
        state_.mode = LexState::Mode::RawString;
        return {TokenKind::RawString, {start, pos_}};
    }
    state_.mode = LexState::Mode::Normal;
    report("unterminated-string",
        "unterminated raw string: expected '\"\"\"' to close the string opened at " + where(text_, start),
        {start, n});
    return {TokenKind::Error, {start, n}};
}

Token Lexer::lexBlockBody(uint32_t start, uint32_t openedAt)
{
    const auto n = static_cast<uint32_t>(text_.size());
    while (pos_ < n) {
        const char c = text_[pos_];
        if (c == '*' && pos_ + 1 < n && text_[pos_ + 1] == '/') {
            pos_ += 2;
            if (--state_.commentDepth == 0) {
                state_.mode = LexState::Mode::Normal;
                return {TokenKind::BlockComment, {start, pos_}};
            }
            continue;
        }
        if (c == '/' && pos_ + 1 < n && text_[pos_ + 1] == '*') {
            pos_ += 2;
            if (state_.commentDepth < UINT16_MAX)
                ++state_.commentDepth;
            continue;
        }
        if (c == '\n' && stopAtNewline_ && pos_ > start)
            return {TokenKind::BlockComment, {start, pos_}};
        if (static_cast<unsigned char>(c) >= 0x80) {
            const auto len = utf8SequenceLength(text_, pos_);
            if (len == 0)
                report("invalid-utf8",
                    "invalid UTF-8 byte " + hexByte(static_cast<unsigned char>(c)) + " in comment",
                    {pos_, pos_ + 1});
            pos_ += len == 0 ? 1 : len;
            continue;
        }
        ++pos_;
    }
    if (stopAtNewline_)
        return {TokenKind::BlockComment, {start, pos_}};
    state_ = {};
    report("unterminated-comment",
        "unterminated comment: expected '*/' to close the comment opened at " + where(text_, openedAt),
        {openedAt, n});
    return {TokenKind::Error, {start, n}};
}

Token Lexer::lexUnexpected(uint32_t start)
{
    const auto b = static_cast<unsigned char>(text_[start]);
    if (b >= 0x80) {
        const auto len = utf8SequenceLength(text_, start);
        if (len == 0) {
            report("invalid-utf8", "invalid UTF-8 byte " + hexByte(b), {start, start + 1});
            pos_ = start + 1;
        } else {
            pos_ = start + len;
            report("unexpected-character",
                "unexpected character '" + std::string(text_.substr(start, len))
                    + "' (field names with such characters need backticks: `name`)",
                {start, pos_});
        }
        return {TokenKind::Error, {start, pos_}};
    }
    pos_ = start + 1;
    if (b < 0x20 || b == 0x7F)
        report("unexpected-character", "unexpected control character " + hexByte(b), {start, pos_});
    else
        report("unexpected-character", "unexpected character '" + std::string(1, static_cast<char>(b)) + "'",
            {start, pos_});
    return {TokenKind::Error, {start, pos_}};
}

bool decodeString(
    std::string_view token, uint32_t base, std::string& out, std::vector<Diagnostic>* diagnostics)
{
    out.clear();
    if (token.size() < 2)
        return false;
    const auto body = token.substr(1, token.size() - 2);
    out.reserve(body.size());
    bool ok = true;
    auto bad = [&](size_t at, size_t len, std::string message) {
        ok = false;
        if (diagnostics && diagnostics->size() < kMaxLexDiagnostics) {
            const auto b = base + 1 + static_cast<uint32_t>(at);
            diagnostics->push_back(
                {"bad-escape", Severity::Error, std::move(message), {b, b + static_cast<uint32_t>(len)}, {}});
        }
    };
    for (size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (c != '\\') {
            out += c;
            continue;
        }
        if (i + 1 >= body.size()) {
            bad(i, 1, "a string cannot end with a lone backslash");
            break;
        }
        const char e = body[++i];
        switch (e) {
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case '\\':
            out += '\\';
            break;
        case '"':
            out += '"';
            break;
        // Elasticsearch's string rule also takes these three (real rules use \').
        case '\'':
            out += '\'';
            break;
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'u': {
            // \u{h...} with 2 to 8 hex digits.
            size_t j = i + 1;
            if (j >= body.size() || body[j] != '{') {
                bad(i - 1, 2, "invalid escape '\\u': write \\u{XXXX} with 2 to 8 hex digits");
                break;
            }
            ++j;
            uint32_t cp = 0;
            size_t digits = 0;
            while (j < body.size() && std::isxdigit(static_cast<unsigned char>(body[j])) && digits < 9) {
                const char h = body[j];
                cp = cp * 16 + static_cast<uint32_t>(isDigit(h) ? h - '0' : (h | 0x20) - 'a' + 10);
                ++digits;
                ++j;
            }
            if (j >= body.size() || body[j] != '}' || digits < 2 || digits > 8 || cp > 0x10FFFF
                || (cp >= 0xD800 && cp <= 0xDFFF)) {
                bad(i - 1, std::min(j + 1, body.size()) - (i - 1),
                    "invalid escape '\\u{...}': expected 2 to 8 hex digits naming a Unicode code point");
                i = std::min(j, body.size() - 1);
                break;
            }
            // Encode as UTF-8.
            if (cp < 0x80) {
                out += static_cast<char>(cp);
            } else if (cp < 0x800) {
                out += static_cast<char>(0xC0 | (cp >> 6));
                out += static_cast<char>(0x80 | (cp & 0x3F));
            } else if (cp < 0x10000) {
                out += static_cast<char>(0xE0 | (cp >> 12));
                out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                out += static_cast<char>(0x80 | (cp & 0x3F));
            } else {
                out += static_cast<char>(0xF0 | (cp >> 18));
                out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
                out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                out += static_cast<char>(0x80 | (cp & 0x3F));
            }
            i = j;
            break;
        }
        default: {
            bad(i - 1, 2,
                "invalid escape sequence '\\" + std::string(1, e)
                    + "' in string (valid: \\n \\r \\t \\b \\f \\' \\\\ \\\" \\u{XXXX}; write \\\\ for a "
                      "backslash or "
                      "use "
                      "\"\"\"...\"\"\")");
            out += e;
            break;
        }
        }
    }
    return ok;
}

// ---- Highlighting --------------------------------------------------------------------------------

const char* tokenClassName(TokenClass c)
{
    switch (c) {
    case TokenClass::Keyword:
        return "keyword";
    case TokenClass::Field:
        return "field";
    case TokenClass::String:
        return "string";
    case TokenClass::Number:
        return "number";
    case TokenClass::Operator:
        return "operator";
    case TokenClass::Function:
        return "function";
    case TokenClass::Comment:
        return "comment";
    case TokenClass::Punctuation:
        return "punctuation";
    case TokenClass::Error:
        return "error";
    }
    return "error";
}

namespace {

TokenClass classify(std::string_view text, const Token& t, const Token& previous)
{
    const auto word = text.substr(t.span.begin, t.span.end - t.span.begin);
    switch (t.kind) {
    case TokenKind::Ident:
    case TokenKind::IdentTilde: {
        const auto base = t.kind == TokenKind::IdentTilde ? word.substr(0, word.size() - 1) : word;
        if (isKeyword(base))
            return TokenClass::Keyword;
        // A unit glued to a number (maxspan=5m) is part of the number.
        if (previous.kind == TokenKind::Integer && previous.span.end == t.span.begin)
            return TokenClass::Number;
        size_t p = t.span.end;
        while (p < text.size() && (text[p] == ' ' || text[p] == '\t'))
            ++p;
        return (p < text.size() && text[p] == '(') ? TokenClass::Function : TokenClass::Field;
    }
    case TokenKind::Backtick:
    case TokenKind::Dot:
        return TokenClass::Field;
    case TokenKind::String:
    case TokenKind::RawString:
        return TokenClass::String;
    case TokenKind::Integer:
    case TokenKind::Float:
        return TokenClass::Number;
    case TokenKind::LineComment:
    case TokenKind::BlockComment:
        return TokenClass::Comment;
    case TokenKind::LParen:
    case TokenKind::RParen:
    case TokenKind::LBracket:
    case TokenKind::RBracket:
    case TokenKind::Comma:
    case TokenKind::Pipe:
        return TokenClass::Punctuation;
    case TokenKind::SingleQuoted:
    case TokenKind::Error:
    case TokenKind::End:
        return TokenClass::Error;
    default:
        return TokenClass::Operator;
    }
}

std::vector<HighlightToken> highlightWith(Lexer& lexer, std::string_view text)
{
    std::vector<HighlightToken> out;
    Token previous;
    for (;;) {
        const auto t = lexer.next();
        if (t.kind == TokenKind::End)
            break;
        if (t.span.end > t.span.begin)
            out.push_back({classify(text, t, previous), t.span.begin, t.span.end});
        previous = t;
    }
    return out;
}

} // namespace

std::vector<HighlightToken> highlightLine(std::string_view line, LexState& state)
{
    Lexer lexer(line, nullptr, 0, state);
    lexer.setStopAtNewline(true);
    auto out = highlightWith(lexer, line);
    state = lexer.state();
    return out;
}

std::vector<HighlightToken> highlightText(std::string_view text)
{
    Lexer lexer(text);
    return highlightWith(lexer, text);
}

} // namespace eqlwb::eql
