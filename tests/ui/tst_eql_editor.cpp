// The EQL editor: engine-driven highlighting and diagnostics as you type.
#include "diagnostic_marks.h"
#include "eql_editor.h"
#include "eql_lexer.h"
#include "present/query_text.h"
#include "query_checker.h"

#include <QSignalSpy>
#include <QtTest>

using namespace eqlwb::ui;

namespace {

int styleAt(EqlEditor& ed, int bytePos)
{
    return static_cast<int>(ed.SendScintilla(QsciScintillaBase::SCI_GETSTYLEAT, bytePos));
}

int indicatorAt(EqlEditor& ed, int indicator, int bytePos)
{
    return static_cast<int>(ed.SendScintilla(QsciScintillaBase::SCI_INDICATORVALUEAT, indicator, bytePos));
}

void styleEverything(EqlEditor& ed) { ed.SendScintilla(QsciScintillaBase::SCI_COLOURISE, 0, -1); }

} // namespace

class TestEqlEditor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void highlightsKeywordsFieldsStringsAndNumbers()
    {
        EqlEditor ed;
        const QString q = QStringLiteral("process where process.pid > 4 and process.name : \"cmd.exe\"");
        ed.setText(q);
        styleEverything(ed);
        QCOMPARE(styleAt(ed, q.indexOf("where")), int(EqlLexer::Keyword));
        QCOMPARE(styleAt(ed, q.indexOf("process.pid")), int(EqlLexer::Field));
        QCOMPARE(styleAt(ed, q.indexOf("4")), int(EqlLexer::Number));
        QCOMPARE(styleAt(ed, q.indexOf("\"cmd")), int(EqlLexer::String));
        QCOMPARE(styleAt(ed, q.indexOf(" and") + 1), int(EqlLexer::Keyword));
    }

    void aBlockCommentOpenedOnOneLineColoursTheNextLines()
    {
        EqlEditor ed;
        ed.setText(QStringLiteral("/* first\nsecond line\n*/ any where true"));
        styleEverything(ed);
        const int secondLine = static_cast<int>(ed.positionFromLineIndex(1, 2));
        QCOMPARE(styleAt(ed, secondLine), int(EqlLexer::Comment));
        const int anyPos = static_cast<int>(ed.positionFromLineIndex(2, 3));
        QCOMPARE(styleAt(ed, anyPos), int(EqlLexer::Keyword));
    }

    void closingTheCommentRestylesTheLinesBelow()
    {
        EqlEditor ed;
        ed.setText(QStringLiteral("/* open\nprocess where true"));
        styleEverything(ed);
        const int processPos = static_cast<int>(ed.positionFromLineIndex(1, 0));
        QCOMPARE(styleAt(ed, processPos), int(EqlLexer::Comment));
        ed.setCursorPosition(0, 7);
        ed.insert(QStringLiteral(" */"));
        styleEverything(ed);
        QVERIFY(styleAt(ed, static_cast<int>(ed.positionFromLineIndex(1, 8))) != int(EqlLexer::Comment));
    }

    void multiByteTextKeepsStylesAligned()
    {
        EqlEditor ed;
        const QString q = QStringLiteral("any where user.name == \"J\u00fcrgen\" and true");
        ed.setText(q);
        styleEverything(ed);
        const int truePos = q.toUtf8().indexOf("true");
        QCOMPARE(styleAt(ed, truePos), int(EqlLexer::Keyword));
    }

    void typingAnInvalidQueryMarksTheErrorWhereItIs()
    {
        EqlEditor ed;
        QueryChecker checker(&ed, 10);
        ed.show();
        QVERIFY(QTest::qWaitForWindowExposed(&ed));
        ed.setFocus();
        QSignalSpy spy(&checker, &QueryChecker::checked);
        QTest::keyClicks(&ed, QStringLiteral("process where process.name == 'cmd.exe'"));
        QVERIFY(spy.wait(2000));
        QVERIFY(!checker.diagnostics().empty());
        const auto& d = checker.diagnostics().front();
        QCOMPARE(int(d.severity), int(eqlwb::Severity::Error));
        const int quote = ed.text().indexOf('\'');
        QCOMPARE(int(d.span.begin), quote);
        DiagnosticMarks probe(&ed); // indicator numbers are allocated in order: read the checker's
        Q_UNUSED(probe);
        bool marked = false;
        for (int ind = 0; ind < 40 && !marked; ++ind)
            marked = indicatorAt(ed, ind, quote) != 0;
        QVERIFY2(marked, "no indicator under the single-quoted string");
        QVERIFY(!ed.annotation(0).isEmpty());
    }

    void warningsAreMarkedWithoutAnAnnotation()
    {
        EqlEditor ed;
        QueryChecker checker(&ed, 10);
        checker.setCheckFunction([](const std::string& q) { return eqlwb::checkQueryText(q, {}); });
        ed.setText(QStringLiteral("process where wildcard(process.name, \"*cmd*\")"));
        checker.checkNow();
        QVERIFY(!checker.diagnostics().empty());
        QCOMPARE(int(checker.diagnostics().front().severity), int(eqlwb::Severity::Warning));
        QVERIFY(ed.annotation(0).isEmpty());
        QVERIFY(ed.markersAtLine(0) != 0);
    }

    void fixingTheQueryClearsTheMarks()
    {
        EqlEditor ed;
        QueryChecker checker(&ed, 10);
        ed.setText(QStringLiteral("process where ("));
        checker.checkNow();
        QVERIFY(!checker.diagnostics().empty());
        ed.setText(QStringLiteral("process where (true)"));
        checker.checkNow();
        QVERIFY(checker.diagnostics().empty());
        QVERIFY(ed.annotation(0).isEmpty());
    }
};

QTEST_MAIN(TestEqlEditor)
#include "tst_eql_editor.moc"
