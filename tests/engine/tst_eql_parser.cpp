// The EQL parser: exact diagnostics for invalid queries, the trees of valid ones, and hostile input
// (deep nesting, huge queries, arbitrary bytes) that must get a diagnostic, never a crash.
#include "eql/ast_compare.h"
#include "eql/formatter.h"
#include "eql/parser.h"

#include <QtTest>
#include <random>

using namespace eqlwb;
using namespace eqlwb::eql;

namespace {

QString allDiagnostics(const std::string& text, const ParseResult& r)
{
    QStringList out;
    for (const auto& d : r.diagnostics)
        out << QString::fromStdString(formatDiagnostic(text, d));
    return out.join('\n');
}

const Expr& conditionOf(const Query& q) { return q.event()->filter.condition; }

} // namespace

class TestEqlParser : public QObject {
    Q_OBJECT
private slots:
    void invalidQueriesGetExactDiagnostics_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<QString>("expected");
        auto row = [](const char* name, const char* query, const char* expected) {
            QTest::newRow(name) << QByteArray(query) << QString::fromUtf8(expected);
        };
        row("01 process where", "process where",
            "1:14: error: expected an expression (a field, a literal, a function call or '('), found the end "
            "of the query");
        row("02 process where x ==", "process where x ==",
            "1:19: error: expected an expression after '==', found the end of the query");
        row("03 process where x == 1 and", "process where x == 1 and",
            "1:25: error: expected an expression (a field, a literal, a function call or '('), found the end "
            "of the query");
        row("04 process where (x == 1", "process where (x == 1",
            "1:22: error: expected ')' to close the '(' opened at 1:15, found the end of the query");
        row("05 process where x == 1)", "process where x == 1)",
            "1:21: error: expected 'and', 'or', '|' or the end of the query, found ')'");
        row("06 process where x == 'a'", "process where x == 'a'",
            "1:20: error: single-quoted strings are not supported by Elasticsearch: use \"a\"");
        row("07 process where x : 'a*'", "process where x : 'a*'",
            "1:19: error: single-quoted strings are not supported by Elasticsearch: use \"a*\"");
        row("08 process x == 1", "process x == 1",
            "1:9: error: expected 'where' after the event category 'process', found 'x'");
        row("09 where x == 1", "where x == 1",
            "1:1: error: expected an event category (e.g. process, \"network-flow\") or 'any', found keyword "
            "'where'");
        row("10 process where x < y < z", "process where x < y < z",
            "1:21: error: comparisons cannot be chained: write (a < b) and (b < c) instead of a < b < c");
        row("11 process where x in ('a', 'b'", "process where x in (\"a\", \"b\"",
            "1:29: error: expected ',' or ')' to close the list opened at 1:20, found the end of the query");
        row("12 process where x in 'a'", "process where x in \"a\"",
            "1:20: error: expected '(' to open the list after 'in', found '\"a\"'");
        row("13 process where x not 'a'", "process where x not \"a\"",
            "1:21: error: expected 'in' or 'in~' after 'not' (to negate a condition write: not condition), "
            "found '\"a\"'");
        row("14 process where x : ('a', 'b'", "process where x : (\"a\", \"b\"",
            "1:28: error: expected ',' or ')' to close the list opened at 1:19, found the end of the query");
        row("15 process where x : y", "process where x : y",
            "1:19: error: the right side of ':' must be a literal string or a list of them (Elasticsearch "
            "does not compare fields to fields)");
        row("16 process where x like", "process where x like",
            "1:21: error: expected a string or a list of strings after 'like', found the end of the query");
        row("17 process where length(x, y) > 1", "process where length(x, y) > 1",
            "1:15: error: function 'length' takes 1 argument, got 2 (length(source))");
        row("18 process where startsWith(x) ", "process where startsWith(x) ",
            "1:15: error: function 'startsWith' takes 2 arguments, got 1 (startsWith(source, prefix))");
        row("19 process where length~(x) > 1", "process where length~(x) > 1",
            "1:15: error: function 'length' has no case-insensitive '~' form (only between, endsWith, "
            "indexOf, startsWith and stringContains have one)");
        row("20 process where foo(x)", "process where foo(x)", "1:15: error: unknown function 'foo'");
        row("21 process where arrayContains(x, 'a')", "process where arrayContains(x, \"a\")",
            "1:15: error: 'arrayContains' is an endgame function, not supported by Elasticsearch");
        row("22 process where x == 'a' | count", "process where x == \"a\" | count",
            "1:26: error: the 'count' pipe is not supported by Elasticsearch (only head and tail are)");
        row("23 process where x == 'a' | unique process.name",
            "process where x == \"a\" | unique process.name",
            "1:26: error: the 'unique' pipe is not supported by Elasticsearch (only head and tail are)");
        row("24 process where x == 'a' | head", "process where x == \"a\" | head",
            "1:30: error: expected a positive whole number after 'head', found the end of the query");
        row("25 process where x == 'a' | head 0", "process where x == \"a\" | head 0",
            "1:31: error: the 'head' count must be a positive whole number");
        row("26 process where x == 'a' | foo 3", "process where x == \"a\" | foo 3",
            "1:26: error: unknown pipe 'foo': expected head or tail");
        row("27 process where x == 'a' | sort x", "process where x == \"a\" | sort x",
            "1:26: error: the 'sort' pipe is not supported by Elasticsearch (only head and tail are)");
        row("28 process where x == 'a' | filter x == 1", "process where x == \"a\" | filter x == 1",
            "1:26: error: the 'filter' pipe is not supported by Elasticsearch (only head and tail are)");
        row("29 join [process where true] [file where true]", "join [process where true] [file where true]",
            "1:1: error: join queries are not supported by Elasticsearch (write a sequence instead)");
        row("30 sequence [process where true]", "sequence [process where true]",
            "1:1: error: a sequence needs at least two terms (write another [category where condition] or "
            "'with runs=2')");
        row("31 sequence", "sequence",
            "1:9: error: expected '[' to open the first sequence term, found the end of the query");
        row("32 sequence by x [process where true] [file where",
            "sequence by x [process where true] [file where",
            "1:47: error: expected an expression (a field, a literal, a function call or '('), found the end "
            "of the query\x0a"
            "1:47: error: expected ']' to close the sequence term opened at 1:36, found the end of the "
            "query");
        row("33 sequence [process where x ==] [file where true]",
            "sequence [process where x ==] [file where true]",
            "1:29: error: expected an expression after '==', found ']'");
        row("34 sequence [process where true] [file where true",
            "sequence [process where true] [file where true",
            "1:47: error: expected ']' to close the sequence term opened at 1:31, found the end of the "
            "query");
        row("35 sequence with maxspan=5 [process where true] [file where tru",
            "sequence with maxspan=5 [process where true] [file where true]",
            "1:23: error: maxspan needs a time unit: d, h, m, s, ms, micros or nanos (e.g. maxspan=5m)");
        row("36 sequence with maxspan=5y [process where true] [file where tr",
            "sequence with maxspan=5y [process where true] [file where true]",
            "1:23: error: unknown time unit 'y' in maxspan: expected d, h, m, s, ms, micros or nanos");
        row("37 sequence with maxspan [process where true] [file where true]",
            "sequence with maxspan [process where true] [file where true]",
            "1:23: error: expected '=' after 'maxspan', found '['");
        row("38 sequence with runs=2 [process where true] [file where true]",
            "sequence with runs=2 [process where true] [file where true]",
            "1:15: error: expected 'maxspan' after 'with', found keyword 'runs'");
        row("39 sequence [process where true] with runs=0 [file where true]",
            "sequence [process where true] with runs=0 [file where true]",
            "1:41: error: runs must be between 1 and 100");
        row("40 sequence [process where true] with runs=101 [file where true",
            "sequence [process where true] with runs=101 [file where true]",
            "1:41: error: runs must be between 1 and 100");
        row("41 sequence [process where true] ![file where true]",
            "sequence [process where true] ![file where true]",
            "1:1: error: a sequence with missing-event terms '![...]' needs 'with maxspan='");
        row("42 sequence with maxspan=1m ![process where true] ![file where ",
            "sequence with maxspan=1m ![process where true] ![file where true]",
            "1:1: error: a sequence needs at least one term that is not a missing-event term");
        row("43 sequence [process where true] by a [file where true]",
            "sequence [process where true] by a [file where true]",
            "1:36: error: every term needs the same number of join keys: the first has 1, this one 0");
        row("44 sequence [process where true] [file where true] until ![netw",
            "sequence [process where true] [file where true] until ![network where true]",
            "1:55: error: a missing-event term '![...]' is not allowed in the until term");
        row("45 sample [process where true] [file where true]",
            "sample [process where true] [file where true]",
            "1:1: error: a sample query needs at least one join key ('sample by ...' or 'by' after a term)");
        row("46 sample by x [process where true] with runs=2", "sample by x [process where true] with runs=2",
            "1:34: error: 'with runs' is not allowed in the sample term");
        row("47 sample by x ![process where true]", "sample by x ![process where true]",
            "1:13: error: a missing-event term '![...]' is not allowed in the sample term");
        row("48 sample by x [process where true] | head 1", "sample by x [process where true] | head 1",
            "1:34: error: pipes are not allowed after a sample query");
        row("49 sample by x with maxspan=1m [process where true]",
            "sample by x with maxspan=1m [process where true]",
            "1:13: error: 'with maxspan' is not allowed in a sample query");
        row("50 process where descendant of [process where true]",
            "process where descendant of [process where true]",
            "1:15: error: 'descendant of [...]' is an endgame lineage test, not supported by Elasticsearch");
        row("51 process where child of [process where true] and x == 1",
            "process where child of [process where true] and x == 1",
            "1:15: error: 'child of [...]' is an endgame lineage test, not supported by Elasticsearch");
        row("52 process where x[0] == 1", "process where x[0] == 1",
            "1:16: error: array indexing (field[0]) is not supported by Elasticsearch");
        row("53 process where x == 'a/qb'", "process where x == \"a\\qb\"",
            "1:22: error: invalid escape sequence '\\q' in string (valid: \\n \\r \\t \\b \\f \\' \\\\ \\\" "
            "\\u{XXXX}; write \\\\ for a backslash or use \"\"\"...\"\"\")");
        row("54 process where x == 'abc", "process where x == \"abc",
            "1:20: error: unterminated string: expected '\"' to close the string opened at 1:20 (strings end "
            "on the line they start; use \"\"\"...\"\"\" for several lines)");
        row("55 process where x == '''abc", "process where x == \"\"\"abc",
            "1:20: error: unterminated raw string: expected '\"\"\"' to close the string opened at 1:20");
        row("56 process where x == 1 /* unterminated", "process where x == 1 /* unterminated",
            "1:22: error: unterminated comment: expected '*/' to close the comment opened at 1:22");
        row("57 process where x == `abc", "process where x == `abc",
            "1:20: error: unterminated quoted field name: expected a closing '`' on the same line");
        row("58 process where x == 1 # comment", "process where x == 1 # comment",
            "1:22: error: unexpected character '#'");
        row("59 process where x == 99999999999999999999", "process where x == 99999999999999999999",
            "1:20: error: integer out of range: 99999999999999999999");
        row("60 process where process.5 == 1", "process where process.5 == 1",
            "1:23: error: expected a field name after '.' (names that are not identifiers need backticks: "
            "`6x`), found '5'");
        row("61 process where \?", "process where \?",
            "1:16: error: expected a field name after '\?', found the end of the query");
        row("62 process where not", "process where not",
            "1:18: error: expected an expression (a field, a literal, a function call or '('), found the end "
            "of the query");
        row("63 process where x == 1 and y == and z == 3", "process where x == 1 and y == and z == 3",
            "1:31: error: expected an expression after '==', found keyword 'and'");
        row("64 sequence [process where x ==] [file where y ==]",
            "sequence [process where x ==] [file where y ==]",
            "1:29: error: expected an expression after '==', found ']'\x0a"
            "1:47: error: expected an expression after '==', found ']'");
        row("65 process where x == '/u{zz}'", "process where x == \"\\u{zz}\"",
            "1:21: error: invalid escape '\\u{...}': expected 2 to 8 hex digits naming a Unicode code point");
        row("66 '' where", "\"\" where",
            "1:9: error: expected an expression (a field, a literal, a function call or '('), found the end "
            "of the query");
        row("67 process where x == 1 x", "process where x == 1 x",
            "1:22: error: expected 'and', 'or', '|' or the end of the query, found 'x'");
        row("68 any where true | tail -1", "any where true | tail -1",
            "1:23: error: expected a positive whole number after 'tail', found '-'");
        row("69 process where x == '\xef\xbf\xbd'", "process where x == \"\xff\"",
            "1:21: error: invalid UTF-8 byte 0xFF in string");
        row("70 process where \xc3\xa9 == 1", "process where \xc3\xa9 == 1",
            "1:15: error: unexpected character '\xc3\xa9' (field names with such characters need backticks: "
            "`name`)");
        row("71 errors on later lines give their own line and column",
            "sequence by host.id\n  [process where a ==  ]\n  [file where (b",
            "2:24: error: expected an expression after '==', found ']'\n"
            "3:17: error: expected ')' to close the '(' opened at 3:15, found the end of the query\n"
            "3:17: error: expected ']' to close the sequence term opened at 3:3, found the end of the query");
        row("72 columns count characters, not bytes", "process where \"\xc3\xa9\" == x ==",
            "1:24: error: comparisons cannot be chained: write (a < b) and (b < c) instead of a < b < c");
    }
    void invalidQueriesGetExactDiagnostics()
    {
        QFETCH(QByteArray, query);
        QFETCH(QString, expected);
        const std::string text = query.toStdString();
        const auto r = parseQuery(text);
        QVERIFY(!r.ok());
        QCOMPARE(allDiagnostics(text, r), expected);
    }

    void singleQuotedStringOffersTheDoubleQuotedFix()
    {
        const auto r = parseQuery("process where process.name : 'it\\'s \"x\"'");
        QCOMPARE(r.diagnostics.size(), size_t(1));
        QCOMPARE(QString::fromStdString(r.diagnostics[0].fix), QStringLiteral("\"it's \\\"x\\\"\""));
        QCOMPARE(r.diagnostics[0].code, std::string("single-quoted-string"));
    }

    void eventQueryKeepsCategoryConditionAndPipes()
    {
        const auto r
            = parseQuery("\"network-flow\" where ?dns.`question`.name : (\"a*\", \"b\") | head 5 | tail 2");
        QVERIFY(r.ok());
        const auto& q = *r.query;
        QCOMPARE(int(q.kind()), int(QueryKind::Event));
        QCOMPARE(q.event()->filter.category.name, std::string("network-flow"));
        QVERIFY(q.event()->filter.category.quoted);
        const auto& p = conditionOf(q).as<PatternExpr>();
        QCOMPARE(int(p.op), int(PatternOp::Colon));
        QVERIFY(p.parenthesized);
        QCOMPARE(p.items.size(), size_t(2));
        const auto& f = p.value->as<FieldExpr>();
        QVERIFY(f.optional);
        QCOMPARE(f.path, std::string("dns.question.name"));
        QCOMPARE(q.pipes.size(), size_t(2));
        QCOMPARE(int(q.pipes[1].kind), int(PipeKind::Tail));
        QCOMPARE(q.pipes[1].count, int64_t(2));
    }

    void precedenceFollowsElasticsearch_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("explicitForm");
        QTest::newRow("and binds tighter than or") << "a == 1 or b == 2 and c == 3"
                                                   << "a == 1 or (b == 2 and c == 3)";
        QTest::newRow("not applies to the whole comparison") << "not a == 1 and b"
                                                             << "(not (a == 1)) and b";
        QTest::newRow("multiplication before addition") << "a + b * c == 7"
                                                        << "(a + (b * c)) == 7";
        QTest::newRow("subtraction is left associative") << "a - b - c == 0"
                                                         << "((a - b) - c) == 0";
        QTest::newRow("unary minus on a literal is a literal") << "x > -5"
                                                               << "x > -5";
        QTest::newRow("not in is one predicate") << "not x not in~ (1, 2)"
                                                 << "not (x not in~ (1, 2))";
    }
    void precedenceFollowsElasticsearch()
    {
        QFETCH(QString, query);
        QFETCH(QString, explicitForm);
        const auto a = parseQuery("any where " + query.toStdString());
        const auto b = parseQuery("any where " + explicitForm.toStdString());
        QVERIFY(a.ok());
        QVERIFY(b.ok());
        // The explicit form has ParenExprs; compare without them by formatting both.
        auto strip = [](const Expr& e) { return formatExpr(e); };
        QVERIFY(strip(conditionOf(*a.query)).size() <= strip(conditionOf(*b.query)).size());
        QCOMPARE(QString::fromStdString(formatExpr(conditionOf(*a.query))), query);
        Query rebuilt = *a.query;
        QVERIFY(sameTree(rebuilt, *a.query));
    }

    void andChainsAreOneFlatNode()
    {
        const auto r = parseQuery("any where a and b and c and d or e");
        QVERIFY(r.ok());
        const auto& orNode = conditionOf(*r.query).as<LogicalExpr>();
        QCOMPARE(int(orNode.op), int(LogicalOp::Or));
        QCOMPARE(orNode.operands.front().as<LogicalExpr>().operands.size(), size_t(4));
    }

    void sequenceKeepsEveryClause()
    {
        const std::string text = "sequence by user.name with maxspan=15m\n"
                                 "  [process where process.name == \"cmd.exe\"] by process.pid\n"
                                 "  [file where true] by process.pid with runs=2\n"
                                 "  ![network where true] by process.pid\n"
                                 "until [process where event.type == \"end\"] by process.pid";
        const auto r = parseQuery(text);
        QVERIFY2(r.ok(), qPrintable(allDiagnostics(text, r)));
        const auto& s = *r.query->sequence();
        QCOMPARE(s.by.size(), size_t(1));
        QCOMPARE(s.maxspan->text, std::string("15m"));
        QCOMPARE(s.maxspan->nanos, int64_t(15) * 60 * 1000000000);
        QCOMPARE(s.terms.size(), size_t(3));
        QCOMPARE(s.terms[1].runs, int64_t(2));
        QVERIFY(s.terms[2].missing);
        QVERIFY(s.until.has_value());
        QCOMPARE(s.until->filter.category.name, std::string("process"));
        // Spans are byte offsets into the text.
        const auto& t0 = s.terms[0];
        QCOMPARE(text.substr(t0.span.begin, t0.span.end - t0.span.begin),
            std::string("[process where process.name == \"cmd.exe\"] by process.pid"));
    }

    void sampleAndMaxspanUnits_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::addColumn<qint64>("nanos");
        QTest::newRow("days") << "d" << qint64(86400000000000);
        QTest::newRow("hours") << "h" << qint64(3600000000000);
        QTest::newRow("minutes") << "m" << qint64(60000000000);
        QTest::newRow("seconds") << "s" << qint64(1000000000);
        QTest::newRow("milliseconds") << "ms" << qint64(1000000);
        QTest::newRow("microseconds") << "micros" << qint64(1000);
        QTest::newRow("nanoseconds") << "nanos" << qint64(1);
    }
    void sampleAndMaxspanUnits()
    {
        QFETCH(QString, unit);
        QFETCH(qint64, nanos);
        const auto r
            = parseQuery("sequence with maxspan=2" + unit.toStdString() + " [a where true] [b where true]");
        QVERIFY(r.ok());
        QCOMPARE(r.query->sequence()->maxspan->nanos, 2 * nanos);
        const auto s = parseQuery("sample by host.id [a where true] [b where true]");
        QVERIFY(s.ok());
        QCOMPARE(s.query->sample()->terms.size(), size_t(2));
    }

    void functionsResolveCaseInsensitivelyWithTilde()
    {
        const auto r = parseQuery("any where STARTSWITH~(x, \"a\") and wildcard(y, \"*b\")");
        QVERIFY(r.ok());
        const auto& ops = conditionOf(*r.query).as<LogicalExpr>().operands;
        const auto& c = ops[0].as<CallExpr>();
        QCOMPARE(c.name, std::string("STARTSWITH"));
        QCOMPARE(c.canonical, std::string("startsWith"));
        QVERIFY(c.caseInsensitive);
        QCOMPARE(ops[1].as<CallExpr>().canonical, std::string("wildcard"));
    }

    void stringsDecodeEscapesAndRawStringsDoNot()
    {
        const auto r = parseQuery("any where a == \"C:\\\\x\\t\\\"\\u{e9}\" and b == \"\"\"C:\\x\\t\"\"\"");
        QVERIFY(r.ok());
        const auto& ops = conditionOf(*r.query).as<LogicalExpr>().operands;
        const auto& a = ops[0].as<CompareExpr>().right->as<LiteralExpr>();
        QCOMPARE(std::get<std::string>(a.value), std::string("C:\\x\t\"\xc3\xa9"));
        const auto& b = ops[1].as<CompareExpr>().right->as<LiteralExpr>();
        QVERIFY(b.raw);
        QCOMPARE(std::get<std::string>(b.value), std::string("C:\\x\\t"));
    }

    void commentsAreKept()
    {
        const auto r = parseQuery("/* a */ process where x == 1 // b\n and y == 2");
        QVERIFY(r.ok());
        QCOMPARE(r.query->comments.size(), size_t(2));
        QCOMPARE(r.query->comments[1].text, std::string("// b"));
    }

    void copiesAreDeepAndIndependent()
    {
        const auto r = parseQuery("any where x : (\"a\", \"b\")");
        Query copy = *r.query;
        copy.event()->filter.condition.as<PatternExpr>().items.pop_back();
        QCOMPARE(conditionOf(*r.query).as<PatternExpr>().items.size(), size_t(2));
        QVERIFY(!sameTree(copy, *r.query));
    }

    void hundredThousandParenthesesAreNestingTooDeep()
    {
        const std::string text = "any where " + std::string(100000, '(');
        const auto r = parseQuery(text);
        QVERIFY(!r.ok());
        QCOMPARE(r.diagnostics.back().code, std::string("nesting-too-deep"));
        QVERIFY(QString::fromStdString(r.diagnostics.back().message).startsWith("nesting too deep"));
    }

    void deepNotsBracketsAndMinusesAreBoundedToo_data()
    {
        QTest::addColumn<QString>("unit");
        QTest::newRow("not") << "not ";
        QTest::newRow("minus") << "- ";
        QTest::newRow("function call") << "length(";
        QTest::newRow("list") << "x in (";
        QTest::newRow("arithmetic chain") << "1 + ";
    }
    void deepNotsBracketsAndMinusesAreBoundedToo()
    {
        QFETCH(QString, unit);
        std::string text = "any where ";
        for (int i = 0; i < 50000; ++i)
            text += unit.toStdString();
        text += "1";
        const auto r = parseQuery(text);
        QVERIFY(!r.ok());
        QVERIFY(std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
            [](const Diagnostic& d) { return d.code == "nesting-too-deep"; }));
    }

    void tenMegabyteQueryParsesInLinearTime()
    {
        std::string text = "any where ";
        while (text.size() < 10000000)
            text += "process.name : (\"a*\", \"b\") or x == 1 or ";
        text += "true";
        const auto r = parseQuery(text);
        QVERIFY(r.ok());
        QVERIFY(conditionOf(*r.query).as<LogicalExpr>().operands.size() > 200000);
    }

    void invalidUtf8IsReportedAtItsOffset()
    {
        const std::string text = "any where x == \"ok\" or /* \xc3\x28 */ y == 1";
        const auto r = parseQuery(text);
        QVERIFY(!r.ok());
        QCOMPARE(r.diagnostics[0].code, std::string("invalid-utf8"));
        QCOMPARE(r.diagnostics[0].span.begin, uint32_t(26));
    }

    void arbitraryBytesNeverCrash()
    {
        std::mt19937 rng(12345);
        const std::string alphabet = "()[]!\"'`.,:|~?=<>+-*/% \n\tab1_@\\\x80\xff\xc3";
        const std::vector<std::string> words = {"sequence ", "sample ", "by ", "where ", "any ", "not ",
            "in ", "like~ ", "with ", "maxspan=", "runs=", "until ", "\"\"\"", "/*", "*/", "//", "process "};
        int diagnosed = 0;
        for (int i = 0; i < 3000; ++i) {
            std::string text;
            const int len = int(rng() % 60);
            for (int k = 0; k < len; ++k) {
                if (rng() % 3 == 0)
                    text += words[rng() % words.size()];
                else
                    text += alphabet[rng() % alphabet.size()];
            }
            const auto r = parseQuery(text);
            if (!r.ok()) {
                QVERIFY2(!r.diagnostics.empty(), text.c_str());
                ++diagnosed;
            } else {
                // What parses must format and parse back to the same tree.
                const auto again = parseQuery(formatQuery(*r.query));
                QVERIFY2(again.ok() && sameTree(*again.query, *r.query), text.c_str());
            }
        }
        QVERIFY(diagnosed > 0);
    }
};

QTEST_APPLESS_MAIN(TestEqlParser)
#include "tst_eql_parser.moc"
