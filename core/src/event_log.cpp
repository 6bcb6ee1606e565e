// EventLogBuilder::finish applies the ordering rule of event_log.hpp: group by case (cases in order of
// first appearance), then a stable sort by timestamp inside each case; attribute rows follow their events
// through the same permutation.
#include "tabiji/event_log.hpp"

#include "huge_pages.hpp"
#include "tabiji/error.hpp"

#include <algorithm>
#include <numeric>

namespace tabiji {

size_t EventLog::memory_bytes() const {
    return case_offsets.capacity() * sizeof(uint64_t) + activity.capacity() * sizeof(uint32_t) +
           time.capacity() * sizeof(Micros) + activities.memory_bytes() + cases.memory_bytes();
}

size_t EventLog::attribute_bytes() const {
    size_t n = (event_attributes.capacity() + case_attributes.capacity()) * sizeof(AttributeColumn);
    for (const auto& c : event_attributes) n += c.memory_bytes();
    for (const auto& c : case_attributes) n += c.memory_bytes();
    return n;
}

const AttributeColumn* EventLog::event_attribute(std::string_view name) const {
    for (const auto& c : event_attributes)
        if (c.name == name) return &c;
    return nullptr;
}
const AttributeColumn* EventLog::case_attribute(std::string_view name) const {
    for (const auto& c : case_attributes)
        if (c.name == name) return &c;
    return nullptr;
}
const AttributeColumn* EventLog::attribute(std::string_view name) const {
    const AttributeColumn* c = event_attribute(name);
    return c ? c : case_attribute(name);
}

EventLogBuilder::EventLogBuilder(std::string source) {
    log_.source = std::move(source);
}

void EventLogBuilder::add(std::string_view case_id, std::string_view activity, Micros time) {
    add_ids(cases().intern(case_id), log_.activities.intern(activity), time);
}

void EventLogBuilder::add_ids(uint32_t case_number, uint32_t activity_id, Micros time) {
    flush_cases(); // case numbers go in order of first appearance
    push_row(case_number, activity_id, time);
}

void EventLogBuilder::add_case_text(std::string_view case_id, uint32_t activity_id, Micros time) {
    if (log_.cases.size() < kBatchFromCases) { // a table in the caches: batching would only add work
        if (last_case_ == StringPool::npos || !same_text(case_id, log_.cases.view(last_case_)))
            last_case_ = log_.cases.intern(case_id);
        return add_ids(last_case_, activity_id, time);
    }
    pending_text_.append(case_id);
    pending_ends_.push_back(pending_text_.size());
    push_row(StringPool::npos, activity_id, time); // its case number comes with the batch
    if (pending_ends_.size() == StringPool::kBatch) intern_pending_cases();
}

void EventLogBuilder::intern_pending_cases() {
    // Runs of the same case (logs sorted by case) take one lookup, or none when the run goes on from the
    // last case interned.
    const size_t n = pending_ends_.size(), first_row = rows_.size() - n;
    std::string_view text[StringPool::kBatch];
    size_t run_of[StringPool::kBatch]; // pending row -> its run
    size_t runs = 0;
    for (size_t k = 0, begin = 0; k < n; begin = pending_ends_[k++]) {
        const std::string_view s(pending_text_.data() + begin, pending_ends_[k] - begin);
        if (runs == 0 || !same_text(text[runs - 1], s)) text[runs++] = s;
        run_of[k] = runs - 1;
    }
    uint32_t ids[StringPool::kBatch];
    size_t from = 0;
    if (last_case_ != StringPool::npos && same_text(text[0], log_.cases.view(last_case_))) {
        ids[0] = last_case_;
        from = 1;
    }
    log_.cases.intern_batch(text + from, runs - from, ids + from);
    for (size_t k = 0; k < n; ++k) rows_[first_row + k].case_number = ids[run_of[k]];
    last_case_ = ids[runs - 1];
    pending_text_.clear();
    pending_ends_.clear();
}

uint32_t EventLogBuilder::attribute(std::string_view name, AttrLevel level,
                                    std::optional<AttrType> declared) {
    for (uint32_t k = 0; k < columns_.size(); ++k) {
        Column& c = columns_[k];
        if (c.name != name) continue;
        if (c.declared != declared) c.conflicting_types = true;
        return k;
    }
    Column c;
    c.name = std::string(name);
    c.level = level;
    c.declared = declared;
    c.texts.intern("");
    columns_.push_back(std::move(c));
    return uint32_t(columns_.size() - 1);
}

void EventLogBuilder::set_text(uint32_t column, std::string_view text) {
    Column& c = columns_[column];
    const size_t row = rows_.size() - 1;
    if (c.ids.size() <= row) {
        if (c.ids.capacity() < expected_events_) c.ids.reserve(expected_events_);
        c.ids.resize(row + 1, 0);
    }
    if (text.empty()) {
        c.ids[row] = 0;
        return;
    }
    c.ids[row] = c.recent.intern(c.texts, text);
}

void EventLogBuilder::set_case_text(uint32_t column, uint32_t case_number, std::string_view text) {
    Column& c = columns_[column];
    if (c.ids.size() <= case_number) c.ids.resize(size_t(case_number) + 1, 0);
    if (!c.ids[case_number] && !text.empty()) c.ids[case_number] = c.texts.intern(text);
}

void EventLogBuilder::group_by_case(std::vector<uint32_t>& order) {
    // A counting sort, done in two passes so that the rows and the final columns are never both whole:
    // 1. the rows, in file order, go to the window of 2^kWindowBits final positions where each lands, and
    //    each chunk of rows read is reused for the windows;
    // 2. window by window, the final columns are written (inside one window, in the cache) and the window's
    //    chunks are given back.
    constexpr unsigned kWindowBits = 15;
    constexpr uint64_t kWindowMask = (uint64_t(1) << kWindowBits) - 1;
    struct Placed {
        uint32_t at; // position inside the window
        uint32_t activity;
        Micros time;
    };
    const size_t n = rows_.size();
    const uint32_t num_cases = log_.cases.size();
    // off[c + 1] = where case c starts; used as its cursor, it ends where the case ends, which is what
    // case_offsets holds after one element more is dropped.
    std::vector<uint64_t>& off = log_.case_offsets;
    off.assign(size_t(num_cases) + 2, 0);
    for (size_t k = 0; k < rows_.num_chunks(); ++k) {
        const Row* r = rows_.chunk(k);
        for (size_t i = 0, m = rows_.chunk_size(k); i < m; ++i) ++off[size_t(r[i].case_number) + 2];
    }
    for (size_t c = 2; c < off.size(); ++c) off[c] += off[c - 1];

    std::vector<ChunkSeq<Placed>> windows((n >> kWindowBits) + 1);
    uint64_t file_row = 0;
    for (size_t k = 0; k < rows_.num_chunks(); ++k) {
        const Row* r = rows_.chunk(k);
        for (size_t i = 0, m = rows_.chunk_size(k); i < m; ++i, ++file_row) {
            const uint64_t at = off[size_t(r[i].case_number) + 1]++;
            windows[at >> kWindowBits].push_back({uint32_t(at & kWindowMask), r[i].activity, r[i].time},
                                                 chunks_);
            if (!order.empty()) order[at] = uint32_t(file_row);
        }
        rows_.hand_over(k, chunks_);
    }
    rows_.clear();
    chunks_.release_spares();
    off.pop_back();

    log_.activity.reserve(n); // only the pages written below become resident
    log_.time.reserve(n);
    prefer_huge_pages(log_.activity.data(), n * sizeof(uint32_t));
    prefer_huge_pages(log_.time.data(), n * sizeof(Micros));
    for (size_t w = 0; w < windows.size(); ++w) {
        const size_t base = w << kWindowBits;
        log_.activity.resize(std::min<size_t>(n, base + kWindowMask + 1));
        log_.time.resize(log_.activity.size());
        uint32_t* activity = log_.activity.data() + base;
        Micros* time = log_.time.data() + base;
        const ChunkSeq<Placed>& window = windows[w];
        for (size_t k = 0; k < window.num_chunks(); ++k) {
            const Placed* p = window.chunk(k);
            for (size_t i = 0, m = window.chunk_size(k); i < m; ++i) {
                activity[p[i].at] = p[i].activity;
                time[p[i].at] = p[i].time;
            }
        }
        windows[w].clear();
    }
}

EventLog EventLogBuilder::finish() {
    EventLog log = order_events();
    type_attributes(log, zone_);
    log.cases.rebuild_index();
    return log;
}

EventLog EventLogBuilder::finish_untyped() {
    EventLog log = order_events();
    log.cases.rebuild_index();
    return log;
}

EventLog EventLogBuilder::order_events() {
    flush_cases();
    std::string().swap(pending_text_);
    std::vector<size_t>().swap(pending_ends_);
    const size_t n = rows_.size();
    const uint32_t num_cases = log_.cases.size();
    const bool with_attributes = !columns_.empty();
    if (with_attributes && n >= std::numeric_limits<uint32_t>::max())
        throw InputError(log_.source, 0, 0, "a log with attributes holds at most 4294967294 events");
    std::vector<uint32_t> order; // final position -> file row (only when there are attributes)
    if (with_attributes) order.resize(n);
    log_.cases.release_index(); // not needed until the log is whole; memory peaks before that
    group_by_case(order);
    const std::vector<uint64_t>& off = log_.case_offsets;

    log_.has_time = any_time_;
    if (any_time_) {
        // Stable sort by time inside each case; most exports are already in order, so check first.
        std::vector<uint32_t> perm;
        std::vector<uint32_t> act_tmp;
        std::vector<Micros> time_tmp;
        std::vector<uint32_t> order_tmp;
        for (uint32_t c = 0; c < num_cases; ++c) {
            const uint64_t b = off[c], e = off[c + 1];
            if (std::is_sorted(log_.time.begin() + b, log_.time.begin() + e)) continue;
            const size_t len = e - b;
            perm.resize(len);
            std::iota(perm.begin(), perm.end(), 0u);
            std::stable_sort(perm.begin(), perm.end(),
                             [&](uint32_t x, uint32_t y) { return log_.time[b + x] < log_.time[b + y]; });
            act_tmp.assign(log_.activity.begin() + b, log_.activity.begin() + e);
            time_tmp.assign(log_.time.begin() + b, log_.time.begin() + e);
            for (size_t k = 0; k < len; ++k) {
                log_.activity[b + k] = act_tmp[perm[k]];
                log_.time[b + k] = time_tmp[perm[k]];
            }
            if (with_attributes) {
                order_tmp.assign(order.begin() + b, order.begin() + e);
                for (size_t k = 0; k < len; ++k) order[b + k] = order_tmp[perm[k]];
            }
        }
    }

    // Attribute columns: untyped string columns, rows moved with their events.
    for (Column& c : columns_) {
        AttributeColumn a;
        a.name = std::move(c.name);
        a.typed = false;
        a.requested_level = c.level;
        a.declared = c.conflicting_types ? std::nullopt : c.declared;
        a.case_level = c.level == AttrLevel::case_level;
        a.rows = a.case_level ? num_cases : n;
        a.strings = std::move(c.texts);
        a.valid.assign((a.rows + 63) / 64, 0);
        a.ids.resize(a.rows);
        c.ids.resize(a.case_level ? num_cases : n, 0);
        for (uint64_t r = 0; r < a.rows; ++r) {
            const uint32_t id = c.ids[a.case_level ? r : order[r]];
            a.ids[r] = id;
            a.valid[r >> 6] |= uint64_t(id != 0) << (r & 63);
        }
        std::vector<uint32_t>().swap(c.ids);
        (a.case_level ? log_.case_attributes : log_.event_attributes).push_back(std::move(a));
    }
    columns_.clear();
    return std::move(log_);
}

} // namespace tabiji
