// Shows engine diagnostics in the editor: squiggles under the span, a marker in the margin and,
// for errors, the message as an annotation under the line (warnings are listed below the editor). Spans are
// byte offsets, as Scintilla's positions.
#pragma once

#include "core/diagnostic.h"

#include <Qsci/qscistyle.h>
#include <vector>

class QsciScintilla;

namespace eqlwb::ui {

class DiagnosticMarks {
public:
    explicit DiagnosticMarks(QsciScintilla* editor);

    void show(const std::vector<Diagnostic>& diagnostics);
    void clear();

    // Indicator numbers, for tests (SCI_INDICATORVALUEAT).
    int errorIndicator() const { return errorIndicator_; }
    int warningIndicator() const { return warningIndicator_; }

private:
    QsciScintilla* editor_;
    int errorIndicator_;
    int warningIndicator_;
    int errorMarker_;
    int warningMarker_;
    QsciStyle errorStyle_; // annotation styles, allocated once (Scintilla has few styles)
    QsciStyle warningStyle_;
};

} // namespace eqlwb::ui
