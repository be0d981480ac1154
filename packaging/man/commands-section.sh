#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes a help2man include file with a COMMANDS section: the --help of each
# taskmon-cli command, verbatim, so the man page lists every command's options.
# Usage: commands-section.sh TASKMON_CLI OUTPUT COMMAND...
set -eu
cli=$1
output=$2
shift 2
{
    printf '[COMMANDS]\n'
    for command in "$@"; do
        printf '.SS %s\n.nf\n' "$command"
        # roff: backslashes are escapes, a leading dot or quote starts a request.
        "$cli" "$command" --help | sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"
        printf '.fi\n'
    done
} > "$output.tmp"
mv "$output.tmp" "$output"
