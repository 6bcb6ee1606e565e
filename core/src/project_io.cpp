// Project files with cereal: JSON and portable binary, class versions, atomic saves, and loads that turn
// every malformed input into an InputError (see project.hpp).
//
// Robustness of binary loads: cereal's own std::string / std::vector loads resize to a length read from
// the file before reading the elements, so a corrupt length could ask for terabytes. Strings and lists are
// therefore read here through `text` and `list`, which refuse a length larger than the whole input
// (g_input_limit) and grow lists element by element, so a truncated file fails at its end. JSON loads
// take lengths from the parsed document and nest at most kMaxJsonDepth deep (checked before parsing, so
// rapidjson's recursive parser cannot exhaust the stack).
//
// Numbers load to the very doubles that were saved (save / load / save gives the same file): rapidjson
// parses with its full-precision flag here. cereal asks for it too, but only when no rapidjson header came
// first (json_depth.hpp does), so it is set before any include.
#define RAPIDJSON_PARSE_DEFAULT_FLAGS kParseFullPrecisionFlag
#include "tabiji/project.hpp"

#include "tabiji/atomic_file.hpp"
#include "tabiji/error.hpp"
#include "tabiji/input_file.hpp"

#include "json_depth.hpp"

#include <cereal/archives/json.hpp>
#include <cereal/archives/portable_binary.hpp>
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <cmath>
#include <sstream>
#include <type_traits>

namespace tabiji {

namespace {

constexpr std::string_view kBinaryMagic = "TABIJIPB";
constexpr const char* kFormatName = "tabiji-project";
constexpr int kMaxJsonDepth = 32;
constexpr size_t kMaxFileBytes = size_t(256) << 20;

thread_local uint64_t g_input_limit = 0; // bytes of the input being loaded (binary loads)

template <class A>
constexpr bool kBinaryIn = std::is_same_v<A, cereal::PortableBinaryInputArchive>;

template <class A>
void text(A& ar, const char* name, std::string& s) {
    if constexpr (kBinaryIn<A>) {
        cereal::size_type n = 0;
        ar(cereal::make_size_tag(n));
        if (n > g_input_limit) throw InputError("", 0, 0, std::string("corrupt length of '") + name + "'");
        s.resize(size_t(n));
        if (n) ar(cereal::binary_data(s.data(), size_t(n)));
    } else {
        ar(cereal::make_nvp(name, s));
    }
}

template <class A, class T>
void list(A& ar, const char* name, std::vector<T>& v) {
    if constexpr (kBinaryIn<A>) {
        cereal::size_type n = 0;
        ar(cereal::make_size_tag(n));
        if (n > g_input_limit) throw InputError("", 0, 0, std::string("corrupt length of '") + name + "'");
        v.clear();
        for (cereal::size_type i = 0; i < n; ++i) {
            T x{};
            if constexpr (std::is_same_v<T, std::string>)
                text(ar, name, x);
            else
                ar(x);
            v.push_back(std::move(x));
        }
    } else {
        ar(cereal::make_nvp(name, v));
    }
}

// Enums as their codes (readable JSON; validated on load).
template <class A, class E>
void code(A& ar, const char* name, E& value, std::string_view (*to)(E),
          std::optional<E> (*from)(std::string_view), const char* expected) {
    std::string s;
    if constexpr (A::is_saving::value) s = std::string(to(value));
    text(ar, name, s);
    if constexpr (A::is_loading::value) {
        const auto v = from(s);
        if (!v)
            throw InputError("", 0, 0, std::string(name) + ": expected " + expected + ", got '" + s + "'");
        value = *v;
    }
}

std::string_view match_code(MatchKind m) {
    return match_kind_code(m);
}
std::optional<MatchKind> match_from(std::string_view s) {
    for (auto m : {MatchKind::exact, MatchKind::prefix, MatchKind::regex})
        if (match_kind_code(m) == s) return m;
    return std::nullopt;
}
std::string_view unmapped_code(UnmappedPolicy p) {
    return p == UnmappedPolicy::other ? "other" : "drop";
}
std::optional<UnmappedPolicy> unmapped_from(std::string_view s) {
    if (s == "other") return UnmappedPolicy::other;
    if (s == "drop") return UnmappedPolicy::drop;
    return std::nullopt;
}

} // namespace

// [SECTION] cereal functions (found by ADL in namespace tabiji)

template <class A>
void serialize(A& ar, Stage& s, const uint32_t /*version*/) {
    text(ar, "name", s.name);
    text(ar, "label_ja", s.label_ja);
}

template <class A>
void serialize(A& ar, Touchpoint& t, const uint32_t /*version*/) {
    text(ar, "name", t.name);
    code(ar, "channel", t.channel, channel_kind_code, channel_kind_from_code, "a channel kind code");
    text(ar, "department", t.department);
    code(ar, "mode", t.mode, contact_mode_code, contact_mode_from_code, "self_service, digital or human");
    ar(cereal::make_nvp("cost_per_contact", t.cost_per_contact));
    text(ar, "stage", t.stage);
}

template <class A>
void serialize(A& ar, MappingRule& r, const uint32_t /*version*/) {
    text(ar, "attribute", r.attribute);
    code(ar, "match", r.match, match_code, match_from, "exact, prefix or regex");
    text(ar, "pattern", r.pattern);
    text(ar, "touchpoint", r.touchpoint);
}

template <class A>
void serialize(A& ar, Catalog& c, const uint32_t /*version*/) {
    list(ar, "stages", c.stages);
    list(ar, "touchpoints", c.touchpoints);
    list(ar, "rules", c.rules);
    std::vector<std::string> kinds;
    for (ChannelKind k : c.human_contact_channels) kinds.emplace_back(channel_kind_code(k));
    list(ar, "human_contact_channels", kinds);
    if constexpr (A::is_loading::value) {
        c.human_contact_channels.clear();
        for (const std::string& k : kinds) {
            const auto kind = channel_kind_from_code(k);
            if (!kind) throw InputError("", 0, 0, "human_contact_channels: unknown channel kind '" + k + "'");
            c.human_contact_channels.push_back(*kind);
        }
    }
    code(ar, "unmapped", c.unmapped, unmapped_code, unmapped_from, "other or drop");
    text(ar, "currency", c.currency);
}

template <class A>
void serialize(A& ar, Annotation& a, const uint32_t version) {
    text(ar, "touchpoint", a.touchpoint);
    text(ar, "note", a.note);
    text(ar, "pain_point", a.pain_point);
    ar(cereal::make_nvp("emotion", a.emotion));
    if (version >= 2) {
        text(ar, "customer_sees", a.customer_sees);
        text(ar, "feelings", a.feelings);
    }
}

template <class A>
void serialize(A& ar, ViewSettings& v, const uint32_t /*version*/) {
    ar(cereal::make_nvp("activities_percent", v.activities_percent),
       cereal::make_nvp("paths_percent", v.paths_percent));
    text(ar, "layout", v.layout);
    text(ar, "language", v.language);
}

template <class A>
void serialize(A& ar, SavedFunnel& f, const uint32_t /*version*/) {
    text(ar, "name", f.name);
    list(ar, "steps", f.steps);
    ar(cereal::make_nvp("max_gap_seconds", f.max_gap_seconds));
}

template <class A>
void serialize(A& ar, Project& p, const uint32_t version) {
    ar(cereal::make_nvp("catalog", p.catalog));
    std::string filters;
    if constexpr (A::is_saving::value) filters = filter_chain_to_json(p.filters);
    text(ar, "filters", filters);
    if constexpr (A::is_loading::value) p.filters = filter_chain_from_json(filters, "filters");
    list(ar, "annotations", p.annotations);
    ar(cereal::make_nvp("view", p.view));
    if (version >= 2) list(ar, "funnels", p.funnels);
}

} // namespace tabiji

