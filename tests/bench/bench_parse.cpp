// Parsing speed: the whole detection-rules corpus (1,081 queries), parsed and formatted, and one
// big synthetic query. Prints figures; asserts nothing about time.
#include "eql/parser.h"
#include "support/bench_support.h"
#include "support/test_paths.h"

#include <chrono>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace {

double msSince(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

} // namespace

int main()
{
    using namespace eqlwb;
    const std::string corpusPath
        = eqlwb::test::sharedDir().toStdString() + "/corpus/detection-rules-eql.jsonl";
    std::vector<std::string> queries;
    std::ifstream in(corpusPath);
    std::string line;
    while (std::getline(in, line)) {
        const auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_object() && j.contains("query") && j["query"].is_string())
            queries.push_back(j["query"].get<std::string>());
    }
    if (queries.empty()) {
        std::cout << "bench_parse: corpus not found at " << corpusPath << ", skipped\n";
        return 0;
    }
    size_t bytes = 0;
    for (const auto& q : queries)
        bytes += q.size();

    constexpr int kRounds = 5;
    double best = 1e30;
    size_t errors = 0;
    for (int round = 0; round < kRounds; ++round) {
        errors = 0;
        const auto t0 = std::chrono::steady_clock::now();
        for (const auto& q : queries)
            errors += eql::parseQuery(q).ok() ? 0 : 1;
        best = std::min(best, msSince(t0));
    }
    std::cout << "bench_parse: corpus " << queries.size() << " queries, " << bytes / 1024
              << " KiB, parse best of " << kRounds << ": " << best << " ms (" << (bytes / 1e6) / (best / 1e3)
              << " MB/s), " << errors << " with errors\n";

    // A 10 MB query: one long `or` chain of pattern lists.
    std::string big = "process where ";
    while (big.size() < 10'000'000)
        big += "process.name : (\"a*\", \"b?c\") or ";
    big += "true";
    const auto t0 = std::chrono::steady_clock::now();
    const bool ok = eql::parseQuery(big).ok();
    std::cout << "bench_parse: 10 MB query parsed in " << msSince(t0) << " ms (" << (ok ? "ok" : "errors")
              << "), peak RSS " << bench::peakRssKb() / 1024 << " MB\n";
    return 0;
}
