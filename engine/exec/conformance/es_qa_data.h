// Loads Elasticsearch's EQL QA data sets (conformance/es-eql/data: a JSON array of events and
// an index mapping) into an in-memory source, the way the QA harness's DataLoader indexes them:
// mapping aliases and null_value, typed fields (ip, version, date), the endgame timestamps.
#pragma once

#include "core/result.h"
#include "exec/run_options.h"
#include "memsource/memory_source.h"

#include <memory>
#include <string>
#include <vector>

namespace eqlwb {

enum class EndgameTime {
    None, // @timestamp is in the data
    Millis, // @timestamp = timestamp / 10000 - 11644473600000 (FILETIME to epoch millis)
    Nanos, // @timestamp = timestamp read as epoch nanoseconds (date_nanos); timestamp / 1e6
};

struct QaDataSpec {
    std::vector<std::string> dataFiles; // paths of *.data files (JSON arrays, `//` lines allowed)
    std::string mappingFile; // *.mapping (`#` comment lines allowed)
    std::string idField; // its value becomes the event id
    EndgameTime endgameTime = EndgameTime::None;
};

struct QaData {
    std::unique_ptr<MemorySource> source;
    std::map<std::string, FieldType> fieldTypes; // from the mapping
};

Result<QaData> loadQaData(const QaDataSpec& spec);

} // namespace eqlwb
