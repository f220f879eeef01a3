// Event times: ISO 8601 and epoch milliseconds to nanoseconds.
#include "store/timestamp.h"

#include <QtTest>

using namespace eqlwb;

class TestStoreTimestamp : public QObject {
    Q_OBJECT
private slots:
    void parsesIso8601AndEpochMillis_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("nanos");
        const qint64 s = 1714564800; // 2024-05-01T12:00:00Z
        const qint64 G = 1000000000;
        QTest::newRow("Z") << "2024-05-01T12:00:00Z" << s * G;
        QTest::newRow("millis") << "2024-05-01T12:00:00.123Z" << s * G + 123000000;
        QTest::newRow("nanos") << "2024-05-01T12:00:00.123456789Z" << s * G + 123456789;
        QTest::newRow("more than nine digits are cut")
            << "2024-05-01T12:00:00.1234567891Z" << s * G + 123456789;
        QTest::newRow("positive offset") << "2024-05-01T14:00:00+02:00" << s * G;
        QTest::newRow("negative offset without colon") << "2024-05-01T06:30:00-0530" << s * G;
        QTest::newRow("space and no zone (Sysmon UtcTime)") << "2024-05-01 12:00:00.000" << s * G;
        QTest::newRow("date only") << "2024-05-01" << (s - 12 * 3600) * G;
        QTest::newRow("epoch millis as text") << "1714564800123" << s * G + 123000000;
        QTest::newRow("leap day") << "2024-02-29T00:00:00Z" << qint64(1709164800) * G;
        QTest::newRow("before 1970") << "1969-12-31T23:59:59Z" << -G;
    }
    void parsesIso8601AndEpochMillis()
    {
        QFETCH(QString, text);
        QFETCH(qint64, nanos);
        const auto t = parseTimestampText(text.toStdString());
        QVERIFY(t.has_value());
        QCOMPARE(qint64(*t), nanos);
    }

    void rejectsWhatIsNotATime_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("words") << "yesterday";
        QTest::newRow("month 13") << "2024-13-01T00:00:00Z";
        QTest::newRow("trailing junk") << "2024-05-01T12:00:00Zjunk";
        QTest::newRow("bad offset") << "2024-05-01T12:00:00+99:00";
        QTest::newRow("too many digits") << "12345678901234567890";
    }
    void rejectsWhatIsNotATime()
    {
        QFETCH(QString, text);
        QVERIFY(!parseTimestampText(text.toStdString()).has_value());
    }

    void formatsAndParsesBack()
    {
        for (int64_t t :
            {int64_t(0), int64_t(1714564800123000000), int64_t(-1000000), int64_t(951782400000000000)}) {
            const auto back = parseTimestampText(formatTimestamp(t));
            QVERIFY(back.has_value());
            QCOMPARE(*back, t);
        }
    }

    void epochMillisOutOfRangeIsRefused() { QVERIFY(!epochMillisToNanos(1e300).has_value()); }
};

QTEST_APPLESS_MAIN(TestStoreTimestamp)
#include "tst_store_timestamp.moc"
