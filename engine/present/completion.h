// What the editor offers while typing: fields (the workspace's first, then ECS), functions with
// their signatures, and keywords, for a prefix. Plain data; the editor only shows it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eqlwb {

struct CompletionItem {
    enum class Kind { WorkspaceField, EcsField, Function, Keyword };
    std::string text; // what is inserted
    Kind kind;
    std::string detail; // a function's signature, empty otherwise
};

// Items starting with `prefix` (case-insensitive), workspace fields first, at most `limit`.
// `workspaceFields` should be sorted; duplicates of ECS fields are listed once, as workspace fields.
std::vector<CompletionItem> completionsFor(
    std::string_view prefix, const std::vector<std::string>& workspaceFields, size_t limit = 200);

// The call tip for a function name as typed (any case, with or without '~'), e.g.
// "startsWith(source, prefix) - true when source starts with prefix".
std::optional<std::string> callTipFor(std::string_view functionName);

} // namespace eqlwb
