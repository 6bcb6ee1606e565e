// OCEL JSON: the kept bytes are parsed in place by rapidjson (no string copies), object types are looked
// up by object id, and every (event, object of the chosen type) relation becomes one event of the
// EventLogBuilder, in the document's event order.
#include "tabiji/read_ocel.hpp"

#include "tabiji/error.hpp"
#include "tabiji/timestamp.hpp"

#include "json_depth.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <set>
#include <unordered_map>

namespace tabiji {

namespace {

std::string_view view(const rapidjson::Value& v) {
    return {v.GetString(), v.GetStringLength()};
}

// A string member of an object, or an empty view when absent or not a string.
std::string_view string_member(const rapidjson::Value& object, const char* key) {
    if (!object.IsObject()) return {};
    auto it = object.FindMember(key);
    return it != object.MemberEnd() && it->value.IsString() ? view(it->value) : std::string_view();
}

const rapidjson::Value* member(const rapidjson::Value& object, const char* key) {
    if (!object.IsObject()) return nullptr;
    auto it = object.FindMember(key);
    return it == object.MemberEnd() ? nullptr : &it->value;
}

std::string join_types(const std::vector<std::string>& types) {
    std::string out;
    for (const auto& t : types) out += (out.empty() ? "'" : ", '") + t + "'";
    return out.empty() ? "none" : out;
}

} // namespace

struct OcelReader::Impl {
    std::string source;
    OcelOptions options;
    ReadReport report;
    std::string bytes;
    std::vector<std::string> types;

    Impl(std::string s, OcelOptions o) : source(std::move(s)), options(std::move(o)) {
        report.source = source;
        report.format = "ocel";
    }

    [[noreturn]] void fail(uint64_t line, uint64_t column, const std::string& message) {
        throw InputError(source, line, column, message);
    }

    // 1-based line and byte column of a byte offset in the kept text.
    std::pair<uint64_t, uint64_t> position(size_t offset) const {
        offset = std::min(offset, bytes.size());
        const uint64_t line = 1 + uint64_t(std::count(bytes.begin(), bytes.begin() + long(offset), '\n'));
        const size_t nl = offset ? bytes.rfind('\n', offset - 1) : std::string::npos;
        return {line, offset - (nl == std::string::npos ? 0 : nl + 1) + 1};
    }

    // One event of either version: its id, activity, timestamp text, and related object ids.
    struct EventView {
        std::string_view id, activity, time;
        std::vector<std::string_view> objects;
    };

    EventLog run() {
        size_t start = 0;
        if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) start = 3;
        // Positions are computed on `bytes`; parse a copy in place so error offsets stay meaningful.
        std::string text = bytes.substr(start);
        if (const size_t deep = json_too_deep_at(text); deep != std::string_view::npos) {
            const auto [l, c] = position(start + deep);
            fail(l, c, json_too_deep_message());
        }
        rapidjson::Document doc;
        doc.ParseInsitu<rapidjson::kParseFullPrecisionFlag>(text.data());
        if (doc.HasParseError()) {
            const auto [l, c] = position(start + doc.GetErrorOffset());
            fail(l, c, std::string("malformed JSON: ") + rapidjson::GetParseError_En(doc.GetParseError()));
        }
        const rapidjson::Value* events1 = member(doc, "ocel:events");
        const rapidjson::Value* objects1 = member(doc, "ocel:objects");
        const rapidjson::Value* events2 = member(doc, "events");
        const rapidjson::Value* objects2 = member(doc, "objects");
        const bool v1 = events1 && events1->IsObject();
        const bool v2 = !v1 && events2 && events2->IsArray();
        if (!v1 && !v2)
            fail(1, 1,
                 "not an OCEL JSON document: expected \"ocel:events\" (OCEL 1.0) or \"events\" and "
                 "\"objects\" (OCEL 2.0) at the top level");

        // Object id -> type.
        std::unordered_map<std::string_view, std::string_view> type_of;
        if (v1 && objects1 && objects1->IsObject()) {
            for (const auto& m : objects1->GetObject())
                type_of.emplace(view(m.name), string_member(m.value, "ocel:type"));
        } else if (v2 && objects2 && objects2->IsArray()) {
            for (const auto& o : objects2->GetArray())
                type_of.emplace(string_member(o, "id"), string_member(o, "type"));
        }
        std::set<std::string_view> type_set;
        for (const auto& [id, type] : type_of)
            if (!type.empty()) type_set.insert(type);
        types.assign(type_set.begin(), type_set.end());

