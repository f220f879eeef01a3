// Event-query semantics of the executor, one behaviour per row, over a small shipped event set
// (tests/data/exec/semantics.ndjson): case rules, wildcards, regex, three-valued logic with
// missing fields, Elasticsearch's negation quirk on bare fields (and null logic through
// functions), multi-valued fields, arithmetic, cidrMatch, dates, ?fields, ordering and pipes.
#include "exec/query_runner.h"
#include "memsource/memory_source.h"
#include "support/reference_rng.h"
#include "support/test_paths.h"

#include <QFile>
#include <QtTest>

using namespace eqlwb;

namespace {

std::unique_ptr<MemorySource> loadSemanticsEvents()
{
    auto source = std::make_unique<MemorySource>();
    QFile file(test::sourceDir() + "/tests/data/exec/semantics.ndjson");
    if (!file.open(QIODevice::ReadOnly))
        return nullptr;
    for (const QByteArray& line : file.readAll().split('\n'))
        if (!line.trimmed().isEmpty() && !source->addEvent(line.toStdString()).ok())
            return nullptr;
    return source;
}

QList<qint64> ids(const QueryResult& r)
{
    QList<qint64> out;
    for (auto id : r.eventIds())
        out << id;
    return out;
}

} // namespace

class TestExecSemantics : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<MemorySource> source_;

