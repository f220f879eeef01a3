// The parsing side of an import (runs on its own thread): reads each source, splits it into
// documents, unwraps Elasticsearch hits, applies the mapping profile, flattens every event into
// column chunks and hands batches to the SQLite writer through a BatchQueue.
#pragma once

#include "core/progress.h"
#include "store/import_pipeline.h"
#include "store/mapping.h"

#include <atomic>
#include <memory>

namespace eqlwb::store_detail {

struct ParseSettings {
    std::vector<SourceJob> jobs;
    int64_t firstId = 1; // id of the first new event (ids are dense)
    int64_t nextFieldId = 1;
    std::vector<std::pair<std::string, KnownField>> knownFields;
    std::string timestampField = "@timestamp";
    std::shared_ptr<const MappingProfile> mapping; // nullptr: none
    std::vector<std::shared_ptr<const MappingProfile>> suggestions; // profiles to detect
    CancelToken cancel;
    std::atomic<uint64_t>* bytesRead = nullptr; // progress, shared with the writer
};

// Runs every job; always ends with queue.finish(). Never throws.
void runEventParser(ParseSettings settings, BatchQueue& queue);

} // namespace eqlwb::store_detail
