// The UI's only door to the engine: opens the workspace, imports logs, runs queries and fetches
// events on one worker thread, and answers with plain structs through queued signals, so the
// window never freezes and widgets never touch SQLite or the syntax tree.
#pragma once

#include "core/progress.h"
#include "result_table.h"
#include "rule_lists_panel.h"
#include "workspace_panel.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QThread>
#include <atomic>
#include <memory>

namespace eqlwb::ui {

struct Problem {
    bool error = false;
    QString code;
    QString message;
    int begin = 0; // byte offsets into the query text
    int end = 0;
};

struct RunOutcome {
    quint64 generation = 0;
    QString query;
    ResultTable table;
    int matches = 0; // events for an event query, sequences or samples otherwise
    qint64 eventsScanned = 0;
    double elapsedMs = 0; // the engine's run, without building the table
    QVector<Problem> warnings;
    QStringList fields; // fields the query reads
};

struct ImportOutcome {
    qint64 events = 0;
    qint64 rejected = 0;
    QStringList messages; // one line per source, then rejected lines as FILE:LINE: message
};

class WorkbenchWorker;

class WorkbenchService : public QObject {
    Q_OBJECT
public:
    explicit WorkbenchService(QObject* parent = nullptr);
    ~WorkbenchService() override;

    void openWorkspace(const QString& path);
    void importLogs(const QStringList& paths, const QString& mapping = {});
    // Starts a run; a run still going is cancelled and its result dropped.
    void run(const QString& query, const QStringList& extraColumns = {});
    void cancel();
    void requestEvent(qint64 id);
    void cancelImport();
    // The events as NDJSON (one stored document a line): written to `path`, or, when path is
    // empty, handed back through eventsNdjsonReady (for the clipboard).
    void exportEvents(const QList<qint64>& ids, const QString& path = {});

    bool hasWorkspace() const { return !workspacePath_.isEmpty(); }
    QString workspacePath() const { return workspacePath_; }
    // The open workspace's fields (for completion and the analyzer), from the last summary.
    QStringList fieldPaths() const { return fieldPaths_; }

Q_SIGNALS:
    void workspaceChanged(const eqlwb::ui::WorkspaceSummary& summary);
    void workspaceFailed(const QString& message);
    void importProgress(qint64 bytesDone, qint64 bytesTotal, qint64 events);
    void importFinished(const eqlwb::ui::ImportOutcome& outcome);
    void importFailed(const QString& message);
    void runStarted();
    void runFinished(const eqlwb::ui::RunOutcome& outcome);
    void runFailed(const QString& message, int begin, int end);
    void runCancelled();
    void eventReady(qint64 id, const QByteArray& json);
    void eventsNdjsonReady(const QByteArray& ndjson);
    // After runFinished: the lists inside the query with each entry's hit count.
    void listsReady(const QVector<eqlwb::ui::RuleList>& lists);
    void eventsExported(int count, const QString& path);
    void exportFailed(const QString& message);

private:
    void adoptSummary(const WorkspaceSummary& summary);

    QThread thread_;
    std::shared_ptr<std::atomic<quint64>> latestRun_; // shared with the worker: drop stale answers
    WorkbenchWorker* worker_;
    CancelToken runCancel_; // the current run's; a new run gets a new one
    CancelToken importCancel_;
    QString workspacePath_;
    QStringList fieldPaths_;
};

} // namespace eqlwb::ui

Q_DECLARE_METATYPE(eqlwb::ui::WorkspaceSummary)
Q_DECLARE_METATYPE(eqlwb::ui::RunOutcome)
Q_DECLARE_METATYPE(eqlwb::ui::ImportOutcome)
Q_DECLARE_METATYPE(QVector<eqlwb::ui::RuleList>)
