//! The command line: clap types only. Values are validated and resolved elsewhere
//! ([`crate::settings`] for the global flags, the commands for their own).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::output::Format;

/// `--limit N` of `audit query`: a whole number from 1 (every entry is `--all`).
fn query_limit(text: &str) -> Result<u64, String> {
    match text.trim().parse::<u64>() {
        Ok(0) => Err("at least 1 is needed; --all shows every entry".into()),
        Ok(n) => Ok(n),
        Err(_) => Err("expected a whole number from 1 (or --all for every entry)".into()),
    }
}

const AFTER_HELP: &str = "\
Configuration: flags beat environment variables, which beat the active profile of config.toml
(`platctl config path` prints where it is). With no database configured, platctl uses an
embedded SQLite database in your data directory; `platctl init` creates it.

Exit codes: 0 success, 1 failure, 2 usage or configuration error, 77 forbidden (the actor
lacks the permission), 130 stopped by Ctrl-C, 143 stopped by SIGTERM.
Predicates (`permissions check`, `keys verify`): 0 yes, 1 no, 2 error.
`health` exits like a Nagios plugin: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
`email test`: 21 connect, 29 TLS, 28 authentication, 23 sender, 24 recipient or 25 message
refused, 75 rate limited. The whole table: `man platctl`, or the README's Exit codes.";

#[derive(Debug, Parser)]
#[command(
    name = "platctl",
    version,
    about = "Operate the multi-tenant AI platform: migrations, roles, API keys, audit, backups",
    long_about = None,
    propagate_version = true,
    after_help = AFTER_HELP,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command takes.
#[derive(Debug, Clone, Default, Args)]
pub struct GlobalArgs {
    /// Profile of config.toml to use [env: PLATCTL_PROFILE]
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,

    /// Read KEY=VALUE lines (the platform's .env) as environment; real variables win [env: PLATCTL_ENV_FILE]
    #[arg(long, global = true, value_name = "FILE")]
    pub env_file: Option<PathBuf>,

    /// Database to operate on: postgres://…, sqlite://…, or a path to a SQLite file [env: DATABASE_URL].
    /// Prefer the environment for URLs with a password: argv is visible to other users in `ps`
    #[arg(long, global = true, value_name = "URL")]
    pub database_url: Option<String>,

    /// Run the command on a running `platctl serve` instead of the database [env: PLATCTL_SERVER]
    #[arg(long, global = true, value_name = "URL")]
    pub server: Option<String>,

    /// A file holding the API key for --server (or PLATCTL_API_KEY; never a key in argv)
    /// [env: PLATCTL_API_KEY_FILE]
    #[arg(long, global = true, value_name = "FILE")]
    pub api_key_file: Option<PathBuf>,

    /// Output format
    #[arg(short = 'o', long, global = true, value_enum, value_name = "FORMAT")]
    pub output: Option<Format>,

    /// Print nothing on success except requested data; errors still go to stderr
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Explain what is happening on stderr (-vv for more)
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// Never use colour (also: NO_COLOR set to anything)
    #[arg(long, global = true)]
    pub no_color: bool,

    /// Answer yes to confirmations (needed for destructive commands without a terminal)
    #[arg(short = 'y', long, global = true)]
    pub yes: bool,

    /// Act as this platform user: recorded as the actor in audit entries [env: PLATCTL_AS]
    #[arg(long = "as", global = true, value_name = "EMAIL")]
    pub act_as: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the config file and the embedded database, apply migrations: ready to use
    Init,

    /// Show the resolved configuration
    #[command(subcommand)]
    Config(ConfigCommand),

    /// Apply, inspect, revert and verify the platform's schema migrations
    #[command(subcommand)]
    Migrate(MigrateCommand),

    /// Create and list organizations (tenants)
    #[command(subcommand)]
    Orgs(OrgsCommand),

    /// Create, list, disable and enable users
    #[command(subcommand)]
    Users(UsersCommand),

    /// Roles: their permissions, and who holds which role in which organization
    #[command(subcommand)]
    Roles(RolesCommand),

    /// The permission catalogue, and whether a user holds a permission
    #[command(subcommand)]
    Permissions(PermissionsCommand),

