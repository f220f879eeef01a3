// Runs Elasticsearch's EQL QA suite folder (conformance/es-eql, see its MANIFEST.md) against
// the executor: the data-backed query specs with their per-suite tiebreaker and id fields and a
// result size of 50, and the expression-folding cases of unit/ minus those Elasticsearch lists
// as unsupported.
#pragma once

#include "core/progress.h"
#include "core/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace eqlwb {

enum class QaOutcome { Passed, Failed, Skipped };

struct QaCase {
    std::string suite; // file name, e.g. "test_queries.toml"
    std::string name; // the spec's name, or the folded expression
    std::string query;
    QaOutcome outcome = QaOutcome::Skipped;
    std::string expected; // for failures: what the spec wants, printed
    std::string actual; // for failures: what we produced (ids, a value, or an error)
    std::string reason; // for skips
};

struct QaReport {
    std::vector<QaCase> cases;
    int passed = 0;
    int failed = 0;
    int skipped = 0;
};

// Errors: the folder or one of its files cannot be read or parsed.
Result<QaReport> runEsQaSuite(const std::string& dir, const CancelToken& cancel = {});

} // namespace eqlwb
