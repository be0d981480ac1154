#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes a help2man include file with a COMMANDS section made from the --help of each
# taskmon-cli command, so the man page lists every command's options.
# Usage: commands-section.sh TASKMON_CLI OUTPUT COMMAND...
set -eu
cli=$1
output=$2
shift 2
{
    printf '[COMMANDS]\n'
    for command in "$@"; do
        printf '.SS %s\n' "$command"
        # roff: backslashes are escapes, "-" is a hyphen unless written "\-", and a
        # leading dot or quote starts a request. The usage line and the summary are
        # filled paragraphs; the option table stays as printed. The positional
        # "args" line of QCommandLineParser says nothing and is left out.
        "$cli" "$command" --help | sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\\([.']\\)/\\\\\\&\\1/" | awk '
            /^Arguments:$/ { exit }
            /^Options:$/ { table = 1; print ".PP\n.nf"; print; next }
            table { lines[++n] = $0; next }
            /^Usage: / { sub(/^Usage: /, ""); print ".PP\n\\fBUsage:\\fR " $0; next }
            /./ { print ".PP\n" $0 }
            END {
                while (n > 0 && lines[n] == "") n--
                for (i = 1; i <= n; i++) print lines[i]
                if (table) print ".fi"
            }'
    done
} > "$output.tmp"
mv "$output.tmp" "$output"
