// Find and replace under the editor (Ctrl+F, Ctrl+H); Escape hides it.
#pragma once

#include <QWidget>

class QLineEdit;
class QCheckBox;
class QsciScintilla;

namespace eqlwb::ui {

class FindBar : public QWidget {
    Q_OBJECT
public:
    explicit FindBar(QsciScintilla* editor, QWidget* parent = nullptr);

    void showFind(bool withReplace);
    bool findNext(bool forward = true);
    bool replaceCurrent();
    int replaceAll();

    QLineEdit* findField() const { return find_; }
    QLineEdit* replaceField() const { return replace_; }

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    QsciScintilla* editor_;
    QLineEdit* find_;
    QLineEdit* replace_;
    QCheckBox* matchCase_;
    QWidget* replaceRow_;
};

} // namespace eqlwb::ui
