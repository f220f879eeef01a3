#include "exec/lucene_regex.h"

#include <cctype>
#include <re2/re2.h>

namespace eqlwb {

namespace {

bool isRe2Special(char c)
{
    switch (c) {
    case '\\':
    case '.':
    case '+':
    case '*':
    case '?':
    case '(':
    case ')':
    case '|':
    case '[':
    case ']':
    case '{':
    case '}':
    case '^':
    case '$':
        return true;
    default:
        return false;
    }
}

void appendLiteral(std::string& out, char c)
{
    if (isRe2Special(c))
        out.push_back('\\');
    out.push_back(c);
}

Error regexError(std::string message) { return Error{"bad-regex", std::move(message), {}}; }

} // namespace

Result<std::string> translateLuceneRegex(std::string_view p)
{
    std::string out;
    out.reserve(p.size() + 8);
    // Start (in `out`) of the last complete atom, so a second quantifier can wrap it.
    size_t atomStart = std::string::npos;
    bool lastWasQuantifier = false;
    std::vector<size_t> groupStarts;
    int depth = 0;
    for (size_t i = 0; i < p.size(); ++i) {
        const char c = p[i];
        const bool quantifier = c == '*' || c == '+' || c == '?' || c == '{';
        if (quantifier) {
            if (atomStart == std::string::npos)
                return regexError("a regex quantifier has nothing to repeat");
            if (lastWasQuantifier) {
                // Lucene applies the new quantifier to the whole repeated atom: wrap it.
                out.insert(atomStart, "(?:");
                out.push_back(')');
            }
            if (c == '{') {
                const size_t close = p.find('}', i);
                if (close == std::string_view::npos)
                    return regexError("unterminated `{` in regex");
                const auto body = p.substr(i + 1, close - i - 1);
                for (char b : body)
                    if (!std::isdigit(static_cast<unsigned char>(b)) && b != ',')
                        return regexError("bad repetition `{" + std::string(body) + "}` in regex");
                if (body.empty() || body[0] == ',')
                    return regexError("bad repetition `{" + std::string(body) + "}` in regex");
                out.append(p.substr(i, close - i + 1));
                i = close;
            } else {
                out.push_back(c);
            }
            lastWasQuantifier = true;
            continue;
        }
        lastWasQuantifier = false;
        switch (c) {
        case '.':
            atomStart = out.size();
            out.append("(?s:.)");
            break;
        case '|':
            out.push_back('|');
            atomStart = std::string::npos;
            break;
        case '(':
            groupStarts.push_back(out.size());
            out.append("(?:");
            ++depth;
            atomStart = std::string::npos;
            break;
        case ')':
            if (depth == 0)
                return regexError("unbalanced `)` in regex");
            --depth;
            out.push_back(')');
            atomStart = groupStarts.back();
            groupStarts.pop_back();
            break;
        case '[': {
            atomStart = out.size();
            out.push_back('[');
            size_t j = i + 1;
            if (j < p.size() && p[j] == '^') {
                out.push_back('^');
                ++j;
            }
            bool closed = false;
            bool first = true;
            for (; j < p.size(); ++j) {
                const char d = p[j];
                if (d == ']' && !first) {
                    closed = true;
                    break;
                }
                first = false;
                if (d == '\\') {
                    if (j + 1 >= p.size())
                        return regexError("regex ends with `\\`");
                    const char e = p[++j];
                    if (std::isalnum(static_cast<unsigned char>(e)))
                        return regexError(std::string("`\\") + e
                            + "` in a regex is not supported (character classes differ between Lucene and "
                              "Java)");
                    out.push_back('\\');
                    out.push_back(e);
                } else if (d == '[' || d == ']') {
                    out.push_back('\\');
                    out.push_back(d);
                } else {
                    out.push_back(d);
                }
            }
            if (!closed)
                return regexError("unterminated `[` in regex");
            out.push_back(']');
            i = j;
            break;
        }
        case '\\': {
            if (i + 1 >= p.size())
                return regexError("regex ends with `\\`");
            const char e = p[++i];
            if (std::isalnum(static_cast<unsigned char>(e)))
                return regexError(std::string("`\\") + e
                    + "` in a regex is not supported (character classes differ between Lucene and Java)");
            atomStart = out.size();
            appendLiteral(out, e);
            break;
        }
        default:
            atomStart = out.size();
            appendLiteral(out, c);
            break;
        }
    }
    if (depth != 0)
        return regexError("unbalanced `(` in regex");
    return out;
}

CompiledRegex::~CompiledRegex() = default;

Result<std::shared_ptr<const CompiledRegex>> CompiledRegex::compile(
    std::string_view lucenePattern, bool caseInsensitive)
{
    auto translated = translateLuceneRegex(lucenePattern);
    if (!translated)
        return translated.error();
    RE2::Options options;
    options.set_case_sensitive(!caseInsensitive);
    options.set_log_errors(false);
    options.set_encoding(RE2::Options::EncodingUTF8);
    std::shared_ptr<CompiledRegex> compiled(new CompiledRegex());
    compiled->re_ = std::make_unique<re2::RE2>(*translated, options);
    if (!compiled->re_->ok())
        return regexError("bad regex `" + std::string(lucenePattern) + "`: " + compiled->re_->error());
    return std::shared_ptr<const CompiledRegex>(std::move(compiled));
}

bool CompiledRegex::fullMatch(std::string_view value) const { return RE2::FullMatch(value, *re_); }

} // namespace eqlwb
