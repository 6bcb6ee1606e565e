// SHA-256 (FIPS 180-4) and HMAC-SHA-256 (RFC 2104), our own small implementation for keyed pseudonyms
// (privacy.hpp). Checked against the FIPS 180-4 examples and the RFC 4231 test vectors (test_privacy.cpp).
// Not constant-time and not meant for anything but hashing identifiers.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace tabiji {

using Sha256Digest = std::array<uint8_t, 32>;

class Sha256 {
  public:
    Sha256();
    void update(std::string_view bytes);
    Sha256Digest finish(); // the object must not be used afterwards

  private:
    void block(const uint8_t* p);
    uint32_t h_[8];
    uint8_t buffer_[64];
    uint64_t length_ = 0; // bytes hashed so far
};

Sha256Digest sha256(std::string_view bytes);
Sha256Digest hmac_sha256(std::string_view key, std::string_view message);

// Lower-case hexadecimal of the first `bytes` bytes of a digest.
std::string hex_digest(const Sha256Digest& d, size_t bytes = 32);

} // namespace tabiji
