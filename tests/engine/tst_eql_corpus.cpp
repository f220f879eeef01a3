// Every EQL query of Elastic's detection-rules repository (../shared/corpus) parses without an
// error, formats, and survives the round trip: format(format(q)) == format(q), same tree.
#include "eql/ast_compare.h"
#include "eql/formatter.h"
#include "eql/parser.h"
#include "support/test_paths.h"

#include <QtTest>
#include <nlohmann/json.hpp>

using namespace eqlwb;
using namespace eqlwb::eql;

class TestEqlCorpus : public QObject {
    Q_OBJECT
private slots:
    void everyDetectionRuleQueryParsesAndRoundTrips()
    {
        EQLWB_REQUIRE_SHARED();
        QFile f(test::sharedDir() + "/corpus/detection-rules-eql.jsonl");
        QVERIFY(f.open(QIODevice::ReadOnly));
        int total = 0, parsed = 0, roundTripped = 0;
        QStringList failures;
        while (!f.atEnd()) {
            const auto line = f.readLine().toStdString();
            const auto j = nlohmann::json::parse(line, nullptr, false);
            if (!j.is_object() || !j.contains("query"))
                continue;
            const auto text = j["query"].get<std::string>();
            const auto path = QString::fromStdString(j.value("path", std::string()));
            ++total;
            const auto r = parseQuery(text);
            if (!r.ok()) {
                failures << path + ": "
                        + QString::fromStdString(formatDiagnostic(text, r.diagnostics.front()));
                continue;
            }
            ++parsed;
            const auto once = formatQuery(*r.query);
            const auto again = parseQuery(once);
            if (again.ok() && sameTree(*again.query, *r.query) && formatQuery(*again.query) == once)
                ++roundTripped;
            else
                failures << path + ": format round trip differs";
        }
        qInfo("corpus: %d queries, %d parsed without error, %d survived the format round trip", total, parsed,
            roundTripped);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.mid(0, 20).join('\n')));
        QCOMPARE(total, 1081);
        QCOMPARE(parsed, total);
        QCOMPARE(roundTripped, total);
    }
};

QTEST_APPLESS_MAIN(TestEqlCorpus)
#include "tst_eql_corpus.moc"
