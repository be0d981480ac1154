# SPDX-License-Identifier: GPL-3.0-or-later
# bash completion for taskmon-cli: connection options, then a command and its options.
# The lists follow models/session/connectionoptions.cpp and models/cli/cliinvocation.cpp.

_taskmon_cli()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    # "--format=js": bash splits at "=", so look one word further back.
    if [[ $cur == = ]]; then
        cur=
    elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    fi

    local connection='--demo --seed --demo-tasks --demo-rate --marathon --marathon-user
        --marathon-password --marathon-token --keep-finished --stale-after --evergreen
        --version --build --evergreen-user --evergreen-key --poll-interval --insecure
        --read-only --timeout -h --help'
    local valued=' --seed --demo-tasks --demo-rate --marathon --marathon-user --marathon-password
        --marathon-token --keep-finished --stale-after --evergreen --version --build
        --evergreen-user --evergreen-key --poll-interval --timeout --live --filter --format --for '
    local commands='list watch abort restart schedule unschedule priority override-dependencies
        kill restart-app'

    # The command is the first word that is neither an option nor an option's value.
    local i word command=
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        case $word in
            =) ((i++)) ;;  # "--seed = 3": the value follows the "="
            -*=*) ;;
            -*) [[ $valued == *" $word "* && ${COMP_WORDS[i + 1]} != = ]] && ((i++)) ;;
            *) command=$word; break ;;
        esac
    done

    case $prev in
        --format)
            if [[ $command == watch ]]; then
                COMPREPLY=($(compgen -W 'text jsonl' -- "$cur"))
            else
                COMPREPLY=($(compgen -W 'table json csv' -- "$cur"))
            fi
            return 0
            ;;
        --seed | --demo-tasks | --demo-rate | --marathon | --marathon-user | --marathon-password | \
            --marathon-token | --keep-finished | --stale-after | --evergreen | --version | --build | \
            --evergreen-user | --evergreen-key | --poll-interval | --timeout | --live | --filter | --for)
            COMPREPLY=()  # a number, a URL, an id or a query: nothing to offer
            return 0
            ;;
    esac

    local words
    case $command in
        '') [[ $cur == -* ]] && words=$connection || words=$commands ;;
        list) words='--live --filter --format -h --help' ;;
        watch) words='--for --filter --format -h --help' ;;
        priority) words='--admin --yes --force -h --help' ;;
        kill) words='--scale --wipe --yes --force -h --help' ;;
        *) words='--yes --force -h --help' ;;
    esac
    # Task ids come from the server; only options are offered after a command.
    [[ -n $command && $cur != -* ]] && return 0
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _taskmon_cli taskmon-cli
