#include "exec/conformance/es_qa_suite.h"

#include "core/text_file.h"
#include "eql/parser.h"
#include "exec/conformance/es_qa_data.h"
#include "exec/plan.h"
#include "exec/query_runner.h"

#include <filesystem>
#include <regex>
#include <set>
#include <toml++/toml.h>

namespace eqlwb {

namespace {

namespace fs = std::filesystem;

struct SuiteSpec {
    const char* file;
    std::vector<const char*> data;
    const char* mapping;
    const char* tiebreaker; // "" for none
    const char* idField;
    EndgameTime time;
};

const std::vector<SuiteSpec>& suiteSpecs()
{
    static const std::vector<SuiteSpec> specs = {
        {"test_queries.toml", {"endgame-140.data"}, "endgame-140.mapping", "serial_event_id",
            "serial_event_id", EndgameTime::Millis},
        {"additional_test_queries.toml", {"endgame-140.data"}, "endgame-140.mapping", "serial_event_id",
            "serial_event_id", EndgameTime::Millis},
        {"test_queries_date.toml", {"endgame-140.data"}, "endgame-140.mapping", "serial_event_id",
            "serial_event_id", EndgameTime::Millis},
        {"test_queries_date_nanos.toml", {"endgame-140.data"}, "endgame-140-nanos.mapping", "serial_event_id",
            "serial_event_id", EndgameTime::Nanos},
        {"test_extra.toml", {"extra.data"}, "extra.mapping", "sequence", "sequence", EndgameTime::None},
        {"test_missing_events.toml", {"missing-events.data"}, "missing-events.mapping", "sequence",
            "sequence", EndgameTime::None},
        {"test_sample.toml", {"sample1.data", "sample2.data", "sample3.data"}, "sample1.mapping", "", "id",
            EndgameTime::None},
        {"test_sample_multi.toml", {"sample-multi.data"}, "sample-multi.mapping", "", "id",
            EndgameTime::None},
    };
    return specs;
}

// ES's JToml accepts bare `null` inside join_keys arrays; strict TOML does not. Quote it
// (tools/load_spec.py does the same); join keys are not compared here.
std::string fixBareNulls(const std::string& text)
{
    static const std::regex joinKeys(R"(join_keys\s*=\s*\[[^\]]*\])");
    auto quoteNulls = [](const std::string& list) {
        std::string out;
        bool inString = false;
        for (size_t i = 0; i < list.size(); ++i) {
            const char c = list[i];
            if (c == '"')
                inString = !inString;
            if (!inString && list.compare(i, 4, "null") == 0) {
                out += "\"__NULL__\"";
                i += 3;
                continue;
            }
            out += c;
        }
        return out;
    };
    std::string out;
    size_t last = 0;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), joinKeys); it != std::sregex_iterator();
         ++it) {
        out.append(text, last, static_cast<size_t>(it->position()) - last);
        out += quoteNulls(it->str());
        last = static_cast<size_t>(it->position() + it->length());
    }
    out.append(text, last, std::string::npos);
    return out;
}

std::string idsText(const std::vector<int64_t>& ids)
{
    std::string s = "[";
    for (size_t i = 0; i < ids.size(); ++i) {
        if (i)
            s += ", ";
        s += std::to_string(ids[i]);
    }
    return s + "]";
}

