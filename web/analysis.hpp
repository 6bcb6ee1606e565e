// The consultant's work on the journey on screen: the project (filter chain, touchpoint catalog,
// annotations, view settings, funnel steps) and everything derived from it for the current log: the
// filtered view, its directly-follows graph (Journey::dfg), its variants and the touchpoint mapping.
// Views change the project through the functions below; each change recomputes what depends on it and
// marks the work unsaved (dirty) until the project is saved.
#pragma once
#include "tabiji/dfg.hpp"
#include "tabiji/event_log.hpp"
#include "tabiji/filter.hpp"
#include "tabiji/log_view.hpp"
#include "tabiji/project.hpp"
#include "tabiji/touchpoint_map.hpp"
#include "tabiji/variants.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace tabiji::web {

struct Journey;

class Analysis {
  public:
    // A new log: a fresh project (the default catalog that fits the log, no filters), the language kept.
    void reset(Journey& journey);
    // A project opened from a file (or restored after a reload). False, with error() set, when its filters
    // do not apply to this log (the project is then still taken, without the failing filters).
    bool apply_project(Journey& journey, Project project);

    // [SECTION] Filters. Each returns false (and keeps the chain) when the filter does not apply to the
    // log; error() then says why.
    bool add_filter(Journey& journey, Filter filter);
    bool remove_filter(Journey& journey, size_t index);
    bool set_filters(Journey& journey, FilterChain chain);
    const FilterChain& filters() const { return project_.filters; }

    // [SECTION] The catalog (touchpoints' channel kind, stage, labels)
    const Catalog& catalog() const { return project_.catalog; }
    bool set_catalog(Journey& journey, Catalog catalog);

    // [SECTION] Funnel steps and annotations, kept in the project
    const std::vector<SavedFunnel>& funnels() const { return project_.funnels; }
    void set_funnel(SavedFunnel funnel); // replaces the funnel of that name, or adds it
    std::vector<Annotation>& annotations() { return project_.annotations; }
    void set_language(Lang lang);
    ViewSettings& view_settings() { return project_.view; }

    // [SECTION] What the filtered view holds
    const LogView& view() const { return view_; }
    const ViewSize& size() const { return size_; }
    const std::vector<Variant>& variants() const { return variants_; }
    const TouchpointMap& touchpoints() const { return map_; }
    int selected_variant() const { return selected_; }
    void select_variant(int index); // -1: none
    // The selected variant's touchpoints (activity ids) and its steps as (from, to) activity pairs.
    std::vector<uint32_t> selected_activities() const;
    std::vector<std::pair<uint32_t, uint32_t>> selected_steps() const;

    const Project& project() const { return project_; }
    const std::string& error() const { return error_; }
    void clear_error() { error_.clear(); }
    uint64_t generation() const { return generation_; } // increments on every recomputation
    double last_recompute_ms() const { return recompute_ms_; }

    // [SECTION] Unsaved work
    bool dirty() const { return dirty_; }
    void mark_dirty() {
        dirty_ = true;
        ++edits_;
    }
    void mark_saved() { dirty_ = false; }
    uint64_t edits() const { return edits_; } // increments on every change (for the autosave)

  private:
    bool recompute(Journey& journey, const FilterChain& chain);

    Project project_;
    LogView view_;
    ViewSize size_;
    std::vector<Variant> variants_;
    TouchpointMap map_;
    int selected_ = -1;
    std::string error_;
    uint64_t generation_ = 0, edits_ = 0;
    double recompute_ms_ = 0;
    bool dirty_ = false;
};

} // namespace tabiji::web
