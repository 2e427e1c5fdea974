//! Text that comes in: one validator per kind of value, used at both doors. Each kind below is
//! a module whose `parse` is clap's value parser on the command line, whose `deserialize`
//! (`option`, `list`) serde uses on the admin API, and whose `schema` puts the same rule in the
//! OpenAPI document (a pattern and a length), so that a body the document accepts is one the
//! server accepts.
//!
//! New identities (an email, a slug, a role name) follow strict rules; look-ups of existing
//! ones refuse only what no stored name can hold (control characters, more than
//! [`LOOKUP_MAX`] characters), so that a name stored before these rules can still be named.

use serde::{Deserialize, Deserializer};
use unicode_normalization::UnicodeNormalization;
use utoipa::openapi::schema::{ArrayBuilder, Object, ObjectBuilder, SchemaType, Type};

use super::error::{Error, Result};

/// Characters that show as nothing or change how others show: C0 and C1 controls, the soft
/// hyphen, zero-width spaces and joiners, direction marks, embeddings, overrides and isolates,
/// the other format characters of Unicode (`Cf`), line and paragraph separators, and the
/// invisible fillers, variation selectors and tags. None may be part of a name, an email or a
/// label; those already stored are shown escaped (`\u{200b}`).
pub const HIDDEN: &[(char, char)] = &[
    ('\u{0}', '\u{1f}'),
    ('\u{7f}', '\u{9f}'),
    ('\u{ad}', '\u{ad}'),
    ('\u{34f}', '\u{34f}'),
    ('\u{600}', '\u{605}'),
    ('\u{61c}', '\u{61c}'),
    ('\u{6dd}', '\u{6dd}'),
    ('\u{70f}', '\u{70f}'),
    ('\u{890}', '\u{891}'),
    ('\u{8e2}', '\u{8e2}'),
    ('\u{115f}', '\u{1160}'),
    ('\u{17b4}', '\u{17b5}'),
    ('\u{180b}', '\u{180f}'),
    ('\u{200b}', '\u{200f}'),
    ('\u{2028}', '\u{202e}'),
    ('\u{2060}', '\u{206f}'),
    ('\u{3164}', '\u{3164}'),
    ('\u{fe00}', '\u{fe0f}'),
    ('\u{feff}', '\u{feff}'),
    ('\u{ffa0}', '\u{ffa0}'),
    ('\u{fff9}', '\u{fffb}'),
    ('\u{110bd}', '\u{110bd}'),
    ('\u{110cd}', '\u{110cd}'),
    ('\u{13430}', '\u{1343f}'),
    ('\u{1bca0}', '\u{1bca3}'),
    ('\u{1d173}', '\u{1d17a}'),
    ('\u{e0000}', '\u{e0fff}'),
];

/// Unicode's white space (what `str::trim` removes).
const WHITESPACE: &[(char, char)] = &[
    ('\t', '\r'),
    (' ', ' '),
    ('\u{85}', '\u{85}'),
    ('\u{a0}', '\u{a0}'),
    ('\u{1680}', '\u{1680}'),
    ('\u{2000}', '\u{200a}'),
    ('\u{2028}', '\u{2029}'),
    ('\u{202f}', '\u{202f}'),
    ('\u{205f}', '\u{205f}'),
    ('\u{3000}', '\u{3000}'),
];

pub fn is_hidden(c: char) -> bool {
    HIDDEN.iter().any(|(low, high)| (*low..=*high).contains(&c))
}

/// The longest name a look-up takes (an email's limit; slugs, role names, ids are shorter).
pub const LOOKUP_MAX: usize = 254;

/// `\u{200b}`: a character as a message shows it.
pub fn escaped(c: char) -> String {
    match c {
        '\x1b' => "\\e".into(),
        '\n' => "\\n".into(),
        '\r' => "\\r".into(),
        '\t' => "\\t".into(),
        c if (c as u32) < 0x100 => format!("\\x{:02x}", c as u32),
        c => format!("\\u{{{:x}}}", c as u32),
    }
}

