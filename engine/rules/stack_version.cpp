// Walks a query's syntax tree for constructs the target stack version lacks (eql-reference.md §0).
#include "rules/stack_version.h"

#include "eql/parser.h"

#include <cctype>

namespace eqlwb {

namespace {

using namespace eql;

constexpr StackVersion k7_10{7, 10, 0}, k7_11{7, 11, 0}, k7_12{7, 12, 0}, k7_16{7, 16, 0}, k8_0{8, 0, 0},
    k8_6{8, 6, 0}, k8_9{8, 9, 0};

// "<what> (introduced in Elastic 7.12) is not available in the target version 7.11"
std::string notInTarget(const std::string& what, StackVersion v, bool introduced, StackVersion target)
{
    return what + (introduced ? " (introduced in Elastic " : " (removed in Elastic ") + stackVersionText(v)
        + ") is not available in the target version " + stackVersionText(target);
}

std::string textOf(const std::string& q, Span s)
{
    return s.end > s.begin && s.end <= q.size() ? q.substr(s.begin, s.end - s.begin) : std::string();
}

class Checker {
public:
    Checker(const std::string& text, StackVersion target)
        : text_(text)
        , target_(target)
    {
    }

    std::vector<Diagnostic> diags;

    void query(const Query& q)
    {
        if (const auto* ev = q.event()) {
            expr(ev->filter.condition, false);
        } else if (const auto* seq = q.sequence()) {
            keys(seq->by);
            for (const auto& t : seq->terms)
                term(t);
            if (seq->until)
                term(*seq->until);
        } else if (const auto* sample = q.sample()) {
            if (target_ < k8_6)
                add("sample", q.span, "`sample` queries", k8_6, true);
            keys(sample->by);
            for (const auto& t : sample->terms)
                term(t);
        }
    }

private:
    const std::string& text_;
    StackVersion target_;

    void add(const std::string& construct, Span span, const std::string& what, StackVersion v,
        bool introduced, std::string fix = {}, const std::string& fixNote = {})
    {
        std::string msg = notInTarget(what, v, introduced, target_);
        if (!fix.empty())
            msg += "; rewrite as `" + fix + "`" + fixNote;
        diags.push_back({"stack-version-" + construct, Severity::Error, msg, span, std::move(fix)});
    }

    void keys(const std::vector<Expr>& by)
    {
        for (const auto& e : by)
            expr(e, false);
    }

    void term(const Term& t)
    {
        if (t.hasRuns && target_ < k7_16)
            add("runs", t.span, "`with runs=N`", k7_16, true);
        if (t.missing && target_ < k8_9)
            add("missing-events", t.span, "missing-event clauses `![...]`", k8_9, true);
        keys(t.by);
        expr(t.filter.condition, false);
    }

    std::string joined(const std::vector<Expr>& items, size_t from)
    {
        std::string out;
        for (size_t i = from; i < items.size(); ++i) {
            const std::string s = textOf(text_, items[i].span);
            if (s.empty())
                return {};
            out.append(i > from ? ", " : "").append(s);
        }
        return out;
    }

    void call(const Expr& e, const CallExpr& c, bool negated)
    {
        const std::string name = c.canonical.empty() ? c.name : c.canonical;
        if (c.caseInsensitive && target_ < k7_12)
            add("insensitive-function", c.nameSpan, "case-insensitive functions (`" + c.name + "~`)", k7_12,
                true);
        std::string lower = name;
        for (auto& ch : lower)
            ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (lower == "wildcard" && target_ >= k8_0 && !c.args.empty()) {
            // wildcard() is case-sensitive from 7.10, like `like`; `like` is 7.12+.
            const std::string field = textOf(text_, c.args[0].span);
            const std::string patterns = joined(c.args, 1);
            std::string fix;
            if (!field.empty() && !patterns.empty())
                fix = field + " like " + (c.args.size() > 2 ? "(" + patterns + ")" : patterns);
            add("wildcard-function", e.span, "the `wildcard()` function", k8_0, false, fix,
                negated
                    ? " (same matches, except that under `not` Elasticsearch's `like` also matches events "
                      "without the field, where `not wildcard()` did not)"
                    : " (same matches)");
        }
    }

    void pattern(const Expr& e, const PatternExpr& p)
    {
        if (p.op == PatternOp::Colon) {
            if (target_ < k7_10) {
                add("colon", e.span, "the `:` operator", k7_10, true);
            } else if (target_ < k7_11) {
                bool wild = p.items.size() > 1;
                for (const auto& item : p.items)
                    if (const auto* lit = item.getIf<LiteralExpr>())
                        if (const auto* s = std::get_if<std::string>(&lit->value))
                            wild = wild || s->find_first_of("*?") != std::string::npos;
                if (wild)
                    add("colon-wildcards", e.span, "wildcards and lists on the right of `:`", k7_11, true);
            }
            return;
        }
        if (target_ >= k7_12)
            return;
        const std::string field = textOf(text_, p.value->span);
        const std::string items = joined(p.items, 0);
        std::string fix;
        if (p.op == PatternOp::Like && target_ >= k7_10 && !field.empty() && !items.empty())
            fix = "wildcard(" + field + ", " + items + ")"; // both case-sensitive from 7.10
        else if (p.op == PatternOp::LikeInsensitive && target_ >= k7_11 && !field.empty() && !items.empty())
            fix = field + " : " + (p.items.size() > 1 ? "(" + items + ")" : items); // `:` is like~
        add(patternOpIsRegex(p.op) ? "regex" : "like", e.span,
            std::string("the `") + patternOpText(p.op) + "` operator", k7_12, true, fix,
            fix.empty() ? "" : " (same matches)");
    }

