// A Tabiji project: everything a consultant sets up around a log, saved apart from it: the touchpoint
// catalog with its mapping rules, the filter chain, annotations per touchpoint (notes, pain points,
// emotion -2..+2), the view settings (simplification sliders, layout mode, language) and saved funnels.
//
// Files (project_io.cpp, with cereal):
// - JSON (readable, diffable): {"format": "tabiji-project", "project": {...}}, the filter chain embedded as
//   its own JSON text (filter_chain_to_json), cereal class versions in "cereal_class_version" members.
// - Portable binary (fast, endian-independent): the 8 bytes "TABIJIPB", then cereal's portable binary
//   archive of the same data.
// Versions: kProjectVersion is the version written; every older version keeps loading (a missing field of
// an older file takes its default). tests/data/project_v1.json is a version-1 file kept as a test.
// Saving is atomic (atomic_file.hpp). Loading never crashes on any bytes: a malformed, truncated or
// foreign file is an InputError saying what is wrong and where; loading reads nothing else.
#pragma once
#include "tabiji/catalog.hpp"
#include "tabiji/filter.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tabiji {

// 1: catalog, filters, annotations, view settings. 2: + saved funnels. 3: + annotation texts for training
// (what the customer sees, typical feelings).
inline constexpr uint32_t kProjectVersion = 3;

struct Annotation {
    std::string touchpoint; // a catalog touchpoint name
    std::string note;
    std::string pain_point;    // "" = none
    int emotion = 0;           // -2 (very negative) .. +2 (very positive)
    std::string customer_sees; // since version 3: what the customer sees there (training side panel)
    std::string feelings;      // since version 3: typical feelings of customers there
};

struct ViewSettings {
    double activities_percent = 100; // simplify.hpp sliders
    double paths_percent = 100;
    std::string layout = "layered"; // layout mode of the map
    std::string language = "en";    // "en" or "ja"
};

// A funnel the consultant keeps with the project (funnel.hpp): steps as resolve_funnel_steps reads them.
struct SavedFunnel {
    std::string name;
    std::vector<std::string> steps;
    double max_gap_seconds = 0; // 0 = no limit
};

struct Project {
    Catalog catalog;
    FilterChain filters;
    std::vector<Annotation> annotations;
    ViewSettings view;
    std::vector<SavedFunnel> funnels; // since version 2
};

enum class ProjectEncoding : uint8_t { json, binary };

// Checks what a file must satisfy (catalog consistency, emotion range, slider range, language);
// InputError(source, 0, 0, ...) otherwise. Saving checks first and writes nothing when this fails.
void validate_project(const Project& p, const std::string& source);

std::string project_to_bytes(const Project& p, ProjectEncoding encoding);
// Either encoding (recognised by its first bytes). Throws InputError(source, 0, 0, ...).
Project project_from_bytes(std::string_view bytes, const std::string& source);

void save_project(const Project& p, const std::string& path, ProjectEncoding encoding);
Project load_project(const std::string& path);

} // namespace tabiji
