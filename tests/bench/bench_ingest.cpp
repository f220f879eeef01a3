// Ingest benchmark: `eqlwb gen` events (about 500 bytes each) into a fresh workspace.
// Prints events/s, MB/s and peak RSS for 250k then 1M events (the peak staying put shows memory
// is flat as files grow), then the time to open the 1M workspace and load its event index and
// one string column, as the executor does for a first query. Never asserts timings.
#include "gen/telemetry.h"
#include "store/workspace.h"
#include "support/bench_support.h"
#include "support/test_paths.h"

#include <QDir>
#include <QFile>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

using namespace eqlwb;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

bool ingest(const QString& dir, const char* label, uint64_t events)
{
    const std::string data = (dir + QString("/bench-%1.ndjson").arg(events)).toStdString();
    const std::string ws = (dir + QString("/bench-%1.eqlwb").arg(events)).toStdString();
    QFile::remove(QString::fromStdString(ws));
    QFile::remove(QString::fromStdString(ws + "-wal"));
    QFile::remove(QString::fromStdString(ws + "-shm"));
    GenOptions g;
    g.events = events;
    g.seed = 1;
    if (auto st = writeTelemetry(data, g); !st) {
        std::fprintf(stderr, "gen failed: %s\n", st.error().message.c_str());
        return false;
    }
    const double mb = double(QFileInfo(QString::fromStdString(data)).size()) / 1e6;
    auto w = Workspace::open(ws);
    if (!w)
        return false;
    const auto t0 = Clock::now();
    auto r = (*w)->import({data});
    const double s = secondsSince(t0);
    if (!r) {
        std::fprintf(stderr, "import failed: %s\n", r.error().message.c_str());
        return false;
    }
    std::printf("ingest %-4s %8llu events  %6.0f MB  %6.2f s  %8.0f events/s  %6.1f MB/s  peak RSS %ld MB\n",
        label, static_cast<unsigned long long>(r->events), mb, s, double(r->events) / s, mb / s,
        bench::peakRssKb() / 1024);
    std::fflush(stdout);
    QFile::remove(QString::fromStdString(data));
    return true;
}

} // namespace

int main()
{
    const QString dir = eqlwb::test::tempDir();
    if (!ingest(dir, "250k", 250000) || !ingest(dir, "1M", 1000000))
        return 1;

    const std::string ws = (dir + "/bench-1000000.eqlwb").toStdString();
    const auto t0 = Clock::now();
    auto w = Workspace::open(ws);
    if (!w)
        return 1;
    auto index = (*w)->eventIndex();
    const double tIndex = secondsSince(t0);
    const auto t1 = Clock::now();
    auto column = (*w)->column("process.name");
    const double tColumn = secondsSince(t1);
    const auto t2 = Clock::now();
    auto ts = (*w)->column("@timestamp");
    const double tDistinct = secondsSince(t2);
    if (!index || !column || !ts)
        return 1;
    std::printf("open + event index of %zu events: %.0f ms\n", index->ids.size(), tIndex * 1000);
    std::printf("load column process.name (%zu values): %.0f ms\n", column->values.size(), tColumn * 1000);
    std::printf("load column @timestamp (all distinct strings, %zu values): %.0f ms\n", ts->values.size(),
        tDistinct * 1000);
    std::printf("workspace file: %.0f MB; peak RSS after loading: %ld MB\n",
        double(QFileInfo(QString::fromStdString(ws)).size()) / 1e6, bench::peakRssKb() / 1024);
    return 0;
}
