// Filter chains to and from JSON. Shape (version 1):
//   {"version": 1, "filters": [
//     {"kind": "time_frame", "mode": "events|contained|intersecting", "from": ISO|null, "to": ISO|null},
//     {"kind": "case_size", "min": N, "max": N|null},
//     {"kind": "case_duration", "min_seconds": X, "max_seconds": X|null},
//     {"kind": "start_touchpoints" | "end_touchpoints", "touchpoints": [names], "keep": bool},
//     {"kind": "touchpoint", "mode": "keep_cases|drop_cases|keep_events|drop_events", "touchpoints": [..]},
//     {"kind": "directly_follows" | "eventually_follows", "from": name, "to": name, "keep": bool},
//     {"kind": "between", "from": name, "to": name},
//     {"kind": "variants", "top": N} or {"kind": "variants", "coverage_percent": X},
//     {"kind": "attribute", "attribute": name, "mode": "keep_cases|drop_cases|keep_events|drop_events",
//      "values": [texts], "min": number|ISO|null, "max": number|ISO|null, "match_null": bool}]}
// Reading: missing optional fields take the defaults of filter.hpp; unknown fields are errors (a typo
// must not silently widen a filter). Writing: every field, in the order above.
#include "tabiji/error.hpp"
#include "tabiji/filter.hpp"
#include "tabiji/json_layout.hpp"
#include "tabiji/timestamp.hpp"

#include "json_depth.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>
#include <initializer_list>

namespace tabiji {

namespace {

template <class... Ts>
struct overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;

const char* mode_name(TimeFrameMode m) {
    return m == TimeFrameMode::events      ? "events"
           : m == TimeFrameMode::contained ? "contained"
                                           : "intersecting";
}
const char* mode_name(MatchMode m) {
    switch (m) {
    case MatchMode::keep_cases:
        return "keep_cases";
    case MatchMode::drop_cases:
        return "drop_cases";
    case MatchMode::keep_events:
        return "keep_events";
    case MatchMode::drop_events:
        return "drop_events";
    }
    return "";
}

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void write_str(Writer& w, std::string_view s) {
    w.String(s.data(), rapidjson::SizeType(s.size()));
}
void write_time(Writer& w, Micros t) {
    if (t == kNoTime)
        w.Null();
    else
        write_str(w, format_timestamp(t));
}
void write_names(Writer& w, const std::vector<std::string>& names) {
    w.StartArray();
    for (const auto& n : names) write_str(w, n);
    w.EndArray();
}
// Whole numbers as integers (what a user writes), other numbers as the shortest exact double.
void write_bound(Writer& w, const AttributeBound& b) {
    if (b.kind == AttributeBound::Kind::open)
        w.Null();
    else if (b.kind == AttributeBound::Kind::time)
        write_time(w, b.time);
    else if (b.number == std::trunc(b.number) && std::fabs(b.number) < 9e15)
        w.Int64(int64_t(b.number));
    else
        w.Double(b.number);
}

// Reading one filter object, with errors that say which filter and which field.
class Reader {
  public:
    Reader(const rapidjson::Value& v, std::string where, const std::string& source)
        : v_(v), where_(std::move(where)), source_(source) {}

    [[noreturn]] void fail(const std::string& m) const { throw InputError(source_, 0, 0, where_ + ": " + m); }

    void only(std::initializer_list<const char*> fields) const {
        for (auto it = v_.MemberBegin(); it != v_.MemberEnd(); ++it) {
            const std::string name = it->name.GetString();
            bool ok = name == "kind";
            for (const char* f : fields) ok |= name == f;
            if (!ok) fail("unknown field '" + name + "'");
        }
    }
    const rapidjson::Value* get(const char* f) const {
        auto it = v_.FindMember(f);
        return it == v_.MemberEnd() || it->value.IsNull() ? nullptr : &it->value;
    }
    std::string str(const char* f, const std::string& fallback = "") const {
        const auto* x = get(f);
        if (!x) return fallback;
        if (!x->IsString()) fail("'" + std::string(f) + "' must be a string");
        return {x->GetString(), x->GetStringLength()};
    }
    bool boolean(const char* f, bool fallback) const {
        const auto* x = get(f);
        if (!x) return fallback;
        if (!x->IsBool()) fail("'" + std::string(f) + "' must be true or false");
        return x->GetBool();
    }
    uint64_t uint(const char* f, uint64_t fallback) const {
        const auto* x = get(f);
        if (!x) return fallback;
        if (!x->IsUint64()) fail("'" + std::string(f) + "' must be a whole number >= 0");
        return x->GetUint64();
    }
    double number(const char* f, double fallback) const {
        const auto* x = get(f);
        if (!x) return fallback;
        if (!x->IsNumber()) fail("'" + std::string(f) + "' must be a number");
        return x->GetDouble();
    }
    Micros time(const char* f) const {
        const std::string s = str(f);
        if (s.empty()) return kNoTime;
        const auto t = parse_timestamp(s);
        if (!t) fail("'" + std::string(f) + "' is not an ISO 8601 timestamp: '" + s + "'");
        return *t;
    }
    std::vector<std::string> names(const char* f, const char* what = "touchpoint names") const {
        std::vector<std::string> out;
        const auto* x = get(f);
        if (!x) return out;
        if (!x->IsArray()) fail("'" + std::string(f) + "' must be a list of " + what);
        for (const auto& e : x->GetArray()) {
            if (!e.IsString()) fail("'" + std::string(f) + "' must be a list of " + what);
            out.emplace_back(e.GetString(), e.GetStringLength());
        }
        return out;
    }
    MatchMode mode() const {
        const std::string m = str("mode", "keep_cases");
        for (auto candidate :
             {MatchMode::keep_cases, MatchMode::drop_cases, MatchMode::keep_events, MatchMode::drop_events})
            if (m == mode_name(candidate)) return candidate;
        fail("mode must be keep_cases, drop_cases, keep_events or drop_events, not '" + m + "'");
    }
    // A number, an ISO 8601 time, or null (open).
    AttributeBound bound(const char* f) const {
        const auto* x = get(f);
        if (!x) return {};
        if (x->IsNumber()) return AttributeBound::of(x->GetDouble());
        if (x->IsString())
            if (const auto t = parse_timestamp(std::string_view(x->GetString(), x->GetStringLength())))
                return AttributeBound::at(*t);
        fail("'" + std::string(f) + "' must be a number, an ISO 8601 time or null");
    }

