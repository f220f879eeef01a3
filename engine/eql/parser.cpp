// The EQL parser (see parser.h): recursive descent for the query shapes, precedence climbing
// for expressions (eql-reference.md §3: or < and < not < comparisons/predicates < + - < * / % <
// unary, calls, literals, fields).
//
// Errors: each problem becomes a Diagnostic. Problems that leave the parser lost throw the
// internal SyntaxError, caught where the parser can resynchronise (the next and/or, the end of
// a sequence term), so one query can report several errors. Fatal conditions (nesting too deep,
// too many diagnostics) throw Fatal, caught in parseQuery. Nothing escapes parseQuery.
//
// Diagnostic codes: expected-token, unexpected-token, nesting-too-deep, unsupported, unknown-function,
// function-arity, no-insensitive-form, chained-comparison, bad-number, bad-maxspan, bad-runs,
// bad-pipe, bad-sequence, bad-sample, not-a-literal, single-quoted-string, bad-escape, invalid-utf8,
// unexpected-character, unterminated-string, unterminated-field, unterminated-comment,
// too-many-diagnostics, internal.
#include "eql/parser.h"

#include "eql/functions.h"
#include "eql/lexer.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <optional>
#include <string>

namespace eqlwb::eql {

namespace {

struct SyntaxError { };
struct Fatal { };

constexpr int64_t kMaxRuns = 100;

bool isCompareToken(TokenKind k)
{
    return k == TokenKind::Eq || k == TokenKind::NotEq || k == TokenKind::Less || k == TokenKind::LessEq
        || k == TokenKind::Greater || k == TokenKind::GreaterEq;
}

CompareOp compareOpOf(TokenKind k)
{
    switch (k) {
    case TokenKind::NotEq:
        return CompareOp::NotEq;
    case TokenKind::Less:
        return CompareOp::Less;
    case TokenKind::LessEq:
        return CompareOp::LessEq;
    case TokenKind::Greater:
        return CompareOp::Greater;
    case TokenKind::GreaterEq:
        return CompareOp::GreaterEq;
    default:
        return CompareOp::Eq;
    }
}

class Parser {
public:
    Parser(std::string_view text, const ParseOptions& options)
        : text_(text)
        , options_(options)
        , lexer_(text, &diagnostics_)
    {
    }

    ParseResult run()
    {
        ParseResult result;
        try {
            advance();
            auto query = std::make_unique<Query>(parseQueryBody());
            result.query = std::move(query);
        } catch (const SyntaxError&) {
            // Reported already; nothing usable was built.
        } catch (const Fatal&) {
        } catch (const std::exception& e) {
            diagnostics_.push_back(
                {"internal", Severity::Error, std::string("internal error: ") + e.what(), {}, {}});
        }
        if (result.query)
            result.query->comments = std::move(comments_);
        result.diagnostics = std::move(diagnostics_);
        return result;
    }

private:
    // ---- tokens ---------------------------------------------------------------------------------

    // Sets lastAfterError_ when it skipped a token the lexer already reported, so the parser does
    // not pile a second message on the same spot.
    Token lexSignificant()
    {
        lastAfterError_ = false;
        for (;;) {
            const auto t = lexer_.next();
            if (t.kind == TokenKind::LineComment || t.kind == TokenKind::BlockComment) {
                comments_.push_back({std::string(textOf(t)), t.span, t.kind == TokenKind::BlockComment});
                continue;
            }
            if (t.kind == TokenKind::Error) { // the lexer reported it
                lastAfterError_ = true;
                continue;
            }
            return t;
        }
    }

    void advance()
    {
        prevEnd_ = cur_.span.end;
        if (ahead_) {
            cur_ = *ahead_;
            curAfterError_ = aheadAfterError_;
            ahead_.reset();
        } else {
            cur_ = lexSignificant();
            curAfterError_ = lastAfterError_;
        }
    }

    const Token& peek()
    {
        if (!ahead_) {
            ahead_ = lexSignificant();
            aheadAfterError_ = lastAfterError_;
        }
        return *ahead_;
    }

    std::string_view textOf(const Token& t) const
    {
        return text_.substr(t.span.begin, t.span.end - t.span.begin);
    }
    bool atWord(std::string_view w) const { return cur_.kind == TokenKind::Ident && textOf(cur_) == w; }
    bool atWordTilde(std::string_view w) const
    {
        return cur_.kind == TokenKind::IdentTilde && textOf(cur_).substr(0, textOf(cur_).size() - 1) == w;
    }
    bool at(TokenKind k) const { return cur_.kind == k; }