std::string trim(std::string s)
{
    const size_t b = s.find_first_not_of(" \t\r\n");
    const size_t e = s.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// expected_event_ids: a list of ids, or a list of alternative lists.
std::vector<std::vector<int64_t>> expectedAlternatives(const toml::array& arr)
{
    std::vector<std::vector<int64_t>> alternatives;
    if (!arr.empty() && arr[0].is_array()) {
        for (const auto& alt : arr) {
            std::vector<int64_t> ids;
            for (const auto& v : *alt.as_array())
                ids.push_back(v.value_or<int64_t>(0));
            alternatives.push_back(std::move(ids));
        }
    } else {
        std::vector<int64_t> ids;
        for (const auto& v : arr)
            ids.push_back(v.value_or<int64_t>(0));
        alternatives.push_back(std::move(ids));
    }
    return alternatives;
}

void count(QaReport& report, QaCase c)
{
    switch (c.outcome) {
    case QaOutcome::Passed:
        ++report.passed;
        break;
    case QaOutcome::Failed:
        ++report.failed;
        break;
    case QaOutcome::Skipped:
        ++report.skipped;
        break;
    }
    report.cases.push_back(std::move(c));
}

Status runQuerySuite(const fs::path& dir, const SuiteSpec& spec, QaReport& report, const CancelToken& cancel)
{
    auto text = readTextFile((dir / spec.file).string());
    if (!text)
        return Ok{}; // a suite file the folder lacks is simply not run
    toml::table table;
    try {
        table = toml::parse(fixBareNulls(*text), std::string_view(spec.file));
    } catch (const toml::parse_error& e) {
        return Error{"bad-suite", std::string(spec.file) + ": " + std::string(e.description()), {}};
    }
    std::unique_ptr<QaData> data;
    ColumnCache cache;
    const auto* queries = table["queries"].as_array();
    if (!queries)
        return Ok{};
    for (const auto& node : *queries) {
        const auto* q = node.as_table();
        if (!q)
            continue;
        QaCase c;
        c.suite = spec.file;
        c.name = (*q)["name"].value_or<std::string>("");
        c.query = trim((*q)["query"].value_or<std::string>(""));
        auto parsed = eql::parseQuery(c.query);
        if (!data) {
            QaDataSpec dataSpec;
            for (const char* f : spec.data)
                dataSpec.dataFiles.push_back((dir / "data" / f).string());
            dataSpec.mappingFile = (dir / "data" / spec.mapping).string();
            dataSpec.idField = spec.idField;
            dataSpec.endgameTime = spec.time;
            auto loaded = loadQaData(dataSpec);
            if (!loaded)
                return loaded.error();
            data = std::make_unique<QaData>(std::move(*loaded));
        }
        RunOptions options;
        options.tiebreakerField = spec.tiebreaker;
        options.size = (*q)["size"].value_or<int64_t>(50);
        options.strict = true;
        options.maxSamplesPerKey = (*q)["max_samples_per_key"].value_or<int64_t>(1);
        options.fieldTypes = data->fieldTypes;
        const auto* expectedArr = (*q)["expected_event_ids"].as_array();
        const auto alternatives
            = expectedArr ? expectedAlternatives(*expectedArr) : std::vector<std::vector<int64_t>>{{}};
        c.expected = idsText(alternatives.front());
        if (!parsed.ok()) {
            c.outcome = QaOutcome::Failed;
            for (const auto& d : parsed.diagnostics)
                if (d.severity == Severity::Error) {
                    c.actual = "parse error: " + formatDiagnostic(c.query, d);
                    break;
                }
            count(report, std::move(c));
            continue;
        }
        auto result = runQuery(*data->source, cache, *parsed.query, options, cancel);
        if (!result) {
            c.outcome = QaOutcome::Failed;
            c.actual = "error: " + result.error().message;
        } else {
            const auto ids = result->eventIds();
            const bool ok = std::find(alternatives.begin(), alternatives.end(), ids) != alternatives.end();
            c.outcome = ok ? QaOutcome::Passed : QaOutcome::Failed;
            c.actual = idsText(ids);
        }
        count(report, std::move(c));
    }
    return Ok{};
}

// The expressions of test_unsupported.toml, which Elasticsearch's own run leaves out.
std::set<std::string> unsupportedExpressions(const fs::path& file)
{
    std::set<std::string> out;
    auto text = readTextFile(file.string());
    if (!text)
        return out;
    try {
        const auto table = toml::parse(*text);
        for (const auto& [group, node] : table) {
            const auto* tests = node.as_table() ? (*node.as_table())["fold"]["tests"].as_array() : nullptr;
            if (!tests)
                continue;
            for (const auto& t : *tests)
                if (const auto* tt = t.as_table())
                    out.insert((*tt)["expression"].value_or<std::string>(""));
        }
    } catch (const toml::parse_error&) {
    }
    return out;
}

// The expected value of a fold case as a Value (absent: null).
Value expectedValue(const toml::table& test)
{
    const auto* node = test.get("expected");
    if (!node)
        return Null{};
    if (auto b = node->value<bool>(); b && node->is_boolean())
        return *b;
    if (node->is_integer())
        return node->value_or<int64_t>(0);
    if (node->is_floating_point())
        return node->value_or<double>(0.0);
    if (node->is_string())
        return node->value_or<std::string>("");
    return Null{};
}

bool sameValue(const Value& a, const Value& b)
{
    if (a.index() != b.index())
        return false;
    if (const auto* da = std::get_if<double>(&a)) {
        const double db = std::get<double>(b);
        return std::fabs(*da - db) <= 1e-12 * std::max(1.0, std::fabs(db));
    }
    return a == b;
}

// Folds one expression with the executor's planner, as Elasticsearch's optimizer would.
Result<Value> foldExpression(const std::string& expression)
{
    const std::string text = "any where " + expression;
    auto parsed = eql::parseQuery(text);
    if (!parsed.ok()) {
        for (const auto& d : parsed.diagnostics)
            if (d.severity == Severity::Error)
                return Error{"parse", formatDiagnostic(text, d), d.span};
        return Error{"parse", "cannot parse", {}};
    }
    RunOptions options;
    std::unordered_set<std::string> known;
    SlotTable slots;
    std::vector<Diagnostic> diagnostics;
    PlanContext ctx{options, known, slots, diagnostics};
    auto compiled = compileExpr(parsed.query->event()->filter.condition, ctx);
    if (!compiled)
        return compiled.error();
    if (compiled->kind != SKind::Literal)
        return Error{"not-constant", "the expression did not fold to a constant", {}};
    return compiled->literal;
}

// A case of a unit suite: its expression, named after its group.
QaCase unitCase(const char* file, std::string_view group, const toml::table& test, const char* separator)
{
    QaCase c;
    c.suite = file;
    c.query = test["expression"].value_or<std::string>("");
    c.name = std::string(group) + separator + c.query;
    return c;
}

Status runFoldSuite(
    const fs::path& dir, const char* file, const std::set<std::string>& unsupported, QaReport& report)
{
    auto text = readTextFile((dir / "unit" / file).string());
    if (!text)
        return Ok{};
    toml::table table;
    try {
        table = toml::parse(*text, std::string_view(file));
    } catch (const toml::parse_error& e) {
        return Error{"bad-suite", std::string(file) + ": " + std::string(e.description()), {}};
    }
    for (const auto& [group, node] : table) {
        const auto* groupTable = node.as_table();
        if (!groupTable)
            continue;
        if (const auto* tests = (*groupTable)["fold"]["tests"].as_array()) {
            for (const auto& t : *tests) {
                const auto* test = t.as_table();
                if (!test)
                    continue;
                QaCase c = unitCase(file, group.str(), *test, ": ");
                if (unsupported.count(c.query)) {
                    c.outcome = QaOutcome::Skipped;
                    c.reason = "listed in test_unsupported.toml (Elasticsearch does not run it)";
                    count(report, std::move(c));
                    continue;
                }
                const Value expected = expectedValue(*test);
                c.expected = valueToLiteral(expected);
                auto folded = foldExpression(c.query);
                if (!folded) {
                    c.outcome = QaOutcome::Failed;
                    c.actual = "error: " + folded.error().message;
                } else {
                    c.outcome = sameValue(*folded, expected) ? QaOutcome::Passed : QaOutcome::Failed;
                    c.actual = valueToLiteral(*folded);
                }
                count(report, std::move(c));
            }
        }
        // Verifier failures: expressions Elasticsearch rejects before running them.
        if (const auto* failures = (*groupTable)["verifier"]["failures"].as_array()) {
            for (const auto& t : *failures) {
                const auto* test = t.as_table();
                if (!test)
                    continue;
                QaCase c = unitCase(file, group.str(), *test, " (rejected): ");
                c.expected = "an error";
                auto folded = foldExpression(c.query);
                c.outcome = folded ? QaOutcome::Failed : QaOutcome::Passed;
                c.actual = folded ? valueToLiteral(*folded) : "error: " + folded.error().message;
                count(report, std::move(c));
            }
        }
    }
    return Ok{};
}

} // namespace

Result<QaReport> runEsQaSuite(const std::string& dirText, const CancelToken& cancel)
{
    try {
        const fs::path dir(dirText);
        if (!fs::is_directory(dir))
            return Error{"io", dirText + " is not a folder", {}};
        QaReport report;
        for (const auto& spec : suiteSpecs()) {
            if (auto st = runQuerySuite(dir, spec, report, cancel); !st)
                return st.error();
        }
        const auto unsupported = unsupportedExpressions(dir / "unit" / "test_unsupported.toml");
        for (const char* file : {"test_folding.toml", "test_string_functions.toml"}) {
            if (auto st = runFoldSuite(dir, file, unsupported, report); !st)
                return st.error();
        }
        return report;
    } catch (const std::exception& e) {
        return Error{"internal", std::string("conformance run failed: ") + e.what(), {}};
    }
}

} // namespace eqlwb
