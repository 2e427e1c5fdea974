//! What the `config` commands list: each setting with its value and source, and the profiles.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::files::{self, DEFAULT_PROFILE};
use super::resolve::Settings;
use super::source::Source;
use super::table::{Key, SETTINGS};
use crate::error::Result;
use crate::output::Record;
use crate::redact;

impl Settings {
    /// The rows of `config show`.
    pub fn entries(&self) -> Vec<ConfigEntry> {
        let mut out = Vec::new();
        for row in SETTINGS {
            let entry = match row.key {
                Key::ConfigFile => ConfigEntry::new(
                    row.name,
                    self.config_file.display(),
                    if self.config_exists {
                        "exists"
                    } else {
                        "not created yet (platctl init)"
                    },
                ),
                Key::Profile => ConfigEntry::new(row.name, &self.profile, &self.profile_source),
                Key::EnvFile => match self.env.file_path() {
                    Some(path) => ConfigEntry::new(row.name, path.display(), "loaded"),
                    None => ConfigEntry::new(row.name, "", "unset"),
                },
                Key::DatabaseUrl => {
                    out.push(ConfigEntry::new(
                        row.name,
                        self.database.display(),
                        &self.database_source,
                    ));
                    ConfigEntry::new("database_kind", self.database.kind(), &self.database_source)
                }
                Key::Color => ConfigEntry::new(row.name, &self.color.0, &self.color.1),
                Key::DefaultOrg if self.default_org.is_none() => ConfigEntry::new(
                    row.name,
                    "",
                    "unset (the only organization, if there is one)",
                ),
                key => match self.shown.iter().find(|(k, _, _)| *k == key) {
                    Some((_, _, Source::Default)) if row.default.is_none() => {
                        ConfigEntry::new(row.name, "", "unset")
                    }
                    Some((_, value, source)) => ConfigEntry::new(row.name, value, source),
                    None => ConfigEntry::new(row.name, "", "unset"),
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
    let (config, _) = files::load_config_file(&settings.config_file)?;
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
