// Decoder: detection, UTF-8 checking (zero-copy while the bytes are valid), and iconv for the others.
#include "tabiji/encoding.hpp"

#include "tabiji/error.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iconv.h>
#include <vector>

namespace tabiji {

namespace {

constexpr size_t kDetectBytes = 64 * 1024;                // how much is looked at before deciding
constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
}

// Length of the UTF-8 sequence starting at s[i] if valid and complete, 0 if invalid, -1 if cut short.
int utf8_sequence(std::string_view s, size_t i) {
    const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    int len;
    unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0; // no overlong forms
        if (c == 0xED) hi = 0x9F; // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F; // not above U+10FFFF
    } else
        return 0;
    for (int k = 1; k < len; ++k) {
        if (i + k >= s.size()) return -1;
        const unsigned char x = b(i + k);
        if (k == 1 ? (x < lo || x > hi) : (x < 0x80 || x > 0xBF)) return 0;
    }
    return len;
}

} // namespace

std::optional<Encoding> parse_encoding(std::string_view name) {
    const std::string n = lower(name);
    if (n == "auto" || n == "detect") return Encoding::detect;
    if (n == "utf-8" || n == "utf8" || n == "utf-8-sig") return Encoding::utf8;
    if (n == "utf-16" || n == "utf-16le" || n == "utf16" || n == "utf16le") return Encoding::utf16le;
    if (n == "utf-16be" || n == "utf16be") return Encoding::utf16be;
    if (n == "shift_jis" || n == "shift-jis" || n == "sjis" || n == "cp932" || n == "windows-31j" ||
        n == "ms932")
        return Encoding::cp932;
    return std::nullopt;
}

const char* encoding_name(Encoding e) {
    switch (e) {
    case Encoding::detect:
        return "auto";
    case Encoding::utf8:
        return "UTF-8";
    case Encoding::utf16le:
        return "UTF-16LE";
    case Encoding::utf16be:
        return "UTF-16BE";
    case Encoding::cp932:
        return "CP932";
    }
    return "?";
}

size_t valid_utf8_prefix(std::string_view s, bool more_follows, bool nul_ends) {
    constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    size_t i = 0;
    while (i < s.size()) {
        // ASCII fast path, 8 bytes at a time (a word with a zero byte leaves it when NUL ends the prefix).
        while (i + 8 <= s.size()) {
            uint64_t w;
            std::memcpy(&w, s.data() + i, 8);
            if ((w & highs) || (nul_ends && ((w - ones) & ~w & highs))) break;
            i += 8;
        }
        if (i >= s.size() || (nul_ends && s[i] == '\0')) break;
        const int len = utf8_sequence(s, i);
        if (len > 0)
            i += size_t(len);
        else if (len < 0 && more_follows)
            return i;
        else
            return i;
    }
    return i;
}

bool looks_like_utf8(std::string_view head, bool more_follows) {
    const size_t ok = valid_utf8_prefix(head, more_follows);
    return ok == head.size() || (more_follows && utf8_sequence(head, ok) < 0);
}

struct Decoder::Impl {
    std::string source;
    Encoding encoding;
    bool strict;
    bool track_positions;
    bool decided = false;
    bool bom = false;
    std::string pending; // bytes held back: detection window, or an incomplete sequence
    iconv_t cd = iconv_t(-1);
    std::vector<char> out;  // iconv's output buffer, sized when iconv is used
    bool guessed = false;   // CP932 was chosen because the text was not UTF-8
    uint64_t lines_out = 1; // for error positions: lines in the UTF-8 produced so far
    uint64_t column_out = 1;
    uint64_t replaced = 0;

    ~Impl() {
        if (cd != iconv_t(-1)) iconv_close(cd);
    }

    // Runs over every byte produced, so it must stay a simple count the compiler can vectorize.
    void advance_position(std::string_view produced) {
        const auto newlines = std::count(produced.begin(), produced.end(), '\n');
        if (newlines == 0) {
            column_out += produced.size();
            return;
        }
        lines_out += uint64_t(newlines);
        column_out = produced.size() - produced.rfind('\n');
    }

    void emit(std::string_view utf8, const Sink& sink) {
        if (utf8.empty()) return;
        if (track_positions) advance_position(utf8);
        sink(utf8);
    }

