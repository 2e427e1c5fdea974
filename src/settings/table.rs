//! Every setting platctl reads, said once: where it may be given, its default, whether it is a
//! secret, and the parser that checks its value. Resolution, `config show` and the README's
//! table are all derived from [`SETTINGS`]; code names a setting by its [`Key`] (or, to resolve
//! it, by its type in [`key`]), so a misspelt setting does not compile.

use std::num::NonZeroU32;
use std::path::PathBuf;
use std::time::Duration;

use super::parse;
use crate::output::Format;

/// One setting: where it may be given (highest precedence first: a flag, environment
/// variables, a key of the active profile), its default, and whether its value is a secret.
#[derive(Debug, Clone, Copy)]
pub struct SettingRow {
    pub key: Key,
    /// The name `config show` uses.
    pub name: &'static str,
    pub flag: Option<&'static str>,
    pub env: &'static [&'static str],
    /// The key in a `[profiles.NAME]` table of config.toml.
    pub profile: Option<&'static str>,
    /// The default, as text; `None`: unset unless given.
    pub default: Option<&'static str>,
    /// Never shown: `config show` says only whether it is set.
    pub secret: bool,
    pub meaning: &'static str,
}

impl Key {
    /// This setting's row.
    pub fn row(self) -> &'static SettingRow {
        // The table lists the rows in the order of the keys' declaration.
        &SETTINGS[self as usize]
    }
}

/// A setting whose value its row's parser checks: resolving it with another's parser, or
/// getting a value of another type, cannot be written.
pub trait Parsed {
    type Value;
    const KEY: Key;
    fn parse(text: &str) -> Result<Self::Value, String>;
}

/// `Name "name": parse PARSER -> TYPE, ...` declares the setting `name`, checked by
/// `parse::PARSER`; `by hand` marks the few that `resolve` reads itself, because they decide
/// where the others are read from (the config file, the profile, the env file) or are read
/// another way (the database URL, colour).
macro_rules! settings_table {
    ($($key:ident $name:literal: $(by hand)? $(parse $parse:ident -> $ty:ty)?,
        flag $flag:expr, env [$($env:literal),*], profile $profile:expr, default $default:expr,
        secret $secret:literal, $meaning:literal;)*) => {
        /// Every setting, by name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Key {
            $($key,)*
        }

        /// Every setting platctl reads, in the order `config show` lists them.
        pub const SETTINGS: &[SettingRow] = &[$(SettingRow {
            key: Key::$key,
            name: $name,
            flag: $flag,
            env: &[$($env),*],
            profile: $profile,
            default: $default,
            secret: $secret,
            meaning: $meaning,
        },)*];

        /// The settings that are parsed, as types: `resolver.get(key::BackupEnabled, ...)`
        /// yields a `bool` checked by `parse::boolean`.
        pub mod key {
            use super::*;
            $($(
                pub struct $key;
                impl Parsed for $key {
                    type Value = $ty;
                    const KEY: Key = Key::$key;
                    fn parse(text: &str) -> Result<$ty, String> {
                        parse::$parse(text)
                    }
                }
            )?)*
        }

        /// Every parsed setting's default, checked by its parser (for the tests).
        #[cfg(test)]
        pub fn check_defaults() -> Vec<(&'static str, Result<(), String>)> {
            let mut out = Vec::new();
            $($(
                if let Some(default) = $default {
                    out.push(($name, parse::$parse(default).map(|_| ())));
                }
            )?)*
            out
        }
    };
}

