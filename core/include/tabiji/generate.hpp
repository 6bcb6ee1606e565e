// Synthetic omnichannel customer-journey logs: a seeded model of how customers meet a company (ads, web,
// EC shop, store, self-service and the contact center) and the CSV writer behind `tabiji generate`.
//
// Determinism: the same options give byte-identical output on every platform, natively and under
// WebAssembly. The model uses its own PRNG (splitmix64, one independent stream per customer), integer and
// exactly-rounded double arithmetic only (no libm, no std:: distributions), no clock and no unordered
// iteration.
//
// Output: UTF-8 CSV (RFC 4180 quoting), LF line endings, one header line, then one row per event, ordered
// by time across all customers (ties: customer number, then the customer's own order), the way a real
// export looks. Timestamps are local times with a fixed offset: +09:00 for Japanese, +00:00 for English.
// Each customer's first event falls inside [start, start + days); journeys are cut at the period's end
// like an export window, so late customers have unfinished journeys.
#pragma once
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tabiji {

enum class GenerateLang : uint8_t { en = 0, ja = 1 };

// Zero or empty fields mean the documented default.
struct GenerateOptions {
    uint64_t customers = 0;  // customers to simulate (default 1000 when max_events is 0 too)
    uint64_t max_events = 0; // approximate event target: stop after the customer that reaches it
    uint64_t seed = 0;       // any value; 0 is a seed like any other
    GenerateLang lang = GenerateLang::en;
    uint32_t days = 0;      // length of the calendar period (default 30, at most 3660)
    std::string start_date; // first day "YYYY-MM-DD" (default "2026-04-01")
};

struct GenerateSummary {
    uint64_t customers = 0; // customers with at least one event written
    uint64_t events = 0;    // data rows written (header not counted)
    uint64_t bytes = 0;     // bytes handed to the sink, header included
};

// Writes the CSV to `sink` in chunks of up to ~1 MiB (the views are valid only during the call). Throws
// std::invalid_argument for a malformed start date or days out of range.
GenerateSummary generate_journeys(const GenerateOptions& options,
                                  const std::function<void(std::string_view)>& sink);
// The same into one string (for tests and the web app's "make a sample log" button).
std::string generate_journeys_to_string(const GenerateOptions& options, GenerateSummary* summary = nullptr);

// The model's vocabulary and per-customer simulation, for tests and for code that wants typed events
// instead of CSV text.
namespace gen {

// Channel kinds, written as their code (channel_code) in both languages.
enum class Channel : uint8_t { store, ec, web, sns, ad, email, phone, human_chat, chatbot, faq, ivr };
inline constexpr int kNumChannels = 11;

enum class Touchpoint : uint8_t {
    tv_ad,
    sns,
    email,
    website,
    ec_site,
    ec_purchase,
    store,
    store_purchase,
    faq,
    chatbot,
    human_chat,
    ivr,
    call_center,
    cancellation,
};
inline constexpr int kNumTouchpoints = 14;

enum class Segment : uint8_t { new_customer, regular, premium };
inline constexpr int kNumSegments = 3;

// `none` is written as an empty field.
enum class Reason : uint8_t { none, product, account, delivery, billing, returns, cancellation };
inline constexpr int kNumReasons = 7;

struct TouchpointInfo {
    std::string_view en; // "Call center"
    std::string_view ja; // "コールセンター"
    Channel channel;
};

// Indexed by the enum value.
std::span<const TouchpointInfo> touchpoints();
std::string_view channel_code(Channel c); // "human_chat"
std::string_view touchpoint_name(Touchpoint t, GenerateLang lang);
std::string_view segment_name(Segment s, GenerateLang lang); // "" never; "new" / "新規"
std::string_view reason_name(Reason r, GenerateLang lang);   // "" for Reason::none
// The CSV header line without the line feed.
std::string_view header_line(GenerateLang lang);
// True for the contact-center channels whose events carry a contact reason (faq, chatbot, human_chat,
// ivr, phone); all other events have an empty reason.
bool is_contact_channel(Channel c);

// The journey scenario a customer follows (the model is described in samples/README.md).
enum class Scenario : uint8_t { online_purchase, store_purchase, inquiry, complaint, cancellation, browse };
inline constexpr int kNumScenarios = 6;

struct JourneyEvent {
    int64_t time; // seconds since the period's first day 00:00 local time
    Touchpoint touchpoint;
    Reason reason; // Reason::none outside contact channels
    uint8_t csat;  // 1..5, or 0 when the customer gave no rating
};

struct Customer {
    Segment segment;
    Scenario scenario;
    std::vector<JourneyEvent> events; // time-ordered, already cut at `period_seconds`
};

// Simulates customer number `index` (0-based) of a log with `seed`, whose period lasts `days` days.
// Depends on nothing else, so any customer can be regenerated alone. `out.events` is reused.
void simulate_customer(uint64_t seed, uint64_t index, uint32_t days, Customer& out);

// Customer ids as written: "C" + the 1-based number, zero-padded to at least 6 digits ("C000042").
std::string customer_id(uint64_t index);

} // namespace gen
} // namespace tabiji
