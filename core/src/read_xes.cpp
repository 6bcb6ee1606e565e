// XES event logs: expat callbacks drive a small state machine over the element nesting
// (log > trace > event > attribute), and complete traces become events of the EventLogBuilder.
//
// [SECTION] Element kinds and attribute keys
// [SECTION] Reader state and the callbacks
// [SECTION] Public API
//
// Hot path: expat hands us element names and attribute values as C strings inside its own buffers, so
// nothing is copied except the activity text of the current trace (into one reused arena) and the case
// id (one reused string). Names are interned once per trace / event in the builder's pools.
// Callbacks never throw through expat's C frames: a problem is stored, the parser is stopped, and the
// error is rethrown from feed() / finish().
#include "tabiji/read_xes.hpp"

#include "tabiji/error.hpp"
#include "tabiji/timestamp.hpp"

#include <cstring>
#include <exception>
#include <optional>
#include <vector>

#if TABIJI_HAVE_EXPAT
#include <expat.h>
#endif

namespace tabiji {

#if TABIJI_HAVE_EXPAT

namespace {

// [SECTION] Element kinds and attribute keys

enum class Tag : uint8_t { log, trace, event, attribute, list, container, declaration, other };

Tag classify_local(const char* name) {
    switch (name[0]) {
    case 's':
        return std::strcmp(name, "string") == 0 ? Tag::attribute : Tag::other;
    case 'd':
        return std::strcmp(name, "date") == 0 ? Tag::attribute : Tag::other;
    case 'i':
        return std::strcmp(name, "int") == 0 || std::strcmp(name, "id") == 0 ? Tag::attribute : Tag::other;
    case 'f':
        return std::strcmp(name, "float") == 0 ? Tag::attribute : Tag::other;
    case 'b':
        return std::strcmp(name, "boolean") == 0 ? Tag::attribute : Tag::other;
    case 'e':
        if (std::strcmp(name, "event") == 0) return Tag::event;
        return std::strcmp(name, "extension") == 0 ? Tag::declaration : Tag::other;
    case 't':
        return std::strcmp(name, "trace") == 0 ? Tag::trace : Tag::other;
    case 'l':
        if (std::strcmp(name, "log") == 0) return Tag::log;
        return std::strcmp(name, "list") == 0 ? Tag::list : Tag::other;
    case 'c':
        if (std::strcmp(name, "container") == 0) return Tag::container;
        return std::strcmp(name, "classifier") == 0 ? Tag::declaration : Tag::other;
    case 'g':
        return std::strcmp(name, "global") == 0 ? Tag::declaration : Tag::other;
    default:
        return Tag::other;
    }
}

// XES element names; a namespace prefix ("xes:event") is ignored.
Tag classify(const char* name) {
    const Tag t = classify_local(name);
    if (t != Tag::other) return t;
    const char* colon = std::strchr(name, ':');
    return colon ? classify_local(colon + 1) : Tag::other;
}

enum class Key : uint8_t { name, timestamp, lifecycle, resource, other };

Key classify_key(const char* k) {
    switch (k[0]) {
    case 'c':
        return std::strcmp(k, "concept:name") == 0 ? Key::name : Key::other;
    case 't':
        return std::strcmp(k, "time:timestamp") == 0 ? Key::timestamp : Key::other;
    case 'l':
        return std::strcmp(k, "lifecycle:transition") == 0 ? Key::lifecycle : Key::other;
    case 'o':
        return std::strcmp(k, "org:resource") == 0 ? Key::resource : Key::other;
    default:
        return Key::other;
    }
}

// The declared attribute type of an XES attribute element ("xes:int" -> integer); id is a string.
AttrType declared_type(const char* name) {
    if (const char* colon = std::strchr(name, ':')) name = colon + 1;
    switch (name[0]) {
    case 'd':
        return AttrType::time;
    case 'i':
        return name[1] == 'n' ? AttrType::integer : AttrType::string;
    case 'f':
        return AttrType::real;
    case 'b':
        return AttrType::boolean;
    default:
        return AttrType::string;
    }
}

// The key and value attributes of an XES attribute element (null when absent).
void key_and_value(const char** atts, const char*& key, const char*& value) {
    key = value = nullptr;
    for (; *atts; atts += 2) {
        const char* n = atts[0];
        if (n[0] == 'k' && n[1] == 'e' && n[2] == 'y' && n[3] == 0)
            key = atts[1];
        else if (n[0] == 'v' && std::strcmp(n, "value") == 0)
            value = atts[1];
    }
}

// Where we are in the document: the kind of the element whose children come next.
enum class Scope : uint8_t { log, trace, event, skip };

struct PendingEvent {
    uint32_t begin, size; // activity text in the trace arena
    Micros time;
    uint32_t values_end; // its attribute values: pending_values[previous event's values_end, values_end)
};

// An attribute key seen in the document, at one level with one declared type.
struct AttributeKind {
    std::string key;
    bool trace_level;
    AttrType declared;
    uint32_t column; // in the current builder; npos until first used
};

struct PendingValue {
    uint32_t kind;
    uint32_t begin, size; // text in the values arena
};

} // namespace

// [SECTION] Reader state and the callbacks

struct XesReader::Impl {
    std::string source;
    XesOptions options;
    ReadReport report;
    EventLogBuilder builder;
    XML_Parser parser = nullptr;
    uint64_t bytes = 0;
    std::exception_ptr error; // raised inside a callback, rethrown after XML_Parse returns
    bool seen_root = false;
    bool seen_time = false; // some event had a timestamp: events without one are dropped from now on
    std::vector<Scope> scopes;

