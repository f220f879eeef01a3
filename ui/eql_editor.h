// The EQL editor widget: QScintilla with the workbench's defaults (font, margins, brace matching).
// Highlighting, live diagnostics and completion are layered on by their own classes.
#pragma once

#include <Qsci/qsciscintilla.h>

namespace eqlwb::ui {

class EqlEditor : public QsciScintilla {
    Q_OBJECT
public:
    explicit EqlEditor(QWidget* parent = nullptr);

    // Text as UTF-8, the engine's encoding; byte offsets from the engine index into it.
    std::string utf8Text() const;

private:
    void updateMarginWidth();
};

} // namespace eqlwb::ui
