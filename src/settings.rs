//! Settings, resolved once before any command runs: flags > environment (real variables, then
//! `--env-file`) > the active profile of `config.toml` > built-in defaults.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::cli::GlobalArgs;
use crate::error::{Error, Result};
use crate::output::{Format, Record};
use crate::redact;
use crate::text::quote;

pub const DEFAULT_PROFILE: &str = "default";
const CONFIG_FILE_NAME: &str = "config.toml";
const EMBEDDED_DB_NAME: &str = "platctl.db";

/// Where a setting's value came from; shown by `config show`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag(&'static str),
    Env(&'static str),
    EnvFile(&'static str, PathBuf),
    Profile(String),
    /// A top-level key of config.toml.
    File(&'static str),
    Default,
}

impl Source {
    /// How a value was given, for messages: `BACKUP_ENABLED=no (environment)`,
    /// `backup_enabled = false (profile \`prod\`)`, `--output json`.
    pub fn given(&self, profile_key: &str, text: &str) -> String {
        let text = quote(text);
        match self {
            Source::Flag(flag) => format!("{flag} {text}"),
            Source::Env(var) => format!("{var}={text} (environment)"),
            Source::EnvFile(var, file) => format!("{var}={text} (env file {})", file.display()),
            Source::Profile(p) => format!("{profile_key} = {text} (profile `{p}`)"),
            Source::File(key) => format!("{key} = {text} (config.toml)"),
            Source::Default => format!("{text} (default)"),
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(flag) => write!(f, "flag {flag}"),
            Source::Env(var) => write!(f, "env {var}"),
            Source::EnvFile(var, file) => write!(f, "env-file {} ({var})", file.display()),
            Source::Profile(p) => write!(f, "profile {p}"),
            Source::File(key) => write!(f, "config.toml {key}"),
            Source::Default => f.write_str("default"),
        }
    }
}

pub use crate::db::{DatabaseTarget, SUPPORTED_SCHEMES};

/// `config.toml`.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// The profile used when neither --profile nor PLATCTL_PROFILE names one.
    pub default_profile: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub database_url: Option<String>,
    pub output: Option<Format>,
    pub default_org: Option<String>,
    pub env_file: Option<PathBuf>,
    pub color: Option<bool>,
    /// Where backups go: a directory or s3://BUCKET/PREFIX.
    pub backup_dir: Option<String>,
    pub backup_enabled: Option<bool>,
    pub backup_retention_days: Option<i64>,
    /// gzip level of backups, 1-9 (BACKUP_COMPRESSION_LEVEL wins).
    pub backup_compression_level: Option<u32>,
    /// Where pg_dump lives, when it is not the server's major version on PATH.
    pub pg_bin_dir: Option<PathBuf>,
    /// The Ed25519 private key (PKCS#8 PEM) that signs audit seals.
    pub audit_signing_key_file: Option<PathBuf>,
    /// The sender of test emails (EMAIL_FROM wins).
    pub email_from: Option<String>,
    /// A directory of templates overriding the built-in ones (EMAIL_TEMPLATES_DIR wins).
    pub email_templates_dir: Option<PathBuf>,
    /// A CA certificate (PEM) for a private SMTP relay (SMTP_CA_FILE wins). The relay itself,
    /// with its password, comes from SMTP_URL in the environment only.
    pub smtp_ca_file: Option<PathBuf>,
    /// SendGrid's API (SENDGRID_API_URL wins). The key comes from SENDGRID_API_KEY in the
    /// environment only.
    pub sendgrid_api_url: Option<String>,
    /// A `platctl serve` to run commands on (PLATCTL_SERVER, --server win).
    pub server: Option<String>,
    /// A file holding the API key for `server` (PLATCTL_API_KEY, --api-key-file win).
    pub api_key_file: Option<PathBuf>,
    /// A CA certificate for `server` (PLATCTL_SERVER_CA_FILE wins).
    pub server_ca_file: Option<PathBuf>,
    /// `serve`'s rate limit (RATE_LIMIT_MAX, RATE_LIMIT_TTL win).
    pub rate_limit_max: Option<u32>,
    pub rate_limit_ttl: Option<u64>,
    pub rate_limit_auth_failures: Option<u32>,
    /// How long a key made over the admin API waits to be confirmed (KEY_CONFIRM_WITHIN wins).
    pub key_confirm_within: Option<String>,
    /// `serve`'s bound on open connections (PLATCTL_MAX_CONNECTIONS wins).
    pub max_connections: Option<u32>,
    /// `serve`'s CORS origins (CORS_ORIGIN wins).
    pub cors_origin: Option<String>,
    /// `serve`'s trusted proxies (PLATCTL_TRUSTED_PROXIES wins).
    pub trusted_proxies: Option<String>,
    /// How long to wait for the database, e.g. `10s` (PLATCTL_CONNECT_TIMEOUT wins).
    pub connect_timeout: Option<String>,
    /// An S3-compatible endpoint for backups (AWS_ENDPOINT_URL_S3 wins).
    pub s3_endpoint_url: Option<String>,
    /// S3 multipart part size for backups (BACKUP_S3_PART_SIZE wins).
    pub s3_part_size: Option<String>,
}

/// The environment as platctl sees it: real variables, then those of `--env-file`.
#[derive(Debug, Default, Clone)]
pub struct Env {
    file: HashMap<String, String>,
    file_path: Option<PathBuf>,
}

impl Env {
    fn load(path: Option<PathBuf>) -> Result<Self> {
        let Some(path) = path else {
            return Ok(Env::default());
        };
        let file = read_env_file(&path)?;
        Ok(Env {
            file,
            file_path: Some(path),
        })
    }

    /// A non-empty value and where it came from.
    pub fn lookup(&self, key: &'static str) -> Option<(String, Source)> {
        if let Ok(value) = std::env::var(key)
            && !value.is_empty()
        {
            return Some((value, Source::Env(key)));
        }
        match (self.file.get(key), &self.file_path) {
            (Some(value), Some(path)) if !value.is_empty() => {
                Some((value.clone(), Source::EnvFile(key, path.clone())))
            }
            _ => None,
        }
    }

    pub fn get(&self, key: &'static str) -> Option<String> {
        self.lookup(key).map(|(v, _)| v)
    }
}

fn read_env_file(path: &Path) -> Result<HashMap<String, String>> {
    let iter = dotenvy::from_path_iter(path).map_err(|e| match e {
        dotenvy::Error::Io(io) => {
            Error::config(format!("cannot read the env file {}", path.display())).with_source(io)
        }
        other => Error::config(format!(
            "cannot read the env file {}: {other}",
            path.display()
        )),
    })?;
    let mut vars = HashMap::new();
    for item in iter {
        match item {
            // The first occurrence wins, as in the platform's own loader.
            Ok((key, value)) => {
                vars.entry(key).or_insert(value);
            }
            Err(dotenvy::Error::LineParse(line, _)) => {
                // Never echo the line: it may hold a secret.
                let number = std::fs::read_to_string(path)
                    .ok()
                    .and_then(|text| text.lines().position(|l| l.contains(line.trim())))
                    .map(|i| format!(" line {}", i + 1))
                    .unwrap_or_default();
                return Err(Error::config(format!(
                    "cannot parse the env file {}{number}: expected KEY=VALUE",
                    path.display()
                ))
                .with_hint("values may be quoted: KEY=\"a value\"; comments start with #"));
            }
            Err(other) => {
                return Err(Error::config(format!(
                    "cannot read the env file {}: {other}",
                    path.display()
                )));
            }
        }
    }
    Ok(vars)
}

/// A setting's value, where it came from, and the text it was given as (for messages).
#[derive(Debug, Clone)]
pub struct Resolved<T> {
    pub value: T,
    pub source: Source,
    pub text: String,
}

impl<T> Resolved<T> {
    fn default(value: T, text: &str) -> Self {
        Resolved {
            value,
            source: Source::Default,
            text: text.to_string(),
        }
    }
}

/// Everything a command needs to know about how it was asked to run.
#[derive(Debug)]
pub struct Settings {
    pub profile: String,
    pub profile_source: Source,
    pub config_file: PathBuf,
    pub config_exists: bool,
    pub profiles: Vec<String>,
    pub database: DatabaseTarget,
    pub database_source: Source,
    pub embedded_database: PathBuf,
    pub format: Format,
    pub format_source: Source,
    pub default_org: Option<(String, Source)>,
    pub act_as: Option<String>,
    pub quiet: bool,
    pub verbose: u8,
    pub color_stdout: bool,
    pub color_stderr: bool,
    pub yes: bool,
    /// A person can answer prompts: stdin and stderr are terminals.
    pub interactive: bool,
    pub backup_dir: Resolved<String>,
    pub backup_enabled: Resolved<bool>,
    pub backup_retention_days: Resolved<i64>,
    pub backup_compression_level: Resolved<u32>,
    pub pg_bin_dir: Option<Resolved<PathBuf>>,
    pub audit_signing_key_file: Option<Resolved<PathBuf>>,
    pub email_from: Option<Resolved<String>>,
    pub email_templates_dir: Option<Resolved<PathBuf>>,
    pub smtp_url: Option<Resolved<String>>,
    pub smtp_ca_file: Option<Resolved<PathBuf>>,
    pub sendgrid_api_key: Option<Resolved<String>>,
    pub sendgrid_api_url: Option<Resolved<String>>,
    pub server: Option<Resolved<String>>,
    pub server_ca_file: Option<Resolved<PathBuf>>,
    /// The API key for `server`: from PLATCTL_API_KEY, or read from the key file.
    pub api_key: Option<Resolved<String>>,
    pub rate_limit_max: Resolved<std::num::NonZeroU32>,
    pub rate_limit_ttl: Resolved<Duration>,
    pub rate_limit_auth_failures: Resolved<std::num::NonZeroU32>,
    pub key_confirm_within: Resolved<Duration>,
    pub max_connections: Resolved<usize>,
    pub cors_origin: Option<Resolved<String>>,
    pub trusted_proxies: Option<Resolved<Vec<ipnet::IpNet>>>,
    /// An S3-compatible endpoint (AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, profile).
    pub s3_endpoint_url: Option<Resolved<String>>,
    pub s3_part_size: Option<Resolved<usize>>,
    pub connect_timeout: Resolved<Duration>,
    /// A tracing filter (PLATCTL_LOG), already checked.
    pub log_filter: Option<Resolved<String>>,
    pub s3_region: Option<String>,
    pub s3_credentials: Option<crate::backup::storage::S3Credentials>,
    /// What `config show` lists of the settings resolved one by one: value (masked when
    /// secret) and source.
    shown: Vec<(&'static str, String, Source)>,
    /// Whether colour is allowed (before asking the terminal), and why.
    color: (String, String),
    pub env: Env,
    /// Things the operator should know about their configuration.
    pub warnings: Vec<String>,
}

impl Settings {
    /// How to reach S3 storage: the endpoint and part size as resolved, the region and the
    /// credentials from the environment (or the env file); without them the AWS SDK's own
    /// chain applies (AWS_PROFILE, instance roles).
    pub fn s3_options(&self) -> crate::backup::storage::S3Options {
        crate::backup::storage::S3Options {
            endpoint: self.s3_endpoint_url.as_ref().map(|u| u.value.clone()),
            region: self.s3_region.clone(),
            credentials: self.s3_credentials.clone(),
            part_size: self.s3_part_size.as_ref().map(|p| p.value),
        }
    }
}

/// The allowed values of each setting, said once: used by the checks and their messages.
pub const RETENTION_DAYS_MAX: i64 = 36_500;
pub const COMPRESSION_LEVELS: std::ops::RangeInclusive<u32> = 1..=9;
pub const S3_PART_SIZE_MIN: usize = 5 << 20;
pub const S3_PART_SIZE_MAX: usize = 5 << 30;

/// One setting: where it may be given (highest precedence first: a flag, environment
/// variables, a key of the active profile), its default, and whether its value is a secret.
/// Resolution, `config show` and the README's table are all derived from [`SETTINGS`].
#[derive(Debug, Clone, Copy)]
pub struct SettingRow {
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

macro_rules! settings_table {
    ($($name:literal: flag $flag:expr, env [$($env:literal),*], profile $profile:expr, default $default:expr, secret $secret:literal, $meaning:literal;)*) => {
        /// Every setting platctl reads, in the order `config show` lists them.
        pub const SETTINGS: &[SettingRow] = &[$(SettingRow {
            name: $name,
            flag: $flag,
            env: &[$($env),*],
            profile: $profile,
            default: $default,
            secret: $secret,
            meaning: $meaning,
        },)*];
    };
}

settings_table! {
    "config_file": flag None, env ["PLATCTL_CONFIG"], profile None, default Some("~/.config/platctl/config.toml"), secret false, "path of config.toml";
    "profile": flag Some("--profile"), env ["PLATCTL_PROFILE"], profile None, default Some("default"), secret false, "profile of config.toml to use (its `default_profile` otherwise)";
    "env_file": flag Some("--env-file"), env ["PLATCTL_ENV_FILE"], profile Some("env_file"), default None, secret false, "KEY=VALUE lines read as environment (the platform's .env); real variables win";
    "database_url": flag Some("--database-url"), env ["DATABASE_URL"], profile Some("database_url"), default Some("the embedded SQLite database"), secret false, "`postgres://…`, `sqlite://…` or a path (its password is never shown)";
    "server": flag Some("--server"), env ["PLATCTL_SERVER"], profile Some("server"), default None, secret false, "a running `platctl serve` (`https://…`): every command runs there, as the API key's caller";
    "api_key": flag None, env ["PLATCTL_API_KEY"], profile None, default None, secret true, "the API key of `--server` (never on the command line)";
    "server_ca_file": flag None, env ["PLATCTL_SERVER_CA_FILE"], profile Some("server_ca_file"), default None, secret false, "a CA certificate (PEM) that signs the `--server`'s certificate (a private CA)";
    "api_key_file": flag Some("--api-key-file"), env ["PLATCTL_API_KEY_FILE"], profile Some("api_key_file"), default None, secret false, "a file holding the API key of `--server` (PLATCTL_API_KEY wins)";
    "output": flag Some("--output"), env ["PLATCTL_OUTPUT"], profile Some("output"), default Some("table"), secret false, "table, json, ndjson or csv";
    "color": flag Some("--no-color"), env ["NO_COLOR"], profile Some("color"), default Some("true"), secret false, "colour on a terminal (`NO_COLOR` set, `--no-color` or `color = false` turn it off)";
    "default_org": flag None, env ["PLATCTL_DEFAULT_ORG"], profile Some("default_org"), default None, secret false, "organization used when `--org` is omitted (else the only one)";
    "as": flag Some("--as"), env ["PLATCTL_AS"], profile None, default None, secret false, "act as this platform user: audited as them, limited to what their roles grant";
    "connect_timeout": flag None, env ["PLATCTL_CONNECT_TIMEOUT"], profile Some("connect_timeout"), default Some("10s"), secret false, "how long to wait for the database, up to `1h`";
    "log": flag None, env ["PLATCTL_LOG"], profile None, default None, secret false, "a tracing filter for `-v` logs, e.g. `platctl=debug,sqlx=warn`";
    "backup_dir": flag None, env ["BACKUP_DIR"], profile Some("backup_dir"), default Some("./backups"), secret false, "where backups go: a directory or `s3://BUCKET/PREFIX` (`--storage` wins)";
    "backup_enabled": flag None, env ["BACKUP_ENABLED"], profile Some("backup_enabled"), default Some("true"), secret false, "`false` makes `backup run` do nothing, successfully";
    "backup_retention_days": flag None, env ["BACKUP_RETENTION_DAYS"], profile Some("backup_retention_days"), default Some("30"), secret false, "what `backup prune` keeps by default, 1 to 36500 days";
    "backup_compression_level": flag None, env ["BACKUP_COMPRESSION_LEVEL"], profile Some("backup_compression_level"), default Some("5"), secret false, "gzip level 1-9 (see the benchmark)";
    "pg_bin_dir": flag None, env ["PLATCTL_PG_BIN_DIR"], profile Some("pg_bin_dir"), default None, secret false, "directory of `pg_dump` when the right version is not found by itself; it must exist";
    "audit_signing_key_file": flag None, env ["AUDIT_SIGNING_KEY_FILE"], profile Some("audit_signing_key_file"), default None, secret false, "Ed25519 private key (PEM, from `audit keygen`) that signs audit seals; it must exist";
    "email_from": flag None, env ["EMAIL_FROM"], profile Some("email_from"), default None, secret false, "the sender of test emails, `name@domain` or `Name <name@domain>`";
    "email_templates_dir": flag None, env ["EMAIL_TEMPLATES_DIR"], profile Some("email_templates_dir"), default None, secret false, "a directory whose `NAME.subject.hbs`, `NAME.txt.hbs`, `NAME.html.hbs` replace the built-in templates' parts";
    "smtp_url": flag None, env ["SMTP_URL"], profile None, default None, secret false, "the SMTP relay of `email test`: `smtp://USER:PASSWORD@HOST:PORT` (STARTTLS when offered; `?tls=required` or `?tls=none`) or `smtps://` (its password is never shown)";
    "smtp_ca_file": flag None, env ["SMTP_CA_FILE"], profile Some("smtp_ca_file"), default None, secret false, "a CA certificate (PEM) that signs a private relay's certificate";
    "sendgrid_api_key": flag None, env ["SENDGRID_API_KEY"], profile None, default None, secret true, "SendGrid API key (Mail Send permission) of `email test`; when set, SendGrid is the default provider";
    "sendgrid_api_url": flag None, env ["SENDGRID_API_URL"], profile Some("sendgrid_api_url"), default Some("https://api.sendgrid.com"), secret false, "SendGrid's API; `https://` (`http://` only on loopback, for a test endpoint)";
    "rate_limit_max": flag None, env ["RATE_LIMIT_MAX"], profile Some("rate_limit_max"), default Some("100"), secret false, "`serve`: requests allowed per key (per address without one) in each `RATE_LIMIT_TTL`";
    "rate_limit_ttl": flag None, env ["RATE_LIMIT_TTL"], profile Some("rate_limit_ttl"), default Some("60"), secret false, "`serve`: the rate limit's window, in seconds";
    "key_confirm_within": flag None, env ["KEY_CONFIRM_WITHIN"], profile Some("key_confirm_within"), default Some("10m"), secret false, "`serve`: a key made over the admin API expires unless its caller confirms having it within this (`1s` to `1d`)";
    "rate_limit_auth_failures": flag None, env ["RATE_LIMIT_AUTH_FAILURES"], profile Some("rate_limit_auth_failures"), default Some("5"), secret false, "`serve`: failed authentications looked at from one address in any 60 seconds (then 429 until the oldest is 60 s old)";
    "max_connections": flag None, env ["PLATCTL_MAX_CONNECTIONS"], profile Some("max_connections"), default Some("512"), secret false, "`serve`: connections open at once, 1 to 1000000; past it, the oldest that has sent nothing is closed for a new one. Keep it below the open-file limit (`ulimit -n`)";
    "cors_origin": flag None, env ["CORS_ORIGIN"], profile Some("cors_origin"), default None, secret false, "`serve`: origins browsers may call the API from (comma-separated, or `*`); none when unset";
    "trusted_proxies": flag None, env ["PLATCTL_TRUSTED_PROXIES"], profile Some("trusted_proxies"), default None, secret false, "`serve`: proxies (addresses or CIDRs, comma-separated) whose `X-Forwarded-For` names the client";
    "s3_endpoint_url": flag None, env ["AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"], profile Some("s3_endpoint_url"), default None, secret false, "an S3-compatible endpoint (MinIO, Ceph, R2): path-style addressing";
    "s3_part_size": flag None, env ["BACKUP_S3_PART_SIZE"], profile Some("s3_part_size"), default Some("8MiB"), secret false, "S3 multipart part size, `5MiB` to `5GiB`";
    "s3_region": flag None, env ["AWS_REGION", "AWS_DEFAULT_REGION"], profile None, default None, secret false, "S3 region (else the AWS profile's, else us-east-1)";
    "s3_access_key_id": flag None, env ["AWS_ACCESS_KEY_ID"], profile None, default None, secret false, "S3 credentials, with the next two (else the AWS SDK's chain: `AWS_PROFILE`, instance roles)";
    "s3_secret_access_key": flag None, env ["AWS_SECRET_ACCESS_KEY"], profile None, default None, secret true, "S3 secret key";
    "s3_session_token": flag None, env ["AWS_SESSION_TOKEN"], profile None, default None, secret true, "S3 session token, for temporary credentials";
}

/// The row of the setting `name`.
fn row(name: &str) -> &'static SettingRow {
    SETTINGS
        .iter()
        .find(|r| r.name == name)
        .unwrap_or(&SETTINGS[0])
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

/// A setting's row, with the values its flag and its profile key were given.
struct Spec {
    row: &'static SettingRow,
    flag: Option<String>,
    profile: Option<String>,
}

impl Spec {
    fn of(name: &str) -> Spec {
        Spec {
            row: row(name),
            flag: None,
            profile: None,
        }
    }
    fn flag(mut self, value: Option<String>) -> Spec {
        self.flag = value;
        self
    }
    fn profile(mut self, value: Option<String>) -> Spec {
        self.profile = value;
        self
    }
}

/// Resolves settings one way, whatever their source: the first value found (flag >
/// environment > profile) is checked by the setting's parser, and an invalid one is an error
/// that names where it came from and what is allowed. `lenient` (for `config` commands, which
/// must work to show a broken configuration) turns those errors into warnings.
struct Resolver<'a> {
    env: &'a Env,
    profile: &'a str,
    config_file: &'a Path,
    lenient: bool,
    warnings: Vec<String>,
    /// What `config show` lists: each setting's value (masked when secret) and source.
    shown: Vec<(&'static str, String, Source)>,
}

impl Resolver<'_> {
    fn get<T>(
        &mut self,
        spec: Spec,
        parse: impl Fn(&str) -> std::result::Result<T, String>,
    ) -> Result<Option<Resolved<T>>> {
        let row = spec.row;
        let found = if let (Some(text), Some(flag)) = (spec.flag, row.flag) {
            Some((text, Source::Flag(flag), flag.to_string()))
        } else if let Some((text, source, key)) = row
            .env
            .iter()
            .find_map(|key| self.env.lookup(key).map(|(v, s)| (v, s, key)))
        {
            Some((text, source, (*key).to_string()))
        } else {
            spec.profile.zip(row.profile).map(|(text, key)| {
                (
                    text,
                    Source::Profile(self.profile.to_string()),
                    key.to_string(),
                )
            })
        };
        let resolved = self.check(found, parse)?;
        let shown = match &resolved {
            Some(r) if row.secret => ("(set)".to_string(), r.source.clone()),
            Some(r) => (r.text.clone(), r.source.clone()),
            None => (row.default.unwrap_or("").to_string(), Source::Default),
        };
        self.shown.push((row.name, shown.0, shown.1));
        Ok(resolved)
    }

    /// Like [`Resolver::get`], falling back on the row's default.
    fn get_or_default<T>(
        &mut self,
        spec: Spec,
        parse: impl Fn(&str) -> std::result::Result<T, String>,
    ) -> Result<Resolved<T>> {
        let default = spec.row.default.unwrap_or("");
        match self.get(spec, &parse)? {
            Some(r) => Ok(r),
            None => parse(default)
                .map(|value| Resolved::default(value, default))
                .map_err(|e| Error::internal(format!("the default {default:?} is invalid: {e}"))),
        }
    }

    fn check<T>(
        &mut self,
        found: Option<(String, Source, String)>,
        parse: impl Fn(&str) -> std::result::Result<T, String>,
    ) -> Result<Option<Resolved<T>>> {
        let Some((text, source, key)) = found else {
            return Ok(None);
        };
        match parse(&text) {
            Ok(value) => Ok(Some(Resolved {
                value,
                source,
                text,
            })),
            Err(reason) => {
                let mut given = source.given(&key, &text);
                if let Source::Profile(_) = source {
                    given = format!("{given} in {}", self.config_file.display());
                }
                let message = format!("{given} is not valid: {reason}");
                if self.lenient {
                    self.warnings
                        .push(format!("{message}; the default is used instead"));
                    Ok(None)
                } else {
                    Err(Error::config(message))
                }
            }
        }
    }
}

fn parse_days(text: &str) -> std::result::Result<i64, String> {
    text.trim()
        .parse::<i64>()
        .ok()
        .filter(|d| (1..=RETENTION_DAYS_MAX).contains(d))
        .ok_or_else(|| format!("expected a whole number of days from 1 to {RETENTION_DAYS_MAX}"))
}

fn parse_bool(text: &str) -> std::result::Result<bool, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err("expected true or false (also yes/no, on/off, 1/0)".into()),
    }
}

