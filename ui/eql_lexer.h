// Adapter from the engine's EQL lexer to QScintilla: colours a document line by line, carrying
// the lexer's state (inside a comment, inside a raw string) in Scintilla's per-line state, so an
// edit re-styles only from the changed line down to where the state stops changing.
#pragma once

#include <Qsci/qscilexercustom.h>

namespace eqlwb::ui {

class EqlLexer : public QsciLexerCustom {
    Q_OBJECT
public:
    // Style numbers; the order of the engine's TokenClass plus one, 0 being plain text.
    enum Style {
        Default = 0,
        Keyword,
        Field,
        String,
        Number,
        Operator,
        Function,
        Comment,
        Punctuation,
        Error
    };

    explicit EqlLexer(QObject* parent = nullptr);

    const char* language() const override;
    QString description(int style) const override;
    QColor defaultColor(int style) const override;
    QFont defaultFont(int style) const override;
    QColor defaultPaper(int style) const override;
    const char* wordCharacters() const override;
    QStringList autoCompletionWordSeparators() const override;
    void styleText(int start, int end) override;

private:
    void styleLine(int line, int& state);
};

} // namespace eqlwb::ui
