// libFuzzer target: arbitrary bytes read as XES (forced format), whole and in chunks, strict and lenient;
// see fuzz_log.hpp for what is checked.
#include "fuzz_log.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    tabiji::fuzz::fuzz_log(data, size, tabiji::LogFormat::xes);
    return 0;
}
