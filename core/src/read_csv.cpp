// CSV event logs: an RFC 4180 push parser (chunks of any size), separator detection, column detection,
// and the conversion of each record into an event of the EventLogBuilder.
//
// Record rules: fields separated by one separator byte; a field starting with '"' is quoted, may hold
// separators, CR and LF, and "" stands for one quote; records end at LF or CRLF; blank lines are skipped.
// Bytes go through a Decoder first (encoding.hpp), so the parser only ever sees valid UTF-8.
#include "tabiji/read_csv.hpp"

#include "record_events.hpp"
#include "tabiji/error.hpp"
#include "tabiji/timestamp.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <limits>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace tabiji {

const std::vector<std::string> kCaseColumnNames = {
    "case:concept:name", "case_id", "case", "CaseID", "Case ID", "user_id",
    // common CX exports (after the reference list, so reference behaviour is unchanged)
    "customer_id", "contact_id", "\xE9\xA1\xA7\xE5\xAE\xA2ID" /* 顧客ID */};
const std::vector<std::string> kActivityColumnNames = {
    "concept:name",
    "activity",
    "Activity",
    "event",
    "touchpoint",
    "\xE3\x82\xBF\xE3\x83\x83\xE3\x83\x81\xE3\x83\x9D\xE3\x82\xA4\xE3\x83\xB3\xE3\x83"
    "\x88" /* タッチポイント */};
const std::vector<std::string> kTimestampColumnNames = {
    "time:timestamp", "timestamp", "Complete Timestamp",
    "time",           "datetime",  "\xE6\x97\xA5\xE6\x99\x82" /* 日時 */};
const std::vector<std::string> kLifecycleColumnNames = {"lifecycle:transition", "lifecycle"};

namespace {

// Line and column are worked out only when a message needs them (CsvReader::Impl::position).
struct Field {
    size_t begin = 0, end = 0; // byte range in the buffer (inside the quotes for a quoted field)
    bool quoted = false;
    bool has_escaped_quote = false;
};

enum class Parse { complete, need_more };

// Index of the first byte at or after i that is the separator or LF (the end of an unquoted field), or
// size: 16 bytes at a time with SSE2, else 8 at a time in a 64-bit word, the rest byte by byte.
size_t find_field_end(const char* p, size_t i, size_t size, char sep) {
#if defined(__SSE2__)
    const __m128i seps = _mm_set1_epi8(sep), newlines = _mm_set1_epi8('\n');
    for (; i + 16 <= size; i += 16) {
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        const auto hits =
            unsigned(_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(b, seps), _mm_cmpeq_epi8(b, newlines))));
        if (hits) return i + unsigned(__builtin_ctz(hits));
    }
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    // A byte equal to c makes (w ^ c) zero there; the lowest flagged byte of the zero-byte test is exact.
    constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    const uint64_t seps = ones * uint8_t(sep), newlines = ones * uint8_t('\n');
    for (; i + 8 <= size; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        const uint64_t a = w ^ seps, b = w ^ newlines;
        const uint64_t hits = (((a - ones) & ~a) | ((b - ones) & ~b)) & highs;
        if (hits) return i + size_t(__builtin_ctzll(hits) >> 3);
    }
#endif
    while (i < size && p[i] != sep && p[i] != '\n') ++i;
    return i;
}

// The rest of a record whose remaining fields are not read: from i, up to the line end, if no '"' comes
// first (a quote could open a field holding separators and line ends). On success `end` is just past the
// '\n' (or the buffer's end when final and there is none) and `seps` the separators before it.
#if defined(__SSE2__)
// Bits set in a 16-bit mask, in a few instructions: x86-64's baseline has no popcnt, so __builtin_popcount
// is a call into libgcc.
inline unsigned bits_set16(unsigned x) {
    x = x - ((x >> 1) & 0x5555u);
    x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
    x = (x + (x >> 4)) & 0x0F0Fu;
    return (x + (x >> 8)) & 0x1Fu;
}
#endif

