// Golden files pin the lexer's highlighting and the formatter's output for the queries in
// tests/data/eql/golden_queries.eql (separated by lines holding "==="). Regenerate after an
// intended change with EQLWB_UPDATE_GOLDENS=1 and review the diff.
#include "eql/ast_compare.h"
#include "eql/formatter.h"
#include "eql/lexer.h"
#include "eql/parser.h"
#include "support/test_paths.h"

#include <QtTest>

using namespace eqlwb::eql;

namespace {

QString dataDir() { return eqlwb::test::sourceDir() + "/tests/data/eql"; }

QStringList goldenQueries()
{
    QFile f(dataDir() + "/golden_queries.eql");
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList out;
    for (const auto& q : QString::fromUtf8(f.readAll()).split("\n===\n"))
        out << q.trimmed();
    return out;
}

QString tokensOf(const QString& query)
{
    const auto text = query.toStdString();
    QString out;
    for (const auto& t : highlightText(text))
        out += QStringLiteral("%1 %2\n")
                   .arg(QString::fromLatin1(tokenClassName(t.cls)), -11)
                   .arg(QString::fromStdString(text.substr(t.begin, t.end - t.begin)));
    return out;
}

// Compares with the golden file, or rewrites it when EQLWB_UPDATE_GOLDENS=1.
bool matchesGolden(const QString& name, const QString& actual, QString& why)
{
    const QString path = dataDir() + "/" + name;
    if (qEnvironmentVariableIntValue("EQLWB_UPDATE_GOLDENS") == 1) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        f.write(actual.toUtf8());
        return true;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        why = "missing golden " + path + " (run with EQLWB_UPDATE_GOLDENS=1)";
        return false;
    }
    const auto expected = QString::fromUtf8(f.readAll());
    if (expected != actual)
        why = "differs from " + path + ":\n--- expected\n" + expected + "\n--- actual\n" + actual;
    return expected == actual;
}

} // namespace

class TestEqlGolden : public QObject {
    Q_OBJECT
private slots:
    void goldenQueriesAreThere() { QCOMPARE(goldenQueries().size(), 6); }

    void tokensMatchTheGolden_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < goldenQueries().size(); ++i)
            QTest::newRow(qPrintable(QString::number(i + 1))) << i;
    }
    void tokensMatchTheGolden()
    {
        QFETCH(int, index);
        QString why;
        QVERIFY2(matchesGolden(QStringLiteral("tokens_%1.golden").arg(index + 1),
                     tokensOf(goldenQueries()[index]), why),
            qPrintable(why));
    }

    void formattingMatchesTheGoldenAndIsStable_data() { tokensMatchTheGolden_data(); }
    void formattingMatchesTheGoldenAndIsStable()
    {
        QFETCH(int, index);
        const auto text = goldenQueries()[index].toStdString();
        const auto r = parseQuery(text);
        QVERIFY(r.ok());
        const auto once = formatQuery(*r.query);
        const auto again = parseQuery(once);
        QVERIFY(again.ok());
        QVERIFY(sameTree(*again.query, *r.query));
        QCOMPARE(QString::fromStdString(formatQuery(*again.query)), QString::fromStdString(once));
        QString why;
        QVERIFY2(matchesGolden(QStringLiteral("format_%1.golden").arg(index + 1),
                     QString::fromStdString(once) + "\n", why),
            qPrintable(why));
    }

    void highlightingRestartsFromAnyLine()
    {
        // Line by line with the carried state must give the same classes as the whole text.
        const std::string text = "any where x == \"\"\"a\nb\"\"\" /* c\nd */ and y : \"z\" // e";
        LexState state;
        QStringList perLine;
        size_t start = 0;
        QList<LexState> states;
        while (start <= text.size()) {
            auto end = text.find('\n', start);
            if (end == std::string::npos)
                end = text.size();
            for (const auto& t : highlightLine(std::string_view(text).substr(start, end - start), state))
                perLine << QString::fromLatin1(tokenClassName(t.cls));
            states << state;
            start = end + 1;
        }
        QCOMPARE(int(states[0].mode), int(LexState::Mode::RawString));
        QCOMPARE(int(states[1].mode), int(LexState::Mode::BlockComment));
        QCOMPARE(int(states[2].mode), int(LexState::Mode::Normal));
        QCOMPARE(perLine.join(' '),
            QStringLiteral(
                "keyword keyword field operator string string comment comment keyword field operator "
                "string comment"));
    }
};

QTEST_APPLESS_MAIN(TestEqlGolden)
#include "tst_eql_golden.moc"
