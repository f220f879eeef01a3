// The results model: lazy display of dictionary-encoded rows, filtering and sorting on codes,
// sequences kept together as groups.
#include "result_table_model.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace eqlwb::ui;

namespace {

ResultColumn makeColumn(const QString& name, const QStringList& rowValues, bool numeric = false)
{
    ResultColumn c;
    c.name = name;
    c.numeric = numeric;
    c.dictionary.append(QString());
    for (const auto& v : rowValues) {
        int code = c.dictionary.indexOf(v);
        if (code < 0) {
            code = c.dictionary.size();
            c.dictionary.append(v);
        }
        c.codes.push_back(static_cast<uint32_t>(v.isEmpty() ? 0 : code));
    }
    return c;
}

ResultTable dnsTable()
{
    ResultTable t;
    t.columns.append(
        makeColumn("process.name", {"powershell.exe", "chrome.exe", "rundll32.exe", "chrome.exe", ""}));
    t.columns.append(makeColumn(
        "dns.question.name", {"pastebin.com", "drive.google.com", "x.ngrok.io", "pastebin.com", "a.b"}));
    t.columns.append(makeColumn("process.pid", {"10", "9", "100", "2", "1"}, true));
    t.eventIds = {1, 2, 3, 4, 5};
    return t;
}

QStringList column(const ResultTableModel& m, int c)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.data(m.index(r, c)).toString();
    return out;
}

} // namespace

class TestResultTableModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void passesTheModelTesterThroughFiltersAndSorts()
    {
        ResultTableModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setTable(dnsTable());
        m.setFilterText("chrome");
        m.sort(2, Qt::DescendingOrder);
        m.setColumnFilter(1, "google");
        m.clearFilters();
        QCOMPARE(m.rowCount(), 5);
    }

    void showsEveryRowAndTheColumnNames()
    {
        ResultTableModel m;
        m.setTable(dnsTable());
        QCOMPARE(m.rowCount(), 5);
        QCOMPARE(m.columnCount(), 3);
        QCOMPARE(m.headerData(1, Qt::Horizontal).toString(), QStringLiteral("dns.question.name"));
        QCOMPARE(m.data(m.index(2, 0)).toString(), QStringLiteral("rundll32.exe"));
        QCOMPARE(m.eventIdAt(2), int64_t(3));
    }

    void filterTextNarrowsRowsAcrossColumnsIgnoringCase()
    {
        ResultTableModel m;
        m.setTable(dnsTable());
        QSignalSpy spy(&m, &ResultTableModel::visibleRowsChanged);
        m.setFilterText("PASTEBIN");
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(column(m, 0), QStringList({"powershell.exe", "chrome.exe"}));
        QCOMPARE(spy.last().at(0).toInt(), 2);
        QCOMPARE(spy.last().at(1).toInt(), 5);
        m.setFilterText("exe");
        QCOMPARE(m.rowCount(), 4); // the row without a process name has no "exe" anywhere
        m.setFilterText(QString());
        QCOMPARE(m.rowCount(), 5);
    }

    void columnFiltersCombineWithTheFilterText()
    {
        ResultTableModel m;
        m.setTable(dnsTable());
        m.setFilterText("pastebin");
        m.setColumnFilter(0, "chrome");
        QCOMPARE(m.rowCount(), 1);
        QCOMPARE(m.eventIdAt(0), int64_t(4));
    }

    void sortsNumbersAsNumbersAndTextAsText()
    {
        ResultTableModel m;
        m.setTable(dnsTable());
        m.sort(2, Qt::AscendingOrder);
        QCOMPARE(column(m, 2), QStringList({"1", "2", "9", "10", "100"}));
        m.sort(0, Qt::AscendingOrder);
        QCOMPARE(
            column(m, 0), QStringList({"", "chrome.exe", "chrome.exe", "powershell.exe", "rundll32.exe"}));
        m.sort(0, Qt::DescendingOrder);
        QCOMPARE(column(m, 0).first(), QStringLiteral("rundll32.exe"));
    }

    void sequenceMatchesStayTogetherWhenFilteredOrSorted()
    {
        ResultTable t;
        t.columns.append(makeColumn("process.name", {"cmd.exe", "net.exe", "powershell.exe", ""}));
        t.eventIds = {10, 11, 20, -1};
        t.matchOf = {0, 0, 1, 1};
        t.slotOf = {0, 1, 0, 1};
        t.matchKeys = {"host-a", "host-b"};
        ResultTableModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.setTable(t);
        QCOMPARE(m.columnCount(), 2);
        QCOMPARE(m.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Match"));
        QVERIFY(m.data(m.index(0, 0)).toString().contains("host-a"));
        QCOMPARE(m.data(m.index(3, 1)).toString(), QStringLiteral("(missing event)"));
        m.setFilterText("net.exe");
        QCOMPARE(m.rowCount(), 2); // both events of the first sequence
        m.setFilterText(QString());
        m.sort(1, Qt::DescendingOrder);
        QCOMPARE(m.eventIdAt(0), int64_t(20));
        QCOMPARE(m.eventIdAt(1), int64_t(-1));
        QCOMPARE(m.eventIdAt(2), int64_t(10));
    }
};

QTEST_MAIN(TestResultTableModel)
#include "tst_result_table_model.moc"
