// TOML spellings of strings, keys and inline values for the house-style writer.
#include "rules/toml_text.h"

#include <cstdio>

namespace eqlwb {

namespace {

constexpr size_t kInlineListMax = 100; // longer lists go one item a line (rule_formatter.py)
constexpr int kMaxDepth
    = 64; // JSON from an export can nest arbitrarily; TOML output must not recurse forever

void appendEscaped(std::string& out, unsigned char c, bool multiline)
{
    switch (c) {
    case '\\':
        out += "\\\\";
        return;
    case '\n':
        out += multiline ? "\n" : "\\n";
        return;
    case '\t':
        out += multiline ? "\t" : "\\t";
        return;
    case '\r':
        out += "\\r";
        return;
    case '"':
        out += "\\\"";
        return;
    default:
        break;
    }
    if (c < 0x20 || c == 0x7f) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04X", c);
        out += buf;
    } else {
        out += static_cast<char>(c);
    }
}

bool isBareKey(const std::string& k)
{
    if (k.empty())
        return false;
    for (unsigned char c : k)
        if (!(std::isalnum(c) || c == '_' || c == '-'))
            return false;
    return true;
}

bool hasControlChars(const std::string& s, bool allowNewline)
{
    for (unsigned char c : s)
        if ((c < 0x20 && c != '\t' && !(allowNewline && c == '\n')) || c == 0x7f)
            return true;
    return false;
}

} // namespace

std::string tomlKey(const std::string& key) { return isBareKey(key) ? key : tomlBasicString(key); }

std::string tomlBasicString(const std::string& s)
{
    std::string out = "\"";
    for (unsigned char c : s)
        appendEscaped(out, c, false);
    return out + "\"";
}

std::string tomlMultilineBasicString(const std::string& s)
{
    // The newline after the opening """ is dropped by every TOML reader, so the value is exact.
    std::string out = "\"\"\"\n";
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        // A quote is escaped when another follows or it ends the text, so no """ can form.
        if (c == '"' && (i + 1 == s.size() || s[i + 1] == '"'))
            out += "\\\"";
        else if (c == '"')
            out += '"';
        else
            appendEscaped(out, c, true);
    }
    return out + "\"\"\"";
}

std::string tomlQueryString(const std::string& s)
{
    if (s.find("'''") != std::string::npos || hasControlChars(s, true) || (!s.empty() && s.back() == '\''))
        return tomlMultilineBasicString(s);
    return "'''\n" + s + "'''";
}

std::string tomlString(const std::string& s)
{
    if (s.find('\n') != std::string::npos)
        return tomlMultilineBasicString(s);
    if (s.find('"') != std::string::npos && s.find('\'') == std::string::npos && !hasControlChars(s, false))
        return "'" + s + "'";
    return tomlBasicString(s);
}

std::string wrapText(const std::string& s, size_t width)
{
    std::string out, line;
    size_t pos = 0;
    while (pos < s.size()) {
        while (pos < s.size() && s[pos] == ' ')
            ++pos;
        size_t end = s.find(' ', pos);
        if (end == std::string::npos)
            end = s.size();
        if (end == pos)
            break;
        const std::string word = s.substr(pos, end - pos);
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            out += line + "\n";
            line.clear();
        }
        line.append(line.empty() ? "" : " ").append(word);
        pos = end;
    }
    return out + line;
}

bool tomlInlineValue(const RuleTree& v, std::string& out, int depth)
{
    if (depth > kMaxDepth)
        return false;
    switch (v.type()) {
    case RuleTree::value_t::string:
        out += tomlString(v.get<std::string>());
        return true;
    case RuleTree::value_t::boolean:
        out += v.get<bool>() ? "true" : "false";
        return true;
    case RuleTree::value_t::number_integer:
    case RuleTree::value_t::number_unsigned:
        out += v.dump();
        return true;
    case RuleTree::value_t::number_float: {
        std::string d = v.dump();
        if (d.find_first_of(".eE") == std::string::npos)
            d += ".0";
        out += d;
        return true;
    }
    case RuleTree::value_t::array: {
        std::vector<std::string> items;
        size_t total = 0;
        bool scalarsOnly = true;
        for (const auto& item : v) {
            std::string s;
            if (!tomlInlineValue(item, s, depth + 1))
                continue; // a null inside a list: TOML has no null
            scalarsOnly = scalarsOnly && !item.is_structured();
            total += s.size() + 2;
            items.push_back(std::move(s));
        }
        if (items.empty()) {
            out += "[]";
        } else if (scalarsOnly && total > kInlineListMax && depth == 0) {
            out += "[\n";
            for (const auto& s : items)
                out += "    " + s + ",\n";
            out += "]";
        } else {
            out += "[";
            for (size_t i = 0; i < items.size(); ++i)
                out.append(i ? ", " : "").append(items[i]);
            out += "]";
        }
        return true;
    }
    case RuleTree::value_t::object: {
        out += "{";
        bool first = true;
        for (const auto& [k, item] : v.items()) {
            std::string s;
            if (!tomlInlineValue(item, s, depth + 1))
                continue;
            out.append(first ? " " : ", ").append(tomlKey(k)).append(" = ").append(s);
            first = false;
        }
        out += first ? "}" : " }";
        return true;
    }
    default:
        return false;
    }
}

} // namespace eqlwb