bool scan_unread_fields(const char* p, size_t i, size_t size, char sep, bool final, size_t& end,
                        size_t& seps) {
    size_t n = 0;
#if defined(__SSE2__)
    const __m128i seps16 = _mm_set1_epi8(sep), newlines = _mm_set1_epi8('\n'), quotes = _mm_set1_epi8('"');
    for (; i + 16 <= size; i += 16) {
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        const auto stops =
            unsigned(_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(b, newlines), _mm_cmpeq_epi8(b, quotes))));
        const auto at_sep = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(b, seps16)));
        if (stops) {
            const unsigned k = unsigned(__builtin_ctz(stops));
            n += bits_set16(at_sep & ((1u << k) - 1));
            i += k;
            break;
        }
        n += bits_set16(at_sep);
    }
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    // Exact zero-byte flags (no borrow between bytes): the high bit of each byte of w that is 0.
    constexpr uint64_t lows = 0x7F7F7F7F7F7F7F7Full, ones = 0x0101010101010101ull;
    const auto zeros = [](uint64_t w) { return ~(((w & lows) + lows) | w | lows); };
    for (; i + 8 <= size; i += 8) {
        uint64_t w;
        std::memcpy(&w, p + i, 8);
        const uint64_t stops = zeros(w ^ (ones * '\n')) | zeros(w ^ (ones * '"'));
        const uint64_t at_sep = zeros(w ^ (ones * uint8_t(sep)));
        if (stops) {
            const int k = __builtin_ctzll(stops); // bit 8m+7 of the first stop byte m
            n += size_t(__builtin_popcountll(at_sep & ((uint64_t(1) << k) - 1)));
            i += size_t(k >> 3);
            break;
        }
        n += size_t(__builtin_popcountll(at_sep));
    }
#endif
    for (; i < size && p[i] != '\n' && p[i] != '"'; ++i) n += p[i] == sep;
    if (i < size && p[i] == '"') return false;
    if (i >= size && !final) return false;
    end = i < size ? i + 1 : size;
    seps = n;
    return true;
}

} // namespace

struct CsvReader::Impl {
    std::string source;
    CsvOptions options;
    ReadReport report;
    EventLogBuilder builder;
    RecordEvents events;
    Decoder decoder;
    std::string carry; // bytes of a record not complete at the end of the last chunk
    uint64_t line = 1; // line where the next record starts
    uint64_t bytes = 0;
    bool at_start = true; // BOM and separator detection happen on the first bytes
    bool header_done = false;
    std::vector<std::string> header;
    std::vector<Field> fields; // of the current record
    size_t record_begin = 0;   // where the current record starts in the buffer being parsed
    uint64_t record_line = 1;  // and on which line
    std::string scratch[5];    // unescaped copies of the fields in use (slots of RecordEvents::take)
    bool reserved = false;
    // Fields after this one are not read (no attribute wanted from them): they are only counted, by a scan
    // to the line end, when no quote is in the way. fields then holds the fields up to it.
    int last_read_column = std::numeric_limits<int>::max();
    size_t field_count = 0; // of the current record

    Impl(std::string s, CsvOptions o)
        : source(std::move(s)), options(std::move(o)), builder(source),
          events(source, options, report, builder),
          decoder(source, options.encoding, options.strict, /*track_positions=*/false) {
        report.source = source;
        report.format = "csv";
    }

    [[noreturn]] void fail(uint64_t l, uint64_t c, const std::string& message) {
        throw InputError(source, l, c, message);
    }

    // A problem in one record: strict mode stops, lenient mode skips the record and counts it.
    void problem(const char* kind, uint64_t l, uint64_t c, std::string_view text,
                 const std::string& message) {
        events.problem(kind, l, c, text, message);
    }

    static char detect_separator(std::string_view first_line) {
        const char candidates[] = {',', ';', '\t', '|'};
        size_t counts[4] = {0, 0, 0, 0};
        bool quoted = false;
        for (char ch : first_line) {
            if (ch == '"') quoted = !quoted;
            if (quoted) continue;
            for (int k = 0; k < 4; ++k) counts[k] += ch == candidates[k];
        }
        int best = 0;
        for (int k = 1; k < 4; ++k)
            if (counts[k] > counts[best]) best = k;
        return candidates[best];
    }

