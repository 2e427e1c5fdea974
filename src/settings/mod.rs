//! Settings, resolved once before any command runs: flags > environment (real variables, then
//! `--env-file`) > the active profile of `config.toml` > built-in defaults.
//!
//! `table` says every setting once, with the parser of its value (in `parse`); the
//! `resolver` applies the precedence to one setting; `resolve` reads the `files` and
//! every setting into [`Settings`], with what each subsystem is handed; `show` lists them for
//! the `config` commands.

mod files;
mod parse;
mod resolve;
mod resolver;
mod show;
mod source;
mod table;

pub use files::{absolute_storage, color_allowed_by_env, create_config_file};
pub use resolve::Settings;
pub use show::{ConfigEntry, ProfileEntry, profile_entries};
pub use source::Source;
pub use table::{Key, SETTINGS, SettingRow, markdown_table};