fn parse_level(text: &str) -> std::result::Result<u32, String> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|l| COMPRESSION_LEVELS.contains(l))
        .ok_or_else(|| {
            format!(
                "expected a gzip level from {} (fastest) to {} (smallest)",
                COMPRESSION_LEVELS.start(),
                COMPRESSION_LEVELS.end()
            )
        })
}

fn parse_part_size(text: &str) -> std::result::Result<usize, String> {
    let size = crate::backup::storage::parse_size(text)?;
    if (S3_PART_SIZE_MIN..=S3_PART_SIZE_MAX).contains(&size) {
        Ok(size)
    } else {
        Err("expected a size from 5MiB (the S3 minimum) to 5GiB, e.g. 16MiB".into())
    }
}

fn parse_timeout(text: &str) -> std::result::Result<Duration, String> {
    match crate::cli::parse_duration(text) {
        Ok(d) if d.is_zero() => Err("the wait must be longer than zero, e.g. 10s".into()),
        Ok(d) if d > Duration::from_secs(3600) => Err("at most 1h".into()),
        other => other,
    }
}

fn parse_bin_dir(text: &str) -> std::result::Result<PathBuf, String> {
    let dir = PathBuf::from(text);
    if dir.is_dir() {
        Ok(dir)
    } else {
        Err(
            "no such directory; it should hold pg_dump of the server's major version, e.g. \
             /usr/lib/postgresql/16/bin"
                .into(),
        )
    }
}

