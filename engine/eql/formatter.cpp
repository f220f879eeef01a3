// The canonical printer (see formatter.h).
#include "eql/formatter.h"

#include "eql/lexer.h"

#include <charconv>
#include <cmath>

namespace eqlwb::eql {

namespace {

// Binding strength, loosest first (eql-reference.md §3).
enum Prec : int { kOr = 1, kAnd, kNot, kPredicate, kAdditive, kMultiplicative, kUnary, kPrimary };

int precedenceOf(const Expr& e)
{
    switch (e.kind()) {
    case ExprKind::Logical:
        return e.as<LogicalExpr>().op == LogicalOp::Or ? kOr : kAnd;
    case ExprKind::Unary:
        return e.as<UnaryExpr>().op == UnaryOp::Not ? kNot : kUnary;
    case ExprKind::Compare:
    case ExprKind::In:
    case ExprKind::Pattern:
        return kPredicate;
    case ExprKind::Arith: {
        const auto op = e.as<ArithExpr>().op;
        return (op == ArithOp::Add || op == ArithOp::Sub) ? kAdditive : kMultiplicative;
    }
    default:
        return kPrimary;
    }
}

bool isPlainIdentifier(std::string_view s)
{
    if (s.empty())
        return false;
    auto start
        = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '@'; };
    if (!start(s[0]))
        return false;
    for (char c : s)
        if (!start(c) && !(c >= '0' && c <= '9'))
            return false;
    return true;
}

std::string literalText(const LiteralExpr& lit)
{
    if (!lit.source.empty())
        return lit.source;
    struct V {
        std::string operator()(Null) const { return "null"; }
        std::string operator()(bool b) const { return b ? "true" : "false"; }
        std::string operator()(int64_t i) const { return std::to_string(i); }
        std::string operator()(double d) const
        {
            char buf[64];
            auto [p, ec] = std::to_chars(buf, buf + sizeof buf, d);
            std::string s(buf, p);
            if (s.find_first_of(".eE") == std::string::npos && std::isfinite(d))
                s += ".0"; // keep it a float when printed back
            return s;
        }
        std::string operator()(const std::string& s) const { return quoteString(s); }
    };
    return std::visit(V{}, lit.value);
}

class Printer {
public:
    explicit Printer(const std::vector<Comment>* comments)
        : comments_(comments)
    {
    }

    std::string take()
    {
        flushComments(UINT32_MAX);
        while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\n'))
            out_.pop_back();
        return std::move(out_);
    }

    void query(const Query& q)
    {
        if (const auto* e = q.event()) {
            filter(e->filter);
        } else if (const auto* s = q.sequence()) {
            anchor(q.span.begin);
            out_ += "sequence";
            joinKeys(s->by);
            if (s->maxspan) {
                out_ += " with maxspan=";
                for (char c : s->maxspan->text)
                    if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                        out_ += c;
            }
            for (const auto& t : s->terms)
                term(t, "  ");
            if (s->until) {
                anchor(s->until->span.begin);
                newline();
                out_ += "until";
                term(*s->until, " ", false);
            }
        } else if (const auto* smp = q.sample()) {
            anchor(q.span.begin);
            out_ += "sample";
            joinKeys(smp->by);
            for (const auto& t : smp->terms)
                term(t, "  ");
        }
        for (const auto& p : q.pipes) {
            anchor(p.span.begin);
            newline();
            out_ += p.kind == PipeKind::Head ? "| head " : "| tail ";
            out_ += std::to_string(p.count);
        }
    }

    void expr(const Expr& e, int minPrec)
    {
        const bool wrap = precedenceOf(e) < minPrec;
        if (wrap)
            out_ += '(';
        exprBody(e);
        if (wrap)
            out_ += ')';
    }

private:
    void term(const Term& t, const char* lead, bool onNewLine = true)
    {
        anchor(t.span.begin);
        if (onNewLine)
            newline();
        out_ += lead;
        if (t.missing)
            out_ += '!';
        out_ += '[';
        filter(t.filter);
        out_ += ']';
        joinKeys(t.by);
        if (t.hasRuns)
            out_ += " with runs=" + std::to_string(t.runs);
    }

    void filter(const EventFilter& f)
    {
        anchor(f.category.span.begin);
        const auto& c = f.category;
        if (c.any)
            out_ += "any";
        else if (!c.quoted && isPlainIdentifier(c.name) && !isKeyword(c.name))
            out_ += c.name;
        else if (c.raw && c.name.find("\"\"\"") == std::string::npos
            && (c.name.empty() || c.name.back() != '"'))
            out_ += "\"\"\"" + c.name + "\"\"\"";
        else
            out_ += quoteString(c.name);
        out_ += " where ";
        expr(f.condition, kOr);
    }

    void joinKeys(const std::vector<Expr>& keys)
    {
        for (size_t i = 0; i < keys.size(); ++i) {
            out_ += i == 0 ? " by " : ", ";
            expr(keys[i], kOr);
        }
    }

