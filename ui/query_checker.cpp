#include "query_checker.h"

#include "diagnostic_marks.h"
#include "eql/parser.h"
#include "eql_editor.h"

namespace eqlwb::ui {

QueryChecker::QueryChecker(EqlEditor* editor, int debounceMs)
    : QObject(editor)
    , editor_(editor)
    , marks_(new DiagnosticMarks(editor))
{
    timer_.setSingleShot(true);
    timer_.setInterval(debounceMs);
    connect(&timer_, &QTimer::timeout, this, &QueryChecker::checkNow);
    connect(editor_, &QsciScintilla::textChanged, &timer_, qOverload<>(&QTimer::start));
    check_ = [](const std::string& query) { return eql::parseQuery(query).diagnostics; };
}

QueryChecker::~QueryChecker() { delete marks_; }

void QueryChecker::setCheckFunction(CheckFn fn)
{
    check_ = std::move(fn);
    timer_.start();
}

void QueryChecker::checkNow()
{
    timer_.stop();
    const std::string text = editor_->utf8Text();
    diagnostics_
        = text.find_first_not_of(" \t\r\n") == std::string::npos ? std::vector<Diagnostic>{} : check_(text);
    marks_->show(diagnostics_);
    Q_EMIT checked();
}

} // namespace eqlwb::ui
