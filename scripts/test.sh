#!/usr/bin/env bash
# The whole test suite: set up, build natively (release, and debug with AddressSanitizer + UBSan) and for
# the browser, then run every test: unit and PM4Py parity tests, CLI golden tests, and the browser
# end-to-end test in headless Chromium. Exit code 0 only when all pass.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
scripts/setup.sh
jobs="$(nproc 2>/dev/null || echo 2)"
step() { printf '\n== %s\n' "$*"; }

step "build: native release"
cmake --preset native-release >/dev/null
cmake --build --preset native-release -j "$jobs"
step "build: web (WASM)"
cmake --preset web >/dev/null
cmake --build --preset web -j "$jobs"
step "build: native debug with AddressSanitizer + UBSan"
cmake --preset native-debug-asan >/dev/null
cmake --build --preset native-debug-asan -j "$jobs"

step "tests: native release (unit, parity, CLI golden, browser)"
ctest --preset native-release -j "$jobs"
step "tests: AddressSanitizer + UBSan (every native program: unit, parity, CLI, MPI, the report in chromium)"
# The browser_* tests drive the WASM app, which has no sanitizer build; report_browser runs the native CLI.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --preset native-debug-asan -j "$jobs" -E '^browser_'
