// Training packs (see training_pack.hpp).
#include "tabiji/training_pack.hpp"

#include "tabiji/atomic_file.hpp"
#include "tabiji/error.hpp"
#include "tabiji/input_file.hpp"
#include "tabiji/json_layout.hpp"
#include "tabiji/read_log.hpp"
#include "tabiji/variants.hpp"
#include "tabiji/write_log.hpp"

#include "json_depth.hpp"

#include <rapidjson/document.h>
#include <rapidjson/writer.h>

namespace tabiji {

namespace {

constexpr const char* kFormat = "tabiji-training-pack";
using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void str(Writer& w, std::string_view s) {
    w.String(s.data(), rapidjson::SizeType(s.size()));
}

void names(Writer& w, const std::vector<std::string>& v) {
    w.StartArray();
    for (const std::string& s : v) str(w, s);
    w.EndArray();
}

const rapidjson::Value& member(const rapidjson::Value& v, const char* name, const std::string& where,
                               const std::string& source) {
    if (!v.IsObject()) throw InputError(source, 0, 0, where + ": expected an object");
    const auto it = v.FindMember(name);
    if (it == v.MemberEnd()) throw InputError(source, 0, 0, where + ": missing \"" + name + "\"");
    return it->value;
}

std::string text(const rapidjson::Value& v, const char* name, const std::string& where,
                 const std::string& source) {
    const rapidjson::Value& m = member(v, name, where, source);
    if (!m.IsString()) throw InputError(source, 0, 0, where + "." + name + ": expected a string");
    return std::string(m.GetString(), m.GetStringLength());
}

uint64_t count(const rapidjson::Value& v, const char* name, const std::string& where,
               const std::string& source) {
    const rapidjson::Value& m = member(v, name, where, source);
    if (!m.IsUint64()) throw InputError(source, 0, 0, where + "." + name + ": expected a whole number >= 0");
    return m.GetUint64();
}

std::vector<std::string> text_list(const rapidjson::Value& v, const char* name, const std::string& where,
                                   const std::string& source) {
    const rapidjson::Value& m = member(v, name, where, source);
    if (!m.IsArray()) throw InputError(source, 0, 0, where + "." + name + ": expected a list of strings");
    std::vector<std::string> out;
    for (const auto& x : m.GetArray()) {
        if (!x.IsString())
            throw InputError(source, 0, 0, where + "." + name + ": expected a list of strings");
        out.emplace_back(x.GetString(), x.GetStringLength());
    }
    return out;
}

} // namespace

std::string training_pack_to_bytes(const TrainingPack& pack) {
    Project project = pack.project;
    project.filters = {};
    rapidjson::Document project_doc;
    project_doc.Parse<rapidjson::kParseFullPrecisionFlag>(
        project_to_bytes(project, ProjectEncoding::json).c_str());
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartObject();
    w.Key("format");
    w.String(kFormat);
    w.Key("version");
    w.Uint(kTrainingPackVersion);
    const PrivacyReport& p = pack.privacy;
    w.Key("privacy");
    w.StartObject();
    w.Key("k");
    w.Uint(p.k);
    w.Key("cases_in");
    w.Uint64(p.cases_in);
    w.Key("cases_kept");
    w.Uint64(p.cases_kept);
    w.Key("variants_in");
    w.Uint64(p.variants_in);
    w.Key("variants_kept");
    w.Uint64(p.variants_kept);
    w.Key("excluded_attributes");
    names(w, p.excluded_attributes);
    w.Key("id_attributes");
    names(w, p.id_attributes);
    w.Key("pseudonyms");
    w.String("HMAC-SHA-256; key not stored");
    w.EndObject();
    w.Key("filters_applied");
    str(w, pack.filters_applied);
    w.Key("project");
    project_doc.Accept(w);
    w.Key("log");
    w.StartObject();
    w.Key("name");
    str(w, pack.log_name);
    w.Key("format");
    w.String("csv");
    w.Key("has_time");
    w.Bool(pack.log.has_time);
    w.Key("cases");
    w.Uint64(pack.log.num_cases());
    w.Key("events");
    w.Uint64(pack.log.num_events());
    w.Key("text");
    str(w, write_csv_log(pack.log));
    w.EndObject();
    w.EndObject();
    return json_text(buf);
}

TrainingPack training_pack_from_bytes(std::string_view bytes, const std::string& source) {
    rapidjson::Document doc;
    parse_json_document(doc, bytes, source);
    if (!doc.IsObject() || !doc.HasMember("format") || !doc["format"].IsString() ||
        std::string_view(doc["format"].GetString()) != kFormat)
        throw InputError(source, 0, 0,
                         std::string("not a training pack (expected \"format\": \"") + kFormat + "\")");
    const uint64_t version = count(doc, "version", "pack", source);
    if (version < 1 || version > kTrainingPackVersion)
        throw InputError(source, 0, 0,
                         "training pack version " + std::to_string(version) +
                             " is not supported (this build reads 1 to " +
                             std::to_string(kTrainingPackVersion) + ")");
    TrainingPack pack;
    const rapidjson::Value& priv = member(doc, "privacy", "pack", source);
    const uint64_t k = count(priv, "k", "privacy", source);
    if (k < 1 || k > 0xffffffffu) throw InputError(source, 0, 0, "privacy.k: expected 1 or more");
    pack.privacy.k = uint32_t(k);
    pack.privacy.cases_in = count(priv, "cases_in", "privacy", source);
    pack.privacy.cases_kept = count(priv, "cases_kept", "privacy", source);
    pack.privacy.variants_in = count(priv, "variants_in", "privacy", source);
    pack.privacy.variants_kept = count(priv, "variants_kept", "privacy", source);
    pack.privacy.excluded_attributes = text_list(priv, "excluded_attributes", "privacy", source);
    pack.privacy.id_attributes = text_list(priv, "id_attributes", "privacy", source);
    pack.filters_applied = text(doc, "filters_applied", "pack", source);

    const rapidjson::Value& project = member(doc, "project", "pack", source);
    rapidjson::StringBuffer pbuf;
    Writer pw(pbuf);
    project.Accept(pw);
    pack.project =
        project_from_bytes(std::string_view(pbuf.GetString(), pbuf.GetSize()), source + ": project");

    const rapidjson::Value& log = member(doc, "log", "pack", source);
    pack.log_name = text(log, "name", "log", source);
    if (text(log, "format", "log", source) != "csv")
        throw InputError(source, 0, 0, "log.format: expected \"csv\"");
    const rapidjson::Value& has_time = member(log, "has_time", "log", source);
    if (!has_time.IsBool()) throw InputError(source, 0, 0, "log.has_time: expected true or false");
    const uint64_t cases = count(log, "cases", "log", source), events = count(log, "events", "log", source);
    const rapidjson::Value& csv = member(log, "text", "log", source);
    if (!csv.IsString()) throw InputError(source, 0, 0, "log.text: expected a string");
    ReadOptions options;
    options.csv.separator = ',';
    options.csv.case_column = "case_id";
    options.csv.activity_column = "activity";
    if (has_time.GetBool()) options.csv.timestamp_column = "timestamp";
    const std::string log_source = source + ": log";
    if (cases == 0) {
        pack.log.source = pack.log_name;
    } else {
        options.format = LogFormat::csv;
        pack.log = read_log(std::string_view(csv.GetString(), csv.GetStringLength()), log_source, options);
        pack.log.source = pack.log_name;
    }
    if (pack.log.num_cases() != cases || pack.log.num_events() != events)
        throw InputError(source, 0, 0,
                         "log: holds " + std::to_string(pack.log.num_cases()) + " cases and " +
                             std::to_string(pack.log.num_events()) + " events, the pack says " +
                             std::to_string(cases) + " and " + std::to_string(events));
    for (const Variant& v : mine_variants(pack.log))
        if (v.count < pack.privacy.k)
            throw InputError(source, 0, 0,
                             "log: a journey followed by " + std::to_string(v.count) +
                                 " customers, fewer than the pack's k = " + std::to_string(pack.privacy.k));
    return pack;
}

void save_training_pack(const TrainingPack& pack, const std::string& path) {
    write_file_atomically(path, training_pack_to_bytes(pack));
}

TrainingPack load_training_pack(const std::string& path) {
    std::string bytes;
    read_file_chunks(path, [&](std::string_view c) { bytes.append(c); });
    return training_pack_from_bytes(bytes, path);
}

bool looks_like_training_pack(std::string_view first_bytes) {
    size_t i = 0;
    if (first_bytes.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < first_bytes.size() && (first_bytes[i] == ' ' || first_bytes[i] == '\n' ||
                                      first_bytes[i] == '\r' || first_bytes[i] == '\t'))
        ++i;
    if (i >= first_bytes.size() || first_bytes[i] != '{') return false;
    return first_bytes.substr(i, 64).find(std::string("\"") + kFormat + "\"") != std::string_view::npos;
}

} // namespace tabiji