fn parse_sender(text: &str) -> std::result::Result<String, String> {
    crate::email::mailbox(text, "the sender")
        .map(|_| text.trim().to_string())
        .map_err(|_| "expected name@domain or `Name <name@domain>`".to_string())
}

fn parse_templates_dir(text: &str) -> std::result::Result<PathBuf, String> {
    let dir = PathBuf::from(text);
    if dir.is_dir() {
        Ok(dir)
    } else {
        Err("no such directory".into())
    }
}

fn parse_smtp_url(text: &str) -> std::result::Result<String, String> {
    // Its password is masked wherever it might turn up.
    redact::register_url(text);
    let lower = text.trim().to_ascii_lowercase();
    if lower.starts_with("smtp://") || lower.starts_with("smtps://") {
        Ok(text.trim().to_string())
    } else {
        Err("expected smtp://[USER:PASSWORD@]HOST[:PORT] or smtps://...".into())
    }
}

fn parse_sendgrid_key(text: &str) -> std::result::Result<String, String> {
    // Masked wherever it might turn up, from the moment it is read.
    redact::register(text.trim());
    parse_word(text).map_err(|_| "expected a SendGrid API key (SG.…), without spaces".into())
}

/// `https://…`; `http://` only for a loopback endpoint (the key would cross the network in
/// the clear).
fn parse_sendgrid_url(text: &str) -> std::result::Result<String, String> {
    let url = url::Url::parse(text.trim()).map_err(|e| format!("not a URL ({e})"))?;
    let loopback = match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    match url.scheme() {
        "https" => {}
        "http" if loopback => {}
        "http" => {
            return Err(
                "plain http would send the API key in the clear; use https:// (http:// is \
                 accepted on loopback only)"
                    .into(),
            );
        }
        other => return Err(format!("the scheme `{other}` is not https")),
    }
    if url.query().is_some() || !url.username().is_empty() {
        return Err("expected the API's base URL, e.g. https://api.sendgrid.com".into());
    }
    Ok(text.trim().trim_end_matches('/').to_string())
}

