// generate_journeys: runs the journey model (generate_model.cpp) for every customer and writes the CSV,
// ordered by time across customers.
//
// Two passes over the customers, each regenerated from its own random stream: the first decides who is in
// the log (all --customers, or up to the customer that reaches --events) and sorts them by first event;
// the second replays them in that order into hour buckets and writes each hour, sorted, once no journey
// can add to it any more, so memory holds only the journeys still in progress, not the log. Rows are
// formatted by hand into a 1 MiB buffer.
#include "tabiji/generate.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <stdexcept>
#include <utility>

namespace tabiji {

namespace {

using gen::Customer;
using gen::JourneyEvent;

constexpr uint64_t kDefaultCustomers = 1000;
constexpr uint32_t kDefaultDays = 30, kMaxDays = 3660;
constexpr std::string_view kDefaultStart = "2026-04-01";
constexpr size_t kChunk = size_t{1} << 20;

// [SECTION] Calendar: "YYYY-MM-DDT" for each day of the period, by counting days forward.

struct Date {
    int year;
    unsigned month, day;
};

unsigned days_in_month(int year, unsigned month) {
    static constexpr unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

Date parse_date(std::string_view s) {
    auto bad = [&] {
        return std::invalid_argument("start date must be YYYY-MM-DD, got '" + std::string(s) + "'");
    };
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') throw bad();
    auto number = [&](size_t from, size_t n) {
        int v = 0;
        for (size_t i = from; i < from + n; ++i) {
            if (s[i] < '0' || s[i] > '9') throw bad();
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    Date d{number(0, 4), static_cast<unsigned>(number(5, 2)), static_cast<unsigned>(number(8, 2))};
    if (d.year < 1900 || d.year > 9000 || d.month < 1 || d.month > 12 || d.day < 1 ||
        d.day > days_in_month(d.year, d.month))
        throw bad();
    return d;
}

void put_digits(std::string& out, unsigned value, int width) {
    char tmp[10];
    for (int i = width - 1; i >= 0; --i, value /= 10) tmp[i] = static_cast<char>('0' + value % 10);
    out.append(tmp, static_cast<size_t>(width));
}

// "C" + the 1-based number with at least 6 digits.
void put_customer_id(std::string& out, uint64_t index) {
    char tmp[20];
    int len = 0;
    for (uint64_t n = index + 1; n != 0 || len < 6; n /= 10) tmp[len++] = static_cast<char>('0' + n % 10);
    out += 'C';
    while (len) out += tmp[--len];
}

std::vector<std::string> day_prefixes(Date d, uint32_t days) {
    std::vector<std::string> out(days);
    for (auto& s : out) {
        put_digits(s, static_cast<unsigned>(d.year), 4);
        s += '-';
        put_digits(s, d.month, 2);
        s += '-';
        put_digits(s, d.day, 2);
        s += 'T';
        if (++d.day > days_in_month(d.year, d.month)) {
            d.day = 1;
            if (++d.month > 12) d.month = 1, ++d.year;
        }
    }
    return out;
}

// [SECTION] Pre-rendered CSV fields

// RFC 4180: quoted when the field holds a comma, a quote or a line break; quotes doubled.
std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

struct Fields {
    std::array<std::string, gen::kNumTouchpoints> touchpoint; // ",name"
    std::array<std::string, gen::kNumTouchpoints> channel;    // ",code"
    std::array<std::string, gen::kNumSegments> segment;       // ",name"
    std::array<std::string, gen::kNumReasons> reason;         // ",name,"
    std::string offset;                                       // "+09:00"

    explicit Fields(GenerateLang lang) {
        for (int i = 0; i < gen::kNumTouchpoints; ++i) {
            auto t = static_cast<gen::Touchpoint>(i);
            touchpoint[i] = "," + csv_field(gen::touchpoint_name(t, lang)) + ",";
            channel[i] = "," + csv_field(gen::channel_code(gen::touchpoints()[i].channel)) + ",";
        }
        for (int i = 0; i < gen::kNumSegments; ++i)
            segment[i] = csv_field(gen::segment_name(static_cast<gen::Segment>(i), lang));
        for (int i = 0; i < gen::kNumReasons; ++i)
            reason[i] = "," + csv_field(gen::reason_name(static_cast<gen::Reason>(i), lang)) + ",";
        offset = lang == GenerateLang::ja ? "+09:00" : "+00:00";
    }
};

// [SECTION] Writer

class RowWriter {
  public:
    RowWriter(const GenerateOptions& o, Date start, uint32_t days,
              const std::function<void(std::string_view)>& sink)
        : fields_(o.lang), days_(day_prefixes(start, days)), sink_(sink) {
        buf_.reserve(kChunk + 4096);
        buf_ += gen::header_line(o.lang);
        buf_ += '\n';
    }

    void row(uint64_t customer, gen::Segment segment, const JourneyEvent& e) {
        put_customer_id(buf_, customer);
        const auto tp = static_cast<size_t>(e.touchpoint);
        buf_ += fields_.touchpoint[tp];
        const auto day = static_cast<size_t>(e.time / 86400);
        auto sec = static_cast<unsigned>(e.time % 86400);
        buf_ += days_[day];
        put_digits(buf_, sec / 3600, 2);
        buf_ += ':';
        put_digits(buf_, sec / 60 % 60, 2);
        buf_ += ':';
        put_digits(buf_, sec % 60, 2);
        buf_ += fields_.offset;
        buf_ += fields_.channel[tp];
        buf_ += fields_.segment[static_cast<size_t>(segment)];
        buf_ += fields_.reason[static_cast<size_t>(e.reason)];
        if (e.csat) buf_ += static_cast<char>('0' + e.csat);
        buf_ += '\n';
        ++rows_;
        if (buf_.size() >= kChunk) flush();
    }

    void flush() {
        if (buf_.empty()) return;
        bytes_ += buf_.size();
        sink_(buf_);
        buf_.clear();
    }
    uint64_t rows() const { return rows_; }
    uint64_t bytes() const { return bytes_; }

  private:
    Fields fields_;
    std::vector<std::string> days_;
    const std::function<void(std::string_view)>& sink_;
    std::string buf_;
    uint64_t rows_ = 0, bytes_ = 0;
};

// [SECTION] Merge of journeys in time order

struct Pending {
    uint64_t key; // time << 32 | customer: time-ordered, ties by customer
    uint32_t seq; // the event's place in its journey (times inside a journey are strictly increasing, so
                  // keys are unique; seq keeps the order total should that ever change)
    uint8_t touchpoint, reason, csat, segment;
};

bool before(const Pending& a, const Pending& b) {
    return a.key != b.key ? a.key < b.key : a.seq < b.seq;
}

uint64_t merge_key(int64_t time, uint64_t customer) {
    return static_cast<uint64_t>(time) << 32 | customer;
}

constexpr int64_t kBucketSeconds = 3600;

} // namespace

GenerateSummary generate_journeys(const GenerateOptions& options,
                                  const std::function<void(std::string_view)>& sink) {
    const Date start = parse_date(options.start_date.empty() ? kDefaultStart : options.start_date);
    const uint32_t days = options.days ? options.days : kDefaultDays;
    if (days > kMaxDays) throw std::invalid_argument("days must be at most " + std::to_string(kMaxDays));
    uint64_t customers = options.customers;
    if (customers == 0 && options.max_events == 0) customers = kDefaultCustomers;
    if (customers > 0xffffffffull) throw std::invalid_argument("at most 4294967295 customers");

    // Pass 1: who is in the log, ordered by their first event.
    std::vector<std::pair<uint64_t, uint32_t>> order; // (merge key of first event, customer)
    Customer c;
    uint64_t events = 0;
    for (uint64_t i = 0; customers == 0 || i < customers; ++i) {
        if (i > 0xffffffffull) break;
        gen::simulate_customer(options.seed, i, days, c);
        if (c.events.empty()) continue;
        order.emplace_back(merge_key(c.events.front().time, i), static_cast<uint32_t>(i));
        events += c.events.size();
        if (options.max_events && events >= options.max_events) break;
    }
    std::sort(order.begin(), order.end());

    // Pass 2: replay in that order, dropping each event into the bucket of its hour. No journey starting
    // later can add to an hour that is over, so every hour before the next journey's start is complete:
    // sort it and write it.
    RowWriter out(options, start, days, sink);
    std::vector<std::vector<Pending>> hours(static_cast<size_t>(days) * 24);
    size_t next_hour = 0;
    auto write_until = [&](size_t hour_end) {
        for (; next_hour < hour_end; ++next_hour) {
            std::vector<Pending> bucket = std::move(hours[next_hour]);
            std::sort(bucket.begin(), bucket.end(), before);
            for (const Pending& p : bucket) {
                JourneyEvent e{static_cast<int64_t>(p.key >> 32), static_cast<gen::Touchpoint>(p.touchpoint),
                               static_cast<gen::Reason>(p.reason), p.csat};
                out.row(p.key & 0xffffffffu, static_cast<gen::Segment>(p.segment), e);
            }
        }
    };
    for (const auto& [key, customer] : order) {
        write_until(static_cast<size_t>((key >> 32) / kBucketSeconds));
        gen::simulate_customer(options.seed, customer, days, c);
        uint32_t seq = 0;
        for (const auto& e : c.events)
            hours[static_cast<size_t>(e.time / kBucketSeconds)].push_back(
                {merge_key(e.time, customer), seq++, static_cast<uint8_t>(e.touchpoint),
                 static_cast<uint8_t>(e.reason), e.csat, static_cast<uint8_t>(c.segment)});
    }
    write_until(hours.size());
    out.flush();
    return {order.size(), out.rows(), out.bytes()};
}

std::string gen::customer_id(uint64_t index) {
    std::string id;
    put_customer_id(id, index);
    return id;
}

std::string generate_journeys_to_string(const GenerateOptions& options, GenerateSummary* summary) {
    std::string text;
    GenerateSummary s = generate_journeys(options, [&](std::string_view chunk) { text += chunk; });
    if (summary) *summary = s;
    return text;
}

} // namespace tabiji
