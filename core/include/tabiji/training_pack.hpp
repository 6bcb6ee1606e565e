// A training pack: ONE file a trainer opens on another machine with nothing else, holding the project
// (catalog, annotations, view settings) and the log after the filters and the privacy guard (privacy.hpp):
// pseudonymised case ids, only journeys followed by at least k customers, chosen attributes left out.
//
// Format (extension .tjpack): UTF-8 JSON, one line per top-level member (json_layout.hpp):
//   {"format": "tabiji-training-pack", "version": 1,
//    "privacy": {"k", "cases_in", "cases_kept", "variants_in", "variants_kept", "excluded_attributes",
//                "id_attributes", "pseudonyms": "HMAC-SHA-256; key not stored"},
//    "filters_applied": <filter chain JSON text, "" for none>,
//    "project": <the project file's JSON document (project.hpp), its filters emptied: they are applied>,
//    "log": {"name": <source file name without folders>, "format": "csv", "has_time": bool,
//            "cases", "events", "text": <the log as write_csv_log writes it>}}
// The key of the pseudonyms is never written. Loading checks everything it reads: the format and version,
// the project (as project files are checked), the log text (as CSV is read, strict), that its case and
// event counts match, and that no variant of the log has fewer than k cases; any failure is an InputError
// naming the file. Saving is atomic (atomic_file.hpp).
#pragma once
#include "tabiji/event_log.hpp"
#include "tabiji/privacy.hpp"
#include "tabiji/project.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace tabiji {

inline constexpr uint32_t kTrainingPackVersion = 1;
inline constexpr std::string_view kTrainingPackExtension = ".tjpack";

struct TrainingPack {
    Project project;             // filters empty: the log is already filtered
    std::string filters_applied; // filter chain JSON of what was applied before the guard; "" for none
    PrivacyReport privacy;
    std::string log_name;
    EventLog log; // guarded
};

std::string training_pack_to_bytes(const TrainingPack& pack);
TrainingPack training_pack_from_bytes(std::string_view bytes, const std::string& source);
void save_training_pack(const TrainingPack& pack, const std::string& path);
TrainingPack load_training_pack(const std::string& path);

// Whether the first bytes of a file (at least 64 of them, or all there are) are a training pack's.
bool looks_like_training_pack(std::string_view first_bytes);

} // namespace tabiji