    // Splits one record starting at `pos` into `fields` (only counting those after last_read_column when
    // skip_unread). On completion `pos` is past the record's end.
    Parse split_record(std::string_view buf, size_t& pos, bool final, bool skip_unread = true) {
        const char sep = report.separator;
        fields.clear();
        size_t i = pos;
        uint64_t l = line;
        size_t line_start = pos;
        record_begin = pos;
        record_line = line;
        while (true) {
            Field f;
            if (i < buf.size() && buf[i] == '"') {
                // Quoted field.
                const uint64_t quote_line = l, quote_column = i - line_start + 1;
                f.quoted = true;
                ++i;
                f.begin = i;
                while (true) {
                    const void* q =
                        i < buf.size() ? std::memchr(buf.data() + i, '"', buf.size() - i) : nullptr;
                    if (!q) {
                        if (!final) return Parse::need_more;
                        fail(quote_line, quote_column,
                             "a quoted field is not closed before the end of the file");
                    }
                    const size_t qpos = static_cast<const char*>(q) - buf.data();
                    for (size_t k = i; k < qpos; ++k)
                        if (buf[k] == '\n') {
                            ++l;
                            line_start = k + 1;
                        }
                    i = qpos + 1;
                    if (i < buf.size() && buf[i] == '"') {
                        f.has_escaped_quote = true;
                        ++i;
                        continue;
                    }
                    if (i >= buf.size() && !final) return Parse::need_more;
                    f.end = qpos;
                    break;
                }
                // After the closing quote: a separator, the end of the record, or a stray character.
                if (i < buf.size() && buf[i] != sep && buf[i] != '\n' && buf[i] != '\r') {
                    const uint64_t col = i - line_start + 1;
                    // Resynchronise at the end of the line, then report.
                    const void* nl = std::memchr(buf.data() + i, '\n', buf.size() - i);
                    if (!nl && !final) return Parse::need_more;
                    size_t end = nl ? static_cast<const char*>(nl) - buf.data() + 1 : buf.size();
                    pos = end;
                    line = l + (nl ? 1 : 0);
                    fields.clear();
                    problem("stray_quote", l, col,
                            buf.substr(f.begin - 1, std::min<size_t>(i - f.begin + 2, 80)),
                            "unexpected character after a closing quote; expected the separator or the end "
                            "of the line");
                    return Parse::complete;
                }
            } else {
                f.begin = i;
                i = find_field_end(buf.data(), i, buf.size(), sep);
                f.end = i;
                if (i >= buf.size() && !final) return Parse::need_more;
                if (f.end > f.begin && buf[f.end - 1] == '\r' && (i >= buf.size() || buf[i] == '\n')) --f.end;
            }
            fields.push_back(f);
            if (i < buf.size() && buf[i] == sep) {
                ++i;
                size_t end = 0, seps = 0;
                if (skip_unread && fields.size() > size_t(last_read_column) &&
                    scan_unread_fields(buf.data(), i, buf.size(), sep, final, end, seps)) {
                    field_count = fields.size() + seps + 1;
                    pos = end;
                    line = l + (buf[end - 1] == '\n' ? 1 : 0);
                    return Parse::complete;
                }
                continue;
            }
            // End of record: CRLF, LF, or end of input.
            if (i < buf.size() && buf[i] == '\r') ++i;
            if (i < buf.size() && buf[i] == '\n') {
                ++i;
                ++l;
            } else if (i < buf.size()) {
                continue; // a lone CR after a quoted field: treat as part of the line
            }
            pos = i;
            line = l;
            field_count = fields.size();
            return Parse::complete;
        }
    }

