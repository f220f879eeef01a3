#include "eql_editor.h"

#include "eql_lexer.h"

#include <QFontDatabase>

namespace eqlwb::ui {

EqlEditor::EqlEditor(QWidget* parent)
    : QsciScintilla(parent)
{
    setUtf8(true);
    setLexer(new EqlLexer(this));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSize(11);
    setFont(mono);
    setMarginsFont(mono);
    setMarginType(0, NumberMargin);
    setMarginsForegroundColor(QColor("#8c959f"));
    setMarginsBackgroundColor(QColor("#f6f8fa"));
    setMarginWidth(1, 14); // diagnostics markers
    setMarginSensitivity(1, true);
    setFolding(NoFoldStyle);
    setBraceMatching(SloppyBraceMatch);
    setMatchedBraceBackgroundColor(QColor("#d0e7ff"));
    setCaretLineVisible(true);
    setCaretLineBackgroundColor(QColor("#f3f8ff"));
    setIndentationsUseTabs(false);
    setTabWidth(2);
    setAutoIndent(true);
    setWrapMode(WrapWord);
    setWrapVisualFlags(WrapFlagByBorder);
    setEdgeMode(EdgeNone);
    setScrollWidthTracking(true);
    connect(this, &QsciScintilla::linesChanged, this, &EqlEditor::updateMarginWidth);
    updateMarginWidth();
}

std::string EqlEditor::utf8Text() const
{
    const QByteArray bytes = text().toUtf8();
    return {bytes.constData(), static_cast<size_t>(bytes.size())};
}

void EqlEditor::updateMarginWidth() { setMarginWidth(0, QStringLiteral("0%1").arg(lines())); }

} // namespace eqlwb::ui
