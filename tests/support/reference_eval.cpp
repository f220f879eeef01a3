#include "reference_eval.h"

#include "eql/parser.h"
#include "exec/functions.h"
#include "exec/lucene_regex.h"
#include "exec/text_match.h"
#include "exec/value_ops.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>
#include <set>

namespace eqlwb::test {

namespace {

using json = nlohmann::ordered_json;
using namespace eql;

Value toValue(const json& j)
{
    if (j.is_boolean())
        return j.get<bool>();
    if (j.is_number_integer()) {
        if (j.is_number_unsigned() && j.get<uint64_t>() > static_cast<uint64_t>(INT64_MAX))
            return static_cast<double>(j.get<uint64_t>());
        return j.get<int64_t>();
    }
    if (j.is_number())
        return j.get<double>();
    if (j.is_string())
        return j.get<std::string>();
    return Null{};
}

// Every value at a dotted path, following nested objects and literal dotted keys, arrays
// flattened, nulls dropped.
void collect(const json& node, std::string_view rest, std::vector<Value>& out)
{
    if (node.is_array()) {
        for (const auto& el : node)
            collect(el, rest, out);
        return;
    }
    if (rest.empty()) {
        if (!node.is_object() && !node.is_null())
            out.push_back(toValue(node));
        return;
    }
    if (!node.is_object())
        return;
    for (const auto& [key, child] : node.items()) {
        if (rest == key)
            collect(child, {}, out);
        else if (rest.size() > key.size() && rest.compare(0, key.size(), key) == 0 && rest[key.size()] == '.')
            collect(child, rest.substr(key.size() + 1), out);
    }
}

void allPaths(const json& node, const std::string& prefix, std::set<std::string>& out)
{
    if (node.is_array()) {
        for (const auto& el : node)
            allPaths(el, prefix, out);
        return;
    }
    if (node.is_object()) {
        for (const auto& [key, child] : node.items())
            allPaths(child, prefix.empty() ? key : prefix + "." + key, out);
        return;
    }
    if (!prefix.empty())
        out.insert(prefix);
}

struct Failure {
    Error error;
};

struct Evaluator {
    const json& event;
    const RunOptions& options;
    const std::set<std::string>& known;
    // During a one-field leaf: the element the field is bound to.
    const FieldExpr* boundField = nullptr;
    const Value* boundValue = nullptr;

    bool unknownOptional(const FieldExpr& f) const { return f.optional && !known.count(f.path); }

    std::vector<Value> values(const std::string& path) const
    {
        std::vector<Value> out;
        collect(event, path, out);
        return out;
    }

    FieldType typeOf(const Expr& e) const
    {
        const Expr& x = unparen(e);
        if (const auto* f = x.getIf<FieldExpr>()) {
            if (f->path == options.timestampField)
                return FieldType::Date;
            auto it = options.fieldTypes.find(f->path);
            if (it != options.fieldTypes.end())
                return it->second;
        }
        return FieldType::Auto;
    }

    // Distinct fields an expression reads (unknown ?fields are null literals, not fields).
    void fieldsOf(const Expr& e, std::vector<const FieldExpr*>& out) const
    {
        const Expr& x = unparen(e);
        std::visit(
            [&](const auto& node) {
                using T = std::decay_t<decltype(node)>;
                if constexpr (std::is_same_v<T, FieldExpr>) {
                    if (!unknownOptional(node)
                        && std::none_of(
                            out.begin(), out.end(), [&](const FieldExpr* f) { return f->path == node.path; }))
                        out.push_back(&node);
                } else if constexpr (std::is_same_v<T, UnaryExpr>) {
                    fieldsOf(*node.operand, out);
                } else if constexpr (std::is_same_v<T, LogicalExpr>) {
                    for (const auto& o : node.operands)
                        fieldsOf(o, out);
                } else if constexpr (std::is_same_v<T, CompareExpr> || std::is_same_v<T, ArithExpr>) {
                    fieldsOf(*node.left, out);
                    fieldsOf(*node.right, out);
                } else if constexpr (std::is_same_v<T, InExpr>) {
                    fieldsOf(*node.value, out);
                    for (const auto& o : node.items)
                        fieldsOf(o, out);
                } else if constexpr (std::is_same_v<T, PatternExpr>) {
                    fieldsOf(*node.value, out);
                    for (const auto& o : node.items)
                        fieldsOf(o, out);
                } else if constexpr (std::is_same_v<T, CallExpr>) {
                    for (const auto& o : node.args)
                        fieldsOf(o, out);
                }
            },
            x.node);
    }

