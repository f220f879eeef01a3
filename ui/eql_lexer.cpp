#include "eql_lexer.h"

#include "eql/lexer.h"

#include <QFontDatabase>
#include <Qsci/qsciscintilla.h>

namespace eqlwb::ui {

namespace {

// Styles follow the engine's token classes, shifted by one (0 is plain text): styleLine relies on it.
static_assert(EqlLexer::Keyword == static_cast<int>(eql::TokenClass::Keyword) + 1);
static_assert(EqlLexer::Error == static_cast<int>(eql::TokenClass::Error) + 1);

// LexState <-> Scintilla's int line state. 0 is "normal", what Scintilla starts every line with.
int encodeState(const eql::LexState& s) { return static_cast<int>(s.mode) | (s.commentDepth << 8); }

eql::LexState decodeState(int v)
{
    eql::LexState s;
    s.mode = static_cast<eql::LexState::Mode>(v & 0xff);
    s.commentDepth = static_cast<uint16_t>(v >> 8);
    return s;
}

} // namespace

EqlLexer::EqlLexer(QObject* parent)
    : QsciLexerCustom(parent)
{
}

const char* EqlLexer::language() const { return "EQL"; }

QString EqlLexer::description(int style) const
{
    switch (style) {
    case Default:
        return tr("Default");
    case Keyword:
        return tr("Keyword");
    case Field:
        return tr("Field");
    case String:
        return tr("String");
    case Number:
        return tr("Number");
    case Operator:
        return tr("Operator");
    case Function:
        return tr("Function");
    case Comment:
        return tr("Comment");
    case Punctuation:
        return tr("Punctuation");
    case Error:
        return tr("Error");
    }
    return {};
}

QColor EqlLexer::defaultColor(int style) const
{
    switch (style) {
    case Keyword:
        return QColor("#cf222e");
    case Field:
        return QColor("#0550ae");
    case String:
        return QColor("#0a3069");
    case Number:
        return QColor("#953800");
    case Operator:
        return QColor("#8250df");
    case Function:
        return QColor("#6f42c1");
    case Comment:
        return QColor("#6e7781");
    case Punctuation:
        return QColor("#57606a");
    case Error:
        return QColor("#ffffff");
    default:
        return QColor("#1f2328");
    }
}

QColor EqlLexer::defaultPaper(int style) const
{
    if (style == Error)
        return QColor("#cf222e");
    if (style == String)
        return QColor("#f0f6ff");
    return QsciLexerCustom::defaultPaper(style);
}

QFont EqlLexer::defaultFont(int style) const
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    f.setPointSize(11);
    if (style == Keyword || style == Function)
        f.setBold(true);
    if (style == Comment)
        f.setItalic(true);
    return f;
}

const char* EqlLexer::wordCharacters() const
{
    // Dots and @ belong to field names, so completion and double-click take the whole path.
    return "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.@";
}

QStringList EqlLexer::autoCompletionWordSeparators() const { return {QStringLiteral(".")}; }

void EqlLexer::styleText(int start, int end)
{
    QsciScintilla* ed = editor();
    if (!ed)
        return;
    const int firstLine = static_cast<int>(ed->SendScintilla(QsciScintillaBase::SCI_LINEFROMPOSITION, start));
    const int lastLine = static_cast<int>(ed->SendScintilla(QsciScintillaBase::SCI_LINEFROMPOSITION, end));
    const int lineCount = static_cast<int>(ed->SendScintilla(QsciScintillaBase::SCI_GETLINECOUNT));
    int state = firstLine > 0
        ? static_cast<int>(ed->SendScintilla(QsciScintillaBase::SCI_GETLINESTATE, firstLine - 1))
        : 0;
    for (int line = firstLine; line < lineCount; ++line) {
        const int before = static_cast<int>(ed->SendScintilla(QsciScintillaBase::SCI_GETLINESTATE, line));
        styleLine(line, state);
        // Past the requested range, go on only while the carried state keeps changing
        // (an opened or closed block comment restyles the lines below it).
        if (line >= lastLine && state == before)
            break;
    }
}

void EqlLexer::styleLine(int line, int& state)
{
    QsciScintilla* ed = editor();
    const long lineStart = ed->SendScintilla(QsciScintillaBase::SCI_POSITIONFROMLINE, line);
    const long lineEnd = ed->SendScintilla(QsciScintillaBase::SCI_GETLINEENDPOSITION, line);
    const long nextStart = line + 1 < ed->SendScintilla(QsciScintillaBase::SCI_GETLINECOUNT)
        ? ed->SendScintilla(QsciScintillaBase::SCI_POSITIONFROMLINE, line + 1)
        : lineEnd;
    // bytes(a, b) returns one byte too many (a trailing NUL): keep exactly the line's bytes.
    QByteArray bytes = ed->bytes(static_cast<int>(lineStart), static_cast<int>(lineEnd));
    bytes.truncate(static_cast<int>(lineEnd - lineStart));

    eql::LexState lexState = decodeState(state);
    const auto tokens = eql::highlightLine(std::string_view(bytes.constData(), bytes.size()), lexState);
    state = encodeState(lexState);
    ed->SendScintilla(QsciScintillaBase::SCI_SETLINESTATE, line, state);

    startStyling(static_cast<int>(lineStart));
    uint32_t pos = 0;
    for (const auto& t : tokens) {
        if (t.begin > pos)
            setStyling(static_cast<int>(t.begin - pos), Default);
        setStyling(static_cast<int>(t.end - t.begin), static_cast<int>(t.cls) + 1);
        pos = t.end;
    }
    // The rest of the line, its end-of-line bytes included, is plain.
    const auto rest = static_cast<int>(nextStart - lineStart - pos);
    if (rest > 0)
        setStyling(rest, Default);
}

} // namespace eqlwb::ui