    /// Issue, list, revoke, rotate and verify API keys
    #[command(subcommand)]
    Keys(KeysCommand),

    /// Query, follow, export, count, prune, seal and verify the audit log
    #[command(subcommand)]
    Audit(AuditCommand),

    /// Take, list, restore, verify and prune backups (a directory or S3)
    #[command(subcommand)]
    Backup(BackupCommand),

    /// The platform's email templates: list, preview, and send a test message
    #[command(subcommand)]
    Email(EmailCommand),

    /// Check the platform's health; exits like a Nagios plugin: 0 OK, 1 WARNING, 2 CRITICAL,
    /// 3 UNKNOWN
    Health(HealthArgs),

    /// Run the admin API over this database until SIGTERM or Ctrl-C
    Serve(ServeArgs),

    /// Print a shell completion script to stdout
    Completions {
        /// Shell to generate for
        #[arg(value_enum)]
        shell: Shell,
    },

    /// Write the man pages (one per subcommand) to a directory
    Man {
        /// Directory to write the pages to (created if missing)
        #[arg(long, value_name = "DIR")]
        out_dir: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Show every resolved setting, where it came from, with secrets redacted
    Show,
    /// Print the path of config.toml
    Path,
    /// List the profiles defined in config.toml
    Profiles,
}

#[derive(Debug, Subcommand)]
pub enum MigrateCommand {
    /// Apply pending migrations (each in its own transaction)
    Run {
        /// Show what would be applied without changing anything
        #[arg(long)]
        dry_run: bool,
        /// Apply up to and including this version only
        #[arg(long, value_name = "VERSION")]
        to: Option<i64>,
        #[command(flatten)]
        lock: LockArgs,
    },
    /// List applied and pending migrations
    Status {
        /// Exit 1 when any migration is pending or changed (for CI and deploy gates)
        #[arg(long)]
        exit_code: bool,
    },
    /// Revert applied migrations with their down scripts (asks first)
    Revert {
        /// Revert down to this version (it stays applied); default: revert the latest one.
        /// 0 reverts everything
        #[arg(long, value_name = "VERSION")]
        to: Option<i64>,
        #[command(flatten)]
        lock: LockArgs,
    },
    /// Compare applied migrations with the ones in this binary; exit 1 on drift
    Verify {
        /// After review, record the current checksum of this applied migration as correct
        #[arg(long, value_name = "VERSION")]
        accept: Option<i64>,
    },
}

#[derive(Debug, Subcommand)]
pub enum OrgsCommand {
    /// Create an organization
    Create {
        /// Lowercase letters, digits and dashes, e.g. acme-corp
        #[arg(value_parser = crate::proto::input::new_slug::parse)]
        slug: String,
        /// Display name (default: the slug)
        #[arg(long, value_parser = crate::proto::input::name::parse)]
        name: Option<String>,
    },
    /// List organizations with their member counts
    List,
}

#[derive(Debug, Subcommand)]
pub enum UsersCommand {
    /// Create a user (emails match whatever their case)
    Create {
        #[arg(value_parser = crate::proto::input::new_email::parse)]
        email: String,
        /// Display name
        #[arg(long, value_parser = crate::proto::input::name::parse)]
        name: Option<String>,
    },
    /// List users and their roles
    List {
        /// Only the members of this organization
        #[arg(long, value_name = "SLUG", value_parser = crate::proto::input::org::parse)]
        org: Option<String>,
    },
    /// Disable a user: every permission check then denies them and their API keys stop
    /// working (asks first, naming the keys)
    Disable {
        #[arg(value_parser = crate::proto::input::user::parse)]
        email: String,
    },
    /// Enable a disabled user again: their roles and API keys work again
    Enable {
        #[arg(value_parser = crate::proto::input::user::parse)]
        email: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum RolesCommand {
    /// List roles with their level, permission and member counts
    List,
    /// Show a role's permissions: a resource x action matrix (-o json: the list)
    Show {
        #[arg(value_parser = crate::proto::input::role::parse)]
        role: String,
    },
    /// Create a custom role
    Create {
        #[arg(value_parser = crate::proto::input::new_role::parse)]
        name: String,
        /// Level (system roles: VIEWER 1, EDITOR 2, ADMIN 3, OWNER 4)
        #[arg(long)]
        level: i64,
        /// Start with every permission this role holds
        #[arg(long, value_name = "ROLE", value_parser = crate::proto::input::role::parse)]
        from: Option<String>,
        #[arg(long, value_parser = crate::proto::input::note::parse)]
        description: Option<String>,
    },
    /// Delete a custom role (asks first; system roles cannot be deleted)
    Delete {
        #[arg(value_parser = crate::proto::input::role::parse)]
        role: String,
        /// Also remove the assignments that still use the role
        #[arg(long)]
        force: bool,
    },
    /// Grant permissions to a role (resource:action, or resource:* for all eight actions)
    Grant {
        #[arg(value_parser = crate::proto::input::role::parse)]
        role: String,
        #[arg(required = true, value_name = "PERM", value_parser = crate::proto::input::permission::parse)]
        permissions: Vec<String>,
    },
    /// Revoke a role's own grants (resource:action or resource:*)
    Revoke {
        #[arg(value_parser = crate::proto::input::role::parse)]
        role: String,
        #[arg(required = true, value_name = "PERM", value_parser = crate::proto::input::permission::parse)]
        permissions: Vec<String>,
    },
    /// Give a user a role in an organization (replaces the role they held there)
    Assign {
        #[arg(long, value_name = "EMAIL", value_parser = crate::proto::input::user::parse)]
        user: String,
        #[arg(long, value_name = "SLUG", value_parser = crate::proto::input::org::parse)]
        org: String,
        #[arg(long, value_parser = crate::proto::input::role::parse)]
        role: String,
    },
    /// Take away a user's role in an organization
    Unassign {
        #[arg(long, value_name = "EMAIL", value_parser = crate::proto::input::user::parse)]
        user: String,
        #[arg(long, value_name = "SLUG", value_parser = crate::proto::input::org::parse)]
        org: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum PermissionsCommand {
    /// List the 104 permissions and the roles holding each
    List {
        /// Only this resource's permissions
        #[arg(long)]
        resource: Option<String>,
    },
    /// Does a user hold a permission in an organization? Exit 0 allowed, 1 denied, 2 error
    Check {
        #[arg(long, value_name = "EMAIL", value_parser = crate::proto::input::user::parse)]
        user: String,
        #[arg(long, value_name = "SLUG", value_parser = crate::proto::input::org::parse)]
        org: String,
        /// resource:action
        #[arg(value_parser = crate::proto::input::permission::parse)]
        permission: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Create an API key; it is shown once, then only its hash is kept
    Create {
        /// Organization (default: the profile's default_org, else the only one)
        #[arg(long, value_name = "SLUG", value_parser = crate::proto::input::org::parse)]
        org: Option<String>,
        /// A name for people (default: key-DATE-TIME)
        #[arg(long, value_parser = crate::proto::input::name::parse)]
        name: Option<String>,
        /// A permission the key carries (repeat, or comma-separate; resource:* for all actions)
        #[arg(
            long = "scope",
            required = true,
            value_name = "PERM",
            value_delimiter = ',',
            value_parser = crate::proto::input::permission::parse
        )]
        scopes: Vec<String>,
        /// Expire after this long (e.g. 90d, 12h)
        #[arg(long, value_name = "DURATION", value_parser = parse_duration, allow_hyphen_values = true, conflicts_with = "expires_at")]
        expires_in: Option<std::time::Duration>,
        /// Expire at this time (RFC 3339, e.g. 2027-01-31T00:00:00Z)
        #[arg(long, value_name = "TIME", value_parser = parse_time)]
        expires_at: Option<chrono::DateTime<chrono::Utc>>,
        /// A test key (sk_test_...)
        #[arg(long)]
        test: bool,
        /// A platform key: no organization, for platform-wide operations over the admin API
        /// (remote mode); only the operator with the database makes one
        #[arg(long, conflicts_with = "org")]
        platform: bool,
    },
    /// List keys (active ones; --all adds revoked and expired ones and those of disabled users)
    List {
        #[arg(long, value_name = "SLUG", value_parser = crate::proto::input::org::parse)]
        org: Option<String>,
        /// Only platform keys
        #[arg(long, conflicts_with = "org")]
        platform: bool,
        /// Only the keys this user created
        #[arg(long, value_name = "EMAIL", value_parser = crate::proto::input::user::parse)]
        created_by: Option<String>,
        /// Include revoked and expired keys, and those of disabled users
        #[arg(long)]
        all: bool,
    },
    /// Show one key (by id, the start of its id, or its prefix); never the key or its hash
    Show {
        #[arg(value_parser = crate::proto::input::key::parse)]
        id: String,
    },
    /// Confirm having a key made over the admin API (`--server` does it once the key is out):
    /// unconfirmed, it expires after KEY_CONFIRM_WITHIN
    Confirm {
        #[arg(value_parser = crate::proto::input::key::parse)]
        id: String,
    },
    /// Revoke a key: it stops working at once; the record stays
    Revoke {
        #[arg(value_parser = crate::proto::input::key::parse)]
        id: String,
        /// Why, for the record
        #[arg(long, value_parser = crate::proto::input::note::parse)]
        reason: Option<String>,
    },
    /// Delete a key's record (asks first)
    Delete {
        #[arg(value_parser = crate::proto::input::key::parse)]
        id: String,
    },
    /// Replace a key with a new one (same organization, name and scopes)
    Rotate {
        #[arg(value_parser = crate::proto::input::key::parse)]
        id: String,
        /// How long the old key keeps working
        #[arg(long, value_name = "DURATION", default_value = "24h", value_parser = parse_duration, allow_hyphen_values = true)]
        grace: std::time::Duration,
    },
    /// Check a key read from stdin: VALID (exit 0), NOT_FOUND, REVOKED, EXPIRED or DISABLED
    /// (its creator is disabled) (exit 1)
    Verify,
    /// Who is acting: the key (with --server: its organization, scopes, maker and expiry), the
    /// --as user, or the operator; and the roles that bound what it may do
    Whoami,
}

/// Where backups live.
#[derive(Debug, Clone, Args)]
pub struct StorageArgs {
    /// A directory or s3://BUCKET/PREFIX [env: BACKUP_DIR; default: ~/.local/share/platctl/backups]
    #[arg(long, value_name = "DIR|s3://BUCKET/PREFIX")]
    pub storage: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// Back up the database now (silent with -q; for cron and systemd timers)
    Run {
        #[command(flatten)]
        storage: StorageArgs,
        /// A note kept in the manifest (e.g. before-upgrade-2.4)
        #[arg(long, value_parser = crate::proto::input::name::parse)]
        label: Option<String>,
        #[command(flatten)]
        lock: LockArgs,
    },
    /// List backups, newest first
    List {
        #[command(flatten)]
        storage: StorageArgs,
    },
    /// Show a backup's manifest
    Show {
        #[arg(value_parser = crate::proto::input::backup::parse)]
        id: String,
        #[command(flatten)]
        storage: StorageArgs,
    },
    /// Restore a backup (checks its SHA-256 first; asks first)
    #[command(group = clap::ArgGroup::new("which").required(true).args(["id", "latest"]))]
    Restore {
        /// The backup to restore (or --latest)
        #[arg(value_parser = crate::proto::input::backup::parse)]
        id: Option<String>,
        /// Restore the newest complete backup
        #[arg(long, conflicts_with = "id")]
        latest: bool,
        #[command(flatten)]
        storage: StorageArgs,
        /// The database to restore into (default: the configured one)
        #[arg(long, value_name = "URL")]
        into: Option<String>,
        /// Replace what the target holds, in one transaction (default: refuse a target that
        /// has tables)
        #[arg(long)]
        clean: bool,
        /// Connections loading data in parallel into an empty target [default: cores + 1, at
        /// most 4]
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
        jobs: Option<u16>,
    },
    /// Check a backup's SHA-256; with --restore-test, restore it into a scratch database and
    /// compare row counts
    #[command(group = clap::ArgGroup::new("which").required(true).args(["id", "latest"]))]
    Verify {
        #[arg(value_parser = crate::proto::input::backup::parse)]
        id: Option<String>,
        /// Verify the newest complete backup
        #[arg(long, conflicts_with = "id")]
        latest: bool,
        /// Restore into a scratch database and compare each table's rows with the manifest
        #[arg(long)]
        restore_test: bool,
        #[command(flatten)]
        lock: LockArgs,
        #[command(flatten)]
        storage: StorageArgs,
    },
    /// Delete old backups (never the newest complete one)
    Prune {
        /// Delete backups older than this [default: BACKUP_RETENTION_DAYS days, or 30d]
        #[arg(long, value_name = "DURATION", value_parser = parse_duration, allow_hyphen_values = true,
              conflicts_with_all = ["keep_daily", "keep_weekly", "keep_monthly"])]
        older_than: Option<std::time::Duration>,
        /// Keep the newest backup of each of the last N days
        #[arg(long, value_name = "N")]
        keep_daily: Option<usize>,
        /// Keep the newest backup of each of the last N weeks
        #[arg(long, value_name = "N")]
        keep_weekly: Option<usize>,
        /// Keep the newest backup of each of the last N months
        #[arg(long, value_name = "N")]
        keep_monthly: Option<usize>,
        /// List what would be deleted; delete nothing
        #[arg(long)]
        dry_run: bool,
        #[command(flatten)]
        storage: StorageArgs,
        #[command(flatten)]
        lock: LockArgs,
    },
}

/// Which audit entries: every filter narrows.
#[derive(Debug, Clone, Default, Args)]
pub struct AuditFilterArgs {
    /// Entries by this user (email)
    #[arg(long, value_name = "EMAIL", value_parser = crate::proto::input::user::parse)]
    pub user: Option<String>,
    /// Entries of this organization (slug)
    #[arg(long, value_name = "SLUG", value_parser = crate::proto::input::org::parse)]
    pub org: Option<String>,
    /// Actions matching this glob, e.g. 'api_key.*' (quote it from the shell)
    #[arg(long, value_name = "GLOB")]
    pub action: Option<String>,
    /// Entries about this resource type, or this one resource (TYPE:ID)
    #[arg(long, value_name = "TYPE[:ID]")]
    pub resource: Option<String>,
    /// Entries from this address or block (10.0.0.0/8)
    #[arg(long, value_name = "ADDR|CIDR")]
    pub ip: Option<String>,
    /// Entries made with this API key (id, or display prefix sk_live_AbCd)
    #[arg(long, value_name = "ID|PREFIX")]
    pub key: Option<String>,
    /// From this time on: a duration back from now (90m, 24h, 7d), RFC 3339, or a date
    #[arg(long, value_name = "TIME", value_parser = parse_since, allow_hyphen_values = true)]
    pub since: Option<chrono::DateTime<chrono::Utc>>,
    /// Before this time (same forms as --since)
    #[arg(long, value_name = "TIME", value_parser = parse_since, allow_hyphen_values = true)]
    pub until: Option<chrono::DateTime<chrono::Utc>>,
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Entries matching the filters, newest first
    Query {
        #[command(flatten)]
        filter: AuditFilterArgs,
        /// At most N entries
        #[arg(long, value_name = "N", default_value_t = crate::proto::audit::DEFAULT_QUERY_LIMIT,
              value_parser = query_limit, conflicts_with = "all")]
        limit: u64,
        /// Every matching entry, streamed page by page
        #[arg(long)]
        all: bool,
        /// Oldest first
        #[arg(long)]
        asc: bool,
    },
    /// The newest entries; with --follow, new ones as they arrive until Ctrl-C
    Tail {
        #[command(flatten)]
        filter: AuditFilterArgs,
        /// Keep printing new entries
        #[arg(short, long)]
        follow: bool,
        /// How many of the newest entries to show first
        #[arg(short = 'n', long, value_name = "N", default_value_t = 10)]
        lines: u64,
        /// How often to look for new entries when following
        #[arg(long, value_name = "DURATION", default_value = "500ms", value_parser = parse_duration)]
        interval: std::time::Duration,
    },
    /// Write matching entries to a file (csv, json or ndjson; .gz compresses; - is stdout)
    Export {
        /// The file to write; it appears only once complete
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[command(flatten)]
        filter: AuditFilterArgs,
    },
    /// Count matching entries by action, user, organization, day or hour
    Stats {
        /// What to count by
        #[arg(long, value_enum)]
        by: StatsByArg,
        #[command(flatten)]
        filter: AuditFilterArgs,
    },
    /// Delete entries older than a duration (asks first; --yes without a terminal)
    Prune {
        /// Delete entries older than this, e.g. 365d
        #[arg(long, value_name = "DURATION", value_parser = parse_duration, allow_hyphen_values = true)]
        older_than: std::time::Duration,
        /// Say what would be deleted; delete nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Seal the entries added since the last seal: a chained SHA-256 digest, signed when
    /// AUDIT_SIGNING_KEY_FILE is set (for cron)
    Seal,
    /// Recompute every seal: exit 1 when a sealed entry was changed, removed or inserted
    Verify {
        /// Recompute only the seals made since then (the chain is followed from the start)
        #[arg(long, value_name = "TIME", value_parser = parse_since, allow_hyphen_values = true)]
        since: Option<chrono::DateTime<chrono::Utc>>,
        /// Check signatures with this Ed25519 public key (PEM) [default: the signing key's]
        #[arg(long, value_name = "FILE")]
        public_key: Option<PathBuf>,
        /// A seal digest kept outside the database (printed by `audit seal`), or a backup id
        /// whose manifest recorded it: it must still be in the chain
        #[arg(long, value_name = "DIGEST|BACKUP")]
        expect_head: Option<String>,
    },
    /// Make an Ed25519 key pair for signing seals: audit-signing.key (mode 0600) and
    /// audit-signing.pub
    Keygen {
        /// Directory to write the two files to (created if missing)
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatsByArg {
    Action,
    User,
    Org,
    Day,
    Hour,
}

#[derive(Debug, Subcommand)]
pub enum EmailCommand {
    /// The templates: subject, variables, and where each comes from
    Templates,
    /// Send one message rendered from a template, from EMAIL_FROM, through SendGrid or SMTP
    Test {
        /// The recipient
        #[arg(long, value_name = "ADDR")]
        to: String,
        /// The template
        #[arg(long, default_value = "welcome")]
        template: String,
        /// A JSON object with the template's variables [default: sample data]
        #[arg(long, value_name = "FILE.json")]
        data: Option<PathBuf>,
        /// Who sends it [default: sendgrid when SENDGRID_API_KEY is set, else smtp]
        #[arg(long, value_enum)]
        provider: Option<ProviderArg>,
        /// SendGrid's sandbox mode: the request is checked, nothing is delivered
        #[arg(long)]
        sandbox: bool,
    },
    /// Render a template to stdout without sending it
    Preview {
        /// The template (`platctl email templates` lists them)
        #[arg(long)]
        template: String,
        /// A JSON object with the template's variables [default: sample data]
        #[arg(long, value_name = "FILE.json")]
        data: Option<PathBuf>,
        /// What to show: the HTML part, the text part, or the whole MIME message
        #[arg(long, value_enum, default_value = "html")]
        format: PreviewFormatArg,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProviderArg {
    /// SendGrid's Mail Send API (SENDGRID_API_KEY)
    Sendgrid,
    /// The relay of SMTP_URL
    Smtp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PreviewFormatArg {
    Html,
    Text,
    Eml,
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address and port to listen on
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8088")]
    pub listen: std::net::SocketAddr,
    /// Request log lines as text for people, or JSON for collectors
    #[arg(long, value_enum, value_name = "FORMAT", default_value = "text")]
    pub log_format: LogFormat,
    /// A request's time limit (backups, restore tests and exports stream instead, without one)
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = parse_duration)]
    pub request_timeout: std::time::Duration,
    /// After SIGTERM, how long requests and operations in flight may take to finish, all
    /// together (then streams are told the server is shutting down)
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = parse_duration)]
    pub shutdown_timeout: std::time::Duration,
    /// Serve HTTPS with this certificate chain (PEM); needs --tls-key
    #[arg(long, value_name = "FILE", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// The private key (PEM) of --tls-cert
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct HealthArgs {
    /// The checks to run, comma-separated [default: all]
    #[arg(long, value_delimiter = ',', value_name = "CHECK",
          value_parser = clap::builder::PossibleValuesParser::new(crate::proto::health::CHECKS))]
    pub check: Vec<String>,
    /// `nagios`: the plugin output line with perfdata, then a line per check
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<HealthFormat>,
    /// Each check's time limit
    #[arg(long, value_name = "DURATION", default_value = "5s", value_parser = parse_duration)]
    pub timeout: std::time::Duration,
    /// Warn below this much free disk space, percent
    #[arg(long, value_name = "PERCENT", default_value_t = 10.0)]
    pub disk_warning: f64,
    /// Critical below this much free disk space, percent
    #[arg(long, value_name = "PERCENT", default_value_t = 5.0)]
    pub disk_critical: f64,
    /// Warn below this much available memory, percent
    #[arg(long, value_name = "PERCENT", default_value_t = 10.0)]
    pub memory_warning: f64,
    /// Critical below this much available memory, percent
    #[arg(long, value_name = "PERCENT", default_value_t = 5.0)]
    pub memory_critical: f64,
    /// Warn when the newest good backup is older than this
    #[arg(long, value_name = "DURATION", default_value = "26h", value_parser = parse_duration)]
    pub backup_warning: std::time::Duration,
    /// Critical when the newest good backup is older than this
    #[arg(long, value_name = "DURATION", default_value = "50h", value_parser = parse_duration)]
    pub backup_critical: std::time::Duration,
    /// Warn about API keys expiring within this
    #[arg(long, value_name = "DURATION", default_value = "7d", value_parser = parse_duration)]
    pub key_expiry: std::time::Duration,
    /// Warn when the newest audit seal is older than this (when seals are in use)
    #[arg(long, value_name = "DURATION", default_value = "26h", value_parser = parse_duration)]
    pub seal_warning: std::time::Duration,
    /// With --server: ask its /health/live or /health/ready, which need no key (a
    /// Kubernetes exec probe)
    #[arg(long, value_enum)]
    pub probe: Option<Probe>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HealthFormat {
    Nagios,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Probe {
    Live,
    Ready,
}

#[derive(Debug, Clone, Args)]
pub struct LockArgs {
    /// How long to wait for another run holding the lock (e.g. 60s, 5m)
    #[arg(long, value_name = "DURATION", default_value = "60s", value_parser = parse_duration, allow_hyphen_values = true)]
    pub lock_timeout: std::time::Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
}

/// Durations like `90d`, `24h`, `30m`, `2s`, `1h 30m`; never negative, at most
/// [`crate::proto::duration::MAX_DAYS`] days (the bound the admin API applies too).
pub fn parse_duration(text: &str) -> Result<std::time::Duration, String> {
    crate::proto::duration::parse_cli(text)
}

/// RFC 3339 times, e.g. `2027-01-31T00:00:00Z` (years 0000 to 9999, as on the admin API).
pub fn parse_time(text: &str) -> Result<chrono::DateTime<chrono::Utc>, String> {
    crate::proto::time::parse(text.trim())
}

/// A point in time: a duration back from now (`90m`, `24h`, `7d`), an RFC 3339 time, or a
/// date (`2026-11-01`, midnight UTC).
pub fn parse_since(text: &str) -> Result<chrono::DateTime<chrono::Utc>, String> {
    let trimmed = text.trim();
    if let Ok(t) = crate::proto::time::parse(trimmed) {
        return Ok(t);
    }
    if let Ok(d) = chrono::NaiveDate::parse_from_str(trimmed, "%Y-%m-%d")
        && (0..=9999).contains(&chrono::Datelike::year(&d))
    {
        return Ok(d.and_time(chrono::NaiveTime::MIN).and_utc());
    }
    if trimmed.starts_with(|c: char| c.is_ascii_digit()) && !trimmed.contains('-') {
        let back = crate::proto::bounded("the duration", parse_duration(trimmed)?)?;
        return crate::local::now()
            .checked_sub_signed(back)
            .ok_or_else(|| "too far back".to_string());
    }
    Err(
        "expected a duration back from now (90m, 24h, 7d), an RFC 3339 time \
         (2026-11-01T08:00:00Z) or a date (2026-11-01)"
            .into(),
    )
}

impl Cli {
    /// The clap command, for completions and man pages.
    pub fn command() -> clap::Command {
        <Cli as clap::CommandFactory>::command()
    }
}
