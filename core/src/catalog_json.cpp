// The touchpoint catalog to and from JSON (shape in catalog_json.hpp). Every read error names the JSON
// path of the offending value and what was expected there.
#include "tabiji/catalog_json.hpp"

#include "tabiji/error.hpp"
#include "tabiji/json_layout.hpp"

#include "json_depth.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <initializer_list>

namespace tabiji {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void str(Writer& w, std::string_view s) {
    w.String(s.data(), rapidjson::SizeType(s.size()));
}

// One JSON object being read, and its path for messages.
class Obj {
  public:
    Obj(const rapidjson::Value& v, std::string path, const std::string& source)
        : v_(v), path_(std::move(path)), source_(source) {
        if (!v.IsObject()) fail(path_, "expected an object");
    }
    [[noreturn]] void fail(const std::string& path, const std::string& m) const {
        throw InputError(source_, 0, 0, path + ": " + m);
    }
    std::string at(const char* f) const { return path_ + "." + f; }
    void only(std::initializer_list<const char*> fields) const {
        for (auto it = v_.MemberBegin(); it != v_.MemberEnd(); ++it) {
            const std::string name(it->name.GetString(), it->name.GetStringLength());
            bool ok = false;
            for (const char* f : fields) ok |= name == f;
            if (!ok) fail(path_ + "." + name, "unknown field");
        }
    }
    const rapidjson::Value* get(const char* f) const {
        auto it = v_.FindMember(f);
        return it == v_.MemberEnd() || it->value.IsNull() ? nullptr : &it->value;
    }
    std::string text(const char* f, const std::string& fallback = "") const {
        const auto* x = get(f);
        if (!x) return fallback;
        if (!x->IsString()) fail(at(f), "expected a string");
        return {x->GetString(), x->GetStringLength()};
    }
    std::string required_text(const char* f) const {
        if (!get(f)) fail(at(f), "missing (expected a string)");
        return text(f);
    }
    double number(const char* f, double fallback) const {
        const auto* x = get(f);
        if (!x) return fallback;
        if (!x->IsNumber()) fail(at(f), "expected a number");
        return x->GetDouble();
    }
    const rapidjson::Value* list(const char* f) const {
        const auto* x = get(f);
        if (x && !x->IsArray()) fail(at(f), "expected a list");
        return x;
    }

  private:
    const rapidjson::Value& v_;
    std::string path_;
    const std::string& source_;
};

std::string kind_list() {
    std::string s;
    for (int k = 0; k < kNumChannelKinds; ++k)
        s += (k ? ", " : "") + std::string(channel_kind_code(ChannelKind(k)));
    return s;
}

ChannelKind read_kind(const Obj& o, const std::string& path, const std::string& code) {
    const auto k = channel_kind_from_code(code);
    if (!k) o.fail(path, "expected one of " + kind_list() + ", got '" + code + "'");
    return *k;
}

} // namespace

std::string catalog_to_json(const Catalog& c) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartObject();
    w.Key("version");
    w.Int(kCatalogJsonVersion);
    w.Key("currency");
    str(w, c.currency);
    w.Key("unmapped");
    w.String(c.unmapped == UnmappedPolicy::other ? "other" : "drop");
    w.Key("stages");
    w.StartArray();
    for (const Stage& s : c.stages) {
        w.StartObject();
        w.Key("name");
        str(w, s.name);
        w.Key("label_ja");
        str(w, s.label_ja);
        w.EndObject();
    }
    w.EndArray();
    w.Key("human_contact_channels");
    w.StartArray();
    for (ChannelKind k : c.human_contact_channels) str(w, channel_kind_code(k));
    w.EndArray();
    w.Key("touchpoints");
    w.StartArray();
    for (const Touchpoint& t : c.touchpoints) {
        w.StartObject();
        w.Key("name");
        str(w, t.name);
        w.Key("channel");
        str(w, channel_kind_code(t.channel));
        w.Key("department");
        str(w, t.department);
        w.Key("mode");
        str(w, contact_mode_code(t.mode));
        w.Key("cost_per_contact");
        w.Double(t.cost_per_contact);
        w.Key("stage");
        str(w, t.stage);
        w.EndObject();
    }
    w.EndArray();
    w.Key("rules");
    w.StartArray();
    for (const MappingRule& r : c.rules) {
        w.StartObject();
        w.Key("attribute");
        str(w, r.attribute);
        w.Key("match");
        str(w, match_kind_code(r.match));
        w.Key("pattern");
        str(w, r.pattern);
        w.Key("touchpoint");
        str(w, r.touchpoint);
        w.EndObject();
    }
    w.EndArray();
    w.Key("channel_kinds");
    w.StartArray();
    for (int k = 0; k < kNumChannelKinds; ++k) {
        w.StartObject();
        w.Key("code");
        str(w, channel_kind_code(ChannelKind(k)));
        w.Key("en");
        str(w, channel_kind_label(ChannelKind(k), Lang::en));
        w.Key("ja");
        str(w, channel_kind_label(ChannelKind(k), Lang::ja));
        w.Key("default_mode");
        str(w, contact_mode_code(default_mode(ChannelKind(k))));
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return json_text(buf);
}

