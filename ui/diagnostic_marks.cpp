#include "diagnostic_marks.h"

#include <QFont>
#include <Qsci/qsciscintilla.h>
#include <algorithm>
#include <map>

namespace eqlwb::ui {

namespace {

const QColor kErrorColor("#cf222e");
const QColor kWarningColor("#bf8700");

QFont annotationFont(const QsciScintilla* editor)
{
    QFont small = editor->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    return small;
}

} // namespace

DiagnosticMarks::DiagnosticMarks(QsciScintilla* editor)
    : editor_(editor)
    , errorStyle_(-1, QStringLiteral("error"), kErrorColor, QColor("#ffebe9"), annotationFont(editor))
{
    errorIndicator_ = editor_->indicatorDefine(QsciScintilla::SquiggleIndicator);
    editor_->setIndicatorForegroundColor(kErrorColor, errorIndicator_);
    warningIndicator_ = editor_->indicatorDefine(QsciScintilla::SquiggleIndicator);
    editor_->setIndicatorForegroundColor(kWarningColor, warningIndicator_);
    errorMarker_ = editor_->markerDefine(QsciScintilla::Circle);
    editor_->setMarkerBackgroundColor(kErrorColor, errorMarker_);
    editor_->setMarkerForegroundColor(kErrorColor, errorMarker_);
    warningMarker_ = editor_->markerDefine(QsciScintilla::Circle);
    editor_->setMarkerBackgroundColor(kWarningColor, warningMarker_);
    editor_->setMarkerForegroundColor(kWarningColor, warningMarker_);
    editor_->setMarginMarkerMask(1, (1 << errorMarker_) | (1 << warningMarker_));
    editor_->setAnnotationDisplay(QsciScintilla::AnnotationBoxed);
}

void DiagnosticMarks::clear()
{
    const long length = editor_->SendScintilla(QsciScintillaBase::SCI_GETLENGTH);
    for (int ind : {errorIndicator_, warningIndicator_}) {
        editor_->SendScintilla(QsciScintillaBase::SCI_SETINDICATORCURRENT, ind);
        editor_->SendScintilla(QsciScintillaBase::SCI_INDICATORCLEARRANGE, 0, length);
    }
    editor_->markerDeleteAll(errorMarker_);
    editor_->markerDeleteAll(warningMarker_);
    editor_->clearAnnotations();
}

void DiagnosticMarks::show(const std::vector<Diagnostic>& diagnostics)
{
    clear();
    const long length = editor_->SendScintilla(QsciScintillaBase::SCI_GETLENGTH);
    std::map<int, QStringList> messagesByLine;
    std::map<int, bool> lineHasError;
    for (const auto& d : diagnostics) {
        if (d.severity == Severity::Info)
            continue;
        const bool error = d.severity == Severity::Error;
        const long begin = std::min<long>(d.span.begin, length);
        // An empty span (e.g. "expected ')' at end of input") still gets one visible character.
        long end = std::min<long>(std::max<long>(d.span.end, d.span.begin + 1), length);
        long from = begin;
        if (end <= from && from > 0)
            from = end - 1;
        editor_->SendScintilla(
            QsciScintillaBase::SCI_SETINDICATORCURRENT, error ? errorIndicator_ : warningIndicator_);
        editor_->SendScintilla(QsciScintillaBase::SCI_INDICATORFILLRANGE, from, end - from);
        const int line
            = static_cast<int>(editor_->SendScintilla(QsciScintillaBase::SCI_LINEFROMPOSITION, begin));
        lineHasError[line] = lineHasError[line] || error;
        if (!error)
            continue; // a warning gets a squiggle and a marker; its text is in the problems list
        messagesByLine[line] << QString::fromStdString(
            std::string(severityName(d.severity)) + ": " + d.message);
    }
    for (const auto& [line, error] : lineHasError)
        editor_->markerAdd(line, error ? errorMarker_ : warningMarker_);
    for (const auto& [line, messages] : messagesByLine)
        editor_->annotate(line, messages.join('\n'), errorStyle_);
}

} // namespace eqlwb::ui