settings_table! {
    ConfigFile "config_file": by hand, flag None, env ["PLATCTL_CONFIG"], profile None, default Some("~/.config/platctl/config.toml"), secret false, "path of config.toml";
    Profile "profile": by hand, flag Some("--profile"), env ["PLATCTL_PROFILE"], profile None, default Some("default"), secret false, "profile of config.toml to use (its `default_profile` otherwise)";
    EnvFile "env_file": by hand, flag Some("--env-file"), env ["PLATCTL_ENV_FILE"], profile Some("env_file"), default None, secret false, "KEY=VALUE lines read as environment (the platform's .env); real variables win";
    DatabaseUrl "database_url": by hand, flag Some("--database-url"), env ["DATABASE_URL"], profile Some("database_url"), default Some("the embedded SQLite database"), secret false, "`postgres://…`, `sqlite://…` or a path (its password is never shown)";
    DatabaseDirectUrl "database_direct_url": parse direct_url -> String, flag None, env ["DATABASE_DIRECT_URL"], profile Some("database_direct_url"), default None, secret false, "PostgreSQL itself, when `database_url` goes through a pooler in transaction mode: what needs a session of its own (`migrate run`, `backup run`, restores, `serve` hearing of changes) runs there (its password is never shown)";
    DatabasePooler "database_pooler": parse pooler -> crate::db::Pooler, flag None, env ["PLATCTL_DATABASE_POOLER"], profile Some("database_pooler"), default Some("auto"), secret false, "what stands between platctl and PostgreSQL: `auto` (found out at each connection, see Production PostgreSQL), `none`, `session` or `transaction` (a pooler handing out a server connection per transaction: PgBouncer's `pool_mode = transaction`)";
    DatabaseLockTimeout "database_lock_timeout": parse server_timeout -> Duration, flag None, env ["PLATCTL_DATABASE_LOCK_TIMEOUT"], profile Some("database_lock_timeout"), default Some("30s"), secret false, "PostgreSQL: how long a statement of platctl's waits for a lock another session holds before it fails, saying so (`0`: for ever)";
    DatabaseStatementTimeout "database_statement_timeout": parse server_timeout -> Duration, flag None, env ["PLATCTL_DATABASE_STATEMENT_TIMEOUT"], profile Some("database_statement_timeout"), default Some("1h"), secret false, "PostgreSQL: how long one statement of platctl's may run (`0`: no limit); `pg_dump` and restores are not bound by it";
    Server "server": parse server -> String, flag Some("--server"), env ["PLATCTL_SERVER"], profile Some("server"), default None, secret false, "a running `platctl serve` (`https://…`): every command runs there, as the API key's caller";
    ApiKey "api_key": parse api_key -> String, flag None, env ["PLATCTL_API_KEY"], profile None, default None, secret true, "the API key of `--server` (never on the command line)";
    ServerCaFile "server_ca_file": parse ca_file -> PathBuf, flag None, env ["PLATCTL_SERVER_CA_FILE"], profile Some("server_ca_file"), default None, secret false, "a CA certificate (PEM) that signs the `--server`'s certificate (a private CA)";
    ApiKeyFile "api_key_file": parse api_key_file -> (String, String), flag Some("--api-key-file"), env ["PLATCTL_API_KEY_FILE"], profile Some("api_key_file"), default None, secret false, "a file holding the API key of `--server` (PLATCTL_API_KEY wins)";
    Output "output": parse format -> Format, flag Some("--output"), env ["PLATCTL_OUTPUT"], profile Some("output"), default Some("table"), secret false, "table, json, ndjson or csv";
    Color "color": by hand, flag Some("--no-color"), env ["NO_COLOR"], profile Some("color"), default Some("true"), secret false, "colour on a terminal (`NO_COLOR` set, `--no-color` or `color = false` turn it off)";
    DefaultOrg "default_org": parse slug -> String, flag None, env ["PLATCTL_DEFAULT_ORG"], profile Some("default_org"), default None, secret false, "organization used when `--org` is omitted (else the only one)";
    As "as": parse email -> String, flag Some("--as"), env ["PLATCTL_AS"], profile None, default None, secret false, "act as this platform user: audited as them, limited to what their roles grant";
    ConnectTimeout "connect_timeout": parse timeout -> Duration, flag None, env ["PLATCTL_CONNECT_TIMEOUT"], profile Some("connect_timeout"), default Some("10s"), secret false, "how long to wait for the database, up to `1h`";
    Log "log": parse log_filter -> String, flag None, env ["PLATCTL_LOG"], profile None, default None, secret false, "a tracing filter for `-v` logs, e.g. `platctl=debug,sqlx=warn`";
    BackupDir "backup_dir": parse storage -> String, flag None, env ["BACKUP_DIR"], profile Some("backup_dir"), default Some("~/.local/share/platctl/backups"), secret false, "where backups go: a directory or `s3://BUCKET/PREFIX` (`--storage` wins); a relative directory is relative to the env file or config.toml that names it, else to the working directory, and is always shown absolute";
    BackupEnabled "backup_enabled": parse boolean -> bool, flag None, env ["BACKUP_ENABLED"], profile Some("backup_enabled"), default Some("true"), secret false, "`false` makes `backup run` do nothing, successfully";
    BackupRetentionDays "backup_retention_days": parse days -> i64, flag None, env ["BACKUP_RETENTION_DAYS"], profile Some("backup_retention_days"), default Some("30"), secret false, "what `backup prune` keeps by default, 1 to 36500 days";
    BackupCompression "backup_compression": parse compression -> crate::backup::compress::Compression, flag None, env ["BACKUP_COMPRESSION"], profile Some("backup_compression"), default Some("gzip"), secret false, "`gzip` (what the platform's own tools expect; `gunzip` reads it) or `zstd` (faster and smaller; `zstd -d` reads it), on every core; restore reads whichever a backup used";
    BackupCompressionLevel "backup_compression_level": parse level -> u32, flag None, env ["BACKUP_COMPRESSION_LEVEL"], profile Some("backup_compression_level"), default None, secret false, "gzip 1-9 (default 5), zstd 1-19 (default 3); see the benchmark";
    BackupEncryptionRecipients "backup_encryption_recipients": parse recipients -> String, flag None, env ["BACKUP_ENCRYPTION_RECIPIENTS"], profile Some("backup_encryption_recipients"), default None, secret false, "encrypt every backup with age to these public keys: `age1...` (comma-separated) or a file of them, one per line; never a private key";
    BackupEncryptionIdentityFile "backup_encryption_identity_file": parse identity_file -> PathBuf, flag None, env ["BACKUP_ENCRYPTION_IDENTITY_FILE"], profile Some("backup_encryption_identity_file"), default None, secret false, "the file of the age private key (from `age-keygen`) that reads encrypted backups: restore, `verify --restore-test`; a file only, never a value";
    PgBinDir "pg_bin_dir": parse bin_dir -> PathBuf, flag None, env ["PLATCTL_PG_BIN_DIR"], profile Some("pg_bin_dir"), default None, secret false, "directory of `pg_dump` when the right version is not found by itself; it must exist";
    AuditSigningKeyFile "audit_signing_key_file": parse key_file -> PathBuf, flag None, env ["AUDIT_SIGNING_KEY_FILE"], profile Some("audit_signing_key_file"), default None, secret false, "Ed25519 private key (PEM, from `audit keygen`) that signs audit seals; it must exist";
    EmailFrom "email_from": parse sender -> String, flag None, env ["EMAIL_FROM"], profile Some("email_from"), default None, secret false, "the sender of test emails, `name@domain` or `Name <name@domain>`";
    EmailTemplatesDir "email_templates_dir": parse templates_dir -> PathBuf, flag None, env ["EMAIL_TEMPLATES_DIR"], profile Some("email_templates_dir"), default None, secret false, "a directory whose `NAME.subject.hbs`, `NAME.txt.hbs`, `NAME.html.hbs` replace the built-in templates' parts";
    SmtpUrl "smtp_url": parse smtp_url -> String, flag None, env ["SMTP_URL"], profile None, default None, secret false, "the SMTP relay of `email test`: `smtp://USER:PASSWORD@HOST:PORT` (STARTTLS when offered; `?tls=required` or `?tls=none`) or `smtps://` (its password is never shown)";
    SmtpCaFile "smtp_ca_file": parse ca_file -> PathBuf, flag None, env ["SMTP_CA_FILE"], profile Some("smtp_ca_file"), default None, secret false, "a CA certificate (PEM) that signs a private relay's certificate";
    SendgridApiKey "sendgrid_api_key": parse sendgrid_key -> String, flag None, env ["SENDGRID_API_KEY"], profile None, default None, secret true, "SendGrid API key (Mail Send permission) of `email test`; when set, SendGrid is the default provider";
    SendgridApiUrl "sendgrid_api_url": parse sendgrid_url -> String, flag None, env ["SENDGRID_API_URL"], profile Some("sendgrid_api_url"), default Some("https://api.sendgrid.com"), secret false, "SendGrid's API; `https://` (`http://` only on loopback, for a test endpoint)";
    RateLimitMax "rate_limit_max": parse rate_max -> NonZeroU32, flag None, env ["RATE_LIMIT_MAX"], profile Some("rate_limit_max"), default Some("100"), secret false, "`serve`: requests allowed per key (per address without one) in each `RATE_LIMIT_TTL`";
    RateLimitTtl "rate_limit_ttl": parse rate_ttl -> Duration, flag None, env ["RATE_LIMIT_TTL"], profile Some("rate_limit_ttl"), default Some("60"), secret false, "`serve`: the rate limit's window, in seconds";
    KeyConfirmWithin "key_confirm_within": parse confirm_within -> Duration, flag None, env ["KEY_CONFIRM_WITHIN"], profile Some("key_confirm_within"), default Some("10m"), secret false, "`serve`: a key made over the admin API expires unless its caller confirms having it within this (`1s` to `1d`)";
    RateLimitAuthFailures "rate_limit_auth_failures": parse rate_max -> NonZeroU32, flag None, env ["RATE_LIMIT_AUTH_FAILURES"], profile Some("rate_limit_auth_failures"), default Some("5"), secret false, "`serve`: failed authentications looked at from one address in any 60 seconds (then 429 until the oldest is 60 s old)";
    RateLimitStore "rate_limit_store": parse limit_store -> crate::serve::LimitStore, flag None, env ["PLATCTL_RATE_LIMIT_STORE"], profile Some("rate_limit_store"), default Some("auto"), secret false, "`serve`: where request quotas and failed authentications are counted: `database` (shared by every replica on the database: PostgreSQL only), `process` (each replica its own: one replica, or SQLite) or `auto` (`database` on PostgreSQL, `process` on SQLite)";
    ReplicaId "replica_id": parse replica_id -> String, flag None, env ["PLATCTL_REPLICA_ID"], profile None, default None, secret false, "`serve`: this replica's name in `/health`, `/metrics`, the `X-Platctl-Replica` header and the locks it holds (letters, digits, `.`, `-`, `_`, `:`; at most 64); `HOST:PORT` of its listening socket when unset";
    MaxConnections "max_connections": parse connections -> usize, flag None, env ["PLATCTL_MAX_CONNECTIONS"], profile Some("max_connections"), default Some("512"), secret false, "`serve`: connections open at once, 1 to 1000000; past it, the oldest that has sent nothing is closed for a new one. Keep it below the open-file limit (`ulimit -n`)";
    CorsOrigin "cors_origin": parse cors -> String, flag None, env ["CORS_ORIGIN"], profile Some("cors_origin"), default None, secret false, "`serve`: origins browsers may call the API from (comma-separated, or `*`); none when unset";
    TrustedProxies "trusted_proxies": parse networks -> Vec<ipnet::IpNet>, flag None, env ["PLATCTL_TRUSTED_PROXIES"], profile Some("trusted_proxies"), default None, secret false, "`serve`: proxies (addresses or CIDRs, comma-separated) whose `X-Forwarded-For` names the client";
    SentryDsn "sentry_dsn": parse sentry_dsn -> String, flag None, env ["SENTRY_DSN"], profile None, default None, secret true, "`serve`: report 5xx answers and panics to Sentry (request id, route, method, version; never a key, header or body); nothing is sent when unset";
    S3EndpointUrl "s3_endpoint_url": parse endpoint -> String, flag None, env ["AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"], profile Some("s3_endpoint_url"), default None, secret false, "an S3-compatible endpoint (MinIO, Ceph, R2): path-style addressing";
    S3PartSize "s3_part_size": parse part_size -> usize, flag None, env ["BACKUP_S3_PART_SIZE"], profile Some("s3_part_size"), default Some("8MiB"), secret false, "S3 multipart part size, `5MiB` to `5GiB`";
    S3ServerSideEncryption "s3_server_side_encryption": parse sse -> String, flag None, env ["BACKUP_S3_SSE"], profile Some("s3_server_side_encryption"), default None, secret false, "S3 server-side encryption asked for every object platctl writes: `AES256` (SSE-S3) or `aws:kms` (SSE-KMS); recorded in the manifest";
    S3SseKmsKeyId "s3_sse_kms_key_id": parse word -> String, flag None, env ["BACKUP_S3_SSE_KMS_KEY_ID"], profile Some("s3_sse_kms_key_id"), default None, secret false, "the KMS key (id, alias or ARN) for `aws:kms` (else the bucket's AWS-managed key)";
    S3Region "s3_region": parse word -> String, flag None, env ["AWS_REGION", "AWS_DEFAULT_REGION"], profile None, default None, secret false, "S3 region (else the AWS profile's, else us-east-1)";
    S3AccessKeyId "s3_access_key_id": parse word -> String, flag None, env ["AWS_ACCESS_KEY_ID"], profile None, default None, secret false, "S3 credentials, with the next two (else the AWS SDK's chain: `AWS_PROFILE`, instance roles)";
    S3SecretAccessKey "s3_secret_access_key": parse word -> String, flag None, env ["AWS_SECRET_ACCESS_KEY"], profile None, default None, secret true, "S3 secret key";
    S3SessionToken "s3_session_token": parse word -> String, flag None, env ["AWS_SESSION_TOKEN"], profile None, default None, secret true, "S3 session token, for temporary credentials";
}

