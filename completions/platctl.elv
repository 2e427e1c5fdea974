
use builtin;
use str;

set edit:completion:arg-completer[platctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'platctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'platctl'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --as 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]'
            cand -q 'Print nothing on success except requested data; errors still go to stderr'
            cand --quiet 'Print nothing on success except requested data; errors still go to stderr'
            cand -v 'Explain what is happening on stderr (-vv for more)'
            cand --verbose 'Explain what is happening on stderr (-vv for more)'
            cand --no-color 'Never use colour (also: NO_COLOR set to anything)'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create the config file and the embedded database, apply migrations: ready to use'
            cand config 'Show the resolved configuration'
            cand migrate 'Apply, inspect, revert and verify the platform''s schema migrations'
            cand completions 'Print a shell completion script to stdout'
            cand man 'Write the man pages (one per subcommand) to a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'platctl;init'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --as 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]'
            cand -q 'Print nothing on success except requested data; errors still go to stderr'
            cand --quiet 'Print nothing on success except requested data; errors still go to stderr'
            cand -v 'Explain what is happening on stderr (-vv for more)'
            cand --verbose 'Explain what is happening on stderr (-vv for more)'
            cand --no-color 'Never use colour (also: NO_COLOR set to anything)'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'platctl;config'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --as 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]'
            cand -q 'Print nothing on success except requested data; errors still go to stderr'
            cand --quiet 'Print nothing on success except requested data; errors still go to stderr'
            cand -v 'Explain what is happening on stderr (-vv for more)'
            cand --verbose 'Explain what is happening on stderr (-vv for more)'
            cand --no-color 'Never use colour (also: NO_COLOR set to anything)'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Show every resolved setting, where it came from, with secrets redacted'
            cand path 'Print the path of config.toml'
            cand profiles 'List the profiles defined in config.toml'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'platctl;config;show'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --as 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]'
            cand -q 'Print nothing on success except requested data; errors still go to stderr'
            cand --quiet 'Print nothing on success except requested data; errors still go to stderr'
            cand -v 'Explain what is happening on stderr (-vv for more)'
            cand --verbose 'Explain what is happening on stderr (-vv for more)'
            cand --no-color 'Never use colour (also: NO_COLOR set to anything)'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'platctl;config;path'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --as 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]'
            cand -q 'Print nothing on success except requested data; errors still go to stderr'
            cand --quiet 'Print nothing on success except requested data; errors still go to stderr'
            cand -v 'Explain what is happening on stderr (-vv for more)'
            cand --verbose 'Explain what is happening on stderr (-vv for more)'
            cand --no-color 'Never use colour (also: NO_COLOR set to anything)'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'platctl;config;profiles'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --as 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]'
            cand -q 'Print nothing on success except requested data; errors still go to stderr'
            cand --quiet 'Print nothing on success except requested data; errors still go to stderr'
            cand -v 'Explain what is happening on stderr (-vv for more)'
            cand --verbose 'Explain what is happening on stderr (-vv for more)'
            cand --no-color 'Never use colour (also: NO_COLOR set to anything)'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'platctl;config;help'= {
            cand show 'Show every resolved setting, where it came from, with secrets redacted'
            cand path 'Print the path of config.toml'
            cand profiles 'List the profiles defined in config.toml'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'platctl;config;help;show'= {
        }
        &'platctl;config;help;path'= {
        }
        &'platctl;config;help;profiles'= {
        }
        &'platctl;config;help;help'= {
        }
        &'platctl;migrate'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --as 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]'
            cand -q 'Print nothing on success except requested data; errors still go to stderr'
            cand --quiet 'Print nothing on success except requested data; errors still go to stderr'
            cand -v 'Explain what is happening on stderr (-vv for more)'
            cand --verbose 'Explain what is happening on stderr (-vv for more)'
            cand --no-color 'Never use colour (also: NO_COLOR set to anything)'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand run 'Apply pending migrations (each in its own transaction)'
            cand status 'List applied and pending migrations'
            cand revert 'Revert applied migrations with their down scripts (asks first)'
            cand verify 'Compare applied migrations with the ones in this binary; exit 1 on drift'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'platctl;migrate;run'= {
            cand --to 'Apply up to and including this version only'
            cand --lock-timeout 'How long to wait for another migration run to finish (e.g. 60s, 5m)'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --as 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]'
            cand --dry-run 'Show what would be applied without changing anything'
            cand -q 'Print nothing on success except requested data; errors still go to stderr'
            cand --quiet 'Print nothing on success except requested data; errors still go to stderr'
            cand -v 'Explain what is happening on stderr (-vv for more)'
            cand --verbose 'Explain what is happening on stderr (-vv for more)'
            cand --no-color 'Never use colour (also: NO_COLOR set to anything)'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'platctl;migrate;status'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --as 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]'
            cand --exit-code 'Exit 1 when any migration is pending or changed (for CI and deploy gates)'
            cand -q 'Print nothing on success except requested data; errors still go to stderr'
            cand --quiet 'Print nothing on success except requested data; errors still go to stderr'
            cand -v 'Explain what is happening on stderr (-vv for more)'
            cand --verbose 'Explain what is happening on stderr (-vv for more)'
            cand --no-color 'Never use colour (also: NO_COLOR set to anything)'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'platctl;migrate;revert'= {
            cand --to 'Revert down to this version (it stays applied); default: revert the latest one. 0 reverts everything'
            cand --lock-timeout 'How long to wait for another migration run to finish (e.g. 60s, 5m)'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --as 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]'
            cand -q 'Print nothing on success except requested data; errors still go to stderr'
            cand --quiet 'Print nothing on success except requested data; errors still go to stderr'
            cand -v 'Explain what is happening on stderr (-vv for more)'
            cand --verbose 'Explain what is happening on stderr (-vv for more)'
            cand --no-color 'Never use colour (also: NO_COLOR set to anything)'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'platctl;migrate;verify'= {
            cand --accept 'After review, record the current checksum of this applied migration as correct'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --as 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]'
            cand -q 'Print nothing on success except requested data; errors still go to stderr'
            cand --quiet 'Print nothing on success except requested data; errors still go to stderr'
            cand -v 'Explain what is happening on stderr (-vv for more)'
            cand --verbose 'Explain what is happening on stderr (-vv for more)'
            cand --no-color 'Never use colour (also: NO_COLOR set to anything)'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'platctl;migrate;help'= {
            cand run 'Apply pending migrations (each in its own transaction)'
            cand status 'List applied and pending migrations'
            cand revert 'Revert applied migrations with their down scripts (asks first)'
            cand verify 'Compare applied migrations with the ones in this binary; exit 1 on drift'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'platctl;migrate;help;run'= {
        }
        &'platctl;migrate;help;status'= {
        }
        &'platctl;migrate;help;revert'= {
        }
        &'platctl;migrate;help;verify'= {
        }
        &'platctl;migrate;help;help'= {
        }
        &'platctl;completions'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --as 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]'
            cand -q 'Print nothing on success except requested data; errors still go to stderr'
            cand --quiet 'Print nothing on success except requested data; errors still go to stderr'
            cand -v 'Explain what is happening on stderr (-vv for more)'
            cand --verbose 'Explain what is happening on stderr (-vv for more)'
            cand --no-color 'Never use colour (also: NO_COLOR set to anything)'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'platctl;man'= {
            cand --out-dir 'Directory to write the pages to (created if missing)'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --as 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]'
            cand -q 'Print nothing on success except requested data; errors still go to stderr'
            cand --quiet 'Print nothing on success except requested data; errors still go to stderr'
            cand -v 'Explain what is happening on stderr (-vv for more)'
            cand --verbose 'Explain what is happening on stderr (-vv for more)'
            cand --no-color 'Never use colour (also: NO_COLOR set to anything)'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'platctl;help'= {
            cand init 'Create the config file and the embedded database, apply migrations: ready to use'
            cand config 'Show the resolved configuration'
            cand migrate 'Apply, inspect, revert and verify the platform''s schema migrations'
            cand completions 'Print a shell completion script to stdout'
            cand man 'Write the man pages (one per subcommand) to a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'platctl;help;init'= {
        }
        &'platctl;help;config'= {
            cand show 'Show every resolved setting, where it came from, with secrets redacted'
            cand path 'Print the path of config.toml'
            cand profiles 'List the profiles defined in config.toml'
        }
        &'platctl;help;config;show'= {
        }
        &'platctl;help;config;path'= {
        }
        &'platctl;help;config;profiles'= {
        }
        &'platctl;help;migrate'= {
            cand run 'Apply pending migrations (each in its own transaction)'
            cand status 'List applied and pending migrations'
            cand revert 'Revert applied migrations with their down scripts (asks first)'
            cand verify 'Compare applied migrations with the ones in this binary; exit 1 on drift'
        }
        &'platctl;help;migrate;run'= {
        }
        &'platctl;help;migrate;status'= {
        }
        &'platctl;help;migrate;revert'= {
        }
        &'platctl;help;migrate;verify'= {
        }
        &'platctl;help;completions'= {
        }
        &'platctl;help;man'= {
        }
        &'platctl;help;help'= {
        }
    ]
    $completions[$command]
}
