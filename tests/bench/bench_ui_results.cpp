// Benchmark of the results table: the time to show the first rows of a 1M-row result (engine
// run, display table, model), and the time per keystroke of the filter box over 100k rows.
// Prints figures; never asserts timings.
//   bench_ui_results [EVENTS]   (default 1000000)
#include "exec/query_runner.h"
#include "present/display_table.h"
#include "result_table_model.h"
#include "store/workspace.h"
#include "support/bench_support.h"

#include <QApplication>
#include <QTableView>
#include <algorithm>
#include <cstdio>

using namespace eqlwb;
using namespace eqlwb::ui;
using bench::nowMs;

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const uint64_t events = argc > 1 ? std::stoull(argv[1]) : 1000000;
    const std::string path = bench::generatedWorkspace(events);
    if (path.empty())
        return 1;
    auto ws = Workspace::open(path, false);
    if (!ws) {
        std::fprintf(stderr, "cannot open %s\n", path.c_str());
        return 1;
    }
    ColumnCache cache;
    RunOptions options;

    // Every event matches: the largest table a user can ask for.
    const double t0 = nowMs();
    auto result = runQuery(**ws, cache, "any where true", options);
    if (!result) {
        std::fprintf(stderr, "run failed: %s\n", result.error().message.c_str());
        return 1;
    }
    const double t1 = nowMs();
    const auto columns = defaultDisplayColumns(*result, options.timestampField);
    auto display = buildDisplayTable(**ws, cache, *result, columns, options.timestampField);
    if (!display) {
        std::fprintf(stderr, "display table failed: %s\n", display.error().message.c_str());
        return 1;
    }
    const double t2 = nowMs();
    ResultTableModel model;
    model.setTable(resultTableFrom(std::move(*display)));
    QTableView view;
    view.setModel(&model);
    view.resize(1200, 700);
    view.show();
    QApplication::processEvents();
    const double t3 = nowMs();
    std::printf("results table, %d rows x %d columns (cold cache)\n", model.rowCount(), model.columnCount());
    std::printf("  engine run:            %8.1f ms\n", t1 - t0);
    std::printf("  display table:         %8.1f ms\n", t2 - t1);
    std::printf("  model + first paint:   %8.1f ms\n", t3 - t2);
    std::printf("  first rows on screen:  %8.1f ms in total\n", t3 - t0);

    // Filter while typing over a 100k-row result, as the UI builds it.
    auto head = runQuery(**ws, cache, "any where true | head 100000", options);
    if (!head) {
        std::fprintf(stderr, "run failed: %s\n", head.error().message.c_str());
        return 1;
    }
    auto headDisplay = buildDisplayTable(
        **ws, cache, *head, defaultDisplayColumns(*head, options.timestampField), options.timestampField);
    if (!headDisplay)
        return 1;
    ResultTableModel small;
    small.setTable(resultTableFrom(std::move(*headDisplay)));
    const size_t keep = static_cast<size_t>(small.rowCount());
    const QString typed = QStringLiteral("powershell");
    double worst = 0;
    double total = 0;
    for (int i = 1; i <= typed.size(); ++i) {
        const double k0 = nowMs();
        small.setFilterText(typed.left(i));
        const double k = nowMs() - k0;
        worst = std::max(worst, k);
        total += k;
    }
    std::printf("filter box over %zu rows, typing \"%s\": %.2f ms per keystroke on average, %.2f ms worst "
                "(%d rows left)\n",
        keep, qPrintable(typed), total / typed.size(), worst, small.rowCount());
    std::printf("peak RSS: %.0f MB\n", bench::peakRssKb() / 1024.0);
    return 0;
}
