#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates packaging/screenshots/*.png: the window on the demo cluster (seed 1), light
# and dark, with the offscreen platform, so it needs no display.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/.." && pwd)
"$here/bootstrap.sh" build release
binary="$top/build/release/app/taskmon"
for theme in light dark; do
    QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME=$(mktemp -d) "$binary" --seed 1 --theme "$theme" \
        --screenshot "$here/screenshots/taskmon-$theme.png" --screenshot-delay 6000
done
QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME=$(mktemp -d) "$binary" --seed 1 --search 'is:problem kind:system,setup' \
    --screenshot "$here/screenshots/taskmon-search.png" --screenshot-delay 4000
