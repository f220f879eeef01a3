// Benchmark of event queries over 1M generated events (eqlwb gen telemetry) ingested into a
// workspace: opening it and the seed rule's first run (cold), the seed rule warm, the current
// rule's `:` list, a 90-pattern `:` list, a regex, and peak memory. Prints figures; never
// asserts timings. The workspace is built once under the build tree and reused (bench_support).
//   bench_query [EVENTS]   (default 1000000)
#include "exec/query_runner.h"
#include "store/workspace.h"
#include "support/bench_support.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

using namespace eqlwb;

namespace {

// The query of a detection-rules TOML file (between query = ''' and ''').
std::string ruleQuery(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    const size_t begin = text.find("query = '''");
    if (begin == std::string::npos)
        return {};
    const size_t end = text.find("'''", begin + 11);
    return text.substr(begin + 11, end - begin - 11);
}

// The first `n` string literals of the dns.question.name list of a query, as a `:` list query.
std::string colonListQuery(const std::string& rule, size_t n)
{
    std::vector<std::string> patterns;
    size_t at = rule.find("dns.question.name :");
    while (at != std::string::npos && patterns.size() < n) {
        const size_t open = rule.find('"', at + 1);
        if (open == std::string::npos)
            break;
        const size_t close = rule.find('"', open + 1);
        patterns.push_back(rule.substr(open, close - open + 1));
        at = close;
        const size_t next = rule.find_first_not_of(" \n\r\t,", close + 1);
        if (next == std::string::npos || rule[next] != '"')
            break;
    }
    for (size_t i = 0; patterns.size() < n; ++i) // pad with patterns that match nothing
        patterns.push_back("\"*.nothing" + std::to_string(i) + ".example\"");
    std::string q = "network where dns.question.name : (";
    for (size_t i = 0; i < patterns.size(); ++i)
        q += (i ? ", " : "") + patterns[i];
    return q + ")";
}

struct Timing {
    double ms = 0;
    size_t results = 0;
};

Timing timeQuery(Workspace& ws, ColumnCache& cache, const std::string& query)
{
    const double t0 = bench::nowMs();
    auto r = runQuery(ws, cache, query, RunOptions{});
    const double t1 = bench::nowMs();
    if (!r) {
        std::cerr << "query failed: " << r.error().message << "\n";
        return {t1 - t0, 0};
    }
    return {t1 - t0, r->matches.size()};
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    const uint64_t events = argc > 1 ? std::stoull(argv[1]) : 1000000;
    const std::string wsPath = bench::generatedWorkspace(events);
    if (wsPath.empty())
        return 1;

    const std::string shared = EQLWB_SHARED_DIR;
    std::string seed711 = ruleQuery(shared + "/rules/command_and_control_common_webservices.tag-7.11.toml");
    std::string seedHead = ruleQuery(shared + "/rules/command_and_control_common_webservices.HEAD.toml");
    if (seed711.empty()) // without ../shared: a query of the same shape
        seed711
            = "network where network.protocol == \"dns\" and wildcard(dns.question.name, \"*.pastebin.*\", "
              "\"*ngrok.*\") and not process.name in (\"chrome.exe\", \"firefox.exe\")";
    const std::string list90 = colonListQuery(seedHead.empty() ? seed711 : seedHead, 90);
    const std::string regex = "network where dns.question.name regex~ "
                              "\"(raw\\\\.githubusercontent|pastebin|[a-z]+\\\\.ngrok)\\\\..*\"";

    std::printf("events: %llu\n", static_cast<unsigned long long>(events));
    // Cold: open the workspace and run the seed rule (column loads and encoding included).
    const double t0 = bench::nowMs();
    auto ws = Workspace::open(wsPath, false);
    if (!ws) {
        std::cerr << "cannot open workspace: " << ws.error().message << "\n";
        return 1;
    }
    ColumnCache cache;
    const Timing cold = timeQuery(**ws, cache, seed711);
    std::printf("seed rule 7.11, open + first run: %.1f ms (%zu results)  [target <= 1500 ms]\n",
        bench::nowMs() - t0, cold.results);
    std::printf("seed rule 7.11, first run alone: %.1f ms\n", cold.ms);

    // EQLWB_BENCH_PROFILE=N: run the warm seed rule N more times (for perf record), then stop.
    if (const char* loops = std::getenv("EQLWB_BENCH_PROFILE")) {
        for (int i = 0; i < std::atoi(loops); ++i)
            timeQuery(**ws, cache, seed711);
        return 0;
    }
    auto warm = [&](const char* label, const std::string& query, const char* target) {
        const Timing first = timeQuery(**ws, cache, query);
        std::vector<double> runs;
        size_t results = 0;
        for (int i = 0; i < 7; ++i) {
            const Timing t = timeQuery(**ws, cache, query);
            runs.push_back(t.ms);
            results = t.results;
        }
        std::printf("%s: first %.1f ms, warm median %.2f ms (%zu results)%s\n", label, first.ms, median(runs),
            results, target);
    };
    warm("seed rule 7.11", seed711, "  [target warm <= 5 ms]");
    if (!seedHead.empty())
        warm("seed rule HEAD", seedHead, "");
    warm(": list of 90 patterns", list90, "");
    warm("regex~", regex, "");
    std::printf("peak RSS: %.1f MB  [target <= 1536 MB]\n", bench::peakRssKb() / 1024.0);
    return 0;
}