    bool isConstant(const Expr& e) const
    {
        std::vector<const FieldExpr*> fs;
        fieldsOf(e, fs);
        return fs.empty();
    }

    bool isNullLiteral(const Expr& e) const
    {
        const Expr& x = unparen(e);
        if (const auto* l = x.getIf<LiteralExpr>())
            return isNull(l->value);
        if (const auto* f = x.getIf<FieldExpr>())
            return unknownOptional(*f);
        return false;
    }

    const FieldExpr* bareField(const Expr& e) const
    {
        const auto* f = unparen(e).getIf<FieldExpr>();
        return f && !unknownOptional(*f) ? f : nullptr;
    }

    Value fieldValue(const FieldExpr& f) const
    {
        if (unknownOptional(f))
            return Null{};
        if (boundField && boundField->path == f.path)
            return *boundValue;
        auto vs = values(f.path);
        return vs.empty() ? Value(Null{}) : vs.front();
    }

    bool matchPatterns(const PatternExpr& p, const std::string& s)
    {
        const bool ci = patternOpCaseInsensitive(p.op);
        for (const auto& item : p.items) {
            const Value pv = value(item);
            const auto* pattern = std::get_if<std::string>(&pv);
            if (!pattern)
                throw Failure{Error{"not-string", "pattern must be a string", item.span}};
            if (patternOpIsRegex(p.op)) {
                auto re = CompiledRegex::compile(*pattern, ci);
                if (!re)
                    throw Failure{re.error()};
                if ((*re)->fullMatch(s))
                    return true;
            } else if (ci ? wildcardMatch(foldCase(s), foldCase(*pattern)) : wildcardMatch(s, *pattern)) {
                return true;
            }
        }
        return false;
    }

    Value value(const Expr& e)
    {
        const Expr& x = unparen(e);
        switch (x.kind()) {
        case ExprKind::Literal:
            return x.as<LiteralExpr>().value;
        case ExprKind::Field:
            return fieldValue(x.as<FieldExpr>());
        case ExprKind::Unary: {
            const auto& u = x.as<UnaryExpr>();
            Value v = value(*u.operand);
            if (u.op == UnaryOp::Plus)
                return v;
            if (u.op == UnaryOp::Not)
                return valueOfTri(triNot(triOfValue(v)));
            if (isNull(v))
                return v;
            EvalState st;
            Value r = arithmetic(ArithOp::Sub, int64_t{0}, v, st);
            if (st.error)
                throw Failure{*st.error};
            return r;
        }
        case ExprKind::Logical: {
            const auto& l = x.as<LogicalExpr>();
            Tri t = l.op == LogicalOp::And ? Tri::True : Tri::False;
            for (const auto& o : l.operands)
                t = l.op == LogicalOp::And ? triAnd(t, triOfValue(value(o))) : triOr(t, triOfValue(value(o)));
            return valueOfTri(t);
        }
        case ExprKind::Compare: {
            const auto& c = x.as<CompareExpr>();
            const Value a = value(*c.left), b = value(*c.right);
            if ((c.op == CompareOp::Eq || c.op == CompareOp::NotEq)
                && (isNullLiteral(*c.left) || isNullLiteral(*c.right))) {
                const bool both = isNull(a) && isNull(b);
                return c.op == CompareOp::Eq ? both : !both;
            }
            FieldType t = typeOf(*c.left);
            if (t == FieldType::Auto)
                t = typeOf(*c.right);
            return valueOfTri(compareValues(a, b, c.op, t));
        }
        case ExprKind::Arith: {
            const auto& a = x.as<ArithExpr>();
            const Value l = value(*a.left), r = value(*a.right);
            if (isNull(l) || isNull(r))
                return Null{};
            EvalState st;
            Value v = arithmetic(a.op, l, r, st);
            if (st.error)
                throw Failure{*st.error};
            return v;
        }
        case ExprKind::In: {
            const auto& in = x.as<InExpr>();
            const Value v = value(*in.value);
            if (isNull(v))
                return Null{};
            bool found = false;
            for (const auto& item : in.items) {
                const Value iv = value(item);
                if (isNull(iv))
                    continue;
                if (in.caseInsensitive) {
                    const auto* s = std::get_if<std::string>(&v);
                    const auto* is = std::get_if<std::string>(&iv);
                    found = found || (s && is && foldCase(*s) == foldCase(*is));
                } else {
                    found = found || compareValues(v, iv, CompareOp::Eq, typeOf(*in.value)) == Tri::True;
                }
            }
            return in.negated ? !found : found;
        }
        case ExprKind::Pattern: {
            const auto& p = x.as<PatternExpr>();
            const Value v = value(*p.value);
            if (isNull(v))
                return Null{};
            const auto* s = std::get_if<std::string>(&v);
            return s ? matchPatterns(p, *s) : false;
        }
        case ExprKind::Call: {
            const auto& call = x.as<CallExpr>();
            const eql::FunctionInfo* info
                = eql::findFunction(call.canonical.empty() ? call.name : call.canonical);
            if (!info)
                throw Failure{Error{"unknown-function", "unknown function", call.nameSpan}};
            std::vector<Value> args;
            for (const auto& a : call.args)
                args.push_back(value(a));
            EvalState st;
            Value v = callFunction(info->id, call.caseInsensitive, args, st);
            if (st.error)
                throw Failure{*st.error};
            return v;
        }
        case ExprKind::Paren:
            break;
        }
        return Null{};
    }

