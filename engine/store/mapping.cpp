// Mapping profiles: parsing the JSON profile and applying it to one event (see mapping.h).
#include "store/mapping.h"

#include "store/builtin_profiles.h"
#include "store/timestamp.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_set>

namespace eqlwb {

using store_detail::ScalarRef;
using Json = nlohmann::json;

struct ProfileParser {
    static std::vector<std::string> strings(const Json& j)
    {
        std::vector<std::string> out;
        if (j.is_string())
            out.push_back(j.get<std::string>());
        else if (j.is_array()) {
            for (const auto& e : j)
                if (e.is_string())
                    out.push_back(e.get<std::string>());
        }
        return out;
    }

    static std::vector<MappingProfile::Constant> constants(MappingProfile& p, const Json& j)
    {
        std::vector<MappingProfile::Constant> out;
        if (!j.is_object())
            return out;
        for (auto it = j.begin(); it != j.end(); ++it) {
            MappingProfile::Constant c;
            c.path = it.key();
            const Json items = it.value().is_array() ? it.value() : Json::array({it.value()});
            for (const auto& v : items) {
                ScalarRef s;
                if (v.is_string()) {
                    p.texts_.push_back(v.get<std::string>());
                    s.type = ValueType::String;
                    s.s = p.texts_.back();
                } else if (v.is_boolean()) {
                    s.type = ValueType::Bool;
                    s.b = v.get<bool>();
                } else if (v.is_number_integer()) {
                    s.type = ValueType::Int;
                    s.i = v.get<int64_t>();
                } else if (v.is_number()) {
                    s.type = ValueType::Double;
                    s.d = v.get<double>();
                } else {
                    continue;
                }
                c.values.push_back(s);
            }
            out.push_back(std::move(c));
        }
        return out;
    }