    void list(const std::vector<Expr>& items, int minPrec)
    {
        out_ += '(';
        for (size_t i = 0; i < items.size(); ++i) {
            if (i)
                out_ += ", ";
            expr(items[i], minPrec);
        }
        out_ += ')';
    }

    void exprBody(const Expr& e)
    {
        switch (e.kind()) {
        case ExprKind::Literal:
            anchor(e.span.begin);
            out_ += literalText(e.as<LiteralExpr>());
            break;
        case ExprKind::Field:
            anchor(e.span.begin);
            out_ += formatFieldPath(e.as<FieldExpr>());
            break;
        case ExprKind::Unary: {
            const auto& u = e.as<UnaryExpr>();
            anchor(e.span.begin);
            if (u.op == UnaryOp::Not) {
                out_ += "not ";
                expr(*u.operand, kNot);
            } else {
                out_ += u.op == UnaryOp::Minus ? '-' : '+';
                // "- 5" stays a negation of 5 (the parser reads "-5" as the literal -5).
                if (u.operand->is<LiteralExpr>() || u.operand->is<UnaryExpr>())
                    out_ += ' ';
                expr(*u.operand, kUnary);
            }
            break;
        }
        case ExprKind::Logical: {
            const auto& l = e.as<LogicalExpr>();
            const int inner = l.op == LogicalOp::Or ? kAnd : kNot;
            for (size_t i = 0; i < l.operands.size(); ++i) {
                if (i)
                    out_ += l.op == LogicalOp::Or ? " or " : " and ";
                expr(l.operands[i], inner);
            }
            break;
        }
        case ExprKind::Compare: {
            const auto& c = e.as<CompareExpr>();
            expr(*c.left, kAdditive);
            out_ += ' ';
            out_ += compareOpText(c.op);
            out_ += ' ';
            expr(*c.right, kAdditive);
            break;
        }
        case ExprKind::Arith: {
            const auto& a = e.as<ArithExpr>();
            const int own = precedenceOf(e);
            expr(*a.left, own);
            out_ += ' ';
            out_ += arithOpText(a.op);
            out_ += ' ';
            expr(*a.right, own + 1);
            break;
        }
        case ExprKind::In: {
            const auto& in = e.as<InExpr>();
            expr(*in.value, kAdditive);
            out_ += in.negated ? " not in" : " in";
            out_ += in.caseInsensitive ? "~ " : " ";
            list(in.items, kOr);
            break;
        }
        case ExprKind::Pattern: {
            const auto& p = e.as<PatternExpr>();
            expr(*p.value, kAdditive);
            out_ += ' ';
            out_ += patternOpText(p.op);
            out_ += ' ';
            if (p.parenthesized || p.items.size() != 1)
                list(p.items, kUnary);
            else
                expr(p.items.front(), kUnary);
            break;
        }
        case ExprKind::Call: {
            const auto& c = e.as<CallExpr>();
            anchor(e.span.begin);
            out_ += c.name;
            if (c.caseInsensitive)
                out_ += '~';
            list(c.args, kOr);
            break;
        }
        case ExprKind::Paren:
            anchor(e.span.begin);
            out_ += '(';
            expr(*e.as<ParenExpr>().inner, kOr);
            out_ += ')';
            break;
        }
    }

    // Prints the comments that came before source offset `pos` and are not printed yet.
    void anchor(uint32_t pos) { flushComments(pos); }

    void flushComments(uint32_t pos)
    {
        if (!comments_)
            return;
        while (next_ < comments_->size() && (*comments_)[next_].span.begin < pos) {
            const auto& c = (*comments_)[next_++];
            if (!out_.empty() && out_.back() != ' ' && out_.back() != '\n' && out_.back() != '('
                && out_.back() != '[')
                out_ += ' ';
            out_ += c.text;
            if (c.block) {
                out_ += ' ';
            } else {
                out_ += "\n    ";
            }
        }
    }

    void newline()
    {
        while (!out_.empty() && out_.back() == ' ')
            out_.pop_back();
        if (!out_.empty() && out_.back() != '\n')
            out_ += '\n';
    }

    const std::vector<Comment>* comments_;
    size_t next_ = 0;
    std::string out_;
};

} // namespace

std::string quoteString(std::string_view value)
{
    std::string out = "\"";
    for (char c : value) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += c;
        }
    }
    out += '"';
    return out;
}

std::string formatFieldPath(const FieldExpr& field)
{
    std::string out = field.optional ? "?" : "";
    for (size_t i = 0; i < field.segments.size(); ++i) {
        const auto& s = field.segments[i];
        if (i)
            out += '.';
        if (isPlainIdentifier(s) && !(i == 0 && isKeyword(s))) {
            out += s;
            continue;
        }
        out += '`';
        for (char c : s) {
            out += c;
            if (c == '`')
                out += '`';
        }
        out += '`';
    }
    return out;
}

std::string formatQuery(const Query& query)
{
    Printer p(&query.comments);
    p.query(query);
    return p.take();
}

std::string formatExpr(const Expr& expr)
{
    Printer p(nullptr);
    p.expr(expr, kOr);
    return p.take();
}

} // namespace eqlwb::eql
