// Encodings: UTF-8 (BOM or not, checked), UTF-16 with BOM, Shift_JIS / CP932 detected, characters split
// across chunks, and invalid bytes reported with line and column (strict) or replaced and counted.
#include "tabiji/encoding.hpp"
#include "tabiji/error.hpp"
#include "tabiji/read_csv.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace tabiji;

namespace {

const std::string kUtf8Text = "顧客ID,タッチポイント,日時\n"
                              "C1,店舗,2024-03-13T10:00:00+09:00\n"
                              "C1,コールセンター,2024-03-13T11:00:00+09:00\n";

// kUtf8Text in Shift_JIS (CP932), byte by byte: 顧=8C DA 客=8B 71 ... 店=93 58 舗=95 DC ...
const std::string kCp932Text =
    "\x8C\xDA\x8B\x71\x49\x44\x2C\x83\x5E\x83\x62\x83\x60\x83\x7C\x83\x43\x83\x93\x83\x67\x2C\x93\xFA\x8E\x9E"
    "\x0A"
    "\x43\x31\x2C\x93\x58\x95\xDC\x2C\x32\x30\x32\x34\x2D\x30\x33\x2D\x31\x33\x54\x31\x30\x3A\x30\x30\x3A\x30"
    "\x30"
    "\x2B\x30\x39\x3A\x30\x30\x0A\x43\x31\x2C\x83\x52\x81\x5B\x83\x8B\x83\x5A\x83\x93\x83\x5E\x81\x5B\x2C\x32"
    "\x30"
    "\x32\x34\x2D\x30\x33\x2D\x31\x33\x54\x31\x31\x3A\x30\x30\x3A\x30\x30\x2B\x30\x39\x3A\x30\x30\x0A";

// The same text as UTF-16 with a byte order mark, from the compiler's own char16_t literal.
std::string utf16(bool little_endian) {
    const std::u16string u = u"顧客ID,タッチポイント,日時\nC1,店舗,2024-03-13T10:00:00+09:00\n"
                             u"C1,コールセンター,2024-03-13T11:00:00+09:00\n";
    std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
    for (char16_t c : u) {
        const char lo = char(c & 0xFF), hi = char(c >> 8);
        out += little_endian ? std::string{lo, hi} : std::string{hi, lo};
    }
    return out;
}

std::vector<std::string> touchpoints(const EventLog& log) {
    std::vector<std::string> out;
    for (uint32_t a = 0; a < log.num_activities(); ++a) out.emplace_back(log.activities.view(a));
    return out;
}

EventLog read_in_chunks(const std::string& bytes, size_t step, CsvOptions o, ReadReport* report = nullptr) {
    CsvReader r("t.csv", o);
    for (size_t i = 0; i < bytes.size(); i += step) r.feed(std::string_view(bytes).substr(i, step));
    EventLog log = r.finish();
    if (report) *report = r.report();
    return log;
}

const std::vector<std::string> kExpected = {"店舗", "コールセンター"};

} // namespace