fn parse_server(text: &str) -> std::result::Result<String, String> {
    let url = url::Url::parse(text.trim()).map_err(|e| format!("not a URL ({e})"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!(
            "the scheme `{}` is not http or https; expected e.g. https://admin.acme.io",
            url.scheme()
        ));
    }
    if url.host_str().is_none() || url.query().is_some() || !url.username().is_empty() {
        return Err("expected scheme, host, port and at most a path".into());
    }
    Ok(text.trim().trim_end_matches('/').to_string())
}

fn parse_api_key(text: &str) -> std::result::Result<String, String> {
    let key = text.trim();
    redact::register(key);
    if key.is_empty() || key.chars().any(char::is_whitespace) {
        return Err("expected an API key (sk_live_…) without spaces".into());
    }
    Ok(key.to_string())
}

/// The file's path (as given) and the key it holds.
fn parse_api_key_file(text: &str) -> std::result::Result<(String, String), String> {
    let contents = std::fs::read_to_string(text.trim())
        .map_err(|e| format!("cannot read it ({e}); it should hold one API key"))?;
    let key = parse_api_key(&contents).map_err(|e| format!("its contents: {e}"))?;
    Ok((text.trim().to_string(), key))
}

fn parse_rate_max(text: &str) -> std::result::Result<std::num::NonZeroU32, String> {
    text.trim()
        .parse::<std::num::NonZeroU32>()
        .ok()
        .filter(|n| n.get() <= 1_000_000)
        .ok_or_else(|| "expected a number of requests from 1 to 1000000".into())
}

