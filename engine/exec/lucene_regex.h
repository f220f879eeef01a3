// `regex` / `regex~` patterns: the Lucene RegExp dialect Elasticsearch uses, translated to RE2
// (linear time, so no pattern can hang the app) with whole-value matching.
#pragma once

#include "core/result.h"

#include <memory>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace eqlwb {

// Rewrites a Lucene regular expression into RE2 syntax. Supported: literals, `.`, `?`, `+`,
// `*`, `{n}`, `{n,}`, `{n,m}`, `[...]`, `[^...]`, `|`, `(...)`, and `\` quoting a punctuation
// character. A quantifier that follows another (`.*?`) is an optional repeat in Lucene, not a
// lazy one. `\` before a letter or digit (`\s`, `\d`) is rejected: Lucene reads it as the plain
// letter while Java's regex (used when Elasticsearch runs a script) reads a class, so its meaning
// is ambiguous. Lucene's optional operators (`@ ~ & < > #`) are taken literally.
Result<std::string> translateLuceneRegex(std::string_view pattern);

class CompiledRegex {
public:
    static Result<std::shared_ptr<const CompiledRegex>> compile(
        std::string_view lucenePattern, bool caseInsensitive);
    ~CompiledRegex();
    bool fullMatch(std::string_view value) const;

private:
    CompiledRegex() = default;
    std::unique_ptr<re2::RE2> re_;
};

} // namespace eqlwb
