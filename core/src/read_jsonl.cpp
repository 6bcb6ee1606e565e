// JSON Lines: lines are cut from the decoded chunks, each parsed in place by rapidjson (numbers kept as
// their text), and the object's members handed to RecordEvents like the fields of a CSV record.
#include "tabiji/read_jsonl.hpp"

#include "json_depth.hpp"
#include "record_events.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <unordered_map>
#include <utility>

namespace tabiji {

struct JsonlReader::Impl {
    std::string source;
    CsvOptions options;
    ReadReport report;
    EventLogBuilder builder;
    RecordEvents events;
    Decoder decoder;
    std::string carry;  // an incomplete last line
    std::string buffer; // the line being parsed (in place)
    uint64_t line = 0;  // of the last line cut
    uint64_t bytes = 0;
    bool resolved = false;
    std::unordered_map<std::string, int> key_index;
    std::vector<std::string_view> values; // of the current object, by key index
    std::vector<std::string> nested;      // JSON text of nested values of the current object

    Impl(std::string s, CsvOptions o)
        : source(std::move(s)), options(std::move(o)), builder(source),
          events(source, options, report, builder),
          decoder(source, options.encoding, options.strict, /*track_positions=*/true) {
        report.source = source;
        report.format = "jsonl";
    }

    struct ObjectFields {
        const Impl& m;
        std::string_view text(int column, int) const {
            return size_t(column) < m.values.size() ? m.values[size_t(column)] : std::string_view();
        }
        uint64_t line(int) const { return m.line; }
        uint64_t column(int) const { return 0; }
    };

    int index_of(std::string_view key) {
        auto it = key_index.find(std::string(key));
        if (it != key_index.end()) return it->second;
        const int k = int(key_index.size());
        key_index.emplace(std::string(key), k);
        if (resolved) events.add_column(std::string(key), k);
        return k;
    }

    void take_line(std::string_view text) {
        if (line == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
        size_t b = 0;
        while (b < text.size() && (text[b] == ' ' || text[b] == '\t' || text[b] == '\r')) ++b;
        if (b == text.size()) return; // blank line
        ++report.records;
        if (const size_t deep = json_too_deep_at(text); deep != std::string_view::npos)
            return events.problem("too_deep", line, deep + 1, text, json_too_deep_message());
        buffer.assign(text);
        rapidjson::Document doc;
        doc.ParseInsitu<rapidjson::kParseNumbersAsStringsFlag>(buffer.data());
        if (doc.HasParseError()) {
            const uint64_t column = doc.GetErrorOffset() + 1;
            return events.problem("bad_json", line, column, text,
                                  std::string("malformed JSON: ") +
                                      rapidjson::GetParseError_En(doc.GetParseError()));
        }
        if (!doc.IsObject())
            return events.problem(
                "not_an_object", line, b + 1, text,
                "expected one JSON object per line, such as {\"case\": \"C1\", \"activity\": "
                "\"Web visit\", \"timestamp\": \"2024-03-13T10:21:14Z\"}");
        if (!resolved) {
            std::vector<std::string> names;
            for (const auto& m : std::as_const(doc).GetObject()) {
                const std::string_view key(m.name.GetString(), m.name.GetStringLength());
                if (key_index.emplace(std::string(key), int(key_index.size())).second)
                    names.emplace_back(key);
            }
            events.resolve(names, line, "key");
            resolved = true;
        }
        values.assign(key_index.size(), std::string_view());
        nested.clear();
        nested.reserve(doc.MemberCount()); // never reallocates below: views into it stay valid
        rapidjson::Document typed;         // nested values with their numbers as numbers (parsed if needed)
        for (const auto& m : std::as_const(doc).GetObject()) {
            const int k = index_of({m.name.GetString(), m.name.GetStringLength()});
            if (size_t(k) >= values.size()) values.resize(size_t(k) + 1);
            const rapidjson::Value& v = m.value;
            if (v.IsString())
                values[size_t(k)] = {v.GetString(), v.GetStringLength()};
            else if (v.IsBool())
                values[size_t(k)] = v.GetBool() ? "true" : "false";
            else if (v.IsObject() || v.IsArray()) {
                if (!typed.IsObject())
                    typed.Parse<rapidjson::kParseFullPrecisionFlag>(text.data() + b, text.size() - b);
                rapidjson::StringBuffer out;
                rapidjson::Writer<rapidjson::StringBuffer> w(out);
                typed[m.name].Accept(w);
                values[size_t(k)] = nested.emplace_back(out.GetString(), out.GetSize());
            }
        }
        events.take(ObjectFields{*this});
    }

    void feed_utf8(std::string_view chunk) {
        std::string_view rest = chunk;
        if (!carry.empty()) {
            const size_t nl = rest.find('\n');
            if (nl == std::string_view::npos) return void(carry.append(rest));
            carry.append(rest.substr(0, nl));
            rest.remove_prefix(nl + 1);
            ++line;
            std::string l;
            l.swap(carry);
            take_line(l);
        }
        while (true) {
            const size_t nl = rest.find('\n');
            if (nl == std::string_view::npos) break;
            ++line;
            take_line(rest.substr(0, nl));
            rest.remove_prefix(nl + 1);
        }
        carry.assign(rest);
    }
};

JsonlReader::JsonlReader(std::string source, CsvOptions options)
    : impl_(std::make_unique<Impl>(std::move(source), std::move(options))) {}
JsonlReader::~JsonlReader() = default;

void JsonlReader::feed(std::string_view chunk) {
    Impl& m = *impl_;
    m.bytes += chunk.size();
    m.decoder.feed(chunk, [&m](std::string_view utf8) { m.feed_utf8(utf8); });
}

EventLog JsonlReader::finish() {
    Impl& m = *impl_;
    m.decoder.finish([&m](std::string_view utf8) { m.feed_utf8(utf8); });
    if (!m.carry.empty()) {
        ++m.line;
        std::string l;
        l.swap(m.carry);
        m.take_line(l);
    }
    if (!m.resolved)
        throw InputError(m.source, 0, 0, "no JSON object in the file; expected one event object per line");
    m.events.finish_report(m.decoder);
    return m.builder.finish();
}

const ReadReport& JsonlReader::report() const {
    return impl_->report;
}
uint64_t JsonlReader::bytes_fed() const {
    return impl_->bytes;
}
uint64_t JsonlReader::events_read() const {
    return impl_->builder.size();
}

EventLog read_jsonl(std::string_view bytes, const std::string& source, const CsvOptions& options,
                    ReadReport* report) {
    JsonlReader reader(source, options);
    return read_buffer_with(reader, bytes, report);
}

EventLog read_jsonl_file(const std::string& path, const CsvOptions& options, ReadReport* report) {
    JsonlReader reader(path, options);
    return read_file_with(reader, path, report);
}

} // namespace tabiji
