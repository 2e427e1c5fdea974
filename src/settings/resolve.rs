//! [`Settings::resolve`]: the config file, the profile and the env file first, as they decide
//! where the rest is read from; then every setting of the table, in one pass; then what each
//! subsystem is handed, put together here so that opening one copies a struct.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::files::{self, DEFAULT_PROFILE, Env, Profile, relative_to};
use super::resolver::{Given, Resolver};
use super::source::{Resolved, Source};
use super::table::{Key, key};
use crate::backup::storage::{S3Credentials, S3Options};
use crate::cli::GlobalArgs;
use crate::db::DatabaseTarget;
use crate::error::{Error, Result};
use crate::output::Format;
use crate::redact;
use crate::text::quote;

/// Everything a command needs to know about how it was asked to run. Not `Debug`: it holds
/// secrets.
pub struct Settings {
    pub profile: String,
    pub profile_source: Source,
    pub config_file: PathBuf,
    pub config_exists: bool,
    pub profiles: Vec<String>,
    pub database: DatabaseTarget,
    pub database_source: Source,
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
    /// A `platctl serve` to run commands on, the CA that signs its certificate, and the API
    /// key (from PLATCTL_API_KEY, or read from the key file).
    pub server: Option<String>,
    pub server_ca_file: Option<PathBuf>,
    pub api_key: Option<String>,
    /// How long to wait for the database (or the server).
    pub connect_timeout: Duration,
    /// What stands between platctl and PostgreSQL, and PostgreSQL itself for what needs a
    /// session when that is a pooler in transaction mode.
    pub database_pooler: crate::db::Pooler,
    pub database_direct_url: Option<String>,
    /// Where `database_direct_url` came from, for hints (`DATABASE_DIRECT_URL`, a profile).
    pub database_direct_origin: String,
    pub database_lock_timeout: Duration,
    pub database_statement_timeout: Duration,
    /// A tracing filter (PLATCTL_LOG), already checked.
    pub log_filter: Option<String>,
    /// How backups are taken, S3 included.
    pub backup: crate::backup::Config,
    /// Templates, the sender, and the provider of `email test`.
    pub email: crate::email::Config,
    /// What `serve` allows: rates, connections, origins, proxies.
    pub serve: crate::serve::Policy,
    pub audit_signing_key_file: Option<PathBuf>,
    /// How long a key made over the admin API waits to be confirmed.
    pub key_confirm_within: Duration,
    /// What `config show` lists of the settings resolved one by one: value (masked when
    /// secret) and source.
    pub(super) shown: Vec<(Key, String, Source)>,
    /// Whether colour is allowed (before asking the terminal), and why.
    pub(super) color: (String, String),
    pub(super) env: Env,
    /// Things the operator should know about their configuration.
    pub warnings: Vec<String>,
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
            None => files::default_config_path()?,
        };
        let (config, config_exists) = files::load_config_file(&config_file)?;
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

        // 4. The database: its URL is registered as a secret before anything can show it.
        let embedded_database = files::embedded_database()?;
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
            (Some(url.clone()), Source::Profile(profile.clone()))
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
                path: embedded_database,
            },
        };

        // 5. Every other setting: flag > env > profile > default, each checked the same way.
        let mut r = Resolver {
            env: &env,
            profile: &profile,
            config_file: &config_file,
            lenient,
            warnings: Vec::new(),
            shown: Vec::new(),
        };
        // Paths of the profile are relative to config.toml.
        let path = |p: &Option<PathBuf>| {
            p.as_ref()
                .map(|p| relative_to(&config_file, p).display().to_string())
        };
        let (format, format_source) = r
            .get(
                key::Output,
                Given::FlagOrProfile(
                    args.output.map(|f| f.to_string()),
                    active.output.map(|f| f.to_string()),
                ),
            )?
            .map_or((Format::Table, Source::Default), |f| (f.value, f.source));
        let default_org = r
            .get(key::DefaultOrg, Given::Profile(active.default_org.clone()))?
            .map(|o| (o.value, o.source));
        let act_as = r.get(key::As, Given::Flag(args.act_as.clone()))?;
        // A relative BACKUP_DIR is made absolute once, against the file that set it (the env
        // file's directory, config.toml's for a profile) or the working directory; without
        // one, backups go beside the embedded database.
        let backup_dir = match r.get(key::BackupDir, Given::Profile(active.backup_dir.clone()))? {
            Some(found) => {
                let cwd = std::env::current_dir().unwrap_or_default();
                let base = match &found.source {
                    Source::EnvFile(_, file) => file.parent().map_or(cwd, Path::to_path_buf),
                    Source::Profile(_) => config_file.parent().map_or(cwd, Path::to_path_buf),
                    _ => cwd,
                };
                files::absolute_storage(&found.value, &base)
            }
            None => files::default_backup_dir()?.display().to_string(),
        };
        if let Some(shown) = r.shown.iter_mut().find(|(k, _, _)| *k == Key::BackupDir) {
            shown.1.clone_from(&backup_dir);
        }
        let backup_enabled = r.get_or_default(
            key::BackupEnabled,
            Given::Profile(active.backup_enabled.map(|b| b.to_string())),
        )?;
        let backup_retention_days = r.get_or_default(
            key::BackupRetentionDays,
            Given::Profile(active.backup_retention_days.map(|d| d.to_string())),
        )?;
        let backup_compression = r.get_or_default(
            key::BackupCompression,
            Given::Profile(active.backup_compression.clone()),
        )?;
        let backup_compression_level = r.get(
            key::BackupCompressionLevel,
            Given::Profile(active.backup_compression_level.map(|l| l.to_string())),
        )?;
        let compression = compression_options(&backup_compression, backup_compression_level)?;
        // Public keys in place stay as they are; a file of them is a path of the profile.
        let recipients_given = active.backup_encryption_recipients.as_ref().map(|text| {
            if text.trim_start().starts_with("age1")
                || crate::backup::crypt::holds_private_key(text)
            {
                text.clone()
            } else {
                relative_to(&config_file, Path::new(text.trim()))
                    .display()
                    .to_string()
            }
        });
        let backup_encryption_recipients = r.get(
            key::BackupEncryptionRecipients,
            Given::Profile(recipients_given),
        )?;
        let backup_encryption_identity_file = r.get(
            key::BackupEncryptionIdentityFile,
            Given::Profile(path(&active.backup_encryption_identity_file)),
        )?;
        let pg_bin_dir = r.get(key::PgBinDir, Given::Profile(path(&active.pg_bin_dir)))?;
        let audit_signing_key_file = r.get(
            key::AuditSigningKeyFile,
            Given::Profile(path(&active.audit_signing_key_file)),
        )?;
        let email_from = r.get(key::EmailFrom, Given::Profile(active.email_from.clone()))?;
        let email_templates_dir = r.get(
            key::EmailTemplatesDir,
            Given::Profile(path(&active.email_templates_dir)),
        )?;
        let smtp_url = r.get(key::SmtpUrl, Given::Env)?;
        let smtp_ca_file = r.get(key::SmtpCaFile, Given::Profile(path(&active.smtp_ca_file)))?;
        let sendgrid_api_key = r.get(key::SendgridApiKey, Given::Env)?;
        let sendgrid_api_url = r.get(
            key::SendgridApiUrl,
            Given::Profile(active.sendgrid_api_url.clone()),
        )?;
        let server = r.get(
            key::Server,
            Given::FlagOrProfile(args.server.clone(), active.server.clone()),
        )?;
        let server_ca_file = r.get(
            key::ServerCaFile,
            Given::Profile(path(&active.server_ca_file)),
        )?;
        let api_key_file = r.get(
            key::ApiKeyFile,
            Given::FlagOrProfile(
                args.api_key_file.as_ref().map(|f| f.display().to_string()),
                path(&active.api_key_file),
            ),
        )?;
        let api_key = match r.get(key::ApiKey, Given::Env)? {
            Some(key) => Some(key.value),
            None => api_key_file.map(|f| f.value.1),
        };
        let rate_limit_max = r.get_or_default(
            key::RateLimitMax,
            Given::Profile(active.rate_limit_max.map(|n| n.to_string())),
        )?;
        let rate_limit_ttl = r.get_or_default(
            key::RateLimitTtl,
            Given::Profile(active.rate_limit_ttl.map(|n| n.to_string())),
        )?;
        let rate_limit_auth_failures = r.get_or_default(
            key::RateLimitAuthFailures,
            Given::Profile(active.rate_limit_auth_failures.map(|n| n.to_string())),
        )?;
        let rate_limit_store = r.get_or_default(
            key::RateLimitStore,
            Given::Profile(active.rate_limit_store.clone()),
        )?;
        let replica_id = r.get(key::ReplicaId, Given::Env)?;
        let key_confirm_within = r.get_or_default(
            key::KeyConfirmWithin,
            Given::Profile(active.key_confirm_within.clone()),
        )?;
        let max_connections = r.get_or_default(
            key::MaxConnections,
            Given::Profile(active.max_connections.map(|n| n.to_string())),
        )?;
        let cors_origin = r.get(key::CorsOrigin, Given::Profile(active.cors_origin.clone()))?;
        let trusted_proxies = r.get(
            key::TrustedProxies,
            Given::Profile(active.trusted_proxies.clone()),
        )?;
        let sentry_dsn = r.get(key::SentryDsn, Given::Env)?;
        let s3_endpoint_url = r.get(
            key::S3EndpointUrl,
            Given::Profile(active.s3_endpoint_url.clone()),
        )?;
        let s3_part_size = r.get(key::S3PartSize, Given::Profile(active.s3_part_size.clone()))?;
        let s3_sse = r.get(
            key::S3ServerSideEncryption,
            Given::Profile(active.s3_server_side_encryption.clone()),
        )?;
        let s3_sse_kms_key_id = r.get(
            key::S3SseKmsKeyId,
            Given::Profile(active.s3_sse_kms_key_id.clone()),
        )?;
        if let Some(key) = &s3_sse_kms_key_id
            && s3_sse.as_ref().map(|s| s.value.as_str()) != Some("aws:kms")
        {
            return Err(Error::config(format!(
                "{} names a KMS key, but server-side encryption is not aws:kms",
                key.source.given("s3_sse_kms_key_id", &key.text)
            ))
            .with_hint("set BACKUP_S3_SSE=aws:kms with it, or unset the key"));
        }
        let s3_region = r.get(key::S3Region, Given::Env)?;
        let s3_access_key_id = r.get(key::S3AccessKeyId, Given::Env)?;
        let s3_secret_access_key = r.get(key::S3SecretAccessKey, Given::Env)?;
        let s3_session_token = r.get(key::S3SessionToken, Given::Env)?;
        let database_direct_url = r.get(
            key::DatabaseDirectUrl,
            Given::Profile(active.database_direct_url.clone()),
        )?;
        let database_pooler = r.get_or_default(
            key::DatabasePooler,
            Given::Profile(active.database_pooler.clone()),
        )?;
        let database_lock_timeout = r.get_or_default(
            key::DatabaseLockTimeout,
            Given::Profile(active.database_lock_timeout.clone()),
        )?;
        let database_statement_timeout = r.get_or_default(
            key::DatabaseStatementTimeout,
            Given::Profile(active.database_statement_timeout.clone()),
        )?;
        let connect_timeout = r.get_or_default(
            key::ConnectTimeout,
            Given::Profile(active.connect_timeout.clone()),
        )?;
        let log_filter = r.get(key::Log, Given::Env)?;
        warnings.append(&mut r.warnings);
        let shown = std::mem::take(&mut r.shown);

        // 6. What each subsystem is handed.
        let s3 = S3Options {
            endpoint: value(s3_endpoint_url),
            region: value(s3_region),
            credentials: match (s3_access_key_id, s3_secret_access_key) {
                (Some(id), Some(secret)) => Some(S3Credentials {
                    access_key_id: id.value,
                    secret_access_key: secret.value,
                    session_token: value(s3_session_token),
                }),
                _ => None,
            },
            part_size: value(s3_part_size),
            sse: value(s3_sse).map(|mode| crate::backup::storage::Sse {
                mode,
                kms_key_id: value(s3_sse_kms_key_id),
            }),
        };
        let backup = crate::backup::Config {
            storage: backup_dir,
            compression,
            encrypt_to: value(backup_encryption_recipients),
            identity_file: value(backup_encryption_identity_file),
            s3,
            pg_bin_dir: value(pg_bin_dir),
            disabled_by: (!backup_enabled.value).then(|| {
                backup_enabled
                    .source
                    .given("backup_enabled", &backup_enabled.text)
            }),
            retention_days: backup_retention_days.value,
        };
        let email = crate::email::Config {
            templates_dir: value(email_templates_dir),
            from: value(email_from),
            smtp_url: value(smtp_url),
            smtp_ca_file: value(smtp_ca_file),
            sendgrid_api_key: value(sendgrid_api_key),
            sendgrid_api_url: value(sendgrid_api_url),
        };
        let serve = crate::serve::Policy {
            rate_limit_max: rate_limit_max.value,
            rate_limit_ttl: rate_limit_ttl.value,
            auth_failures_per_minute: rate_limit_auth_failures.value,
            limit_store: rate_limit_store.value,
            replica_id: value(replica_id),
            max_connections: max_connections.value,
            cors_origin: value(cors_origin),
            trusted_proxies: value(trusted_proxies).unwrap_or_default(),
            sentry_dsn: value(sentry_dsn),
        };

        // 7. Colour and the terminal.
        let color_allowed =
            !args.no_color && files::color_allowed_by_env() && active.color.unwrap_or(true);
        let color_source = if args.no_color {
            "flag --no-color".to_string()
        } else if !files::color_allowed_by_env() {
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
            format,
            format_source,
            default_org,
            act_as: value(act_as),
            quiet: args.quiet,
            verbose: args.verbose,
            color_stdout,
            color_stderr,
            yes: args.yes,
            interactive,
            server: value(server),
            server_ca_file: value(server_ca_file),
            api_key,
            connect_timeout: connect_timeout.value,
            database_pooler: database_pooler.value,
            database_direct_origin: database_direct_url
                .as_ref()
                .map(|r| r.source.origin("database_direct_url"))
                .unwrap_or_else(|| "DATABASE_DIRECT_URL".to_string()),
            database_direct_url: value(database_direct_url),
            database_lock_timeout: database_lock_timeout.value,
            database_statement_timeout: database_statement_timeout.value,
            log_filter: value(log_filter),
            backup,
            email,
            serve,
            audit_signing_key_file: value(audit_signing_key_file),
            key_confirm_within: key_confirm_within.value,
            shown,
            color,
            env,
            warnings,
        })
    }

    /// How people should refer to where the database URL came from, in hints ("check ...").
    pub fn database_origin(&self) -> String {
        self.database_source.origin("database_url")
    }

    /// True when the database is the built-in default (the embedded SQLite file).
    pub fn uses_embedded_database(&self) -> bool {
        self.database_source == Source::Default
    }
}

