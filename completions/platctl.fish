# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_platctl_global_optspecs
    string join \n profile= env-file= database-url= o/output= q/quiet v/verbose no-color y/yes as= h/help V/version
end

function __fish_platctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_platctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_platctl_using_subcommand
    set -l cmd (__fish_platctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c platctl -n "__fish_platctl_needs_command" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_needs_command" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_needs_command" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_needs_command" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_needs_command" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_needs_command" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_needs_command" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_needs_command" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_needs_command" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_needs_command" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_needs_command" -f -a "init" -d 'Create the config file and the embedded database, apply migrations: ready to use'
complete -c platctl -n "__fish_platctl_needs_command" -f -a "config" -d 'Show the resolved configuration'
complete -c platctl -n "__fish_platctl_needs_command" -f -a "migrate" -d 'Apply, inspect, revert and verify the platform\'s schema migrations'
complete -c platctl -n "__fish_platctl_needs_command" -f -a "completions" -d 'Print a shell completion script to stdout'
complete -c platctl -n "__fish_platctl_needs_command" -f -a "man" -d 'Write the man pages (one per subcommand) to a directory'
complete -c platctl -n "__fish_platctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c platctl -n "__fish_platctl_using_subcommand init" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand init" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand init" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand init" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand init" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand init" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand init" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand init" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand init" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand init" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand config; and not __fish_seen_subcommand_from show path profiles help" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand config; and not __fish_seen_subcommand_from show path profiles help" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand config; and not __fish_seen_subcommand_from show path profiles help" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand config; and not __fish_seen_subcommand_from show path profiles help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand config; and not __fish_seen_subcommand_from show path profiles help" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand config; and not __fish_seen_subcommand_from show path profiles help" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand config; and not __fish_seen_subcommand_from show path profiles help" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand config; and not __fish_seen_subcommand_from show path profiles help" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand config; and not __fish_seen_subcommand_from show path profiles help" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand config; and not __fish_seen_subcommand_from show path profiles help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand config; and not __fish_seen_subcommand_from show path profiles help" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand config; and not __fish_seen_subcommand_from show path profiles help" -f -a "show" -d 'Show every resolved setting, where it came from, with secrets redacted'
complete -c platctl -n "__fish_platctl_using_subcommand config; and not __fish_seen_subcommand_from show path profiles help" -f -a "path" -d 'Print the path of config.toml'
complete -c platctl -n "__fish_platctl_using_subcommand config; and not __fish_seen_subcommand_from show path profiles help" -f -a "profiles" -d 'List the profiles defined in config.toml'
complete -c platctl -n "__fish_platctl_using_subcommand config; and not __fish_seen_subcommand_from show path profiles help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from show" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from show" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from show" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from show" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from show" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from path" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from path" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from path" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from path" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from path" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from path" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from path" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from path" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from path" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from path" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from profiles" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from profiles" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from profiles" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from profiles" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from profiles" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from profiles" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from profiles" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from profiles" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from profiles" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from profiles" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from profiles" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show every resolved setting, where it came from, with secrets redacted'
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the path of config.toml'
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "profiles" -d 'List the profiles defined in config.toml'
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and not __fish_seen_subcommand_from run status revert verify help" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and not __fish_seen_subcommand_from run status revert verify help" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and not __fish_seen_subcommand_from run status revert verify help" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and not __fish_seen_subcommand_from run status revert verify help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and not __fish_seen_subcommand_from run status revert verify help" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and not __fish_seen_subcommand_from run status revert verify help" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and not __fish_seen_subcommand_from run status revert verify help" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and not __fish_seen_subcommand_from run status revert verify help" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and not __fish_seen_subcommand_from run status revert verify help" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and not __fish_seen_subcommand_from run status revert verify help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and not __fish_seen_subcommand_from run status revert verify help" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and not __fish_seen_subcommand_from run status revert verify help" -f -a "run" -d 'Apply pending migrations (each in its own transaction)'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and not __fish_seen_subcommand_from run status revert verify help" -f -a "status" -d 'List applied and pending migrations'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and not __fish_seen_subcommand_from run status revert verify help" -f -a "revert" -d 'Revert applied migrations with their down scripts (asks first)'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and not __fish_seen_subcommand_from run status revert verify help" -f -a "verify" -d 'Compare applied migrations with the ones in this binary; exit 1 on drift'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and not __fish_seen_subcommand_from run status revert verify help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from run" -l to -d 'Apply up to and including this version only' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from run" -l lock-timeout -d 'How long to wait for another migration run to finish (e.g. 60s, 5m)' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from run" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from run" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from run" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from run" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from run" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from run" -l dry-run -d 'Show what would be applied without changing anything'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from run" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from run" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from run" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from status" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from status" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from status" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from status" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from status" -l exit-code -d 'Exit 1 when any migration is pending or changed (for CI and deploy gates)'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from status" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from status" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from revert" -l to -d 'Revert down to this version (it stays applied); default: revert the latest one. 0 reverts everything' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from revert" -l lock-timeout -d 'How long to wait for another migration run to finish (e.g. 60s, 5m)' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from revert" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from revert" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from revert" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from revert" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from revert" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from revert" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from revert" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from revert" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from revert" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from revert" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from revert" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from verify" -l accept -d 'After review, record the current checksum of this applied migration as correct' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from verify" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from verify" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from verify" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from verify" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from verify" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from verify" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from verify" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "run" -d 'Apply pending migrations (each in its own transaction)'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "status" -d 'List applied and pending migrations'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "revert" -d 'Revert applied migrations with their down scripts (asks first)'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Compare applied migrations with the ones in this binary; exit 1 on drift'
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c platctl -n "__fish_platctl_using_subcommand completions" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand completions" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand completions" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand completions" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand completions" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand completions" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand completions" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand completions" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand completions" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand man" -l out-dir -d 'Directory to write the pages to (created if missing)' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand man" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand man" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand man" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand man" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand man" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand man" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand man" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand man" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand man" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand man" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand help; and not __fish_seen_subcommand_from init config migrate completions man help" -f -a "init" -d 'Create the config file and the embedded database, apply migrations: ready to use'
complete -c platctl -n "__fish_platctl_using_subcommand help; and not __fish_seen_subcommand_from init config migrate completions man help" -f -a "config" -d 'Show the resolved configuration'
complete -c platctl -n "__fish_platctl_using_subcommand help; and not __fish_seen_subcommand_from init config migrate completions man help" -f -a "migrate" -d 'Apply, inspect, revert and verify the platform\'s schema migrations'
complete -c platctl -n "__fish_platctl_using_subcommand help; and not __fish_seen_subcommand_from init config migrate completions man help" -f -a "completions" -d 'Print a shell completion script to stdout'
complete -c platctl -n "__fish_platctl_using_subcommand help; and not __fish_seen_subcommand_from init config migrate completions man help" -f -a "man" -d 'Write the man pages (one per subcommand) to a directory'
complete -c platctl -n "__fish_platctl_using_subcommand help; and not __fish_seen_subcommand_from init config migrate completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Show every resolved setting, where it came from, with secrets redacted'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the path of config.toml'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "profiles" -d 'List the profiles defined in config.toml'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from migrate" -f -a "run" -d 'Apply pending migrations (each in its own transaction)'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from migrate" -f -a "status" -d 'List applied and pending migrations'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from migrate" -f -a "revert" -d 'Revert applied migrations with their down scripts (asks first)'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from migrate" -f -a "verify" -d 'Compare applied migrations with the ones in this binary; exit 1 on drift'