/// User input in backticks, hidden characters escaped, at most 80 characters of it.
fn quote(text: &str) -> String {
    let mut out = String::new();
    for (n, c) in text.chars().enumerate() {
        if n == 77 {
            out.push_str(&format!("... ({} characters)", text.chars().count()));
            break;
        }
        if is_hidden(c) {
            out.push_str(&escaped(c));
        } else {
            out.push(c);
        }
    }
    format!("`{out}`")
}

/// Names, labels, descriptions and reasons: free text, stored as typed, but never a hidden
/// character (it would replay on a terminal, split a table row, or make two names look
/// alike) and never longer than `max` characters.
pub fn free_text(what: &str, value: &str, max: usize) -> Result<()> {
    if let Some(c) = value.chars().find(|c| is_hidden(*c)) {
        return Err(Error::usage(format!(
            "the {what} contains a control character or an invisible one ({}): {}",
            escaped(c),
            quote(value)
        ))
        .with_hint(format!(
            "use visible text only (no escape sequences, tabs, line breaks, zero-width or \
             direction characters), at most {max} characters"
        )));
    }
    let count = value.chars().count();
    if count > max {
        return Err(Error::usage(format!(
            "the {what} is {count} characters long; at most {max} are allowed"
        )));
    }
    Ok(())
}

/// A name typed to find something that exists: trimmed and in NFC, at most [`LOOKUP_MAX`]
/// characters, no control character (which no stored name holds: PostgreSQL refuses NUL).
pub fn lookup(what: &str, value: &str) -> Result<String> {
    let value = value.trim();
    let count = value.chars().count();
    if count > LOOKUP_MAX {
        return Err(Error::usage(format!(
            "the {what} is {count} characters long; no {what} is longer than {LOOKUP_MAX}"
        )));
    }
    if let Some(c) = value.chars().find(|c| c.is_control()) {
        return Err(Error::usage(format!(
            "the {what} {} contains a control character ({})",
            quote(value),
            escaped(c)
        ))
        .with_hint(format!("no {what} holds one: type the name again")));
    }
    if value.is_empty() {
        return Err(Error::usage(format!("the {what} is empty")));
    }
    Ok(value.nfc().collect())
}

/// An email for a new user: trimmed, in NFC, its domain lowercased; then one `@` between a
/// name and a domain of dot-separated labels, no space and no hidden character anywhere, at
/// most 254 characters. [`email_pattern`] is the same rule.
pub fn email(value: &str) -> Result<String> {
    let count = value.chars().count();
    if count > LOOKUP_MAX {
        return Err(Error::usage(format!(
            "the email is {count} characters long; at most {LOOKUP_MAX} are allowed"
        )));
    }
    let trimmed = value.trim();
    let invalid = |why: String| {
        Err(
            Error::usage(format!("{} is not an email address", quote(trimmed)))
                .with_hint(format!("{why}; expected name@domain, e.g. alice@acme.io")),
        )
    };
    if let Some(c) = trimmed.chars().find(|c| is_hidden(*c)) {
        return invalid(format!(
            "it contains a control character or an invisible one ({}), which would make it look \
             like another address",
            escaped(c)
        ));
    }
    if trimmed.chars().any(char::is_whitespace) {
        return invalid("it contains a space".into());
    }
    let Some((local, domain)) = trimmed.split_once('@') else {
        return invalid("it has no `@`".into());
    };
    if local.is_empty() || domain.contains('@') {
        return invalid("it needs exactly one `@`, with a name before it".into());
    }
    if !domain.contains('.') || domain.split('.').any(str::is_empty) {
        return invalid("its domain needs labels separated by single dots (acme.io)".into());
    }
    let local: String = local.nfc().collect();
    let domain: String = domain.nfc().collect::<String>().to_lowercase();
    Ok(format!("{local}@{domain}"))
}

