// Differential testing of the executor: thousands of random event queries over random events,
// each run by the fast path (planner, dictionary-encoded columns, per-value caching) and by the
// simple reference evaluator in tests/support; both must return the same events in the same
// order. Deterministic: fixed seeds, a generator of our own.
#include "exec/query_runner.h"
#include "memsource/memory_source.h"
#include "support/reference_eval.h"
#include "support/reference_rng.h"

#include <QtTest>
#include <cstdint>
#include <string>
#include <vector>

using namespace eqlwb;

namespace {

using Rng = test::ReferenceRng;

const std::vector<std::string> kWords = {"alpha", "Alpha", "ALPHA", "beta", "alphabet", "cmd.exe", "CMD.EXE",
    "a*b", "x?y", "", "gamma ray", "delta-7", "C:\\Windows\\x.exe", "ümlaut"};
const std::vector<std::string> kIps
    = {"10.1.2.3", "10.200.0.1", "192.168.1.1", "8.8.8.8", "::1", "fe80::1", "2001:db8::5", "bad-ip"};
const std::vector<std::string> kCategories = {"process", "network", "file"};

std::string quote(const std::string& s)
{
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string randomScalarJson(Rng& rng, int kind)
{
    switch (kind) {
    case 0:
        return quote(rng.pick(kWords));
    case 1:
        return std::to_string(rng.below(9) - 3);
    case 2:
        return std::to_string(rng.below(9) - 3) + ".5";
    default:
        return rng.chance(50) ? "true" : "false";
    }
}

// A field value: usually one scalar of the field's main kind, sometimes another kind, an array,
// null, or nothing at all (empty string = leave the field out).
std::string randomFieldJson(Rng& rng, int kind)
{
    const int r = rng.below(100);
    if (r < 12)
        return "";
    if (r < 16)
        return "null";
    if (r < 28) {
        std::string arr = "[";
        const int n = rng.below(3);
        for (int i = 0; i <= n; ++i) {
            if (i)
                arr += ",";
            arr += rng.chance(10) ? "null" : randomScalarJson(rng, kind);
        }
        return arr + "]";
    }
    if (r < 31)
        return randomScalarJson(rng, rng.below(4));
    return randomScalarJson(rng, kind);
}

std::string randomEvent(Rng& rng, int index)
{
    std::string j = "{";
    j += "\"@timestamp\":\"2024-01-01T00:00:0" + std::to_string(rng.below(4)) + "Z\"";
    if (rng.chance(85))
        j += ",\"seq\":" + std::to_string(rng.below(30));
    if (rng.chance(90)) {
        if (rng.chance(20))
            j += ",\"event\":{\"category\":[" + quote(rng.pick(kCategories)) + ","
                + quote(rng.pick(kCategories)) + "]}";
        else
            j += ",\"event\":{\"category\":" + quote(rng.pick(kCategories)) + "}";
    }
    const std::vector<std::pair<std::string, int>> fields = {{"s1", 0}, {"n1", 1}, {"d1", 2}, {"b1", 3}};
    for (const auto& [name, kind] : fields) {
        const std::string v = randomFieldJson(rng, kind);
        if (!v.empty())
            j += ",\"" + name + "\":" + v;
    }
    // A nested field, written nested or as a literal dotted key.
    const std::string s2 = randomFieldJson(rng, 0);
    if (!s2.empty())
        j += rng.chance(50) ? ",\"obj\":{\"s2\":" + s2 + "}" : ",\"obj.s2\":" + s2;
    if (rng.chance(70))
        j += ",\"ip\":" + quote(rng.pick(kIps));
    j += ",\"idx\":" + std::to_string(index);
    return j + "}";
}

std::string stringField(Rng& rng) { return rng.chance(70) ? "s1" : "obj.s2"; }
std::string numberField(Rng& rng) { return rng.chance(70) ? "n1" : "d1"; }

std::string randomLiteral(Rng& rng)
{
    switch (rng.below(5)) {
    case 0:
    case 1:
        return quote(rng.pick(kWords));
    case 2:
        return std::to_string(rng.below(9) - 3);
    case 3:
        return std::to_string(rng.below(9) - 3) + ".5";
    default:
        return rng.chance(50) ? "true" : "null";
    }
}

std::string randomPattern(Rng& rng)
{
    std::string w = rng.pick(kWords);
    std::string p;
    for (char c : w) {
        const int r = rng.below(10);
        if (r == 0)
            p += '*';
        else if (r == 1)
            p += '?';
        else
            p += c;
    }
    if (rng.chance(30))
        p = "*" + p;
    if (rng.chance(30))
        p += "*";
    return quote(p);
}

std::string randomRegex(Rng& rng)
{
    const std::vector<std::string> res
        = {"al.*", "[a-c].*", "(alpha|beta)", ".*exe", "a.{2,4}a.*", "x?.*", ".*\\\\.*", "c.d\\\\.exe"};
    return quote(rng.pick(res));
}

std::string list(Rng& rng, std::string (*item)(Rng&))
{
    std::string s = "(";
    const int n = 1 + rng.below(3);
    for (int i = 0; i < n; ++i) {
        if (i)
            s += ", ";
        s += item(rng);
    }
    return s + ")";
}

std::string comparisonOp(Rng& rng)
{
    static const std::vector<std::string> ops = {"==", "!=", "<", "<=", ">", ">="};
    return rng.pick(ops);
}

std::string randomLeaf(Rng& rng)
{
    switch (rng.below(22)) {
    case 0:
        return stringField(rng) + " " + comparisonOp(rng) + " " + quote(rng.pick(kWords));
    case 1:
        return numberField(rng) + " " + comparisonOp(rng) + " " + randomLiteral(rng);
    case 2:
        return std::to_string(rng.below(5) - 2) + " " + comparisonOp(rng) + " " + numberField(rng);
    case 3:
        return stringField(rng) + (rng.chance(50) ? " == null" : " != null");
    case 4:
        return stringField(rng) + (rng.chance(50) ? " in " : " not in ") + list(rng, randomLiteral);
    case 5:
        return stringField(rng) + (rng.chance(50) ? " in~ " : " not in~ ")
            + list(rng, [](Rng& r) { return quote(r.pick(kWords)); });
    case 6: {
        static const std::vector<std::string> ops = {" : ", " like ", " like~ "};
        return stringField(rng) + rng.pick(ops)
            + (rng.chance(50) ? randomPattern(rng) : list(rng, randomPattern));
    }
    case 7:
        return stringField(rng) + (rng.chance(50) ? " regex " : " regex~ ") + randomRegex(rng);
    case 8:
        return std::string(rng.chance(50) ? "startsWith" : "endsWith") + (rng.chance(50) ? "~" : "") + "("
            + stringField(rng) + ", " + quote(rng.pick(kWords).substr(0, 2)) + ")";
    case 9:
        return "length(" + stringField(rng) + ") " + comparisonOp(rng) + " " + std::to_string(rng.below(8));
    case 10:
        return "indexOf~(" + stringField(rng) + ", \"a\") " + comparisonOp(rng) + " "
            + std::to_string(rng.below(3));
    case 11:
        return "concat(" + stringField(rng) + ", " + numberField(rng) + ") : " + randomPattern(rng);
    case 12:
        return "cidrMatch(ip, \"10.0.0.0/8\"" + std::string(rng.chance(50) ? ", \"::1/128\"" : "") + ")";
    case 13:
        return "string(" + numberField(rng) + ") : \"1*\"";
    case 14:
        return numberField(rng) + " + " + std::to_string(rng.below(3)) + " " + comparisonOp(rng) + " "
            + std::to_string(rng.below(5) - 1);
    case 15:
        return numberField(rng) + " * 2 " + comparisonOp(rng) + " " + std::to_string(rng.below(5) - 2)
            + (rng.chance(50) ? ".0" : "");
    case 16:
        return "length(" + stringField(rng) + ") " + comparisonOp(rng) + " " + numberField(rng);
    case 17:
        return "concat(s1, obj.s2) " + std::string(rng.chance(50) ? "==" : "!=") + " "
            + quote(rng.pick(kWords) + rng.pick(kWords));
    case 18: {
        static const std::vector<std::string> consts
            = {"true", "false", "null == null", "1 < 2", "null", "?nothing.here == null", "?nothing.here"};
        return rng.pick(consts);
    }
    case 19:
        return rng.chance(50) ? "b1" : "b1 == false";
    case 20:
        return "wildcard(" + stringField(rng) + ", " + randomPattern(rng) + ")";
    default:
        return "between~(" + stringField(rng) + ", \"a\", \"a\") : \"*l*\"";
    }
}

std::string randomCondition(Rng& rng, int depth)
{
    if (depth <= 0 || rng.chance(35))
        return randomLeaf(rng);
    switch (rng.below(4)) {
    case 0:
        return randomCondition(rng, depth - 1) + " and " + randomCondition(rng, depth - 1);
    case 1:
        return randomCondition(rng, depth - 1) + " or " + randomCondition(rng, depth - 1);
    case 2:
        return "not (" + randomCondition(rng, depth - 1) + ")";
    default:
        return "(" + randomCondition(rng, depth - 1) + ")";
    }
}

QString idsText(const std::vector<int64_t>& ids)
{
    QStringList parts;
    for (auto id : ids)
        parts << QString::number(id);
    return "[" + parts.join(",") + "]";
}

} // namespace

class TestExecDifferential : public QObject {
    Q_OBJECT

private slots:
    void fastPathAndReferenceReturnTheSameEvents_data()
    {
        QTest::addColumn<quint64>("seed");
        // EQLWB_DIFF_SEEDS=N runs more seeds when hunting for a divergence.
        const quint64 seeds = qEnvironmentVariableIsSet("EQLWB_DIFF_SEEDS")
            ? qEnvironmentVariableIntValue("EQLWB_DIFF_SEEDS")
            : 8;
        for (quint64 seed = 1; seed <= seeds; ++seed)
            QTest::newRow(qPrintable(QString("seed %1").arg(seed))) << seed;
    }

