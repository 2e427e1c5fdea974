//! The files settings come from: `config.toml` with its profiles, and env files of KEY=VALUE
//! lines read as environment.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::source::Source;
use crate::error::{Error, Result};
use crate::output::Format;

pub const DEFAULT_PROFILE: &str = "default";
const CONFIG_FILE_NAME: &str = "config.toml";
const EMBEDDED_DB_NAME: &str = "platctl.db";

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
    /// PostgreSQL itself, when database_url is a pooler's (DATABASE_DIRECT_URL wins).
    pub database_direct_url: Option<String>,
    /// What stands between platctl and PostgreSQL (PLATCTL_DATABASE_POOLER wins).
    pub database_pooler: Option<String>,
    /// PostgreSQL's lock and statement timeouts for platctl's sessions (PLATCTL_DATABASE_*
    /// win).
    pub database_lock_timeout: Option<String>,
    pub database_statement_timeout: Option<String>,
    pub output: Option<Format>,
    pub default_org: Option<String>,
    pub env_file: Option<PathBuf>,
    pub color: Option<bool>,
    /// Where backups go: a directory or s3://BUCKET/PREFIX.
    pub backup_dir: Option<String>,
    pub backup_enabled: Option<bool>,
    pub backup_retention_days: Option<i64>,
    /// gzip or zstd (BACKUP_COMPRESSION wins).
    pub backup_compression: Option<String>,
    /// Compression level of backups: gzip 1-9, zstd 1-19 (BACKUP_COMPRESSION_LEVEL wins).
    pub backup_compression_level: Option<u32>,
    /// age public keys, or a file of them, that backups are encrypted to.
    pub backup_encryption_recipients: Option<String>,
    /// The age private key's file that reads encrypted backups.
    pub backup_encryption_identity_file: Option<PathBuf>,
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
    /// Where `serve` counts its limits (PLATCTL_RATE_LIMIT_STORE wins).
    pub rate_limit_store: Option<String>,
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
    /// S3 server-side encryption: AES256 or aws:kms, and the KMS key (BACKUP_S3_SSE* win).
    pub s3_server_side_encryption: Option<String>,
    pub s3_sse_kms_key_id: Option<String>,
}

/// The environment as platctl sees it: real variables, then those of `--env-file`.
#[derive(Debug, Default, Clone)]
pub struct Env {
    file: HashMap<String, String>,
    file_path: Option<PathBuf>,
}

impl Env {
    pub fn load(path: Option<PathBuf>) -> Result<Self> {
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

    /// The env file that was read, if any.
    pub fn file_path(&self) -> Option<&Path> {
        self.file_path.as_deref()
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

pub fn default_config_path() -> Result<PathBuf> {
    Ok(project_dirs()?.config_dir().join(CONFIG_FILE_NAME))
}

/// The embedded SQLite database, used when no database is named.
pub fn embedded_database() -> Result<PathBuf> {
    Ok(project_dirs()?.data_dir().join(EMBEDDED_DB_NAME))
}

/// Where backups go when BACKUP_DIR is not set: beside the embedded database, whatever the
/// working directory (cron's is `$HOME`, a shell's anything).
pub fn default_backup_dir() -> Result<PathBuf> {
    Ok(project_dirs()?.data_dir().join("backups"))
}

/// A backup storage made absolute against `base` (an `s3://` URL, or an absolute path, as it
/// is): a relative directory means one place for every command, from any working directory.
pub fn absolute_storage(storage: &str, base: &Path) -> String {
    if storage.contains("://") || Path::new(storage).is_absolute() {
        return storage.to_string();
    }
    let relative = storage.strip_prefix("./").unwrap_or(storage);
    base.join(relative).display().to_string()
}

/// A path of config.toml: relative ones are relative to the file's directory.
pub fn relative_to(config_file: &Path, path: &Path) -> PathBuf {
    if path.is_absolute() {
        return path.to_path_buf();
    }
    match config_file.parent() {
        Some(dir) => dir.join(path),
        None => path.to_path_buf(),
    }
}

pub fn load_config_file(path: &Path) -> Result<(ConfigFile, bool)> {
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
        // An unknown key gets the list of keys; a syntax error, what TOML looks like.
        let hint = if e.message().contains("unknown field") {
            format!(
                "profile keys: {}; see the README's Configuration section",
                super::table::SETTINGS
                    .iter()
                    .filter_map(|row| row.profile)
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        } else {
            "TOML: `key = \"text\"`, `key = 12` or `key = true`, one a line, under \
             `[profiles.NAME]`; `platctl init` writes a commented example"
                .to_string()
        };
        Error::config(format!(
            "{}{place} is not valid: {}",
            path.display(),
            e.message()
        ))
        .with_hint(hint)
    })?;
    Ok((config, true))
}

const CONFIG_TEMPLATE: &str = r#"# platctl configuration.
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
# backup_compression = "gzip"             # BACKUP_COMPRESSION: gzip | zstd
# backup_compression_level = 5            # BACKUP_COMPRESSION_LEVEL (gzip 1-9, zstd 1-19)
# backup_encryption_recipients = "/etc/platctl/backup-recipients.txt"   # or age1... keys
# backup_encryption_identity_file = "/etc/platctl/backup-key.txt"       # where backups are read
# pg_bin_dir = "/usr/lib/postgresql/16/bin"   # pg_dump of the server's major version
# email_from = "Acme AI <no-reply@acme.io>"                # EMAIL_FROM
# email_templates_dir = "/etc/platctl/email-templates"     # EMAIL_TEMPLATES_DIR
# smtp_ca_file = "/etc/platctl/relay-ca.pem"             # SMTP_CA_FILE (SMTP_URL: environment only)
# sendgrid_api_url = "https://api.sendgrid.com"           # SENDGRID_API_URL (SENDGRID_API_KEY: environment only)
# server = "https://admin.acme.io"        # run every command on this platctl serve (--server)
# api_key_file = "~/.config/platctl/admin.key"   # its API key (PLATCTL_API_KEY wins)
# rate_limit_max = 100                    # serve: RATE_LIMIT_MAX requests per key...
# rate_limit_ttl = 60                     # ...in RATE_LIMIT_TTL seconds
# rate_limit_store = "auto"               # serve: PLATCTL_RATE_LIMIT_STORE: database | process
# key_confirm_within = "10m"             # serve: KEY_CONFIRM_WITHIN (unconfirmed new keys expire)
# max_connections = 512                   # serve: PLATCTL_MAX_CONNECTIONS
# cors_origin = "https://app.acme.io"     # serve: CORS_ORIGIN
# trusted_proxies = "10.0.0.0/8"          # serve: PLATCTL_TRUSTED_PROXIES (X-Forwarded-For)
# audit_signing_key_file = "/etc/platctl/audit-signing.key"   # AUDIT_SIGNING_KEY_FILE
# s3_endpoint_url = "https://minio.internal:9000"   # AWS_ENDPOINT_URL_S3
# s3_part_size = "16MiB"                            # BACKUP_S3_PART_SIZE
# s3_server_side_encryption = "aws:kms"             # BACKUP_S3_SSE: AES256 | aws:kms
# s3_sse_kms_key_id = "alias/platform-backups"      # BACKUP_S3_SSE_KMS_KEY_ID
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
