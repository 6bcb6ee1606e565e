# Finds the header-only and system dependencies (zlib, expat), natively and under Emscripten.
#
# Under em++ the host's /usr/include must not be on the include path as a whole (it would shadow the
# Emscripten sysroot), so a folder of symlinks to just the libraries we use is made in the build tree
# and added with -isystem.

set(TABIJI_HOST_HEADERS boost cereal rapidjson doctest)

if(EMSCRIPTEN)
    set(_inc "${CMAKE_BINARY_DIR}/host-include")
    file(MAKE_DIRECTORY "${_inc}")
    foreach(_lib IN LISTS TABIJI_HOST_HEADERS)
        if(NOT EXISTS "/usr/include/${_lib}")
            message(FATAL_ERROR "/usr/include/${_lib} is missing: run scripts/setup.sh")
        endif()
        file(CREATE_LINK "/usr/include/${_lib}" "${_inc}/${_lib}" SYMBOLIC)
    endforeach()
    add_library(tabiji_deps INTERFACE)
    target_include_directories(tabiji_deps SYSTEM INTERFACE "${_inc}")
    # zlib is not in Debian's Emscripten offline; gzip in the browser is inflated by the page itself.
    set(TABIJI_HAVE_ZLIB OFF)
    include(TabijiExpatWasm) # expat from the sources scripts/setup.sh put in .deps/expat (XES in the browser)
else()
    find_package(Boost 1.74 REQUIRED)
    find_path(CEREAL_INCLUDE_DIR cereal/cereal.hpp REQUIRED)
    find_path(RAPIDJSON_INCLUDE_DIR rapidjson/document.h REQUIRED)
    find_path(DOCTEST_INCLUDE_DIR doctest/doctest.h REQUIRED)
    find_package(ZLIB REQUIRED)
    find_package(EXPAT REQUIRED)
    add_library(tabiji_deps INTERFACE)
    target_include_directories(tabiji_deps SYSTEM INTERFACE
        ${Boost_INCLUDE_DIRS} ${CEREAL_INCLUDE_DIR} ${RAPIDJSON_INCLUDE_DIR} ${DOCTEST_INCLUDE_DIR})
    target_link_libraries(tabiji_deps INTERFACE ZLIB::ZLIB EXPAT::EXPAT)
    set(TABIJI_HAVE_ZLIB ON)
    set(TABIJI_HAVE_EXPAT ON)
endif()

# rapidjson assertions throw (core/include/tabiji/rapidjson_config.hpp), in every file alike.
target_compile_options(tabiji_deps INTERFACE
    "$<$<COMPILE_LANGUAGE:CXX>:SHELL:-include ${PROJECT_SOURCE_DIR}/core/include/tabiji/rapidjson_config.hpp>")