    // A bare test of one field against constants, as Elasticsearch pushes it down to Lucene.
    std::optional<Tri> pushedDown(const Expr& x)
    {
        const FieldExpr* field = nullptr;
        bool negate = false;
        if (const auto* c = x.getIf<CompareExpr>()) {
            if (isNullLiteral(*c->left) || isNullLiteral(*c->right))
                return std::nullopt;
            if (bareField(*c->left) && isConstant(*c->right))
                field = bareField(*c->left);
            else if (bareField(*c->right) && isConstant(*c->left))
                field = bareField(*c->right);
            negate = c->op == CompareOp::NotEq;
        } else if (const auto* in = x.getIf<InExpr>()) {
            field = bareField(*in->value);
            negate = in->negated;
        } else if (const auto* p = x.getIf<PatternExpr>()) {
            field = bareField(*p->value);
        } else if (const auto* call = x.getIf<CallExpr>()) {
            const eql::FunctionInfo* info
                = eql::findFunction(call->canonical.empty() ? call->name : call->canonical);
            if (info && info->id == FunctionId::Wildcard && !call->args.empty())
                field = bareField(call->args[0]);
        }
        if (!field)
            return std::nullopt;
        bool any = false;
        for (const Value& v : values(field->path)) {
            boundField = field;
            boundValue = &v;
            Tri t = Tri::Null;
            if (const auto* c = x.getIf<CompareExpr>()) {
                FieldType ty = typeOf(*c->left) == FieldType::Auto ? typeOf(*c->right) : typeOf(*c->left);
                const CompareOp op = c->op == CompareOp::NotEq ? CompareOp::Eq : c->op;
                t = compareValues(value(*c->left), value(*c->right), op, ty);
            } else if (const auto* in = x.getIf<InExpr>()) {
                const Value r = value(x);
                t = triOfValue(r);
                if (in->negated)
                    t = triNot(t); // undo: the pushed-down form tests membership
            } else {
                t = triOfValue(value(x));
            }
            boundField = nullptr;
            any = any || t == Tri::True;
        }
        const Tri result = triOf(any);
        return negate ? triNot(result) : result;
    }