    // Current trace.
    std::string case_id;
    bool has_case = false;
    std::string arena; // activity texts of the trace's pending events
    std::vector<PendingEvent> events;
    std::vector<AttributeKind> kinds;
    std::string values_arena;                 // attribute texts of the trace's pending events and the trace
    std::vector<PendingValue> pending_values; // of the trace's pending events, in order
    std::vector<PendingValue> trace_values;   // of the trace itself
    uint32_t event_values_begin = 0;          // pending_values size when the current event started
    uint32_t event_arena_begin = 0;

    // Current event.
    uint32_t act_begin = 0;
    bool has_activity = false;
    bool bad_event = false;
    Micros time = kNoTime;
    int lifecycle = -1; // index into lifecycles

    std::vector<std::pair<std::string, uint64_t>> lifecycles; // value -> events (few distinct values)

    Impl(std::string s, XesOptions o) : source(std::move(s)), options(std::move(o)), builder(source) {
        builder.set_time_zone(options.time_zone);
        report.source = source;
        report.format = "xes";
        report.case_column = "case:concept:name";
        report.activity_column = "concept:name";
        parser = XML_ParserCreate(nullptr);
        if (!parser) throw std::bad_alloc();
        XML_SetUserData(parser, this);
        XML_SetElementHandler(parser, &Impl::on_start, &Impl::on_end);
        XML_SetEntityDeclHandler(parser, &Impl::on_entity_decl);
        XML_SetParamEntityParsing(parser, XML_PARAM_ENTITY_PARSING_NEVER);
        scopes.reserve(16);
    }
    ~Impl() {
        if (parser) XML_ParserFree(parser);
    }

    uint64_t line() const { return XML_GetCurrentLineNumber(parser); }
    uint64_t column() const { return XML_GetCurrentColumnNumber(parser) + 1; }

    // Stores the error and stops the parser; the callbacks ignore what expat still delivers.
    void stop(std::exception_ptr e) {
        if (!error) error = std::move(e);
        XML_StopParser(parser, XML_FALSE);
    }
    void stop(const std::string& message) {
        stop(std::make_exception_ptr(InputError(source, line(), column(), message)));
    }

    static void XMLCALL on_entity_decl(void* self, const XML_Char* name, int, const XML_Char*, int,
                                       const XML_Char*, const XML_Char*, const XML_Char*, const XML_Char*) {
        auto& m = *static_cast<Impl*>(self);
        m.stop(std::string("the document declares the entity '") + name +
               "'; entity declarations are refused (they can expand without bound); an XES log needs none");
    }

    static void XMLCALL on_start(void* self, const XML_Char* name, const XML_Char** atts) {
        auto& m = *static_cast<Impl*>(self);
        if (m.error) return;
        try {
            m.start(name, atts);
        } catch (...) {
            m.stop(std::current_exception());
        }
    }
    static void XMLCALL on_end(void* self, const XML_Char*) {
        auto& m = *static_cast<Impl*>(self);
        if (m.error) return;
        try {
            m.end();
        } catch (...) {
            m.stop(std::current_exception());
        }
    }

    void note(const char* kind, const char* name, const std::string& message) {
        report.add_problem({kind, line(), column(), shorten_text(name), message});
    }

