#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One entry point for a fresh Debian 12 machine:
#   packaging/bootstrap.sh run [taskmon options]   install, build (release) and start taskmon
#   packaging/bootstrap.sh test                    install, build (debug) and run the whole suite
#   packaging/bootstrap.sh build [preset]          install and build only
# Every step is idempotent: packages are installed only when missing, CMake
# reconfigures only when needed and Ninja rebuilds only what changed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/.." && pwd)
deps_file="$here/debian/build-depends.txt"

log() { printf '\033[1mbootstrap:\033[0m %s\n' "$*" >&2; }

missing_packages() {
    local pkg
    grep -v -E '^\s*(#|$)' "$deps_file" | while read -r pkg; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            printf '%s\n' "$pkg"
        fi
    done
}

install_dependencies() {
    local missing
    missing=$(missing_packages | tr '\n' ' ')
    if [ -z "${missing// /}" ]; then
        return 0
    fi
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { log "need root or sudo to install: $missing"; exit 1; }
        sudo=(sudo)
    fi
    log "installing Debian packages: $missing"
    "${sudo[@]}" apt-get update -q
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends $missing
}

build() {
    local preset=$1
    cd "$top"
    if [ ! -f "build/$preset/CMakeCache.txt" ]; then
        cmake --preset "$preset"
    fi
    cmake --build --preset "$preset"
}

have_display() { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
    run)
        install_dependencies
        build release
        binary="$top/build/release/app/taskmon"
        if have_display; then
            exec "$binary" "$@"
        fi
        log "no display found: running taskmon inside xvfb-run (screen 1600x1000)"
        exec xvfb-run -a -s "-screen 0 1600x1000x24" "$binary" "$@"
        ;;
    test)
        install_dependencies
        build debug
        cd "$top"
        QT_QPA_PLATFORM=offscreen ctest --preset debug "$@"
        ;;
    build)
        install_dependencies
        build "${1:-release}"
        ;;
    deps)
        install_dependencies
        ;;
    *)
        sed -n '4,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
        exit 2
        ;;
esac