    std::string describe(const Token& t) const
    {
        if (t.kind == TokenKind::End)
            return "the end of the query";
        auto s = textOf(t);
        std::string out = "'" + std::string(s.substr(0, 30)) + (s.size() > 30 ? "...'" : "'");
        if (t.kind == TokenKind::Ident && isKeyword(s))
            out = "keyword " + out;
        return out;
    }

    std::string where(uint32_t offset)
    {
        if (!textCopy_)
            textCopy_ = std::string(text_);
        const auto lc = lineColumnAt(*textCopy_, offset);
        return std::to_string(lc.line) + ":" + std::to_string(lc.column);
    }

    // ---- diagnostics ------------------------------------------------------------------------------

    void report(std::string code, std::string message, Span span, Severity severity = Severity::Error,
        std::string fix = {})
    {
        if (curAfterError_ && span == cur_.span)
            return; // a consequence of the lexer error just before
        if (diagnostics_.size() >= options_.maxDiagnostics) {
            diagnostics_.push_back({"too-many-diagnostics", Severity::Error,
                "too many problems; stopped after " + std::to_string(options_.maxDiagnostics), span, {}});
            throw Fatal{};
        }
        diagnostics_.push_back({std::move(code), severity, std::move(message), span, std::move(fix)});
    }

    [[noreturn]] void fail(std::string code, std::string message, Span span)
    {
        report(std::move(code), std::move(message), span);
        throw SyntaxError{};
    }

    [[noreturn]] void failExpected(const std::string& what)
    {
        fail("expected-token", "expected " + what + ", found " + describe(cur_), cur_.span);
    }

    void expect(TokenKind k, const std::string& what)
    {
        if (!at(k))
            failExpected(what);
        advance();
    }

    // RAII nesting counter: every recursion the input can drive goes through one.
    class DepthGuard {
    public:
        explicit DepthGuard(Parser& p)
            : p_(p)
        {
            if (++p_.depth_ > p_.options_.maxDepth) {
                p_.diagnostics_.push_back({"nesting-too-deep", Severity::Error,
                    "nesting too deep: more than " + std::to_string(p_.options_.maxDepth)
                        + " levels of parentheses, brackets or operators",
                    p_.cur_.span, {}});
                throw Fatal{};
            }
        }
        ~DepthGuard() { --p_.depth_; }
        DepthGuard(const DepthGuard&) = delete;
        DepthGuard& operator=(const DepthGuard&) = delete;

    private:
        Parser& p_;
    };

    Span spanFrom(uint32_t begin) const { return {begin, std::max(begin, prevEnd_)}; }

    // ---- query shapes -----------------------------------------------------------------------------

    Query parseQueryBody()
    {
        Query q;
        const uint32_t start = cur_.span.begin;
        if (atWord("sequence")) {
            q.body = parseSequence();
        } else if (atWord("sample")) {
            q.body = parseSample();
        } else if (atWord("join")) {
            fail("unsupported", "join queries are not supported by Elasticsearch (write a sequence instead)",
                cur_.span);
        } else if (at(TokenKind::End)) {
            fail("expected-token",
                "expected a query (e.g. process where ..., sequence, sample), found an empty query",
                cur_.span);
        } else {
            EventQuery e;
            e.filter = parseEventFilter();
            q.body = std::move(e);
        }
        while (at(TokenKind::Pipe))
            parsePipe(q);
        if (!at(TokenKind::End)) {
            const bool afterEvent = q.kind() == QueryKind::Event;
            report("unexpected-token",
                std::string("expected ") + (afterEvent ? "'and', 'or', " : "")
                    + "'|' or the end of the query, found " + describe(cur_),
                cur_.span);
        }
        if (q.kind() == QueryKind::Sample && !q.pipes.empty())
            report("bad-sample", "pipes are not allowed after a sample query", q.pipes.front().span);
        q.span = spanFrom(start);
        return q;
    }

    Category parseCategory()
    {
        Category c;
        c.span = cur_.span;
        if (at(TokenKind::Ident)) {
            const auto w = textOf(cur_);
            if (w == "any") {
                c.any = true;
            } else if (isKeyword(w)) {
                failExpected("an event category (e.g. process, \"network-flow\") or 'any'");
            }
            c.name = std::string(w);
        } else if (at(TokenKind::String) || at(TokenKind::RawString) || at(TokenKind::SingleQuoted)) {
            auto lit = parseStringToken();
            c.name = std::get<std::string>(lit.value);
            c.quoted = true;
            c.raw = lit.raw;
            return c;
        } else {
            failExpected("an event category (e.g. process, \"network-flow\") or 'any'");
        }
        advance();
        return c;
    }

    EventFilter parseEventFilter()
    {
        EventFilter f;
        const uint32_t start = cur_.span.begin;
        f.category = parseCategory();
        if (!atWord("where"))
            failExpected("'where' after the event category '" + f.category.name + "'");
        advance();
        f.condition = parseExpr();
        f.span = spanFrom(start);
        return f;
    }

