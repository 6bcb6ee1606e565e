// tabiji training-pack: one file for a training class (training_pack.hpp): the project (catalog,
// annotations) and the log after the filters and the privacy guard (privacy.hpp): pseudonymised customer
// ids, only journeys followed by at least k customers, chosen attributes left out.
#include "commands.hpp"
#include "cx_options.hpp"
#include "filter_options.hpp"

#include "tabiji/error.hpp"
#include "tabiji/input_file.hpp"
#include "tabiji/training_pack.hpp"

#include <filesystem>
#include <iostream>

namespace tabiji::cli {

namespace {

std::string read_key(const std::string& path) {
    std::string key;
    read_file_chunks(path, [&](std::string_view c) { key.append(c); });
    while (!key.empty() && (key.back() == '\n' || key.back() == '\r')) key.pop_back();
    if (key.size() < 16) throw UsageError("--key-file: the key must have at least 16 bytes");
    return key;
}

int run(const Args& args) {
    const auto output = args.value("output");
    if (!output || output->empty() || *output == "-") throw UsageError("-o PACK is required (a file name)");
    const long long k = args.int_or("k", kDefaultPrivacyK);
    if (k < 1 || k > 1000000) throw UsageError("--k expects a number from 1 to 1000000");
    PrivacyOptions privacy;
    privacy.k = uint32_t(k);
    for (const std::string& v : args.values("exclude-attr"))
        for (const std::string& name : split_list(v)) privacy.exclude_attributes.push_back(name);
    if (const auto key = args.value("key-file")) privacy.key = read_key(*key);

    TrainingPack pack;
    // load_cx_input reads the project, takes its catalog unless --catalog, and applies its filters after
    // the flags' ones.
    CxInput in = load_cx_input(args, args.positionals().at(0), /*all_attributes=*/true);
    if (in.project) pack.project = *in.project;
    pack.project.catalog = in.catalog;
    if (!args.value("project") && !args.value("catalog") && !in.catalog.touchpoints.empty() &&
        in.catalog.touchpoints[0].name == default_catalog(Lang::ja).touchpoints.at(0).name)
        pack.project.view.language = "ja"; // the Japanese sample catalog: the app shows Japanese labels
    FilterChain applied = filter_chain_from_args(args);
    for (const Filter& f : pack.project.filters.filters) applied.filters.push_back(f);
    if (!applied.filters.empty()) pack.filters_applied = filter_chain_to_json(applied);
    pack.project.filters = {};
    validate_project(pack.project, args.value_or("project", args.value_or("catalog", "the project")));

    pack.log = privacy_guarded_log(in.log, in.view, privacy, &pack.privacy);
    pack.log_name = std::filesystem::path(args.positionals().at(0)).filename().string();
    save_training_pack(pack, *output);

    const PrivacyReport& r = pack.privacy;
    std::cerr << "tabiji training-pack: wrote " << *output << ": " << r.cases_kept << " of " << r.cases_in
              << " customers (" << r.variants_kept << " of " << r.variants_in
              << " journeys, each followed by at least k = " << r.k << "), ids pseudonymised";
    for (const std::string& a : r.excluded_attributes) std::cerr << "; left out '" << a << "'";
    for (const std::string& a : r.id_attributes) std::cerr << "; left out '" << a << "' (holds customer ids)";
    std::cerr << "\n";
    if (r.cases_kept == 0)
        std::cerr << "tabiji training-pack: warning: no journey is followed by " << r.k
                  << " customers or more; the pack holds no customer\n";
    return kOk;
}

} // namespace

Command training_pack_command() {
    CommandSpec s;
    s.name = "training-pack";
    s.summary = "one privacy-safe file (project + pseudonymised log) for training classes";
    s.usage = "tabiji training-pack [options] LOG -o PACK";
    s.options = cx_common_option_specs();
    s.options.push_back({"project", "FILE",
                         "project file (catalog, annotations, filters); its filters are applied after the "
                         "options' ones, --catalog replaces its catalog"});
    s.options.push_back(
        {"k", "N", "hide journeys (variants) followed by fewer than N customers (default 5)"});
    s.options.push_back(
        {"exclude-attr", "NAME",
         "leave out this attribute (free text such as comments); repeat or separate by commas"});
    s.options.push_back({"key-file", "FILE",
                         "key of the pseudonyms (at least 16 bytes; never written into the pack); default: "
                         "a random key per pack, so pseudonyms differ from pack to pack"});
    s.options.push_back({"output", "PACK", "the pack to write (atomically), e.g. class.tjpack"});
    s.examples =
        "  tabiji training-pack samples/journeys_en.csv -o class.tjpack\n"
        "  tabiji training-pack export.csv --project cx.tabiji --k 10 --exclude-attr comment -o "
        "class.tjpack\n"
        "  tabiji training-pack samples/journeys_ja.csv --catalog catalog.json --start-with TVCM \\\n"
        "      --exclude-attr 問い合わせ理由 --key-file class.key -o class.tjpack\n";
    s.min_positionals = 1;
    s.max_positionals = 1;
    return {s, run};
}

} // namespace tabiji::cli
