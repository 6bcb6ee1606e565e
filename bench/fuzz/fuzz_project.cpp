// libFuzzer target: arbitrary bytes loaded as a Tabiji project file (JSON or portable binary). Loading must
// give a project or an InputError, never a crash or another exception; a project that loads must pass
// validation and survive a save / load round trip in both encodings unchanged.
#include "tabiji/error.hpp"
#include "tabiji/project.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace tabiji;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    Project p;
    try {
        p = project_from_bytes(bytes, "fuzz");
    } catch (const InputError&) {
        return 0;
    }
    try {
        validate_project(p, "fuzz");
    } catch (const InputError&) {
        require(false, "a loaded project passes validation");
    }
    for (auto encoding : {ProjectEncoding::json, ProjectEncoding::binary}) {
        const std::string saved = project_to_bytes(p, encoding);
        const std::string again = project_to_bytes(project_from_bytes(saved, "fuzz"), encoding);
        require(saved == again, "save / load / save gives the same bytes");
    }
    return 0;
}