    // Line and column of a field of the current record (of its opening quote when quoted): the record's
    // line plus the line ends before it (only quoted fields hold any).
    std::pair<uint64_t, uint64_t> position(std::string_view buf, const Field& f) const {
        const size_t at = f.quoted ? f.begin - 1 : f.begin;
        uint64_t l = record_line;
        size_t line_start = record_begin;
        for (size_t k = record_begin; k < at; ++k)
            if (buf[k] == '\n') {
                ++l;
                line_start = k + 1;
            }
        return {l, at - line_start + 1};
    }

    std::string_view field_text(std::string_view buf, const Field& f, std::string& scratch_out) {
        std::string_view raw = buf.substr(f.begin, f.end - f.begin);
        if (!f.has_escaped_quote) return raw;
        scratch_out.clear();
        for (size_t k = 0; k < raw.size(); ++k) {
            scratch_out.push_back(raw[k]);
            if (raw[k] == '"' && k + 1 < raw.size() && raw[k + 1] == '"') ++k;
        }
        return scratch_out;
    }

    void take_header(std::string_view buf) {
        header.clear();
        for (const Field& f : fields) header.emplace_back(field_text(buf, f, scratch[0]));
        events.resolve(header, 1, "column");
        last_read_column = events.last_column_read();
        header_done = true;
        if (options.first_data_line) line = options.first_data_line;
    }

    // The fields of the current record, as RecordEvents::take reads them.
    struct RecordFields {
        Impl& m;
        std::string_view buf;
        std::string_view text(int column, int slot) const {
            return m.field_text(buf, m.fields[size_t(column)], m.scratch[slot]);
        }
        uint64_t line(int column) const { return m.position(buf, m.fields[size_t(column)]).first; }
        uint64_t column(int column) const { return m.position(buf, m.fields[size_t(column)]).second; }
    };

    void take_record(std::string_view buf) {
        ++report.records;
        if (field_count != header.size() && fields.size() != field_count) {
            // Fields were only counted: split them all, for the message's column.
            const uint64_t after = line;
            size_t p = record_begin;
            line = record_line;
            split_record(buf, p, true, false);
            line = after;
        }
        if (field_count != header.size()) {
            const Field& at = fields.size() < header.size() ? fields.back() : fields[header.size()];
            problem("ragged_row", record_line, position(buf, at).second, "",
                    "expected " + std::to_string(header.size()) + " fields as in the header, found " +
                        std::to_string(fields.size()));
            return;
        }
        events.take(RecordFields{*this, buf});
    }

    void feed_utf8(std::string_view chunk);
    [[noreturn]] void rethrow_with_position(const InputError& e);

    // Parses every complete record of buf; returns where the incomplete rest starts.
    size_t parse(std::string_view buf, bool final) {
        size_t pos = 0;
        if (at_start) {
            if (buf.size() < 4 && !final) return 0; // wait for enough bytes to see a byte order mark
            if (buf.substr(0, 3) == "\xEF\xBB\xBF")
                pos = 3;
            else if (buf.substr(0, 2) == "\xFF\xFE" || buf.substr(0, 2) == "\xFE\xFF")
                fail(1, 1, "the file is UTF-16; save it as UTF-8 (Excel: CSV UTF-8) and open it again");
            if (options.separator) {
                report.separator = options.separator;
            } else {
                const void* nl = std::memchr(buf.data() + pos, '\n', buf.size() - pos);
                if (!nl && !final) return 0;
                size_t end = nl ? static_cast<const char*>(nl) - buf.data() : buf.size();
                report.separator = detect_separator(buf.substr(pos, end - pos));
            }
            at_start = false;
        }
        if (!reserved && options.expected_bytes) {
            // Estimate the number of records from the line density of what we have, and reserve once.
            reserved = true;
            const size_t sample = std::min<size_t>(buf.size() - pos, size_t(1) << 20);
            const size_t lines =
                size_t(std::count(buf.begin() + long(pos), buf.begin() + long(pos + sample), '\n'));
            if (lines > 1 && sample)
                builder.reserve(
                    size_t(double(options.expected_bytes) * double(lines) / double(sample) * 1.05));
        }
        while (pos < buf.size()) {
            // Blank lines are skipped.
            if (buf[pos] == '\n') {
                ++pos;
                ++line;
                continue;
            }
            if (buf[pos] == '\r' && pos + 1 < buf.size() && buf[pos + 1] == '\n') {
                pos += 2;
                ++line;
                continue;
            }
            size_t next = pos;
            if (split_record(buf, next, final) == Parse::need_more) break;
            if (!fields.empty()) {
                if (!header_done)
                    take_header(buf);
                else
                    take_record(buf);
            }
            pos = next;
        }
        return pos;
    }
};