/// Lowercase letters, digits and single dashes between them; at most 63 characters.
pub fn slug(slug: &str) -> Result<()> {
    let ok = !slug.is_empty()
        && slug.len() <= 63
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--");
    if ok {
        return Ok(());
    }
    let mut hint = String::from(
        "a slug is 1-63 lowercase letters, digits and dashes (ASCII only), starting and ending \
         with a letter or digit",
    );
    if let Some(c) = slug.chars().find(|c| !c.is_ascii()) {
        // Transliterating is guesswork (`ünï` is not `n`): say what is wrong instead.
        let shown = if is_hidden(c) {
            escaped(c)
        } else {
            c.to_string()
        };
        hint.push_str(&format!("; `{shown}` is not ASCII"));
    } else {
        let proposal: String = slug
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        if !proposal.is_empty() && proposal.len() <= 63 {
            hint.push_str(&format!("; try `{proposal}`"));
        }
    }
    Err(Error::usage(format!("{} is not a valid organization slug", quote(slug))).with_hint(hint))
}

/// A letter, then letters, digits, `-` or `_`; at most 64 characters.
pub fn role_name(name: &str) -> Result<()> {
    let mut chars = name.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && name.len() <= 64;
    if ok {
        Ok(())
    } else {
        Err(
            Error::usage(format!("{} is not a valid role name", quote(name)))
                .with_hint("a role name is a letter, then letters, digits, - or _ (at most 64)"),
        )
    }
}

// ---------------------------------------------------------------------------------------------
// The same rules as regular expressions, for the OpenAPI document.

/// A character class of `ranges` (the characters themselves; JSON escapes what it must).
fn class(ranges: &[&[(char, char)]]) -> String {
    let mut out = String::new();
    for (low, high) in ranges.iter().flat_map(|r| r.iter()) {
        if low == high {
            out.push(*low);
        } else {
            out.push(*low);
            out.push('-');
            out.push(*high);
        }
    }
    out
}

/// Text without a hidden character.
pub fn visible_pattern() -> String {
    format!("^[^{}]*$", class(&[HIDDEN]))
}

/// [`email`]'s rule: white space around it, then `name@label.label...`.
pub fn email_pattern() -> String {
    let ws = class(&[WHITESPACE]);
    let bad = class(&[WHITESPACE, HIDDEN]);
    format!("^[{ws}]*[^@{bad}]+@[^@.{bad}]+(?:\\.[^@.{bad}]+)+[{ws}]*$")
}

pub const SLUG_PATTERN: &str = "^[a-z0-9]+(?:-[a-z0-9]+)*$";
pub const ROLE_PATTERN: &str = "^[A-Za-z][A-Za-z0-9_-]*$";

/// `resource:action` of the catalogue, or `resource:*`.
pub fn permission_pattern() -> String {
    format!(
        "^(?:{}):(?:{}|\\*)$",
        super::permission::RESOURCES.join("|"),
        super::permission::ACTIONS.join("|")
    )
}

/// A comma-separated list of permissions, blanks around each allowed.
pub fn permission_list_schema() -> Object {
    let one = permission_pattern();
    let one = one.trim_start_matches('^').trim_end_matches('$');
    let ws = class(&[WHITESPACE]);
    string(
        format!("^[{ws}]*{one}[{ws}]*(?:,[{ws}]*{one}[{ws}]*)*$"),
        4096,
        "Permissions, comma-separated: resource:action (resource:* for every action).",
    )
    .examples(["agents:read,agents:update"])
    .build()
}

/// [`permission_list_schema`] as a type, for a parameter's `value_type`.
pub struct PermissionList;

impl utoipa::PartialSchema for PermissionList {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        permission_list_schema().into()
    }
}

impl utoipa::ToSchema for PermissionList {}

/// One of the catalogue's resources.
pub fn resource_schema() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .enum_values(Some(super::permission::RESOURCES))
        .build()
}