CEREAL_CLASS_VERSION(tabiji::Stage, 1)
CEREAL_CLASS_VERSION(tabiji::Touchpoint, 1)
CEREAL_CLASS_VERSION(tabiji::MappingRule, 1)
CEREAL_CLASS_VERSION(tabiji::Catalog, 1)
CEREAL_CLASS_VERSION(tabiji::Annotation, 2) // 2: + customer_sees, feelings
CEREAL_CLASS_VERSION(tabiji::ViewSettings, 1)
CEREAL_CLASS_VERSION(tabiji::SavedFunnel, 1)
CEREAL_CLASS_VERSION(tabiji::Project, tabiji::kProjectVersion)

namespace tabiji {

namespace {

// Whether a JSON text holds a string with the escape \u0000. A NUL byte in a project's text (possible in a
// binary file) is written so, and cereal reads JSON strings as C strings: the text would be cut there.
bool json_has_nul(std::string_view json) {
    bool in_string = false;
    for (size_t i = 0; i < json.size(); ++i) {
        if (json[i] == '"') {
            in_string = !in_string;
        } else if (in_string && json[i] == '\\') {
            if (json.substr(i + 1, 5) == "u0000") return true;
            ++i; // the escaped character
        }
    }
    return false;
}

} // namespace

void validate_project(const Project& p, const std::string& source) {
    if (json_has_nul(project_to_bytes(p, ProjectEncoding::json)))
        throw InputError(source, 0, 0, "a text holds a NUL byte; expected text without NUL bytes");
    validate_catalog(p.catalog, source);
    for (size_t i = 0; i < p.annotations.size(); ++i) {
        const Annotation& a = p.annotations[i];
        const std::string path = "annotations[" + std::to_string(i) + "]";
        if (a.emotion < -2 || a.emotion > 2)
            throw InputError(source, 0, 0,
                             path + ".emotion: expected -2 to +2, got " + std::to_string(a.emotion));
        if (p.catalog.find_touchpoint(a.touchpoint) < 0)
            throw InputError(source, 0, 0, path + ".touchpoint: unknown touchpoint '" + a.touchpoint + "'");
    }
    for (const double x : {p.view.activities_percent, p.view.paths_percent})
        if (!(x >= 0 && x <= 100))
            throw InputError(source, 0, 0, "view: slider percentages must be between 0 and 100");
    if (p.view.language != "en" && p.view.language != "ja")
        throw InputError(source, 0, 0, "view.language: expected en or ja, got '" + p.view.language + "'");
    for (const Filter& f : p.filters.filters) validate_filter(f, source + ": filters");
    for (size_t i = 0; i < p.funnels.size(); ++i)
        if (p.funnels[i].steps.empty() || !(p.funnels[i].max_gap_seconds >= 0))
            throw InputError(source, 0, 0,
                             "funnels[" + std::to_string(i) +
                                 "]: expected at least one step and max_gap_seconds >= 0");
}

std::string project_to_bytes(const Project& p, ProjectEncoding encoding) {
    std::ostringstream out;
    if (encoding == ProjectEncoding::json) {
        {
            cereal::JSONOutputArchive ar(out, cereal::JSONOutputArchive::Options::Default());
            std::string format = kFormatName;
            ar(cereal::make_nvp("format", format));
            ar(cereal::make_nvp("project", const_cast<Project&>(p)));
        }
        out << '\n';
    } else {
        out << kBinaryMagic;
        cereal::PortableBinaryOutputArchive ar(out);
        ar(const_cast<Project&>(p));
    }
    return std::move(out).str();
}

Project project_from_bytes(std::string_view bytes, const std::string& source) {
    Project p;
    size_t first = 0;
    while (first < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[first]))) ++first;
    const bool binary = bytes.substr(0, kBinaryMagic.size()) == kBinaryMagic;
    const bool json = !binary && first < bytes.size() && bytes[first] == '{';
    if (!binary && !json)
        throw InputError(source, 0, 0,
                         "not a Tabiji project file (expected JSON or the binary signature TABIJIPB)");
    try {
        if (json) {
            if (json_too_deep_at(bytes, kMaxJsonDepth) != std::string_view::npos)
                throw InputError(source, 0, 0, "JSON nested too deeply for a project file");
            std::istringstream in{std::string(bytes)};
            cereal::JSONInputArchive ar(in);
            std::string format;
            ar(cereal::make_nvp("format", format));
            if (format != kFormatName)
                throw InputError(source, 0, 0,
                                 "\"format\" is '" + format + "', expected '" + kFormatName + "'");
            ar(cereal::make_nvp("project", p));
        } else {
            g_input_limit = bytes.size();
            std::istringstream in{std::string(bytes.substr(kBinaryMagic.size()))};
            cereal::PortableBinaryInputArchive ar(in);
            ar(p);
            if (in.peek() != std::char_traits<char>::eof())
                throw InputError(source, 0, 0, "unexpected bytes after the end of the project");
        }
    } catch (const InputError& e) {
        if (e.file == source) throw;
        throw InputError(source, 0, 0, (e.file.empty() ? "" : "project." + e.file + ": ") + e.message);
    } catch (const cereal::Exception& e) {
        throw InputError(
            source, 0, 0,
            std::string(binary ? "truncated or corrupt binary project" : "malformed project JSON") + ": " +
                e.what());
    } catch (const std::exception& e) {
        throw InputError(
            source, 0, 0,
            std::string(binary ? "truncated or corrupt binary project" : "malformed project JSON") + ": " +
                e.what());
    }
    validate_project(p, source);
    return p;
}

void save_project(const Project& p, const std::string& path, ProjectEncoding encoding) {
    validate_project(p, path);
    write_file_atomically(path, project_to_bytes(p, encoding));
}

Project load_project(const std::string& path) {
    std::string bytes;
    read_file_chunks(path, [&](std::string_view c) {
        if (bytes.size() + c.size() > kMaxFileBytes)
            throw InputError(path, 0, 0, "too large for a project file (over 256 MiB)");
        bytes.append(c);
    });
    return project_from_bytes(bytes, path);
}

} // namespace tabiji
