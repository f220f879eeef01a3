// eqlwb lists: the rule's lists one entry a line, with hit counts given a workspace, as JSON on
// request, and the exit codes of the contract.
#include "gen/telemetry.h"
#include "rules/rule_file.h"
#include "store/workspace.h"
#include "support/cli_runner.h"
#include "support/generated_workspace.h"
#include "support/test_paths.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace eqlwb;
using namespace eqlwb::test;

namespace {

QString seedRule() { return sourceDir() + "/rules/command_and_control_common_webservices.toml"; }

QByteArray readText(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int countOf(const CliResult& r) { return r.exitCode == 0 ? r.out.trimmed().toInt() : -1; }

} // namespace

class TestCliLists : public QObject {
    Q_OBJECT
private:
    QString dir_;
    QString workspace_;
    QString seedQuery_;

private Q_SLOTS:
    void initTestCase()
    {
        dir_ = tempDir() + "/cli_lists";
        workspace_ = generatedWorkspace(dir_, "lists.eqlwb", 30000, 11);
        QVERIFY(!workspace_.isEmpty());
        auto rule = loadRuleFile(seedRule().toStdString());
        QVERIFY(rule.ok());
        seedQuery_ = QString::fromStdString(rule->rules.front().query());
    }

    void withoutAWorkspaceEachEntryIsOneLineOfFourFields()
    {
        const auto r = runCli({"lists", seedRule()});
        QCOMPARE(r.exitCode, 0);
        const auto lines = r.outLines();
        QCOMPARE(lines.size(), 19 + 13);
        for (const auto& line : lines)
            QCOMPARE(line.split('\t').size(), 4);
        QCOMPARE(lines.front(), QString("1\tinclude\tdns.question.name\t*.githubusercontent.*"));
        QCOMPARE(lines.at(19), QString("2\texclude\tprocess.name\tMicrosoftEdgeCP.exe"));
        QCOMPARE(lines.back(), QString("2\texclude\tprocess.name\tOneDrive.exe"));
    }

    void withAWorkspaceEachEntryHasItsHitCount()
    {
        const auto r = runCli({"lists", seedRule(), workspace_});
        QCOMPARE(r.exitCode, 0);
        const auto lines = r.outLines();
        QCOMPARE(lines.size(), 19 + 13);
        qint64 includeHits = 0;
        qint64 excludeHits = 0;
        for (const auto& line : lines) {
            const auto fields = line.split('\t');
            QCOMPARE(fields.size(), 5);
            bool isNumber = false;
            const qint64 hits = fields.at(4).toLongLong(&isNumber);
            QVERIFY(isNumber);
            QVERIFY(hits >= 0);
            (fields.at(1) == "include" ? includeHits : excludeHits) += hits;
        }
        const int matches = countOf(runCli({"query", workspace_, seedQuery_, "--count"}));
        QVERIFY(matches > 0);
        // Patterns may overlap, so an event can be due to no single entry; never more than all.
        QVERIFY(includeHits > 0);
        QVERIFY(includeHits <= matches);
        // The excluded names are distinct exact strings: each kept-out event is kept out by one.
        const qsizetype notClause = seedQuery_.indexOf("/* Insert noisy");
        QVERIFY(notClause > 0);
        const QString withoutExclusions = seedQuery_.left(seedQuery_.lastIndexOf("and", notClause));
        const int unexcluded = countOf(runCli({"query", workspace_, withoutExclusions, "--count"}));
        QVERIFY(unexcluded > matches);
        QCOMPARE(excludeHits, qint64(unexcluded - matches));
    }

    void jsonPrintsOneObjectPerEntry_data()
    {
        QTest::addColumn<bool>("withWorkspace");
        QTest::newRow("rule only") << false;
        QTest::newRow("with a workspace") << true;
    }

    void jsonPrintsOneObjectPerEntry()
    {
        QFETCH(bool, withWorkspace);
        QStringList args{"lists", seedRule(), "--json"};
        if (withWorkspace)
            args << workspace_;
        const auto r = runCli(args);
        QCOMPARE(r.exitCode, 0);
        const auto lines = r.outLines();
        QCOMPARE(lines.size(), 32);
        const auto first = QJsonDocument::fromJson(lines.front().toUtf8()).object();
        QCOMPARE(first.value("list").toInt(), 1);
        QCOMPARE(first.value("kind").toString(), QString("include"));
        QCOMPARE(first.value("field").toString(), QString("dns.question.name"));
        QCOMPARE(first.value("operation").toString(), QString("wildcard"));
        QCOMPARE(first.value("entry").toString(), QString("*.githubusercontent.*"));
        QCOMPARE(first.contains("hits"), withWorkspace);
        const auto last = QJsonDocument::fromJson(lines.back().toUtf8()).object();
        QCOMPARE(last.value("kind").toString(), QString("exclude"));
        QCOMPARE(last.value("operation").toString(), QString("in"));
        if (withWorkspace)
            QVERIFY(last.value("hits").toInteger(-1) >= 0);
    }

    void anInvalidRuleExits1()
    {
        QByteArray text = readText(seedRule());
        QVERIFY(text.contains("network where"));
        const QString broken = dir_ + "/broken.toml";
        writeTestFile(broken, QByteArray(text).replace("network where", "network where ("));
        const auto r = runCli({"lists", broken});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QVERIFY(!r.err.isEmpty());
        const QString badToml = dir_ + "/bad.toml";
        writeTestFile(badToml, "[rule\nquery = '''\n");
        QCOMPARE(runCli({"lists", badToml}).exitCode, 1);
    }

    void usageAndIoErrorsExit2()
    {
        QCOMPARE(runCli({"lists"}).exitCode, 2);
        QCOMPARE(runCli({"lists", seedRule(), workspace_, "extra"}).exitCode, 2);
        QCOMPARE(runCli({"lists", seedRule(), "--nope"}).exitCode, 2);
        QCOMPARE(runCli({"lists", dir_ + "/missing.toml"}).exitCode, 2);
        QCOMPARE(runCli({"lists", seedRule(), dir_ + "/missing.eqlwb"}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliLists)
#include "tst_cli_lists.moc"