/// A key as `keys show` takes it: its id, the first 4 or more characters of it, or its
/// display prefix (`sk_live_AbCd`).
pub const KEY_ID_PATTERN: &str = "^(?:[0-9a-fA-F-]{4,36}|sk_(?:live|test)_[A-Za-z0-9]{4})$";

fn string(pattern: String, max: usize, description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(pattern))
        .min_length(Some(1))
        .max_length(Some(max))
        .description(Some(description))
}

fn email_schema() -> ObjectBuilder {
    string(
        email_pattern(),
        LOOKUP_MAX,
        "An email: name@domain, no space and no control or invisible character; surrounding \
         blanks are trimmed, the domain lowercased.",
    )
    .examples(["alice@acme.io"])
}

fn slug_schema() -> ObjectBuilder {
    string(
        SLUG_PATTERN.into(),
        63,
        "An organization slug: lowercase letters, digits and single dashes.",
    )
    .examples(["acme"])
}

fn role_schema() -> ObjectBuilder {
    string(
        ROLE_PATTERN.into(),
        64,
        "A role name: a letter, then letters, digits, - or _.",
    )
    .examples(["EDITOR"])
}

fn permission_schema() -> ObjectBuilder {
    string(
        permission_pattern(),
        64,
        "A permission, resource:action (resource:* for every action).",
    )
    .examples(["agents:read"])
}

fn key_id_schema() -> ObjectBuilder {
    string(
        KEY_ID_PATTERN.into(),
        36,
        "A key's id, its first 4 or more characters, or its display prefix (sk_live_AbCd).",
    )
}

fn text_schema(max: usize) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .pattern(Some(visible_pattern()))
        .max_length(Some(max))
        .description(Some(format!(
            "Visible text: no control or invisible character, at most {max} characters."
        )))
}

/// A backup's id: its start time to the microsecond, and 4 hex digits.
pub const BACKUP_ID_PATTERN: &str = "^[0-9]{8}T[0-9]{6}(?:\\.[0-9]{6})?Z-[0-9a-fA-F]{4}$";

fn backup_id_schema() -> ObjectBuilder {
    string(
        BACKUP_ID_PATTERN.into(),
        28,
        "A backup's id, as `backup list` shows it.",
    )
    .examples(["20261126T020000.123456Z-3fa1"])
}

/// A storage the admin API does not take (it uses its own): `null` only.
pub fn no_storage_schema() -> Object {
    ObjectBuilder::new()
        .schema_type(Type::Null)
        .description(Some(
            "Not accepted over the API: the server writes to its own storage (its BACKUP_DIR).",
        ))
        .build()
}

/// A storage in a request over the API: none (the server uses its own).
pub fn no_storage<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<String>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(_) => Err(serde::de::Error::custom(
            "`storage` is not accepted over the API (the server uses its own storage, its BACKUP_DIR)",
        )),
    }
}

/// What serde reports: the message and its hint in one line.
fn said(e: &Error) -> String {
    match e.hint() {
        Some(hint) => format!("{} ({hint})", e.message()),
        None => e.message().to_string(),
    }
}