CsvReader::CsvReader(std::string source, CsvOptions options)
    : impl_(std::make_unique<Impl>(std::move(source), std::move(options))) {}
CsvReader::~CsvReader() = default;

void CsvReader::Impl::feed_utf8(std::string_view chunk) {
    // The record cut at the end of the last chunk is completed from this one line by line (a record ends
    // at a line end, and most hold none inside quotes); the rest of the chunk is parsed where it lies, not
    // copied. A record still open after a few lines takes the whole chunk, as it may be long.
    constexpr int kLinesJoined = 4;
    size_t from = 0;
    for (int lines = 0; !carry.empty(); ++lines) {
        const size_t nl = chunk.find('\n', from);
        const size_t take = nl == std::string_view::npos || lines == kLinesJoined ? chunk.size() : nl + 1;
        carry.append(chunk.substr(from, take - from));
        from = take;
        carry.erase(0, parse(carry, false));
        if (from == chunk.size()) return;
    }
    const std::string_view rest = chunk.substr(from);
    carry.assign(rest.substr(parse(rest, false)));
}

// The decoder does not track positions; every byte before a bad one has reached the parser, so the bad
// byte sits right after the unparsed carry, which starts at `line`.
void CsvReader::Impl::rethrow_with_position(const InputError& e) {
    if (e.line) throw e;
    const auto newlines = uint64_t(std::count(carry.begin(), carry.end(), '\n'));
    const size_t last = carry.rfind('\n');
    const uint64_t column = last == std::string::npos ? carry.size() + 1 : carry.size() - last;
    throw InputError(source, line + newlines, column, e.message);
}

void CsvReader::feed(std::string_view chunk) {
    Impl& m = *impl_;
    m.bytes += chunk.size();
    try {
        m.decoder.feed(chunk, [&m](std::string_view utf8) { m.feed_utf8(utf8); });
    } catch (const InputError& e) {
        m.rethrow_with_position(e);
    }
}

EventLog CsvReader::finish() {
    Impl& m = *impl_;
    try {
        m.decoder.finish([&m](std::string_view utf8) { m.feed_utf8(utf8); });
    } catch (const InputError& e) {
        m.rethrow_with_position(e);
    }
    std::string rest;
    rest.swap(m.carry);
    m.parse(rest, true);
    if (!m.header_done) m.fail(0, 0, "the file is empty; expected a header line and event rows");
    m.events.finish_report(m.decoder);
    return m.options.untyped_attributes ? m.builder.finish_untyped() : m.builder.finish();
}

const ReadReport& CsvReader::report() const {
    return impl_->report;
}
uint64_t CsvReader::bytes_fed() const {
    return impl_->bytes;
}
uint64_t CsvReader::events_read() const {
    return impl_->builder.size();
}

EventLog read_csv(std::string_view bytes, const std::string& source, const CsvOptions& options,
                  ReadReport* report, const std::function<void(size_t)>& after_slice) {
    CsvOptions o = options;
    if (!o.expected_bytes) o.expected_bytes = bytes.size(); // reserve the event columns once
    CsvReader reader(source, o);
    return read_buffer_with(reader, bytes, report, after_slice);
}

EventLog read_csv_file(const std::string& path, const CsvOptions& options, ReadReport* report) {
    CsvOptions o = options;
    std::error_code ec;
    if (!o.expected_bytes && path != "-") {
        const auto size = std::filesystem::file_size(path, ec);
        if (!ec) o.expected_bytes = size; // compressed size for .gz: still a useful lower bound
    }
    CsvReader reader(path, o);
    return read_file_with(reader, path, report);
}

} // namespace tabiji
