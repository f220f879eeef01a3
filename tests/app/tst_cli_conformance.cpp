// eqlwb conformance over Elasticsearch's whole EQL QA suite: every event, sequence and sample
// query, so a regression anywhere in the executor fails the build.
#include "support/cli_runner.h"
#include "support/test_paths.h"

#include <QRegularExpression>
#include <QtTest>

using namespace eqlwb::test;

class TestCliConformance : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theWholeElasticsearchSuitePasses()
    {
        EQLWB_REQUIRE_SHARED();
        const auto r = runCli({"conformance", sharedDir() + "/conformance/es-eql"});
        const QStringList lines = r.outLines();
        QVERIFY(!lines.isEmpty());
        const QString summary = lines.last();
        QVERIFY2(r.exitCode == 0, qPrintable(QString::fromUtf8(r.out.right(4000))));
        const auto m = QRegularExpression(QStringLiteral("^(\\d+) passed, 0 failed(, (\\d+) skipped)?$"))
                           .match(summary);
        QVERIFY2(m.hasMatch(), qPrintable(summary));
        // 301 data-backed queries plus the fold cases that Elasticsearch itself runs.
        QVERIFY2(m.captured(1).toInt() >= 455, qPrintable(summary));
        QVERIFY2(m.captured(3).toInt() <= 38, qPrintable(summary)); // only test_unsupported.toml's
    }

    void aMissingFolderIsAUsageError()
    {
        const auto r = runCli({"conformance", tempDir() + "/no-such-suite"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliConformance)
#include "tst_cli_conformance.moc"
