//! Settings, resolved once before any command runs: flags > environment (real variables, then
//! `--env-file`) > the active profile of `config.toml` > built-in defaults.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

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

/// The database platctl operates on, parsed from a URL or a path.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseTarget {
    Postgres { url: String },
    Sqlite { path: PathBuf },
}

pub const SUPPORTED_SCHEMES: &str =
    "postgres://, postgresql://, sqlite://, or a path to a SQLite file";

impl DatabaseTarget {
    pub fn parse(text: &str) -> Result<Self> {
        let text = text.trim();
        if text.is_empty() {
            return Err(Error::usage("the database URL is empty")
                .with_hint(format!("use one of {SUPPORTED_SCHEMES}")));
        }
        let lower = text.to_ascii_lowercase();
        if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
            return Ok(DatabaseTarget::Postgres {
                url: text.to_string(),
            });
        }
        if let Some(rest) = lower.strip_prefix("sqlite:") {
            let offset = text.len() - rest.len();
            let rest = &text[offset..];
            let rest = rest.strip_prefix("//").unwrap_or(rest);
            let path = rest.split('?').next().unwrap_or("");
            if path.is_empty() || path == ":memory:" {
                return Err(Error::usage(format!(
                    "`{}` names no SQLite file",
                    redact::redact_url(text)
                ))
                .with_hint("give a file, e.g. sqlite:///var/lib/platctl/platform.db"));
            }
            return Ok(DatabaseTarget::Sqlite {
                path: PathBuf::from(path),
            });
        }
        if is_keyword_dsn(text) {
            // Never echo it: it holds a password more often than not.
            return Err(Error::usage(
                "the database is given as a keyword/value connection string \
                 (host=... dbname=...); platctl takes a URL",
            )
            .with_hint(
                "write it as postgres://USER:PASSWORD@HOST:PORT/DATABASE (percent-encode special \
                 characters: # as %23, / as %2F, ? as %3F, @ as %40), or leave the password out \
                 and set PGPASSWORD or ~/.pgpass",
            ));
        }
        if let Some((scheme, _)) = text.split_once("://") {
            return Err(Error::usage(format!(
                "unsupported database URL scheme {}",
                quote(&format!("{scheme}://"))
            ))
            .with_hint(format!("platctl supports {SUPPORTED_SCHEMES}")));
        }
        Ok(DatabaseTarget::Sqlite {
            path: PathBuf::from(text),
        })
    }

    /// The URL with its password masked, for people.
    pub fn display(&self) -> String {
        match self {
            DatabaseTarget::Postgres { url } => redact::redact_url(url),
            DatabaseTarget::Sqlite { path } => format!("sqlite://{}", path.display()),
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            DatabaseTarget::Postgres { .. } => "postgres",
            DatabaseTarget::Sqlite { .. } => "sqlite",
        }
    }
}

/// `host=db port=5432 dbname=app password=...`: libpq's keyword/value form (never a file name
/// platctl would create: its first word is a libpq keyword followed by `=`).
fn is_keyword_dsn(text: &str) -> bool {
    const KEYWORDS: [&str; 10] = [
        "host", "hostaddr", "port", "dbname", "user", "password", "sslmode", "service", "passfile",
        "options",
    ];
    text.split_whitespace().any(|word| {
        word.split_once('=')
            .is_some_and(|(k, _)| KEYWORDS.iter().any(|kw| k.eq_ignore_ascii_case(kw)))
    })
}

impl fmt::Debug for DatabaseTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

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
    /// Where pg_dump lives, when it is not the server's major version on PATH.
    pub pg_bin_dir: Option<PathBuf>,
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
    pub backup_dir: (String, Source),
    pub backup_enabled: (bool, Source),
    pub backup_retention_days: (i64, Source),
    pub pg_bin_dir: Option<PathBuf>,
    /// From the profile only; the environment's AWS_ENDPOINT_URL_S3 is read where it is used.
    pub s3_endpoint_url: Option<String>,
    pub s3_part_size: Option<String>,
    pub env: Env,
    /// Things the operator should know about their configuration.
    pub warnings: Vec<String>,
}

impl Settings {
    pub fn resolve(args: &GlobalArgs) -> Result<Settings> {
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
                    "profile `{profile}` is not defined in {}",
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
            env = Env::load(Some(path))?;
        }

