// The query analyzer (see analyzer.h).
#include "eql/analyzer.h"

#include "eql/ast_walk.h"
#include "eql/formatter.h"
#include "eql/rewrite.h"

#include <set>
#include <string>

namespace eqlwb::eql {

bool fieldVariesInCase(std::string_view path)
{
    static const std::set<std::string, std::less<>> kFields = {"process.name", "process.executable",
        "process.parent.name", "process.parent.executable", "dns.question.name", "file.path", "file.name",
        "dll.path", "dll.name", "registry.path", "url.domain", "destination.domain"};
    return kFields.count(path) > 0;
}

namespace {

const FieldExpr* bareField(const Expr& e)
{
    const auto& inner = unparen(e);
    return inner.getIf<FieldExpr>();
}

const LiteralExpr* literalOf(const Expr& e) { return unparen(e).getIf<LiteralExpr>(); }

class Analyzer {
public:
    Analyzer(const FieldCatalog& catalog, const AnalyzeOptions& options)
        : catalog_(catalog)
        , options_(options)
    {
    }

    void run(const Query& q)
    {
        forEachExpr(q, [this](const Expr& e) { visit(e); });
    }

    std::vector<Diagnostic> take() { return std::move(out_); }

private:
    void warn(const char* code, std::string message, Span span, std::string fix = {})
    {
        out_.push_back({code, Severity::Warning, std::move(message), span, std::move(fix)});
    }

    void visit(const Expr& e)
    {
        if (const auto* f = e.getIf<FieldExpr>())
            checkField(*f, e.span);
        else if (const auto* c = e.getIf<CompareExpr>())
            checkCompare(*c, e.span);
        else if (const auto* in = e.getIf<InExpr>())
            checkIn(*in);
        else if (const auto* call = e.getIf<CallExpr>())
            checkCall(*call, e);
    }

    void checkField(const FieldExpr& f, Span span)
    {
        if (!options_.unknownFields || f.optional || !reportedFields_.insert(f.path).second)
            return;
        if (!catalog_.find(f.path))
            warn("unknown-field",
                "unknown field '" + f.path + "': not in the ECS catalogue or the workspace (write ?" + f.path
                    + " if it may be absent)",
                span);
    }

    FieldType typeOf(const FieldExpr& f) const
    {
        const auto info = catalog_.find(f.path);
        return info ? info->type : FieldType::Unknown;
    }

    void checkTypes(const FieldExpr& f, const LiteralExpr& lit, Span span)
    {
        const auto ft = typeOf(f);
        const bool litNumber
            = std::holds_alternative<int64_t>(lit.value) || std::holds_alternative<double>(lit.value);
        const bool litString = std::holds_alternative<std::string>(lit.value);
        if (ft == FieldType::String && litNumber)
            warn("type-mismatch",
                "'" + f.path + "' is a string field compared with the number " + lit.source
                    + " (Elasticsearch rejects this; quote the value)",
                span);
        else if (ft == FieldType::Number && litString)
            warn("type-mismatch",
                "'" + f.path + "' is a number field compared with the string " + formatExpr(Expr{lit, {}})
                    + " (Elasticsearch rejects this)",
                span);
    }

    void checkCompare(const CompareExpr& c, Span span)
    {
        const auto* f = bareField(*c.left);
        const auto* lit = literalOf(*c.right);
        if (!f || !lit)
            return;
        checkTypes(*f, *lit, span);
        if (c.op != CompareOp::Eq && c.op != CompareOp::NotEq)
            return;
        const auto* s = std::get_if<std::string>(&lit->value);
        if (!s)
            return;
        if (s->find('*') != std::string::npos) {
            warn("eq-wildcard",
                std::string("'") + compareOpText(c.op)
                    + "' compares literally, so '*' matches only a '*': use ':' or 'like' for a wildcard "
                      "pattern",
                span);
        } else if (fieldVariesInCase(f->path)) {
            warn("case-sensitive-eq",
                "values of '" + f->path + "' vary in case (cmd.exe, CMD.EXE) and '" + compareOpText(c.op)
                    + "' is case-sensitive: use ':' (or in~, or a ~ function) to match any case",
                span);
        }
    }

    void checkIn(const InExpr& in)
    {
        const auto* f = bareField(*in.value);
        if (!f)
            return;
        bool caseWarned = false;
        for (const auto& item : in.items) {
            const auto* lit = literalOf(item);
            if (!lit)
                continue;
            checkTypes(*f, *lit, item.span);
            if (!caseWarned && !in.caseInsensitive && std::holds_alternative<std::string>(lit->value)
                && fieldVariesInCase(f->path)) {
                caseWarned = true;
                warn("case-sensitive-eq",
                    "values of '" + f->path + "' vary in case (cmd.exe, CMD.EXE) and '"
                        + (in.negated ? "not in" : "in") + "' is case-sensitive: use '"
                        + (in.negated ? "not in~" : "in~") + "' or ':' to match any case",
                    item.span);
            }
        }
    }

    void checkCall(const CallExpr& call, const Expr& e)
    {
        if (call.canonical != "wildcard")
            return;
        std::string fix;
        Expr copy = e;
        if (rewriteWildcardCall(copy, WildcardTarget::Like))
            fix = formatExpr(copy);
        warn("deprecated-wildcard",
            "wildcard() was deprecated in 7.13 and removed in 8.0: write "
                + (fix.empty() ? std::string("'like' (same meaning) or ':' (any case)") : fix)
                + " instead (':' ignores case)",
            e.span, fix);
    }

    const FieldCatalog& catalog_;
    const AnalyzeOptions& options_;
    std::vector<Diagnostic> out_;
    std::set<std::string> reportedFields_;
};

} // namespace

std::vector<Diagnostic> analyzeQuery(
    const Query& query, const FieldCatalog& catalog, const AnalyzeOptions& options)
{
    try {
        Analyzer a(catalog, options);
        a.run(query);
        return a.take();
    } catch (const std::exception& e) {
        return {{"internal", Severity::Error, std::string("internal error while analyzing: ") + e.what(), {},
            {}}};
    }
}

} // namespace eqlwb::eql
