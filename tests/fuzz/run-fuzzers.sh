#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the fuzz preset and runs every harness for SECONDS (default 60) on a copy of its
# seed corpus plus its regression inputs; fails on the first crash, leak, sanitizer report
# or broken property. Findings land in build/fuzz/findings/<harness>/: minimise one, add it
# to tests/fuzz/regressions/<harness>/, fix the bug, and ctest replays it from then on.
#
#   tests/fuzz/run-fuzzers.sh 600            # ten minutes each
#   HARNESSES="sse query" tests/fuzz/run-fuzzers.sh 30
set -eu

seconds=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
harnesses=${HARNESSES:-"sse marathon evergreen httpreply query jsonpretty"}
jobs=${JOBS:-2}

cd "$root"
cmake --preset fuzz >/dev/null
targets=""
for harness in $harnesses; do
    targets="$targets fuzz_$harness"
done
# shellcheck disable=SC2086  # one word per target
cmake --build --preset fuzz -j"$jobs" --target $targets

status=0
for harness in $harnesses; do
    work="$root/build/fuzz/corpus/$harness"
    findings="$root/build/fuzz/findings/$harness"
    mkdir -p "$work" "$findings"
    # The seeds are copied so that what the fuzzer adds never lands in the source tree.
    cp -f "$root/tests/fuzz/corpus/$harness/"* "$work/" 2>/dev/null || true
    cp -f "$root/tests/fuzz/regressions/$harness/"* "$work/" 2>/dev/null || true
    echo "== fuzz_$harness for ${seconds} s"
    if ! "$root/build/fuzz/tests/fuzz/fuzz_$harness" -max_total_time="$seconds" -max_len=8192 \
            -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
            -artifact_prefix="$findings/" "$work" 2>"$root/build/fuzz/fuzz_$harness.log"; then
        echo "fuzz_$harness FAILED; see build/fuzz/fuzz_$harness.log and $findings/"
        tail -n 40 "$root/build/fuzz/fuzz_$harness.log"
        status=1
    else
        grep -E '^stat::(number_of_executed_units|peak_rss_mb)|^#[0-9]+.*DONE' "$root/build/fuzz/fuzz_$harness.log" || true
    fi
done
exit $status