    Tri condition(const Expr& e)
    {
        const Expr& x = unparen(e);
        if (const auto* l = x.getIf<LogicalExpr>()) {
            Tri t = l->op == LogicalOp::And ? Tri::True : Tri::False;
            for (const auto& o : l->operands)
                t = l->op == LogicalOp::And ? triAnd(t, condition(o)) : triOr(t, condition(o));
            return t;
        }
        if (const auto* u = x.getIf<UnaryExpr>(); u && u->op == UnaryOp::Not)
            return triNot(condition(*u->operand));
        if (auto t = pushedDown(x))
            return *t;
        std::vector<const FieldExpr*> fields;
        fieldsOf(x, fields);
        if (fields.size() != 1)
            return triOfValue(value(x));
        // One field: evaluated for each of its values; true if any is, else false if any is.
        auto vs = values(fields[0]->path);
        if (vs.empty())
            vs.push_back(Null{});
        bool anyTrue = false, anyFalse = false;
        for (const Value& v : vs) {
            boundField = fields[0];
            boundValue = &v;
            const Tri t = triOfValue(value(x));
            boundField = nullptr;
            anyTrue = anyTrue || t == Tri::True;
            anyFalse = anyFalse || t == Tri::False;
        }
        return anyTrue ? Tri::True : (anyFalse ? Tri::False : Tri::Null);
    }
};

} // namespace

Result<std::vector<int64_t>> referenceRun(
    const std::vector<std::string>& eventTexts, const std::string& query, const RunOptions& options)
{
    auto parsed = parseQuery(query);
    if (!parsed.ok())
        return Error{"parse", "query does not parse", {}};
    const auto* eventQuery = parsed.query->event();
    if (!eventQuery)
        return Error{"unsupported", "not an event query", {}};
    std::vector<json> events;
    std::set<std::string> known;
    for (const auto& text : eventTexts) {
        events.push_back(json::parse(text));
        allPaths(events.back(), "", known);
    }
    std::vector<size_t> rows;
    try {
        for (size_t r = 0; r < events.size(); ++r) {
            Evaluator ev{events[r], options, known};
            const auto& filter = eventQuery->filter;
            if (!filter.category.any) {
                const auto cats = ev.values(options.categoryField);
                const bool has = std::any_of(cats.begin(), cats.end(), [&](const Value& v) {
                    const auto* s = std::get_if<std::string>(&v);
                    return s && *s == filter.category.name;
                });
                if (!has)
                    continue;
            }
            if (ev.condition(filter.condition) == Tri::True)
                rows.push_back(r);
        }
    } catch (const Failure& f) {
        return f.error;
    }
    auto firstOf = [&](size_t r, const std::string& path) -> std::optional<Value> {
        std::vector<Value> vs;
        collect(events[r], path, vs);
        if (vs.empty())
            return std::nullopt;
        return vs.front();
    };
    auto timestamp = [&](size_t r) {
        auto v = firstOf(r, options.timestampField);
        auto ns = v ? toEpochNanos(*v) : std::nullopt;
        return ns.value_or(INT64_MIN);
    };
    std::stable_sort(rows.begin(), rows.end(), [&](size_t a, size_t b) {
        if (timestamp(a) != timestamp(b))
            return timestamp(a) < timestamp(b);
        if (!options.tiebreakerField.empty()) {
            auto ta = firstOf(a, options.tiebreakerField), tb = firstOf(b, options.tiebreakerField);
            if (ta && tb) {
                if (compareValues(*ta, *tb, CompareOp::Less) == Tri::True)
                    return true;
                if (compareValues(*tb, *ta, CompareOp::Less) == Tri::True)
                    return false;
            } else if (ta || tb) {
                return ta.has_value();
            }
        }
        return a < b;
    });
    for (const auto& pipe : parsed.query->pipes) {
        const auto n = static_cast<size_t>(pipe.count);
        if (rows.size() <= n)
            continue;
        if (pipe.kind == PipeKind::Head)
            rows.resize(n);
        else
            rows.erase(rows.begin(), rows.end() - static_cast<std::ptrdiff_t>(n));
    }
    if (options.size && rows.size() > static_cast<size_t>(*options.size))
        rows.resize(static_cast<size_t>(*options.size));
    std::vector<int64_t> ids;
    for (size_t r : rows)
        ids.push_back(static_cast<int64_t>(r) + 1);
    return ids;
}

} // namespace eqlwb::test
