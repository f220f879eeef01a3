#include "present/completion.h"

#include "eql/catalog.h"
#include "eql/functions.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace eqlwb {

namespace {

bool startsWithNoCase(std::string_view text, std::string_view prefix)
{
    if (prefix.size() > text.size())
        return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i]))
            != std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    return true;
}

const std::vector<std::string>& ecsPaths()
{
    static const std::vector<std::string> paths = eql::ecsFieldPaths();
    return paths;
}

// The words of the language worth completing (operators like `and` are short enough to type).
constexpr std::string_view kKeywords[] = {"any", "by", "false", "like", "maxspan", "null", "regex", "runs",
    "sample", "sequence", "true", "until", "where", "with"};

} // namespace

std::vector<CompletionItem> completionsFor(
    std::string_view prefix, const std::vector<std::string>& workspaceFields, size_t limit)
{
    std::vector<CompletionItem> out;
    std::unordered_set<std::string_view> seen;
    auto add = [&](std::string_view text, CompletionItem::Kind kind, std::string_view detail = {}) {
        if (out.size() >= limit || !startsWithNoCase(text, prefix) || !seen.insert(text).second)
            return;
        out.push_back({std::string(text), kind, std::string(detail)});
    };
    for (const auto& f : workspaceFields)
        add(f, CompletionItem::Kind::WorkspaceField);
    for (const auto& f : ecsPaths())
        add(f, CompletionItem::Kind::EcsField);
    for (const auto& fn : eql::functionTable())
        if (fn.support != eql::FunctionSupport::Unsupported)
            add(fn.name, CompletionItem::Kind::Function, fn.signature);
    for (auto k : kKeywords)
        add(k, CompletionItem::Kind::Keyword);
    return out;
}

std::optional<std::string> callTipFor(std::string_view functionName)
{
    if (!functionName.empty() && functionName.back() == '~')
        functionName.remove_suffix(1);
    const auto* fn = eql::findFunction(functionName);
    if (!fn)
        return std::nullopt;
    std::string tip(fn->signature);
    if (!fn->description.empty())
        tip.append("\n").append(fn->description);
    if (fn->hasInsensitive)
        tip.append("\n(").append(fn->name).append("~ ignores case)");
    return tip;
}

} // namespace eqlwb
