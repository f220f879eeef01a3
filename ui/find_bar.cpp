#include "find_bar.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPushButton>
#include <Qsci/qsciscintilla.h>

namespace eqlwb::ui {

FindBar::FindBar(QsciScintilla* editor, QWidget* parent)
    : QWidget(parent)
    , editor_(editor)
{
    find_ = new QLineEdit(this);
    find_->setPlaceholderText(tr("Find"));
    replace_ = new QLineEdit(this);
    replace_->setPlaceholderText(tr("Replace with"));
    matchCase_ = new QCheckBox(tr("Match case"), this);
    auto* next = new QPushButton(tr("Next"), this);
    auto* previous = new QPushButton(tr("Previous"), this);
    auto* replaceOne = new QPushButton(tr("Replace"), this);
    auto* replaceEvery = new QPushButton(tr("Replace All"), this);
    auto* close = new QPushButton(tr("Close"), this);

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(find_, 0, 0);
    layout->addWidget(next, 0, 1);
    layout->addWidget(previous, 0, 2);
    layout->addWidget(matchCase_, 0, 3);
    layout->addWidget(close, 0, 4);
    replaceRow_ = new QWidget(this);
    auto* replaceLayout = new QGridLayout(replaceRow_);
    replaceLayout->setContentsMargins(0, 0, 0, 0);
    replaceLayout->addWidget(replace_, 0, 0);
    replaceLayout->addWidget(replaceOne, 0, 1);
    replaceLayout->addWidget(replaceEvery, 0, 2);
    layout->addWidget(replaceRow_, 1, 0, 1, 5);

    connect(find_, &QLineEdit::returnPressed, this, [this] { findNext(true); });
    connect(next, &QPushButton::clicked, this, [this] { findNext(true); });
    connect(previous, &QPushButton::clicked, this, [this] { findNext(false); });
    connect(replaceOne, &QPushButton::clicked, this, &FindBar::replaceCurrent);
    connect(replaceEvery, &QPushButton::clicked, this, &FindBar::replaceAll);
    connect(close, &QPushButton::clicked, this, [this] {
        hide();
        editor_->setFocus();
    });
    hide();
}

void FindBar::showFind(bool withReplace)
{
    replaceRow_->setVisible(withReplace);
    if (editor_->hasSelectedText() && !editor_->selectedText().contains('\n'))
        find_->setText(editor_->selectedText());
    show();
    find_->setFocus();
    find_->selectAll();
}

bool FindBar::findNext(bool forward)
{
    if (find_->text().isEmpty())
        return false;
    int line = 0;
    int index = 0;
    editor_->getCursorPosition(&line, &index);
    if (!forward && editor_->hasSelectedText()) {
        int l1 = 0, i1 = 0, l2 = 0, i2 = 0;
        editor_->getSelection(&l1, &i1, &l2, &i2);
        line = l1;
        index = i1;
    }
    return editor_->findFirst(
        find_->text(), false, matchCase_->isChecked(), false, true, forward, line, index);
}

bool FindBar::replaceCurrent()
{
    if (!editor_->hasSelectedText()
        || editor_->selectedText().compare(
               find_->text(), matchCase_->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive)
            != 0) {
        return findNext(true);
    }
    editor_->replaceSelectedText(replace_->text());
    return findNext(true);
}

int FindBar::replaceAll()
{
    if (find_->text().isEmpty())
        return 0;
    int count = 0;
    editor_->beginUndoAction(); // one undo step for the whole replacement
    bool found = editor_->findFirst(find_->text(), false, matchCase_->isChecked(), false, false, true, 0, 0);
    while (found) {
        editor_->replace(replace_->text());
        ++count;
        found = editor_->findNext();
    }
    editor_->endUndoAction();
    return count;
}

void FindBar::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        editor_->setFocus();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace eqlwb::ui
