// The progress bar on stderr while logs are read: bytes read of the total, events, speed and time left.
// Shown only when stderr is a terminal, not with --quiet, and only once the work has lasted about a second
// (TABIJI_PROGRESS_DELAY_MS sets that delay, for tests). The readers report through
// ReadOptions::progress once per chunk of the file; a drawing thread redraws the line ten times a second,
// and the line is cleared when the work ends.
#pragma once
#include "args.hpp"

#include "tabiji/read_log.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace tabiji::cli {

class Progress {
  public:
    // Starts the bar when args and stderr allow it (one at a time in a process).
    explicit Progress(const Args& args);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    // Several logs: the total is the sum of their sizes (otherwise each log's own size).
    void expect_files(const std::vector<std::string>& logs);
    // Stops the drawing thread and clears the line (also done by the destructor).
    void finish();

    struct State;

  private:
    std::shared_ptr<State> state_;
};

// What read_options puts in ReadOptions::progress: adds a log's reading to the running bar; empty when
// no bar is running (the readers then skip the call).
std::function<void(const ReadProgress&)> progress_callback();

// The bar's text for these figures (no terminal codes), e.g.
// "[#########...........]  45%  120.5 MB / 268.0 MB  1.2 M events  35.1 MB/s  ETA 4 s".
std::string progress_line(uint64_t bytes_read, uint64_t bytes_total, uint64_t events, double seconds);

} // namespace tabiji::cli
