// Left dock: what the open workspace holds (its sources and its fields with counts).
#pragma once

#include <QString>
#include <QVector>
#include <QWidget>

class QTreeWidget;
class QLabel;

namespace eqlwb::ui {

// Plain data the panel shows; filled by the workspace service from the engine.
struct WorkspaceSummary {
    struct Source {
        QString path;
        QString format;
        qint64 events = 0;
        qint64 rejected = 0;
    };
    struct Field {
        QString path;
        QString type;
        qint64 count = 0; // events carrying it; 0 when not known
    };
    QString workspacePath; // empty: no workspace open
    qint64 events = 0;
    QVector<Source> sources;
    QVector<Field> fields;
};

class WorkspacePanel : public QWidget {
    Q_OBJECT
public:
    explicit WorkspacePanel(QWidget* parent = nullptr);
    void setSummary(const WorkspaceSummary& summary);

Q_SIGNALS:
    void fieldActivated(const QString& path); // double-click: insert into the editor

private:
    QLabel* header_;
    QTreeWidget* tree_;
};

} // namespace eqlwb::ui
