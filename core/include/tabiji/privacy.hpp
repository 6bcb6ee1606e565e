// The privacy guard for everything shown to trainees or exported for them (training packs, training views):
// - Pseudonyms: a case id becomes "p-" + the first 8 bytes of HMAC-SHA-256(key, id) in hex. The key is
//   random per pack unless the caller supplies one, and is never written anywhere by us: without it a
//   pseudonym cannot be linked back to an id, even by hashing guessed ids.
// - k-anonymity of journeys: a variant (the sequence of a case's kept activities) followed by fewer than k
//   cases is hidden with all its cases, so no single or rare journey can be recognised. Counting is over
//   activities, which is at least as strict as over touchpoints (a catalog only merges activities).
// - Attributes: the ones the caller names (free text such as comments) are left out, and so is every
//   attribute that holds a case id of the log as a value (a copy of the id in another column would undo
//   the pseudonyms).
#pragma once
#include "tabiji/event_log.hpp"
#include "tabiji/log_view.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tabiji {

inline constexpr uint32_t kDefaultPrivacyK = 5;

struct PrivacyOptions {
    uint32_t k = kDefaultPrivacyK; // 1 hides nothing
    std::vector<std::string> exclude_attributes;
    std::string key; // HMAC key bytes; empty: a random 32-byte key (random_pseudonym_key)
};

struct PrivacyReport {
    uint32_t k = kDefaultPrivacyK;
    uint64_t cases_in = 0, cases_kept = 0;        // cases of the view, and of the result
    uint64_t variants_in = 0, variants_kept = 0;  // distinct journeys of the view, and of the result
    std::vector<std::string> excluded_attributes; // asked for and present in the log
    std::vector<std::string> id_attributes;       // left out because they hold case ids
};

// 32 bytes from std::random_device.
std::string random_pseudonym_key();
// "p-" + 16 hexadecimal digits.
std::string pseudonym(std::string_view key, std::string_view case_id);

// The view without the cases of variants followed by fewer than k of its cases.
LogView k_anonymous_view(const EventLog& log, const LogView& view, uint32_t k);

// Names of the attributes (event or case level) with a value equal to some case id of the log.
std::vector<std::string> attributes_holding_case_ids(const EventLog& log);

// A new log of the k-anonymous cases of the view with their kept events: case ids replaced by pseudonyms
// (two ids with the same pseudonym, a 1 in 2^64 event, get "-2", "-3", ... appended in log order), the
// excluded attributes and the id-holding ones left out, everything else as it was. InputError(source) when
// an excluded attribute is not in the log or k is 0.
EventLog privacy_guarded_log(const EventLog& log, const LogView& view, const PrivacyOptions& options,
                             PrivacyReport* report = nullptr);

} // namespace tabiji