    void start(const char* name, const char** atts) {
        if (scopes.empty()) {
            if (seen_root || classify(name) != Tag::log)
                return stop(std::string("not an XES log: the root element is <") + name +
                            ">, expected <log>");
            seen_root = true;
            scopes.push_back(Scope::log);
            return;
        }
        const Scope parent = scopes.back();
        if (parent == Scope::skip) return scopes.push_back(Scope::skip);
        const Tag tag = classify(name);
        switch (tag) {
        case Tag::attribute:
            if (parent == Scope::event)
                event_attribute(name, atts);
            else if (parent == Scope::trace)
                trace_attribute(name, atts);
            break; // log attributes: not used
        case Tag::trace:
            if (parent == Scope::log) {
                begin_trace();
                return scopes.push_back(Scope::trace);
            }
            note("unexpected_element", name, "a <trace> inside a trace or event is ignored");
            break;
        case Tag::event:
            if (parent == Scope::trace) {
                begin_event();
                return scopes.push_back(Scope::event);
            }
            note("unexpected_element", name, "an <event> outside a trace is ignored");
            break;
        case Tag::list:
            note("skipped_list", name, "list attributes are skipped");
            break;
        case Tag::container:
            note("skipped_container", name, "container attributes are skipped");
            break;
        case Tag::declaration:
            if (parent != Scope::log)
                note("unexpected_element", name, "a declaration outside the log element is ignored");
            break;
        case Tag::log:
        case Tag::other:
            note("unknown_element", name, "not an XES element; skipped with its content");
            break;
        }
        scopes.push_back(Scope::skip); // children of attributes (meta-attributes) and skipped elements
    }

    void end() {
        const Scope s = scopes.back();
        scopes.pop_back();
        if (s == Scope::event)
            end_event();
        else if (s == Scope::trace)
            end_trace();
    }

    void begin_trace() {
        has_case = false;
        case_id.clear();
        arena.clear();
        events.clear();
        values_arena.clear();
        pending_values.clear();
        trace_values.clear();
    }

    // Keeps an attribute value for when its event or trace becomes part of the log.
    void keep_value(std::vector<PendingValue>& into, const char* element, const char* key, const char* value,
                    bool trace_level) {
        if (!options.attributes.wants(key)) return;
        const AttrType declared = declared_type(element);
        uint32_t k = 0;
        while (k < kinds.size() &&
               !(kinds[k].trace_level == trace_level && kinds[k].declared == declared && kinds[k].key == key))
            ++k;
        if (k == kinds.size()) kinds.push_back({key, trace_level, declared, StringPool::npos});
        const size_t begin = values_arena.size();
        values_arena.append(value);
        into.push_back({k, uint32_t(begin), uint32_t(values_arena.size() - begin)});
    }

    uint32_t column_of(uint32_t kind) {
        AttributeKind& k = kinds[kind];
        if (k.column == StringPool::npos)
            k.column = builder.attribute(k.key, k.trace_level ? AttrLevel::case_level : AttrLevel::event,
                                         k.declared);
        return k.column;
    }

    std::string_view value_text(const PendingValue& v) const {
        return std::string_view(values_arena).substr(v.begin, v.size);
    }

    void trace_attribute(const char* element, const char** atts) {
        const char *key, *value;
        key_and_value(atts, key, value);
        if (!key || !value) return;
        if (classify_key(key) != Key::name) return keep_value(trace_values, element, key, value, true);
        case_id.assign(value);
        has_case = !case_id.empty();
    }

    void end_trace() {
        if (!has_case) {
            report.dropped_missing_values += events.size();
            return;
        }
        if (events.empty()) return; // a trace without events is no case
        const uint32_t c = builder.cases().intern(case_id);
        for (const PendingValue& v : trace_values) builder.set_case_text(column_of(v.kind), c, value_text(v));
        uint32_t value = 0;
        for (const PendingEvent& e : events) {
            builder.add_ids(c, builder.activities().intern(std::string_view(arena).substr(e.begin, e.size)),
                            e.time);
            for (; value < e.values_end; ++value)
                builder.set_text(column_of(pending_values[value].kind), value_text(pending_values[value]));
        }
    }

    void begin_event() {
        act_begin = uint32_t(arena.size());
        has_activity = false;
        bad_event = false;
        time = kNoTime;
        lifecycle = -1;
        event_values_begin = uint32_t(pending_values.size());
        event_arena_begin = uint32_t(values_arena.size());
    }

    void event_attribute(const char* name, const char** atts) {
        const char *key, *value;
        key_and_value(atts, key, value);
        if (!key || !value) return;
        switch (classify_key(key)) {
        case Key::name:
            arena.resize(act_begin);
            arena.append(value);
            has_activity = arena.size() > act_begin;
            break;
        case Key::timestamp: {
            const std::string_view text(value);
            const auto t = options.wallclock ? parse_timestamp_wallclock(text)
                                             : parse_timestamp(text, options.time_zone);
            if (t) {
                time = *t;
                break;
            }
            const std::string message =
                "time:timestamp is not an xs:dateTime; expected e.g. 2011-04-13T14:02:31.199+02:00";
            if (options.strict) return stop(message + " (found '" + shorten_text(text) + "')");
            report.add_problem({"bad_timestamp", line(), column(), shorten_text(text), message});
            bad_event = true;
            break;
        }
        case Key::lifecycle: {
            keep_value(pending_values, name, key, value, false);
            const std::string_view v(value);
            size_t k = 0;
            while (k < lifecycles.size() && lifecycles[k].first != v) ++k;
            if (k == lifecycles.size()) lifecycles.emplace_back(std::string(v), 0);
            lifecycle = int(k);
            break;
        }
        case Key::resource:
        case Key::other:
            keep_value(pending_values, name, key, value, false);
            break;
        }
    }

