# Compile options shared by every target of ours.
#
# Exceptions: core reports bad input with tabiji::InputError. Natively that is ordinary C++; under em++
# we build with -fwasm-exceptions (native WebAssembly exception handling), so a throw never aborts the
# module. One decision for core, CLI, tests and web.

add_library(tabiji_options INTERFACE)
if(MSVC)
    target_compile_options(tabiji_options INTERFACE /W4)
else()
    target_compile_options(tabiji_options INTERFACE -Wall -Wextra -Wpedantic -Wno-unused-parameter)
endif()
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    # GCC 12 warns wrongly on `"literal" + std::string` inside libstdc++ (GCC bug 105329).
    target_compile_options(tabiji_options INTERFACE -Wno-restrict)
endif()

if(EMSCRIPTEN)
    # Emscripten 3.1.6's libc++ offers coroutines as <experimental/coroutine> only (steps.hpp uses that
    # when <coroutine> is missing); clang 14 warns that this form goes away in LLVM 15.
    target_compile_options(tabiji_options INTERFACE -fwasm-exceptions -Wno-deprecated-experimental-coroutine)
    target_link_options(tabiji_options INTERFACE -fwasm-exceptions)
    # Link-time optimisation in release builds: inlining across files (the CSV reader into the log builder
    # and string pools) made a WASM read of 1e7 events ~8 % faster under Node, where calls cost more than
    # natively; the native build gained nothing measurable from it, so it is not used there.
    target_compile_options(tabiji_options INTERFACE $<$<CONFIG:Release>:-flto>)
    target_link_options(tabiji_options INTERFACE $<$<CONFIG:Release>:-flto>)
endif()

if(TABIJI_SANITIZE)
    target_compile_options(tabiji_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                    -fno-sanitize-recover=undefined)
    target_link_options(tabiji_options INTERFACE -fsanitize=address,undefined)
endif()