    void fastPathAndReferenceReturnTheSameEvents()
    {
        QFETCH(quint64, seed);
        Rng rng(seed * 7919);
        std::vector<std::string> events;
        MemorySource source;
        const int eventCount = 40 + rng.below(60);
        for (int i = 0; i < eventCount; ++i) {
            events.push_back(randomEvent(rng, i + 1));
            QVERIFY2(source.addEvent(events.back()).ok(), events.back().c_str());
        }
        // One cache for every query of this seed, so per-value results cached by one query are
        // reused (and must stay right) in the next.
        ColumnCache cache;
        int compared = 0, withResults = 0;
        for (int q = 0; q < 500; ++q) {
            std::string query = (rng.chance(25) ? std::string("any") : rng.pick(kCategories)) + " where "
                + randomCondition(rng, 3);
            if (rng.chance(15))
                query += rng.chance(50) ? " | head " : " | tail ";
            if (query.back() == ' ')
                query += std::to_string(1 + rng.below(5));
            RunOptions options;
            if (rng.chance(70))
                options.tiebreakerField = "seq";
            if (rng.chance(10))
                options.size = rng.below(6);
            auto fast = runQuery(source, cache, query, options);
            auto reference = test::referenceRun(events, query, options);
            QVERIFY2(fast.ok() == reference.ok(),
                qPrintable(QString::fromStdString(query) + "\nfast: "
                    + (fast ? QString("ok") : QString::fromStdString(fast.error().message)) + "\nreference: "
                    + (reference ? QString("ok") : QString::fromStdString(reference.error().message))));
            if (!fast)
                continue;
            const auto fastIds = fast->eventIds();
            QVERIFY2(fastIds == *reference,
                qPrintable(QString::fromStdString(query) + "\nfast:      " + idsText(fastIds)
                    + "\nreference: " + idsText(*reference)));
            // Again, warm: cached per-value results and row sets must give the same answer.
            auto again = runQuery(source, cache, query, options);
            QVERIFY(again.ok());
            QCOMPARE(again->eventIds(), fastIds);
            ++compared;
            withResults += !fastIds.empty();
        }
        // The generator must make queries that select something, or the comparison is empty.
        QVERIFY2(withResults > compared / 5,
            qPrintable(QString("only %1 of %2 queries matched events").arg(withResults).arg(compared)));
    }
};

QTEST_APPLESS_MAIN(TestExecDifferential)
#include "tst_exec_differential.moc"