    void end_event() {
        ++report.records;
        if (lifecycle >= 0) ++lifecycles[size_t(lifecycle)].second;
        const auto rollback = [&] {
            arena.resize(act_begin);
            pending_values.resize(event_values_begin);
            values_arena.resize(event_arena_begin);
        };
        if (bad_event) {
            ++report.skipped_bad_records;
            return rollback();
        }
        if (!options.lifecycle.empty() &&
            (lifecycle < 0 || lifecycles[size_t(lifecycle)].first != options.lifecycle))
            return rollback();
        if (!has_activity) {
            ++report.dropped_missing_values;
            return rollback();
        }
        if (time == kNoTime) {
            if (seen_time) {
                ++report.dropped_missing_values;
                return rollback();
            }
        } else if (!seen_time) {
            // The first timestamp: the log has timestamps, so the events kept so far without one go.
            seen_time = true;
            if (builder.size() || !events.empty()) {
                report.dropped_missing_values += builder.size() + events.size();
                builder = EventLogBuilder(source);
                builder.set_time_zone(options.time_zone);
                for (AttributeKind& k : kinds) k.column = StringPool::npos;
                arena.erase(0, act_begin);
                act_begin = 0;
                events.clear();
                pending_values.erase(pending_values.begin(), pending_values.begin() + event_values_begin);
                event_values_begin = 0;
            }
        }
        events.push_back(
            {act_begin, uint32_t(arena.size() - act_begin), time, uint32_t(pending_values.size())});
    }

    // Parses one chunk (final: the end of the input); rethrows a callback's error.
    void parse(const char* data, size_t size, bool final) {
        constexpr size_t kMaxPiece = size_t(1) << 30; // XML_Parse takes an int length
        do {
            const size_t piece = size < kMaxPiece ? size : kMaxPiece;
            const bool last = final && piece == size;
            const XML_Status status = XML_Parse(parser, data, int(piece), last ? XML_TRUE : XML_FALSE);
            if (error) std::rethrow_exception(error);
            if (status != XML_STATUS_OK)
                throw InputError(source, line(), column(),
                                 std::string("malformed XML: ") + XML_ErrorString(XML_GetErrorCode(parser)));
            data += piece;
            size -= piece;
        } while (size > 0);
    }
};

bool xes_supported() {
    return true;
}

XesReader::XesReader(std::string source, XesOptions options)
    : impl_(std::make_unique<Impl>(std::move(source), std::move(options))) {}
XesReader::~XesReader() = default;

void XesReader::feed(std::string_view chunk) {
    impl_->bytes += chunk.size();
    if (!chunk.empty()) impl_->parse(chunk.data(), chunk.size(), false);
}

EventLog XesReader::finish() {
    Impl& m = *impl_;
    m.parse("", 0, true);
    if (!m.seen_root) throw InputError(m.source, 0, 0, "the file is empty; expected an XES <log>");
    for (const auto& [value, count] : m.lifecycles) m.report.lifecycle_values[value] += count;
    m.report.events = m.builder.size();
    if (m.seen_time) m.report.timestamp_column = "time:timestamp";
    return m.builder.finish();
}

const ReadReport& XesReader::report() const {
    return impl_->report;
}
uint64_t XesReader::bytes_fed() const {
    return impl_->bytes;
}
uint64_t XesReader::events_read() const {
    return impl_->builder.size();
}

#else // no expat in this build

bool xes_supported() {
    return false;
}

struct XesReader::Impl {
    std::string source;
    ReadReport report;
};

XesReader::XesReader(std::string source, XesOptions)
    : impl_(std::make_unique<Impl>(Impl{std::move(source), {}})) {}
XesReader::~XesReader() = default;

void XesReader::feed(std::string_view) {
    throw InputError(impl_->source, 0, 0, "XES is not supported in this build; convert the log to CSV");
}
EventLog XesReader::finish() {
    throw InputError(impl_->source, 0, 0, "XES is not supported in this build; convert the log to CSV");
}
const ReadReport& XesReader::report() const {
    return impl_->report;
}
uint64_t XesReader::bytes_fed() const {
    return 0;
}

#endif

// [SECTION] Public API

EventLog read_xes(std::string_view bytes, const std::string& source, const XesOptions& options,
                  ReadReport* report) {
    XesReader reader(source, options);
    return read_buffer_with(reader, bytes, report);
}

EventLog read_xes_file(const std::string& path, const XesOptions& options, ReadReport* report) {
    XesReader reader(path, options);
    return read_file_with(reader, path, report);
}

} // namespace tabiji
