#include "workbench_service.h"

#include "exec/column_cache.h"
#include "exec/query_runner.h"
#include "present/display_table.h"
#include "store/workspace.h"
#include "tuning/query_lists.h"

#include <QFileInfo>
#include <QSaveFile>
#include <algorithm>
#include <chrono>

namespace eqlwb::ui {

// Lives on the service's thread; owns every engine object, so they are used by one thread only.
class WorkbenchWorker : public QObject {
public:
    WorkbenchWorker(WorkbenchService* service, std::shared_ptr<std::atomic<quint64>> latestRun)
        : service_(service)
        , latestRun_(std::move(latestRun))
    {
    }

    void open(const QString& path)
    {
        auto ws = Workspace::open(path.toStdString());
        if (!ws.ok()) {
            Q_EMIT service_->workspaceFailed(QString::fromStdString(ws.error().message));
            return;
        }
        workspace_ = std::move(ws.value());
        cache_.clear();
        Q_EMIT service_->workspaceChanged(summary());
    }

    void import(const QStringList& paths, const QString& mapping, CancelToken cancel)
    {
        if (!workspace_) {
            Q_EMIT service_->importFailed(QObject::tr("Open or create a workspace before importing logs."));
            return;
        }
        ImportOptions options;
        options.mapping = mapping.toStdString();
        options.cancel = cancel;
        auto last = std::chrono::steady_clock::now();
        options.progress = [this, &last](const Progress& p) {
            const auto now = std::chrono::steady_clock::now();
            if (now - last < std::chrono::milliseconds(100))
                return;
            last = now;
            Q_EMIT service_->importProgress(static_cast<qint64>(p.bytesDone),
                static_cast<qint64>(p.bytesTotal), static_cast<qint64>(p.itemsDone));
        };
        std::vector<std::string> files;
        for (const auto& p : paths)
            files.push_back(p.toStdString());
        auto report = workspace_->import(files, options);
        if (!report.ok()) {
            Q_EMIT service_->importFailed(QString::fromStdString(report.error().message));
            return;
        }
        ImportOutcome outcome;
        outcome.events = report->events;
        outcome.rejected = report->rejected;
        for (const auto& s : report->sources) {
            QString line = QStringLiteral("%1: %2 events, %3 lines rejected")
                               .arg(QFileInfo(QString::fromStdString(s.path)).fileName())
                               .arg(s.events)
                               .arg(s.rejected);
            if (!s.message.empty())
                line += QStringLiteral(" (%1)").arg(QString::fromStdString(s.message));
            outcome.messages << line;
            for (const auto& e : s.errors)
                outcome.messages << QStringLiteral("%1:%2: %3")
                                        .arg(QString::fromStdString(e.source))
                                        .arg(e.line)
                                        .arg(QString::fromStdString(e.message));
        }
        Q_EMIT service_->importFinished(outcome);
        Q_EMIT service_->workspaceChanged(summary());
    }

    void run(quint64 generation, const QString& query, const QStringList& extraColumns, CancelToken cancel)
    {
        if (!workspace_) {
            Q_EMIT service_->runFailed(
                QObject::tr("No workspace is open: import logs or open a workspace first."), 0, 0);
            return;
        }
        RunOptions options;
        const std::string text = query.toStdString();
        auto result = runQuery(*workspace_, cache_, text, options, cancel);
        if (generation != latestRun_->load())
            return; // a newer run replaced this one: nobody wants its answer
        if (cancel.cancelled()) {
            Q_EMIT service_->runCancelled();
            return;
        }
        if (!result.ok()) {
            const auto& e = result.error();
            Q_EMIT service_->runFailed(QString::fromStdString(e.message), static_cast<int>(e.span.begin),
                static_cast<int>(e.span.end));
            return;
        }
        auto columns = defaultDisplayColumns(*result, options.timestampField);
        for (const auto& extra : extraColumns)
            if (std::find(columns.begin(), columns.end(), extra.toStdString()) == columns.end())
                columns.push_back(extra.toStdString());
        auto display = buildDisplayTable(*workspace_, cache_, *result, columns, options.timestampField);
        if (!display.ok()) {
            Q_EMIT service_->runFailed(QString::fromStdString(display.error().message), 0, 0);
            return;
        }
        RunOutcome outcome;
        outcome.generation = generation;
        outcome.query = query;
        outcome.matches = static_cast<int>(result->matches.size());
        outcome.eventsScanned = static_cast<qint64>(result->eventsScanned);
        outcome.elapsedMs = result->elapsedMs;
        for (const auto& d : result->diagnostics)
            outcome.warnings.push_back({d.severity == Severity::Error, QString::fromStdString(d.code),
                QString::fromStdString(d.message), static_cast<int>(d.span.begin),
                static_cast<int>(d.span.end)});
        for (const auto& f : result->fields)
            outcome.fields << QString::fromStdString(f);
        outcome.table = resultTableFrom(std::move(*display));
        Q_EMIT service_->runFinished(outcome);
        publishLists(generation, text, options, cancel);
    }