    static Result<std::shared_ptr<const MappingProfile>> parse(
        std::string_view text, const std::string& origin)
    {
        const Json j = Json::parse(text.begin(), text.end(), nullptr, false);
        if (j.is_discarded() || !j.is_object())
            return Error{"bad-profile", origin + ": not a JSON object", {}};
        auto p = std::make_shared<MappingProfile>();
        if (!j.contains("name") || !j["name"].is_string() || j["name"].get<std::string>().empty())
            return Error{"bad-profile", origin + ": a mapping profile needs a \"name\"", {}};
        p->name_ = j["name"].get<std::string>();
        p->description_ = j.value("description", std::string());
        p->timestamp_ = j.value("timestamp", std::string());
        p->keepUnder_ = j.value("keep_original_under", std::string());
        if (j.contains("detect"))
            p->detect_ = strings(j["detect"]);
        if (j.contains("copy") && j["copy"].is_object()) {
            for (auto it = j["copy"].begin(); it != j["copy"].end(); ++it)
                p->copy_.emplace_back(it.key(), strings(it.value()));
        }
        if (j.contains("derive") && j["derive"].is_array()) {
            for (const auto& d : j["derive"]) {
                if (!d.is_object())
                    continue;
                MappingProfile::Derive r;
                r.op = d.value("op", std::string());
                r.from = d.value("from", std::string());
                r.separator = d.value("separator", std::string());
                r.stripPrefix = d.value("strip_prefix", std::string());
                r.onlyIp = d.value("only_ip", false);
                if (d.contains("to"))
                    r.to = strings(d["to"]);
                if (d.contains("skip"))
                    r.skip = strings(d["skip"]);
                if (r.op != "basename" && r.op != "split" && r.op != "list" && r.op != "int")
                    return Error{"bad-profile", origin + ": unknown derive op \"" + r.op + "\"", {}};
                if (r.from.empty() || r.to.empty()
                    || ((r.op == "split" || r.op == "list") && r.separator.empty()))
                    return Error{
                        "bad-profile", origin + ": derive \"" + r.op + "\" needs from, to and separator", {}};
                p->derive_.push_back(std::move(r));
            }
        }
        if (j.contains("set"))
            p->set_ = constants(*p, j["set"]);
        if (j.contains("when") && j["when"].is_array()) {
            for (const auto& w : j["when"]) {
                if (!w.is_object())
                    continue;
                MappingProfile::When when;
                when.field = w.value("field", std::string());
                const Json eq = w.value("equals", Json());
                when.equals = eq.is_string() ? eq.get<std::string>() : eq.dump();
                when.set = constants(*p, w.value("set", Json::object()));
                p->when_.push_back(std::move(when));
            }
        }
        return std::shared_ptr<const MappingProfile>(std::move(p));
    }
};

Result<std::shared_ptr<const MappingProfile>> MappingProfile::fromJson(
    std::string_view json, const std::string& origin)
{
    try {
        return ProfileParser::parse(json, origin);
    } catch (const std::exception& e) {
        return Error{"bad-profile", origin + ": " + e.what(), {}};
    }
}

std::vector<std::shared_ptr<const MappingProfile>> MappingProfile::builtins()
{
    std::vector<std::shared_ptr<const MappingProfile>> out;
    for (const auto& [name, text] : store_detail::builtinProfileTexts()) {
        auto p = fromJson(text, std::string(name));
        if (p)
            out.push_back(*p);
    }
    return out;
}

Result<std::shared_ptr<const MappingProfile>> MappingProfile::load(const std::string& nameOrPath)
{
    for (const auto& [name, text] : store_detail::builtinProfileTexts()) {
        if (name == nameOrPath)
            return fromJson(text, std::string(name));
    }
    std::ifstream in(nameOrPath, std::ios::binary);
    if (!in) {
        std::string names;
        for (const auto& [name, text] : store_detail::builtinProfileTexts())
            names += (names.empty() ? "" : ", ") + std::string(name);
        return Error{"bad-profile",
            "no mapping profile \"" + nameOrPath + "\" (shipped: " + names
                + "; or give a profile file's path)",
            {}};
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return fromJson(ss.str(), nameOrPath);
}

namespace {

bool looksLikeIp(std::string_view s)
{
    if (s.empty() || s.size() > 45)
        return false;
    bool colon = false, dot = false;
    for (char c : s) {
        if (c == ':')
            colon = true;
        else if (c == '.')
            dot = true;
        else if (!std::isxdigit(static_cast<unsigned char>(c)))
            return false;
    }
    if (colon)
        return true;
    if (!dot)
        return false;
    for (char c : s) {
        if (c != '.' && !std::isdigit(static_cast<unsigned char>(c)))
            return false;
    }
    return true;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

ScalarRef str(std::string_view s)
{
    ScalarRef r;
    r.type = ValueType::String;
    r.s = s;
    return r;
}

std::string textOf(const ScalarRef& v)
{
    switch (v.type) {
    case ValueType::String:
        return std::string(v.s);
    case ValueType::Int:
        return std::to_string(v.i);
    case ValueType::Bool:
        return v.b ? "true" : "false";
    case ValueType::Double: {
        std::ostringstream ss;
        ss << v.d;
        return ss.str();
    }
    default:
        return "null";
    }
}

} // namespace

void MappingProfile::apply(
    const std::vector<MappedField>& in, std::vector<MappedField>& out, std::deque<std::string>& storage) const
{
    // Source fields by name (first value); events have a few dozen fields, a linear scan is fine.
    auto find = [&](const std::string& name) -> const MappedField* {
        for (const auto& f : in)
            if (f.path == name)
                return &f;
        return nullptr;
    };
    std::unordered_set<std::string> written;
    auto put = [&](const std::string& path, const ScalarRef& v) { out.push_back(MappedField{path, v}); };
    auto claim = [&](const std::string& path) { return written.insert(path).second; };

    if (!timestamp_.empty()) {
        if (const MappedField* t = find(timestamp_); t && t->value.type == ValueType::String) {
            if (auto ns = parseTimestampText(t->value.s)) {
                storage.push_back(formatTimestamp(*ns));
                put("@timestamp", str(storage.back()));
                claim("@timestamp");
            }
        }
    }
    for (const auto& [from, targets] : copy_) {
        for (const auto& f : in) {
            if (f.path != from)
                continue;
            for (const auto& to : targets) {
                if (written.count(to) && out.back().path != to)
                    continue;
                written.insert(to);
                put(to, f.value);
            }
        }
    }
    for (const auto& d : derive_) {
        const MappedField* f = find(d.from);
        if (!f || written.count(d.to.front()))
            continue;
        if (d.op == "int") {
            ScalarRef v = f->value;
            if (v.type == ValueType::String) {
                int64_t n = 0;
                bool okNum = !v.s.empty() && v.s.size() < 19;
                for (char c : v.s)
                    okNum = okNum && c >= '0' && c <= '9';
                if (!okNum)
                    continue;
                for (char c : v.s)
                    n = n * 10 + (c - '0');
                v = ScalarRef{};
                v.type = ValueType::Int;
                v.i = n;
            }
            if (v.type != ValueType::Int)
                continue;
            claim(d.to.front());
            put(d.to.front(), v);
            continue;
        }
        if (f->value.type != ValueType::String)
            continue;
        const std::string_view s = f->value.s;
        if (d.op == "basename") {
            const size_t cut = s.find_last_of("\\/");
            claim(d.to.front());
            put(d.to.front(), str(cut == std::string_view::npos ? s : s.substr(cut + 1)));
        } else if (d.op == "split") {
            const size_t at = s.find(d.separator);
            if (at == std::string_view::npos || d.to.size() < 2)
                continue;
            claim(d.to[0]);
            claim(d.to[1]);
            put(d.to[0], str(s.substr(0, at)));
            put(d.to[1], str(s.substr(at + d.separator.size())));
        } else if (d.op == "list") {
            size_t start = 0;
            bool any = false;
            while (start <= s.size()) {
                size_t end = s.find(d.separator, start);
                if (end == std::string_view::npos)
                    end = s.size();
                std::string_view part = trim(s.substr(start, end - start));
                start = end + d.separator.size();
                if (!d.stripPrefix.empty() && part.substr(0, d.stripPrefix.size()) == d.stripPrefix)
                    part.remove_prefix(d.stripPrefix.size());
                if (part.empty() || std::find(d.skip.begin(), d.skip.end(), part) != d.skip.end())
                    continue;
                if (d.onlyIp && !looksLikeIp(part))
                    continue;
                put(d.to.front(), str(part));
                any = true;
            }
            if (any)
                claim(d.to.front());
        }
    }
    auto putConstants = [&](const std::vector<Constant>& cs) {
        for (const auto& c : cs) {
            if (!claim(c.path))
                continue;
            for (const auto& v : c.values)
                put(c.path, v);
        }
    };
    for (const auto& w : when_) {
        const MappedField* f = find(w.field);
        if (f && textOf(f->value) == w.equals)
            putConstants(w.set);
    }
    putConstants(set_);
    if (!keepUnder_.empty()) {
        for (const auto& f : in) {
            storage.push_back(keepUnder_ + "." + f.path);
            out.push_back(MappedField{storage.back(), f.value});
        }
    }
}

} // namespace eqlwb
