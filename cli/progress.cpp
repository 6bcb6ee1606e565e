// The stderr progress bar (see progress.hpp).
#include "progress.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <thread>
#include <unistd.h>

namespace tabiji::cli {

using Clock = std::chrono::steady_clock;

struct Progress::State {
    std::atomic<uint64_t> bytes{0}, total{0}, events{0};
    bool total_fixed = false; // expect_files set the total
    Clock::time_point start = Clock::now();
    std::chrono::milliseconds delay{1000};
    std::mutex mutex;
    std::condition_variable wake;
    bool done = false, drawn = false;
    std::thread drawer;

    void draw() {
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        const std::string line = progress_line(bytes, total, events, seconds);
        std::fprintf(stderr, "\r%s\x1b[K", line.c_str());
        std::fflush(stderr);
        drawn = true;
    }
};

namespace {

std::mutex active_mutex;
std::shared_ptr<Progress::State> active; // the running bar, if any

std::string with_unit(double x, const char* const units[], int count, double step) {
    int u = 0;
    while (x >= step && u + 1 < count) x /= step, ++u;
    char buf[32];
    std::snprintf(buf, sizeof buf, u ? "%.1f %s" : "%.0f %s", x, units[u]);
    return buf;
}

std::string bytes_text(double b) {
    static const char* const units[] = {"B", "kB", "MB", "GB", "TB"};
    return with_unit(b, units, 5, 1000);
}

std::string seconds_text(double s) {
    char buf[32];
    if (s < 60)
        std::snprintf(buf, sizeof buf, "%.0f s", s);
    else if (s < 3600)
        std::snprintf(buf, sizeof buf, "%d min %02d s", int(s) / 60, int(s) % 60);
    else
        std::snprintf(buf, sizeof buf, "%d h %02d min", int(s) / 3600, int(s) / 60 % 60);
    return buf;
}

} // namespace

std::string progress_line(uint64_t bytes_read, uint64_t bytes_total, uint64_t events, double seconds) {
    std::string line;
    const bool known = bytes_total > 0;
    const double fraction = known ? std::min(1.0, double(bytes_read) / double(bytes_total)) : 0;
    if (known) {
        const int width = 20, full = int(fraction * width + 0.5);
        line = "[" + std::string(size_t(full), '#') + std::string(size_t(width - full), '.') + "] ";
        char pct[8];
        std::snprintf(pct, sizeof pct, "%3d%%", int(fraction * 100));
        line += pct;
        line += "  " + bytes_text(double(bytes_read)) + " / " + bytes_text(double(bytes_total));
    } else {
        line = "read " + bytes_text(double(bytes_read));
    }
    static const char* const counts[] = {"", "k", "M", "G"};
    std::string n = with_unit(double(events), counts, 4, 1000);
    if (n.back() == ' ') n.pop_back();
    if (events) line += "  " + n + " events"; // CSV read on threads counts its events at the end
    if (known && fraction >= 1.0) {           // read; the command works on the log now
        line += "  " + seconds_text(seconds);
        return line;
    }
    if (seconds > 0) line += "  " + bytes_text(double(bytes_read) / seconds) + "/s";
    if (known && fraction > 0) line += "  ETA " + seconds_text(seconds * (1 - fraction) / fraction);
    return line;
}

Progress::Progress(const Args& args) {
    if (args.flag("quiet") || !::isatty(STDERR_FILENO)) return;
    std::lock_guard<std::mutex> lock(active_mutex);
    if (active) return;
    state_ = std::make_shared<State>();
    if (const char* d = std::getenv("TABIJI_PROGRESS_DELAY_MS"))
        state_->delay = std::chrono::milliseconds(std::atoll(d));
    active = state_;
    state_->drawer = std::thread([s = state_.get()] {
        std::unique_lock<std::mutex> lock(s->mutex);
        while (!s->wake.wait_for(lock, std::chrono::milliseconds(100), [s] { return s->done; }))
            if (Clock::now() - s->start >= s->delay) s->draw();
    });
}

Progress::~Progress() {
    finish();
}

void Progress::expect_files(const std::vector<std::string>& logs) {
    if (!state_) return;
    uint64_t total = 0;
    for (const std::string& log : logs) {
        std::error_code ec;
        const auto size = log == "-" ? 0 : std::filesystem::file_size(log, ec);
        if (!ec) total += size;
    }
    state_->total = total;
    state_->total_fixed = true;
}

void Progress::finish() {
    if (!state_) return;
    {
        std::lock_guard<std::mutex> lock(state_->mutex);
        state_->done = true;
        // The last figures, once, when the work lasted past the delay (only then was the bar wanted).
        if (Clock::now() - state_->start >= state_->delay) state_->draw();
        if (state_->drawn) std::fputs("\r\x1b[K", stderr), std::fflush(stderr);
    }
    state_->wake.notify_all();
    state_->drawer.join();
    std::lock_guard<std::mutex> lock(active_mutex);
    active.reset();
    state_.reset();
}

std::function<void(const ReadProgress&)> progress_callback() {
    std::lock_guard<std::mutex> lock(active_mutex);
    if (!active) return {};
    // Each log reports its own running figures; the bar adds what changed since its last call.
    struct Last {
        uint64_t bytes = 0, events = 0;
        bool counted_total = false;
    };
    return [s = active, last = std::make_shared<Last>()](const ReadProgress& p) {
        if (!last->counted_total && !s->total_fixed) s->total += p.bytes_total;
        last->counted_total = true;
        s->bytes += p.bytes_read - last->bytes;
        s->events += p.events - last->events;
        last->bytes = p.bytes_read, last->events = p.events;
    };
}

} // namespace tabiji::cli