        std::string_view chosen = options.object_type;
        if (chosen.empty()) {
            if (types.size() != 1)
                fail(
                    0, 0,
                    "an object-centric log is flattened on one object type; choose one with --object-type: " +
                        join_types(types));
            chosen = types.front();
        } else if (!type_set.count(chosen)) {
            fail(0, 0,
                 "no objects of type '" + std::string(chosen) + "' in this log; its object types are " +
                     join_types(types));
        }
        report.case_column = std::string(chosen);
        report.activity_column = v1 ? "ocel:activity" : "type";
        report.timestamp_column = v1 ? "ocel:timestamp" : "time";

        EventLogBuilder builder(source);
        EventView e;
        if (v1) {
            for (const auto& m : events1->GetObject()) {
                e.id = view(m.name);
                e.activity = string_member(m.value, "ocel:activity");
                e.time = string_member(m.value, "ocel:timestamp");
                e.objects.clear();
                if (const auto* omap = member(m.value, "ocel:omap"); omap && omap->IsArray())
                    for (const auto& o : omap->GetArray())
                        if (o.IsString()) e.objects.push_back(view(o));
                take(e, chosen, type_of, builder);
            }
        } else {
            for (const auto& ev : events2->GetArray()) {
                e.id = string_member(ev, "id");
                e.activity = string_member(ev, "type");
                e.time = string_member(ev, "time");
                e.objects.clear();
                if (const auto* rel = member(ev, "relationships"); rel && rel->IsArray())
                    for (const auto& r : rel->GetArray())
                        if (auto id = string_member(r, "objectId"); !id.empty()) e.objects.push_back(id);
                take(e, chosen, type_of, builder);
            }
        }
        report.events = builder.size();
        return builder.finish();
    }

    void take(EventView& e, std::string_view chosen,
              const std::unordered_map<std::string_view, std::string_view>& type_of,
              EventLogBuilder& builder) {
        ++report.records;
        // Objects of the chosen type, each once, in the order the event names them.
        auto kept = e.objects.begin();
        for (auto it = e.objects.begin(); it != e.objects.end(); ++it) {
            auto t = type_of.find(*it);
            if (t == type_of.end() || t->second != chosen || std::find(e.objects.begin(), kept, *it) != kept)
                continue;
            *kept++ = *it;
        }
        e.objects.erase(kept, e.objects.end());
        if (e.objects.empty()) return; // not part of any case of this type
        if (e.activity.empty() || e.time.empty()) {
            ++report.dropped_missing_values;
            return;
        }
        const auto t = parse_timestamp(e.time, options.time_zone);
        if (!t) {
            const std::string message =
                "event '" + std::string(e.id) +
                "': the timestamp is not ISO 8601; expected e.g. 2022-01-09T14:00:00Z";
            if (options.strict) fail(0, 0, message + " (found '" + shorten_text(e.time) + "')");
            report.add_problem({"bad_timestamp", 0, 0, shorten_text(e.time), message});
            ++report.skipped_bad_records;
            return;
        }
        for (std::string_view object : e.objects) builder.add(object, e.activity, *t);
    }
};

OcelReader::OcelReader(std::string source, OcelOptions options)
    : impl_(std::make_unique<Impl>(std::move(source), std::move(options))) {}
OcelReader::~OcelReader() = default;

void OcelReader::feed(std::string_view chunk) {
    impl_->bytes.append(chunk);
}

EventLog OcelReader::finish() {
    if (impl_->bytes.empty()) impl_->fail(0, 0, "the file is empty; expected an OCEL JSON document");
    return impl_->run();
}

const ReadReport& OcelReader::report() const {
    return impl_->report;
}
const std::vector<std::string>& OcelReader::object_types() const {
    return impl_->types;
}
uint64_t OcelReader::bytes_fed() const {
    return impl_->bytes.size();
}

EventLog read_ocel(std::string_view bytes, const std::string& source, const OcelOptions& options,
                   ReadReport* report) {
    OcelReader reader(source, options);
    return read_buffer_with(reader, bytes, report);
}

EventLog read_ocel_file(const std::string& path, const OcelOptions& options, ReadReport* report) {
    OcelReader reader(path, options);
    return read_file_with(reader, path, report);
}

} // namespace tabiji
