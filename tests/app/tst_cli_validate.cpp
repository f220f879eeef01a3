// eqlwb validate: every bundled rule is valid; errors name the key or the query position; exit
// codes 0 (only warnings), 1 (an error), 2 (unreadable).
#include "support/cli_runner.h"
#include "support/test_paths.h"

#include <QtTest>

using namespace eqlwb::test;

namespace {
QString data(const QString& name) { return sourceDir() + "/tests/data/rules/" + name; }
} // namespace

class TestCliValidate : public QObject {
    Q_OBJECT
private slots:
    void everyBundledRuleIsValid()
    {
        const QDir rules(sourceDir() + "/rules");
        QStringList files;
        for (const auto& f : rules.entryList({"*.toml", "*.ndjson"}, QDir::Files, QDir::Name))
            files << rules.filePath(f);
        QVERIFY(files.size() >= 4);
        const auto r = runCli(QStringList{"validate"} + files);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.outLines().size(), files.size());
        for (const auto& line : r.outLines())
            QVERIFY2(line.contains(": ok (1 rule, 0 errors"), qPrintable(line));
    }

    void aMissingKeyIsAnErrorNamingIt()
    {
        const auto r = runCli({"validate", data("missing_name.toml")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("missing_name.toml: error: rule.name: required key is missing"));
        QVERIFY(r.outLines().at(0).endsWith(": invalid (1 rule, 1 error, 0 warnings)"));
    }

    void aBadQueryNamesItsLineInTheFile()
    {
        const auto r = runCli({"validate", data("bad_query.toml")});
        QCOMPARE(r.exitCode, 1);
        // The query key is on line 17 of the file, its text starts on 18; the single-quoted string is on 19.
        QVERIFY2(r.err.contains("error: rule.query (line 19, column 19): single-quoted strings"),
            r.err.constData());
        QVERIFY(r.err.contains("(fix: \"cmd.exe\")"));
    }

    void warningsAloneExitZero()
    {
        const auto r = runCli({"validate", data("odd_export.ndjson")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.contains("warning: rule.note: is the text \"None\""));
        QVERIFY(r.err.contains("field \" host.name\" has surrounding spaces"));
        QVERIFY(r.err.contains("info: line 3: action connector \"mail\" ignored"));
    }

    void aConstructNewerThanTheStatedMinimumStackIsAWarning()
    {
        const auto r = runCli({"validate", data("min_stack_too_old.toml")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(
            r.err.contains("warning: metadata.min_stack_version 7.10: rule.query (line 19, column 15): the "
                           "`like` operator (introduced in Elastic 7.12)"),
            r.err.constData());
        QVERIFY(r.err.contains("rewrite as `wildcard(process.name, \"cmd*.exe\")`"));
    }

    void anErrorInAnyFileExitsOne()
    {
        const auto r = runCli({"validate", sourceDir() + "/rules/command_and_control_common_webservices.toml",
            data("wrong_types.toml")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.outLines().size(), 2);
        QVERIFY(r.err.contains("rule.risk_score: must be an integer, not string"));
    }

    void anUnreadableFileExitsTwo()
    {
        const auto r = runCli({"validate", data("no_such_file.toml"), data("missing_name.toml")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("cannot open"));
        QCOMPARE(r.outLines().size(), 2); // the other file is still validated
    }

    void notTomlIsAnErrorWithItsPosition()
    {
        const QString path = tempDir() + "/not_a_rule.toml";
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[rule]\nname = \"x\nrisk_score = 2\n");
        f.close();
        const auto r = runCli({"validate", path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("error: line 2, column"), r.err.constData());
    }

    void noArgumentsIsAUsageError()
    {
        const auto r = runCli({"validate"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliValidate)
#include "tst_cli_validate.moc"
