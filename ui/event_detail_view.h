// The selected event as a tree of its JSON, with the fields the query reads highlighted, so a
// tuner sees at once why an event matched.
#pragma once

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;
class QLabel;
class QJsonValue;

namespace eqlwb::ui {

class EventDetailView : public QWidget {
    Q_OBJECT
public:
    explicit EventDetailView(QWidget* parent = nullptr);

    void setHighlightedFields(const QStringList& paths);
    void showEvent(qint64 id, const QByteArray& json);
    void clearEvent();

    QTreeWidget* tree() const { return tree_; }
    // Dotted paths of the items currently highlighted (for tests).
    QStringList highlightedPaths() const;

private:
    void addValue(QTreeWidgetItem* parent, const QString& key, const QString& path, const QJsonValue& value);

    QLabel* title_;
    QTreeWidget* tree_;
    QSet<QString> highlighted_;
};

} // namespace eqlwb::ui