    // The lists editor's view of the query: each list and what each entry does, counted with
    // warm columns after the results are already on screen.
    void publishLists(
        quint64 generation, const std::string& text, const RunOptions& options, CancelToken cancel)
    {
        auto lists = findLists(text);
        if (!lists.ok())
            return;
        const bool counted = countHits(*workspace_, cache_, text, *lists, options, cancel).ok();
        if (generation != latestRun_->load())
            return;
        QVector<RuleList> out;
        for (const auto& l : *lists) {
            RuleList list;
            list.number = l.number;
            list.field = QString::fromStdString(l.field);
            list.operation = QString::fromStdString(l.operation);
            list.exclude = l.exclude;
            for (const auto& e : l.entries) {
                list.entries << QString::fromStdString(e.text);
                list.hits << (counted ? e.hits : -1);
            }
            out << list;
        }
        Q_EMIT service_->listsReady(out);
    }

    void fetchEvent(qint64 id)
    {
        if (!workspace_ || id < 0)
            return;
        auto json = workspace_->eventJson(id);
        if (json.ok())
            Q_EMIT service_->eventReady(id, QByteArray::fromStdString(*json));
    }

    void exportEvents(const QList<qint64>& ids, const QString& path)
    {
        if (!workspace_) {
            Q_EMIT service_->exportFailed(QObject::tr("No workspace is open."));
            return;
        }
        QByteArray out;
        for (qint64 id : ids) {
            auto json = workspace_->eventJson(id);
            if (!json.ok()) {
                Q_EMIT service_->exportFailed(QString::fromStdString(json.error().message));
                return;
            }
            out += QByteArray::fromStdString(*json);
            out += '\n';
        }
        if (path.isEmpty()) {
            Q_EMIT service_->eventsNdjsonReady(out);
            return;
        }
        QSaveFile file(path); // all or nothing: a failed export leaves no half-written file
        if (!file.open(QIODevice::WriteOnly) || file.write(out) != out.size() || !file.commit()) {
            Q_EMIT service_->exportFailed(
                QObject::tr("Could not write %1: %2").arg(path, file.errorString()));
            return;
        }
        Q_EMIT service_->eventsExported(static_cast<int>(ids.size()), path);
    }

private:
    WorkspaceSummary summary()
    {
        WorkspaceSummary s;
        s.workspacePath = QString::fromStdString(workspace_->path());
        s.events = workspace_->eventCount();
        for (const auto& src : workspace_->sources())
            s.sources.push_back({QString::fromStdString(src.path), QString::fromStdString(src.format),
                src.events, src.errors});
        for (const auto& f : workspace_->fieldStats())
            s.fields.push_back(
                {QString::fromStdString(f.path), QString::fromStdString(f.type), f.eventCount});
        return s;
    }

    WorkbenchService* service_;
    std::shared_ptr<std::atomic<quint64>> latestRun_;
    std::unique_ptr<Workspace> workspace_;
    ColumnCache cache_;
};

WorkbenchService::WorkbenchService(QObject* parent)
    : QObject(parent)
    , latestRun_(std::make_shared<std::atomic<quint64>>(0))
    , worker_(new WorkbenchWorker(this, latestRun_))
{
    qRegisterMetaType<WorkspaceSummary>();
    qRegisterMetaType<RunOutcome>();
    qRegisterMetaType<ImportOutcome>();
    qRegisterMetaType<QVector<RuleList>>();
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(this, &WorkbenchService::workspaceChanged, this, &WorkbenchService::adoptSummary);
    thread_.setObjectName(QStringLiteral("engine"));
    thread_.start();
}

WorkbenchService::~WorkbenchService()
{
    runCancel_.cancel();
    thread_.quit();
    thread_.wait();
}

void WorkbenchService::adoptSummary(const WorkspaceSummary& summary)
{
    workspacePath_ = summary.workspacePath;
    fieldPaths_.clear();
    for (const auto& f : summary.fields)
        fieldPaths_ << f.path;
}

void WorkbenchService::openWorkspace(const QString& path)
{
    QMetaObject::invokeMethod(
        worker_, [w = worker_, path] { w->open(path); }, Qt::QueuedConnection);
}

void WorkbenchService::importLogs(const QStringList& paths, const QString& mapping)
{
    importCancel_ = CancelToken();
    QMetaObject::invokeMethod(
        worker_, [w = worker_, paths, mapping, cancel = importCancel_] { w->import(paths, mapping, cancel); },
        Qt::QueuedConnection);
}

void WorkbenchService::cancelImport() { importCancel_.cancel(); }

void WorkbenchService::exportEvents(const QList<qint64>& ids, const QString& path)
{
    QMetaObject::invokeMethod(
        worker_, [w = worker_, ids, path] { w->exportEvents(ids, path); }, Qt::QueuedConnection);
}

void WorkbenchService::run(const QString& query, const QStringList& extraColumns)
{
    runCancel_.cancel();
    runCancel_ = CancelToken();
    const quint64 generation = ++*latestRun_;
    Q_EMIT runStarted();
    QMetaObject::invokeMethod(
        worker_,
        [w = worker_, generation, query, extraColumns, cancel = runCancel_] {
            w->run(generation, query, extraColumns, cancel);
        },
        Qt::QueuedConnection);
}

void WorkbenchService::cancel() { runCancel_.cancel(); }

void WorkbenchService::requestEvent(qint64 id)
{
    QMetaObject::invokeMethod(
        worker_, [w = worker_, id] { w->fetchEvent(id); }, Qt::QueuedConnection);
}

} // namespace eqlwb::ui