/// The settings as a Markdown table (for the README).
pub fn markdown_table() -> String {
    let mut out = String::from(
        "| setting | flag | environment | profile key | default | meaning |\n| --- | --- | --- | --- | --- | --- |\n",
    );
    let code = |s: &str| format!("`{s}`");
    for r in SETTINGS {
        let env: Vec<String> = r.env.iter().map(|e| code(e)).collect();
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            r.name,
            r.flag.map(code).unwrap_or_default(),
            env.join(", "),
            r.profile.map(code).unwrap_or_default(),
            r.default.map(code).unwrap_or_default(),
            r.meaning
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_is_declared_once_and_its_default_is_valid() {
        let mut names: Vec<&str> = SETTINGS.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), SETTINGS.len());
        for (i, row) in SETTINGS.iter().enumerate() {
            assert_eq!(row.key as usize, i, "{}", row.name);
            assert_eq!(row.key.row().name, row.name);
        }
        for (name, checked) in check_defaults() {
            assert_eq!(checked, Ok(()), "the default of {name}");
        }
        // The level's default is the codec's: the words say both, as the code has them.
        let level = Key::BackupCompressionLevel.row();
        assert_eq!(level.default, None);
        for (codec, default) in [
            ("gzip", crate::backup::compress::DEFAULT_LEVEL),
            ("zstd", crate::backup::compress::DEFAULT_ZSTD_LEVEL),
        ] {
            assert!(
                level.meaning.contains(&format!("(default {default})"))
                    && level.meaning.contains(codec),
                "{}",
                level.meaning
            );
        }
        // What a connection made without the settings (a restore target's) uses.
        let default = |row: &SettingRow| parse::server_timeout(row.default.unwrap_or_default());
        assert_eq!(
            default(Key::DatabaseLockTimeout.row()),
            Ok(crate::db::DEFAULT_LOCK_TIMEOUT)
        );
        assert_eq!(
            default(Key::DatabaseStatementTimeout.row()),
            Ok(crate::db::DEFAULT_STATEMENT_TIMEOUT)
        );
    }
}
