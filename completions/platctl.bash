_platctl_complete() {
    # The words as typed: bash's own split cuts `agents:create` at the colon.
    local line="${COMP_LINE:0:$COMP_POINT}"
    local -a words
    read -r -a words <<< "$line"
    if [[ -z "$line" || "$line" == *[[:space:]] ]]; then words+=(""); fi
    local cur="${words[${#words[@]}-1]}"
    # Bash replaces only the end of the word after its last `:` or `=`: what is $2.
    local keep="${cur%"$2"}"
    local IFS=$'\013'
    local -a found
    found=( $(_CLAP_IFS="$IFS" _CLAP_COMPLETE_INDEX=$(( ${#words[@]} - 1 )) \
        _CLAP_COMPLETE_COMP_TYPE="${COMP_TYPE}" _CLAP_COMPLETE_SPACE=false \
        COMPLETE="bash" platctl -- "${words[@]}" 2>/dev/null) ) || return 0
    COMPREPLY=( "${found[@]#"$keep"}" )
    if [[ ${#COMPREPLY[@]} -eq 1 && "${COMPREPLY[0]}" =~ [=/:]$ ]]; then
        compopt -o nospace 2>/dev/null
    fi
}
complete -o bashdefault -o nosort -F _platctl_complete platctl 2>/dev/null || complete -o bashdefault -F _platctl_complete platctl
