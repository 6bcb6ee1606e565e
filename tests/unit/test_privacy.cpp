// The privacy guard: SHA-256 against FIPS 180-4 examples, HMAC-SHA-256 against the RFC 4231 test vectors
// (all seven), keyed pseudonyms, the k-anonymity filter, and attribute exclusion.
#include "tabiji/error.hpp"
#include "tabiji/hmac_sha256.hpp"
#include "tabiji/privacy.hpp"
#include "tabiji/read_log.hpp"
#include "tabiji/variants.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

using namespace tabiji;

namespace {

std::string bytes(size_t n, uint8_t b) {
    return std::string(n, char(b));
}

// Three cases follow A,B (x3: c1 c2 c3), two follow A,C (c4 c5), one follows A (c6).
const char* kLog = "case,activity,timestamp,comment,ref,segment\n"
                   "c1,A,2026-01-01T00:00:00Z,hello,x,gold\n"
                   "c1,B,2026-01-01T01:00:00Z,,x,gold\n"
                   "c2,A,2026-01-01T00:10:00Z,call me,y,gold\n"
                   "c2,B,2026-01-01T02:00:00Z,,y,gold\n"
                   "c3,A,2026-01-01T00:20:00Z,,c4,new\n"
                   "c3,B,2026-01-01T03:00:00Z,,c4,new\n"
                   "c4,A,2026-01-01T00:30:00Z,,z,new\n"
                   "c4,C,2026-01-01T04:00:00Z,,z,new\n"
                   "c5,A,2026-01-01T00:40:00Z,,z,new\n"
                   "c5,C,2026-01-01T05:00:00Z,,z,new\n"
                   "c6,A,2026-01-01T00:50:00Z,,z,new\n";

} // namespace

TEST_CASE("privacy: SHA-256 of the FIPS 180-4 examples") {
    CHECK(hex_digest(sha256("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(hex_digest(sha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(hex_digest(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    // A million 'a' fed in uneven pieces (the buffering across blocks).
    Sha256 s;
    size_t fed = 0;
    for (size_t n = 1; fed < 1000000; n = n % 97 + 1) {
        const size_t take = std::min(n, 1000000 - fed);
        s.update(std::string(take, 'a'));
        fed += take;
    }
    CHECK(hex_digest(s.finish()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("privacy: HMAC-SHA-256 matches the RFC 4231 test vectors") {
    std::string key4;
    for (int i = 1; i <= 25; ++i) key4 += char(i);
    CHECK(hex_digest(hmac_sha256(bytes(20, 0x0b), "Hi There")) ==
          "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    CHECK(hex_digest(hmac_sha256("Jefe", "what do ya want for nothing?")) ==
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    CHECK(hex_digest(hmac_sha256(bytes(20, 0xaa), bytes(50, 0xdd))) ==
          "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    CHECK(hex_digest(hmac_sha256(key4, bytes(50, 0xcd))) ==
          "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
    // Test case 5 is truncated to 128 bits.
    CHECK(hex_digest(hmac_sha256(bytes(20, 0x0c), "Test With Truncation"), 16) ==
          "a3b6167473100ee06e0c796c2955552b");
    CHECK(
        hex_digest(hmac_sha256(bytes(131, 0xaa), "Test Using Larger Than Block-Size Key - Hash Key First")) ==
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    CHECK(hex_digest(
              hmac_sha256(bytes(131, 0xaa),
                          "This is a test using a larger than block-size key and a larger than block-size "
                          "data. The key needs to be hashed before being used by the HMAC algorithm.")) ==
          "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

TEST_CASE("privacy: pseudonyms depend on the key and never contain the id") {
    const std::string p = pseudonym("key one", "C000666");
    CHECK(p.size() == 18);
    CHECK(p.substr(0, 2) == "p-");
    CHECK(p == "p-" + hex_digest(hmac_sha256("key one", "C000666"), 8));
    CHECK(p == pseudonym("key one", "C000666"));
    CHECK(p != pseudonym("key two", "C000666"));
    CHECK(p != pseudonym("key one", "C000667"));
    CHECK(random_pseudonym_key().size() == 32);
    CHECK(random_pseudonym_key() != random_pseudonym_key());
}

TEST_CASE("privacy: k-anonymity hides rare journeys, ids become pseudonyms, attributes are left out") {
    const EventLog log = read_log(kLog, "t.csv", {});
    REQUIRE(log.num_cases() == 6);
    SUBCASE("k = 3 keeps only the A,B journey") {
        const LogView v = k_anonymous_view(log, {}, 3);
        CHECK(std::vector<uint8_t>(v.case_kept) == std::vector<uint8_t>{1, 1, 1, 0, 0, 0});
    }
    SUBCASE("k = 2 keeps A,B and A,C") {
        const LogView v = k_anonymous_view(log, {}, 2);
        CHECK(std::vector<uint8_t>(v.case_kept) == std::vector<uint8_t>{1, 1, 1, 1, 1, 0});
    }
    SUBCASE("the guarded log") {
        PrivacyOptions o;
        o.k = 2;
        o.key = "fixed test key";
        o.exclude_attributes = {"comment"};
        PrivacyReport rep;
        const EventLog g = privacy_guarded_log(log, {}, o, &rep);
        CHECK(g.num_cases() == 5);
        CHECK(g.num_events() == 10);
        CHECK(rep.cases_in == 6);
        CHECK(rep.cases_kept == 5);
        CHECK(rep.variants_in == 3);
        CHECK(rep.variants_kept == 2);
        // "ref" holds the case id c4 in case c3: left out whatever the options say.
        CHECK(rep.id_attributes == std::vector<std::string>{"ref"});
        CHECK(g.attribute("comment") == nullptr);
        CHECK(g.attribute("ref") == nullptr);
        REQUIRE(g.attribute("segment") != nullptr);
        CHECK(g.attribute("segment")->case_level);
        for (uint32_t c = 0; c < g.num_cases(); ++c) {
            const std::string id(g.cases.view(c));
            CHECK(id == pseudonym(o.key, "c" + std::to_string(c + 1)));
        }
        CHECK(g.time[0] == log.time[0]);
        for (const Variant& var : mine_variants(g)) CHECK(var.count >= 2);
    }
    SUBCASE("an unknown excluded attribute and k = 0 are errors") {
        PrivacyOptions o;
        o.exclude_attributes = {"nope"};
        CHECK_THROWS_WITH_AS(privacy_guarded_log(log, {}, o), doctest::Contains("'nope'"), InputError);
        o.exclude_attributes.clear();
        o.k = 0;
        CHECK_THROWS_AS(privacy_guarded_log(log, {}, o), InputError);
    }
    SUBCASE("a random key gives different pseudonyms each time") {
        PrivacyOptions o;
        o.k = 1;
        const EventLog a = privacy_guarded_log(log, {}, o), b = privacy_guarded_log(log, {}, o);
        CHECK(a.cases.view(0) != b.cases.view(0));
        std::set<std::string_view> ids;
        for (uint32_t c = 0; c < a.num_cases(); ++c) ids.insert(a.cases.view(c));
        CHECK(ids.size() == 6);
    }
}
