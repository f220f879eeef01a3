#include "support/generated_workspace.h"

#include "gen/telemetry.h"
#include "store/workspace.h"

#include <QDir>
#include <QtGlobal>

namespace eqlwb::test {

QString generatedWorkspace(const QString& dir, const QString& name, uint64_t events, uint64_t seed)
{
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    GenOptions options;
    options.events = events;
    options.seed = seed;
    const std::string logs = (dir + "/telemetry.ndjson").toStdString();
    if (auto st = writeTelemetry(logs, options); !st) {
        qWarning("gen failed: %s", st.error().message.c_str());
        return {};
    }
    const QString path = dir + "/" + name;
    auto ws = Workspace::open(path.toStdString());
    if (!ws) {
        qWarning("cannot create %s: %s", qPrintable(path), ws.error().message.c_str());
        return {};
    }
    auto report = (*ws)->import({logs});
    if (!report || report->events != int64_t(events)) {
        qWarning("import of the generated events failed");
        return {};
    }
    return path;
}

} // namespace eqlwb::test