    void expr(const Expr& e, bool negated)
    {
        switch (e.kind()) {
        case ExprKind::Field:
            if (e.as<FieldExpr>().optional && target_ < k7_16)
                add("optional-field", e.span, "optional fields (`?field`)", k7_16, true);
            break;
        case ExprKind::Unary: {
            const auto& u = e.as<UnaryExpr>();
            expr(*u.operand, negated != (u.op == UnaryOp::Not));
            break;
        }
        case ExprKind::Logical:
            for (const auto& o : e.as<LogicalExpr>().operands)
                expr(o, negated);
            break;
        case ExprKind::Compare:
            expr(*e.as<CompareExpr>().left, negated);
            expr(*e.as<CompareExpr>().right, negated);
            break;
        case ExprKind::Arith:
            expr(*e.as<ArithExpr>().left, negated);
            expr(*e.as<ArithExpr>().right, negated);
            break;
        case ExprKind::In: {
            const auto& in = e.as<InExpr>();
            if (in.caseInsensitive && target_ < k7_12)
                add("in-insensitive", e.span, "`in~`", k7_12, true);
            expr(*in.value, negated);
            for (const auto& i : in.items)
                expr(i, negated);
            break;
        }
        case ExprKind::Pattern: {
            const auto& p = e.as<PatternExpr>();
            pattern(e, p);
            expr(*p.value, negated);
            break;
        }
        case ExprKind::Call: {
            const auto& c = e.as<CallExpr>();
            call(e, c, negated);
            for (const auto& a : c.args)
                expr(a, negated);
            break;
        }
        case ExprKind::Paren:
            expr(*e.as<ParenExpr>().inner, negated);
            break;
        case ExprKind::Literal:
            break;
        }
    }
};

bool hasKey(const Rule& rule, const char* key) { return rule.body.contains(key); }

} // namespace

std::optional<StackVersion> parseStackVersion(const std::string& text)
{
    StackVersion v;
    int* parts[3] = {&v.major, &v.minor, &v.patch};
    size_t i = 0;
    for (int n = 0; n < 3; ++n) {
        if (i >= text.size() || !std::isdigit(static_cast<unsigned char>(text[i])))
            break;
        long value = 0;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) && value < 100000)
            value = value * 10 + (text[i++] - '0');
        *parts[n] = static_cast<int>(value);
        if (i >= text.size() || text[i] != '.')
            break;
        ++i;
    }
    if (v.major == 0)
        return std::nullopt;
    return v;
}

std::string stackVersionText(const StackVersion& v)
{
    std::string s = std::to_string(v.major) + "." + std::to_string(v.minor);
    return v.patch ? s + "." + std::to_string(v.patch) : s;
}

std::vector<Diagnostic> checkQueryForStack(
    const eql::Query& query, const std::string& queryText, StackVersion target)
{
    Checker c(queryText, target);
    c.query(query);
    return std::move(c.diags);
}

std::vector<Diagnostic> checkRuleForStack(const Rule& rule, StackVersion target)
{
    std::vector<Diagnostic> diags;
    auto gate = [&](const char* key, StackVersion since) {
        if (hasKey(rule, key) && target < since)
            diags.push_back({"stack-version-key", Severity::Error,
                notInTarget(std::string("rule.") + key, since, true, target), {}, {}});
    };
    gate("setup", {8, 3, 0});
    gate("related_integrations", {8, 3, 0});
    gate("required_fields", {8, 3, 0});
    gate("revision", {8, 8, 0});
    gate("investigation_fields", {8, 11, 0});
    gate("alert_suppression", {8, 14, 0});
    if (rule.language() == "eql") {
        gate("tiebreaker_field", k8_0);
        gate("timestamp_field", k8_0);
        gate("event_category_override", k8_0);
        if (target < StackVersion{7, 9, 0})
            diags.push_back({"stack-version-eql", Severity::Error,
                notInTarget("EQL rules", {7, 9, 0}, true, target), {}, {}});
        const std::string q = rule.query();
        auto parsed = eql::parseQuery(q);
        if (parsed.query) {
            auto more = checkQueryForStack(*parsed.query, q, target);
            diags.insert(diags.end(), more.begin(), more.end());
        }
    }
    for (const auto& list : rule.exceptionLists)
        for (const auto& item : list.items)
            for (const auto& e : item.entries) {
                if (e.type == EntryType::List && rule.language() == "eql" && target < StackVersion{8, 5, 0})
                    diags.push_back({"stack-version-value-list", Severity::Error,
                        "exception item \"" + item.name + "\": "
                            + notInTarget("value-list entries on EQL rules", {8, 5, 0}, true, target),
                        {}, {}});
                if (e.type == EntryType::Wildcard && target < StackVersion{8, 4, 0})
                    diags.push_back({"stack-version-wildcard-exception", Severity::Error,
                        "exception item \"" + item.name
                            + "\": " + notInTarget("wildcard (\"matches\") entries", {8, 4, 0}, true, target),
                        {}, {}});
            }
    return diags;
}

} // namespace eqlwb
