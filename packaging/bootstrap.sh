#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One entry point for a fresh Debian 12 machine:
#   packaging/bootstrap.sh run [taskmon options]   install, build taskmon (release) and start it
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

# build PRESET [TARGET...]: configure once, then let Ninja rebuild what changed. A
# subshell, so that relative paths given to `run` (--screenshot out.png) stay the caller's.
build() (
    preset=$1
    shift
    cd "$top"
    if [ ! -f "build/$preset/CMakeCache.txt" ]; then
        cmake --preset "$preset"
    fi
    if [ $# -gt 0 ]; then
        cmake --build --preset "$preset" --target "$@"
    else
        cmake --build --preset "$preset"
    fi
)

have_display() { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }

wants_screenshot() {
    local argument
    for argument in "$@"; do
        case "$argument" in --screenshot | --screenshot=*) return 0 ;; esac
    done
    return 1
}

explain_no_display() {
    cat >&2 <<EOF
bootstrap: no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window would be
invisible. To see taskmon:
  - from a desktop session, run this command in one of its terminals;
  - over SSH, connect with 'ssh -X' (or -Y) and run it again;
  - or save a picture of the window, which needs no display:
      packaging/bootstrap.sh run --screenshot taskmon.png
The command-line client needs no display at all:
      cmake --build --preset release --target taskmon-cli && build/release/app/taskmon-cli --demo list
EOF
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
    run)
        install_dependencies
        # Only the window and what it links: the tests and the benchmark wait for `test`.
        build release taskmon
        binary="$top/build/release/app/taskmon"
        if have_display; then
            exec "$binary" "$@"
        fi
        if wants_screenshot "$@"; then
            # --screenshot quits once the picture is saved: no window is left behind.
            log "no display: rendering offscreen for --screenshot"
            QT_QPA_PLATFORM=offscreen exec "$binary" "$@"
        fi
        explain_no_display
        exit 1
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
