// Recomputing the filtered view, its graph and variants, and the touchpoint mapping, when the project
// changes. Every core error becomes a message in error(), never an abort.
#include "analysis.hpp"

#include "app_state.hpp"
#include "i18n.hpp"

#include "tabiji/error.hpp"

#include <algorithm>
#include <chrono>
#include <exception>

namespace tabiji::web {

namespace {

std::string message_of(const std::exception& e) {
    return e.what();
}

} // namespace

bool Analysis::recompute(Journey& journey, const FilterChain& chain) {
    const auto t0 = std::chrono::steady_clock::now();
    try {
        LogView view = apply_filters(journey.log, chain);
        std::vector<Variant> variants = mine_variants(journey.log, view);
        journey.dfg = mine_dfg(journey.log, view);
        size_ = {journey.dfg.num_cases, journey.dfg.num_events}; // the view's, counted by the miner
        view_ = std::move(view);
        variants_ = std::move(variants);
        project_.filters = chain;
    } catch (const std::exception& e) {
        error_ = message_of(e);
        return false;
    }
    if (selected_ >= static_cast<int>(variants_.size())) selected_ = -1;
    ++generation_;
    recompute_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return true;
}

void Analysis::reset(Journey& journey) {
    const std::string language = ui_language_code();
    project_ = Project{};
    project_.catalog = default_catalog_for(journey.log);
    project_.view.language = language;
    map_ = map_touchpoints(project_.catalog, journey.log);
    selected_ = -1;
    error_.clear();
    recompute(journey, {});
    dirty_ = false;
}

bool Analysis::apply_project(Journey& journey, Project project) {
    FilterChain chain = std::move(project.filters);
    project_ = std::move(project);
    set_ui_language(project_.view.language == "ja" ? Lang::ja : Lang::en);
    try {
        map_ = map_touchpoints(project_.catalog, journey.log);
    } catch (const std::exception& e) {
        error_ = message_of(e);
        project_.catalog = default_catalog_for(journey.log);
        map_ = map_touchpoints(project_.catalog, journey.log);
    }
    selected_ = -1;
    // The filters one by one, so that a filter naming something this log lacks leaves out only itself.
    FilterChain kept;
    bool ok = true;
    for (Filter& f : chain.filters) {
        kept.filters.push_back(f);
        try {
            (void)apply_filters(journey.log, kept);
        } catch (const std::exception& e) {
            error_ = message_of(e);
            kept.filters.pop_back();
            ok = false;
        }
    }
    if (!recompute(journey, kept)) return false;
    mark_dirty();
    return ok;
}

bool Analysis::add_filter(Journey& journey, Filter filter) {
    FilterChain chain = project_.filters;
    chain.filters.push_back(std::move(filter));
    return set_filters(journey, std::move(chain));
}

bool Analysis::remove_filter(Journey& journey, size_t index) {
    if (index >= project_.filters.filters.size()) return false;
    FilterChain chain = project_.filters;
    chain.filters.erase(chain.filters.begin() + static_cast<std::ptrdiff_t>(index));
    return set_filters(journey, std::move(chain));
}

bool Analysis::set_filters(Journey& journey, FilterChain chain) {
    try {
        for (const Filter& f : chain.filters) validate_filter(f, tr("filter"));
    } catch (const std::exception& e) {
        error_ = message_of(e);
        return false;
    }
    if (!recompute(journey, chain)) return false;
    error_.clear();
    mark_dirty();
    return true;
}

bool Analysis::set_catalog(Journey& journey, Catalog catalog) {
    try {
        validate_catalog(catalog, tr("catalog"));
        map_ = map_touchpoints(catalog, journey.log);
    } catch (const std::exception& e) {
        error_ = message_of(e);
        return false;
    }
    project_.catalog = std::move(catalog);
    ++generation_;
    mark_dirty();
    return true;
}

void Analysis::set_funnel(SavedFunnel funnel) {
    auto it = std::find_if(project_.funnels.begin(), project_.funnels.end(),
                           [&](const SavedFunnel& f) { return f.name == funnel.name; });
    if (it != project_.funnels.end())
        *it = std::move(funnel);
    else
        project_.funnels.push_back(std::move(funnel));
    mark_dirty();
}

void Analysis::set_language(Lang lang) {
    set_ui_language(lang);
    const std::string code = ui_language_code();
    if (project_.view.language != code) {
        project_.view.language = code;
        mark_dirty();
    }
}

void Analysis::select_variant(int index) {
    selected_ = index >= 0 && index < static_cast<int>(variants_.size()) ? index : -1;
}

std::vector<uint32_t> Analysis::selected_activities() const {
    if (selected_ < 0) return {};
    std::vector<uint32_t> a = variants_[static_cast<size_t>(selected_)].activities;
    std::sort(a.begin(), a.end());
    a.erase(std::unique(a.begin(), a.end()), a.end());
    return a;
}

std::vector<std::pair<uint32_t, uint32_t>> Analysis::selected_steps() const {
    std::vector<std::pair<uint32_t, uint32_t>> steps;
    if (selected_ < 0) return steps;
    const auto& seq = variants_[static_cast<size_t>(selected_)].activities;
    for (size_t i = 1; i < seq.size(); ++i) steps.emplace_back(seq[i - 1], seq[i]);
    std::sort(steps.begin(), steps.end());
    steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
    return steps;
}

} // namespace tabiji::web
