// Text encodings of the logs users bring: UTF-8 (with or without BOM), UTF-16 with BOM, and Shift_JIS /
// CP932 (what Excel writes in Japan). A Decoder turns chunks of the file into UTF-8 chunks, detecting the
// encoding from the first bytes when asked to, and checking UTF-8 so that invalid bytes never end up in a
// touchpoint name unnoticed.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace tabiji {

enum class Encoding { detect, utf8, utf16le, utf16be, cp932 };

// "utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "shift_jis", "sjis", "cp932", "windows-31j" (any case).
std::optional<Encoding> parse_encoding(std::string_view name);
const char* encoding_name(Encoding e);

// Length of the longest valid UTF-8 prefix of s; a sequence cut at the very end counts as valid when
// `more_follows` (the rest comes with the next chunk). With `nul_ends`, the prefix also ends before a NUL
// byte (valid UTF-8, but never in the text of a log).
size_t valid_utf8_prefix(std::string_view s, bool more_follows, bool nul_ends = false);

// Whether the first bytes of a file are UTF-8: valid throughout, except that when `more_follows` the
// window may end inside a character (a window cut at a fixed size usually does, in Japanese text).
bool looks_like_utf8(std::string_view head, bool more_follows);

class Decoder {
  public:
    using Sink = std::function<void(std::string_view)>;
    // An invalid byte sequence: strict mode throws InputError; lenient mode replaces each bad byte with
    // U+FFFD and counts it. With track_positions the error carries the line and column in the decoded
    // text; without (cheaper: no pass over the bytes), line and column are 0 and the caller, which
    // has seen every byte before the bad one through the sink, places the error itself.
    Decoder(std::string source, Encoding encoding, bool strict, bool track_positions = true);
    ~Decoder();
    Decoder(const Decoder&) = delete;
    Decoder& operator=(const Decoder&) = delete;

    void feed(std::string_view bytes, const Sink& sink);
    void finish(const Sink& sink);
    Encoding encoding() const; // the one detected (or given)
    bool had_bom() const;
    uint64_t replaced_bytes() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace tabiji
