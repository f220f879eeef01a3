// The eqlwb entry point: help, version, unknown commands and exit codes.
#include "support/cli_runner.h"

#include <QtTest>

using namespace eqlwb::test;

class TestCliBasics : public QObject {
    Q_OBJECT
private slots:
    void helpListsEverySubcommandOfTheContract()
    {
        const auto r = runCli({"--help"});
        QCOMPARE(r.exitCode, 0);
        for (const char* cmd : {"ingest", "parse", "query", "run", "export", "validate", "lists", "simulate",
                 "conformance", "gen", "pull"})
            QVERIFY2(r.out.contains(QByteArray("\n  ") + cmd), cmd);
    }

    void versionPrintsTheVersion()
    {
        const auto r = runCli({"--version"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("eqlwb " EQLWB_VERSION));
    }

    void unknownCommandIsAUsageError()
    {
        const auto r = runCli({"frobnicate"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("unknown command"));
        QVERIFY(r.out.isEmpty());
    }

    void noArgumentsPrintsHelpAndExits2()
    {
        const auto r = runCli({});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.contains("Commands:"));
    }

    void subcommandHelpShowsItsSynopsis()
    {
        const auto r = runCli({"query", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Usage: eqlwb query WORKSPACE"));
    }
};

QTEST_GUILESS_MAIN(TestCliBasics)
#include "tst_cli_basics.moc"
