// Help > About: what the workbench is, and the versions it runs on (Qt, QScintilla, SQLite).
#pragma once

#include <QString>

class QWidget;

namespace eqlwb::ui {

// The text of the About box, also used by tests and `--version`.
QString aboutText();
void showAboutDialog(QWidget* parent);

} // namespace eqlwb::ui
