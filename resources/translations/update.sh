#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Re-extracts every user-visible string into taskmon_en.ts and fills the English plurals.
# tst_translations fails when the committed file is out of date or lupdate warns.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
/usr/lib/qt6/bin/lupdate -no-obsolete -locations none -target-language en models ui app \
    -ts resources/translations/taskmon_en.ts
python3 resources/translations/fill-english-plurals.py resources/translations/taskmon_en.ts
