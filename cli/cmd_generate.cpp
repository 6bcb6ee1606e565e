// `tabiji generate`: writes a synthetic omnichannel customer-journey log (CSV) from the seeded model in
// core (tabiji/generate.hpp), for demos, the bundled samples and benchmarks.
#include "commands.hpp"
#include "tabiji/generate.hpp"

#include <cstdio>
#include <iostream>
#include <stdexcept>

namespace tabiji::cli {

namespace {

uint64_t non_negative(const Args& args, const std::string& name) {
    long long v = args.int_or(name, 0);
    if (v < 0) throw UsageError("--" + name + " must not be negative");
    return static_cast<uint64_t>(v);
}

int run_generate(const Args& args) {
    GenerateOptions o;
    o.customers = non_negative(args, "customers");
    o.max_events = non_negative(args, "events");
    o.seed = non_negative(args, "seed");
    uint64_t days = non_negative(args, "days");
    if (days > 3660) throw UsageError("--days must be at most 3660");
    o.days = static_cast<uint32_t>(days);
    o.start_date = args.value_or("start", "");
    const std::string lang = args.value_or("lang", "en");
    if (lang == "ja")
        o.lang = GenerateLang::ja;
    else if (lang != "en")
        throw UsageError("--lang must be en or ja, got '" + lang + "'");

    const std::string path = args.value_or("output", "-");
    std::FILE* file = stdout;
    if (path != "-") {
        file = std::fopen(path.c_str(), "wb");
        if (!file) {
            std::cerr << "tabiji generate: cannot write '" << path << "'\n";
            return kBadInput;
        }
    }
    bool failed = false;
    GenerateSummary s;
    try {
        s = generate_journeys(o, [&](std::string_view chunk) {
            if (!failed && std::fwrite(chunk.data(), 1, chunk.size(), file) != chunk.size()) failed = true;
        });
    } catch (const std::invalid_argument& e) {
        if (file != stdout) std::fclose(file);
        throw UsageError(e.what());
    }
    if (std::fflush(file) != 0) failed = true;
    if (file != stdout && std::fclose(file) != 0) failed = true;
    if (failed) {
        std::cerr << "tabiji generate: write error on '" << path << "'\n";
        return kBadInput;
    }
    if (file != stdout)
        std::cerr << "tabiji generate: " << s.customers << " customers, " << s.events << " events, "
                  << s.bytes << " bytes -> " << path << "\n";
    return kOk;
}

} // namespace

Command generate_command() {
    CommandSpec spec;
    spec.name = "generate";
    spec.summary = "write a synthetic omnichannel customer-journey log (CSV) from a seeded model";
    spec.usage = "tabiji generate [options]";
    spec.min_positionals = 0;
    spec.max_positionals = 0;
    spec.options = {
        {"customers", "N", "customers to simulate (default 1000, or unlimited with --events)"},
        {"events", "N", "stop after the customer whose events reach N in total (for benchmarks)"},
        {"seed", "S", "random seed, a whole number >= 0 (default 0); same seed, same bytes"},
        {"lang", "en|ja", "English or Japanese names, header and +09:00 times (default en, +00:00)"},
        {"days", "N", "length of the calendar period in days, 1..3660 (default 30)"},
        {"start", "YYYY-MM-DD", "first day of the period (default 2026-04-01)"},
        {"output", "FILE", "write to FILE instead of stdout ('-' is stdout)"},
    };
    spec.examples =
        "  tabiji generate --customers 3000 --seed 7 -o samples/journeys_en.csv\n"
        "  tabiji generate --lang ja --customers 3000 --seed 7 -o samples/journeys_ja.csv\n"
        "  tabiji generate --events 10000000 --days 365 -o big.csv      # benchmark log\n"
        "  tabiji generate --customers 50 --start 2026-01-05 --days 7 | head\n"
        "\n"
        "Columns: customer_id, touchpoint, timestamp (ISO 8601 with offset), channel, segment,\n"
        "contact_reason (contact-center channels only), csat (1-5, when the customer answered the survey).\n"
        "Rows are ordered by time across customers. Scenarios: online purchase, store purchase, product\n"
        "inquiry, delivery/billing complaint with repeat calls, cancellation, browsing; see "
        "samples/README.md.\n";
    return {spec, run_generate};
}

} // namespace tabiji::cli
