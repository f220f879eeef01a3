// The main window skeleton: its regions, menus, shortcuts, About box, saved geometry, screenshot.
#include "about_dialog.h"
#include "eql_editor.h"
#include "main_window.h"
#include "results_pane.h"
#include "support/test_paths.h"

#include <QAction>
#include <QDockWidget>
#include <QImage>
#include <QLineEdit>
#include <QMenuBar>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <Qsci/qsciglobal.h>
#include <QtTest>

using namespace eqlwb::ui;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("eql-workbench-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_main_window"));
        QSettings().clear();
    }

    void hasEveryRegion()
    {
        MainWindow w;
        QVERIFY(w.editor());
        QVERIFY(w.resultsPane());
        QVERIFY(w.problemsList());
        QVERIFY(w.workspacePanel());
        QVERIFY(w.ruleListsPanel());
        QStringList docks;
        for (auto* d : w.findChildren<QDockWidget*>())
            docks << d->windowTitle();
        docks.sort();
        QCOMPARE(docks, QStringList({"Rule Lists", "Workspace"}));
        QVERIFY(w.statusBar());
    }

    void menusAreFileEditRuleViewHelp()
    {
        MainWindow w;
        QStringList titles;
        for (QAction* a : w.menuBar()->actions())
            titles << a->text().remove('&');
        QCOMPARE(titles, QStringList({"File", "Edit", "Rule", "View", "Help"}));
    }

    void runIsBoundToCtrlEnter()
    {
        MainWindow w;
        QVERIFY(w.runAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Return)));
    }

    void ctrlEnterInTheEditorRequestsARun()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy spy(w.runAction(), &QAction::triggered);
        w.editor()->setFocus();
        QTest::keyClick(w.editor(), Qt::Key_Return, Qt::ControlModifier);
        QCOMPARE(spy.count(), 1);
    }

    void aboutNamesQtQScintillaAndSqliteVersions()
    {
        const QString text = aboutText();
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        QVERIFY(text.contains(QStringLiteral(QSCINTILLA_VERSION_STR)));
        QVERIFY(text.contains(QStringLiteral("SQLite 3.")));
    }

    void geometryIsSavedOnClose()
    {
        {
            MainWindow w;
            w.resize(1000, 700);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.close();
        }
        QVERIFY(!QSettings().value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
        MainWindow restored;
        restored.restoreSavedLayout();
        QCOMPARE(restored.size(), QSize(1000, 700));
    }

    void screenshotOptionWritesAPngOfTheWindow()
    {
        const QString app = QStringLiteral(EQLWB_BINARY_DIR "/app/gui/eql-workbench");
        if (!QFile::exists(app))
            QSKIP("eql-workbench is not built in this configuration");
        const QString out = eqlwb::test::tempDir() + "/main_window.png";
        QFile::remove(out);
        QProcess p;
        p.start(app, {"--screenshot", out});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QImage img(out);
        QVERIFY(!img.isNull());
        QVERIFY(img.width() >= 800 && img.height() >= 500);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