/// A kind of value: its check (which may normalize), and its schema.
macro_rules! kind {
    ($(#[$doc:meta])* $name:ident, $check:expr, $schema:expr) => {
        $(#[$doc])*
        pub mod $name {
            use super::*;

            /// The value, checked (and normalized where the kind says so).
            pub fn check(text: &str) -> Result<String> {
                let check: fn(&str) -> Result<String> = $check;
                check(text)
            }

            /// clap's value parser.
            pub fn parse(text: &str) -> std::result::Result<String, String> {
                check(text).map_err(|e| said(&e))
            }

            pub fn deserialize<'de, D: Deserializer<'de>>(
                d: D,
            ) -> std::result::Result<String, D::Error> {
                let text = String::deserialize(d)?;
                check(&text).map_err(|e| serde::de::Error::custom(said(&e)))
            }

            /// For `Option<String>` fields (with `#[serde(default)]`).
            pub fn option<'de, D: Deserializer<'de>>(
                d: D,
            ) -> std::result::Result<Option<String>, D::Error> {
                match Option::<String>::deserialize(d)? {
                    None => Ok(None),
                    Some(text) => check(&text)
                        .map(Some)
                        .map_err(|e| serde::de::Error::custom(said(&e))),
                }
            }

            /// For `Vec<String>` fields.
            pub fn list<'de, D: Deserializer<'de>>(
                d: D,
            ) -> std::result::Result<Vec<String>, D::Error> {
                Vec::<String>::deserialize(d)?
                    .iter()
                    .map(|t| check(t).map_err(|e| serde::de::Error::custom(said(&e))))
                    .collect()
            }

            pub fn schema() -> Object {
                let schema: fn() -> ObjectBuilder = $schema;
                schema().build()
            }

            pub fn option_schema() -> Object {
                let schema: fn() -> ObjectBuilder = $schema;
                schema()
                    .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
                    .build()
            }

            pub fn list_schema() -> utoipa::openapi::schema::Array {
                ArrayBuilder::new().items(schema()).build()
            }

            /// For `Vec<String>` fields a query string carries, comma-separated.
            pub mod comma {
                use super::*;

                pub fn serialize<S: serde::Serializer>(
                    list: &[String],
                    s: S,
                ) -> std::result::Result<S::Ok, S::Error> {
                    s.serialize_str(&list.join(","))
                }

                pub fn deserialize<'de, D: Deserializer<'de>>(
                    d: D,
                ) -> std::result::Result<Vec<String>, D::Error> {
                    String::deserialize(d)?
                        .split(',')
                        .map(|t| check(t).map_err(|e| serde::de::Error::custom(said(&e))))
                        .collect()
                }
            }

            /// The kind as a type, for a parameter's `#[param(value_type = .., inline)]`.
            pub struct Param;

            impl utoipa::PartialSchema for Param {
                fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                    schema().into()
                }
            }

            impl utoipa::ToSchema for Param {}
        }
    };
}

kind!(
    /// A new user's email ([`email`](super::email)).
    new_email,
    email,
    email_schema
);
kind!(
    /// A user, by email.
    user,
    |t| lookup("user", t),
    email_schema
);
kind!(
    /// A new organization's slug.
    new_slug,
    |t| slug(t).map(|()| t.to_string()),
    slug_schema
);
kind!(
    /// An organization, by slug.
    org,
    |t| lookup("organization", t),
    slug_schema
);
kind!(
    /// A new role's name.
    new_role,
    |t| role_name(t).map(|()| t.to_string()),
    role_schema
);
kind!(
    /// A role, by name.
    role,
    |t| lookup("role", t),
    role_schema
);
kind!(
    /// A permission, `resource:action`.
    permission,
    |t| lookup("permission", t),
    permission_schema
);
kind!(
    /// A key, by id, the start of its id, or its display prefix.
    key,
    |t| lookup("key id", t),
    key_id_schema
);
kind!(
    /// A backup, by id.
    backup,
    |t| lookup("backup id", t),
    backup_id_schema
);
kind!(
    /// A name or label: visible text, at most 200 characters.
    name,
    |t| free_text("name", t, 200).map(|()| t.to_string()),
    || text_schema(200)
);
kind!(
    /// A filter's or a template's text: 1 to 200 visible characters.
    term,
    |t| {
        if t.is_empty() {
            return Err(Error::usage("the value is empty"));
        }
        free_text("value", t, 200).map(|()| t.to_string())
    },
    || text_schema(200).min_length(Some(1))
);
kind!(
    /// A description or reason: visible text, at most 500 characters.
    note,
    |t| free_text("text", t, 500).map(|()| t.to_string()),
    || text_schema(500)
);

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(pattern: &str, text: &str) -> bool {
        regex_lite::Regex::new(pattern).unwrap().is_match(text)
    }

    #[test]
    fn emails_are_normalized_and_look_alikes_refused() {
        assert_eq!(email(" Alice@ACME.io ").unwrap(), "Alice@acme.io");
        assert_eq!(email("zoe\u{308}@acme.io").unwrap(), "zoë@acme.io");
        assert!(email("o'brien+ops@acme.co.uk").is_ok());
        for bad in [
            "owner-a@acme.io\u{200b}",
            "owner\u{202e}a@acme.io",
            "own\u{ad}er@acme.io",
            "owner@acme\u{feff}.io",
            "a\0b@acme.io",
            "alice",
            "@acme.io",
            "alice@acme",
            "a b@acme.io",
            "alice@.io",
            "alice@acme..io",
            "a@b@c.io",
        ] {
            assert!(email(bad).is_err(), "{bad:?}");
        }
        let e = email("owner-a@acme.io\u{200b}").unwrap_err();
        assert!(e.message().contains("\\u{200b}"), "{}", e.message());
        assert!(email(&format!("{}@acme.io", "a".repeat(250))).is_err());
    }

    #[test]
    fn the_email_pattern_is_the_email_rule() {
        let pattern = email_pattern();
        for text in [
            "alice@acme.io",
            " Alice@ACME.io\t",
            "zoë@acme.io",
            "owner-a@acme.io\u{200b}",
            "owner-a@acme.io \u{200b}",
            "a\u{a0}b@acme.io",
            "alice",
            "alice@acme",
            "alice@acme..io",
            "alice@.acme.io",
            "alice@acme.io.",
            "a@b@c.io",
            "@acme.io",
            "a\0b@acme.io",
            "",
            " ",
        ] {
            assert_eq!(matches(&pattern, text), email(text).is_ok(), "{text:?}");
        }
    }

    #[test]
    fn slugs_and_role_names_match_their_patterns() {
        for text in [
            "acme",
            "acme-corp",
            "a1",
            "Acme",
            "acme--x",
            "-acme",
            "acme-",
            "ac\0me",
            "",
        ] {
            assert_eq!(matches(SLUG_PATTERN, text), slug(text).is_ok(), "{text:?}");
        }
        for text in ["EDITOR", "ops_team-2", "2ops", "", "ed\0itor", "a b"] {
            assert_eq!(
                matches(ROLE_PATTERN, text),
                role_name(text).is_ok(),
                "{text:?}"
            );
        }
        let hint = slug("Acme Corp")
            .err()
            .and_then(|e| e.hint().map(String::from));
        assert!(hint.is_some_and(|h| h.contains("`acme-corp`")));
    }

    #[test]
    fn free_text_refuses_hidden_characters() {
        assert!(free_text("name", "Alice O'Brien; \"x\" 🚀 Zoë", 200).is_ok());
        for bad in [
            "a\nb",
            "Evil\x1b]0;x\x07",
            "key\u{200b}",
            "a\u{2066}b",
            "x\u{e0041}",
        ] {
            assert!(free_text("name", bad, 200).is_err(), "{bad:?}");
            assert!(!matches(&visible_pattern(), bad), "{bad:?}");
        }
        assert!(matches(&visible_pattern(), "Zoë 🚀"));
        assert!(free_text("name", &"y".repeat(201), 200).is_err());
    }

    #[test]
    fn look_ups_refuse_only_what_no_name_holds() {
        assert_eq!(lookup("role", " EDITOR ").unwrap(), "EDITOR");
        // A look-alike stored before the rules can still be named.
        assert!(lookup("user", "owner-a@acme.io\u{200b}").is_ok());
        assert!(lookup("role", "ed\0itor").is_err());
        assert!(lookup("role", "").is_err());
        assert!(lookup("role", &"x".repeat(1_000_000)).is_err());
        assert!(matches(&permission_pattern(), "agents:*"));
        assert!(!matches(&permission_pattern(), "agents:fly"));
        assert!(matches(KEY_ID_PATTERN, "sk_live_AbCd"));
        assert!(!matches(KEY_ID_PATTERN, "sk_live_AbCdEfGh"));
    }
}
