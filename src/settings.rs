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
    /// An S3-compatible endpoint (AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, profile).
    pub s3_endpoint_url: Option<Resolved<String>>,
    pub s3_part_size: Option<Resolved<usize>>,
    pub connect_timeout: Resolved<Duration>,
    /// A tracing filter (PLATCTL_LOG), already checked.
    pub log_filter: Option<Resolved<String>>,
    pub env: Env,
    /// Things the operator should know about their configuration.
    pub warnings: Vec<String>,
}

impl Settings {
    /// How to reach S3 storage: the endpoint and part size as resolved, the region and the
    /// credentials from the environment (or the env file); without them the AWS SDK's own
    /// chain applies (AWS_PROFILE, instance roles).
    pub fn s3_options(&self) -> crate::backup::storage::S3Options {
        let env = &self.env;
        let credentials = match (
            env.get("AWS_ACCESS_KEY_ID"),
            env.get("AWS_SECRET_ACCESS_KEY"),
        ) {
            (Some(access_key_id), Some(secret_access_key)) => {
                Some(crate::backup::storage::S3Credentials {
                    access_key_id,
                    secret_access_key,
                    session_token: env.get("AWS_SESSION_TOKEN"),
                })
            }
            _ => None,
        };
        crate::backup::storage::S3Options {
            endpoint: self.s3_endpoint_url.as_ref().map(|u| u.value.clone()),
            region: env
                .get("AWS_REGION")
                .or_else(|| env.get("AWS_DEFAULT_REGION")),
            credentials,
            part_size: self.s3_part_size.as_ref().map(|p| p.value),
        }
    }
}

/// The allowed values of each setting, said once: used by the checks and their messages.
pub const RETENTION_DAYS_MAX: i64 = 36_500;
pub const COMPRESSION_LEVELS: std::ops::RangeInclusive<u32> = 1..=9;
pub const S3_PART_SIZE_MIN: usize = 5 << 20;
pub const S3_PART_SIZE_MAX: usize = 5 << 30;

/// Where one setting may be given, highest precedence first: a flag, environment variables,
/// a key of the active profile.
struct Spec {
    flag: Option<(&'static str, String)>,
    env: &'static [&'static str],
    profile: Option<(&'static str, String)>,
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
}

impl Resolver<'_> {
    fn get<T>(
        &mut self,
        spec: Spec,
        parse: impl Fn(&str) -> std::result::Result<T, String>,
    ) -> Result<Option<Resolved<T>>> {
        let found = if let Some((flag, text)) = spec.flag {
            Some((text, Source::Flag(flag), flag.to_string()))
        } else if let Some((text, source, key)) = spec
            .env
            .iter()
            .find_map(|key| self.env.lookup(key).map(|(v, s)| (v, s, key)))
        {
            Some((text, source, (*key).to_string()))
        } else {
            spec.profile.map(|(key, text)| {
                (
                    text,
                    Source::Profile(self.profile.to_string()),
                    key.to_string(),
                )
            })
        };
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
            Spec {
                flag: args.output.map(|f| ("--output", f.to_string())),
                env: &["PLATCTL_OUTPUT"],
                profile: active.output.map(|f| ("output", f.to_string())),
            },
            parse_format,
        )?;
        let (format, format_source) =
            format.map_or((Format::Table, Source::Default), |f| (f.value, f.source));
        let default_org = r
            .get(
                Spec {
                    flag: None,
                    env: &["PLATCTL_DEFAULT_ORG"],
                    profile: active.default_org.clone().map(|o| ("default_org", o)),
                },
                parse_slug,
            )?
            .map(|o| (o.value, o.source));
        let act_as = args.act_as.clone().or_else(|| env.get("PLATCTL_AS"));