TEST_SUITE("encoding") {
    TEST_CASE("UTF-8 with and without BOM") {
        ReadReport report;
        CHECK(touchpoints(read_csv(kUtf8Text, "t.csv", {}, &report)) == kExpected);
        CHECK(report.encoding == "UTF-8");
        CHECK_FALSE(report.byte_order_mark);
        CHECK(touchpoints(read_csv("\xEF\xBB\xBF" + kUtf8Text, "t.csv", {}, &report)) == kExpected);
        CHECK(report.byte_order_mark);
        CHECK(report.case_column == "顧客ID"); // the BOM is not part of the first column's name
    }

    TEST_CASE("Shift_JIS (CP932) from Excel is detected and decoded, in any chunking") {
        for (size_t step : {size_t(1), size_t(2), size_t(5), size_t(4096)}) {
            CAPTURE(step);
            ReadReport report;
            const EventLog log = read_in_chunks(kCp932Text, step, {}, &report);
            CHECK(report.encoding == "CP932");
            CHECK(report.case_column == "顧客ID");
            CHECK(report.activity_column == "タッチポイント");
            CHECK(touchpoints(log) == kExpected);
        }
        CsvOptions o;
        o.encoding = *parse_encoding("Shift_JIS");
        CHECK(touchpoints(read_csv(kCp932Text, "t.csv", o)) == kExpected);
    }

    TEST_CASE("UTF-16 with a byte order mark, both byte orders") {
        for (bool le : {true, false}) {
            for (size_t step : {size_t(1), size_t(3), size_t(4096)}) {
                ReadReport report;
                const EventLog log = read_in_chunks(utf16(le), step, {}, &report);
                CHECK(report.encoding == (le ? "UTF-16LE" : "UTF-16BE"));
                CHECK(touchpoints(log) == kExpected);
                CHECK(log.num_events() == 2);
            }
        }
    }

    TEST_CASE("UTF-8 characters split across chunks are joined, not damaged") {
        for (size_t step : {size_t(1), size_t(2), size_t(3), size_t(7)}) {
            CAPTURE(step);
            CHECK(touchpoints(read_in_chunks(kUtf8Text, step, {})) == kExpected);
        }
    }

    TEST_CASE("a Japanese UTF-8 file whose detection window ends inside a character is UTF-8") {
        // Rows of 3-byte characters (店) up to just before the 64 KiB detection window ends, then one row
        // padded with k ASCII bytes so that byte 65536 is the second byte of its sixth 店: that row starts at
        // S, its j-th 店 at S + 2 + k + 3j, so k = 65536 - 1 - (S + 2 + 15) puts the window's end inside it.
        std::string csv = "case,activity,time\n";
        std::string kanji;
        for (int i = 0; i < 20; ++i) kanji += "店";
        const std::string tail = ",2024-01-01T00:00:00Z\n";
        while (csv.size() + 2 + kanji.size() + tail.size() < 65536 - 200) csv += "c," + kanji + tail;
        const size_t k = 65536 - 1 - (csv.size() + 2 + 15);
        csv += "c," + std::string(k, 'x') + kanji + tail;
        while (csv.size() < 70 * 1024) csv += "c," + kanji + tail;
        bool boundary_inside_character = false;
        for (size_t cut : {size_t(64) << 10})
            boundary_inside_character = (static_cast<unsigned char>(csv[cut]) & 0xC0) == 0x80;
        CHECK(boundary_inside_character); // the case this test is about
        for (size_t step : {size_t(1) << 20, size_t(4096), size_t(65536)}) {
            CAPTURE(step);
            ReadReport report;
            const EventLog log = read_in_chunks(csv, step, {}, &report);
            CHECK(report.encoding == "UTF-8");
            // Two touchpoints: the kanji rows', and the padded row's, both intact.
            CHECK(log.num_activities() == 2);
            CHECK(log.activities.find(kanji) != StringPool::npos);
            CHECK(log.activities.find(std::string(k, 'x') + kanji) != StringPool::npos);
        }
        CHECK(looks_like_utf8("\xE5\xBA", true));
        CHECK_FALSE(looks_like_utf8("\xE5\xBA", false));
        CHECK_FALSE(looks_like_utf8("\x93\x58", true)); // Shift_JIS 店
    }

    TEST_CASE("invalid UTF-8 after the detection window: strict error with position, lenient replacement") {
        // 70 KB of valid rows, then a row with a stray 0xFF byte inside the touchpoint name.
        std::string csv = "case,activity,time\n";
        while (csv.size() < 70 * 1024) csv += "c1,web,2024-01-01T00:00:00Z\n";
        const uint64_t bad_line = uint64_t(std::count(csv.begin(), csv.end(), '\n')) + 1;
        csv += "c1,we\xFF"
               "b,2024-01-01T00:00:01Z\n";
        CsvOptions strict;
        strict.encoding = Encoding::utf8;
        try {
            read_csv(csv, "t.csv", strict);
            FAIL("expected an InputError");
        } catch (const InputError& e) {
            CHECK(e.line == bad_line);
            CHECK(e.column == 6);
            CHECK(std::string(e.what()).find("invalid byte 0xFF for UTF-8") != std::string::npos);
        }
        CsvOptions lenient;
        lenient.strict = false;
        ReadReport report;
        const EventLog log = read_csv(csv, "t.csv", lenient, &report);
        CHECK(report.replaced_bytes == 1);
        CHECK(report.problem_counts.at("invalid_encoding") == 1);
        CHECK(log.activities.find("we\xEF\xBF\xBD"
                                  "b") != StringPool::npos); // U+FFFD in place of the bad byte
    }

    TEST_CASE("a NUL byte anywhere in a long ASCII run is found (the 8-byte scan), and only there") {
        // Each position of a word, and past the detection window, where text is decoded chunk by chunk.
        for (size_t at : {size_t(0), size_t(1), size_t(7), size_t(8), size_t(13), size_t(70000),
                          size_t(70003), size_t(99998), size_t(99999)}) {
            CAPTURE(at);
            std::string text(100000, 'a');
            text[at] = '\0';
            for (const bool nul_ends : {false, true})
                CHECK(valid_utf8_prefix(text, false, nul_ends) == (nul_ends ? at : text.size()));
            Decoder d("t.csv", Encoding::utf8, false);
            std::string out;
            const auto sink = [&](std::string_view s) { out += s; };
            for (size_t i = 0; i < text.size(); i += 4096)
                d.feed(std::string_view(text).substr(i, 4096), sink);
            d.finish(sink);
            CHECK(d.replaced_bytes() == 1);
            CHECK(out.size() == text.size() + 2); // U+FFFD is 3 bytes
            CHECK(out.substr(at, 3) == "\xEF\xBF\xBD");
        }
    }

    TEST_CASE("valid_utf8_prefix rejects overlongs, surrogates and code points past U+10FFFF") {
        CHECK(valid_utf8_prefix("abc", false) == 3);
        CHECK(valid_utf8_prefix("\xC0\xAF", false) == 0);         // overlong '/'
        CHECK(valid_utf8_prefix("\xED\xA0\x80", false) == 0);     // UTF-16 surrogate
        CHECK(valid_utf8_prefix("\xF4\x90\x80\x80", false) == 0); // above U+10FFFF
        CHECK(valid_utf8_prefix("a\xE5\xBA", true) == 1);         // cut: valid so far, more follows
        CHECK(valid_utf8_prefix("\xE5\xBA\x97", false) == 3);     // 店
    }

    TEST_CASE("encoding names") {
        CHECK(parse_encoding("UTF-8") == Encoding::utf8);
        CHECK(parse_encoding("cp932") == Encoding::cp932);
        CHECK(parse_encoding("sjis") == Encoding::cp932);
        CHECK(parse_encoding("utf-16be") == Encoding::utf16be);
        CHECK_FALSE(parse_encoding("latin-9"));
    }
}
