
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
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
            cand orgs 'Create and list organizations (tenants)'
            cand users 'Create, list, disable and enable users'
            cand roles 'Roles: their permissions, and who holds which role in which organization'
            cand permissions 'The permission catalogue, and whether a user holds a permission'
            cand keys 'Issue, list, revoke, rotate and verify API keys'
            cand audit 'Query, follow, export, count, prune, seal and verify the audit log'
            cand backup 'Take, list, restore, verify and prune backups (a directory or S3)'
            cand email 'The platform''s email templates: list, preview, and send a test message'
            cand health 'Check the platform''s health; exits like a Nagios plugin: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN'
            cand serve 'Run the admin API over this database until SIGTERM or Ctrl-C'
            cand completions 'Print a shell completion script to stdout'
            cand man 'Write the man pages (one per subcommand) to a directory'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'platctl;init'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
            cand --lock-timeout 'How long to wait for another run holding the lock (e.g. 60s, 5m)'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
            cand --lock-timeout 'How long to wait for another run holding the lock (e.g. 60s, 5m)'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;orgs'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
            cand create 'Create an organization'
            cand list 'List organizations with their member counts'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'platctl;orgs;create'= {
            cand --name 'Display name (default: the slug)'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;orgs;list'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;orgs;help'= {
            cand create 'Create an organization'
            cand list 'List organizations with their member counts'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'platctl;orgs;help;create'= {
        }
        &'platctl;orgs;help;list'= {
        }
        &'platctl;orgs;help;help'= {
        }
        &'platctl;users'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
            cand create 'Create a user (emails match whatever their case)'
            cand list 'List users and their roles'
            cand disable 'Disable a user: every permission check then denies them and their API keys stop working (asks first, naming the keys)'
            cand enable 'Enable a disabled user again: their roles and API keys work again'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'platctl;users;create'= {
            cand --name 'Display name'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;users;list'= {
            cand --org 'Only the members of this organization'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;users;disable'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;users;enable'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;users;help'= {
            cand create 'Create a user (emails match whatever their case)'
            cand list 'List users and their roles'
            cand disable 'Disable a user: every permission check then denies them and their API keys stop working (asks first, naming the keys)'
            cand enable 'Enable a disabled user again: their roles and API keys work again'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'platctl;users;help;create'= {
        }
        &'platctl;users;help;list'= {
        }
        &'platctl;users;help;disable'= {
        }
        &'platctl;users;help;enable'= {
        }
        &'platctl;users;help;help'= {
        }
        &'platctl;roles'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
            cand list 'List roles with their level, permission and member counts'
            cand show 'Show a role''s permissions: a resource x action matrix (-o json: the list)'
            cand create 'Create a custom role'
            cand delete 'Delete a custom role (asks first; system roles cannot be deleted)'
            cand grant 'Grant permissions to a role (resource:action, or resource:* for all eight actions)'
            cand revoke 'Revoke a role''s own grants (resource:action or resource:*)'
            cand assign 'Give a user a role in an organization (replaces the role they held there)'
            cand unassign 'Take away a user''s role in an organization'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'platctl;roles;list'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;roles;show'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;roles;create'= {
            cand --level 'Level (system roles: VIEWER 1, EDITOR 2, ADMIN 3, OWNER 4)'
            cand --from 'Start with every permission this role holds'
            cand --description 'description'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;roles;delete'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --as 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]'
            cand --force 'Also remove the assignments that still use the role'
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
        &'platctl;roles;grant'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;roles;revoke'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;roles;assign'= {
            cand --user 'user'
            cand --org 'org'
            cand --role 'role'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;roles;unassign'= {
            cand --user 'user'
            cand --org 'org'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;roles;help'= {
            cand list 'List roles with their level, permission and member counts'
            cand show 'Show a role''s permissions: a resource x action matrix (-o json: the list)'
            cand create 'Create a custom role'
            cand delete 'Delete a custom role (asks first; system roles cannot be deleted)'
            cand grant 'Grant permissions to a role (resource:action, or resource:* for all eight actions)'
            cand revoke 'Revoke a role''s own grants (resource:action or resource:*)'
            cand assign 'Give a user a role in an organization (replaces the role they held there)'
            cand unassign 'Take away a user''s role in an organization'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'platctl;roles;help;list'= {
        }
        &'platctl;roles;help;show'= {
        }
        &'platctl;roles;help;create'= {
        }
        &'platctl;roles;help;delete'= {
        }
        &'platctl;roles;help;grant'= {
        }
        &'platctl;roles;help;revoke'= {
        }
        &'platctl;roles;help;assign'= {
        }
        &'platctl;roles;help;unassign'= {
        }
        &'platctl;roles;help;help'= {
        }
        &'platctl;permissions'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
            cand list 'List the 104 permissions and the roles holding each'
            cand check 'Does a user hold a permission in an organization? Exit 0 allowed, 1 denied, 2 error'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'platctl;permissions;list'= {
            cand --resource 'Only this resource''s permissions'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;permissions;check'= {
            cand --user 'user'
            cand --org 'org'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;permissions;help'= {
            cand list 'List the 104 permissions and the roles holding each'
            cand check 'Does a user hold a permission in an organization? Exit 0 allowed, 1 denied, 2 error'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'platctl;permissions;help;list'= {
        }
        &'platctl;permissions;help;check'= {
        }
        &'platctl;permissions;help;help'= {
        }
        &'platctl;keys'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
            cand create 'Create an API key; it is shown once, then only its hash is kept'
            cand list 'List keys (active ones; --all adds revoked and expired ones and those of disabled users)'
            cand show 'Show one key (by id, the start of its id, or its prefix); never the key or its hash'
            cand confirm 'Confirm having a key made over the admin API (`--server` does it once the key is out): unconfirmed, it expires after KEY_CONFIRM_WITHIN'
            cand revoke 'Revoke a key: it stops working at once; the record stays'
            cand delete 'Delete a key''s record (asks first)'
            cand rotate 'Replace a key with a new one (same organization, name and scopes)'
            cand verify 'Check a key read from stdin: VALID (exit 0), NOT_FOUND, REVOKED, EXPIRED or DISABLED (its creator is disabled) (exit 1)'
            cand whoami 'Who is acting: the key (with --server: its organization, scopes, maker and expiry), the --as user, or the operator; and the roles that bound what it may do'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'platctl;keys;create'= {
            cand --org 'Organization (default: the profile''s default_org, else the only one)'
            cand --name 'A name for people (default: key-DATE-TIME)'
            cand --scope 'A permission the key carries (repeat, or comma-separate; resource:* for all actions)'
            cand --expires-in 'Expire after this long (e.g. 90d, 12h)'
            cand --expires-at 'Expire at this time (RFC 3339, e.g. 2027-01-31T00:00:00Z)'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --as 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]'
            cand --test 'A test key (sk_test_...)'
            cand --platform 'A platform key: no organization, for platform-wide operations over the admin API (remote mode); only the operator with the database makes one'
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
        &'platctl;keys;list'= {
            cand --org 'org'
            cand --created-by 'Only the keys this user created'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --as 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]'
            cand --platform 'Only platform keys'
            cand --all 'Include revoked and expired keys, and those of disabled users'
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
        &'platctl;keys;show'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;keys;confirm'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;keys;revoke'= {
            cand --reason 'Why, for the record'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;keys;delete'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;keys;rotate'= {
            cand --grace 'How long the old key keeps working'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;keys;verify'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;keys;whoami'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;keys;help'= {
            cand create 'Create an API key; it is shown once, then only its hash is kept'
            cand list 'List keys (active ones; --all adds revoked and expired ones and those of disabled users)'
            cand show 'Show one key (by id, the start of its id, or its prefix); never the key or its hash'
            cand confirm 'Confirm having a key made over the admin API (`--server` does it once the key is out): unconfirmed, it expires after KEY_CONFIRM_WITHIN'
            cand revoke 'Revoke a key: it stops working at once; the record stays'
            cand delete 'Delete a key''s record (asks first)'
            cand rotate 'Replace a key with a new one (same organization, name and scopes)'
            cand verify 'Check a key read from stdin: VALID (exit 0), NOT_FOUND, REVOKED, EXPIRED or DISABLED (its creator is disabled) (exit 1)'
            cand whoami 'Who is acting: the key (with --server: its organization, scopes, maker and expiry), the --as user, or the operator; and the roles that bound what it may do'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'platctl;keys;help;create'= {
        }
        &'platctl;keys;help;list'= {
        }
        &'platctl;keys;help;show'= {
        }
        &'platctl;keys;help;confirm'= {
        }
        &'platctl;keys;help;revoke'= {
        }
        &'platctl;keys;help;delete'= {
        }
        &'platctl;keys;help;rotate'= {
        }
        &'platctl;keys;help;verify'= {
        }
        &'platctl;keys;help;whoami'= {
        }
        &'platctl;keys;help;help'= {
        }
        &'platctl;audit'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
            cand query 'Entries matching the filters, newest first'
            cand tail 'The newest entries; with --follow, new ones as they arrive until Ctrl-C'
            cand export 'Write matching entries to a file (csv, json or ndjson; .gz compresses; - is stdout)'
            cand stats 'Count matching entries by action, user, organization, day or hour'
            cand prune 'Delete entries older than a duration (asks first; --yes without a terminal)'
            cand seal 'Seal the entries added since the last seal: a chained SHA-256 digest, signed when AUDIT_SIGNING_KEY_FILE is set (for cron)'
            cand verify 'Recompute every seal: exit 1 when a sealed entry was changed, removed or inserted'
            cand keygen 'Make an Ed25519 key pair for signing seals: audit-signing.key (mode 0600) and audit-signing.pub'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'platctl;audit;query'= {
            cand --user 'Entries by this user (email)'
            cand --org 'Entries of this organization (slug)'
            cand --action 'Actions matching this glob, e.g. ''api_key.*'' (quote it from the shell)'
            cand --resource 'Entries about this resource type, or this one resource (TYPE:ID)'
            cand --ip 'Entries from this address or block (10.0.0.0/8)'
            cand --key 'Entries made with this API key (id, or display prefix sk_live_AbCd)'
            cand --since 'From this time on: a duration back from now (90m, 24h, 7d), RFC 3339, or a date'
            cand --until 'Before this time (same forms as --since)'
            cand --limit 'At most N entries'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --as 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]'
            cand --all 'Every matching entry, streamed page by page'
            cand --asc 'Oldest first'
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
        &'platctl;audit;tail'= {
            cand --user 'Entries by this user (email)'
            cand --org 'Entries of this organization (slug)'
            cand --action 'Actions matching this glob, e.g. ''api_key.*'' (quote it from the shell)'
            cand --resource 'Entries about this resource type, or this one resource (TYPE:ID)'
            cand --ip 'Entries from this address or block (10.0.0.0/8)'
            cand --key 'Entries made with this API key (id, or display prefix sk_live_AbCd)'
            cand --since 'From this time on: a duration back from now (90m, 24h, 7d), RFC 3339, or a date'
            cand --until 'Before this time (same forms as --since)'
            cand -n 'How many of the newest entries to show first'
            cand --lines 'How many of the newest entries to show first'
            cand --interval 'How often to look for new entries when following'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --as 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]'
            cand -f 'Keep printing new entries'
            cand --follow 'Keep printing new entries'
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
        &'platctl;audit;export'= {
            cand --out 'The file to write; it appears only once complete'
            cand --user 'Entries by this user (email)'
            cand --org 'Entries of this organization (slug)'
            cand --action 'Actions matching this glob, e.g. ''api_key.*'' (quote it from the shell)'
            cand --resource 'Entries about this resource type, or this one resource (TYPE:ID)'
            cand --ip 'Entries from this address or block (10.0.0.0/8)'
            cand --key 'Entries made with this API key (id, or display prefix sk_live_AbCd)'
            cand --since 'From this time on: a duration back from now (90m, 24h, 7d), RFC 3339, or a date'
            cand --until 'Before this time (same forms as --since)'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;audit;stats'= {
            cand --by 'What to count by'
            cand --user 'Entries by this user (email)'
            cand --org 'Entries of this organization (slug)'
            cand --action 'Actions matching this glob, e.g. ''api_key.*'' (quote it from the shell)'
            cand --resource 'Entries about this resource type, or this one resource (TYPE:ID)'
            cand --ip 'Entries from this address or block (10.0.0.0/8)'
            cand --key 'Entries made with this API key (id, or display prefix sk_live_AbCd)'
            cand --since 'From this time on: a duration back from now (90m, 24h, 7d), RFC 3339, or a date'
            cand --until 'Before this time (same forms as --since)'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;audit;prune'= {
            cand --older-than 'Delete entries older than this, e.g. 365d'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --as 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]'
            cand --dry-run 'Say what would be deleted; delete nothing'
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
        &'platctl;audit;seal'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;audit;verify'= {
            cand --since 'Recompute only the seals made since then (the chain is followed from the start)'
            cand --public-key 'Check signatures with this Ed25519 public key (PEM) [default: the signing key''s]'
            cand --expect-head 'A seal digest kept outside the database (printed by `audit seal`), or a backup id whose manifest recorded it: it must still be in the chain'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;audit;keygen'= {
            cand --out 'Directory to write the two files to (created if missing)'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;audit;help'= {
            cand query 'Entries matching the filters, newest first'
            cand tail 'The newest entries; with --follow, new ones as they arrive until Ctrl-C'
            cand export 'Write matching entries to a file (csv, json or ndjson; .gz compresses; - is stdout)'
            cand stats 'Count matching entries by action, user, organization, day or hour'
            cand prune 'Delete entries older than a duration (asks first; --yes without a terminal)'
            cand seal 'Seal the entries added since the last seal: a chained SHA-256 digest, signed when AUDIT_SIGNING_KEY_FILE is set (for cron)'
            cand verify 'Recompute every seal: exit 1 when a sealed entry was changed, removed or inserted'
            cand keygen 'Make an Ed25519 key pair for signing seals: audit-signing.key (mode 0600) and audit-signing.pub'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'platctl;audit;help;query'= {
        }
        &'platctl;audit;help;tail'= {
        }
        &'platctl;audit;help;export'= {
        }
        &'platctl;audit;help;stats'= {
        }
        &'platctl;audit;help;prune'= {
        }
        &'platctl;audit;help;seal'= {
        }
        &'platctl;audit;help;verify'= {
        }
        &'platctl;audit;help;keygen'= {
        }
        &'platctl;audit;help;help'= {
        }
        &'platctl;backup'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
            cand run 'Back up the database now (silent with -q; for cron and systemd timers)'
            cand list 'List backups, newest first'
            cand show 'Show a backup''s manifest'
            cand restore 'Restore a backup (checks its SHA-256 first; asks first)'
            cand verify 'Check a backup''s SHA-256; with --restore-test, restore it into a scratch database and compare row counts'
            cand prune 'Delete old backups (never the newest complete one)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'platctl;backup;run'= {
            cand --storage 'A directory or s3://BUCKET/PREFIX [env: BACKUP_DIR; default: ~/.local/share/platctl/backups]'
            cand --label 'A note kept in the manifest (e.g. before-upgrade-2.4)'
            cand --lock-timeout 'How long to wait for another run holding the lock (e.g. 60s, 5m)'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;backup;list'= {
            cand --storage 'A directory or s3://BUCKET/PREFIX [env: BACKUP_DIR; default: ~/.local/share/platctl/backups]'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;backup;show'= {
            cand --storage 'A directory or s3://BUCKET/PREFIX [env: BACKUP_DIR; default: ~/.local/share/platctl/backups]'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;backup;restore'= {
            cand --storage 'A directory or s3://BUCKET/PREFIX [env: BACKUP_DIR; default: ~/.local/share/platctl/backups]'
            cand --into 'The database to restore into (default: the configured one)'
            cand --jobs 'Connections loading data in parallel into an empty target [default: cores + 1, at most 4]'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --as 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]'
            cand --latest 'Restore the newest complete backup'
            cand --clean 'Replace what the target holds, in one transaction (default: refuse a target that has tables)'
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
        &'platctl;backup;verify'= {
            cand --storage 'A directory or s3://BUCKET/PREFIX [env: BACKUP_DIR; default: ~/.local/share/platctl/backups]'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --as 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]'
            cand --latest 'Verify the newest complete backup'
            cand --restore-test 'Restore into a scratch database and compare each table''s rows with the manifest'
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
        &'platctl;backup;prune'= {
            cand --older-than 'Delete backups older than this [default: BACKUP_RETENTION_DAYS days, or 30d]'
            cand --keep-daily 'Keep the newest backup of each of the last N days'
            cand --keep-weekly 'Keep the newest backup of each of the last N weeks'
            cand --keep-monthly 'Keep the newest backup of each of the last N months'
            cand --storage 'A directory or s3://BUCKET/PREFIX [env: BACKUP_DIR; default: ~/.local/share/platctl/backups]'
            cand --lock-timeout 'How long to wait for another run holding the lock (e.g. 60s, 5m)'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --as 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]'
            cand --dry-run 'List what would be deleted; delete nothing'
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
        &'platctl;backup;help'= {
            cand run 'Back up the database now (silent with -q; for cron and systemd timers)'
            cand list 'List backups, newest first'
            cand show 'Show a backup''s manifest'
            cand restore 'Restore a backup (checks its SHA-256 first; asks first)'
            cand verify 'Check a backup''s SHA-256; with --restore-test, restore it into a scratch database and compare row counts'
            cand prune 'Delete old backups (never the newest complete one)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'platctl;backup;help;run'= {
        }
        &'platctl;backup;help;list'= {
        }
        &'platctl;backup;help;show'= {
        }
        &'platctl;backup;help;restore'= {
        }
        &'platctl;backup;help;verify'= {
        }
        &'platctl;backup;help;prune'= {
        }
        &'platctl;backup;help;help'= {
        }
        &'platctl;email'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
            cand templates 'The templates: subject, variables, and where each comes from'
            cand test 'Send one message rendered from a template, from EMAIL_FROM, through SendGrid or SMTP'
            cand preview 'Render a template to stdout without sending it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'platctl;email;templates'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;email;test'= {
            cand --to 'The recipient'
            cand --template 'The template'
            cand --data 'A JSON object with the template''s variables [default: sample data]'
            cand --provider 'Who sends it [default: sendgrid when SENDGRID_API_KEY is set, else smtp]'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --as 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]'
            cand --sandbox 'SendGrid''s sandbox mode: the request is checked, nothing is delivered'
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
        &'platctl;email;preview'= {
            cand --template 'The template (`platctl email templates` lists them)'
            cand --data 'A JSON object with the template''s variables [default: sample data]'
            cand --format 'What to show: the HTML part, the text part, or the whole MIME message'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;email;help'= {
            cand templates 'The templates: subject, variables, and where each comes from'
            cand test 'Send one message rendered from a template, from EMAIL_FROM, through SendGrid or SMTP'
            cand preview 'Render a template to stdout without sending it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'platctl;email;help;templates'= {
        }
        &'platctl;email;help;test'= {
        }
        &'platctl;email;help;preview'= {
        }
        &'platctl;email;help;help'= {
        }
        &'platctl;health'= {
            cand --check 'The checks to run, comma-separated [default: all]'
            cand --format '`nagios`: the plugin output line with perfdata, then a line per check'
            cand --timeout 'Each check''s time limit'
            cand --disk-warning 'Warn below this much free disk space, percent'
            cand --disk-critical 'Critical below this much free disk space, percent'
            cand --memory-warning 'Warn below this much available memory, percent'
            cand --memory-critical 'Critical below this much available memory, percent'
            cand --backup-warning 'Warn when the newest good backup is older than this'
            cand --backup-critical 'Critical when the newest good backup is older than this'
            cand --key-expiry 'Warn about API keys expiring within this'
            cand --seal-warning 'Warn when the newest audit seal is older than this (when seals are in use)'
            cand --probe 'With --server: ask its /health/live or /health/ready, which need no key (a Kubernetes exec probe)'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;serve'= {
            cand --listen 'Address and port to listen on'
            cand --log-format 'Request log lines as text for people, or JSON for collectors'
            cand --request-timeout 'A request''s time limit (backups, restore tests and exports stream instead, without one)'
            cand --shutdown-timeout 'After SIGTERM, how long requests and operations in flight may take to finish, all together (then streams are told the server is shutting down)'
            cand --tls-cert 'Serve HTTPS with this certificate chain (PEM); needs --tls-key'
            cand --tls-key 'The private key (PEM) of --tls-cert'
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
        &'platctl;completions'= {
            cand --profile 'Profile of config.toml to use [env: PLATCTL_PROFILE]'
            cand --env-file 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]'
            cand --database-url 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`'
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
            cand --server 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]'
            cand --api-key-file 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]'
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
            cand orgs 'Create and list organizations (tenants)'
            cand users 'Create, list, disable and enable users'
            cand roles 'Roles: their permissions, and who holds which role in which organization'
            cand permissions 'The permission catalogue, and whether a user holds a permission'
            cand keys 'Issue, list, revoke, rotate and verify API keys'
            cand audit 'Query, follow, export, count, prune, seal and verify the audit log'
            cand backup 'Take, list, restore, verify and prune backups (a directory or S3)'
            cand email 'The platform''s email templates: list, preview, and send a test message'
            cand health 'Check the platform''s health; exits like a Nagios plugin: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN'
            cand serve 'Run the admin API over this database until SIGTERM or Ctrl-C'
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
        &'platctl;help;orgs'= {
            cand create 'Create an organization'
            cand list 'List organizations with their member counts'
        }
        &'platctl;help;orgs;create'= {
        }
        &'platctl;help;orgs;list'= {
        }
        &'platctl;help;users'= {
            cand create 'Create a user (emails match whatever their case)'
            cand list 'List users and their roles'
            cand disable 'Disable a user: every permission check then denies them and their API keys stop working (asks first, naming the keys)'
            cand enable 'Enable a disabled user again: their roles and API keys work again'
        }
        &'platctl;help;users;create'= {
        }
        &'platctl;help;users;list'= {
        }
        &'platctl;help;users;disable'= {
        }
        &'platctl;help;users;enable'= {
        }
        &'platctl;help;roles'= {
            cand list 'List roles with their level, permission and member counts'
            cand show 'Show a role''s permissions: a resource x action matrix (-o json: the list)'
            cand create 'Create a custom role'
            cand delete 'Delete a custom role (asks first; system roles cannot be deleted)'
            cand grant 'Grant permissions to a role (resource:action, or resource:* for all eight actions)'
            cand revoke 'Revoke a role''s own grants (resource:action or resource:*)'
            cand assign 'Give a user a role in an organization (replaces the role they held there)'
            cand unassign 'Take away a user''s role in an organization'
        }
        &'platctl;help;roles;list'= {
        }
        &'platctl;help;roles;show'= {
        }
        &'platctl;help;roles;create'= {
        }
        &'platctl;help;roles;delete'= {
        }
        &'platctl;help;roles;grant'= {
        }
        &'platctl;help;roles;revoke'= {
        }
        &'platctl;help;roles;assign'= {
        }
        &'platctl;help;roles;unassign'= {
        }
        &'platctl;help;permissions'= {
            cand list 'List the 104 permissions and the roles holding each'
            cand check 'Does a user hold a permission in an organization? Exit 0 allowed, 1 denied, 2 error'
        }
        &'platctl;help;permissions;list'= {
        }
        &'platctl;help;permissions;check'= {
        }
        &'platctl;help;keys'= {
            cand create 'Create an API key; it is shown once, then only its hash is kept'
            cand list 'List keys (active ones; --all adds revoked and expired ones and those of disabled users)'
            cand show 'Show one key (by id, the start of its id, or its prefix); never the key or its hash'
            cand confirm 'Confirm having a key made over the admin API (`--server` does it once the key is out): unconfirmed, it expires after KEY_CONFIRM_WITHIN'
            cand revoke 'Revoke a key: it stops working at once; the record stays'
            cand delete 'Delete a key''s record (asks first)'
            cand rotate 'Replace a key with a new one (same organization, name and scopes)'
            cand verify 'Check a key read from stdin: VALID (exit 0), NOT_FOUND, REVOKED, EXPIRED or DISABLED (its creator is disabled) (exit 1)'
            cand whoami 'Who is acting: the key (with --server: its organization, scopes, maker and expiry), the --as user, or the operator; and the roles that bound what it may do'
        }
        &'platctl;help;keys;create'= {
        }
        &'platctl;help;keys;list'= {
        }
        &'platctl;help;keys;show'= {
        }
        &'platctl;help;keys;confirm'= {
        }
        &'platctl;help;keys;revoke'= {
        }
        &'platctl;help;keys;delete'= {
        }
        &'platctl;help;keys;rotate'= {
        }
        &'platctl;help;keys;verify'= {
        }
        &'platctl;help;keys;whoami'= {
        }
        &'platctl;help;audit'= {
            cand query 'Entries matching the filters, newest first'
            cand tail 'The newest entries; with --follow, new ones as they arrive until Ctrl-C'
            cand export 'Write matching entries to a file (csv, json or ndjson; .gz compresses; - is stdout)'
            cand stats 'Count matching entries by action, user, organization, day or hour'
            cand prune 'Delete entries older than a duration (asks first; --yes without a terminal)'
            cand seal 'Seal the entries added since the last seal: a chained SHA-256 digest, signed when AUDIT_SIGNING_KEY_FILE is set (for cron)'
            cand verify 'Recompute every seal: exit 1 when a sealed entry was changed, removed or inserted'
            cand keygen 'Make an Ed25519 key pair for signing seals: audit-signing.key (mode 0600) and audit-signing.pub'
        }
        &'platctl;help;audit;query'= {
        }
        &'platctl;help;audit;tail'= {
        }
        &'platctl;help;audit;export'= {
        }
        &'platctl;help;audit;stats'= {
        }
        &'platctl;help;audit;prune'= {
        }
        &'platctl;help;audit;seal'= {
        }
        &'platctl;help;audit;verify'= {
        }
        &'platctl;help;audit;keygen'= {
        }
        &'platctl;help;backup'= {
            cand run 'Back up the database now (silent with -q; for cron and systemd timers)'
            cand list 'List backups, newest first'
            cand show 'Show a backup''s manifest'
            cand restore 'Restore a backup (checks its SHA-256 first; asks first)'
            cand verify 'Check a backup''s SHA-256; with --restore-test, restore it into a scratch database and compare row counts'
            cand prune 'Delete old backups (never the newest complete one)'
        }
        &'platctl;help;backup;run'= {
        }
        &'platctl;help;backup;list'= {
        }
        &'platctl;help;backup;show'= {
        }
        &'platctl;help;backup;restore'= {
        }
        &'platctl;help;backup;verify'= {
        }
        &'platctl;help;backup;prune'= {
        }
        &'platctl;help;email'= {
            cand templates 'The templates: subject, variables, and where each comes from'
            cand test 'Send one message rendered from a template, from EMAIL_FROM, through SendGrid or SMTP'
            cand preview 'Render a template to stdout without sending it'
        }
        &'platctl;help;email;templates'= {
        }
        &'platctl;help;email;test'= {
        }
        &'platctl;help;email;preview'= {
        }
        &'platctl;help;health'= {
        }
        &'platctl;help;serve'= {
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
