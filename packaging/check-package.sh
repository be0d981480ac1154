#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the Debian package as a packager would: builds it with
# `dpkg-buildpackage -us -uc -b` from a copy of the tree (so nothing lands in the
# checkout or beside it), runs lintian on the .deb (any error or warning fails), then
# checks what the package ships: both man pages render, the completions parse, and
# `taskmon-cli li<TAB>` completes to `list`.
#   packaging/check-package.sh [--keep]    --keep leaves the work directory for a look
#   packaging/check-package.sh --deb FILE  checks a .deb built before, without building
# Registered as the CTest test `package` (label `packaging`, `ctest --preset packaging`).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/.." && pwd)
keep=false
prebuilt=
case "${1:-}" in
    --keep) keep=true ;;
    --deb) prebuilt=$(realpath "${2:?--deb needs a .deb file}") ;;
esac

work=$(mktemp -d "${TMPDIR:-/tmp}/taskmon-package.XXXXXX")
cleanup() {
    if $keep; then
        echo "check-package: work directory kept: $work" >&2
    else
        rm -rf "$work"
    fi
}
trap cleanup EXIT

step() { printf '\033[1mcheck-package:\033[0m %s\n' "$*" >&2; }
fail() { printf 'check-package: FAIL: %s\n' "$*" >&2; exit 1; }

started=$SECONDS

# Versions have to agree: CMake's project(), debian/changelog and the AppStream release.
cmake_version=$(sed -n 's/^ *VERSION \([0-9.]*\)$/\1/p' "$top/CMakeLists.txt" | head -n1)
debian_version=$(cd "$top" && dpkg-parsechangelog -S Version)
grep -q "<release version=\"$cmake_version\"" "$here/io.github.taskmon.metainfo.xml" \
    || fail "the metainfo has no <release> for $cmake_version"
[ "$debian_version" = "$cmake_version" ] || [ "${debian_version%%-*}" = "$cmake_version" ] \
    || fail "debian/changelog says $debian_version, CMakeLists.txt says $cmake_version"

if [ -n "$prebuilt" ]; then
    deb=$prebuilt
else
    # The tree as it is now, uncommitted changes included, without build outputs.
    step "copying the source tree to $work/taskmon"
    mkdir "$work/taskmon"
    tar -C "$top" --exclude=./build --exclude=./.git --exclude='./obj-*' \
        --exclude=./debian/taskmon --exclude=./debian/.debhelper --exclude=./debian/tmp \
        -cf - . | tar -C "$work/taskmon" -xf -

    step "dpkg-buildpackage -us -uc -b"
    jobs=${TASKMON_PACKAGE_JOBS:-2}
    (cd "$work/taskmon" && DEB_BUILD_OPTIONS="parallel=$jobs ${DEB_BUILD_OPTIONS:-}" \
        dpkg-buildpackage -us -uc -b) > "$work/build.log" 2>&1 \
        || { tail -n 60 "$work/build.log" >&2; fail "dpkg-buildpackage failed (log above)"; }

    deb=$(ls "$work"/taskmon_*.deb)
fi
step "lintian $(basename "$deb")"
lintian --fail-on error,warning --info "$deb" || fail "lintian reports errors or warnings"

step "unpacking the package"
root="$work/root"
dpkg-deb -x "$deb" "$root"

step "man pages"
for page in taskmon taskmon-cli; do
    file="$root/usr/share/man/man1/$page.1.gz"
    [ -f "$file" ] || fail "no man page $page.1.gz"
    # man -l renders the file itself; any groff warning means a broken page.
    text=$(MANWIDTH=80 LC_ALL=C.UTF-8 man --warnings -l "$file" 2>"$work/man-$page.err") \
        || fail "man -l $page.1.gz failed"
    [ ! -s "$work/man-$page.err" ] || { cat "$work/man-$page.err" >&2; fail "man warns about $page.1.gz"; }
    grep -q '^NAME' <<<"$text" && grep -q '^OPTIONS' <<<"$text" && grep -q '^ENVIRONMENT' <<<"$text" \
        || fail "$page(1) lacks NAME, OPTIONS or ENVIRONMENT"
done
MANWIDTH=80 man -l "$root/usr/share/man/man1/taskmon-cli.1.gz" 2>/dev/null | grep -q -- '--format' \
    || fail "taskmon-cli(1) does not describe the commands' options"

step "shell completions"
bash_dir="$root/usr/share/bash-completion/completions"
zsh_dir="$root/usr/share/zsh/vendor-completions"
for file in "$bash_dir/taskmon" "$bash_dir/taskmon-cli" "$zsh_dir/_taskmon" "$zsh_dir/_taskmon-cli"; do
    [ -f "$file" ] || fail "missing ${file#"$root"}"
done
bash -n "$bash_dir/taskmon" && bash -n "$bash_dir/taskmon-cli" || fail "bash -n rejects a completion"
if command -v zsh >/dev/null; then
    zsh -n "$zsh_dir/_taskmon" && zsh -n "$zsh_dir/_taskmon-cli" || fail "zsh -n rejects a completion"
fi
# Complete the way bash does on TAB: ask `complete -p` which function serves the
# command and call it with the words of the line.
complete_words() {
    local file=$1
    shift
    bash --norc --noprofile -c '
        source "$1"; shift
        spec=$(complete -p "$1") || exit 1
        function=$(sed -n "s/.* -F \([^ ]*\) .*/\1/p" <<<"$spec")
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
        "$function" "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
        printf "%s\n" "${COMPREPLY[@]}"' complete "$file" "$@"
}
expect_completion() {
    local want=$1 file=$2
    shift 2
    local got
    got=$(complete_words "$file" "$@" | tr '\n' ' ')
    [ "$got" = "$want " ] || fail "completing '$*' gave '$got', not '$want'"
}
expect_completion "list" "$bash_dir/taskmon-cli" taskmon-cli li
expect_completion "--format" "$bash_dir/taskmon-cli" taskmon-cli --demo list --for
expect_completion "table json csv" "$bash_dir/taskmon-cli" taskmon-cli --demo list --format ""
expect_completion "text jsonl" "$bash_dir/taskmon-cli" taskmon-cli --timeout 5 watch --format ""
expect_completion "--scale" "$bash_dir/taskmon-cli" taskmon-cli --marathon http://m kill --sc
expect_completion "dark" "$bash_dir/taskmon" taskmon --theme d
expect_completion "--read-only" "$bash_dir/taskmon" taskmon --read

step "desktop entry and AppStream data"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$root/usr/share/applications/taskmon.desktop" || fail "desktop-file-validate"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.taskmon.metainfo.xml" \
        || fail "appstreamcli validate"
fi

step "passed in $((SECONDS - started)) s"
