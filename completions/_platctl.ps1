
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'platctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'platctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'platctl' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create the config file and the embedded database, apply migrations: ready to use')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the resolved configuration')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Apply, inspect, revert and verify the platform''s schema migrations')
            [CompletionResult]::new('orgs', 'orgs', [CompletionResultType]::ParameterValue, 'Create and list organizations (tenants)')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'Create, list, disable and enable users')
            [CompletionResult]::new('roles', 'roles', [CompletionResultType]::ParameterValue, 'Roles: their permissions, and who holds which role in which organization')
            [CompletionResult]::new('permissions', 'permissions', [CompletionResultType]::ParameterValue, 'The permission catalogue, and whether a user holds a permission')
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'Issue, list, revoke, rotate and verify API keys')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Query, follow, export, count, prune, seal and verify the audit log')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Take, list, restore, verify and prune backups (a directory or S3)')
            [CompletionResult]::new('email', 'email', [CompletionResultType]::ParameterValue, 'The platform''s email templates: list, preview, and send a test message')
            [CompletionResult]::new('health', 'health', [CompletionResultType]::ParameterValue, 'Check the platform''s health; exits like a Nagios plugin: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the admin API over this database until SIGTERM or Ctrl-C')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script to stdout')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write the man pages (one per subcommand) to a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'platctl;init' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;config' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every resolved setting, where it came from, with secrets redacted')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of config.toml')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'List the profiles defined in config.toml')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'platctl;config;show' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;config;path' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;config;profiles' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every resolved setting, where it came from, with secrets redacted')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of config.toml')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'List the profiles defined in config.toml')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'platctl;config;help;show' {
            break
        }
        'platctl;config;help;path' {
            break
        }
        'platctl;config;help;profiles' {
            break
        }
        'platctl;config;help;help' {
            break
        }
        'platctl;migrate' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Apply pending migrations (each in its own transaction)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'List applied and pending migrations')
            [CompletionResult]::new('revert', 'revert', [CompletionResultType]::ParameterValue, 'Revert applied migrations with their down scripts (asks first)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Compare applied migrations with the ones in this binary; exit 1 on drift')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'platctl;migrate;run' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Apply up to and including this version only')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another run holding the lock (e.g. 60s, 5m)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be applied without changing anything')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;migrate;status' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'Exit 1 when any migration is pending or changed (for CI and deploy gates)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;migrate;revert' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Revert down to this version (it stays applied); default: revert the latest one. 0 reverts everything')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another run holding the lock (e.g. 60s, 5m)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;migrate;verify' {
            [CompletionResult]::new('--accept', '--accept', [CompletionResultType]::ParameterName, 'After review, record the current checksum of this applied migration as correct')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;migrate;help' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Apply pending migrations (each in its own transaction)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'List applied and pending migrations')
            [CompletionResult]::new('revert', 'revert', [CompletionResultType]::ParameterValue, 'Revert applied migrations with their down scripts (asks first)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Compare applied migrations with the ones in this binary; exit 1 on drift')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'platctl;migrate;help;run' {
            break
        }
        'platctl;migrate;help;status' {
            break
        }
        'platctl;migrate;help;revert' {
            break
        }
        'platctl;migrate;help;verify' {
            break
        }
        'platctl;migrate;help;help' {
            break
        }
        'platctl;orgs' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an organization')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List organizations with their member counts')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'platctl;orgs;create' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Display name (default: the slug)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;orgs;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;orgs;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an organization')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List organizations with their member counts')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'platctl;orgs;help;create' {
            break
        }
        'platctl;orgs;help;list' {
            break
        }
        'platctl;orgs;help;help' {
            break
        }
        'platctl;users' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a user (emails match whatever their case)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users and their roles')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable a user: every permission check then denies them and their API keys stop working (asks first, naming the keys)')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable a disabled user again: their roles and API keys work again')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'platctl;users;create' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Display name')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;users;list' {
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Only the members of this organization')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;users;disable' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;users;enable' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;users;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a user (emails match whatever their case)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users and their roles')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable a user: every permission check then denies them and their API keys stop working (asks first, naming the keys)')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable a disabled user again: their roles and API keys work again')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'platctl;users;help;create' {
            break
        }
        'platctl;users;help;list' {
            break
        }
        'platctl;users;help;disable' {
            break
        }
        'platctl;users;help;enable' {
            break
        }
        'platctl;users;help;help' {
            break
        }
        'platctl;roles' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List roles with their level, permission and member counts')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a role''s permissions: a resource x action matrix (-o json: the list)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a custom role')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a custom role (asks first; system roles cannot be deleted)')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Grant permissions to a role (resource:action, or resource:* for all eight actions)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a role''s own grants (resource:action or resource:*)')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Give a user a role in an organization (replaces the role they held there)')
            [CompletionResult]::new('unassign', 'unassign', [CompletionResultType]::ParameterValue, 'Take away a user''s role in an organization')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'platctl;roles;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;roles;show' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;roles;create' {
            [CompletionResult]::new('--level', '--level', [CompletionResultType]::ParameterName, 'Level (system roles: VIEWER 1, EDITOR 2, ADMIN 3, OWNER 4)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Start with every permission this role holds')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'description')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;roles;delete' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Also remove the assignments that still use the role')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;roles;grant' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;roles;revoke' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;roles;assign' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'user')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'org')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'role')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;roles;unassign' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'user')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'org')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;roles;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List roles with their level, permission and member counts')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a role''s permissions: a resource x action matrix (-o json: the list)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a custom role')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a custom role (asks first; system roles cannot be deleted)')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Grant permissions to a role (resource:action, or resource:* for all eight actions)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a role''s own grants (resource:action or resource:*)')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Give a user a role in an organization (replaces the role they held there)')
            [CompletionResult]::new('unassign', 'unassign', [CompletionResultType]::ParameterValue, 'Take away a user''s role in an organization')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'platctl;roles;help;list' {
            break
        }
        'platctl;roles;help;show' {
            break
        }
        'platctl;roles;help;create' {
            break
        }
        'platctl;roles;help;delete' {
            break
        }
        'platctl;roles;help;grant' {
            break
        }
        'platctl;roles;help;revoke' {
            break
        }
        'platctl;roles;help;assign' {
            break
        }
        'platctl;roles;help;unassign' {
            break
        }
        'platctl;roles;help;help' {
            break
        }
        'platctl;permissions' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the 104 permissions and the roles holding each')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Does a user hold a permission in an organization? Exit 0 allowed, 1 denied, 2 error')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'platctl;permissions;list' {
            [CompletionResult]::new('--resource', '--resource', [CompletionResultType]::ParameterName, 'Only this resource''s permissions')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;permissions;check' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'user')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'org')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;permissions;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the 104 permissions and the roles holding each')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Does a user hold a permission in an organization? Exit 0 allowed, 1 denied, 2 error')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'platctl;permissions;help;list' {
            break
        }
        'platctl;permissions;help;check' {
            break
        }
        'platctl;permissions;help;help' {
            break
        }
        'platctl;keys' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an API key; it is shown once, then only its hash is kept')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List keys (active ones; --all adds revoked and expired ones and those of disabled users)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one key (by id, the start of its id, or its prefix); never the key or its hash')
            [CompletionResult]::new('confirm', 'confirm', [CompletionResultType]::ParameterValue, 'Confirm having a key made over the admin API (`--server` does it once the key is out): unconfirmed, it expires after KEY_CONFIRM_WITHIN')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a key: it stops working at once; the record stays')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a key''s record (asks first)')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Replace a key with a new one (same organization, name and scopes)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a key read from stdin: VALID (exit 0), NOT_FOUND, REVOKED, EXPIRED or DISABLED (its creator is disabled) (exit 1)')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Who is acting: the key (with --server: its organization, scopes, maker and expiry), the --as user, or the operator; and the roles that bound what it may do')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'platctl;keys;create' {
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization (default: the profile''s default_org, else the only one)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A name for people (default: key-DATE-TIME)')
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'A permission the key carries (repeat, or comma-separate; resource:* for all actions)')
            [CompletionResult]::new('--expires-in', '--expires-in', [CompletionResultType]::ParameterName, 'Expire after this long (e.g. 90d, 12h)')
            [CompletionResult]::new('--expires-at', '--expires-at', [CompletionResultType]::ParameterName, 'Expire at this time (RFC 3339, e.g. 2027-01-31T00:00:00Z)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('--test', '--test', [CompletionResultType]::ParameterName, 'A test key (sk_test_...)')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'A platform key: no organization, for platform-wide operations over the admin API (remote mode); only the operator with the database makes one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;keys;list' {
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'org')
            [CompletionResult]::new('--created-by', '--created-by', [CompletionResultType]::ParameterName, 'Only the keys this user created')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'Only platform keys')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Include revoked and expired keys, and those of disabled users')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;keys;show' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;keys;confirm' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;keys;revoke' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, for the record')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;keys;delete' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;keys;rotate' {
            [CompletionResult]::new('--grace', '--grace', [CompletionResultType]::ParameterName, 'How long the old key keeps working')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;keys;verify' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;keys;whoami' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;keys;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an API key; it is shown once, then only its hash is kept')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List keys (active ones; --all adds revoked and expired ones and those of disabled users)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one key (by id, the start of its id, or its prefix); never the key or its hash')
            [CompletionResult]::new('confirm', 'confirm', [CompletionResultType]::ParameterValue, 'Confirm having a key made over the admin API (`--server` does it once the key is out): unconfirmed, it expires after KEY_CONFIRM_WITHIN')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a key: it stops working at once; the record stays')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a key''s record (asks first)')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Replace a key with a new one (same organization, name and scopes)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a key read from stdin: VALID (exit 0), NOT_FOUND, REVOKED, EXPIRED or DISABLED (its creator is disabled) (exit 1)')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Who is acting: the key (with --server: its organization, scopes, maker and expiry), the --as user, or the operator; and the roles that bound what it may do')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'platctl;keys;help;create' {
            break
        }
        'platctl;keys;help;list' {
            break
        }
        'platctl;keys;help;show' {
            break
        }
        'platctl;keys;help;confirm' {
            break
        }
        'platctl;keys;help;revoke' {
            break
        }
        'platctl;keys;help;delete' {
            break
        }
        'platctl;keys;help;rotate' {
            break
        }
        'platctl;keys;help;verify' {
            break
        }
        'platctl;keys;help;whoami' {
            break
        }
        'platctl;keys;help;help' {
            break
        }
        'platctl;audit' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Entries matching the filters, newest first')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'The newest entries; with --follow, new ones as they arrive until Ctrl-C')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write matching entries to a file (csv, json or ndjson; .gz compresses; - is stdout)')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Count matching entries by action, user, organization, day or hour')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete entries older than a duration (asks first; --yes without a terminal)')
            [CompletionResult]::new('seal', 'seal', [CompletionResultType]::ParameterValue, 'Seal the entries added since the last seal: a chained SHA-256 digest, signed when AUDIT_SIGNING_KEY_FILE is set (for cron)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Recompute every seal: exit 1 when a sealed entry was changed, removed or inserted')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Make an Ed25519 key pair for signing seals: audit-signing.key (mode 0600) and audit-signing.pub')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'platctl;audit;query' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Entries by this user (email)')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Entries of this organization (slug)')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'Actions matching this glob, e.g. ''api_key.*'' (quote it from the shell)')
            [CompletionResult]::new('--resource', '--resource', [CompletionResultType]::ParameterName, 'Entries about this resource type, or this one resource (TYPE:ID)')
            [CompletionResult]::new('--ip', '--ip', [CompletionResultType]::ParameterName, 'Entries from this address or block (10.0.0.0/8)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Entries made with this API key (id, or display prefix sk_live_AbCd)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this time on: a duration back from now (90m, 24h, 7d), RFC 3339, or a date')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Before this time (same forms as --since)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N entries')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every matching entry, streamed page by page')
            [CompletionResult]::new('--asc', '--asc', [CompletionResultType]::ParameterName, 'Oldest first')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;audit;tail' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Entries by this user (email)')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Entries of this organization (slug)')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'Actions matching this glob, e.g. ''api_key.*'' (quote it from the shell)')
            [CompletionResult]::new('--resource', '--resource', [CompletionResultType]::ParameterName, 'Entries about this resource type, or this one resource (TYPE:ID)')
            [CompletionResult]::new('--ip', '--ip', [CompletionResultType]::ParameterName, 'Entries from this address or block (10.0.0.0/8)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Entries made with this API key (id, or display prefix sk_live_AbCd)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this time on: a duration back from now (90m, 24h, 7d), RFC 3339, or a date')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Before this time (same forms as --since)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'How many of the newest entries to show first')
            [CompletionResult]::new('--lines', '--lines', [CompletionResultType]::ParameterName, 'How many of the newest entries to show first')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'How often to look for new entries when following')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing new entries')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing new entries')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;audit;export' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'The file to write; it appears only once complete')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Entries by this user (email)')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Entries of this organization (slug)')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'Actions matching this glob, e.g. ''api_key.*'' (quote it from the shell)')
            [CompletionResult]::new('--resource', '--resource', [CompletionResultType]::ParameterName, 'Entries about this resource type, or this one resource (TYPE:ID)')
            [CompletionResult]::new('--ip', '--ip', [CompletionResultType]::ParameterName, 'Entries from this address or block (10.0.0.0/8)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Entries made with this API key (id, or display prefix sk_live_AbCd)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this time on: a duration back from now (90m, 24h, 7d), RFC 3339, or a date')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Before this time (same forms as --since)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;audit;stats' {
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'What to count by')
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Entries by this user (email)')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Entries of this organization (slug)')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'Actions matching this glob, e.g. ''api_key.*'' (quote it from the shell)')
            [CompletionResult]::new('--resource', '--resource', [CompletionResultType]::ParameterName, 'Entries about this resource type, or this one resource (TYPE:ID)')
            [CompletionResult]::new('--ip', '--ip', [CompletionResultType]::ParameterName, 'Entries from this address or block (10.0.0.0/8)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Entries made with this API key (id, or display prefix sk_live_AbCd)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'From this time on: a duration back from now (90m, 24h, 7d), RFC 3339, or a date')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Before this time (same forms as --since)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;audit;prune' {
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Delete entries older than this, e.g. 365d')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Say what would be deleted; delete nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;audit;seal' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;audit;verify' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Recompute only the seals made since then (the chain is followed from the start)')
            [CompletionResult]::new('--public-key', '--public-key', [CompletionResultType]::ParameterName, 'Check signatures with this Ed25519 public key (PEM) [default: the signing key''s]')
            [CompletionResult]::new('--expect-head', '--expect-head', [CompletionResultType]::ParameterName, 'A seal digest kept outside the database (printed by `audit seal`), or a backup id whose manifest recorded it: it must still be in the chain')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;audit;keygen' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory to write the two files to (created if missing)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;audit;help' {
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Entries matching the filters, newest first')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'The newest entries; with --follow, new ones as they arrive until Ctrl-C')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write matching entries to a file (csv, json or ndjson; .gz compresses; - is stdout)')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Count matching entries by action, user, organization, day or hour')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete entries older than a duration (asks first; --yes without a terminal)')
            [CompletionResult]::new('seal', 'seal', [CompletionResultType]::ParameterValue, 'Seal the entries added since the last seal: a chained SHA-256 digest, signed when AUDIT_SIGNING_KEY_FILE is set (for cron)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Recompute every seal: exit 1 when a sealed entry was changed, removed or inserted')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Make an Ed25519 key pair for signing seals: audit-signing.key (mode 0600) and audit-signing.pub')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'platctl;audit;help;query' {
            break
        }
        'platctl;audit;help;tail' {
            break
        }
        'platctl;audit;help;export' {
            break
        }
        'platctl;audit;help;stats' {
            break
        }
        'platctl;audit;help;prune' {
            break
        }
        'platctl;audit;help;seal' {
            break
        }
        'platctl;audit;help;verify' {
            break
        }
        'platctl;audit;help;keygen' {
            break
        }
        'platctl;audit;help;help' {
            break
        }
        'platctl;backup' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Back up the database now (silent with -q; for cron and systemd timers)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List backups, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a backup''s manifest')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a backup (checks its SHA-256 first; asks first)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a backup''s SHA-256; with --restore-test, restore it into a scratch database and compare row counts')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete old backups (never the newest complete one)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'platctl;backup;run' {
            [CompletionResult]::new('--storage', '--storage', [CompletionResultType]::ParameterName, 'A directory or s3://BUCKET/PREFIX [env: BACKUP_DIR; default: ~/.local/share/platctl/backups]')
            [CompletionResult]::new('--label', '--label', [CompletionResultType]::ParameterName, 'A note kept in the manifest (e.g. before-upgrade-2.4)')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another run holding the lock (e.g. 60s, 5m)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;backup;list' {
            [CompletionResult]::new('--storage', '--storage', [CompletionResultType]::ParameterName, 'A directory or s3://BUCKET/PREFIX [env: BACKUP_DIR; default: ~/.local/share/platctl/backups]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;backup;show' {
            [CompletionResult]::new('--storage', '--storage', [CompletionResultType]::ParameterName, 'A directory or s3://BUCKET/PREFIX [env: BACKUP_DIR; default: ~/.local/share/platctl/backups]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;backup;restore' {
            [CompletionResult]::new('--storage', '--storage', [CompletionResultType]::ParameterName, 'A directory or s3://BUCKET/PREFIX [env: BACKUP_DIR; default: ~/.local/share/platctl/backups]')
            [CompletionResult]::new('--into', '--into', [CompletionResultType]::ParameterName, 'The database to restore into (default: the configured one)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Connections loading data in parallel into an empty target [default: cores + 1, at most 4]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('--latest', '--latest', [CompletionResultType]::ParameterName, 'Restore the newest complete backup')
            [CompletionResult]::new('--clean', '--clean', [CompletionResultType]::ParameterName, 'Replace what the target holds, in one transaction (default: refuse a target that has tables)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;backup;verify' {
            [CompletionResult]::new('--storage', '--storage', [CompletionResultType]::ParameterName, 'A directory or s3://BUCKET/PREFIX [env: BACKUP_DIR; default: ~/.local/share/platctl/backups]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('--latest', '--latest', [CompletionResultType]::ParameterName, 'Verify the newest complete backup')
            [CompletionResult]::new('--restore-test', '--restore-test', [CompletionResultType]::ParameterName, 'Restore into a scratch database and compare each table''s rows with the manifest')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;backup;prune' {
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Delete backups older than this [default: BACKUP_RETENTION_DAYS days, or 30d]')
            [CompletionResult]::new('--keep-daily', '--keep-daily', [CompletionResultType]::ParameterName, 'Keep the newest backup of each of the last N days')
            [CompletionResult]::new('--keep-weekly', '--keep-weekly', [CompletionResultType]::ParameterName, 'Keep the newest backup of each of the last N weeks')
            [CompletionResult]::new('--keep-monthly', '--keep-monthly', [CompletionResultType]::ParameterName, 'Keep the newest backup of each of the last N months')
            [CompletionResult]::new('--storage', '--storage', [CompletionResultType]::ParameterName, 'A directory or s3://BUCKET/PREFIX [env: BACKUP_DIR; default: ~/.local/share/platctl/backups]')
            [CompletionResult]::new('--lock-timeout', '--lock-timeout', [CompletionResultType]::ParameterName, 'How long to wait for another run holding the lock (e.g. 60s, 5m)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List what would be deleted; delete nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;backup;help' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Back up the database now (silent with -q; for cron and systemd timers)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List backups, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a backup''s manifest')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a backup (checks its SHA-256 first; asks first)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a backup''s SHA-256; with --restore-test, restore it into a scratch database and compare row counts')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete old backups (never the newest complete one)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'platctl;backup;help;run' {
            break
        }
        'platctl;backup;help;list' {
            break
        }
        'platctl;backup;help;show' {
            break
        }
        'platctl;backup;help;restore' {
            break
        }
        'platctl;backup;help;verify' {
            break
        }
        'platctl;backup;help;prune' {
            break
        }
        'platctl;backup;help;help' {
            break
        }
        'platctl;email' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('templates', 'templates', [CompletionResultType]::ParameterValue, 'The templates: subject, variables, and where each comes from')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send one message rendered from a template, from EMAIL_FROM, through SendGrid or SMTP')
            [CompletionResult]::new('preview', 'preview', [CompletionResultType]::ParameterValue, 'Render a template to stdout without sending it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'platctl;email;templates' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;email;test' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The recipient')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'The template')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'A JSON object with the template''s variables [default: sample data]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Who sends it [default: sendgrid when SENDGRID_API_KEY is set, else smtp]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'SendGrid''s sandbox mode: the request is checked, nothing is delivered')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;email;preview' {
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'The template (`platctl email templates` lists them)')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'A JSON object with the template''s variables [default: sample data]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'What to show: the HTML part, the text part, or the whole MIME message')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;email;help' {
            [CompletionResult]::new('templates', 'templates', [CompletionResultType]::ParameterValue, 'The templates: subject, variables, and where each comes from')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send one message rendered from a template, from EMAIL_FROM, through SendGrid or SMTP')
            [CompletionResult]::new('preview', 'preview', [CompletionResultType]::ParameterValue, 'Render a template to stdout without sending it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'platctl;email;help;templates' {
            break
        }
        'platctl;email;help;test' {
            break
        }
        'platctl;email;help;preview' {
            break
        }
        'platctl;email;help;help' {
            break
        }
        'platctl;health' {
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'The checks to run, comma-separated [default: all]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, '`nagios`: the plugin output line with perfdata, then a line per check')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Each check''s time limit')
            [CompletionResult]::new('--disk-warning', '--disk-warning', [CompletionResultType]::ParameterName, 'Warn below this much free disk space, percent')
            [CompletionResult]::new('--disk-critical', '--disk-critical', [CompletionResultType]::ParameterName, 'Critical below this much free disk space, percent')
            [CompletionResult]::new('--memory-warning', '--memory-warning', [CompletionResultType]::ParameterName, 'Warn below this much available memory, percent')
            [CompletionResult]::new('--memory-critical', '--memory-critical', [CompletionResultType]::ParameterName, 'Critical below this much available memory, percent')
            [CompletionResult]::new('--backup-warning', '--backup-warning', [CompletionResultType]::ParameterName, 'Warn when the newest good backup is older than this')
            [CompletionResult]::new('--backup-critical', '--backup-critical', [CompletionResultType]::ParameterName, 'Critical when the newest good backup is older than this')
            [CompletionResult]::new('--key-expiry', '--key-expiry', [CompletionResultType]::ParameterName, 'Warn about API keys expiring within this')
            [CompletionResult]::new('--seal-warning', '--seal-warning', [CompletionResultType]::ParameterName, 'Warn when the newest audit seal is older than this (when seals are in use)')
            [CompletionResult]::new('--probe', '--probe', [CompletionResultType]::ParameterName, 'With --server: ask its /health/live or /health/ready, which need no key (a Kubernetes exec probe)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;serve' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address and port to listen on')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Request log lines as text for people, or JSON for collectors')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'A request''s time limit (backups, restore tests and exports stream instead, without one)')
            [CompletionResult]::new('--shutdown-timeout', '--shutdown-timeout', [CompletionResultType]::ParameterName, 'After SIGTERM, how long requests and operations in flight may take to finish, all together (then streams are told the server is shutting down)')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'Serve HTTPS with this certificate chain (PEM); needs --tls-key')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'The private key (PEM) of --tls-cert')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;completions' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;man' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Directory to write the pages to (created if missing)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of config.toml to use [env: PLATCTL_PROFILE]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read KEY=VALUE lines (the platform''s .env) as environment; real variables win [env: PLATCTL_ENV_FILE]')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL]. Prefer the environment for URLs with a password: argv is visible to other users in `ps`')
            [CompletionResult]::new('--server', '--server', [CompletionResultType]::ParameterName, 'Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]')
            [CompletionResult]::new('--api-key-file', '--api-key-file', [CompletionResultType]::ParameterName, 'A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv) [env: PLATCTL_API_KEY_FILE]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print nothing on success except requested data; errors still go to stderr')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain what is happening on stderr (-vv for more)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'Never use colour (also: NO_COLOR set to anything)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'platctl;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create the config file and the embedded database, apply migrations: ready to use')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the resolved configuration')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Apply, inspect, revert and verify the platform''s schema migrations')
            [CompletionResult]::new('orgs', 'orgs', [CompletionResultType]::ParameterValue, 'Create and list organizations (tenants)')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'Create, list, disable and enable users')
            [CompletionResult]::new('roles', 'roles', [CompletionResultType]::ParameterValue, 'Roles: their permissions, and who holds which role in which organization')
            [CompletionResult]::new('permissions', 'permissions', [CompletionResultType]::ParameterValue, 'The permission catalogue, and whether a user holds a permission')
            [CompletionResult]::new('keys', 'keys', [CompletionResultType]::ParameterValue, 'Issue, list, revoke, rotate and verify API keys')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Query, follow, export, count, prune, seal and verify the audit log')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Take, list, restore, verify and prune backups (a directory or S3)')
            [CompletionResult]::new('email', 'email', [CompletionResultType]::ParameterValue, 'The platform''s email templates: list, preview, and send a test message')
            [CompletionResult]::new('health', 'health', [CompletionResultType]::ParameterValue, 'Check the platform''s health; exits like a Nagios plugin: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the admin API over this database until SIGTERM or Ctrl-C')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script to stdout')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write the man pages (one per subcommand) to a directory')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'platctl;help;init' {
            break
        }
        'platctl;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show every resolved setting, where it came from, with secrets redacted')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the path of config.toml')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'List the profiles defined in config.toml')
            break
        }
        'platctl;help;config;show' {
            break
        }
        'platctl;help;config;path' {
            break
        }
        'platctl;help;config;profiles' {
            break
        }
        'platctl;help;migrate' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Apply pending migrations (each in its own transaction)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'List applied and pending migrations')
            [CompletionResult]::new('revert', 'revert', [CompletionResultType]::ParameterValue, 'Revert applied migrations with their down scripts (asks first)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Compare applied migrations with the ones in this binary; exit 1 on drift')
            break
        }
        'platctl;help;migrate;run' {
            break
        }
        'platctl;help;migrate;status' {
            break
        }
        'platctl;help;migrate;revert' {
            break
        }
        'platctl;help;migrate;verify' {
            break
        }
        'platctl;help;orgs' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an organization')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List organizations with their member counts')
            break
        }
        'platctl;help;orgs;create' {
            break
        }
        'platctl;help;orgs;list' {
            break
        }
        'platctl;help;users' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a user (emails match whatever their case)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users and their roles')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable a user: every permission check then denies them and their API keys stop working (asks first, naming the keys)')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable a disabled user again: their roles and API keys work again')
            break
        }
        'platctl;help;users;create' {
            break
        }
        'platctl;help;users;list' {
            break
        }
        'platctl;help;users;disable' {
            break
        }
        'platctl;help;users;enable' {
            break
        }
        'platctl;help;roles' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List roles with their level, permission and member counts')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a role''s permissions: a resource x action matrix (-o json: the list)')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a custom role')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a custom role (asks first; system roles cannot be deleted)')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Grant permissions to a role (resource:action, or resource:* for all eight actions)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a role''s own grants (resource:action or resource:*)')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Give a user a role in an organization (replaces the role they held there)')
            [CompletionResult]::new('unassign', 'unassign', [CompletionResultType]::ParameterValue, 'Take away a user''s role in an organization')
            break
        }
        'platctl;help;roles;list' {
            break
        }
        'platctl;help;roles;show' {
            break
        }
        'platctl;help;roles;create' {
            break
        }
        'platctl;help;roles;delete' {
            break
        }
        'platctl;help;roles;grant' {
            break
        }
        'platctl;help;roles;revoke' {
            break
        }
        'platctl;help;roles;assign' {
            break
        }
        'platctl;help;roles;unassign' {
            break
        }
        'platctl;help;permissions' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the 104 permissions and the roles holding each')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Does a user hold a permission in an organization? Exit 0 allowed, 1 denied, 2 error')
            break
        }
        'platctl;help;permissions;list' {
            break
        }
        'platctl;help;permissions;check' {
            break
        }
        'platctl;help;keys' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an API key; it is shown once, then only its hash is kept')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List keys (active ones; --all adds revoked and expired ones and those of disabled users)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one key (by id, the start of its id, or its prefix); never the key or its hash')
            [CompletionResult]::new('confirm', 'confirm', [CompletionResultType]::ParameterValue, 'Confirm having a key made over the admin API (`--server` does it once the key is out): unconfirmed, it expires after KEY_CONFIRM_WITHIN')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke a key: it stops working at once; the record stays')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a key''s record (asks first)')
            [CompletionResult]::new('rotate', 'rotate', [CompletionResultType]::ParameterValue, 'Replace a key with a new one (same organization, name and scopes)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a key read from stdin: VALID (exit 0), NOT_FOUND, REVOKED, EXPIRED or DISABLED (its creator is disabled) (exit 1)')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Who is acting: the key (with --server: its organization, scopes, maker and expiry), the --as user, or the operator; and the roles that bound what it may do')
            break
        }
        'platctl;help;keys;create' {
            break
        }
        'platctl;help;keys;list' {
            break
        }
        'platctl;help;keys;show' {
            break
        }
        'platctl;help;keys;confirm' {
            break
        }
        'platctl;help;keys;revoke' {
            break
        }
        'platctl;help;keys;delete' {
            break
        }
        'platctl;help;keys;rotate' {
            break
        }
        'platctl;help;keys;verify' {
            break
        }
        'platctl;help;keys;whoami' {
            break
        }
        'platctl;help;audit' {
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'Entries matching the filters, newest first')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'The newest entries; with --follow, new ones as they arrive until Ctrl-C')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write matching entries to a file (csv, json or ndjson; .gz compresses; - is stdout)')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Count matching entries by action, user, organization, day or hour')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete entries older than a duration (asks first; --yes without a terminal)')
            [CompletionResult]::new('seal', 'seal', [CompletionResultType]::ParameterValue, 'Seal the entries added since the last seal: a chained SHA-256 digest, signed when AUDIT_SIGNING_KEY_FILE is set (for cron)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Recompute every seal: exit 1 when a sealed entry was changed, removed or inserted')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Make an Ed25519 key pair for signing seals: audit-signing.key (mode 0600) and audit-signing.pub')
            break
        }
        'platctl;help;audit;query' {
            break
        }
        'platctl;help;audit;tail' {
            break
        }
        'platctl;help;audit;export' {
            break
        }
        'platctl;help;audit;stats' {
            break
        }
        'platctl;help;audit;prune' {
            break
        }
        'platctl;help;audit;seal' {
            break
        }
        'platctl;help;audit;verify' {
            break
        }
        'platctl;help;audit;keygen' {
            break
        }
        'platctl;help;backup' {
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Back up the database now (silent with -q; for cron and systemd timers)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List backups, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a backup''s manifest')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Restore a backup (checks its SHA-256 first; asks first)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check a backup''s SHA-256; with --restore-test, restore it into a scratch database and compare row counts')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete old backups (never the newest complete one)')
            break
        }
        'platctl;help;backup;run' {
            break
        }
        'platctl;help;backup;list' {
            break
        }
        'platctl;help;backup;show' {
            break
        }
        'platctl;help;backup;restore' {
            break
        }
        'platctl;help;backup;verify' {
            break
        }
        'platctl;help;backup;prune' {
            break
        }
        'platctl;help;email' {
            [CompletionResult]::new('templates', 'templates', [CompletionResultType]::ParameterValue, 'The templates: subject, variables, and where each comes from')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Send one message rendered from a template, from EMAIL_FROM, through SendGrid or SMTP')
            [CompletionResult]::new('preview', 'preview', [CompletionResultType]::ParameterValue, 'Render a template to stdout without sending it')
            break
        }
        'platctl;help;email;templates' {
            break
        }
        'platctl;help;email;test' {
            break
        }
        'platctl;help;email;preview' {
            break
        }
        'platctl;help;health' {
            break
        }
        'platctl;help;serve' {
            break
        }
        'platctl;help;completions' {
            break
        }
        'platctl;help;man' {
            break
        }
        'platctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
