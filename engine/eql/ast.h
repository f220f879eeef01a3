// The EQL syntax tree: what the parser builds, the formatter prints, the analyzer checks, the
// executor runs and the rule tooling rewrites. It is a published contract: add members, do not
// change or remove them.
//
// Ownership and copying: every node is a plain value. Children live in std::vector<Expr> or in
// Box<Expr> (a deep-copying unique_ptr), so copying a Query or an Expr clones the whole subtree
// and the default == is not provided on purpose (compare with sameTree() in ast_compare.h).
//
// Walking: Expr::node is a std::variant; switch on Expr::kind() or std::visit the node.
//
// Parentheses: the parser keeps every pair of parentheses the author wrote as a ParenExpr, so the
// formatter prints them back and spans stay exact. Evaluators see through them with unparen().
// Rewrites that build new trees need not add ParenExpr: the formatter adds the parentheses that
// precedence requires on its own.
//
// Spans: every node has `span`, half-open byte offsets into the query text it was parsed from.
// Nodes a rewrite creates have an empty span {0, 0}.
#pragma once

#include "core/diagnostic.h"
#include "store/value.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace eqlwb::eql {

// A unique_ptr with value semantics: copying a Box copies what it points to. Never null once
// built by the parser (a default-constructed Box is null; check with explicit operator bool).
template <typename T> class Box {
public:
    Box() = default;
    Box(T value)
        : ptr_(std::make_unique<T>(std::move(value)))
    {
    }
    Box(const Box& other)
        : ptr_(other.ptr_ ? std::make_unique<T>(*other.ptr_) : nullptr)
    {
    }
    Box(Box&&) noexcept = default;
    Box& operator=(const Box& other)
    {
        if (this != &other)
            ptr_ = other.ptr_ ? std::make_unique<T>(*other.ptr_) : nullptr;
        return *this;
    }
    Box& operator=(Box&&) noexcept = default;
    ~Box() = default;

    T& operator*() { return *ptr_; }
    const T& operator*() const { return *ptr_; }
    T* operator->() { return ptr_.get(); }
    const T* operator->() const { return ptr_.get(); }
    T* get() { return ptr_.get(); }
    const T* get() const { return ptr_.get(); }
    explicit operator bool() const { return ptr_ != nullptr; }

private:
    std::unique_ptr<T> ptr_;
};

struct Expr;

// ---- Expressions -------------------------------------------------------------------------------

// null, true, false, an integer, a floating-point number or a string.
struct LiteralExpr {
    Value value; // strings hold the decoded text (escapes resolved)
    bool raw = false; // string written as """...""" (no escapes)
    std::string source; // the literal exactly as written; empty for nodes built by a rewrite
};

// A field reference: process.name, `my-field`.x, ?optional.field, @timestamp.
struct FieldExpr {
    std::vector<std::string> segments; // unescaped path segments, in order
    std::string path; // segments joined with '.', the name to look up in events
    bool optional = false; // written ?field (7.16+): unknown field reads as null
};

enum class UnaryOp { Not, Minus, Plus };
struct UnaryExpr {
    UnaryOp op = UnaryOp::Not;
    Box<Expr> operand;
};

// `a and b and c` is ONE node with three operands (same for or): chains of any length stay
// shallow, so walking a rule with hundreds of clauses never recurses deeply.
enum class LogicalOp { And, Or };
struct LogicalExpr {
    LogicalOp op = LogicalOp::And;
    std::vector<Expr> operands; // at least two
};

enum class CompareOp { Eq, NotEq, Less, LessEq, Greater, GreaterEq };
struct CompareExpr {
    CompareOp op = CompareOp::Eq;
    Box<Expr> left;
    Box<Expr> right;
};

enum class ArithOp { Add, Sub, Mul, Div, Mod };
struct ArithExpr {
    ArithOp op = ArithOp::Add;
    Box<Expr> left;
    Box<Expr> right;
};

// value in (a, b), value in~ (...), value not in (...), value not in~ (...).
struct InExpr {
    Box<Expr> value;
    std::vector<Expr> items; // at least one
    bool negated = false; // not in / not in~
    bool caseInsensitive = false; // in~ / not in~
};

// value : "p", value : ("p1", "p2"), value like~ "x*", value regex """a.*""", ...
// The items are the right-hand side values, each a pattern or a plain string; a match of any
// one item makes the predicate true.
enum class PatternOp { Colon, Like, LikeInsensitive, Regex, RegexInsensitive };
struct PatternExpr {
    PatternOp op = PatternOp::Colon;
    Box<Expr> value;
    std::vector<Expr> items; // at least one
    bool parenthesized = false; // the list was written ( ... ) (always true for several items)
};