Catalog catalog_from_json(std::string_view json, const std::string& source) {
    rapidjson::Document doc;
    parse_json_document(doc, json, source);
    const Obj root(doc, "$", source);
    root.only({"version", "currency", "unmapped", "stages", "human_contact_channels", "touchpoints", "rules",
               "channel_kinds"});
    const auto* version = root.get("version");
    if (!version || !version->IsInt()) root.fail("$.version", "missing (expected 1)");
    if (version->GetInt() < 1 || version->GetInt() > kCatalogJsonVersion)
        root.fail("$.version", "catalog version " + std::to_string(version->GetInt()) +
                                   " is not supported (this build reads version 1)");
    Catalog c;
    c.currency = root.text("currency");
    const std::string unmapped = root.text("unmapped", "other");
    if (unmapped == "drop")
        c.unmapped = UnmappedPolicy::drop;
    else if (unmapped != "other")
        root.fail("$.unmapped", "expected \"other\" or \"drop\", got '" + unmapped + "'");

    if (const auto* stages = root.list("stages")) {
        c.stages.clear();
        size_t i = 0;
        for (const auto& v : stages->GetArray()) {
            const Obj o(v, "$.stages[" + std::to_string(i++) + "]", source);
            o.only({"name", "label_ja"});
            c.stages.push_back({o.required_text("name"), o.text("label_ja")});
        }
    }
    if (const auto* kinds = root.list("human_contact_channels")) {
        c.human_contact_channels.clear();
        size_t i = 0;
        for (const auto& v : kinds->GetArray()) {
            const std::string path = "$.human_contact_channels[" + std::to_string(i++) + "]";
            if (!v.IsString()) root.fail(path, "expected a channel kind code");
            c.human_contact_channels.push_back(read_kind(root, path, v.GetString()));
        }
    }
    if (const auto* tps = root.list("touchpoints")) {
        size_t i = 0;
        for (const auto& v : tps->GetArray()) {
            const Obj o(v, "$.touchpoints[" + std::to_string(i++) + "]", source);
            o.only({"name", "channel", "department", "mode", "cost_per_contact", "stage"});
            Touchpoint t;
            t.name = o.required_text("name");
            t.channel = read_kind(o, o.at("channel"), o.text("channel", "other"));
            t.department = o.text("department");
            const std::string mode = o.text("mode");
            if (mode.empty())
                t.mode = default_mode(t.channel);
            else if (const auto m = contact_mode_from_code(mode))
                t.mode = *m;
            else
                o.fail(o.at("mode"), "expected self_service, digital or human, got '" + mode + "'");
            t.cost_per_contact = o.number("cost_per_contact", 0);
            t.stage = o.text("stage");
            c.touchpoints.push_back(std::move(t));
        }
    }
    if (const auto* rules = root.list("rules")) {
        size_t i = 0;
        for (const auto& v : rules->GetArray()) {
            const Obj o(v, "$.rules[" + std::to_string(i++) + "]", source);
            o.only({"attribute", "match", "pattern", "touchpoint"});
            MappingRule r;
            r.attribute = o.text("attribute");
            const std::string m = o.text("match", "exact");
            if (m == "exact")
                r.match = MatchKind::exact;
            else if (m == "prefix")
                r.match = MatchKind::prefix;
            else if (m == "regex")
                r.match = MatchKind::regex;
            else
                o.fail(o.at("match"), "expected exact, prefix or regex, got '" + m + "'");
            r.pattern = o.required_text("pattern");
            r.touchpoint = o.required_text("touchpoint");
            c.rules.push_back(std::move(r));
        }
    }
    validate_catalog(c, source);
    return c;
}

} // namespace tabiji
