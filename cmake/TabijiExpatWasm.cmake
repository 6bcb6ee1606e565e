# expat for the WASM build: Debian's Emscripten has no expat, so a small static library is compiled from
# the upstream sources that scripts/setup.sh fetches with `apt-get source expat` into the git-ignored
# .deps/expat (never committed). Sets TABIJI_HAVE_EXPAT and adds the library to tabiji_deps; without the
# sources the web build still compiles, and XES reports "not supported in this build".
#
# The configure step of expat is replaced by a hand-written expat_config.h: little endian, the usual
# POSIX headers, XML_DTD (so expat's billion-laughs protection is compiled in), XML_NS, and 1024 bytes of
# context. Emscripten 3.1.6 has no getrandom(): the hash salt is read from /dev/urandom, which Emscripten's
# file system serves from crypto.getRandomValues (expat falls back to the clock if that fails).

set(_expat "${PROJECT_SOURCE_DIR}/.deps/expat/lib")
if(NOT EXISTS "${_expat}/xmlparse.c")
    message(WARNING "expat sources not found in .deps/expat: the web build cannot read XES "
                    "(run scripts/setup.sh)")
    set(TABIJI_HAVE_EXPAT OFF)
    return()
endif()

set(_cfg "${CMAKE_BINARY_DIR}/expat-config")
file(MAKE_DIRECTORY "${_cfg}")
file(WRITE "${_cfg}/expat_config.h.in" [=[
/* expat_config.h for the Emscripten build of Tabiji (written by cmake/TabijiExpatWasm.cmake). */
#ifndef EXPAT_CONFIG_H
#define EXPAT_CONFIG_H 1
#define BYTEORDER 1234
#define HAVE_FCNTL_H 1
#define HAVE_GETPAGESIZE 1
#define HAVE_INTTYPES_H 1
#define HAVE_MEMORY_H 1
#define HAVE_STDINT_H 1
#define HAVE_STDLIB_H 1
#define HAVE_STRINGS_H 1
#define HAVE_STRING_H 1
#define HAVE_SYS_STAT_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_UNISTD_H 1
#define PACKAGE "expat"
#define PACKAGE_NAME "expat"
#define PACKAGE_VERSION "2.5.0"
#define STDC_HEADERS 1
#define XML_CONTEXT_BYTES 1024
#define XML_DEV_URANDOM 1
#define XML_DTD 1
#define XML_NS 1
#endif
]=])
configure_file("${_cfg}/expat_config.h.in" "${_cfg}/expat_config.h" COPYONLY)

add_library(tabiji_expat STATIC "${_expat}/xmlparse.c" "${_expat}/xmlrole.c" "${_expat}/xmltok.c")
target_include_directories(tabiji_expat PRIVATE "${_cfg}" PUBLIC "${_expat}")
target_compile_definitions(tabiji_expat PRIVATE HAVE_EXPAT_CONFIG_H=1 XML_STATIC)
target_compile_options(tabiji_expat PRIVATE -w)
target_link_libraries(tabiji_deps INTERFACE tabiji_expat)
set(TABIJI_HAVE_EXPAT ON)
