# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_platctl_global_optspecs
    string join \n profile= env-file= database-url= server= api-key-file= o/output= q/quiet v/verbose no-color y/yes as= h/help V/version
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
complete -c platctl -n "__fish_platctl_needs_command" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_needs_command" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
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
complete -c platctl -n "__fish_platctl_needs_command" -f -a "orgs" -d 'Create and list organizations (tenants)'
complete -c platctl -n "__fish_platctl_needs_command" -f -a "users" -d 'Create, list, disable and enable users'
complete -c platctl -n "__fish_platctl_needs_command" -f -a "roles" -d 'Roles: their permissions, and who holds which role in which organization'
complete -c platctl -n "__fish_platctl_needs_command" -f -a "permissions" -d 'The permission catalogue, and whether a user holds a permission'
complete -c platctl -n "__fish_platctl_needs_command" -f -a "keys" -d 'Issue, list, revoke, rotate and verify API keys'
complete -c platctl -n "__fish_platctl_needs_command" -f -a "audit" -d 'Query, follow, export, count, prune, seal and verify the audit log'
complete -c platctl -n "__fish_platctl_needs_command" -f -a "backup" -d 'Take, list, restore, verify and prune backups (a directory or S3)'
complete -c platctl -n "__fish_platctl_needs_command" -f -a "email" -d 'The platform\'s email templates: list, preview, and send a test message'
complete -c platctl -n "__fish_platctl_needs_command" -f -a "health" -d 'Check the platform\'s health; exits like a Nagios plugin: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN'
complete -c platctl -n "__fish_platctl_needs_command" -f -a "serve" -d 'Run the admin API over this database until SIGTERM or Ctrl-C'
complete -c platctl -n "__fish_platctl_needs_command" -f -a "completions" -d 'Print a shell completion script to stdout'
complete -c platctl -n "__fish_platctl_needs_command" -f -a "man" -d 'Write the man pages (one per subcommand) to a directory'
complete -c platctl -n "__fish_platctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c platctl -n "__fish_platctl_using_subcommand init" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand init" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand init" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand init" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand init" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
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
complete -c platctl -n "__fish_platctl_using_subcommand config; and not __fish_seen_subcommand_from show path profiles help" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand config; and not __fish_seen_subcommand_from show path profiles help" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
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
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from show" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from show" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
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
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from path" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from path" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
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
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from profiles" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand config; and __fish_seen_subcommand_from profiles" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
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
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and not __fish_seen_subcommand_from run status revert verify help" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and not __fish_seen_subcommand_from run status revert verify help" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
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
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from run" -l lock-timeout -d 'How long to wait for another run holding the lock (e.g. 60s, 5m)' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from run" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from run" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from run" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from run" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from run" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
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
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from status" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from status" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
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
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from revert" -l lock-timeout -d 'How long to wait for another run holding the lock (e.g. 60s, 5m)' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from revert" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from revert" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from revert" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from revert" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from revert" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
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
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from verify" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand migrate; and __fish_seen_subcommand_from verify" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
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
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and not __fish_seen_subcommand_from create list help" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and not __fish_seen_subcommand_from create list help" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and not __fish_seen_subcommand_from create list help" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and not __fish_seen_subcommand_from create list help" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and not __fish_seen_subcommand_from create list help" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and not __fish_seen_subcommand_from create list help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and not __fish_seen_subcommand_from create list help" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and not __fish_seen_subcommand_from create list help" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and not __fish_seen_subcommand_from create list help" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and not __fish_seen_subcommand_from create list help" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and not __fish_seen_subcommand_from create list help" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and not __fish_seen_subcommand_from create list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and not __fish_seen_subcommand_from create list help" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and not __fish_seen_subcommand_from create list help" -f -a "create" -d 'Create an organization'
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and not __fish_seen_subcommand_from create list help" -f -a "list" -d 'List organizations with their member counts'
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and not __fish_seen_subcommand_from create list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from create" -l name -d 'Display name (default: the slug)' -r
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from create" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from create" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from create" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from create" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from create" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from create" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from create" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from list" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from list" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from list" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from list" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from list" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from list" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from list" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create an organization'
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from help" -f -a "list" -d 'List organizations with their member counts'
complete -c platctl -n "__fish_platctl_using_subcommand orgs; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c platctl -n "__fish_platctl_using_subcommand users; and not __fish_seen_subcommand_from create list disable enable help" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand users; and not __fish_seen_subcommand_from create list disable enable help" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand users; and not __fish_seen_subcommand_from create list disable enable help" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand users; and not __fish_seen_subcommand_from create list disable enable help" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand users; and not __fish_seen_subcommand_from create list disable enable help" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand users; and not __fish_seen_subcommand_from create list disable enable help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand users; and not __fish_seen_subcommand_from create list disable enable help" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand users; and not __fish_seen_subcommand_from create list disable enable help" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand users; and not __fish_seen_subcommand_from create list disable enable help" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand users; and not __fish_seen_subcommand_from create list disable enable help" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand users; and not __fish_seen_subcommand_from create list disable enable help" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand users; and not __fish_seen_subcommand_from create list disable enable help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand users; and not __fish_seen_subcommand_from create list disable enable help" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand users; and not __fish_seen_subcommand_from create list disable enable help" -f -a "create" -d 'Create a user (emails match whatever their case)'
complete -c platctl -n "__fish_platctl_using_subcommand users; and not __fish_seen_subcommand_from create list disable enable help" -f -a "list" -d 'List users and their roles'
complete -c platctl -n "__fish_platctl_using_subcommand users; and not __fish_seen_subcommand_from create list disable enable help" -f -a "disable" -d 'Disable a user: every permission check then denies them and their API keys stop working (asks first, naming the keys)'
complete -c platctl -n "__fish_platctl_using_subcommand users; and not __fish_seen_subcommand_from create list disable enable help" -f -a "enable" -d 'Enable a disabled user again: their roles and API keys work again'
complete -c platctl -n "__fish_platctl_using_subcommand users; and not __fish_seen_subcommand_from create list disable enable help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from create" -l name -d 'Display name' -r
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from create" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from create" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from create" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from create" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from create" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from create" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from create" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from list" -l org -d 'Only the members of this organization' -r
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from list" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from list" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from list" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from list" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from list" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from list" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from list" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from disable" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from disable" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from disable" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from disable" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from disable" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from disable" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from disable" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from disable" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from disable" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from disable" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from disable" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from disable" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from enable" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from enable" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from enable" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from enable" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from enable" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from enable" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from enable" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from enable" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from enable" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from enable" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from enable" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from enable" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a user (emails match whatever their case)'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "list" -d 'List users and their roles'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Disable a user: every permission check then denies them and their API keys stop working (asks first, naming the keys)'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Enable a disabled user again: their roles and API keys work again'
complete -c platctl -n "__fish_platctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete grant revoke assign unassign help" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete grant revoke assign unassign help" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete grant revoke assign unassign help" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete grant revoke assign unassign help" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete grant revoke assign unassign help" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete grant revoke assign unassign help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete grant revoke assign unassign help" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete grant revoke assign unassign help" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete grant revoke assign unassign help" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete grant revoke assign unassign help" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete grant revoke assign unassign help" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete grant revoke assign unassign help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete grant revoke assign unassign help" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete grant revoke assign unassign help" -f -a "list" -d 'List roles with their level, permission and member counts'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete grant revoke assign unassign help" -f -a "show" -d 'Show a role\'s permissions: a resource x action matrix (-o json: the list)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete grant revoke assign unassign help" -f -a "create" -d 'Create a custom role'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete grant revoke assign unassign help" -f -a "delete" -d 'Delete a custom role (asks first; system roles cannot be deleted)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete grant revoke assign unassign help" -f -a "grant" -d 'Grant permissions to a role (resource:action, or resource:* for all eight actions)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete grant revoke assign unassign help" -f -a "revoke" -d 'Revoke a role\'s own grants (resource:action or resource:*)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete grant revoke assign unassign help" -f -a "assign" -d 'Give a user a role in an organization (replaces the role they held there)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete grant revoke assign unassign help" -f -a "unassign" -d 'Take away a user\'s role in an organization'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and not __fish_seen_subcommand_from list show create delete grant revoke assign unassign help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from list" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from list" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from list" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from list" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from list" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from list" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from list" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from show" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from show" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from show" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from show" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from show" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from show" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from show" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from create" -l level -d 'Level (system roles: VIEWER 1, EDITOR 2, ADMIN 3, OWNER 4)' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from create" -l from -d 'Start with every permission this role holds' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from create" -l description -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from create" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from create" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from create" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from create" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from create" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from create" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from create" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from delete" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from delete" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from delete" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from delete" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from delete" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from delete" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from delete" -l force -d 'Also remove the assignments that still use the role'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from delete" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from grant" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from grant" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from grant" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from grant" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from grant" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from grant" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from grant" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from grant" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from grant" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from grant" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from grant" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from grant" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from grant" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from revoke" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from revoke" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from revoke" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from revoke" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from revoke" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from revoke" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from revoke" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from revoke" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from revoke" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from assign" -l user -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from assign" -l org -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from assign" -l role -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from assign" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from assign" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from assign" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from assign" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from assign" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from assign" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from assign" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from assign" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from assign" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from assign" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from assign" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from assign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from assign" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from unassign" -l user -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from unassign" -l org -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from unassign" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from unassign" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from unassign" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from unassign" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from unassign" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from unassign" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from unassign" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from unassign" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from unassign" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from unassign" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from unassign" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from unassign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from unassign" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from help" -f -a "list" -d 'List roles with their level, permission and member counts'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a role\'s permissions: a resource x action matrix (-o json: the list)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a custom role'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a custom role (asks first; system roles cannot be deleted)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from help" -f -a "grant" -d 'Grant permissions to a role (resource:action, or resource:* for all eight actions)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke a role\'s own grants (resource:action or resource:*)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from help" -f -a "assign" -d 'Give a user a role in an organization (replaces the role they held there)'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from help" -f -a "unassign" -d 'Take away a user\'s role in an organization'
complete -c platctl -n "__fish_platctl_using_subcommand roles; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and not __fish_seen_subcommand_from list check help" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and not __fish_seen_subcommand_from list check help" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and not __fish_seen_subcommand_from list check help" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and not __fish_seen_subcommand_from list check help" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and not __fish_seen_subcommand_from list check help" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and not __fish_seen_subcommand_from list check help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and not __fish_seen_subcommand_from list check help" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and not __fish_seen_subcommand_from list check help" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and not __fish_seen_subcommand_from list check help" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and not __fish_seen_subcommand_from list check help" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and not __fish_seen_subcommand_from list check help" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and not __fish_seen_subcommand_from list check help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and not __fish_seen_subcommand_from list check help" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and not __fish_seen_subcommand_from list check help" -f -a "list" -d 'List the 104 permissions and the roles holding each'
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and not __fish_seen_subcommand_from list check help" -f -a "check" -d 'Does a user hold a permission in an organization? Exit 0 allowed, 1 denied, 2 error'
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and not __fish_seen_subcommand_from list check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from list" -l resource -d 'Only this resource\'s permissions' -r
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from list" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from list" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from list" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from list" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from list" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from list" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from list" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from check" -l user -r
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from check" -l org -r
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from check" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from check" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from check" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from check" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from check" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from check" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from check" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from check" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from check" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the 104 permissions and the roles holding each'
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from help" -f -a "check" -d 'Does a user hold a permission in an organization? Exit 0 allowed, 1 denied, 2 error'
complete -c platctl -n "__fish_platctl_using_subcommand permissions; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and not __fish_seen_subcommand_from create list show confirm revoke delete rotate verify whoami help" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and not __fish_seen_subcommand_from create list show confirm revoke delete rotate verify whoami help" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand keys; and not __fish_seen_subcommand_from create list show confirm revoke delete rotate verify whoami help" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and not __fish_seen_subcommand_from create list show confirm revoke delete rotate verify whoami help" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and not __fish_seen_subcommand_from create list show confirm revoke delete rotate verify whoami help" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand keys; and not __fish_seen_subcommand_from create list show confirm revoke delete rotate verify whoami help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand keys; and not __fish_seen_subcommand_from create list show confirm revoke delete rotate verify whoami help" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and not __fish_seen_subcommand_from create list show confirm revoke delete rotate verify whoami help" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and not __fish_seen_subcommand_from create list show confirm revoke delete rotate verify whoami help" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and not __fish_seen_subcommand_from create list show confirm revoke delete rotate verify whoami help" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and not __fish_seen_subcommand_from create list show confirm revoke delete rotate verify whoami help" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and not __fish_seen_subcommand_from create list show confirm revoke delete rotate verify whoami help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and not __fish_seen_subcommand_from create list show confirm revoke delete rotate verify whoami help" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and not __fish_seen_subcommand_from create list show confirm revoke delete rotate verify whoami help" -f -a "create" -d 'Create an API key; it is shown once, then only its hash is kept'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and not __fish_seen_subcommand_from create list show confirm revoke delete rotate verify whoami help" -f -a "list" -d 'List keys (active ones; --all adds revoked and expired ones and those of disabled users)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and not __fish_seen_subcommand_from create list show confirm revoke delete rotate verify whoami help" -f -a "show" -d 'Show one key (by id, the start of its id, or its prefix); never the key or its hash'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and not __fish_seen_subcommand_from create list show confirm revoke delete rotate verify whoami help" -f -a "confirm" -d 'Confirm having a key made over the admin API (`--server` does it once the key is out): unconfirmed, it expires after KEY_CONFIRM_WITHIN'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and not __fish_seen_subcommand_from create list show confirm revoke delete rotate verify whoami help" -f -a "revoke" -d 'Revoke a key: it stops working at once; the record stays'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and not __fish_seen_subcommand_from create list show confirm revoke delete rotate verify whoami help" -f -a "delete" -d 'Delete a key\'s record (asks first)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and not __fish_seen_subcommand_from create list show confirm revoke delete rotate verify whoami help" -f -a "rotate" -d 'Replace a key with a new one (same organization, name and scopes)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and not __fish_seen_subcommand_from create list show confirm revoke delete rotate verify whoami help" -f -a "verify" -d 'Check a key read from stdin: VALID (exit 0), NOT_FOUND, REVOKED, EXPIRED or DISABLED (its creator is disabled) (exit 1)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and not __fish_seen_subcommand_from create list show confirm revoke delete rotate verify whoami help" -f -a "whoami" -d 'Who is acting: the key (with --server: its organization, scopes, maker and expiry), the --as user, or the operator; and the roles that bound what it may do'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and not __fish_seen_subcommand_from create list show confirm revoke delete rotate verify whoami help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from create" -l org -d 'Organization (default: the profile\'s default_org, else the only one)' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from create" -l name -d 'A name for people (default: key-DATE-TIME)' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from create" -l scope -d 'A permission the key carries (repeat, or comma-separate; resource:* for all actions)' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from create" -l expires-in -d 'Expire after this long (e.g. 90d, 12h)' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from create" -l expires-at -d 'Expire at this time (RFC 3339, e.g. 2027-01-31T00:00:00Z)' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from create" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from create" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from create" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from create" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from create" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from create" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from create" -l test -d 'A test key (sk_test_...)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from create" -l platform -d 'A platform key: no organization, for platform-wide operations over the admin API (remote mode); only the operator with the database makes one'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from create" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from create" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from list" -l org -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from list" -l created-by -d 'Only the keys this user created' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from list" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from list" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from list" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from list" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from list" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from list" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from list" -l platform -d 'Only platform keys'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from list" -l all -d 'Include revoked and expired keys, and those of disabled users'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from list" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from show" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from show" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from show" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from show" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from show" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from show" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from show" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from confirm" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from confirm" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from confirm" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from confirm" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from confirm" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from confirm" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from confirm" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from confirm" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from confirm" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from confirm" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from confirm" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from confirm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from confirm" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from revoke" -l reason -d 'Why, for the record' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from revoke" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from revoke" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from revoke" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from revoke" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from revoke" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from revoke" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from revoke" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from revoke" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from revoke" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from delete" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from delete" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from delete" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from delete" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from delete" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from delete" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from delete" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l grace -d 'How long the old key keeps working' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from rotate" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from rotate" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from rotate" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from rotate" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from rotate" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from rotate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from rotate" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from verify" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from verify" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from verify" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from verify" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from verify" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from verify" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from verify" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from verify" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from verify" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from whoami" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from whoami" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from whoami" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from whoami" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from whoami" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from whoami" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from whoami" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from whoami" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from whoami" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from whoami" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from whoami" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from whoami" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from whoami" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create an API key; it is shown once, then only its hash is kept'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "list" -d 'List keys (active ones; --all adds revoked and expired ones and those of disabled users)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one key (by id, the start of its id, or its prefix); never the key or its hash'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "confirm" -d 'Confirm having a key made over the admin API (`--server` does it once the key is out): unconfirmed, it expires after KEY_CONFIRM_WITHIN'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke a key: it stops working at once; the record stays'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a key\'s record (asks first)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "rotate" -d 'Replace a key with a new one (same organization, name and scopes)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check a key read from stdin: VALID (exit 0), NOT_FOUND, REVOKED, EXPIRED or DISABLED (its creator is disabled) (exit 1)'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "whoami" -d 'Who is acting: the key (with --server: its organization, scopes, maker and expiry), the --as user, or the operator; and the roles that bound what it may do'
complete -c platctl -n "__fish_platctl_using_subcommand keys; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and not __fish_seen_subcommand_from query tail export stats prune seal verify keygen help" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and not __fish_seen_subcommand_from query tail export stats prune seal verify keygen help" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand audit; and not __fish_seen_subcommand_from query tail export stats prune seal verify keygen help" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and not __fish_seen_subcommand_from query tail export stats prune seal verify keygen help" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and not __fish_seen_subcommand_from query tail export stats prune seal verify keygen help" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand audit; and not __fish_seen_subcommand_from query tail export stats prune seal verify keygen help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand audit; and not __fish_seen_subcommand_from query tail export stats prune seal verify keygen help" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and not __fish_seen_subcommand_from query tail export stats prune seal verify keygen help" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and not __fish_seen_subcommand_from query tail export stats prune seal verify keygen help" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and not __fish_seen_subcommand_from query tail export stats prune seal verify keygen help" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and not __fish_seen_subcommand_from query tail export stats prune seal verify keygen help" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and not __fish_seen_subcommand_from query tail export stats prune seal verify keygen help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and not __fish_seen_subcommand_from query tail export stats prune seal verify keygen help" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and not __fish_seen_subcommand_from query tail export stats prune seal verify keygen help" -f -a "query" -d 'Entries matching the filters, newest first'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and not __fish_seen_subcommand_from query tail export stats prune seal verify keygen help" -f -a "tail" -d 'The newest entries; with --follow, new ones as they arrive until Ctrl-C'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and not __fish_seen_subcommand_from query tail export stats prune seal verify keygen help" -f -a "export" -d 'Write matching entries to a file (csv, json or ndjson; .gz compresses; - is stdout)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and not __fish_seen_subcommand_from query tail export stats prune seal verify keygen help" -f -a "stats" -d 'Count matching entries by action, user, organization, day or hour'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and not __fish_seen_subcommand_from query tail export stats prune seal verify keygen help" -f -a "prune" -d 'Delete entries older than a duration (asks first; --yes without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and not __fish_seen_subcommand_from query tail export stats prune seal verify keygen help" -f -a "seal" -d 'Seal the entries added since the last seal: a chained SHA-256 digest, signed when AUDIT_SIGNING_KEY_FILE is set (for cron)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and not __fish_seen_subcommand_from query tail export stats prune seal verify keygen help" -f -a "verify" -d 'Recompute every seal: exit 1 when a sealed entry was changed, removed or inserted'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and not __fish_seen_subcommand_from query tail export stats prune seal verify keygen help" -f -a "keygen" -d 'Make an Ed25519 key pair for signing seals: audit-signing.key (mode 0600) and audit-signing.pub'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and not __fish_seen_subcommand_from query tail export stats prune seal verify keygen help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from query" -l user -d 'Entries by this user (email)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from query" -l org -d 'Entries of this organization (slug)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from query" -l action -d 'Actions matching this glob, e.g. \'api_key.*\' (quote it from the shell)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from query" -l resource -d 'Entries about this resource type, or this one resource (TYPE:ID)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from query" -l ip -d 'Entries from this address or block (10.0.0.0/8)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from query" -l key -d 'Entries made with this API key (id, or display prefix sk_live_AbCd)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from query" -l since -d 'From this time on: a duration back from now (90m, 24h, 7d), RFC 3339, or a date' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from query" -l until -d 'Before this time (same forms as --since)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from query" -l limit -d 'At most N entries' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from query" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from query" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from query" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from query" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from query" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from query" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from query" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from query" -l all -d 'Every matching entry, streamed page by page'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from query" -l asc -d 'Oldest first'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from query" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from query" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from query" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from query" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from query" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from query" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l user -d 'Entries by this user (email)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l org -d 'Entries of this organization (slug)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l action -d 'Actions matching this glob, e.g. \'api_key.*\' (quote it from the shell)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l resource -d 'Entries about this resource type, or this one resource (TYPE:ID)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l ip -d 'Entries from this address or block (10.0.0.0/8)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l key -d 'Entries made with this API key (id, or display prefix sk_live_AbCd)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l since -d 'From this time on: a duration back from now (90m, 24h, 7d), RFC 3339, or a date' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l until -d 'Before this time (same forms as --since)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -s n -l lines -d 'How many of the newest entries to show first' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l interval -d 'How often to look for new entries when following' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -s f -l follow -d 'Keep printing new entries'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from tail" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l out -d 'The file to write; it appears only once complete' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l user -d 'Entries by this user (email)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l org -d 'Entries of this organization (slug)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l action -d 'Actions matching this glob, e.g. \'api_key.*\' (quote it from the shell)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l resource -d 'Entries about this resource type, or this one resource (TYPE:ID)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l ip -d 'Entries from this address or block (10.0.0.0/8)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l key -d 'Entries made with this API key (id, or display prefix sk_live_AbCd)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l since -d 'From this time on: a duration back from now (90m, 24h, 7d), RFC 3339, or a date' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l until -d 'Before this time (same forms as --since)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from export" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from export" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from export" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from export" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from stats" -l by -d 'What to count by' -r -f -a "action\t''
user\t''
org\t''
day\t''
hour\t''"
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from stats" -l user -d 'Entries by this user (email)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from stats" -l org -d 'Entries of this organization (slug)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from stats" -l action -d 'Actions matching this glob, e.g. \'api_key.*\' (quote it from the shell)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from stats" -l resource -d 'Entries about this resource type, or this one resource (TYPE:ID)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from stats" -l ip -d 'Entries from this address or block (10.0.0.0/8)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from stats" -l key -d 'Entries made with this API key (id, or display prefix sk_live_AbCd)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from stats" -l since -d 'From this time on: a duration back from now (90m, 24h, 7d), RFC 3339, or a date' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from stats" -l until -d 'Before this time (same forms as --since)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from stats" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from stats" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from stats" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from stats" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from stats" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from stats" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from stats" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from stats" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from stats" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from stats" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from stats" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from stats" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l older-than -d 'Delete entries older than this, e.g. 365d' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l dry-run -d 'Say what would be deleted; delete nothing'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from seal" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from seal" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from seal" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from seal" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from seal" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from seal" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from seal" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from seal" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from seal" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from seal" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from seal" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from seal" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from seal" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -l since -d 'Recompute only the seals made since then (the chain is followed from the start)' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -l public-key -d 'Check signatures with this Ed25519 public key (PEM) [default: the signing key\'s]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -l expect-head -d 'A seal digest kept outside the database (printed by `audit seal`), or a backup id whose manifest recorded it: it must still be in the chain' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from keygen" -l out -d 'Directory to write the two files to (created if missing)' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from keygen" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from keygen" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from keygen" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from keygen" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from keygen" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from keygen" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from keygen" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from keygen" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from keygen" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from keygen" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from keygen" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from keygen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from keygen" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "query" -d 'Entries matching the filters, newest first'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "tail" -d 'The newest entries; with --follow, new ones as they arrive until Ctrl-C'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write matching entries to a file (csv, json or ndjson; .gz compresses; - is stdout)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "stats" -d 'Count matching entries by action, user, organization, day or hour'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Delete entries older than a duration (asks first; --yes without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "seal" -d 'Seal the entries added since the last seal: a chained SHA-256 digest, signed when AUDIT_SIGNING_KEY_FILE is set (for cron)'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Recompute every seal: exit 1 when a sealed entry was changed, removed or inserted'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "keygen" -d 'Make an Ed25519 key pair for signing seals: audit-signing.key (mode 0600) and audit-signing.pub'
complete -c platctl -n "__fish_platctl_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and not __fish_seen_subcommand_from run list show restore verify prune help" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and not __fish_seen_subcommand_from run list show restore verify prune help" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand backup; and not __fish_seen_subcommand_from run list show restore verify prune help" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and not __fish_seen_subcommand_from run list show restore verify prune help" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and not __fish_seen_subcommand_from run list show restore verify prune help" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand backup; and not __fish_seen_subcommand_from run list show restore verify prune help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand backup; and not __fish_seen_subcommand_from run list show restore verify prune help" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and not __fish_seen_subcommand_from run list show restore verify prune help" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and not __fish_seen_subcommand_from run list show restore verify prune help" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and not __fish_seen_subcommand_from run list show restore verify prune help" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and not __fish_seen_subcommand_from run list show restore verify prune help" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and not __fish_seen_subcommand_from run list show restore verify prune help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and not __fish_seen_subcommand_from run list show restore verify prune help" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and not __fish_seen_subcommand_from run list show restore verify prune help" -f -a "run" -d 'Back up the database now (silent with -q; for cron and systemd timers)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and not __fish_seen_subcommand_from run list show restore verify prune help" -f -a "list" -d 'List backups, newest first'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and not __fish_seen_subcommand_from run list show restore verify prune help" -f -a "show" -d 'Show a backup\'s manifest'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and not __fish_seen_subcommand_from run list show restore verify prune help" -f -a "restore" -d 'Restore a backup (checks its SHA-256 first; asks first)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and not __fish_seen_subcommand_from run list show restore verify prune help" -f -a "verify" -d 'Check a backup\'s SHA-256; with --restore-test, restore it into a scratch database and compare row counts'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and not __fish_seen_subcommand_from run list show restore verify prune help" -f -a "prune" -d 'Delete old backups (never the newest complete one)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and not __fish_seen_subcommand_from run list show restore verify prune help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from run" -l storage -d 'A directory or s3://BUCKET/PREFIX [env: BACKUP_DIR; default: ~/.local/share/platctl/backups]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from run" -l label -d 'A note kept in the manifest (e.g. before-upgrade-2.4)' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from run" -l lock-timeout -d 'How long to wait for another run holding the lock (e.g. 60s, 5m)' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from run" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from run" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from run" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from run" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from run" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from run" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from run" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from run" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from run" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from run" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from run" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from list" -l storage -d 'A directory or s3://BUCKET/PREFIX [env: BACKUP_DIR; default: ~/.local/share/platctl/backups]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from list" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from list" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from list" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from list" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from list" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from list" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from list" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from show" -l storage -d 'A directory or s3://BUCKET/PREFIX [env: BACKUP_DIR; default: ~/.local/share/platctl/backups]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from show" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from show" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from show" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from show" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from show" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from show" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from show" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from restore" -l storage -d 'A directory or s3://BUCKET/PREFIX [env: BACKUP_DIR; default: ~/.local/share/platctl/backups]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from restore" -l into -d 'The database to restore into (default: the configured one)' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from restore" -l jobs -d 'Connections loading data in parallel into an empty target [default: cores + 1, at most 4]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from restore" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from restore" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from restore" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from restore" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from restore" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from restore" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from restore" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from restore" -l latest -d 'Restore the newest complete backup'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from restore" -l clean -d 'Replace what the target holds, in one transaction (default: refuse a target that has tables)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from restore" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from restore" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from restore" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from restore" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -l storage -d 'A directory or s3://BUCKET/PREFIX [env: BACKUP_DIR; default: ~/.local/share/platctl/backups]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -l latest -d 'Verify the newest complete backup'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -l restore-test -d 'Restore into a scratch database and compare each table\'s rows with the manifest'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from prune" -l older-than -d 'Delete backups older than this [default: BACKUP_RETENTION_DAYS days, or 30d]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from prune" -l keep-daily -d 'Keep the newest backup of each of the last N days' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from prune" -l keep-weekly -d 'Keep the newest backup of each of the last N weeks' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from prune" -l keep-monthly -d 'Keep the newest backup of each of the last N months' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from prune" -l storage -d 'A directory or s3://BUCKET/PREFIX [env: BACKUP_DIR; default: ~/.local/share/platctl/backups]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from prune" -l lock-timeout -d 'How long to wait for another run holding the lock (e.g. 60s, 5m)' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from prune" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from prune" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from prune" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from prune" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from prune" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from prune" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from prune" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from prune" -l dry-run -d 'List what would be deleted; delete nothing'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from prune" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from prune" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from prune" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from prune" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from prune" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "run" -d 'Back up the database now (silent with -q; for cron and systemd timers)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "list" -d 'List backups, newest first'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a backup\'s manifest'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Restore a backup (checks its SHA-256 first; asks first)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check a backup\'s SHA-256; with --restore-test, restore it into a scratch database and compare row counts'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Delete old backups (never the newest complete one)'
complete -c platctl -n "__fish_platctl_using_subcommand backup; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c platctl -n "__fish_platctl_using_subcommand email; and not __fish_seen_subcommand_from templates test preview help" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand email; and not __fish_seen_subcommand_from templates test preview help" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand email; and not __fish_seen_subcommand_from templates test preview help" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand email; and not __fish_seen_subcommand_from templates test preview help" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand email; and not __fish_seen_subcommand_from templates test preview help" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand email; and not __fish_seen_subcommand_from templates test preview help" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand email; and not __fish_seen_subcommand_from templates test preview help" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand email; and not __fish_seen_subcommand_from templates test preview help" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand email; and not __fish_seen_subcommand_from templates test preview help" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand email; and not __fish_seen_subcommand_from templates test preview help" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand email; and not __fish_seen_subcommand_from templates test preview help" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand email; and not __fish_seen_subcommand_from templates test preview help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand email; and not __fish_seen_subcommand_from templates test preview help" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand email; and not __fish_seen_subcommand_from templates test preview help" -f -a "templates" -d 'The templates: subject, variables, and where each comes from'
complete -c platctl -n "__fish_platctl_using_subcommand email; and not __fish_seen_subcommand_from templates test preview help" -f -a "test" -d 'Send one message rendered from a template, from EMAIL_FROM, through SendGrid or SMTP'
complete -c platctl -n "__fish_platctl_using_subcommand email; and not __fish_seen_subcommand_from templates test preview help" -f -a "preview" -d 'Render a template to stdout without sending it'
complete -c platctl -n "__fish_platctl_using_subcommand email; and not __fish_seen_subcommand_from templates test preview help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from templates" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from templates" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from templates" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from templates" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from templates" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from templates" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from templates" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from templates" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from templates" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from templates" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from templates" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from templates" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from templates" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from test" -l to -d 'The recipient' -r
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from test" -l template -d 'The template' -r
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from test" -l data -d 'A JSON object with the template\'s variables [default: sample data]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from test" -l provider -d 'Who sends it [default: sendgrid when SENDGRID_API_KEY is set, else smtp]' -r -f -a "sendgrid\t'SendGrid\'s Mail Send API (SENDGRID_API_KEY)'
smtp\t'The relay of SMTP_URL'"
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from test" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from test" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from test" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from test" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from test" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from test" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from test" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from test" -l sandbox -d 'SendGrid\'s sandbox mode: the request is checked, nothing is delivered'
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from test" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from test" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from test" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from test" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from test" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from preview" -l template -d 'The template (`platctl email templates` lists them)' -r
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from preview" -l data -d 'A JSON object with the template\'s variables [default: sample data]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from preview" -l format -d 'What to show: the HTML part, the text part, or the whole MIME message' -r -f -a "html\t''
text\t''
eml\t''"
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from preview" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from preview" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from preview" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from preview" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from preview" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from preview" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from preview" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from preview" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from preview" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from preview" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from preview" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from preview" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from preview" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from help" -f -a "templates" -d 'The templates: subject, variables, and where each comes from'
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from help" -f -a "test" -d 'Send one message rendered from a template, from EMAIL_FROM, through SendGrid or SMTP'
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from help" -f -a "preview" -d 'Render a template to stdout without sending it'
complete -c platctl -n "__fish_platctl_using_subcommand email; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c platctl -n "__fish_platctl_using_subcommand health" -l check -d 'The checks to run, comma-separated [default: all]' -r -f -a "db\t''
migrations\t''
disk\t''
memory\t''
backups\t''
keys\t''
audit\t''"
complete -c platctl -n "__fish_platctl_using_subcommand health" -l format -d '`nagios`: the plugin output line with perfdata, then a line per check' -r -f -a "nagios\t''"
complete -c platctl -n "__fish_platctl_using_subcommand health" -l timeout -d 'Each check\'s time limit' -r
complete -c platctl -n "__fish_platctl_using_subcommand health" -l disk-warning -d 'Warn below this much free disk space, percent' -r
complete -c platctl -n "__fish_platctl_using_subcommand health" -l disk-critical -d 'Critical below this much free disk space, percent' -r
complete -c platctl -n "__fish_platctl_using_subcommand health" -l memory-warning -d 'Warn below this much available memory, percent' -r
complete -c platctl -n "__fish_platctl_using_subcommand health" -l memory-critical -d 'Critical below this much available memory, percent' -r
complete -c platctl -n "__fish_platctl_using_subcommand health" -l backup-warning -d 'Warn when the newest good backup is older than this' -r
complete -c platctl -n "__fish_platctl_using_subcommand health" -l backup-critical -d 'Critical when the newest good backup is older than this' -r
complete -c platctl -n "__fish_platctl_using_subcommand health" -l key-expiry -d 'Warn about API keys expiring within this' -r
complete -c platctl -n "__fish_platctl_using_subcommand health" -l seal-warning -d 'Warn when the newest audit seal is older than this (when seals are in use)' -r
complete -c platctl -n "__fish_platctl_using_subcommand health" -l probe -d 'With --server: ask its /health/live or /health/ready, which need no key (a Kubernetes exec probe)' -r -f -a "live\t''
ready\t''"
complete -c platctl -n "__fish_platctl_using_subcommand health" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand health" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand health" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand health" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand health" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand health" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand health" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand health" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand health" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand health" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand health" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand health" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand health" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand serve" -l listen -d 'Address and port to listen on' -r
complete -c platctl -n "__fish_platctl_using_subcommand serve" -l log-format -d 'Request log lines as text for people, or JSON for collectors' -r -f -a "text\t''
json\t''"
complete -c platctl -n "__fish_platctl_using_subcommand serve" -l request-timeout -d 'A request\'s time limit (backups, restore tests and exports stream instead, without one)' -r
complete -c platctl -n "__fish_platctl_using_subcommand serve" -l shutdown-timeout -d 'After SIGTERM, how long requests and operations in flight may take to finish, all together (then streams are told the server is shutting down)' -r
complete -c platctl -n "__fish_platctl_using_subcommand serve" -l tls-cert -d 'Serve HTTPS with this certificate chain (PEM); needs --tls-key' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand serve" -l tls-key -d 'The private key (PEM) of --tls-cert' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand serve" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand serve" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand serve" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand serve" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand serve" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand serve" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for people'
json\t'A JSON array (or object) with snake_case fields'
ndjson\t'One JSON object per line, for streaming into jq'
csv\t'Comma-separated values with a header line'"
complete -c platctl -n "__fish_platctl_using_subcommand serve" -l as -d 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]' -r
complete -c platctl -n "__fish_platctl_using_subcommand serve" -s q -l quiet -d 'Print nothing on success except requested data; errors still go to stderr'
complete -c platctl -n "__fish_platctl_using_subcommand serve" -s v -l verbose -d 'Explain what is happening on stderr (-vv for more)'
complete -c platctl -n "__fish_platctl_using_subcommand serve" -l no-color -d 'Never use colour (also: NO_COLOR set to anything)'
complete -c platctl -n "__fish_platctl_using_subcommand serve" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c platctl -n "__fish_platctl_using_subcommand serve" -s V -l version -d 'Print version'
complete -c platctl -n "__fish_platctl_using_subcommand completions" -l profile -d 'Profile of config.toml to use [env: PLATCTL_PROFILE]' -r
complete -c platctl -n "__fish_platctl_using_subcommand completions" -l env-file -d 'Read KEY=VALUE lines (the platform\'s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]' -r -F
complete -c platctl -n "__fish_platctl_using_subcommand completions" -l database-url -d 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`' -r
complete -c platctl -n "__fish_platctl_using_subcommand completions" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand completions" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
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
complete -c platctl -n "__fish_platctl_using_subcommand man" -l server -d 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]' -r
complete -c platctl -n "__fish_platctl_using_subcommand man" -l api-key-file -d 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]' -r -F
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
complete -c platctl -n "__fish_platctl_using_subcommand help; and not __fish_seen_subcommand_from init config migrate orgs users roles permissions keys audit backup email health serve completions man help" -f -a "init" -d 'Create the config file and the embedded database, apply migrations: ready to use'
complete -c platctl -n "__fish_platctl_using_subcommand help; and not __fish_seen_subcommand_from init config migrate orgs users roles permissions keys audit backup email health serve completions man help" -f -a "config" -d 'Show the resolved configuration'
complete -c platctl -n "__fish_platctl_using_subcommand help; and not __fish_seen_subcommand_from init config migrate orgs users roles permissions keys audit backup email health serve completions man help" -f -a "migrate" -d 'Apply, inspect, revert and verify the platform\'s schema migrations'
complete -c platctl -n "__fish_platctl_using_subcommand help; and not __fish_seen_subcommand_from init config migrate orgs users roles permissions keys audit backup email health serve completions man help" -f -a "orgs" -d 'Create and list organizations (tenants)'
complete -c platctl -n "__fish_platctl_using_subcommand help; and not __fish_seen_subcommand_from init config migrate orgs users roles permissions keys audit backup email health serve completions man help" -f -a "users" -d 'Create, list, disable and enable users'
complete -c platctl -n "__fish_platctl_using_subcommand help; and not __fish_seen_subcommand_from init config migrate orgs users roles permissions keys audit backup email health serve completions man help" -f -a "roles" -d 'Roles: their permissions, and who holds which role in which organization'
complete -c platctl -n "__fish_platctl_using_subcommand help; and not __fish_seen_subcommand_from init config migrate orgs users roles permissions keys audit backup email health serve completions man help" -f -a "permissions" -d 'The permission catalogue, and whether a user holds a permission'
complete -c platctl -n "__fish_platctl_using_subcommand help; and not __fish_seen_subcommand_from init config migrate orgs users roles permissions keys audit backup email health serve completions man help" -f -a "keys" -d 'Issue, list, revoke, rotate and verify API keys'
complete -c platctl -n "__fish_platctl_using_subcommand help; and not __fish_seen_subcommand_from init config migrate orgs users roles permissions keys audit backup email health serve completions man help" -f -a "audit" -d 'Query, follow, export, count, prune, seal and verify the audit log'
complete -c platctl -n "__fish_platctl_using_subcommand help; and not __fish_seen_subcommand_from init config migrate orgs users roles permissions keys audit backup email health serve completions man help" -f -a "backup" -d 'Take, list, restore, verify and prune backups (a directory or S3)'
complete -c platctl -n "__fish_platctl_using_subcommand help; and not __fish_seen_subcommand_from init config migrate orgs users roles permissions keys audit backup email health serve completions man help" -f -a "email" -d 'The platform\'s email templates: list, preview, and send a test message'
complete -c platctl -n "__fish_platctl_using_subcommand help; and not __fish_seen_subcommand_from init config migrate orgs users roles permissions keys audit backup email health serve completions man help" -f -a "health" -d 'Check the platform\'s health; exits like a Nagios plugin: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN'
complete -c platctl -n "__fish_platctl_using_subcommand help; and not __fish_seen_subcommand_from init config migrate orgs users roles permissions keys audit backup email health serve completions man help" -f -a "serve" -d 'Run the admin API over this database until SIGTERM or Ctrl-C'
complete -c platctl -n "__fish_platctl_using_subcommand help; and not __fish_seen_subcommand_from init config migrate orgs users roles permissions keys audit backup email health serve completions man help" -f -a "completions" -d 'Print a shell completion script to stdout'
complete -c platctl -n "__fish_platctl_using_subcommand help; and not __fish_seen_subcommand_from init config migrate orgs users roles permissions keys audit backup email health serve completions man help" -f -a "man" -d 'Write the man pages (one per subcommand) to a directory'
complete -c platctl -n "__fish_platctl_using_subcommand help; and not __fish_seen_subcommand_from init config migrate orgs users roles permissions keys audit backup email health serve completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Show every resolved setting, where it came from, with secrets redacted'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the path of config.toml'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "profiles" -d 'List the profiles defined in config.toml'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from migrate" -f -a "run" -d 'Apply pending migrations (each in its own transaction)'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from migrate" -f -a "status" -d 'List applied and pending migrations'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from migrate" -f -a "revert" -d 'Revert applied migrations with their down scripts (asks first)'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from migrate" -f -a "verify" -d 'Compare applied migrations with the ones in this binary; exit 1 on drift'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from orgs" -f -a "create" -d 'Create an organization'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from orgs" -f -a "list" -d 'List organizations with their member counts'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "create" -d 'Create a user (emails match whatever their case)'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "list" -d 'List users and their roles'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "disable" -d 'Disable a user: every permission check then denies them and their API keys stop working (asks first, naming the keys)'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "enable" -d 'Enable a disabled user again: their roles and API keys work again'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from roles" -f -a "list" -d 'List roles with their level, permission and member counts'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from roles" -f -a "show" -d 'Show a role\'s permissions: a resource x action matrix (-o json: the list)'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from roles" -f -a "create" -d 'Create a custom role'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from roles" -f -a "delete" -d 'Delete a custom role (asks first; system roles cannot be deleted)'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from roles" -f -a "grant" -d 'Grant permissions to a role (resource:action, or resource:* for all eight actions)'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from roles" -f -a "revoke" -d 'Revoke a role\'s own grants (resource:action or resource:*)'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from roles" -f -a "assign" -d 'Give a user a role in an organization (replaces the role they held there)'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from roles" -f -a "unassign" -d 'Take away a user\'s role in an organization'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from permissions" -f -a "list" -d 'List the 104 permissions and the roles holding each'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from permissions" -f -a "check" -d 'Does a user hold a permission in an organization? Exit 0 allowed, 1 denied, 2 error'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "create" -d 'Create an API key; it is shown once, then only its hash is kept'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "list" -d 'List keys (active ones; --all adds revoked and expired ones and those of disabled users)'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "show" -d 'Show one key (by id, the start of its id, or its prefix); never the key or its hash'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "confirm" -d 'Confirm having a key made over the admin API (`--server` does it once the key is out): unconfirmed, it expires after KEY_CONFIRM_WITHIN'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "revoke" -d 'Revoke a key: it stops working at once; the record stays'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "delete" -d 'Delete a key\'s record (asks first)'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "rotate" -d 'Replace a key with a new one (same organization, name and scopes)'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "verify" -d 'Check a key read from stdin: VALID (exit 0), NOT_FOUND, REVOKED, EXPIRED or DISABLED (its creator is disabled) (exit 1)'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from keys" -f -a "whoami" -d 'Who is acting: the key (with --server: its organization, scopes, maker and expiry), the --as user, or the operator; and the roles that bound what it may do'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "query" -d 'Entries matching the filters, newest first'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "tail" -d 'The newest entries; with --follow, new ones as they arrive until Ctrl-C'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "export" -d 'Write matching entries to a file (csv, json or ndjson; .gz compresses; - is stdout)'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "stats" -d 'Count matching entries by action, user, organization, day or hour'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "prune" -d 'Delete entries older than a duration (asks first; --yes without a terminal)'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "seal" -d 'Seal the entries added since the last seal: a chained SHA-256 digest, signed when AUDIT_SIGNING_KEY_FILE is set (for cron)'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "verify" -d 'Recompute every seal: exit 1 when a sealed entry was changed, removed or inserted'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "keygen" -d 'Make an Ed25519 key pair for signing seals: audit-signing.key (mode 0600) and audit-signing.pub'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "run" -d 'Back up the database now (silent with -q; for cron and systemd timers)'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "list" -d 'List backups, newest first'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "show" -d 'Show a backup\'s manifest'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "restore" -d 'Restore a backup (checks its SHA-256 first; asks first)'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "verify" -d 'Check a backup\'s SHA-256; with --restore-test, restore it into a scratch database and compare row counts'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from backup" -f -a "prune" -d 'Delete old backups (never the newest complete one)'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from email" -f -a "templates" -d 'The templates: subject, variables, and where each comes from'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from email" -f -a "test" -d 'Send one message rendered from a template, from EMAIL_FROM, through SendGrid or SMTP'
complete -c platctl -n "__fish_platctl_using_subcommand help; and __fish_seen_subcommand_from email" -f -a "preview" -d 'Render a template to stdout without sending it'
