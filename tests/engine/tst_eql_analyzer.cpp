// The analyzer's warnings and the dialect rewrites (wildcard() <-> like / :).
#include "eql/analyzer.h"
#include "eql/formatter.h"
#include "eql/parser.h"
#include "eql/rewrite.h"

#include <QtTest>

using namespace eqlwb;
using namespace eqlwb::eql;

namespace {

QStringList warningCodes(const std::string& text, const FieldCatalog& catalog)
{
    const auto r = parseQuery(text);
    QStringList out;
    if (!r.ok())
        return {"parse-error"};
    for (const auto& d : analyzeQuery(*r.query, catalog))
        out << QString::fromStdString(d.code);
    return out;
}

} // namespace

class TestEqlAnalyzer : public QObject {
    Q_OBJECT
private slots:
    void ecsCatalogueIsEmbedded()
    {
        QVERIFY(ecsFieldCount() > 2000);
        QCOMPARE(int(ecsCatalog().find("process.pid")->type), int(FieldType::Number));
        QCOMPARE(int(ecsCatalog().find("process.name")->type), int(FieldType::String));
        QVERIFY(ecsCatalog().find("labels.anything").has_value()); // below an object field
        QVERIFY(!ecsCatalog().find("process.nonsense").has_value());
    }

    void warnsAboutLikelyMistakes_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("codes");
        QTest::newRow("clean query") << "process where process.name : \"cmd.exe\"" << QStringList{};
        QTest::newRow("unknown field") << "process where foo.bar == 1" << QStringList{"unknown-field"};
        QTest::newRow("optional unknown field is fine") << "process where ?foo.bar == 1" << QStringList{};
        QTest::newRow("string field against a number")
            << "process where user.name == 5" << QStringList{"type-mismatch"};
        QTest::newRow("number field against a string")
            << "process where process.pid in (\"1\")" << QStringList{"type-mismatch"};
        QTest::newRow("== with a star")
            << "process where user.name == \"adm*\"" << QStringList{"eq-wildcard"};
        QTest::newRow("== on a field that varies in case")
            << "process where process.executable != \"C:\\\\x.exe\"" << QStringList{"case-sensitive-eq"};
        QTest::newRow("in on a field that varies in case")
            << "process where file.path in (\"a\", \"b\")" << QStringList{"case-sensitive-eq"};
        QTest::newRow("in~ is fine") << "process where file.path in~ (\"a\", \"b\")" << QStringList{};
        QTest::newRow("deprecated wildcard")
            << "process where wildcard(user.name, \"a*\")" << QStringList{"deprecated-wildcard"};
    }
    void warnsAboutLikelyMistakes()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, codes);
        QCOMPARE(warningCodes(query.toStdString(), ecsCatalog()), codes);
    }

    void workspaceFieldsJoinTheCatalogue()
    {
        MapCatalog workspace;
        workspace.add("winlog.event_data.Image", {FieldType::String, "keyword"});
        LayeredCatalog both;
        both.add(&ecsCatalog());
        both.add(&workspace);
        QCOMPARE(warningCodes("process where winlog.event_data.Image : \"x\"", both), QStringList{});
        QCOMPARE(warningCodes("process where winlog.event_data.Image : \"x\"", ecsCatalog()),
            QStringList{"unknown-field"});
    }

    void deprecatedWildcardOffersTheLikeFix()
    {
        const auto r = parseQuery("any where wildcard(process.name, \"a*\", \"b\")");
        const auto ds = analyzeQuery(*r.query, ecsCatalog());
        QCOMPARE(ds.size(), size_t(1));
        QCOMPARE(QString::fromStdString(ds[0].fix), QStringLiteral("process.name like (\"a*\", \"b\")"));
        QCOMPARE(int(ds[0].severity), int(Severity::Warning));
    }

    void rewritesBetweenDialects_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("direction"); // 0: to like, 1: to :, 2: to wildcard()
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("keepsMeaning");
        QTest::newRow("wildcard to like keeps the meaning")
            << "any where wildcard(f, \"a\", \"b*\")" << 0 << "any where f like (\"a\", \"b*\")" << true;
        QTest::newRow("one pattern needs no list")
            << "any where wildcard(f, \"a*\")" << 0 << "any where f like \"a*\"" << true;
        QTest::newRow("wildcard to : ignores case")
            << "any where wildcard(f, \"a\", \"b*\")" << 1 << "any where f : (\"a\", \"b*\")" << false;
        QTest::newRow("under not the missing-field rule differs")
            << "any where not wildcard(f, \"a\")" << 0 << "any where not f like \"a\"" << false;
        QTest::newRow("like back to wildcard keeps the meaning")
            << "any where f like (\"a\", \"b\") and g == 1" << 2
            << "any where wildcard(f, \"a\", \"b\") and g == 1" << true;
        QTest::newRow(": back to wildcard changes case")
            << "any where f : \"a*\"" << 2 << "any where wildcard(f, \"a*\")" << false;
        QTest::newRow("inside sequences too")
            << "sequence [a where wildcard(f, \"x\")] [b where true]" << 0
            << "sequence\n  [a where f like \"x\"]\n  [b where true]" << true;
    }
    void rewritesBetweenDialects()
    {
        QFETCH(QString, query);
        QFETCH(int, direction);
        QFETCH(QString, expected);
        QFETCH(bool, keepsMeaning);
        auto r = parseQuery(query.toStdString());
        QVERIFY(r.ok());
        const auto report = direction == 2
            ? patternsToWildcard(*r.query)
            : wildcardToPatterns(*r.query, direction == 0 ? WildcardTarget::Like : WildcardTarget::Colon);
        QCOMPARE(report.rewritten, 1);
        QCOMPARE(report.keepsMeaning, keepsMeaning);
        QCOMPARE(report.notes.empty(), keepsMeaning);
        const auto printed = formatQuery(*r.query);
        QCOMPARE(QString::fromStdString(printed), expected);
        QVERIFY(parseQuery(printed).ok());
    }
};

QTEST_APPLESS_MAIN(TestEqlAnalyzer)
#include "tst_eql_analyzer.moc"
