// Checks the query as the user types (debounced): asks the engine for diagnostics, marks them in
// the editor and publishes them for the problems list.
#pragma once

#include "core/diagnostic.h"

#include <QObject>
#include <QTimer>
#include <functional>
#include <string>
#include <vector>

namespace eqlwb::ui {

class DiagnosticMarks;
class EqlEditor;

class QueryChecker : public QObject {
    Q_OBJECT
public:
    using CheckFn = std::function<std::vector<Diagnostic>(const std::string& query)>;

    // By default checks syntax with the engine's parser; setCheckFunction adds the analyzer
    // (fields of the open workspace, case hints).
    explicit QueryChecker(EqlEditor* editor, int debounceMs = 250);
    ~QueryChecker() override;

    void setCheckFunction(CheckFn fn);
    // Checks now, without waiting for the debounce (used before a run and by tests).
    void checkNow();
    const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

Q_SIGNALS:
    void checked();

private:
    EqlEditor* editor_;
    DiagnosticMarks* marks_;
    QTimer timer_;
    CheckFn check_;
    std::vector<Diagnostic> diagnostics_;
};

} // namespace eqlwb::ui