        let backup_dir = r
            .get(
                Spec {
                    flag: None,
                    env: &["BACKUP_DIR"],
                    profile: active.backup_dir.clone().map(|d| ("backup_dir", d)),
                },
                parse_storage,
            )?
            .unwrap_or_else(|| Resolved::default("./backups".into(), "./backups"));
        let backup_enabled = r
            .get(
                Spec {
                    flag: None,
                    env: &["BACKUP_ENABLED"],
                    profile: active
                        .backup_enabled
                        .map(|b| ("backup_enabled", b.to_string())),
                },
                parse_bool,
            )?
            .unwrap_or_else(|| Resolved::default(true, "true"));
        let backup_retention_days = r
            .get(
                Spec {
                    flag: None,
                    env: &["BACKUP_RETENTION_DAYS"],
                    profile: active
                        .backup_retention_days
                        .map(|d| ("backup_retention_days", d.to_string())),
                },
                parse_days,
            )?
            .unwrap_or_else(|| Resolved::default(30, "30"));
        let backup_compression_level = r
            .get(
                Spec {
                    flag: None,
                    env: &["BACKUP_COMPRESSION_LEVEL"],
                    profile: active
                        .backup_compression_level
                        .map(|l| ("backup_compression_level", l.to_string())),
                },
                parse_level,
            )?
            .unwrap_or_else(|| {
                let level = crate::backup::compress::DEFAULT_LEVEL;
                Resolved::default(level, &level.to_string())
            });
        let pg_bin_dir = r.get(
            Spec {
                flag: None,
                env: &["PLATCTL_PG_BIN_DIR"],
                profile: active.pg_bin_dir.as_ref().map(|d| {
                    (
                        "pg_bin_dir",
                        relative_to(&config_file, d).display().to_string(),
                    )
                }),
            },
            parse_bin_dir,
        )?;
        let s3_endpoint_url = r.get(
            Spec {
                flag: None,
                env: &["AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"],
                profile: active
                    .s3_endpoint_url
                    .clone()
                    .map(|u| ("s3_endpoint_url", u)),
            },
            parse_endpoint,
        )?;
        let s3_part_size = r.get(
            Spec {
                flag: None,
                env: &["BACKUP_S3_PART_SIZE"],
                profile: active.s3_part_size.clone().map(|s| ("s3_part_size", s)),
            },
            parse_part_size,
        )?;
        let connect_timeout = r
            .get(
                Spec {
                    flag: None,
                    env: &["PLATCTL_CONNECT_TIMEOUT"],
                    profile: active
                        .connect_timeout
                        .clone()
                        .map(|t| ("connect_timeout", t)),
                },
                parse_timeout,
            )?
            .unwrap_or_else(|| Resolved::default(Duration::from_secs(10), "10s"));
        let log_filter = r.get(
            Spec {
                flag: None,
                env: &["PLATCTL_LOG"],
                profile: None,
            },
            parse_log_filter,
        )?;
        warnings.append(&mut r.warnings);

        let color_allowed =
            !args.no_color && color_allowed_by_env() && active.color.unwrap_or(true);
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
            s3_endpoint_url,
            s3_part_size,
            connect_timeout,
            log_filter,
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
        let mut out = vec![
            ConfigEntry::new("config_file", self.config_file.display(), {
                if self.config_exists {
                    "exists"
                } else {
                    "not created yet (platctl init)"
                }
            }),
            ConfigEntry::new("profile", &self.profile, &self.profile_source),
            ConfigEntry::new(
                "database_url",
                self.database.display(),
                &self.database_source,
            ),
            ConfigEntry::new("database_kind", self.database.kind(), &self.database_source),
            ConfigEntry::new("output", self.format, &self.format_source),
        ];
        match &self.default_org {
            Some((org, source)) => out.push(ConfigEntry::new("default_org", org, source)),
            None => out.push(ConfigEntry::new(
                "default_org",
                "",
                "unset (the only organization, if there is one)",
            )),
        }
        let mut add = |name: &str, r: Option<(String, &Source)>| {
            if let Some((value, source)) = r {
                out.push(ConfigEntry::new(name, value, source));
            }
        };
        add(
            "backup_dir",
            Some((self.backup_dir.value.clone(), &self.backup_dir.source)),
        );
        add(
            "backup_enabled",
            Some((
                self.backup_enabled.value.to_string(),
                &self.backup_enabled.source,
            )),
        );
        add(
            "backup_retention_days",
            Some((
                self.backup_retention_days.value.to_string(),
                &self.backup_retention_days.source,
            )),
        );
        add(
            "backup_compression_level",
            Some((
                self.backup_compression_level.value.to_string(),
                &self.backup_compression_level.source,
            )),
        );
        add(
            "pg_bin_dir",
            self.pg_bin_dir
                .as_ref()
                .map(|d| (d.value.display().to_string(), &d.source)),
        );
        add(
            "s3_endpoint_url",
            self.s3_endpoint_url
                .as_ref()
                .map(|u| (u.value.clone(), &u.source)),
        );
        add(
            "s3_part_size",
            self.s3_part_size
                .as_ref()
                .map(|p| (p.text.clone(), &p.source)),
        );
        add(
            "connect_timeout",
            Some((
                self.connect_timeout.text.clone(),
                &self.connect_timeout.source,
            )),
        );
        if let Some(path) = &self.env.file_path {
            out.push(ConfigEntry::new("env_file", path.display(), "loaded"));
        }
        if let Some(user) = &self.act_as {
            out.push(ConfigEntry::new("as", user, "flag --as or PLATCTL_AS"));
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