    [[noreturn]] void invalid(unsigned char byte, const char* expected) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", byte);
        const std::string what =
            byte == 0 ? std::string("a NUL byte (0x00) in the text")
            : guessed ? std::string("invalid byte ") + hex + ": the text is neither UTF-8 nor CP932"
                      : std::string("invalid byte ") + hex + " for " + encoding_name(encoding);
        throw InputError(source, track_positions ? lines_out : 0, track_positions ? column_out : 0,
                         what + "; expected " + expected + " (choose the file's encoding with --encoding)");
    }

    void decide(std::string_view head, bool final) {
        if (head.substr(0, 3) == "\xEF\xBB\xBF") {
            encoding = Encoding::utf8;
            bom = true;
        } else if (head.substr(0, 2) == "\xFF\xFE" && encoding != Encoding::utf8) {
            encoding = Encoding::utf16le;
            bom = true;
        } else if (head.substr(0, 2) == "\xFE\xFF" && encoding != Encoding::utf8) {
            encoding = Encoding::utf16be;
            bom = true;
        } else if (encoding == Encoding::detect) {
            // Valid UTF-8 in the window: UTF-8 (plain ASCII included). Otherwise CP932, the other
            // encoding spreadsheet exports come in here; if that is wrong too, decoding will say where.
            encoding = looks_like_utf8(head, !final) ? Encoding::utf8 : Encoding::cp932;
            guessed = encoding == Encoding::cp932;
        }
        if (encoding == Encoding::utf16le || encoding == Encoding::utf16be || encoding == Encoding::cp932) {
            const char* from = encoding == Encoding::cp932     ? "CP932"
                               : encoding == Encoding::utf16le ? "UTF-16LE"
                                                               : "UTF-16BE";
            cd = iconv_open("UTF-8", from);
            // Emscripten's iconv (musl) knows Shift_JIS but not the name CP932: its JIS X 0208 table holds
            // what Japanese exports mostly contain (CP932's NEC and IBM extensions are then invalid bytes).
            if (cd == iconv_t(-1) && encoding == Encoding::cp932) cd = iconv_open("UTF-8", "SHIFT_JIS");
            if (cd == iconv_t(-1))
                throw InputError(source, 0, 0, std::string("this build cannot decode ") + from);
            out.resize(size_t(1) << 20);
        }
        decided = true;
    }

    // UTF-8 input: pass valid runs through untouched; handle bad bytes and NUL bytes (binary data, or
    // UTF-16 without a byte order mark: never text of a log); keep a cut sequence for later.
    void pass_utf8(std::string_view in, bool final, const Sink& sink) {
        while (!in.empty()) {
            const size_t ok = valid_utf8_prefix(in, !final, true);
            emit(in.substr(0, ok), sink);
            in.remove_prefix(ok);
            if (in.empty()) break;
            if (!final && utf8_sequence(in, 0) < 0) { // cut at the end of the chunk
                pending.assign(in);
                return;
            }
            if (strict) invalid(static_cast<unsigned char>(in[0]), "UTF-8 text");
            ++replaced;
            emit(kReplacement, sink);
            in.remove_prefix(1);
        }
    }

    void convert(std::string_view in, bool final, const Sink& sink) {
        char* inp = const_cast<char*>(in.data());
        size_t inleft = in.size();
        while (inleft > 0) {
            char* outp = out.data();
            size_t outleft = out.size();
            const size_t rc = iconv(cd, &inp, &inleft, &outp, &outleft);
            const int err = errno;
            emit(std::string_view(out.data(), out.size() - outleft), sink);
            if (rc != size_t(-1)) continue;
            if (err == E2BIG) continue;
            if (err == EINVAL && !final) { // incomplete sequence at the end: wait for more
                pending.assign(inp, inleft);
                return;
            }
            // EILSEQ, or EINVAL at the very end.
            if (strict)
                invalid(static_cast<unsigned char>(*inp),
                        encoding == Encoding::cp932 ? "Shift_JIS (CP932) text" : "UTF-16 text");
            ++replaced;
            emit(kReplacement, sink);
            ++inp;
            --inleft;
        }
    }

    void process(std::string_view in, bool final, const Sink& sink) {
        if (encoding == Encoding::utf8)
            pass_utf8(in, final, sink);
        else
            convert(in, final, sink);
    }
};

Decoder::Decoder(std::string source, Encoding encoding, bool strict, bool track_positions)
    : impl_(std::make_unique<Impl>()) {
    impl_->source = std::move(source);
    impl_->encoding = encoding;
    impl_->strict = strict;
    impl_->track_positions = track_positions;
}
Decoder::~Decoder() = default;

void Decoder::feed(std::string_view bytes, const Sink& sink) {
    Impl& m = *impl_;
    if (!m.decided) {
        if (m.pending.empty() && bytes.size() >= kDetectBytes) { // a big first chunk: decide on it, no copy
            m.decide(bytes.substr(0, kDetectBytes), false);
            m.process(bytes.substr(m.bom ? (m.encoding == Encoding::utf8 ? 3 : 2) : 0), false, sink);
            return;
        }
        m.pending.append(bytes);
        if (m.pending.size() < kDetectBytes) return;
        std::string head;
        head.swap(m.pending);
        m.decide(head, false);
        m.process(std::string_view(head).substr(m.bom ? (m.encoding == Encoding::utf8 ? 3 : 2) : 0), false,
                  sink);
        return;
    }
    if (!m.pending.empty()) {
        std::string joined;
        joined.swap(m.pending);
        joined.append(bytes);
        m.process(joined, false, sink);
        return;
    }
    m.process(bytes, false, sink);
}

void Decoder::finish(const Sink& sink) {
    Impl& m = *impl_;
    std::string rest;
    rest.swap(m.pending);
    if (!m.decided) {
        m.decide(rest, true);
        rest.erase(0, m.bom ? (m.encoding == Encoding::utf8 ? 3 : 2) : 0);
    }
    m.process(rest, true, sink);
}

Encoding Decoder::encoding() const {
    return impl_->encoding;
}
bool Decoder::had_bom() const {
    return impl_->bom;
}
uint64_t Decoder::replaced_bytes() const {
    return impl_->replaced;
}

} // namespace tabiji
