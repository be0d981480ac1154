# SPDX-License-Identifier: GPL-3.0-or-later
# bash completion for taskmon, the window. The options follow app/main.cpp and
# models/session/connectionoptions.cpp.

_taskmon()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    # "--theme=da": bash splits at "=", so look one word further back.
    if [[ $cur == = ]]; then
        cur=
    elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    fi

    case $prev in
        --theme)
            COMPREPLY=($(compgen -W 'light dark system' -- "$cur"))
            return 0
            ;;
        --screenshot)
            compopt -o filenames 2>/dev/null
            COMPREPLY=($(compgen -f -- "$cur"))
            return 0
            ;;
        --seed | --demo-tasks | --demo-rate | --marathon | --marathon-user | --marathon-password | \
            --marathon-token | --keep-finished | --stale-after | --evergreen | --version | --build | \
            --evergreen-user | --evergreen-key | --poll-interval | --screenshot-delay | --search | \
            --unreachable-after)
            COMPREPLY=()  # a number, a URL, an id or a query: nothing to offer
            return 0
            ;;
    esac

    COMPREPLY=($(compgen -W '--demo --seed --demo-tasks --demo-rate --marathon --marathon-user
        --marathon-password --marathon-token --keep-finished --stale-after --evergreen --version
        --build --evergreen-user --evergreen-key --poll-interval --insecure --read-only --theme
        --screenshot --screenshot-delay --search --unreachable-after -h --help --help-all' -- "$cur"))
}
complete -F _taskmon taskmon
