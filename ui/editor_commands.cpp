#include "editor_commands.h"

#include "eql_editor.h"
#include "present/query_text.h"

namespace eqlwb::ui {

void toggleLineComment(EqlEditor* editor)
{
    int lineFrom = 0, indexFrom = 0, lineTo = 0, indexTo = 0;
    if (editor->hasSelectedText()) {
        editor->getSelection(&lineFrom, &indexFrom, &lineTo, &indexTo);
        if (indexTo == 0 && lineTo > lineFrom)
            --lineTo; // a selection ending at a line start does not include that line
    } else {
        editor->getCursorPosition(&lineFrom, &indexFrom);
        lineTo = lineFrom;
    }
    bool allCommented = true;
    for (int l = lineFrom; l <= lineTo; ++l) {
        const QString text = editor->text(l).trimmed();
        if (!text.isEmpty() && !text.startsWith(QLatin1String("//")))
            allCommented = false;
    }
    editor->beginUndoAction();
    for (int l = lineFrom; l <= lineTo; ++l) {
        const QString text = editor->text(l);
        if (allCommented) {
            const int at = text.indexOf(QLatin1String("//"));
            if (at < 0)
                continue;
            const int length = text.mid(at + 2).startsWith(QLatin1Char(' ')) ? 3 : 2;
            editor->setSelection(l, at, l, at + length);
            editor->removeSelectedText();
        } else if (!text.trimmed().isEmpty()) {
            editor->insertAt(QStringLiteral("// "), l, 0);
        }
    }
    editor->endUndoAction();
}

QString formatEditorQuery(EqlEditor* editor)
{
    auto formatted = formatQueryText(editor->utf8Text());
    if (!formatted.ok())
        return QString::fromStdString(formatted.error().message);
    const QString text = QString::fromStdString(*formatted);
    if (text != editor->text()) {
        editor->beginUndoAction();
        editor->selectAll();
        editor->replaceSelectedText(text);
        editor->endUndoAction();
    }
    return {};
}

} // namespace eqlwb::ui