    std::vector<Expr> parseJoinKeys()
    {
        advance(); // by
        std::vector<Expr> keys;
        keys.push_back(parseExpr());
        while (at(TokenKind::Comma)) {
            advance();
            keys.push_back(parseExpr());
        }
        return keys;
    }

    // Skips to the ']' closing the current term (or to something a query level understands).
    void skipToTermEnd()
    {
        int nested = 0;
        while (!at(TokenKind::End)) {
            if (at(TokenKind::LBracket)) {
                ++nested;
            } else if (at(TokenKind::RBracket)) {
                if (nested-- == 0) {
                    advance();
                    return;
                }
            } else if (at(TokenKind::Pipe) && nested == 0) {
                return;
            }
            advance();
        }
    }

    Term parseTerm(const char* what, bool allowMissing, bool allowRuns)
    {
        Term t;
        const uint32_t start = cur_.span.begin;
        const uint32_t savedDepth = depth_;
        if (at(TokenKind::Bang)) {
            if (!allowMissing)
                report("bad-sequence", std::string("a missing-event term '![...]' is not allowed in ") + what,
                    cur_.span);
            t.missing = true;
            advance();
        }
        const uint32_t open = cur_.span.begin;
        try {
            DepthGuard guard(*this);
            expect(TokenKind::LBracket, std::string("'[' to open ") + what);
            t.filter = parseEventFilter();
            if (!at(TokenKind::RBracket))
                fail("expected-token",
                    std::string("expected ']' to close ") + what + " opened at " + where(open) + ", found "
                        + describe(cur_),
                    cur_.span);
            advance();
        } catch (const SyntaxError&) {
            depth_ = savedDepth;
            skipToTermEnd();
            t.filter.condition = placeholder(start);
        }
        // Per-term clauses, in either order.
        for (int round = 0; round < 2; ++round) {
            if (atWord("by") && t.by.empty()) {
                t.by = parseJoinKeys();
            } else if (atWord("with") && !t.hasRuns) {
                const auto withSpan = cur_.span;
                advance();
                if (!atWord("runs"))
                    failExpected(allowRuns ? "'runs' after 'with' in a sequence term" : "'runs'");
                advance();
                expect(TokenKind::Assign, "'=' after 'runs'");
                const auto valueSpan = cur_.span;
                if (!at(TokenKind::Integer))
                    failExpected("a whole number of runs after 'runs='");
                int64_t runs = 0;
                const auto digits = textOf(cur_);
                const auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), runs);
                (void)p;
                advance();
                if (ec != std::errc() || runs < 1 || runs > kMaxRuns)
                    report("bad-runs", "runs must be between 1 and " + std::to_string(kMaxRuns), valueSpan);
                if (!allowRuns)
                    report("bad-sample", std::string("'with runs' is not allowed in ") + what,
                        {withSpan.begin, valueSpan.end});
                t.runs = std::clamp<int64_t>(runs, 1, kMaxRuns);
                t.hasRuns = true;
            }
        }
        t.span = spanFrom(start);
        return t;
    }