/// How backups are compressed: the codec, and the level given for it (else its default). A
/// zstd level given with gzip is an error rather than a silent 9.
fn compression_options(
    codec: &Resolved<crate::backup::compress::Compression>,
    level: Option<Resolved<u32>>,
) -> Result<crate::backup::compress::Options> {
    use crate::backup::compress::{self, Compression};
    let (default, max) = match codec.value {
        Compression::Gzip => (compress::DEFAULT_LEVEL, compress::MAX_GZIP_LEVEL),
        Compression::Zstd => (compress::DEFAULT_ZSTD_LEVEL, compress::MAX_ZSTD_LEVEL),
    };
    if let Some(level) = &level
        && level.value > max
    {
        return Err(Error::config(format!(
            "{} is not a {} level: {} takes 1 to {max}",
            level.source.given("backup_compression_level", &level.text),
            codec.value.name(),
            codec.source.given("backup_compression", &codec.text),
        ))
        .with_hint("levels above 9 are zstd's: set BACKUP_COMPRESSION=zstd, or a lower level"));
    }
    Ok(compress::Options {
        codec: codec.value,
        level: level.map_or(default, |l| l.value),
        ..compress::Options::default_for_machine()
    })
}

/// The value of a setting that was given.
fn value<T>(resolved: Option<Resolved<T>>) -> Option<T> {
    resolved.map(|r| r.value)
}

#[cfg(test)]
mod tests {
    use super::*;

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
