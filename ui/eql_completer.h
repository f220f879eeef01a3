// Completion for the EQL editor: as you type a word of two or more characters (or a dot), a list
// of matching fields (the workspace's first, then ECS), functions and keywords; after a
// function name and '(', its signature as a call tip. Ctrl+Space opens the list at once.
#pragma once

#include <QObject>
#include <QStringList>
#include <string>
#include <vector>

namespace eqlwb::ui {

class EqlEditor;

class EqlCompleter : public QObject {
    Q_OBJECT
public:
    explicit EqlCompleter(EqlEditor* editor);

    // Fields of the open workspace, offered before ECS fields.
    void setWorkspaceFields(const QStringList& fields);
    // Shows the list for the word before the cursor; returns the number of items offered.
    int complete();
    // The items last offered (tests).
    QStringList lastOffered() const { return lastOffered_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onCharAdded(int ch);
    void onUserListActivated(int id, const QString& text);
    int wordStart() const; // byte position where the word before the cursor starts
    void showCallTip(int parenPos);

    EqlEditor* editor_;
    std::vector<std::string> fields_;
    QStringList lastOffered_;
    QStringList lastFunctions_;
};

} // namespace eqlwb::ui