    MaxSpan parseMaxSpan()
    {
        MaxSpan m;
        const uint32_t start = cur_.span.begin;
        if (!at(TokenKind::Integer))
            failExpected("a duration after 'maxspan=' (e.g. 5m, 30s, 1h)");
        const auto digits = textOf(cur_);
        int64_t count = 0;
        const auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
        (void)p;
        advance();
        std::string_view unit;
        if (at(TokenKind::Ident)) {
            unit = textOf(cur_);
            advance();
        }
        m.span = spanFrom(start);
        m.text = std::string(text_.substr(m.span.begin, m.span.end - m.span.begin));
        struct UnitNs {
            std::string_view name;
            int64_t ns;
        };
        static constexpr UnitNs kUnits[] = {{"nanos", 1}, {"micros", 1'000}, {"ms", 1'000'000},
            {"s", 1'000'000'000}, {"m", 60'000'000'000}, {"h", 3'600'000'000'000}, {"d", 86'400'000'000'000}};
        int64_t scale = 0;
        for (const auto& u : kUnits)
            if (u.name == unit)
                scale = u.ns;
        if (unit.empty()) {
            report("bad-maxspan",
                "maxspan needs a time unit: d, h, m, s, ms, micros or nanos (e.g. maxspan=5m)", m.span);
        } else if (scale == 0) {
            report("bad-maxspan",
                "unknown time unit '" + std::string(unit)
                    + "' in maxspan: expected d, h, m, s, ms, micros or nanos",
                m.span);
        } else if (ec != std::errc() || count > INT64_MAX / scale) {
            report("bad-maxspan", "maxspan is too long", m.span);
        } else {
            m.nanos = count * scale;
        }
        return m;
    }

    Sequence parseSequence()
    {
        Sequence s;
        const auto keywordSpan = cur_.span;
        advance(); // sequence
        for (int round = 0; round < 2; ++round) {
            if (atWord("by") && s.by.empty()) {
                s.by = parseJoinKeys();
            } else if (atWord("with") && !s.maxspan) {
                advance();
                if (!atWord("maxspan"))
                    failExpected("'maxspan' after 'with'");
                advance();
                expect(TokenKind::Assign, "'=' after 'maxspan'");
                s.maxspan = parseMaxSpan();
            }
        }
        while (at(TokenKind::LBracket) || at(TokenKind::Bang))
            s.terms.push_back(parseTerm("the sequence term", true, true));
        if (atWord("until")) {
            advance();
            s.until = parseTerm("the until term", false, false);
        }
        int64_t expanded = 0;
        bool anyPositive = false;
        bool anyMissing = false;
        for (const auto& t : s.terms) {
            expanded += t.runs;
            anyPositive = anyPositive || !t.missing;
            anyMissing = anyMissing || t.missing;
        }
        if (s.terms.empty())
            failExpected("'[' to open the first sequence term");
        if (expanded < 2)
            report("bad-sequence",
                "a sequence needs at least two terms (write another [category where condition] or 'with "
                "runs=2')",
                spanFrom(keywordSpan.begin));
        if (anyMissing && !s.maxspan)
            report("bad-sequence", "a sequence with missing-event terms '![...]' needs 'with maxspan='",
                keywordSpan);
        if (anyMissing && !anyPositive)
            report("bad-sequence", "a sequence needs at least one term that is not a missing-event term",
                keywordSpan);
        checkKeyCounts(s.by.size(), s.terms, s.until ? &*s.until : nullptr);
        return s;
    }

    void checkKeyCounts(size_t common, const std::vector<Term>& terms, const Term* until)
    {
        if (terms.empty())
            return;
        const size_t want = terms.front().by.size();
        auto check = [&](const Term& t) {
            if (t.by.size() != want)
                report("bad-sequence",
                    "every term needs the same number of join keys: the first has "
                        + std::to_string(common + want) + ", this one "
                        + std::to_string(common + t.by.size()),
                    t.span);
        };
        for (const auto& t : terms)
            check(t);
        if (until)
            check(*until);
    }

    Sample parseSample()
    {
        Sample s;
        const auto keywordSpan = cur_.span;
        advance(); // sample
        if (atWord("by"))
            s.by = parseJoinKeys();
        if (atWord("with"))
            fail("bad-sample", "'with maxspan' is not allowed in a sample query", cur_.span);
        while (at(TokenKind::LBracket) || at(TokenKind::Bang))
            s.terms.push_back(parseTerm("the sample term", false, false));
        if (s.terms.empty())
            failExpected("'[' to open the first sample term");
        if (s.terms.size() > 5)
            report("bad-sample", "a sample query allows at most 5 terms", s.terms[5].span);
        if (s.by.empty() && s.terms.front().by.empty())
            report("bad-sample",
                "a sample query needs at least one join key ('sample by ...' or 'by' after a term)",
                keywordSpan);
        checkKeyCounts(s.by.size(), s.terms, nullptr);
        if (atWord("until"))
            fail("bad-sample", "'until' is not allowed in a sample query", cur_.span);
        return s;
    }

    void parsePipe(Query& q)
    {
        const uint32_t start = cur_.span.begin;
        advance(); // |
        if (!at(TokenKind::Ident))
            failExpected("a pipe name (head or tail) after '|'");
        const auto name = textOf(cur_);
        const auto nameSpan = cur_.span;
        if (name != "head" && name != "tail") {
            static constexpr std::string_view kLegacy[]
                = {"count", "unique", "unique_count", "filter", "sort", "window"};
            bool legacy = false;
            for (auto l : kLegacy)
                legacy = legacy || l == name;
            if (legacy)
                report("unsupported",
                    "the '" + std::string(name)
                        + "' pipe is not supported by Elasticsearch (only head and tail are)",
                    nameSpan);
            else
                report(
                    "bad-pipe", "unknown pipe '" + std::string(name) + "': expected head or tail", nameSpan);
            // Skip its arguments.
            advance();
            int nested = 0;
            while (!at(TokenKind::End) && !(nested == 0 && at(TokenKind::Pipe))) {
                nested += at(TokenKind::LParen) || at(TokenKind::LBracket);
                nested -= (at(TokenKind::RParen) || at(TokenKind::RBracket)) && nested > 0;
                advance();
            }
            return;
        }
        advance();
        Pipe p;
        p.kind = name == "head" ? PipeKind::Head : PipeKind::Tail;
        if (!at(TokenKind::Integer))
            failExpected("a positive whole number after '" + std::string(name) + "'");
        const auto digits = textOf(cur_);
        const auto countSpan = cur_.span;
        const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), p.count);
        (void)ptr;
        advance();
        if (ec != std::errc() || p.count <= 0)
            report("bad-pipe", "the '" + std::string(name) + "' count must be a positive whole number",
                countSpan);
        p.span = spanFrom(start);
        q.pipes.push_back(p);
    }

    // ---- expressions -----------------------------------------------------------------------------

    Expr placeholder(uint32_t begin) { return Expr{LiteralExpr{Null{}, false, {}}, spanFrom(begin)}; }

    // After an error inside an operand: skip to something an enclosing level can continue from.
    void recoverInExpr()
    {
        int nested = 0;
        while (!at(TokenKind::End)) {
            if (nested == 0
                && (atWord("and") || atWord("or") || at(TokenKind::RParen) || at(TokenKind::RBracket)
                    || at(TokenKind::Pipe) || at(TokenKind::Comma)))
                return;
            if (at(TokenKind::LParen))
                ++nested;
            else if (at(TokenKind::RParen))
                --nested;
            advance();
        }
    }

    Expr parseExpr()
    {
        DepthGuard guard(*this);
        return parseLogical(LogicalOp::Or);
    }

    Expr parseOperand(LogicalOp level)
    {
        const uint32_t start = cur_.span.begin;
        const uint32_t savedDepth = depth_;
        try {
            return level == LogicalOp::Or ? parseLogical(LogicalOp::And) : parseNot();
        } catch (const SyntaxError&) {
            depth_ = savedDepth;
            recoverInExpr();
            return placeholder(start);
        }
    }

    Expr parseLogical(LogicalOp level)
    {
        const char* word = level == LogicalOp::Or ? "or" : "and";
        Expr first = parseOperand(level);
        if (!atWord(word))
            return first;
        LogicalExpr logical{level, {}};
        const uint32_t start = first.span.begin;
        logical.operands.push_back(std::move(first));
        while (atWord(word)) {
            advance();
            logical.operands.push_back(parseOperand(level));
        }
        return Expr{std::move(logical), spanFrom(start)};
    }

    Expr parseNot()
    {
        if (!atWord("not"))
            return parsePredicate();
        DepthGuard guard(*this);
        const uint32_t start = cur_.span.begin;
        advance();
        Expr operand = parseNot();
        return Expr{UnaryExpr{UnaryOp::Not, std::move(operand)}, spanFrom(start)};
    }

    Expr parsePredicate()
    {
        Expr left = parseAdditive();
        const uint32_t start = left.span.begin;
        if (isCompareToken(cur_.kind)) {
            const auto op = compareOpOf(cur_.kind);
            const auto opText = std::string(textOf(cur_));
            advance();
            if (at(TokenKind::End) || atWord("and") || atWord("or") || at(TokenKind::RBracket))
                failExpected("an expression after '" + opText + "'");
            Expr right = parseAdditive();
            if (isCompareToken(cur_.kind))
                fail("chained-comparison",
                    "comparisons cannot be chained: write (a < b) and (b < c) instead of a < b < c",
                    cur_.span);
            return Expr{CompareExpr{op, std::move(left), std::move(right)}, spanFrom(start)};
        }
        if (at(TokenKind::Colon))
            return parsePattern(std::move(left), PatternOp::Colon);
        if (atWord("like"))
            return parsePattern(std::move(left), PatternOp::Like);
        if (atWordTilde("like"))
            return parsePattern(std::move(left), PatternOp::LikeInsensitive);
        if (atWord("regex"))
            return parsePattern(std::move(left), PatternOp::Regex);
        if (atWordTilde("regex"))
            return parsePattern(std::move(left), PatternOp::RegexInsensitive);
        bool negated = false;
        if (atWord("not")) {
            negated = true;
            advance();
            if (!atWord("in") && !atWordTilde("in"))
                failExpected("'in' or 'in~' after 'not' (to negate a condition write: not condition)");
        }
        if (atWord("in") || atWordTilde("in")) {
            InExpr in;
            in.caseInsensitive = at(TokenKind::IdentTilde);
            in.negated = negated;
            const auto open = peek().span.begin;
            advance();
            expect(TokenKind::LParen, "'(' to open the list after 'in'");
            DepthGuard guard(*this);
            parseListTail(in.items, open, "the list", [this] { return parseExpr(); });
            in.value = std::move(left);
            return Expr{std::move(in), spanFrom(start)};
        }
        return left;
    }

    // After a '(' at `open`: item (',' item)* ')'. The ')' is consumed.
    template <typename ItemFn>
    void parseListTail(std::vector<Expr>& out, uint32_t open, const std::string& what, ItemFn item)
    {
        out.push_back(item());
        while (at(TokenKind::Comma)) {
            advance();
            out.push_back(item());
        }
        if (!at(TokenKind::RParen))
            fail("expected-token",
                "expected ',' or ')' to close " + what + " opened at " + where(open) + ", found "
                    + describe(cur_),
                cur_.span);
        advance();
    }

    Expr parsePatternItem(PatternOp op)
    {
        Expr item = parseUnary();
        if (!item.is<LiteralExpr>())
            report("not-a-literal",
                std::string("the right side of '") + patternOpText(op)
                    + "' must be a literal string or a list of them (Elasticsearch does not compare fields "
                      "to "
                      "fields)",
                item.span);
        return item;
    }

    Expr parsePattern(Expr left, PatternOp op)
    {
        const uint32_t start = left.span.begin;
        PatternExpr p;
        p.op = op;
        p.value = std::move(left);
        advance(); // the operator
        if (at(TokenKind::LParen)) {
            DepthGuard guard(*this);
            const uint32_t open = cur_.span.begin;
            p.parenthesized = true;
            advance();
            parseListTail(p.items, open, "the list", [this, op] { return parsePatternItem(op); });
        } else {
            if (at(TokenKind::End) || atWord("and") || atWord("or") || at(TokenKind::RBracket))
                failExpected(std::string("a string or a list of strings after '") + patternOpText(op) + "'");
            p.items.push_back(parsePatternItem(op));
        }
        return Expr{std::move(p), spanFrom(start)};
    }

    Expr parseAdditive()
    {
        Expr left = parseMultiplicative();
        uint32_t chain = 0;
        while (at(TokenKind::Plus) || at(TokenKind::Minus)) {
            const auto op = at(TokenKind::Plus) ? ArithOp::Add : ArithOp::Sub;
            checkChain(++chain);
            advance();
            Expr right = parseMultiplicative();
            const auto start = left.span.begin;
            left = Expr{ArithExpr{op, std::move(left), std::move(right)}, spanFrom(start)};
        }
        return left;
    }

    Expr parseMultiplicative()
    {
        Expr left = parseUnary();
        uint32_t chain = 0;
        while (at(TokenKind::Star) || at(TokenKind::Slash) || at(TokenKind::Percent)) {
            const auto op = at(TokenKind::Star) ? ArithOp::Mul
                : at(TokenKind::Slash)          ? ArithOp::Div
                                                : ArithOp::Mod;
            checkChain(++chain);
            advance();
            Expr right = parseUnary();
            const auto start = left.span.begin;
            left = Expr{ArithExpr{op, std::move(left), std::move(right)}, spanFrom(start)};
        }
        return left;
    }

    // Arithmetic chains build left-deep trees without recursing here, but every later walk of the
    // tree recurses, so they count against the nesting limit too.
    void checkChain(uint32_t chain)
    {
        if (depth_ + chain > options_.maxDepth) {
            report("nesting-too-deep",
                "nesting too deep: more than " + std::to_string(options_.maxDepth)
                    + " levels of parentheses, brackets or operators",
                cur_.span);
            throw Fatal{};
        }
    }

    Expr parseUnary()
    {
        if (!at(TokenKind::Minus) && !at(TokenKind::Plus))
            return parsePrimary();
        DepthGuard guard(*this);
        const uint32_t start = cur_.span.begin;
        const auto op = at(TokenKind::Minus) ? UnaryOp::Minus : UnaryOp::Plus;
        advance();
        // -5 and -1.5 are literals (so a list like (-1, 2) holds literals only).
        if (op == UnaryOp::Minus && (at(TokenKind::Integer) || at(TokenKind::Float))) {
            const auto numberStart = cur_.span.begin;
            Expr lit = parseNumber(true);
            if (numberStart == start + 1) {
                lit.span.begin = start;
                lit.as<LiteralExpr>().source = std::string(text_.substr(start, lit.span.end - start));
                return lit;
            }
            negateLiteral(lit.as<LiteralExpr>());
            return Expr{UnaryExpr{op, std::move(lit)}, spanFrom(start)};
        }
        Expr operand = parseUnary();
        return Expr{UnaryExpr{op, std::move(operand)}, spanFrom(start)};
    }

    // Undoes the sign parseNumber(true) applied, for "- 5" written with a space (kept as unary).
    static void negateLiteral(LiteralExpr& lit)
    {
        if (auto* i = std::get_if<int64_t>(&lit.value); i && *i != INT64_MIN)
            *i = -*i;
        else if (auto* d = std::get_if<double>(&lit.value))
            *d = -*d;
        if (!lit.source.empty() && lit.source[0] == '-')
            lit.source.erase(0, 1);
    }

    Expr parseNumber(bool negative)
    {
        const auto tok = cur_;
        const auto digits = textOf(tok);
        advance();
        LiteralExpr lit;
        lit.source = std::string(digits);
        if (tok.kind == TokenKind::Integer) {
            // Parse as unsigned so that -9223372036854775808 fits.
            uint64_t magnitude = 0;
            const auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude);
            (void)p;
            const uint64_t limit = negative ? uint64_t(INT64_MAX) + 1 : uint64_t(INT64_MAX);
            if (ec != std::errc() || magnitude > limit) {
                report("bad-number", "integer out of range: " + std::string(digits), tok.span);
                lit.value = int64_t{0};
            } else {
                lit.value = negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
            }
        } else {
            double v = 0;
            const auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
            (void)p;
            if (ec != std::errc())
                report("bad-number", "number out of range: " + std::string(digits), tok.span);
            lit.value = negative ? -v : v;
        }
        if (negative)
            lit.source.insert(0, "-");
        return Expr{std::move(lit), tok.span};
    }

    LiteralExpr parseStringToken()
    {
        const auto tok = cur_;
        const auto raw = textOf(tok);
        advance();
        LiteralExpr lit;
        lit.source = std::string(raw);
        std::string value;
        if (tok.kind == TokenKind::RawString) {
            lit.raw = true;
            value = std::string(raw.substr(3, raw.size() - 6));
        } else if (tok.kind == TokenKind::SingleQuoted) {
            // Decode as if double-quoted, and offer that spelling as the fix.
            std::string fix = "\"";
            const auto body = raw.substr(1, raw.size() - 2);
            for (size_t i = 0; i < body.size(); ++i) {
                if (body[i] == '\\' && i + 1 < body.size() && body[i + 1] == '\'') {
                    fix += '\'';
                    ++i;
                } else if (body[i] == '"') {
                    fix += "\\\"";
                } else {
                    fix += body[i];
                }
            }
            fix += '"';
            decodeString(fix, tok.span.begin, value, nullptr);
            report("single-quoted-string",
                "single-quoted strings are not supported by Elasticsearch: use " + fix, tok.span,
                Severity::Error, fix);
        } else {
            decodeString(raw, tok.span.begin, value, &diagnostics_);
        }
        lit.value = std::move(value);
        return lit;
    }

    Expr parsePrimary()
    {
        const uint32_t start = cur_.span.begin;
        switch (cur_.kind) {
        case TokenKind::Integer:
        case TokenKind::Float:
            return parseNumber(false);
        case TokenKind::String:
        case TokenKind::RawString:
        case TokenKind::SingleQuoted: {
            auto lit = parseStringToken();
            return Expr{std::move(lit), spanFrom(start)};
        }
        case TokenKind::LParen: {
            DepthGuard guard(*this);
            advance();
            Expr inner = parseExpr();
            if (!at(TokenKind::RParen))
                fail("expected-token",
                    "expected ')' to close the '(' opened at " + where(start) + ", found " + describe(cur_),
                    cur_.span);
            advance();
            return Expr{ParenExpr{std::move(inner)}, spanFrom(start)};
        }
        case TokenKind::Question:
            advance();
            if (!at(TokenKind::Ident) && !at(TokenKind::Backtick))
                failExpected("a field name after '?'");
            return parseField(start, true);
        case TokenKind::Backtick:
            return parseField(start, false);
        case TokenKind::IdentTilde:
            if (peek().kind == TokenKind::LParen)
                return parseCall();
            failExpected("an expression");
        case TokenKind::Ident: {
            const auto w = textOf(cur_);
            if (w == "true" || w == "false") {
                advance();
                return Expr{LiteralExpr{w == "true", false, std::string(w)}, spanFrom(start)};
            }
            if (w == "null") {
                advance();
                return Expr{LiteralExpr{Null{}, false, "null"}, spanFrom(start)};
            }
            if (isKeyword(w))
                failExpected("an expression");
            const auto& next = peek();
            if (next.kind == TokenKind::LParen)
                return parseCall();
            if (next.kind == TokenKind::Ident && textOf(next) == "of"
                && (w == "descendant" || w == "child" || w == "event"))
                return parseLineage();
            return parseField(start, false);
        }
        default:
            failExpected("an expression (a field, a literal, a function call or '(')");
        }
    }

    // Endgame `descendant of [...]`: reported, then skipped as a whole.
    Expr parseLineage()
    {
        const uint32_t start = cur_.span.begin;
        const auto w = std::string(textOf(cur_));
        advance(); // descendant / child / event
        advance(); // of
        report("unsupported",
            "'" + w + " of [...]' is an endgame lineage test, not supported by Elasticsearch",
            spanFrom(start));
        parseTerm("the lineage term", false, false);
        return placeholder(start);
    }

    static std::string unescapeBacktick(std::string_view token)
    {
        std::string out;
        const auto body = token.substr(1, token.size() - 2);
        for (size_t i = 0; i < body.size(); ++i) {
            out += body[i];
            if (body[i] == '`' && i + 1 < body.size() && body[i + 1] == '`')
                ++i;
        }
        return out;
    }

    Expr parseField(uint32_t start, bool optional)
    {
        FieldExpr f;
        f.optional = optional;
        auto takeSegment = [&] {
            f.segments.push_back(
                at(TokenKind::Backtick) ? unescapeBacktick(textOf(cur_)) : std::string(textOf(cur_)));
            advance();
        };
        takeSegment();
        while (at(TokenKind::Dot)) {
            advance();
            if (!at(TokenKind::Ident) && !at(TokenKind::Backtick))
                failExpected("a field name after '.' (names that are not identifiers need backticks: `6x`)");
            takeSegment();
        }
        if (at(TokenKind::LBracket) && peek().kind == TokenKind::Integer) {
            const uint32_t open = cur_.span.begin;
            advance();
            advance();
            if (at(TokenKind::RBracket))
                advance();
            report(
                "unsupported", "array indexing (field[0]) is not supported by Elasticsearch", spanFrom(open));
        }
        for (size_t i = 0; i < f.segments.size(); ++i) {
            if (i)
                f.path += '.';
            f.path += f.segments[i];
        }
        return Expr{std::move(f), spanFrom(start)};
    }

    Expr parseCall()
    {
        const uint32_t start = cur_.span.begin;
        CallExpr call;
        call.nameSpan = cur_.span;
        call.caseInsensitive = at(TokenKind::IdentTilde);
        auto name = textOf(cur_);
        if (call.caseInsensitive)
            name.remove_suffix(1);
        call.name = std::string(name);
        advance();
        const uint32_t open = cur_.span.begin;
        advance(); // (
        DepthGuard guard(*this);
        if (at(TokenKind::RParen))
            advance();
        else
            parseListTail(call.args, open, "the call to '" + call.name + "'", [this] { return parseExpr(); });
        checkCall(call);
        return Expr{std::move(call), spanFrom(start)};
    }

    void checkCall(CallExpr& call)
    {
        const auto* f = findFunction(call.name);
        if (!f) {
            report("unknown-function", "unknown function '" + call.name + "'", call.nameSpan);
            return;
        }
        call.canonical = std::string(f->name);
        if (f->support == FunctionSupport::Unsupported) {
            report("unsupported",
                "'" + call.canonical + "' is an endgame function, not supported by Elasticsearch",
                call.nameSpan);
            return;
        }
        if (call.caseInsensitive && !f->hasInsensitive)
            report("no-insensitive-form",
                "function '" + call.canonical
                    + "' has no case-insensitive '~' form (only between, endsWith, indexOf, startsWith and "
                      "stringContains have one)",
                call.nameSpan);
        const int n = static_cast<int>(call.args.size());
        if (n < f->minArgs || (f->maxArgs >= 0 && n > f->maxArgs)) {
            std::string want;
            if (f->maxArgs < 0)
                want = "at least " + std::to_string(f->minArgs);
            else if (f->minArgs == f->maxArgs)
                want = std::to_string(f->minArgs);
            else
                want = std::to_string(f->minArgs) + " to " + std::to_string(f->maxArgs);
            report("function-arity",
                "function '" + call.canonical + "' takes " + want + " argument" + (want == "1" ? "" : "s")
                    + ", got " + std::to_string(n) + " (" + std::string(f->signature) + ")",
                call.nameSpan);
        }
    }

    std::string_view text_;
    const ParseOptions& options_;
    std::vector<Diagnostic> diagnostics_;
    std::vector<Comment> comments_;
    Lexer lexer_;
    Token cur_;
    std::optional<Token> ahead_;
    bool lastAfterError_ = false;
    bool curAfterError_ = false;
    bool aheadAfterError_ = false;
    uint32_t prevEnd_ = 0;
    uint32_t depth_ = 0;
    std::optional<std::string> textCopy_;
};

} // namespace

ParseResult parseQuery(std::string_view text, const ParseOptions& options)
{
    if (text.size() > UINT32_MAX - 8) {
        ParseResult r;
        r.diagnostics.push_back({"too-large", Severity::Error, "the query is larger than 4 GB", {}, {}});
        return r;
    }
    try {
        Parser parser(text, options);
        return parser.run();
    } catch (...) {
        ParseResult r;
        r.diagnostics.push_back({"internal", Severity::Error, "internal error while parsing", {}, {}});
        return r;
    }
}

} // namespace eqlwb::eql
