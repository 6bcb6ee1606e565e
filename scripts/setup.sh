#!/usr/bin/env bash
# Installs everything Tabiji needs on a Debian 12 machine (run as root), and fetches the Dear ImGui and
# expat sources into the git-ignored .deps/ folder. Idempotent: on a machine that has it all, it only checks
# and returns in seconds.
#
#   scripts/setup.sh            packages for building, testing and serving
#   scripts/setup.sh --bench    also the baseline tools the benchmarks compare against
#   scripts/setup.sh --fuzz     also clang and its libFuzzer runtime (bench/fuzz/run.sh)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

packages=(
    build-essential cmake ninja-build pkg-config dpkg-dev  # native tool chain
    emscripten                                             # the WASM build (em++ 3.1.6)
    libboost-graph-dev libcereal-dev rapidjson-dev         # core dependencies
    doctest-dev                                            # unit tests
    zlib1g-dev libexpat1-dev                               # .gz input, XES
    chromium fonts-ipaexfont-gothic                        # browser tests, Japanese font for the app
    openmpi-bin libopenmpi-dev                             # tabiji-mpi (sharded mining) and its test
    graphviz                                               # reference `dot` for the layout crossing test
    nodejs npm python3
)
case "${1:-}" in
    --bench) packages+=(python3-pandas valgrind) ;;
    --fuzz) packages+=(clang libclang-rt-14-dev) ;; # libclang_rt.fuzzer with ASan + UBSan runtimes
esac

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        # node and npm may come from another source than Debian: accept the commands.
        case "$p" in
            nodejs) command -v node >/dev/null && continue ;;
            npm) command -v npm >/dev/null && continue ;;
            python3) command -v python3 >/dev/null && continue ;;
        esac
        missing+=("$p")
    fi
done

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Dear ImGui sources for the WASM build (Debian's libimgui-dev ships no .cpp files). The deb-src entry is
# derived from the machine's own apt sources, so no host name is written anywhere by us.
ensure_deb_src() {
    if [[ ! -f /etc/apt/sources.list.d/tabiji-deb-src.sources && ! -f /etc/apt/sources.list.d/tabiji-deb-src.list ]]; then
        src=/etc/apt/sources.list.d/debian.sources
        if [[ -f "$src" ]]; then
            sed 's/^Types: deb$/Types: deb-src/' "$src" | as_root tee /etc/apt/sources.list.d/tabiji-deb-src.sources >/dev/null
        else
            grep -h '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' | as_root tee /etc/apt/sources.list.d/tabiji-deb-src.list >/dev/null
        fi
        as_root apt-get update -q
    fi
}

imgui_dir="$here/.deps/imgui"
if [[ ! -f "$imgui_dir/imgui.cpp" ]]; then
    ensure_deb_src
    tmp="$here/.deps/imgui-src"
    rm -rf "$tmp" && mkdir -p "$tmp"
    (cd "$tmp" && apt-get source -q imgui >/dev/null)
    found="$(dirname "$(find "$tmp" -maxdepth 2 -name imgui.cpp | head -n 1)")"
    [[ -f "$found/imgui.cpp" ]] || { echo "setup: apt-get source imgui gave no imgui.cpp" >&2; exit 1; }
    rm -rf "$imgui_dir" && mv "$found" "$imgui_dir" && rm -rf "$tmp"
    echo "setup: ImGui sources in .deps/imgui"
fi

# expat sources for the WASM build (XES in the browser; Debian's Emscripten has no expat). Natively the
# system libexpat1-dev is used. The newest source version is tried first, then older ones apt knows of
# (a security update's source can be missing from the mirror).
expat_dir="$here/.deps/expat"
if [[ ! -f "$expat_dir/lib/xmlparse.c" ]]; then
    ensure_deb_src
    tmp="$here/.deps/expat-src"
    rm -rf "$tmp" && mkdir -p "$tmp"
    versions=("" $(apt-cache showsrc expat 2>/dev/null | sed -n 's/^Version: //p' | sort -rV))
    for v in "${versions[@]}"; do
        (cd "$tmp" && apt-get source -q "expat${v:+=$v}" >/dev/null 2>&1) && break
        rm -rf "${tmp:?}"/*
    done
    found="$(dirname "$(dirname "$(find "$tmp" -maxdepth 4 -path '*/lib/xmlparse.c' | head -n 1)")")"
    [[ -f "$found/lib/xmlparse.c" ]] || { echo "setup: apt-get source expat gave no lib/xmlparse.c" >&2; exit 1; }
    rm -rf "$expat_dir" && mv "$found" "$expat_dir" && rm -rf "$tmp"
    echo "setup: expat sources in .deps/expat"
fi

# playwright-core drives Debian's chromium in the browser tests (it never downloads a browser).
if [[ ! -d "$here/tests/browser/node_modules/playwright-core" ]]; then
    (cd "$here/tests/browser" && npm install --no-audit --no-fund --no-package-lock --silent)
fi
echo "setup: ok"