        // 4. Every setting: flag > env > profile > default.
        let embedded_database = default_data_dir()?.join(EMBEDDED_DB_NAME);
        let (database_text, database_source) = if let Some(url) = &args.database_url {
            if url.contains("://") && redact::redact_url(url) != *url {
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

        let (format, format_source) = if let Some(f) = args.output {
            (f, Source::Flag("--output"))
        } else if let Some((text, source)) = env.lookup("PLATCTL_OUTPUT") {
            let f = <Format as clap::ValueEnum>::from_str(&text, true).map_err(|_| {
                Error::config(format!(
                    "PLATCTL_OUTPUT={} is not an output format",
                    quote(&text)
                ))
                .with_hint("use table, json, ndjson or csv")
            })?;
            (f, source)
        } else if let Some(f) = active.output {
            (f, profile_src())
        } else {
            (Format::Table, Source::Default)
        };

        let default_org = env
            .lookup("PLATCTL_DEFAULT_ORG")
            .or_else(|| active.default_org.clone().map(|o| (o, profile_src())));
        let act_as = args.act_as.clone().or_else(|| env.get("PLATCTL_AS"));

        let backup_dir = env
            .lookup("BACKUP_DIR")
            .or_else(|| active.backup_dir.clone().map(|d| (d, profile_src())))
            .unwrap_or_else(|| ("./backups".to_string(), Source::Default));
        let backup_enabled = match env.lookup("BACKUP_ENABLED") {
            Some((text, source)) => (parse_bool("BACKUP_ENABLED", &text)?, source),
            None => active
                .backup_enabled
                .map(|b| (b, profile_src()))
                .unwrap_or((true, Source::Default)),
        };
        let backup_retention_days = match env.lookup("BACKUP_RETENTION_DAYS") {
            Some((text, source)) => {
                let days = text
                    .trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|d| *d > 0)
                    .ok_or_else(|| {
                        Error::config(format!(
                            "BACKUP_RETENTION_DAYS=`{text}` is not a number of days"
                        ))
                        .with_hint("e.g. BACKUP_RETENTION_DAYS=30")
                    })?;
                (days, source)
            }
            None => active
                .backup_retention_days
                .map(|d| (d, profile_src()))
                .unwrap_or((30, Source::Default)),
        };

        let pg_bin_dir = env
            .get("PLATCTL_PG_BIN_DIR")
            .map(PathBuf::from)
            .or_else(|| {
                active
                    .pg_bin_dir
                    .clone()
                    .map(|d| relative_to(&config_file, &d))
            });

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
            pg_bin_dir,
            s3_endpoint_url: active.s3_endpoint_url.clone(),
            s3_part_size: active.s3_part_size.clone(),
            env,
            warnings,
        })
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
        out.push(ConfigEntry::new(
            "backup_dir",
            &self.backup_dir.0,
            &self.backup_dir.1,
        ));
        out.push(ConfigEntry::new(
            "backup_enabled",
            self.backup_enabled.0,
            &self.backup_enabled.1,
        ));
        out.push(ConfigEntry::new(
            "backup_retention_days",
            self.backup_retention_days.0,
            &self.backup_retention_days.1,
        ));
        if let Some(dir) = &self.pg_bin_dir {
            out.push(ConfigEntry::new(
                "pg_bin_dir",
                dir.display(),
                "PLATCTL_PG_BIN_DIR or profile",
            ));
        }
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

fn parse_bool(name: &str, text: &str) -> Result<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(Error::config(format!(
            "{name}=`{text}` is not true or false"
        ))),
    }
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
        Error::config(format!("{} is not valid: {}", path.display(), e.message())).with_hint(
            "profile keys: database_url, output, default_org, env_file, color, backup_dir, \
                 backup_enabled, backup_retention_days, pg_bin_dir, s3_endpoint_url, \
                 s3_part_size; see the README's Configuration section",
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
# pg_bin_dir = "/usr/lib/postgresql/16/bin"   # pg_dump of the server's major version
# s3_endpoint_url = "https://minio.internal:9000"   # AWS_ENDPOINT_URL_S3
# s3_part_size = "16MiB"                            # BACKUP_S3_PART_SIZE
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
