// Mapping profiles: turn logs that are not ECS (raw Sysmon JSON, ...) into ECS fields at import.
// Profiles are data (JSON files, resources/mappings/*.json); the shipped ones are embedded in
// the engine at build time so eqlwb works from any folder, and users load their own by path.
//
// Profile keys (all optional except name):
//   name, description
//   detect       fields that must all be present for "this profile fits this file"
//   timestamp    source field giving the event time (@timestamp is written from it, ISO 8601)
//   copy         {"SourceField": "ecs.field" | ["ecs.a", "ecs.b"]}
//   derive       [{"op": "basename", "from": F, "to": T}                    last \ or / part
//                 {"op": "split", "from": F, "separator": S, "to": [A, B]}  only when S occurs
//                 {"op": "list", "from": F, "separator": S, "to": T, "strip_prefix": P,
//                  "skip": [..], "only_ip": true}]                            multi-valued
//                 {"op": "int", "from": F, "to": T}                           numeric text to long
//   set          {"ecs.field": constant or [constants]}
//   when         [{"field": F, "equals": "22", "set": {...}}]  (compares the text form)
//   keep_original_under  prefix under which every source field is also kept
#pragma once

#include "core/result.h"
#include "store/flatten_walk.h"

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace eqlwb {

struct MappedField {
    std::string path;
    store_detail::ScalarRef value;
};

class MappingProfile {
public:
    // Parses a profile; `origin` names it in messages.
    static Result<std::shared_ptr<const MappingProfile>> fromJson(
        std::string_view json, const std::string& origin);
    // A shipped profile by name ("sysmon"), or a profile file by path.
    static Result<std::shared_ptr<const MappingProfile>> load(const std::string& nameOrPath);
    static std::vector<std::shared_ptr<const MappingProfile>> builtins();

    const std::string& name() const { return name_; }
    const std::string& description() const { return description_; }
    const std::vector<std::string>& detectFields() const { return detect_; }
    const std::string& timestampSource() const { return timestamp_; }

    // Maps one event's top-level source fields. String values of `out` point into `in`, into
    // the profile, or into `storage` (cleared by the caller between events).
    void apply(const std::vector<MappedField>& in, std::vector<MappedField>& out,
        std::deque<std::string>& storage) const;

    struct Derive {
        std::string op, from, separator, stripPrefix;
        std::vector<std::string> to, skip;
        bool onlyIp = false;
    };
    struct Constant {
        std::string path;
        std::vector<store_detail::ScalarRef> values; // strings point into `texts`
    };

private:
    std::string name_, description_, timestamp_, keepUnder_;
    std::vector<std::string> detect_;
    std::vector<std::pair<std::string, std::vector<std::string>>> copy_;
    std::vector<Derive> derive_;
    std::vector<Constant> set_;
    struct When {
        std::string field, equals;
        std::vector<Constant> set;
    };
    std::vector<When> when_;
    std::deque<std::string> texts_;
    friend struct ProfileParser;
};

} // namespace eqlwb
