//! Where a setting's value came from, kept with the value so that messages can say how it was
//! given.

use std::fmt;
use std::path::PathBuf;

use crate::text::quote;

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

impl Source {
    /// Where a URL came from, for an error's hint: `DATABASE_URL`, `database_url of the
    /// profile `prod` in config.toml`. `profile_key` is the setting's name in a profile.
    pub fn origin(&self, profile_key: &str) -> String {
        match self {
            Source::Flag(flag) => flag.to_string(),
            Source::Env(var) => var.to_string(),
            Source::EnvFile(var, file) => format!("{var} in {}", file.display()),
            Source::Profile(p) => format!("{profile_key} of the profile `{p}` in config.toml"),
            Source::File(key) => format!("{key} in config.toml"),
            Source::Default => "the embedded database's path".to_string(),
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

/// A setting's value, where it came from, and the text it was given as (for messages).
#[derive(Debug, Clone)]
pub struct Resolved<T> {
    pub value: T,
    pub source: Source,
    pub text: String,
}

impl<T> Resolved<T> {
    pub fn default(value: T, text: &str) -> Self {
        Resolved {
            value,
            source: Source::Default,
            text: text.to_string(),
        }
    }
}
