// How rapidjson reports a broken assumption (a value of the wrong type, a truncated document): by throwing
// tabiji::JsonAssertion, a std::runtime_error, never by abort() or, in release builds, by reading garbage.
// Force-included into every translation unit (cmake/TabijiDependencies.cmake), so that rapidjson's inline
// functions are the same everywhere: cereal's JSON archive (project files) relies on throwing assertions
// to turn a malformed file into an error, and a different definition in other files would be an ODR
// violation that lets the linker pick an aborting copy.
#pragma once
#include <stdexcept>
#include <string>

namespace tabiji {

struct JsonAssertion : std::runtime_error {
    using std::runtime_error::runtime_error;
};

[[noreturn]] inline void rapidjson_assertion_failed(const char* what) {
    throw JsonAssertion(std::string("unexpected JSON value (") + what + ")");
}

} // namespace tabiji

#ifndef RAPIDJSON_ASSERT_THROWS
#define RAPIDJSON_ASSERT_THROWS
#endif
#ifndef RAPIDJSON_ASSERT
#define RAPIDJSON_ASSERT(x) ((x) ? static_cast<void>(0) : ::tabiji::rapidjson_assertion_failed(#x))
#endif