fn parse_connections(text: &str) -> std::result::Result<usize, String> {
    text.trim()
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=1_000_000).contains(n))
        .ok_or_else(|| "expected a number of connections from 1 to 1000000".into())
}

fn parse_rate_ttl(text: &str) -> std::result::Result<Duration, String> {
    match text.trim().parse::<u64>() {
        Ok(seconds @ 1..=86_400) => Ok(Duration::from_secs(seconds)),
        _ => Err("expected a number of seconds from 1 to 86400".into()),
    }
}

fn parse_confirm_within(text: &str) -> std::result::Result<Duration, String> {
    match crate::proto::duration::parse(text).ok() {
        Some(d) if (Duration::from_secs(1)..=Duration::from_secs(86_400)).contains(&d) => Ok(d),
        _ => Err("expected a duration from 1s to 1d, e.g. 10m".into()),
    }
}

fn parse_cors(text: &str) -> std::result::Result<String, String> {
    let text = text.trim();
    if text == "*" {
        return Ok(text.into());
    }
    for origin in text.split(',') {
        let url = url::Url::parse(origin.trim()).map_err(|_| {
            format!(
                "`{}` is not an origin; expected e.g. https://app.acme.io",
                origin.trim()
            )
        })?;
        if !matches!(url.scheme(), "http" | "https") || url.path() != "/" || url.query().is_some() {
            return Err(format!(
                "`{}` is not an origin (scheme, host and port only)",
                origin.trim()
            ));
        }
    }
    Ok(text.into())
}

fn parse_networks(text: &str) -> std::result::Result<Vec<ipnet::IpNet>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| {
            t.parse::<ipnet::IpNet>()
                .or_else(|_| t.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .map_err(|_| format!("`{t}` is not an address or a CIDR like 10.0.0.0/8"))
        })
        .collect()
}

fn parse_ca_file(text: &str) -> std::result::Result<PathBuf, String> {
    let file = PathBuf::from(text);
    if file.is_file() {
        Ok(file)
    } else {
        Err("no such file; it should hold a CA certificate (PEM)".into())
    }
}

fn parse_key_file(text: &str) -> std::result::Result<PathBuf, String> {
    let file = PathBuf::from(text);
    if file.is_file() {
        Ok(file)
    } else {
        Err("no such file; `platctl audit keygen --out DIR` makes a key pair".into())
    }
}

fn parse_endpoint(text: &str) -> std::result::Result<String, String> {
    let lower = text.trim().to_ascii_lowercase();
    if (lower.starts_with("http://") || lower.starts_with("https://")) && lower.len() > 8 {
        Ok(text.trim().to_string())
    } else {
        Err("expected an http:// or https:// URL, e.g. https://minio.internal:9000".into())
    }
}

fn parse_storage(text: &str) -> std::result::Result<String, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("expected a directory or s3://BUCKET/PREFIX".into());
    }
    match text.split_once("://") {
        None => Ok(text.to_string()),
        Some(("s3", rest)) if !rest.is_empty() && !rest.starts_with('/') => Ok(text.to_string()),
        Some(("s3", _)) => {
            Err("names no bucket: expected s3://BUCKET or s3://BUCKET/PREFIX".into())
        }
        Some(_) => Err("expected a directory or s3://BUCKET/PREFIX".into()),
    }
}

fn parse_log_filter(text: &str) -> std::result::Result<String, String> {
    tracing_subscriber::EnvFilter::try_new(text)
        .map(|_| text.to_string())
        .map_err(|e| format!("{e}; expected a tracing filter such as `platctl=debug,sqlx=warn`"))
}

fn parse_slug(text: &str) -> std::result::Result<String, String> {
    crate::core::orgs::validate_slug(text)
        .map(|()| text.to_string())
        .map_err(|e| e.hint().unwrap_or("not an organization slug").to_string())
}

fn parse_word(text: &str) -> std::result::Result<String, String> {
    let text = text.trim();
    if text.is_empty() || text.chars().any(char::is_whitespace) {
        Err("expected a value without spaces".into())
    } else {
        Ok(text.to_string())
    }
}

fn parse_email(text: &str) -> std::result::Result<String, String> {
    crate::proto::input::user::parse(text)
}

fn parse_format(text: &str) -> std::result::Result<Format, String> {
    <Format as clap::ValueEnum>::from_str(text.trim(), true)
        .map_err(|_| "expected table, json, ndjson or csv".to_string())
}

