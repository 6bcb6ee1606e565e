// The journey model behind `tabiji generate`: one customer at a time, a segment, a scenario, and a small
// stochastic process per scenario (branches, repeat contacts, drop-offs) with realistic time gaps and
// opening hours. samples/README.md describes the scenarios and their probabilities in words; keep the two
// in step (the sample test fails when the committed samples no longer match this model).
//
// [SECTION] Random numbers: splitmix64, exact uniform doubles, integer weights (no libm, no std::
//           distributions, so WebAssembly and native builds draw the same numbers)
// [SECTION] Time: gap tables, hour-of-day tables, opening hours
// [SECTION] Building blocks: awareness, self-service and assisted support with repeat contacts, CSAT
// [SECTION] Scenarios
// [SECTION] simulate_customer
#include "tabiji/generate.hpp"

#include "splitmix.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <initializer_list>

namespace tabiji::gen {

namespace {

// -----------------------------------------------------------------------------------------------------
// [SECTION] Random numbers
// -----------------------------------------------------------------------------------------------------

uint64_t mix64(uint64_t z) {
    z += 0x9e3779b97f4a7c15ull;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

using Rng = SplitMix64; // one stream per customer is just a different start

// -----------------------------------------------------------------------------------------------------
// [SECTION] Time
// -----------------------------------------------------------------------------------------------------

constexpr int64_t kMinute = 60, kHour = 3600, kDay = 86400;

// A duration drawn from a piecewise-uniform histogram: bucket [lo, hi) with integer weight.
struct Bucket {
    int64_t lo, hi;
    unsigned weight;
};
template <size_t N>
using Gaps = std::array<Bucket, N>;

// Between two clicks or steps of one visit: seconds to minutes.
constexpr Gaps<4> kInSession{{{15, 60, 30}, {60, 180, 35}, {180, 600, 25}, {600, 1800, 10}}};
// Whole days until the next visit: soon (same day or the next), later (up to two weeks), repeat contact
// after an unresolved one, and a problem surfacing after a purchase (delivery, returns).
constexpr Gaps<3> kSoonDays{{{0, 1, 55}, {1, 2, 30}, {2, 4, 15}}};
constexpr Gaps<5> kLaterDays{{{0, 1, 15}, {1, 2, 25}, {2, 4, 25}, {4, 8, 25}, {8, 15, 10}}};
constexpr Gaps<3> kRepeatDays{{{0, 1, 35}, {1, 2, 40}, {2, 4, 25}}};
constexpr Gaps<3> kAfterPurchaseDays{{{2, 4, 50}, {4, 8, 40}, {8, 15, 10}}};

// Relative weight of each local hour 0..23 for the start of a visit: people online during the day and
// evening; TV audiences in the morning and evening prime time.
constexpr std::array<unsigned, 24> kAnyHours{2,  1,  1,  1,  1,  2,  4,  8,  10, 12, 14, 14,
                                             16, 14, 13, 13, 13, 14, 16, 18, 19, 18, 13, 7};
constexpr std::array<unsigned, 24> kTvHours{3, 1, 0, 0, 0, 1, 4, 10, 8,  3,  3,  3,
                                            5, 3, 3, 3, 3, 4, 8, 16, 22, 22, 16, 8};

// Opening hours [open, close) of staffed channels; self-service channels are open all day.
struct Hours {
    int64_t open, close;
};
constexpr Hours kContactCenterHours{9, 20}; // IVR, call center, human chat
constexpr Hours kStoreHours{10, 20};

template <size_t N>
int64_t draw(Rng& r, const Gaps<N>& gaps) {
    unsigned total = 0;
    for (const auto& b : gaps) total += b.weight;
    uint64_t x = r.below(total);
    for (const auto& b : gaps) {
        if (x < b.weight) return r.between(b.lo, b.hi);
        x -= b.weight;
    }
    return gaps.back().lo;
}

int64_t time_of_day(Rng& r, const std::array<unsigned, 24>& hours) {
    unsigned total = 0;
    for (unsigned w : hours) total += w;
    uint64_t x = r.below(total);
    int64_t h = 0;
    while (x >= hours[static_cast<size_t>(h)]) x -= hours[static_cast<size_t>(h++)];
    return h * kHour + r.between(0, kHour);
}

// -----------------------------------------------------------------------------------------------------
// [SECTION] Building blocks
// -----------------------------------------------------------------------------------------------------

// CSAT answers (weights of 1..5). Survey response rates: staffed contacts 40 %, chatbot 20 %.
constexpr double kStaffedSurveyRate = 0.40, kChatbotSurveyRate = 0.20;

class Journey {
  public:
    Journey(Rng& r, Customer& c) : r_(r), c_(c) {}

    Rng& r() { return r_; }
    Segment segment() const { return c_.segment; }
    // By segment: new, regular, premium.
    double by_segment(double new_customer, double regular, double premium) const {
        switch (c_.segment) {
        case Segment::new_customer:
            return new_customer;
        case Segment::regular:
            return regular;
        default:
            return premium;
        }
    }

    // The journey's first moment: a random day of the period, at an hour typical for `hours`.
    void start(uint32_t days, const std::array<unsigned, 24>& hours) {
        t_ = static_cast<int64_t>(r_.below(days)) * kDay + time_of_day(r_, hours);
    }
    // Next step of the same visit.
    void step() { t_ += draw(r_, kInSession); }
    void wait(int64_t lo, int64_t hi) { t_ += r_.between(lo, hi); }
    // A new visit after a number of days drawn from `gaps` (same day: 30 minutes to 5 hours later).
    template <size_t N>
    void visit(const Gaps<N>& gaps) {
        int64_t days = draw(r_, gaps);
        if (days == 0) {
            t_ += r_.between(30 * kMinute, 5 * kHour);
        } else {
            t_ = (t_ / kDay + days) * kDay + time_of_day(r_, kAnyHours);
        }
    }

    // Records an event now; staffed touchpoints first wait for their opening hours. The reason is kept
    // only for contact-center channels.
    void emit(Touchpoint tp, Reason reason = Reason::none, uint8_t csat = 0) {
        if (tp == Touchpoint::ivr || tp == Touchpoint::call_center || tp == Touchpoint::human_chat ||
            tp == Touchpoint::cancellation)
            fit(kContactCenterHours);
        if (tp == Touchpoint::store || tp == Touchpoint::store_purchase) fit(kStoreHours);
        if (!is_contact_channel(touchpoints()[static_cast<size_t>(tp)].channel)) reason = Reason::none;
        c_.events.push_back({t_, tp, reason, csat});
    }

    // Awareness: a TV ad, an SNS post or (for known customers) a campaign email starts the journey.
    void awareness(uint32_t days, unsigned tv, unsigned sns, unsigned email) {
        if (c_.segment == Segment::new_customer) email = 0;
        switch (r_.weighted({tv, sns, email})) {
        case 0:
            start(days, kTvHours), emit(Touchpoint::tv_ad);
            break;
        case 1:
            start(days, kAnyHours), emit(Touchpoint::sns);
            break;
        default:
            start(days, kAnyHours), emit(Touchpoint::email);
            break;
        }
    }

    uint8_t csat(bool resolved, int attempt, bool bot) {
        if (!r_.chance(bot ? kChatbotSurveyRate : kStaffedSurveyRate)) return 0;
        size_t i;
        if (!resolved)
            i = r_.weighted({40, 30, 20, 8, 2});
        else if (bot)
            i = r_.weighted({3, 7, 25, 40, 25});
        else if (attempt == 1)
            i = r_.weighted({2, 3, 12, 38, 45});
        else
            i = r_.weighted({8, 15, 32, 30, 15});
        return static_cast<uint8_t>(i + 1);
    }

    // Self-service first (FAQ, then maybe the chatbot), then staffed contacts (human chat or IVR + call
    // center) repeated until resolved, at most 5 times, or until the customer gives up. Returns whether
    // the issue was resolved. `self_service`: chance to try the FAQ first.
    bool support(Reason reason, double self_service) {
        const bool complaint =
            reason == Reason::delivery || reason == Reason::billing || reason == Reason::returns;
        bool from_bot = false;
        if (r_.chance(self_service)) {
            emit(Touchpoint::faq, reason);
            if (r_.chance(complaint ? 0.15 : 0.30)) return true;
            if (r_.chance(0.55)) {
                step();
                bool ok = r_.chance(complaint ? 0.20 : 0.40);
                emit(Touchpoint::chatbot, reason, csat(ok, 1, true));
                if (ok) return true;
                from_bot = true;
            }
            step();
        }
        double resolve = complaint ? (reason == Reason::delivery ? 0.50 : 0.55) : 0.72;
        for (int attempt = 1;; ++attempt) {
            bool chat = r_.chance(from_bot && attempt == 1 ? 0.60 : by_segment(0.25, 0.20, 0.12));
            bool ok = r_.chance(std::min(0.95, resolve + 0.12 * (attempt - 1)));
            if (chat) {
                emit(Touchpoint::human_chat, reason, csat(ok, attempt, false));
            } else {
                emit(Touchpoint::ivr, reason);
                if (r_.chance(0.07)) {
                    ok = false; // hung up in the IVR menu
                } else {
                    wait(20, 300); // queue
                    emit(Touchpoint::call_center, reason, csat(ok, attempt, false));
                }
            }
            if (ok) return true;
            if (attempt == 5 || r_.chance(0.12)) return false;
            visit(kRepeatDays);
        }
    }

    // Order confirmation, delivery notice, follow-up after a solved issue: a company email.
    void email_soon(int64_t lo, int64_t hi) {
        wait(lo, hi);
        emit(Touchpoint::email);
    }

  private:
    void fit(Hours h) {
        int64_t day = t_ / kDay * kDay, hour = (t_ - day) / kHour;
        if (hour < h.open)
            t_ = day + h.open * kHour + r_.between(0, 90 * kMinute);
        else if (hour >= h.close)
            t_ = day + kDay + h.open * kHour + r_.between(0, 2 * kHour);
    }

    Rng& r_;
    Customer& c_;
    int64_t t_ = 0;
};

// -----------------------------------------------------------------------------------------------------
// [SECTION] Scenarios
// -----------------------------------------------------------------------------------------------------

void cancellation_call(Journey& j) {
    Rng& r = j.r();
    if (r.chance(0.20)) { // chat first; the contract can only be ended by phone
        j.emit(Touchpoint::human_chat, Reason::cancellation, j.csat(false, 1, false));
        j.visit(kSoonDays);
    }
    j.emit(Touchpoint::ivr, Reason::cancellation);
    j.wait(20, 300);
    bool retained = r.chance(j.by_segment(0.25, 0.30, 0.45));
    j.emit(Touchpoint::call_center, Reason::cancellation, j.csat(true, 1, false));
    if (retained) {
        j.email_soon(10 * kMinute, 3 * kHour); // retention offer
        return;
    }
    j.wait(3 * kMinute, 12 * kMinute);
    j.emit(Touchpoint::cancellation, Reason::cancellation);
    if (r.chance(0.9)) j.email_soon(kMinute, 30 * kMinute);
}

void after_purchase(Journey& j) {
    Rng& r = j.r();
    double x = r.uniform();
    if (x < 0.14) { // delivery trouble or a return
        j.visit(kAfterPurchaseDays);
        Reason reason = x < 0.10 ? Reason::delivery : Reason::returns;
        if (j.support(reason, 0.45) && r.chance(0.5)) j.email_soon(10 * kMinute, 3 * kHour);
    } else if (r.chance(j.by_segment(0.05, 0.15, 0.30))) { // buys again
        j.visit(kLaterDays);
        j.emit(Touchpoint::ec_site);
        j.step();
        j.emit(Touchpoint::ec_purchase);
        j.email_soon(5, 60);
    }
}

void online_purchase(Journey& j, uint32_t days) {
    Rng& r = j.r();
    bool aware = r.chance(j.by_segment(0.90, 0.70, 0.60));
    if (aware) {
        j.awareness(days, 45, 35, 20);
        if (r.chance(0.3))
            j.step();
        else
            j.visit(kSoonDays);
    } else {
        j.start(days, kAnyHours);
    }
    if (r.chance(aware ? 0.75 : 0.40)) {
        j.emit(Touchpoint::website);
        j.step();
    }
    j.emit(Touchpoint::ec_site);
    if (r.chance(0.15)) { // a question before buying
        j.step();
        j.emit(Touchpoint::faq, Reason::product);
        if (r.chance(0.35)) {
            j.step();
            j.emit(Touchpoint::chatbot, Reason::product, j.csat(true, 1, true));
        }
        j.step();
        j.emit(Touchpoint::ec_site);
    }
    if (!r.chance(j.by_segment(0.45, 0.60, 0.75))) {
        if (!r.chance(0.40)) return; // left for good
        j.visit(kLaterDays);
        if (r.chance(0.35)) { // cart reminder
            j.emit(Touchpoint::email);
            j.step();
        }
        j.emit(Touchpoint::ec_site);
        if (!r.chance(0.50)) return;
    }
    j.step();
    j.emit(Touchpoint::ec_purchase);
    if (r.chance(0.95)) j.email_soon(5, 60); // order confirmation
    after_purchase(j);
}

void store_purchase(Journey& j, uint32_t days) {
    Rng& r = j.r();
    j.awareness(days, 55, 30, 15);
    if (r.chance(0.60)) { // store locator, opening hours
        if (r.chance(0.25))
            j.step();
        else
            j.visit(kSoonDays);
        j.emit(Touchpoint::website);
    }
    j.visit(kLaterDays);
    j.emit(Touchpoint::store);
    bool bought = r.chance(j.by_segment(0.60, 0.70, 0.80));
    if (!bought) {
        if (r.chance(0.35)) { // comes back to the store
            j.visit(kLaterDays);
            j.emit(Touchpoint::store);
            bought = r.chance(0.55);
        } else if (r.chance(0.30)) { // buys online instead
            j.visit(kSoonDays);
            j.emit(Touchpoint::ec_site);
            if (r.chance(0.50)) {
                j.step();
                j.emit(Touchpoint::ec_purchase);
                j.email_soon(5, 60);
            }
            return;
        }
    }
    if (!bought) return;
    j.wait(5 * kMinute, 40 * kMinute);
    j.emit(Touchpoint::store_purchase);
    double x = r.uniform();
    if (x < 0.10) { // a usage question or a return
        j.visit(kAfterPurchaseDays);
        j.support(x < 0.05 ? Reason::product : Reason::returns, 0.60);
    }
}

void inquiry(Journey& j, uint32_t days) {
    Rng& r = j.r();
    Reason reason = r.chance(0.75) ? Reason::product : Reason::account;
    j.start(days, kAnyHours);
    size_t entry = r.weighted({55, 15, 30}); // website, SNS, straight to the help center
    if (entry == 0) j.emit(Touchpoint::website);
    if (entry == 1) j.emit(Touchpoint::sns);
    if (entry != 2) j.step();
    // From the website some pick up the phone at once.
    bool resolved = j.support(reason, entry == 0 && r.chance(0.30) ? 0.0 : 0.85);
    if (resolved && reason == Reason::product && r.chance(0.35)) {
        j.visit(kSoonDays);
        j.emit(Touchpoint::ec_site);
        if (r.chance(0.70)) {
            j.step();
            j.emit(Touchpoint::ec_purchase);
            j.email_soon(5, 60);
        }
    }
}

void complaint(Journey& j, uint32_t days) {
    Rng& r = j.r();
    size_t k = r.weighted({50, 40, 10});
    Reason reason = k == 0 ? Reason::delivery : k == 1 ? Reason::billing : Reason::returns;
    j.start(days, kAnyHours);
    if (reason == Reason::billing && r.chance(0.50)) { // the invoice email prompts it
        j.emit(Touchpoint::email);
        j.visit(kSoonDays);
    }
    if (r.chance(0.15)) { // looks for a contact number
        j.emit(Touchpoint::website);
        j.step();
    }
    bool resolved = j.support(reason, 0.45);
    if (resolved) {
        if (r.chance(0.50)) j.email_soon(10 * kMinute, 3 * kHour); // follow-up
    } else if (r.chance(0.30)) {                                   // fed up: ends the contract
        j.visit(kSoonDays);
        cancellation_call(j);
    }
}

void cancellation(Journey& j, uint32_t days) {
    Rng& r = j.r();
    j.start(days, kAnyHours);
    if (r.chance(0.55)) {
        j.emit(Touchpoint::website);
        j.step();
    }
    if (r.chance(0.50)) {
        j.emit(Touchpoint::faq, Reason::cancellation);
        j.step();
    }
    cancellation_call(j);
}

void browse(Journey& j, uint32_t days) {
    Rng& r = j.r();
    j.awareness(days, 50, 40, 10);
    if (r.chance(0.65)) {
        if (r.chance(0.3))
            j.step();
        else
            j.visit(kSoonDays);
        j.emit(Touchpoint::website);
        if (r.chance(0.45)) {
            j.step();
            j.emit(Touchpoint::ec_site);
        }
    }
}

} // namespace

// -----------------------------------------------------------------------------------------------------
// [SECTION] simulate_customer
// -----------------------------------------------------------------------------------------------------

void simulate_customer(uint64_t seed, uint64_t index, uint32_t days, Customer& out) {
    Rng r{mix64(seed ^ mix64(index))};
    out.events.clear();
    out.segment = static_cast<Segment>(r.weighted({35, 45, 20}));
    switch (out.segment) {
    case Segment::new_customer:
        out.scenario = static_cast<Scenario>(r.weighted({34, 22, 20, 6, 2, 16}));
        break;
    case Segment::regular:
        out.scenario = static_cast<Scenario>(r.weighted({34, 18, 16, 16, 6, 10}));
        break;
    default:
        out.scenario = static_cast<Scenario>(r.weighted({40, 16, 18, 14, 4, 8}));
        break;
    }
    Journey j(r, out);
    switch (out.scenario) {
    case Scenario::online_purchase:
        online_purchase(j, days);
        break;
    case Scenario::store_purchase:
        store_purchase(j, days);
        break;
    case Scenario::inquiry:
        inquiry(j, days);
        break;
    case Scenario::complaint:
        complaint(j, days);
        break;
    case Scenario::cancellation:
        cancellation(j, days);
        break;
    case Scenario::browse:
        browse(j, days);
        break;
    }
    // Cut at the end of the export window.
    const int64_t end = static_cast<int64_t>(days) * kDay;
    auto past = std::find_if(out.events.begin(), out.events.end(),
                             [&](const JourneyEvent& e) { return e.time >= end; });
    out.events.erase(past, out.events.end());
}

} // namespace tabiji::gen
