// flattenJson(): the convenient entry point over the simdjson walker in flatten_walk.h.
#include "store/flatten.h"

#include "store/flatten_walk.h"

#include <unordered_map>

namespace eqlwb {

const FlatField* FlatEvent::find(std::string_view path) const
{
    for (const auto& f : fields) {
        if (f.path == path)
            return &f;
    }
    return nullptr;
}

Value FlatEvent::first(std::string_view path) const
{
    const FlatField* f = find(path);
    if (!f || f->values.empty())
        return Null{};
    return f->values.front();
}

Status flattenJson(std::string_view json, FlatEvent& out)
{
    out.fields.clear();
    try {
        // One parser per thread: parsers are costly to create and not thread-safe.
        thread_local simdjson::dom::parser parser;
        simdjson::dom::element root;
        const auto err = parser.parse(json.data(), json.size()).get(root);
        if (err == simdjson::DEPTH_ERROR)
            return Error{"too-deep", "the document is nested deeper than simdjson allows", {}};
        if (err)
            return Error{"json", std::string("not valid JSON: ") + simdjson::error_message(err), {}};
        if (root.type() != simdjson::dom::element_type::OBJECT)
            return Error{"not-object", "the document is not a JSON object", {}};

        // path -> position in out.fields; owned keys, so growing out.fields cannot dangle them.
        std::unordered_map<std::string, size_t> index;
        std::string key;
        auto sink = [&](std::string_view path, const store_detail::ScalarRef& v) {
            key.assign(path);
            auto [it, inserted] = index.try_emplace(key, out.fields.size());
            if (inserted)
                out.fields.push_back(FlatField{key, {}, false});
            const size_t at = it->second;
            FlatField& f = out.fields[at];
            if (v.type == ValueType::Null)
                f.explicitNull = true;
            else
                f.values.push_back(store_detail::toValue(v));
        };
        std::string path;
        if (store_detail::walkJson(root, path, sink) == store_detail::WalkResult::TooDeep) {
            out.fields.clear();
            return Error{"too-deep",
                "the document is nested deeper than " + std::to_string(kMaxFlattenDepth) + " levels", {}};
        }
        return Ok{};
    } catch (const std::exception& e) {
        out.fields.clear();
        return Error{"json", e.what(), {}};
    }
}

} // namespace eqlwb
