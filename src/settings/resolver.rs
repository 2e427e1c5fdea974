//! One way of resolving a setting, whatever its source: the first value found (flag >
//! environment > profile) is checked by the setting's parser, and an invalid one is an error
//! that names where it came from and what is allowed.

use std::path::Path;

use super::files::Env;
use super::source::{Resolved, Source};
use super::table::{Key, Parsed};
use crate::error::{Error, Result};

/// What a setting was given besides the environment, which the resolver reads itself: its
/// flag's value, its profile key's value (as text, for the parser).
pub enum Given {
    Env,
    Flag(Option<String>),
    Profile(Option<String>),
    FlagOrProfile(Option<String>, Option<String>),
}

/// `lenient` (for `config` commands, which must work to show a broken configuration) turns
/// invalid values into warnings.
pub struct Resolver<'a> {
    pub env: &'a Env,
    pub profile: &'a str,
    pub config_file: &'a Path,
    pub lenient: bool,
    pub warnings: Vec<String>,
    /// What `config show` lists: each setting's value (masked when secret) and source.
    pub shown: Vec<(Key, String, Source)>,
}

impl Resolver<'_> {
    /// The setting `_key`'s value, checked, when it was given.
    pub fn get<K: Parsed>(&mut self, _key: K, given: Given) -> Result<Option<Resolved<K::Value>>> {
        let row = K::KEY.row();
        let (flag_value, profile_value) = match given {
            Given::Env => (None, None),
            Given::Flag(flag) => (flag, None),
            Given::Profile(profile) => (None, profile),
            Given::FlagOrProfile(flag, profile) => (flag, profile),
        };
        let found = if let (Some(text), Some(flag)) = (flag_value, row.flag) {
            Some((text, Source::Flag(flag), flag.to_string()))
        } else if let Some((text, source, key)) = row
            .env
            .iter()
            .find_map(|key| self.env.lookup(key).map(|(v, s)| (v, s, key)))
        {
            Some((text, source, (*key).to_string()))
        } else {
            profile_value.zip(row.profile).map(|(text, key)| {
                (
                    text,
                    Source::Profile(self.profile.to_string()),
                    key.to_string(),
                )
            })
        };
        // A secret is known to the scrubber before anything can quote it (a parse error).
        if row.secret
            && let Some((text, _, _)) = &found
        {
            crate::redact::register(text.trim());
        }
        let resolved = self.check(found, K::parse)?;
        let shown = match &resolved {
            Some(r) if row.secret => ("(set)".to_string(), r.source.clone()),
            Some(r) => (r.text.clone(), r.source.clone()),
            None => (row.default.unwrap_or("").to_string(), Source::Default),
        };
        self.shown.push((row.key, shown.0, shown.1));
        Ok(resolved)
    }

    /// Like [`Resolver::get`], falling back on the row's default.
    pub fn get_or_default<K: Parsed>(
        &mut self,
        key: K,
        given: Given,
    ) -> Result<Resolved<K::Value>> {
        let default = K::KEY.row().default.unwrap_or("");
        match self.get(key, given)? {
            Some(r) => Ok(r),
            None => K::parse(default)
                .map(|value| Resolved::default(value, default))
                .map_err(|e| Error::internal(format!("the default {default:?} is invalid: {e}"))),
        }
    }

    fn check<T>(
        &mut self,
        found: Option<(String, Source, String)>,
        parse: fn(&str) -> std::result::Result<T, String>,
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
                // A parser that found a secret where none belongs (an age private key given
                // as a recipient) registered it: the value is not quoted at all, as a cut
                // quotation would show part of it.
                let quoted = if crate::redact::scrub(&text) == text {
                    text.as_str()
                } else {
                    "***"
                };
                let mut given = source.given(&key, quoted);
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

#[cfg(test)]
mod tests {
    use super::super::table::key;
    use super::*;

    fn resolver(env: &Env, lenient: bool) -> Resolver<'_> {
        Resolver {
            env,
            profile: "prod",
            config_file: Path::new("/etc/platctl/config.toml"),
            lenient,
            warnings: Vec::new(),
            shown: Vec::new(),
        }
    }

    /// A refused value is said as it was given, with what the parser allows.
    #[test]
    fn a_refused_backup_enabled_names_its_source() {
        let env = Env::default();
        let found = |text: &str| {
            Some((
                text.to_string(),
                Source::Env("BACKUP_ENABLED"),
                "BACKUP_ENABLED".to_string(),
            ))
        };
        let mut strict = resolver(&env, false);
        let err = strict
            .check(found("maybe"), key::BackupEnabled::parse)
            .err();
        assert_eq!(
            err.map(|e| e.message().to_string()).as_deref(),
            Some(
                "BACKUP_ENABLED=`maybe` (environment) is not valid: expected true or false \
                 (also yes/no, on/off, 1/0)"
            )
        );
        let yes = strict.check(found("Yes"), key::BackupEnabled::parse);
        assert!(matches!(yes, Ok(Some(Resolved { value: true, .. }))));

        let mut lenient = resolver(&env, true);
        let profile = Some((
            "maybe".to_string(),
            Source::Profile("prod".into()),
            "backup_enabled".to_string(),
        ));
        assert!(matches!(
            lenient.check(profile, key::BackupEnabled::parse),
            Ok(None)
        ));
        assert_eq!(
            lenient.warnings,
            [
                "backup_enabled = `maybe` (profile `prod`) in /etc/platctl/config.toml is not \
              valid: expected true or false (also yes/no, on/off, 1/0); the default is used \
              instead"
            ]
        );
    }
}