impl Settings {
    /// Resolve every setting. `lenient` (the `config` commands) reports invalid settings as
    /// warnings instead of failing, so that a broken configuration can be looked at.
    pub fn resolve(args: &GlobalArgs, lenient: bool) -> Result<Settings> {
        let mut warnings = Vec::new();
        // 1. The env file named on the command line or in the real environment.
        let early_env_file = args
            .env_file
            .clone()
            .or_else(|| std::env::var_os("PLATCTL_ENV_FILE").map(PathBuf::from));
        let mut env = Env::load(early_env_file.clone())?;

        // 2. The config file and the active profile.
        let config_file = match env.get("PLATCTL_CONFIG") {
            Some(path) => PathBuf::from(path),
            None => default_config_path()?,
        };
        let (config, config_exists) = load_config_file(&config_file)?;
        let (profile, profile_source) = match (&args.profile, env.lookup("PLATCTL_PROFILE")) {
            (Some(p), _) => (p.clone(), Source::Flag("--profile")),
            (None, Some((p, source))) => (p, source),
            (None, None) => match &config.default_profile {
                Some(p) => (p.clone(), Source::File("default_profile")),
                None => (DEFAULT_PROFILE.to_string(), Source::Default),
            },
        };
        let profiles: Vec<String> = config.profiles.keys().cloned().collect();
        let active = match config.profiles.get(&profile) {
            Some(p) => p.clone(),
            None if profile == DEFAULT_PROFILE => Profile::default(),
            None => {
                let hint = if profiles.is_empty() {
                    format!(
                        "{} defines no profiles; add a [profiles.{profile}] table",
                        config_file.display()
                    )
                } else {
                    crate::error::suggestion(&profile, profiles.iter().map(String::as_str))
                };
                return Err(Error::config(format!(
                    "profile {} is not defined in {}",
                    quote(&profile),
                    config_file.display()
                ))
                .with_hint(hint));
            }
        };
        let profile_src = || Source::Profile(profile.clone());

        // 3. The profile's env file, when none was named earlier.
        if early_env_file.is_none()
            && let Some(path) = &active.env_file
        {
            let path = relative_to(&config_file, path);
            match Env::load(Some(path.clone())) {
                Ok(loaded) => env = loaded,
                Err(e) => {
                    let e = Error::config(format!(
                        "env_file = {} (profile `{profile}` of {}): {}",
                        quote(&path.display().to_string()),
                        config_file.display(),
                        e.causes().first().map_or(e.message(), String::as_str)
                    ))
                    .with_hint("fix the path in config.toml, or create the file");
                    if lenient {
                        warnings.push(format!("{}; it was not read", e.message()));
                    } else {
                        return Err(e);
                    }
                }
            }
        }

        // 4. Every setting: flag > env > profile > default, each checked the same way.
        let mut r = Resolver {
            env: &env,
            profile: &profile,
            config_file: &config_file,
            lenient,
            warnings: Vec::new(),
            shown: Vec::new(),
        };
        let embedded_database = default_data_dir()?.join(EMBEDDED_DB_NAME);
        let (database_text, database_source) = if let Some(url) = &args.database_url {
            if url.contains("://") && redact::has_secret(url) {
                warnings.push(
                    "a password in --database-url is visible to other users in `ps`; \
                     set DATABASE_URL or use --env-file instead"
                        .to_string(),
                );
            }
            (Some(url.clone()), Source::Flag("--database-url"))
        } else if let Some((url, source)) = env.lookup("DATABASE_URL") {
            (Some(url), source)
        } else if let Some(url) = &active.database_url {
            (Some(url.clone()), profile_src())
        } else {
            (None, Source::Default)
        };
        if let Some(text) = &database_text {
            redact::register_url(text);
        }
        for p in config.profiles.values() {
            if let Some(url) = &p.database_url {
                redact::register_url(url);
            }
        }
        let database = match &database_text {
            Some(text) => DatabaseTarget::parse(text).map_err(|e| {
                let message = format!("{} (from {database_source})", e.message());
                let hint = e.hint().unwrap_or_default().to_string();
                Error::new(e.kind(), message).with_hint(hint)
            })?,
            None => DatabaseTarget::Sqlite {
                path: embedded_database.clone(),
            },
        };

        let format = r.get(
            Spec::of("output")
                .flag(args.output.map(|f| f.to_string()))
                .profile(active.output.map(|f| f.to_string())),
            parse_format,
        )?;
        let (format, format_source) =
            format.map_or((Format::Table, Source::Default), |f| (f.value, f.source));
        let default_org = r
            .get(
                Spec::of("default_org").profile(active.default_org.clone()),
                parse_slug,
            )?
            .map(|o| (o.value, o.source));
        let act_as = r
            .get(Spec::of("as").flag(args.act_as.clone()), parse_email)?
            .map(|a| a.value);

        let backup_dir = r.get_or_default(
            Spec::of("backup_dir").profile(active.backup_dir.clone()),
            parse_storage,
        )?;
        let backup_enabled = r.get_or_default(
            Spec::of("backup_enabled").profile(active.backup_enabled.map(|b| b.to_string())),
            parse_bool,
        )?;
        let backup_retention_days = r.get_or_default(
            Spec::of("backup_retention_days")
                .profile(active.backup_retention_days.map(|d| d.to_string())),
            parse_days,
        )?;
        let backup_compression_level = r.get_or_default(
            Spec::of("backup_compression_level")
                .profile(active.backup_compression_level.map(|l| l.to_string())),
            parse_level,
        )?;
        let pg_bin_dir = r.get(
            Spec::of("pg_bin_dir").profile(
                active
                    .pg_bin_dir
                    .as_ref()
                    .map(|d| relative_to(&config_file, d).display().to_string()),
            ),
            parse_bin_dir,
        )?;
        let audit_signing_key_file = r.get(
            Spec::of("audit_signing_key_file").profile(
                active
                    .audit_signing_key_file
                    .as_ref()
                    .map(|f| relative_to(&config_file, f).display().to_string()),
            ),
            parse_key_file,
        )?;
        let email_from = r.get(
            Spec::of("email_from").profile(active.email_from.clone()),
            parse_sender,
        )?;
        let email_templates_dir = r.get(
            Spec::of("email_templates_dir").profile(
                active
                    .email_templates_dir
                    .as_ref()
                    .map(|d| relative_to(&config_file, d).display().to_string()),
            ),
            parse_templates_dir,
        )?;
        let smtp_url = r.get(Spec::of("smtp_url"), parse_smtp_url)?;
        let smtp_ca_file = r.get(
            Spec::of("smtp_ca_file").profile(
                active
                    .smtp_ca_file
                    .as_ref()
                    .map(|f| relative_to(&config_file, f).display().to_string()),
            ),
            parse_ca_file,
        )?;
        let sendgrid_api_key = r.get(Spec::of("sendgrid_api_key"), parse_sendgrid_key)?;
        let sendgrid_api_url = r.get(
            Spec::of("sendgrid_api_url").profile(active.sendgrid_api_url.clone()),
            parse_sendgrid_url,
        )?;
        let server = r.get(
            Spec::of("server")
                .flag(args.server.clone())
                .profile(active.server.clone()),
            parse_server,
        )?;
        let server_ca_file = r.get(
            Spec::of("server_ca_file").profile(
                active
                    .server_ca_file
                    .as_ref()
                    .map(|f| relative_to(&config_file, f).display().to_string()),
            ),
            parse_ca_file,
        )?;
        let api_key_file = r.get(
            Spec::of("api_key_file")
                .flag(args.api_key_file.as_ref().map(|f| f.display().to_string()))
                .profile(
                    active
                        .api_key_file
                        .as_ref()
                        .map(|f| relative_to(&config_file, f).display().to_string()),
                ),
            parse_api_key_file,
        )?;
        let api_key = match r.get(Spec::of("api_key"), parse_api_key)? {
            Some(key) => Some(key),
            None => api_key_file.map(|f| Resolved {
                value: f.value.1,
                source: f.source,
                text: f.value.0,
            }),
        };
        let rate_limit_max = r.get_or_default(
            Spec::of("rate_limit_max").profile(active.rate_limit_max.map(|n| n.to_string())),
            parse_rate_max,
        )?;
        let rate_limit_ttl = r.get_or_default(
            Spec::of("rate_limit_ttl").profile(active.rate_limit_ttl.map(|n| n.to_string())),
            parse_rate_ttl,
        )?;
        let rate_limit_auth_failures = r.get_or_default(
            Spec::of("rate_limit_auth_failures")
                .profile(active.rate_limit_auth_failures.map(|n| n.to_string())),
            parse_rate_max,
        )?;
        let key_confirm_within = r.get_or_default(
            Spec::of("key_confirm_within").profile(active.key_confirm_within.clone()),
            parse_confirm_within,
        )?;
        let max_connections = r.get_or_default(
            Spec::of("max_connections").profile(active.max_connections.map(|n| n.to_string())),
            parse_connections,
        )?;
        let cors_origin = r.get(
            Spec::of("cors_origin").profile(active.cors_origin.clone()),
            parse_cors,
        )?;
        let trusted_proxies = r.get(
            Spec::of("trusted_proxies").profile(active.trusted_proxies.clone()),
            parse_networks,
        )?;
        let s3_endpoint_url = r.get(
            Spec::of("s3_endpoint_url").profile(active.s3_endpoint_url.clone()),
            parse_endpoint,
        )?;
        let s3_part_size = r.get(
            Spec::of("s3_part_size").profile(active.s3_part_size.clone()),
            parse_part_size,
        )?;
        let s3_region = r.get(Spec::of("s3_region"), parse_word)?;
        let s3_access_key_id = r.get(Spec::of("s3_access_key_id"), parse_word)?;
        let s3_secret_access_key = r.get(Spec::of("s3_secret_access_key"), parse_word)?;
        let s3_session_token = r.get(Spec::of("s3_session_token"), parse_word)?;
        let connect_timeout = r.get_or_default(
            Spec::of("connect_timeout").profile(active.connect_timeout.clone()),
            parse_timeout,
        )?;
        let log_filter = r.get(Spec::of("log"), parse_log_filter)?;
        warnings.append(&mut r.warnings);
        let shown = std::mem::take(&mut r.shown);

        let color_allowed =
            !args.no_color && color_allowed_by_env() && active.color.unwrap_or(true);
        let color_source = if args.no_color {
            "flag --no-color".to_string()
        } else if !color_allowed_by_env() {
            "env NO_COLOR".to_string()
        } else if active.color.is_some() {
            Source::Profile(profile.clone()).to_string()
        } else {
            "default".to_string()
        };
        let color = (color_allowed.to_string(), color_source);
        let color_stdout = color_allowed && std::io::stdout().is_terminal();
        let color_stderr = color_allowed && std::io::stderr().is_terminal();
        let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();

        Ok(Settings {
            profile,
            profile_source,
            config_file,
            config_exists,
            profiles,
            database,
            database_source,
            embedded_database,
            format,
            format_source,
            default_org,
            act_as,
            quiet: args.quiet,
            verbose: args.verbose,
            color_stdout,
            color_stderr,
            yes: args.yes,
            interactive,
            backup_dir,
            backup_enabled,
            backup_retention_days,
            backup_compression_level,
            pg_bin_dir,
            audit_signing_key_file,
            email_from,
            email_templates_dir,
            smtp_url,
            smtp_ca_file,
            sendgrid_api_key,
            sendgrid_api_url,
            server,
            server_ca_file,
            api_key,
            rate_limit_max,
            rate_limit_ttl,
            rate_limit_auth_failures,
            key_confirm_within,
            max_connections,
            cors_origin,
            trusted_proxies,
            s3_endpoint_url,
            s3_part_size,
            connect_timeout,
            log_filter,
            s3_region: s3_region.map(|r| r.value),
            s3_credentials: match (s3_access_key_id, s3_secret_access_key) {
                (Some(id), Some(secret)) => Some(crate::backup::storage::S3Credentials {
                    access_key_id: id.value,
                    secret_access_key: secret.value,
                    session_token: s3_session_token.map(|t| t.value),
                }),
                _ => None,
            },
            shown,
            color,
            env,
            warnings,
        })
    }

