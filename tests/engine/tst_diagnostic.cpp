// Diagnostics as values: line:column positions and the printed form.
#include "core/diagnostic.h"

#include <QtTest>

using namespace eqlwb;

class TestDiagnostic : public QObject {
    Q_OBJECT
private slots:
    void lineColumn_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("start") << "abc" << 0 << 1 << 1;
        QTest::newRow("same line") << "abc" << 2 << 1 << 3;
        QTest::newRow("after newline") << "ab\ncd" << 4 << 2 << 2;
        QTest::newRow("columns count characters, not bytes") << QString::fromUtf8("\xc3\xa9x") << 2 << 1 << 2;
        QTest::newRow("offset past end clamps") << "ab" << 99 << 1 << 3;
    }
    void lineColumn()
    {
        QFETCH(QString, text);
        QFETCH(int, offset);
        QFETCH(int, line);
        QFETCH(int, column);
        const auto lc = lineColumnAt(text.toStdString(), static_cast<uint32_t>(offset));
        QCOMPARE(int(lc.line), line);
        QCOMPARE(int(lc.column), column);
    }

    void printsLineColumnSeverityAndMessage()
    {
        const std::string q = "process where\n  x ==";
        Diagnostic d{
            "expected-expression", Severity::Error, "expected an expression after '=='", {20, 20}, {}};
        QCOMPARE(QString::fromStdString(formatDiagnostic(q, d)),
            QStringLiteral("2:7: error: expected an expression after '=='"));
    }

    void hasErrorsIgnoresWarnings()
    {
        std::vector<Diagnostic> ds{{"w", Severity::Warning, "w", {}, {}}};
        QVERIFY(!hasErrors(ds));
        ds.push_back({"e", Severity::Error, "e", {}, {}});
        QVERIFY(hasErrors(ds));
    }
};

QTEST_APPLESS_MAIN(TestDiagnostic)
#include "tst_diagnostic.moc"
