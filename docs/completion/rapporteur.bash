# @file docs/completion/rapporteur.bash
# @brief Bash completion for rapporteur-index, rapporteur-search, rapporteur-eval and rapporteur-serve.
#
# Installed once under each command's name in share/bash-completion/completions/, since
# bash-completion loads completions/<command> the first time <command> is completed; any one
# copy registers all four. The options are read from the executable's own --help at
# completion time (a few milliseconds), so they follow its option table and never go stale;
# only option values are listed here. Needs nothing from the bash-completion package.

# The options `$1 --help` lists, one a line, each followed by " arg" when it takes a value:
# Boost.Program_options' first column ("  -q [ --quiet ]   text", "  --db DIR   text").
_rapporteur_options() {
    local line word takes
    local -a words names
    while IFS= read -r line; do
        [[ $line == "  -"* ]] || continue
        read -ra words <<<"$line"
        names=()
        takes=
        for word in "${words[@]}"; do
            case $word in
                "[" | "]") ;;
                -?*) names+=("$word") ;;
                *) # "arg", "DIR", "FIELD=VALUE", "ADDRESS:PORT", "arg (=10)": a value; anything else starts the description
                    [[ $word == arg || $word =~ ^[A-Z][A-Z_=:]*$ ]] && takes=" arg"
                    break ;;
            esac
        done
        for word in "${names[@]}"; do printf '%s%s\n' "$word" "$takes"; done
    done < <("$1" --help 2>/dev/null)
}

# Values of the options that have a known set: the words to offer for option $1, or nothing.
_rapporteur_values() {
    case $1 in
        --format) echo "text json" ;;
        --highlight) echo "auto color brackets none" ;;
        --color) echo "auto always never" ;;
        --lang) echo "en fr de es it pt nl ru pl uk el zh ja ko ar" ;;
        --filter) echo "session= org= country= lang= doc= speaker= kind= day=" ;;
        --features) echo "stem fold compound variant synonym exact all none" ;;
        -m | --measure)
            echo "official all_trec runid num_q num_ret num_rel num_rel_ret map gm_map Rprec bpref" \
                "recip_rank iprec_at_recall P recall ndcg ndcg_cut success num_nonrel_judged_ret" ;;
    esac
}

# Values of a --filter field.
_rapporteur_filter_values() {
    case $1 in
        lang) _rapporteur_values --lang ;;
        kind) echo "paragraph bullet footnote" ;;
    esac
}

# COMPREPLY: the words of "$2" that start with "$1", each with the prefix "$3".
_rapporteur_reply() {
    local word
    for word in $2; do
        [[ $word == "$1"* ]] && COMPREPLY+=("$3$word")
    done
    [[ ${COMPREPLY[*]} == *= ]] && compopt -o nospace 2>/dev/null
    return 0
}

# COMPREPLY: paths starting with "$2"; $1 is -d (directories) or -f (files and directories).
_rapporteur_paths() {
    compopt -o filenames 2>/dev/null
    mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen "$1" -- "$2")
}

_rapporteur() {
    local command=${COMP_WORDS[0]} cword=$COMP_CWORD
    local cur=${COMP_WORDS[cword]} prev= key= prefix=
    ((cword > 0)) && prev=${COMP_WORDS[cword - 1]}
    COMPREPLY=()

    # Bash splits "--format=js" and "org=GR" at '=' (COMP_WORDBREAKS): the word before the
    # '=' is the key, and the reply replaces only what follows it. Without '=' among the word
    # breaks the word arrives whole, and the reply carries the key again.
    if [[ $cur == "=" ]] && ((cword > 1)); then
        key=$prev cur= prev=${COMP_WORDS[cword - 2]}
    elif [[ $prev == "=" ]] && ((cword > 2)); then
        key=${COMP_WORDS[cword - 2]} prev=${COMP_WORDS[cword - 3]}
    elif [[ $cur == ?*=* ]]; then
        key=${cur%%=*} prefix=$key= cur=${cur#*=}
    fi
    if [[ -n $key && $key != -* ]]; then # a --filter field
        [[ $prev == --filter ]] && _rapporteur_reply "$cur" "$(_rapporteur_filter_values "$key")" "$prefix"
        return 0
    fi

    local -a options
    mapfile -t options < <(_rapporteur_options "$command")
    local option=$key # --format=js
    if [[ -z $option && $prev == -* ]]; then
        local o
        for o in "${options[@]}"; do [[ $o == "$prev arg" ]] && option=$prev; done
    fi
    if [[ -n $option ]]; then
        case $option in
            --db) _rapporteur_paths -d "$cur" ;;
            --topics | --delete | --port-file | --shards) _rapporteur_paths -f "$cur" ;;
            --listen) _rapporteur_reply "$cur" "127.0.0.1:8080 127.0.0.1:0 0.0.0.0:8080" "$prefix" ;;
            --features) # a comma-separated list: complete its last item
                [[ $cur == *,* ]] && prefix=$prefix${cur%,*}, cur=${cur##*,}
                _rapporteur_reply "$cur" "$(_rapporteur_values "$option")" "$prefix" ;;
            *) _rapporteur_reply "$cur" "$(_rapporteur_values "$option")" "$prefix" ;;
        esac
    elif [[ $cur == -* ]]; then
        _rapporteur_reply "$cur" "${options[*]% arg}"
    elif [[ ${command##*/} != rapporteur-search && ${command##*/} != rapporteur-serve ]]; then
        _rapporteur_paths -f "$cur" # the inputs of rapporteur-index; QRELS and RUN of rapporteur-eval
    fi
    return 0 # rapporteur-search's other words are the query's, rapporteur-serve takes none
}

complete -F _rapporteur rapporteur-index rapporteur-search rapporteur-eval rapporteur-serve