    /// How people should refer to where the database URL came from, in hints ("check ...").
    pub fn database_origin(&self) -> String {
        match &self.database_source {
            Source::Flag(flag) => flag.to_string(),
            Source::Env(var) => var.to_string(),
            Source::EnvFile(var, file) => format!("{var} in {}", file.display()),
            Source::Profile(p) => format!("database_url of the profile `{p}` in config.toml"),
            Source::File(key) => format!("{key} in config.toml"),
            Source::Default => "the embedded database's path".to_string(),
        }
    }

    /// True when the database is the built-in default (the embedded SQLite file).
    pub fn uses_embedded_database(&self) -> bool {
        self.database_source == Source::Default
    }

    /// The rows of `config show`.
    pub fn entries(&self) -> Vec<ConfigEntry> {
        let mut out = Vec::new();
        for row in SETTINGS {
            let entry = match row.name {
                "config_file" => ConfigEntry::new(
                    row.name,
                    self.config_file.display(),
                    if self.config_exists {
                        "exists"
                    } else {
                        "not created yet (platctl init)"
                    },
                ),
                "profile" => ConfigEntry::new(row.name, &self.profile, &self.profile_source),
                "env_file" => match &self.env.file_path {
                    Some(path) => ConfigEntry::new(row.name, path.display(), "loaded"),
                    None => ConfigEntry::new(row.name, "", "unset"),
                },
                "database_url" => {
                    out.push(ConfigEntry::new(
                        row.name,
                        self.database.display(),
                        &self.database_source,
                    ));
                    ConfigEntry::new("database_kind", self.database.kind(), &self.database_source)
                }
                "color" => ConfigEntry::new(row.name, &self.color.0, &self.color.1),
                "default_org" if self.default_org.is_none() => ConfigEntry::new(
                    row.name,
                    "",
                    "unset (the only organization, if there is one)",
                ),
                name => match self.shown.iter().find(|(n, _, _)| *n == name) {
                    Some((_, _, Source::Default)) if row.default.is_none() => {
                        ConfigEntry::new(name, "", "unset")
                    }
                    Some((_, value, source)) => ConfigEntry::new(name, value, source),
                    None => ConfigEntry::new(name, "", "unset"),
                },
            };
            out.push(entry);
        }
        out
    }
}

/// One row of `config show`.
#[derive(Debug, Serialize, Deserialize)]
pub struct ConfigEntry {
    pub setting: String,
    pub value: String,
    pub source: String,
}

impl ConfigEntry {
    fn new(setting: &str, value: impl fmt::Display, source: impl fmt::Display) -> Self {
        ConfigEntry {
            setting: setting.to_string(),
            // Values pass through the scrubber as a last line of defence.
            value: redact::scrub(&value.to_string()),
            source: source.to_string(),
        }
    }
}

impl Record for ConfigEntry {
    const COLUMNS: &'static [&'static str] = &["setting", "value", "source"];
}

/// One row of `config profiles`.
#[derive(Debug, Serialize, Deserialize)]
pub struct ProfileEntry {
    pub name: String,
    pub active: bool,
    pub database_url: Option<String>,
    pub default_org: Option<String>,
}

impl Record for ProfileEntry {
    const COLUMNS: &'static [&'static str] = &["name", "active", "database_url", "default_org"];
}

pub fn profile_entries(settings: &Settings) -> Result<Vec<ProfileEntry>> {
    let (config, _) = load_config_file(&settings.config_file)?;
    let mut out: Vec<ProfileEntry> = config
        .profiles
        .iter()
        .map(|(name, p)| ProfileEntry {
            name: name.clone(),
            active: *name == settings.profile,
            database_url: p.database_url.as_deref().map(redact::redact_url),
            default_org: p.default_org.clone(),
        })
        .collect();
    if !config.profiles.contains_key(DEFAULT_PROFILE) && settings.profile == DEFAULT_PROFILE {
        out.insert(
            0,
            ProfileEntry {
                name: DEFAULT_PROFILE.into(),
                active: true,
                database_url: None,
                default_org: None,
            },
        );
    }
    Ok(out)
}

/// Colour is allowed unless `NO_COLOR` is set (to anything but empty) or `TERM=dumb`.
pub fn color_allowed_by_env() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var("TERM").map(|t| t != "dumb").unwrap_or(true)
}