// Function call: startsWith~(process.name, "cmd"), CONCAT(a, b), wildcard(f, "a*").
struct CallExpr {
    std::string name; // as written, e.g. "StartsWith"
    std::string canonical; // the function table's spelling, e.g. "startsWith"; empty if unknown
    bool caseInsensitive = false; // written name~(...)
    std::vector<Expr> args;
    Span nameSpan; // the name (and the ~), for call tips and "unknown function" diagnostics
};

// ( inner ) exactly as the author wrote it. See the file comment.
struct ParenExpr {
    Box<Expr> inner;
};

// Order matches the variant alternatives below.
enum class ExprKind { Literal, Field, Unary, Logical, Compare, Arith, In, Pattern, Call, Paren };

struct Expr {
    using Node = std::variant<LiteralExpr, FieldExpr, UnaryExpr, LogicalExpr, CompareExpr, ArithExpr, InExpr,
        PatternExpr, CallExpr, ParenExpr>;

    Node node;
    Span span;

    ExprKind kind() const { return static_cast<ExprKind>(node.index()); }
    template <typename T> bool is() const { return std::holds_alternative<T>(node); }
    template <typename T> T& as() { return std::get<T>(node); }
    template <typename T> const T& as() const { return std::get<T>(node); }
    template <typename T> T* getIf() { return std::get_if<T>(&node); }
    template <typename T> const T* getIf() const { return std::get_if<T>(&node); }
};

// The expression inside any number of ParenExpr wrappers.
inline const Expr& unparen(const Expr& e)
{
    const Expr* p = &e;
    while (const auto* paren = p->getIf<ParenExpr>())
        p = paren->inner.get();
    return *p;
}

// ---- Query shapes ------------------------------------------------------------------------------

// The event category before `where`: process, "network-flow", """x""", or any.
struct Category {
    std::string name; // decoded; "any" for the any keyword
    bool any = false; // the unquoted keyword `any`: every event, whatever its category
    bool quoted = false; // written "..." or """..."""
    bool raw = false; // written """..."""
    Span span;
};

// `<category> where <condition>`: an event query body, or the inside of a sequence/sample term.
struct EventFilter {
    Category category;
    Expr condition;
    Span span; // from the category to the end of the condition
};

struct EventQuery {
    EventFilter filter;
};

// One bracketed term of a sequence or sample:  [filter] by k1, k2 with runs=N, or ![filter].
struct Term {
    EventFilter filter;
    std::vector<Expr> by; // per-term join keys (appended after the sequence-level keys)
    int64_t runs = 1; // with runs=N; 1 when absent
    bool hasRuns = false; // runs was written (even runs=1)
    bool missing = false; // ![...] missing-event clause (sequences only)
    Span span; // from '[' (or '!') to the end of the last per-term clause
};

// with maxspan=15m
struct MaxSpan {
    std::string text; // as written after '=', e.g. "15m", "1.5h" is not valid EQL: integer + unit
    int64_t nanos = 0; // the same duration in nanoseconds
    Span span; // the value (number and unit)
};

struct Sequence {
    std::vector<Expr> by; // sequence-level join keys
    std::optional<MaxSpan> maxspan;
    std::vector<Term> terms; // as written; a term with runs=N is NOT expanded here
    std::optional<Term> until;
};

struct Sample {
    std::vector<Expr> by;
    std::vector<Term> terms;
};

enum class PipeKind { Head, Tail };
struct Pipe {
    PipeKind kind = PipeKind::Head;
    int64_t count = 0;
    Span span; // from '|' to the end of the count
};

// A comment in the query text, kept so the formatter can print it back.
struct Comment {
    std::string text; // including the delimiters: "// x" or "/* x */"
    Span span;
    bool block = false; // /* */ (else //)
};

enum class QueryKind { Event, Sequence, Sample };

struct Query {
    using Body = std::variant<EventQuery, Sequence, Sample>;

    Body body;
    std::vector<Pipe> pipes;
    std::vector<Comment> comments; // in source order
    Span span;

    QueryKind kind() const { return static_cast<QueryKind>(body.index()); }
    EventQuery* event() { return std::get_if<EventQuery>(&body); }
    const EventQuery* event() const { return std::get_if<EventQuery>(&body); }
    Sequence* sequence() { return std::get_if<Sequence>(&body); }
    const Sequence* sequence() const { return std::get_if<Sequence>(&body); }
    Sample* sample() { return std::get_if<Sample>(&body); }
    const Sample* sample() const { return std::get_if<Sample>(&body); }
};

// Source spellings, for messages and the formatter.
const char* compareOpText(CompareOp op); // "=="
const char* arithOpText(ArithOp op); // "+"
const char* patternOpText(PatternOp op); // ":", "like~"
bool patternOpCaseInsensitive(PatternOp op); // true for :, like~, regex~
bool patternOpIsRegex(PatternOp op);

} // namespace eqlwb::eql
