#include "eql_completer.h"

#include "eql_editor.h"
#include "present/completion.h"

#include <QKeyEvent>
#include <QPainter>
#include <QPixmap>
#include <algorithm>

namespace eqlwb::ui {

namespace {

constexpr int kListId = 1;

bool isWordByte(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '@' || c == '?';
}

QPixmap kindIcon(const QColor& color)
{
    QPixmap pm(12, 12);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(color);
    p.setPen(Qt::NoPen);
    p.drawRoundedRect(QRectF(1, 1, 10, 10), 3, 3);
    return pm;
}

int imageFor(CompletionItem::Kind kind) { return static_cast<int>(kind) + 1; }

} // namespace

EqlCompleter::EqlCompleter(EqlEditor* editor)
    : QObject(editor)
    , editor_(editor)
{
    editor_->registerImage(imageFor(CompletionItem::Kind::WorkspaceField), kindIcon(QColor("#2da44e")));
    editor_->registerImage(imageFor(CompletionItem::Kind::EcsField), kindIcon(QColor("#0969da")));
    editor_->registerImage(imageFor(CompletionItem::Kind::Function), kindIcon(QColor("#8250df")));
    editor_->registerImage(imageFor(CompletionItem::Kind::Keyword), kindIcon(QColor("#cf222e")));
    // Keep our order (workspace fields first) instead of Scintilla's alphabetical one.
    editor_->SendScintilla(QsciScintillaBase::SCI_AUTOCSETORDER, 2 /* SC_ORDER_CUSTOM */);
    editor_->SendScintilla(QsciScintillaBase::SCI_AUTOCSETIGNORECASE, 1);
    editor_->SendScintilla(QsciScintillaBase::SCI_AUTOCSETMAXHEIGHT, 12);
    connect(editor_, &QsciScintilla::SCN_CHARADDED, this, &EqlCompleter::onCharAdded);
    connect(editor_, &QsciScintilla::userListActivated, this, &EqlCompleter::onUserListActivated);
    editor_->installEventFilter(this);
}

void EqlCompleter::setWorkspaceFields(const QStringList& fields)
{
    fields_.clear();
    for (const auto& f : fields)
        fields_.push_back(f.toStdString());
    std::sort(fields_.begin(), fields_.end());
}

bool EqlCompleter::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == editor_ && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Space && (key->modifiers() & Qt::ControlModifier)) {
            complete();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

int EqlCompleter::wordStart() const
{
    const QByteArray text = editor_->text().toUtf8();
    int pos = static_cast<int>(editor_->SendScintilla(QsciScintillaBase::SCI_GETCURRENTPOS));
    pos = std::min(pos, static_cast<int>(text.size()));
    while (pos > 0 && isWordByte(text[pos - 1]))
        --pos;
    if (pos < text.size() && text[pos] == '?') // ?optional.field: complete the field part
        ++pos;
    return pos;
}

int EqlCompleter::complete()
{
    const int start = wordStart();
    const int current = static_cast<int>(editor_->SendScintilla(QsciScintillaBase::SCI_GETCURRENTPOS));
    const QByteArray prefix = editor_->text().toUtf8().mid(start, current - start);
    const auto items
        = completionsFor(std::string_view(prefix.constData(), static_cast<size_t>(prefix.size())), fields_);
    lastOffered_.clear();
    lastFunctions_.clear();
    QStringList entries;
    for (const auto& item : items) {
        const QString text = QString::fromStdString(item.text);
        lastOffered_ << text;
        if (item.kind == CompletionItem::Kind::Function)
            lastFunctions_ << text;
        entries << QStringLiteral("%1?%2").arg(text).arg(imageFor(item.kind));
    }
    if (entries.isEmpty() || (entries.size() == 1 && lastOffered_.first().toUtf8() == prefix))
        return 0;
    editor_->showUserList(kListId, entries);
    return static_cast<int>(entries.size());
}

void EqlCompleter::onCharAdded(int ch)
{
    if (ch == '(') {
        showCallTip(static_cast<int>(editor_->SendScintilla(QsciScintillaBase::SCI_GETCURRENTPOS)) - 1);
        return;
    }
    if (!isWordByte(static_cast<char>(ch)))
        return;
    const int current = static_cast<int>(editor_->SendScintilla(QsciScintillaBase::SCI_GETCURRENTPOS));
    if (current - wordStart() >= 2 || ch == '.')
        complete();
}

void EqlCompleter::onUserListActivated(int id, const QString& text)
{
    if (id != kListId)
        return;
    const int start = wordStart();
    const int current = static_cast<int>(editor_->SendScintilla(QsciScintillaBase::SCI_GETCURRENTPOS));
    const bool function = lastFunctions_.contains(text);
    const QByteArray insert = (function ? text + QLatin1Char('(') : text).toUtf8();
    editor_->SendScintilla(QsciScintillaBase::SCI_SETSEL, start, current);
    editor_->SendScintilla(QsciScintillaBase::SCI_REPLACESEL, insert.constData());
    if (function)
        showCallTip(start + static_cast<int>(insert.size()) - 1);
}

void EqlCompleter::showCallTip(int parenPos)
{
    const QByteArray text = editor_->text().toUtf8();
    int start = parenPos;
    while (start > 0 && (isWordByte(text[start - 1]) || text[start - 1] == '~'))
        --start;
    const QByteArray name = text.mid(start, parenPos - start);
    const auto tip = callTipFor(std::string_view(name.constData(), static_cast<size_t>(name.size())));
    if (!tip)
        return;
    editor_->SendScintilla(QsciScintillaBase::SCI_CALLTIPSHOW, start, tip->c_str());
}

} // namespace eqlwb::ui