private slots:
    void initTestCase()
    {
        source_ = loadSemanticsEvents();
        QVERIFY(source_);
        QCOMPARE(source_->size(), size_t(8));
    }

    void eventQueryReturnsTheExpectedEventsInOrder_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QList<qint64>>("expected");
        using L = QList<qint64>;
        // Case rules.
        QTest::newRow("== is case-sensitive") << "process where process.name == \"cmd.exe\"" << L{1};
        QTest::newRow(": is case-insensitive") << "process where process.name : \"cmd.exe\"" << L{1, 2};
        QTest::newRow("like is case-sensitive") << "process where process.name like \"CMD.*\"" << L{2};
        QTest::newRow("like~ is case-insensitive") << "process where process.name like~ \"cmd.*\"" << L{1, 2};
        QTest::newRow("in is case-sensitive") << "process where process.name in (\"cmd.exe\", \"x\")" << L{1};
        QTest::newRow("in~ is case-insensitive") << "process where process.name in~ (\"cmd.exe\")" << L{1, 2};
        QTest::newRow("in~ takes * literally") << "process where process.name in~ (\"cmd*\")" << L{};
        QTest::newRow("regex is case-sensitive")
            << "process where process.name regex \"c.d\\\\.exe\"" << L{1};
        QTest::newRow("regex~ is case-insensitive")
            << "process where process.name regex~ \"c.d\\\\.exe\"" << L{1, 2};
        QTest::newRow("regex .*? is an optional repeat")
            << "process where process.name regex \"c.*?exe\"" << L{1};
        QTest::newRow("== never expands *") << "process where process.name == \"cmd*\"" << L{};
        // Wildcards cover the whole value.
        QTest::newRow("wildcard anchors both ends") << "process where process.name : \"md.exe\"" << L{};
        QTest::newRow("? is one character") << "process where process.name : \"cm?.exe\"" << L{1, 2};
        QTest::newRow("pattern list is an or")
            << "any where process.name : (\"chrome*\", \"svc*\")" << L{4, 7};
        QTest::newRow("backslash is an ordinary character")
            << "file where file.path : \"C:\\\\Windows\\\\*.dll\"" << L{6};
        QTest::newRow("7.x wildcard() is like")
            << "any where wildcard(process.name, \"cmd*\", \"svc*\")" << L{1, 7, 8};
        // Missing fields and null.
        QTest::newRow("ordering skips missing") << "process where process.exit_code >= 0" << L{1, 2};
        QTest::newRow("ordering skips missing (<)") << "process where process.exit_code < 0" << L{};
        QTest::newRow("== null is a presence test") << "process where process.exit_code == null" << L{3, 7};
        QTest::newRow("!= null is a presence test") << "process where process.exit_code != null" << L{1, 2};
        QTest::newRow("null == (comparison) is true where missing")
            << "process where null == (process.exit_code > -1)" << L{3, 7};
        // Elasticsearch's negation quirk: bare field vs literal matches where the field is missing...
        QTest::newRow("!= matches missing") << "process where process.name != \"cmd.exe\"" << L{2, 3, 7};
        QTest::newRow("not : matches missing") << "process where not process.name : \"cmd*\"" << L{3, 7};
        QTest::newRow("not in matches missing")
            << "process where process.name not in (\"cmd.exe\", \"CMD.EXE\")" << L{3, 7};
        QTest::newRow("not (in) matches missing")
            << "process where not process.name in (\"cmd.exe\", \"CMD.EXE\")" << L{3, 7};
        QTest::newRow("not > matches missing") << "process where not process.pid > 11" << L{1, 2, 7};
        // ...while the same test through a function follows null logic.
        QTest::newRow("not function(...) skips missing")
            << "process where not length(process.name) > 7" << L{1, 2};
        QTest::newRow("!= through a function skips missing")
            << "process where substring(process.name, 0) != \"cmd.exe\"" << L{2, 7};
        // Multi-valued fields: any element.
        QTest::newRow("any element matches") << "network where process.name == \"b.exe\"" << L{5};
        QTest::newRow("negation excludes when any element matches")
            << "network where process.name != \"b.exe\"" << L{4};
        QTest::newRow("category array") << "file where true" << L{5, 6};
        QTest::newRow("array field pattern") << "any where process.args : \"/C\"" << L{1};
        QTest::newRow("function over multi-valued field, any element")
            << "any where startsWith(process.name, \"b\")" << L{5};
        // Arithmetic.
        QTest::newRow("integer division truncates") << "process where process.pid / 4 == 2" << L{1, 2};
        QTest::newRow("float division") << "process where process.pid / 4.0 == 2.5" << L{1};
        QTest::newRow("modulo") << "process where process.pid % 5 == 1" << L{2};
        QTest::newRow("int vs double equality") << "network where destination.port == 80.5" << L{5};
        QTest::newRow("int literal vs double value") << "network where destination.port > 80" << L{4, 5};
        // cidrMatch, IPv4 and IPv6.
        QTest::newRow("cidrMatch IPv4") << "process where cidrMatch(source.ip, \"10.0.0.0/8\")" << L{1};
        QTest::newRow("cidrMatch ignores host bits")
            << "process where cidrMatch(source.ip, \"10.6.48.157/8\")" << L{1};
        QTest::newRow("cidrMatch IPv6")
            << "process where cidrMatch(source.ip, \"2001:db8::/32\", \"1.2.3.4/32\")" << L{3};
        // Dates against ISO text and epoch millis.
        QTest::newRow("timestamp vs ISO") << "any where @timestamp >= \"2024-05-01T10:00:06Z\"" << L{6, 7, 8};
        QTest::newRow("timestamp vs epoch millis") << "any where @timestamp == 1714557601000" << L{1};
        QTest::newRow("timestamp vs ISO with offset")
            << "any where @timestamp == \"2024-05-01T12:00:01+02:00\"" << L{1};
        // Optional fields.
        QTest::newRow("unknown ?field is null") << "process where ?no.such.field == null" << L{1, 2, 3, 7};
        QTest::newRow("unknown ?field as condition") << "process where ?no.such.field" << L{};
        QTest::newRow("known ?field is the field") << "process where ?process.pid == 12" << L{3};
        // Three-valued logic.
        QTest::newRow("false or null is null")
            << "process where process.exit_code > 5 or process.pid == 12" << L{3};
        QTest::newRow("true and null is null")
            << "process where process.pid > 0 and length(process.name) > 0" << L{1, 2};
        // Pipes and ordering.
        QTest::newRow("head") << "any where true | head 2" << L{1, 2};
        QTest::newRow("tail keeps ascending order") << "any where true | tail 3" << L{6, 7, 8};
        QTest::newRow("head then tail") << "any where true | head 4 | tail 2" << L{3, 4};
        QTest::newRow("equal timestamps keep insertion order")
            << "any where process.name : (\"explorer.exe\", \"svc*\")" << L{6, 7};
        QTest::newRow("any includes events without a category")
            << "any where process.name == \"cmd.exe\"" << L{1, 8};
        QTest::newRow("field written as a dotted key")
            << "process where process.name == \"svchost.exe\"" << L{7};
    }

    void eventQueryReturnsTheExpectedEventsInOrder()
    {
        QFETCH(QString, query);
        QFETCH(QList<qint64>, expected);
        auto result = runQuery(*source_, query.toStdString(), RunOptions{});
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        QCOMPARE(ids(*result), expected);
    }

    void tiebreakerOrdersEventsWithTheSameTimestamp()
    {
        RunOptions options;
        options.tiebreakerField = "seq";
        auto result = runQuery(*source_, "any where process.name : (\"explorer.exe\", \"svc*\")", options);
        QVERIFY(result.ok());
        QCOMPARE(ids(*result), (QList<qint64>{7, 6}));
    }

    void anotherTimestampFieldOrdersTheResults()
    {
        MemorySource source;
        QVERIFY(source.addEvent(R"({"@timestamp":1,"t":"2024-01-02T00:00:00Z","n":1})").ok());
        QVERIFY(source.addEvent(R"({"@timestamp":2,"t":"2024-01-01T00:00:00Z","n":2})").ok());
        RunOptions options;
        QCOMPARE(ids(*runQuery(source, "any where true", options)), (QList<qint64>{1, 2}));
        options.timestampField = std::string(1, 't'); // not = "t": a GCC 12 -Wrestrict false positive
        QCOMPARE(ids(*runQuery(source, "any where true", options)), (QList<qint64>{2, 1}));
        QCOMPARE(
            ids(*runQuery(source, "any where t > \"2024-01-01T12:00:00Z\"", options)), (QList<qint64>{1}));
    }

    void sizeKeepsTheFirstResults()
    {
        RunOptions options;
        options.size = 3;
        auto result = runQuery(*source_, "any where true", options);
        QVERIFY(result.ok());
        QCOMPARE(ids(*result), (QList<qint64>{1, 2, 3}));
        QCOMPARE(result->eventsScanned, uint64_t(8));
    }

    void unknownFieldIsAWarningAndMissingByDefault()
    {
        auto result = runQuery(*source_, "process where no.such.field != 1", RunOptions{});
        QVERIFY(result.ok());
        QCOMPARE(ids(*result), (QList<qint64>{1, 2, 3, 7}));
        QCOMPARE(result->diagnostics.size(), size_t(1));
        QCOMPARE(QString::fromStdString(result->diagnostics[0].code), QString("unknown-field"));
        QCOMPARE(result->diagnostics[0].severity, Severity::Warning);
    }

    void unknownFieldIsAnErrorWhenStrict()
    {
        RunOptions options;
        options.strict = true;
        auto result = runQuery(*source_, "process where no.such.field != 1", options);
        QVERIFY(!result.ok());
        QCOMPARE(QString::fromStdString(result.error().code), QString("unknown-field"));
        QCOMPARE(result.error().span.begin, 14u);
    }

    void invalidQueriesAreErrorsNotCrashes_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("code");
        QTest::newRow("parse error") << "process where ("
                                     << "parse";
        // The parser already rejects unknown functions, wrong arities and missing ~ forms.
        QTest::newRow("unknown function") << "process where nosuch(process.name)"
                                          << "parse";
        QTest::newRow("wrong arity") << "process where length()"
                                     << "parse";
        QTest::newRow("bad regex") << "process where process.name regex \"a(\""
                                   << "bad-regex";
        QTest::newRow("ambiguous class") << "process where process.name regex \"\\\\s+\""
                                         << "bad-regex";
        QTest::newRow("constant division by zero") << "process where 1 / 0 == 1"
                                                   << "division-by-zero";
        QTest::newRow("no ~ form") << "process where length~(process.name) == 1"
                                   << "parse";
        QTest::newRow("non-literal pattern") << "process where process.name : process.pid"
                                             << "parse";
    }

    void invalidQueriesAreErrorsNotCrashes()
    {
        QFETCH(QString, query);
        QFETCH(QString, code);
        auto result = runQuery(*source_, query.toStdString(), RunOptions{});
        QVERIFY(!result.ok());
        QCOMPARE(QString::fromStdString(result.error().code), code);
    }

    void divisionByZeroAtRunTimeIsAnError()
    {
        auto result = runQuery(*source_, "process where 10 / (process.pid - 10) == 1", RunOptions{});
        QVERIFY(!result.ok());
        QCOMPARE(QString::fromStdString(result.error().code), QString("division-by-zero"));
    }

    void cachedRunsGiveTheSameResultsAndNewDataDropsTheCache()
    {
        MemorySource source;
        QVERIFY(source.addEvent(R"({"@timestamp":1,"event":{"category":"process"},"process":{"name":"a"}})")
                    .ok());
        ColumnCache cache;
        const std::string query = "process where process.name : \"a*\"";
        auto first = runQuery(source, cache, query, RunOptions{});
        auto second = runQuery(source, cache, query, RunOptions{});
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(ids(*first), (QList<qint64>{1}));
        QCOMPARE(ids(*second), (QList<qint64>{1}));
        QVERIFY(source.addEvent(R"({"@timestamp":2,"event":{"category":"process"},"process":{"name":"ab"}})")
                    .ok());
        auto third = runQuery(source, cache, query, RunOptions{});
        QVERIFY(third.ok());
        QCOMPARE(ids(*third), (QList<qint64>{1, 2}));
    }

    void cancelledRunStops()
    {
        CancelToken cancel;
        cancel.cancel();
        ColumnCache cache;
        auto result = runQuery(*source_, cache, "any where true", RunOptions{}, cancel);
        QVERIFY(!result.ok());
        QCOMPARE(QString::fromStdString(result.error().code), QString("cancelled"));
    }

    void mutatedQueriesGiveResultsOrErrorsNeverCrashes()
    {
        const std::vector<std::string> seeds = {
            "process where process.name : (\"cmd*\", \"x?\") and not process.pid in (1, 2)",
            "any where length(concat(process.name, process.pid)) > 3 or cidrMatch(source.ip, \"10.0.0.0/8\")",
            "network where process.name regex~ \"[a-c]+.*\" and destination.port / 2 >= 40 | tail 2",
            "process where between~(process.name, \"c\", \"e\") : \"*d*\" and ?x == null"};
        test::ReferenceRng rng(42);
        const std::string alphabet = "()[]\"\\*?~:=!<>|,.-+/%09azAZ \n\x01\xff";
        int ran = 0;
        for (int i = 0; i < 3000; ++i) {
            std::string q = rng.pick(seeds);
            const int edits = 1 + rng.below(4);
            for (int e = 0; e < edits && !q.empty(); ++e) {
                const size_t at = static_cast<size_t>(rng.below(static_cast<int>(q.size())));
                const char c = alphabet[static_cast<size_t>(rng.below(static_cast<int>(alphabet.size())))];
                switch (rng.below(3)) {
                case 0:
                    q[at] = c;
                    break;
                case 1:
                    q.insert(at, 1, c);
                    break;
                default:
                    q.erase(at, 1);
                }
            }
            auto result = runQuery(*source_, q, RunOptions{});
            ran += result.ok();
        }
        QVERIFY(ran > 0); // some mutations stay valid queries and run
    }

    void deeplyNestedQueryIsHandled()
    {
        std::string query = "any where ";
        // 65 levels of `not (...)` (an odd number of negations), near the parser's depth limit.
        for (int i = 0; i < 65; ++i)
            query += "not (";
        query += "process.pid != 10";
        for (int i = 0; i < 65; ++i)
            query += ")";
        auto result = runQuery(*source_, query, RunOptions{});
        QVERIFY(result.ok());
        QCOMPARE(ids(*result), (QList<qint64>{1}));
    }
};

QTEST_APPLESS_MAIN(TestExecSemantics)
#include "tst_exec_semantics.moc"
