// libFuzzer target: arbitrary bytes read as an OCEL document (1.0 or 2.0 JSON). First what every log reader
// is checked for (fuzz_log.hpp: whole and chunked, strict and lenient, the EventLog invariants); then the
// document is flattened on each object type it names (the first four), since without a chosen type a
// document with several types is refused before flattening: each must give a log that satisfies the
// invariants, or an InputError.
#include "fuzz_log.hpp"
#include "tabiji/read_ocel.hpp"

#include <algorithm>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace tabiji;
    fuzz::fuzz_log(data, size, LogFormat::ocel);
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> types;
    {
        OcelReader reader("fuzz", {});
        reader.feed(bytes);
        try {
            reader.finish();
        } catch (const InputError&) {
        }
        types = reader.object_types(); // known once parsed, also when no type was chosen
    }
    for (size_t k = 0; k < std::min<size_t>(types.size(), 4); ++k)
        for (bool strict : {true, false}) {
            OcelOptions options;
            options.object_type = types[k];
            options.strict = strict;
            try {
                fuzz::check_invariants(read_ocel(bytes, "fuzz", options));
            } catch (const InputError&) {
            }
        }
    return 0;
}