fn project_dirs() -> Result<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "platctl").ok_or_else(|| {
        Error::config("cannot determine your home directory for platctl's config and data")
            .with_hint("set HOME, or name the files with PLATCTL_CONFIG and --database-url")
    })
}

fn default_config_path() -> Result<PathBuf> {
    Ok(project_dirs()?.config_dir().join(CONFIG_FILE_NAME))
}

fn default_data_dir() -> Result<PathBuf> {
    Ok(project_dirs()?.data_dir().to_path_buf())
}

fn relative_to(config_file: &Path, path: &Path) -> PathBuf {
    if path.is_absolute() {
        return path.to_path_buf();
    }
    match config_file.parent() {
        Some(dir) => dir.join(path),
        None => path.to_path_buf(),
    }
}

fn load_config_file(path: &Path) -> Result<(ConfigFile, bool)> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok((ConfigFile::default(), false));
        }
        Err(e) => {
            return Err(Error::config(format!("cannot read {}", path.display())).with_source(e));
        }
    };
    let config: ConfigFile = toml::from_str(&text).map_err(|e| {
        let place = e
            .span()
            .map(|span| {
                let before = &text[..span.start.min(text.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                format!(" (line {line}, column {column})")
            })
            .unwrap_or_default();
        Error::config(format!(
            "{}{place} is not valid: {}",
            path.display(),
            e.message()
        ))
        .with_hint(
            "profile keys: database_url, output, default_org, env_file, color, backup_dir, \
                 backup_enabled, backup_retention_days, backup_compression_level, pg_bin_dir, \
                 audit_signing_key_file, email_from, email_templates_dir, smtp_ca_file, \
                 sendgrid_api_url, server, server_ca_file, api_key_file, rate_limit_max, rate_limit_ttl, \
                 rate_limit_auth_failures, key_confirm_within, max_connections, cors_origin, trusted_proxies, \
                 s3_endpoint_url, s3_part_size, connect_timeout; see the README's Configuration \
                 section",
        )
    })?;
    Ok((config, true))
}

pub const CONFIG_TEMPLATE: &str = r#"# platctl configuration.
# Precedence: command-line flags, then environment variables (DATABASE_URL, ...), then the
# active profile below. Select a profile with --profile NAME or PLATCTL_PROFILE.
default_profile = "default"

[profiles.default]
# With no database_url, platctl uses its embedded SQLite database in your data directory.
# Keep passwords out of this file: set DATABASE_URL in the environment or in an env file.
# database_url = "postgres://ops@db.internal:5432/platform"
# env_file = "/srv/platform/.env"   # the platform's .env (KEY=VALUE lines)
# default_org = "acme"              # organization used when --org is omitted
# output = "table"                  # table | json | ndjson | csv
# color = true
# backup_dir = "/var/backups/platform"   # or s3://BUCKET/PREFIX (BACKUP_DIR)
# backup_retention_days = 30              # BACKUP_RETENTION_DAYS
# backup_compression_level = 5            # BACKUP_COMPRESSION_LEVEL (1-9)
# pg_bin_dir = "/usr/lib/postgresql/16/bin"   # pg_dump of the server's major version
# email_from = "Acme AI <no-reply@acme.io>"                # EMAIL_FROM
# email_templates_dir = "/etc/platctl/email-templates"     # EMAIL_TEMPLATES_DIR
# smtp_ca_file = "/etc/platctl/relay-ca.pem"             # SMTP_CA_FILE (SMTP_URL: environment only)
# sendgrid_api_url = "https://api.sendgrid.com"           # SENDGRID_API_URL (SENDGRID_API_KEY: environment only)
# server = "https://admin.acme.io"        # run every command on this platctl serve (--server)
# api_key_file = "~/.config/platctl/admin.key"   # its API key (PLATCTL_API_KEY wins)
# rate_limit_max = 100                    # serve: RATE_LIMIT_MAX requests per key...
# rate_limit_ttl = 60                     # ...in RATE_LIMIT_TTL seconds
# key_confirm_within = "10m"             # serve: KEY_CONFIRM_WITHIN (unconfirmed new keys expire)
# max_connections = 512                   # serve: PLATCTL_MAX_CONNECTIONS
# cors_origin = "https://app.acme.io"     # serve: CORS_ORIGIN
# trusted_proxies = "10.0.0.0/8"          # serve: PLATCTL_TRUSTED_PROXIES (X-Forwarded-For)
# audit_signing_key_file = "/etc/platctl/audit-signing.key"   # AUDIT_SIGNING_KEY_FILE
# s3_endpoint_url = "https://minio.internal:9000"   # AWS_ENDPOINT_URL_S3
# s3_part_size = "16MiB"                            # BACKUP_S3_PART_SIZE
# connect_timeout = "10s"                           # PLATCTL_CONNECT_TIMEOUT
"#;

/// Create `config.toml` with a commented template when it does not exist. Returns whether it
/// was created.
pub fn create_config_file(path: &Path) -> Result<bool> {
    if path.exists() {
        return Ok(false);
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::io(format!("cannot create {}", dir.display()), e))?;
    }
    std::fs::write(path, CONFIG_TEMPLATE)
        .map_err(|e| Error::io(format!("cannot write {}", path.display()), e))?;
    Ok(true)
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
        assert!(parse_days(row("backup_retention_days").default.unwrap_or("")).is_ok());
        assert!(parse_level(row("backup_compression_level").default.unwrap_or("")).is_ok());
        assert!(parse_timeout(row("connect_timeout").default.unwrap_or("")).is_ok());
        assert!(parse_part_size(row("s3_part_size").default.unwrap_or("")).is_ok());
        assert!(parse_storage(row("backup_dir").default.unwrap_or("")).is_ok());
        assert!(parse_bool(row("backup_enabled").default.unwrap_or("")).is_ok());
        assert_eq!(
            row("backup_compression_level").default,
            Some(crate::backup::compress::DEFAULT_LEVEL.to_string().as_str())
        );
    }

    #[test]
    fn database_urls_are_classified() {
        assert!(matches!(
            DatabaseTarget::parse("postgres://u@h/db"),
            Ok(DatabaseTarget::Postgres { .. })
        ));
        assert!(matches!(
            DatabaseTarget::parse("POSTGRESQL://u@h/db"),
            Ok(DatabaseTarget::Postgres { .. })
        ));
        let sqlite = |s| match DatabaseTarget::parse(s) {
            Ok(DatabaseTarget::Sqlite { path }) => path,
            other => panic!("{s}: {other:?}"),
        };
        assert_eq!(sqlite("sqlite:///var/x.db"), PathBuf::from("/var/x.db"));
        assert_eq!(sqlite("sqlite://rel.db?mode=rwc"), PathBuf::from("rel.db"));
        assert_eq!(sqlite("sqlite:rel.db"), PathBuf::from("rel.db"));
        assert_eq!(sqlite("./data/p.db"), PathBuf::from("./data/p.db"));
        let err = DatabaseTarget::parse("mysql://u:pw@h/db").err();
        let err = err.map(|e| format!("{} {}", e.message(), e.hint().unwrap_or("")));
        assert!(err.as_deref().is_some_and(|e| e.contains("mysql://")
            && e.contains("postgres://")
            && !e.contains("pw")));
    }
}
