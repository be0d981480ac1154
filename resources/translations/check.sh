#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The translation test (ctest: tst_translations): lupdate must find every user-visible
# string without a warning, and the committed taskmon_en.ts must already hold them all
# with their English plural forms. Fix a failure with resources/translations/update.sh.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$top/resources/translations/taskmon_en.ts" "$work/taskmon_en.ts"
cd "$top"
/usr/lib/qt6/bin/lupdate -no-obsolete -locations none -target-language en models ui app \
    -ts "$work/taskmon_en.ts" > "$work/lupdate.log" 2>&1
cat "$work/lupdate.log"
if grep -qiE 'warning|cannot|error' "$work/lupdate.log"; then
    echo "FAIL: lupdate warned (see above)"
    exit 1
fi
python3 "$top/resources/translations/fill-english-plurals.py" "$work/taskmon_en.ts"
if ! diff -u "$top/resources/translations/taskmon_en.ts" "$work/taskmon_en.ts"; then
    echo "FAIL: resources/translations/taskmon_en.ts is out of date: run resources/translations/update.sh"
    exit 1
fi
echo "PASS: every string is in taskmon_en.ts"
