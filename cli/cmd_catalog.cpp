// tabiji catalog: prints the built-in touchpoint catalog as JSON, the starting point users edit and pass
// back with --catalog FILE (or checks a catalog file with --check FILE).
#include "commands.hpp"
#include "output.hpp"

#include "tabiji/catalog_json.hpp"
#include "tabiji/input_file.hpp"

#include <iostream>

namespace tabiji::cli {

namespace {

int run(const Args& args) {
    if (const auto path = args.value("check")) {
        std::string text;
        read_file_chunks(*path, [&](std::string_view c) { text.append(c); });
        const Catalog c = catalog_from_json(text, *path); // throws InputError with the JSON path
        std::cout << *path << ": ok, " << c.touchpoints.size() << " touchpoints, " << c.rules.size()
                  << " rules, " << c.stages.size() << " stages\n";
        return kOk;
    }
    const std::string lang = args.value_or("lang", "en");
    if (lang != "en" && lang != "ja") throw UsageError("--lang must be en or ja, got '" + lang + "'");
    write_output(args.value_or("output", ""),
                 catalog_to_json(default_catalog(lang == "ja" ? Lang::ja : Lang::en)));
    return kOk;
}

} // namespace

Command catalog_command() {
    CommandSpec s;
    s.name = "catalog";
    s.summary = "print the default touchpoint catalog (channels, stages, mapping rules) as JSON";
    s.usage = "tabiji catalog [options]";
    s.options = {
        {"lang", "en|ja", "touchpoint names in English (default) or Japanese; both map both sample logs"},
        {"check", "FILE", "validate a catalog file instead (errors name the JSON path)"},
        {"output", "FILE", "write to FILE (atomically) instead of standard output"},
    };
    s.examples = "  tabiji catalog > my_catalog.json              (edit, then: tabiji cx LOG --catalog "
                 "my_catalog.json)\n"
                 "  tabiji catalog --lang ja -o catalog_ja.json\n"
                 "  tabiji catalog --check my_catalog.json\n";
    s.min_positionals = 0;
    s.max_positionals = 0;
    return {s, run};
}

} // namespace tabiji::cli
