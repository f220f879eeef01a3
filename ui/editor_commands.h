// Text commands of the EQL editor that are more than one Scintilla call: toggle line comments,
// format through the engine. Each is one undo step.
#pragma once

#include <QString>

namespace eqlwb::ui {

class EqlEditor;

// Comments or uncomments (// ) the lines of the selection, or the cursor's line.
void toggleLineComment(EqlEditor* editor);

// Replaces the text with the engine's canonical form. Returns an empty string on success,
// or the reason the query cannot be formatted (its first syntax error).
QString formatEditorQuery(EqlEditor* editor);

} // namespace eqlwb::ui