  private:
    const rapidjson::Value& v_;
    std::string where_;
    const std::string& source_;
};

Filter read_filter(const Reader& r, const std::string& kind) {
    if (kind == "time_frame") {
        r.only({"mode", "from", "to"});
        TimeFrameFilter f;
        const std::string m = r.str("mode", "events");
        if (m == "events")
            f.mode = TimeFrameMode::events;
        else if (m == "contained")
            f.mode = TimeFrameMode::contained;
        else if (m == "intersecting")
            f.mode = TimeFrameMode::intersecting;
        else
            r.fail("mode must be events, contained or intersecting, not '" + m + "'");
        f.from = r.time("from");
        f.to = r.time("to");
        return f;
    }
    if (kind == "case_size") {
        r.only({"min", "max"});
        CaseSizeFilter f;
        f.min = r.uint("min", f.min);
        f.max = r.uint("max", f.max);
        return f;
    }
    if (kind == "case_duration") {
        r.only({"min_seconds", "max_seconds"});
        CaseDurationFilter f;
        f.min_seconds = r.number("min_seconds", f.min_seconds);
        f.max_seconds = r.number("max_seconds", f.max_seconds);
        return f;
    }
    if (kind == "start_touchpoints" || kind == "end_touchpoints") {
        r.only({"touchpoints", "keep"});
        EndpointFilter f;
        f.endpoint = kind == "start_touchpoints" ? Endpoint::start : Endpoint::end;
        f.touchpoints = r.names("touchpoints");
        f.keep = r.boolean("keep", true);
        return f;
    }
    if (kind == "touchpoint") {
        r.only({"mode", "touchpoints"});
        TouchpointFilter f;
        f.mode = r.mode();
        f.touchpoints = r.names("touchpoints");
        return f;
    }
    if (kind == "directly_follows" || kind == "eventually_follows") {
        r.only({"from", "to", "keep"});
        FollowsFilter f;
        f.eventually = kind == "eventually_follows";
        f.from = r.str("from");
        f.to = r.str("to");
        f.keep = r.boolean("keep", true);
        return f;
    }
    if (kind == "between") {
        r.only({"from", "to"});
        return BetweenFilter{r.str("from"), r.str("to")};
    }
    if (kind == "variants") {
        r.only({"top", "coverage_percent"});
        VariantFilter f;
        f.top = r.uint("top", 0);
        f.coverage_percent = r.number("coverage_percent", 0);
        return f;
    }
    if (kind == "attribute") {
        r.only({"attribute", "mode", "values", "min", "max", "match_null"});
        AttributeFilter f;
        f.attribute = r.str("attribute");
        f.mode = r.mode();
        f.values = r.names("values", "attribute values (strings)");
        f.min = r.bound("min");
        f.max = r.bound("max");
        f.match_null = r.boolean("match_null", false);
        return f;
    }
    r.fail("unknown kind '" + kind +
           "' (known: time_frame, case_size, case_duration, start_touchpoints, end_touchpoints, touchpoint, "
           "directly_follows, eventually_follows, between, variants, attribute)");
}

} // namespace

std::string_view filter_kind_name(const Filter& filter) {
    return std::visit(overloaded{
                          [](const TimeFrameFilter&) { return std::string_view("time_frame"); },
                          [](const CaseSizeFilter&) { return std::string_view("case_size"); },
                          [](const CaseDurationFilter&) { return std::string_view("case_duration"); },
                          [](const EndpointFilter& f) {
                              return std::string_view(f.endpoint == Endpoint::start ? "start_touchpoints"
                                                                                    : "end_touchpoints");
                          },
                          [](const TouchpointFilter&) { return std::string_view("touchpoint"); },
                          [](const FollowsFilter& f) {
                              return std::string_view(f.eventually ? "eventually_follows"
                                                                   : "directly_follows");
                          },
                          [](const BetweenFilter&) { return std::string_view("between"); },
                          [](const VariantFilter&) { return std::string_view("variants"); },
                          [](const AttributeFilter&) { return std::string_view("attribute"); },
                      },
                      filter);
}

std::string filter_chain_to_json(const FilterChain& chain) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartObject();
    w.Key("version");
    w.Int(kFilterJsonVersion);
    w.Key("filters");
    w.StartArray();
    for (const Filter& filter : chain.filters) {
        w.StartObject();
        w.Key("kind");
        write_str(w, filter_kind_name(filter));
        std::visit(overloaded{
                       [&](const TimeFrameFilter& f) {
                           w.Key("mode");
                           w.String(mode_name(f.mode));
                           w.Key("from");
                           write_time(w, f.from);
                           w.Key("to");
                           write_time(w, f.to);
                       },
                       [&](const CaseSizeFilter& f) {
                           w.Key("min");
                           w.Uint64(f.min);
                           w.Key("max");
                           if (f.max == CaseSizeFilter{}.max)
                               w.Null();
                           else
                               w.Uint64(f.max);
                       },
                       [&](const CaseDurationFilter& f) {
                           w.Key("min_seconds");
                           w.Double(f.min_seconds);
                           w.Key("max_seconds");
                           if (std::isinf(f.max_seconds))
                               w.Null();
                           else
                               w.Double(f.max_seconds);
                       },
                       [&](const EndpointFilter& f) {
                           w.Key("touchpoints");
                           write_names(w, f.touchpoints);
                           w.Key("keep");
                           w.Bool(f.keep);
                       },
                       [&](const TouchpointFilter& f) {
                           w.Key("mode");
                           w.String(mode_name(f.mode));
                           w.Key("touchpoints");
                           write_names(w, f.touchpoints);
                       },
                       [&](const FollowsFilter& f) {
                           w.Key("from");
                           write_str(w, f.from);
                           w.Key("to");
                           write_str(w, f.to);
                           w.Key("keep");
                           w.Bool(f.keep);
                       },
                       [&](const BetweenFilter& f) {
                           w.Key("from");
                           write_str(w, f.from);
                           w.Key("to");
                           write_str(w, f.to);
                       },
                       [&](const VariantFilter& f) {
                           if (f.top) {
                               w.Key("top");
                               w.Uint64(f.top);
                           } else {
                               w.Key("coverage_percent");
                               w.Double(f.coverage_percent);
                           }
                       },
                       [&](const AttributeFilter& f) {
                           w.Key("attribute");
                           write_str(w, f.attribute);
                           w.Key("mode");
                           w.String(mode_name(f.mode));
                           w.Key("values");
                           write_names(w, f.values);
                           w.Key("min");
                           write_bound(w, f.min);
                           w.Key("max");
                           write_bound(w, f.max);
                           w.Key("match_null");
                           w.Bool(f.match_null);
                       },
                   },
                   filter);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return json_text(buf);
}

FilterChain filter_chain_from_json(std::string_view json, const std::string& source) {
    rapidjson::Document doc;
    parse_json_document(doc, json, source);
    if (!doc.IsObject())
        throw InputError(source, 0, 0, "a filter chain is a JSON object {\"version\", \"filters\"}");
    const rapidjson::Value& root = doc; // const iterators on both sides of ==
    const auto version = root.FindMember("version");
    if (version == root.MemberEnd() || !version->value.IsInt())
        throw InputError(source, 0, 0, "missing \"version\" (this build writes version 1)");
    if (version->value.GetInt() < 1 || version->value.GetInt() > kFilterJsonVersion)
        throw InputError(source, 0, 0,
                         "filter chain version " + std::to_string(version->value.GetInt()) +
                             " is not supported (this build reads version 1)");
    const auto list = root.FindMember("filters");
    if (list == root.MemberEnd() || !list->value.IsArray())
        throw InputError(source, 0, 0, "missing \"filters\" list");
    FilterChain chain;
    size_t n = 0;
    for (const auto& item : list->value.GetArray()) {
        const std::string where = "filter " + std::to_string(++n);
        if (!item.IsObject()) throw InputError(source, 0, 0, where + ": must be an object");
        const auto kind = item.FindMember("kind");
        if (kind == item.MemberEnd() || !kind->value.IsString())
            throw InputError(source, 0, 0, where + ": missing \"kind\"");
        const std::string k = kind->value.GetString();
        Filter f = read_filter(Reader(item, where + " (" + k + ")", source), k);
        validate_filter(f, source + ": " + where + " (" + k + ")");
        chain.filters.push_back(std::move(f));
    }
    return chain;
}

} // namespace tabiji
