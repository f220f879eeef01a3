// Finding a query's lists on its syntax tree, counting what each entry does by running rewritten
// trees, and the add/remove rewrites of the list editor.
#include "tuning/query_lists.h"

#include "eql/ast_walk.h"
#include "eql/formatter.h"
#include "eql/parser.h"
#include "exec/query_runner.h"

#include <exception>

namespace eqlwb {

namespace {

using eql::Expr;

// The parser already bounds nesting (ParseOptions::maxDepth); this guard only keeps the walk
// safe should a deeper tree ever reach it.
constexpr int kMaxWalkDepth = 1000;

// One list predicate in a parsed (mutable) tree.
struct Site {
    Expr* expr = nullptr; // the predicate node itself
    QueryList list; // its description, entries without hits
};

// The string of a literal item, or nullptr when the item is anything else.
const std::string* stringItem(const Expr& item)
{
    const auto* lit = item.getIf<eql::LiteralExpr>();
    return lit ? std::get_if<std::string>(&lit->value) : nullptr;
}

// The items of a list predicate and where its entries start among them (wildcard's first
// argument is the field). Null for any other node.
std::vector<Expr>* listItems(Expr& e, size_t& first)
{
    first = 0;
    if (auto* in = e.getIf<eql::InExpr>())
        return &in->items;
    if (auto* pattern = e.getIf<eql::PatternExpr>())
        return &pattern->items;
    if (auto* call = e.getIf<eql::CallExpr>(); call && call->canonical == "wildcard") {
        first = 1;
        return &call->args;
    }
    return nullptr;
}

// The field a predicate compares, or nullptr when its left side is not a single field.
const eql::FieldExpr* listField(const Expr& e)
{
    const Expr* value = nullptr;
    if (const auto* in = e.getIf<eql::InExpr>())
        value = in->value.get();
    else if (const auto* pattern = e.getIf<eql::PatternExpr>())
        value = pattern->value.get();
    else if (const auto* call = e.getIf<eql::CallExpr>(); call && !call->args.empty())
        value = &call->args.front();
    return value ? unparen(*value).getIf<eql::FieldExpr>() : nullptr;
}

// Describes `e` as a list when it is one (see findLists for the rule).
bool describeList(Expr& e, bool negatedContext, QueryList& out)
{
    size_t first = 0;
    auto* items = listItems(e, first);
    const auto* field = listField(e);
    if (!items || !field || items->size() <= first)
        return false;
    const size_t count = items->size() - first;
    bool listForm = true;
    out = QueryList{};
    out.exclude = negatedContext;
    if (const auto* in = e.getIf<eql::InExpr>()) {
        out.exclude = out.exclude != in->negated;
        out.operation = std::string(in->negated ? "not in" : "in") + (in->caseInsensitive ? "~" : "");
    } else if (const auto* pattern = e.getIf<eql::PatternExpr>()) {
        listForm = pattern->parenthesized;
        out.operation = eql::patternOpText(pattern->op);
    } else {
        out.operation = "wildcard";
    }
    if (count < 2 && !listForm)
        return false;
    out.field = field->path;
    out.span = e.span;
    for (size_t i = first; i < items->size(); ++i) {
        const std::string* text = stringItem((*items)[i]);
        if (!text)
            return false;
        out.entries.push_back(ListEntry{*text, (*items)[i].span, -1});
    }
    return true;
}

void collect(Expr& e, int nots, int depth, std::vector<Site>& sites)
{
    if (depth > kMaxWalkDepth)
        return;
    Site site;
    if (describeList(e, nots % 2 == 1, site.list)) {
        site.expr = &e;
        site.list.number = static_cast<int>(sites.size()) + 1;
        sites.push_back(std::move(site));
        return;
    }
    const auto* unary = e.getIf<eql::UnaryExpr>();
    const int childNots = unary && unary->op == eql::UnaryOp::Not ? nots + 1 : nots;
    for (Expr* child : eql::childrenOf(e))
        collect(*child, childNots, depth + 1, sites);
}

std::vector<Site> collectSites(eql::Query& query)
{
    std::vector<Site> sites;
    for (Expr* root : eql::rootExprs(query))
        collect(*root, 0, 0, sites);
    return sites;
}

Result<std::unique_ptr<eql::Query>> parse(std::string_view text)
{
    auto parsed = eql::parseQuery(text);
    if (!parsed.ok()) {
        for (const auto& d : parsed.diagnostics)
            if (d.severity == Severity::Error)
                return Error{"parse", d.message, d.span};
        return Error{"parse", "the query could not be read", {}};
    }
    return std::move(parsed.query);
}

Result<Site> siteOf(std::vector<Site>& sites, int listNumber)
{
    if (listNumber < 1 || static_cast<size_t>(listNumber) > sites.size())
        return Error{"no-list",
            "the query has no list " + std::to_string(listNumber) + " (it has " + std::to_string(sites.size())
                + ")",
            {}};
    return sites[static_cast<size_t>(listNumber) - 1];
}

// The predicate with no entries left: it matches nothing, so `f not in ()` is true.
Expr emptyPredicate(const Expr& predicate)
{
    const auto* in = predicate.getIf<eql::InExpr>();
    return Expr{eql::LiteralExpr{Value(in && in->negated), false, {}}, {}};
}

Result<size_t> countMatches(ColumnSource& source, ColumnCache& cache, const eql::Query& query,
    const RunOptions& options, const CancelToken& cancel)
{
    auto run = runQuery(source, cache, query, options, cancel);
    if (!run)
        return run.error();
    return run->matches.size();
}

Status countHitsUnchecked(ColumnSource& source, ColumnCache& cache, std::string_view text,
    std::vector<QueryList>& lists, const RunOptions& given, const CancelToken& cancel,
    const ProgressFn& progress)
{
    auto query = parse(text);
    if (!query)
        return query.error();
    RunOptions options = given;
    options.size.reset();
    auto current = countMatches(source, cache, **query, options, cancel);
    if (!current)
        return current.error();
    const auto base = static_cast<int64_t>(*current);
    Progress done;
    for (auto& list : lists) {
        for (size_t i = 0; i < list.entries.size(); ++i) {
            eql::Query copy = **query;
            auto sites = collectSites(copy);
            auto site = siteOf(sites, list.number);
            if (!site)
                return site.error();
            size_t first = 0;
            auto& items = *listItems(*site->expr, first);
            if (items.size() - first != list.entries.size())
                return Error{
                    "no-list", "list " + std::to_string(list.number) + " does not belong to this query", {}};
            if (list.entries.size() == 1)
                *site->expr = emptyPredicate(*site->expr);
            else
                items.erase(items.begin() + static_cast<std::ptrdiff_t>(first + i));
            auto without = countMatches(source, cache, copy, options, cancel);
            if (!without)
                return without.error();
            const auto after = static_cast<int64_t>(*without);
            list.entries[i].hits = list.exclude ? after - base : base - after;
            ++done.itemsDone;
            if (progress)
                progress(done);
        }
    }
    return Ok{};
}

enum class Edit { Add, Remove };

Result<std::string> edited(std::string_view text, int listNumber, std::string_view entry, Edit edit)
{
    auto query = parse(text);
    if (!query)
        return query.error();
    auto sites = collectSites(**query);
    auto site = siteOf(sites, listNumber);
    if (!site)
        return site.error();
    size_t first = 0;
    auto& items = *listItems(*site->expr, first);
    auto found = items.end();
    for (auto it = items.begin() + static_cast<std::ptrdiff_t>(first); it != items.end(); ++it)
        if (const std::string* s = stringItem(*it); s && *s == entry) {
            found = it;
            break;
        }
    const std::string number = std::to_string(listNumber);
    if (edit == Edit::Add) {
        if (found != items.end())
            return Error{
                "duplicate-entry", "list " + number + " already has \"" + std::string(entry) + "\"", {}};
        items.push_back(Expr{eql::LiteralExpr{Value(std::string(entry)), false, {}}, {}});
    } else {
        if (found == items.end())
            return Error{"no-entry", "list " + number + " has no entry \"" + std::string(entry) + "\"", {}};
        if (items.size() - first == 1)
            return Error{"last-entry", "list " + number + " must keep at least one entry", {}};
        items.erase(found);
    }
    return eql::formatQuery(**query);
}

} // namespace

Result<std::vector<QueryList>> findLists(std::string_view query)
{
    try {
        auto parsed = parse(query);
        if (!parsed)
            return parsed.error();
        std::vector<QueryList> lists;
        for (auto& site : collectSites(**parsed))
            lists.push_back(std::move(site.list));
        return lists;
    } catch (const std::exception& e) {
        return Error{"internal", e.what(), {}};
    }
}

Status countHits(ColumnSource& source, ColumnCache& cache, std::string_view query,
    std::vector<QueryList>& lists, const RunOptions& options, CancelToken cancel, ProgressFn progress)
{
    try {
        return countHitsUnchecked(source, cache, query, lists, options, cancel, progress);
    } catch (const std::exception& e) {
        return Error{"internal", e.what(), {}};
    }
}

Result<std::string> withEntryAdded(std::string_view query, int listNumber, std::string_view entry)
{
    try {
        return edited(query, listNumber, entry, Edit::Add);
    } catch (const std::exception& e) {
        return Error{"internal", e.what(), {}};
    }
}

Result<std::string> withEntryRemoved(std::string_view query, int listNumber, std::string_view entry)
{
    try {
        return edited(query, listNumber, entry, Edit::Remove);
    } catch (const std::exception& e) {
        return Error{"internal", e.what(), {}};
    }
}

} // namespace eqlwb
