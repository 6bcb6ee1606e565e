// Loading a CSV in chunks into a journey, with every failure turned into a message, never an abort.
#include "app_state.hpp"

#include "tabiji/error.hpp"
#include "tabiji/read_log.hpp"
#include "tabiji/training_pack_reader.hpp"

#include <cstdio>
#include <exception>
#include <new>

namespace tabiji::web {

AppState::AppState() = default;
AppState::~AppState() = default;

AppState& app_state() {
    static AppState state;
    return state;
}

namespace {

// Runs one step of the reader; on failure returns the message to show.
template <class F>
std::optional<std::string> guarded(F&& step) {
    try {
        step();
        return std::nullopt;
    } catch (const InputError& e) {
        return std::string(e.what());
    } catch (const std::bad_alloc&) {
        return std::string("The file is too large for the browser's memory.");
    } catch (const std::exception& e) {
        return std::string("Internal error while reading: ") + e.what();
    }
}

} // namespace

uint32_t AppState::begin_load(std::string name, double size_bytes) {
    error_.clear();
    error_popup_pending_ = false;
    loading_name_ = std::move(name);
    loading_size_ = size_bytes;
    reader_.reset();
    ++load_id_;
    auto problem = guarded([&] {
        ReadOptions options;
        options.set_strict(false); // the UI reads leniently: bad rows are skipped and shown in the report
        if (has_training_pack_extension(loading_name_))
            reader_ = std::make_unique<TrainingPackReader>(loading_name_); // training mode (web/training_*)
        else
            reader_ = std::make_unique<LogReader>(loading_name_, options);
    });
    if (problem) show_error(*problem);
    return load_id_;
}

uint8_t* AppState::chunk_buffer(size_t bytes) {
    if (chunk_.size() < bytes) chunk_.resize(bytes);
    return chunk_.data();
}

bool AppState::feed(uint32_t id, size_t bytes) {
    if (id != load_id_ || !reader_) return false;
    if (bytes > chunk_.size()) {
        reader_.reset();
        show_error(loading_name_ + ": internal error (chunk larger than its buffer)");
        return false;
    }
    auto problem = guarded([&] { reader_->feed({reinterpret_cast<const char*>(chunk_.data()), bytes}); });
    if (problem) {
        reader_.reset();
        show_error(*problem);
        return false;
    }
    return true;
}

bool AppState::finish(uint32_t id) {
    if (id != load_id_ || !reader_) return false;
    Journey next;
    auto problem = guarded([&] {
        next.log = reader_->finish();
        next.read = reader_->report();
        next.dfg = mine_dfg(next.log);
        if (auto* pack = dynamic_cast<TrainingPackReader*>(reader_.get()))
            next.pack = std::make_shared<const TrainingPack>(pack->take_pack());
    });
    reader_.reset();
    if (problem) {
        show_error(*problem);
        return false;
    }
    if (next.log.num_events() == 0) {
        show_error(loading_name_ + ": no events found (is it an event log with a case, an activity and a "
                                   "timestamp column?)");
        return false;
    }
    next.name = loading_name_;
    show(std::move(next));
    if (journey_->pack) { // a training pack: its project (catalog, annotations) is the one to show
        analysis.apply_project(*journey_, journey_->pack->project);
        analysis.mark_saved();
    }
    chunk_.clear();
    chunk_.shrink_to_fit();
    return true;
}

void AppState::show(Journey next) {
    // A generated graph (the bench page) has no events to mine: its DFG is kept as given.
    const bool generated = next.log.num_events() == 0 && next.dfg.num_activities > 0;
    Dfg given;
    if (generated) given = next.dfg;
    journey_ = std::move(next);
    analysis.reset(*journey_);
    if (generated) journey_->dfg = std::move(given);
    ++journey_generation_;
    report.frames_with_journey = 0; // "ready" waits for a frame that drew this journey
}

void AppState::fail(uint32_t id, std::string message) {
    if (id != load_id_) return;
    reader_.reset();
    show_error(loading_name_ + ": " + message);
}

void AppState::cancel_load() {
    reader_.reset();
    ++load_id_; // the page's next feed() gets false and stops reading
    chunk_.clear();
    chunk_.shrink_to_fit();
}

double AppState::load_progress() const {
    if (!reader_ || loading_size_ <= 0) return -1;
    return static_cast<double>(reader_->bytes_fed()) / loading_size_;
}

void AppState::show_error(std::string message) {
    error_ = std::move(message);
    error_popup_pending_ = true;
    std::fprintf(stderr, "tabiji: %s\n", error_.c_str());
}

uint8_t* AppState::font_buffer(size_t bytes) {
    font_bytes_.assign(bytes, 0);
    return font_bytes_.data();
}

void AppState::font_ready(bool ok) {
    if (!ok) font_bytes_.clear();
    font_settled_ = true;
    ++font_generation_;
}

} // namespace tabiji::web
