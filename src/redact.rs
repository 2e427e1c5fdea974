//! Keeping secrets out of everything platctl prints.
//!
//! [`scrub`] is applied to every message for people, whatever the command: errors, warnings,
//! notes, `-v` logs, clap's usage errors, serve's log lines and error bodies — text that may
//! quote what someone typed. It is never applied to rendered data (tables, JSON, NDJSON, CSV):
//! there a value that is a secret is removed where the data is made (a setting's value is
//! passed through [`scrub`] on its own, a URL through [`redact_url`]), so the data stays valid
//! and an audit entry reads as it is stored. It removes
//! - the password of every URL, whether or not the URL parses: a well-formed one keeps its user
//!   (`postgres://ops:***@db/x`); in one that does not (a `#`, `/` or `?` in the password), all
//!   that lies between `://` and the last `@` is masked (`postgres://***@db/x`);
//! - `password=...` values of keyword/value connection strings and URL queries;
//! - every secret registered with [`register`] (database passwords, S3 secrets), in raw and
//!   percent-decoded form, wherever it turns up (a driver error that quotes it);
//! - the secret part of anything that looks like an API key (`sk_live_` or `sk_test_` and 8 or
//!   more key characters): it is cut to the key's 12-character display prefix.

use std::sync::{LazyLock, RwLock};

use crate::proto::keyformat::{DISPLAY_PREFIX_LEN, LIVE_PREFIX, TEST_PREFIX};

pub const MASK: &str = "***";

static SECRETS: LazyLock<RwLock<Vec<String>>> = LazyLock::new(|| RwLock::new(Vec::new()));

/// Remember a secret so that [`scrub`] removes it from any text. Short values are ignored (they
/// would mask ordinary words); the percent-decoded form is registered too.
pub fn register(secret: &str) {
    let mut forms = vec![secret.to_string()];
    let decoded = percent_decode(secret);
    if decoded != secret {
        forms.push(decoded);
    }
    if let Ok(mut list) = SECRETS.write() {
        for form in forms {
            if form.chars().count() >= 3 && !list.contains(&form) {
                list.push(form);
            }
        }
        // Longest first, so a secret that contains another is masked whole.
        list.sort_by_key(|s| std::cmp::Reverse(s.len()));
    }
}

/// Register the password of a URL (as the URL grammar reads it, and as everything between the
/// first `:` after `://` and the last `@`, for URLs whose password breaks the grammar), and
/// password-like query or keyword parameters.
pub fn register_url(url: &str) {
    if let Some((_, rest)) = url.split_once("://") {
        let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        for end in [rest[..authority_end].rfind('@'), rest.rfind('@')]
            .into_iter()
            .flatten()
        {
            if let Some((_, password)) = rest[..end].split_once(':') {
                register(password);
            }
        }
    }
    for value in secret_values(url) {
        register(&value);
    }
}

/// Text with URL passwords, `password=` values, registered secrets and API keys removed.
pub fn scrub(text: &str) -> String {
    let mut out = redact_secret_values(&redact_urls_in(text));
    if let Ok(list) = SECRETS.read() {
        for secret in list.iter() {
            if out.contains(secret.as_str()) {
                out = out.replace(secret.as_str(), MASK);
            }
        }
    }
    cut_api_keys(&out)
}

/// A URL path (or any percent-encoded text a client sent) as it may be shown: percent-decoded,
/// scrubbed, and encoded again where it is not visible ASCII (or is `%`, `"` or `\\`). A key
/// sent as `sk%5Flive%5F…` is cut like any other, and no space or line break in it can start a
/// field of a log line.
pub fn scrub_path(path: &str) -> String {
    let scrubbed = scrub(&percent_decode(path));
    let mut out = String::with_capacity(scrubbed.len());
    for byte in scrubbed.bytes() {
        if byte.is_ascii_graphic() && !matches!(byte, b'%' | b'"' | b'\\') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The URL with its password (and `password=` style query parameters) replaced by `***`.
/// The text is one URL, whole: its password may hold any character — a quote, a space, a
/// `>` — that would end a URL in free text, so it is not cut there.
pub fn redact_url(url: &str) -> String {
    let whole = match url.split_once("://") {
        Some((scheme, rest)) if !FILE_SCHEMES.iter().any(|s| scheme.eq_ignore_ascii_case(s)) => {
            format!("{scheme}://{}", redact_authority(rest))
        }
        _ => url.to_string(),
    };
    redact_secret_values(&whole)
}

/// Whether showing `url` would show a secret (it holds a password).
pub fn has_secret(url: &str) -> bool {
    redact_url(url) != url
}

/// Keys of `key=value` pairs whose value is a secret (libpq keywords, URL query parameters).
const SECRET_KEYS: [&str; 7] = [
    "password",
    "sslpassword",
    "pass",
    "passwd",
    "secret",
    "token",
    "api_key",
];

fn is_secret_key(key: &str) -> bool {
    SECRET_KEYS.iter().any(|k| key.eq_ignore_ascii_case(k))
}

/// Where each `KEY=` with a secret key starts its value, in a text: (value start, value end).
/// A key is a run of letters, digits and underscores after a separator; a value runs to the
/// next whitespace or `&` (or to the closing quote, when quoted).
fn secret_value_spans(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while let Some(offset) = text[i..].find('=') {
        let eq = i + offset;
        let key_start = text[..eq]
            .char_indices()
            .rev()
            .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '_'))
            .map_or(0, |(p, c)| p + c.len_utf8());
        let key = text[key_start..eq].trim();
        if !key.is_empty() && is_secret_key(key) {
            let start = eq + 1;
            let end = match bytes.get(start) {
                Some(&q @ (b'\'' | b'"')) => text[start + 1..]
                    .find(char::from(q))
                    .map_or(text.len(), |p| start + 1 + p + 1),
                _ => text[start..]
                    .find(|c: char| c.is_whitespace() || c == '&' || c == '`')
                    .map_or(text.len(), |p| start + p),
            };
            if end > start {
                spans.push((start, end));
            }
            i = end.max(eq + 1);
        } else {
            i = eq + 1;
        }
    }
    spans
}

fn secret_values(text: &str) -> Vec<String> {
    secret_value_spans(text)
        .into_iter()
        .map(|(s, e)| text[s..e].trim_matches(['\'', '"']).to_string())
        .filter(|v| !v.is_empty() && v != MASK)
        .collect()
}

fn redact_secret_values(text: &str) -> String {
    let spans = secret_value_spans(text);
    if spans.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (start, end) in spans {
        out.push_str(&text[last..start]);
        out.push_str(MASK);
        last = end;
    }
    out.push_str(&text[last..]);
    out
}

/// Schemes whose URLs name files, never credentials.
const FILE_SCHEMES: [&str; 2] = ["sqlite", "file"];

/// Redact the userinfo of every `scheme://user:pass@host` in free text.
fn redact_urls_in(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find("://") {
        let (before, after) = rest.split_at(pos + 3);
        out.push_str(before);
        // The URL runs until whitespace or a quote.
        let url_end = after
            .find(|c: char| c.is_whitespace() || c == '"' || c == '\'' || c == '`' || c == '>')
            .unwrap_or(after.len());
        let url = &after[..url_end];
        let scheme_start = before[..pos]
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || "+-.".contains(c)))
            .map_or(0, |p| p + 1);
        let scheme = &before[scheme_start..pos];
        if FILE_SCHEMES.iter().any(|s| scheme.eq_ignore_ascii_case(s)) {
            out.push_str(url);
        } else {
            out.push_str(&redact_authority(url));
        }
        rest = &after[url_end..];
    }
    out.push_str(rest);
    out
}

/// `url` is the part after `scheme://`. A well-formed authority keeps its user; when an `@`
/// appears after the authority's end (a password holding `/`, `?` or `#`), the URL cannot be
/// read reliably and everything up to the last `@` is masked.
fn redact_authority(url: &str) -> String {
    let Some(last_at) = url.rfind('@') else {
        return url.to_string();
    };
    let authority_end = url.find(['/', '?', '#']).unwrap_or(url.len());
    if last_at > authority_end {
        return format!("{MASK}{}", &url[last_at..]);
    }
    match url[..last_at].split_once(':') {
        Some((user, _)) => format!("{user}:{MASK}{}", &url[last_at..]),
        None => url.to_string(),
    }
}

/// Cut everything that looks like an API key to its display prefix: `sk_live_` or `sk_test_`
/// followed by at least 8 key characters becomes `sk_live_AbCd...`.
fn cut_api_keys(text: &str) -> String {
    if !text.contains(LIVE_PREFIX) && !text.contains(TEST_PREFIX) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let next = [LIVE_PREFIX, TEST_PREFIX]
            .iter()
            .filter_map(|p| rest.find(p))
            .min();
        let Some(start) = next else { break };
        let body_start = start + LIVE_PREFIX.len();
        let body_len = rest[body_start..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len() - body_start);
        if body_len >= 8 {
            out.push_str(&rest[..start + DISPLAY_PREFIX_LEN]);
            out.push_str("...");
        } else {
            out.push_str(&rest[..body_start + body_len]);
        }
        rest = &rest[body_start + body_len..];
    }
    out.push_str(rest);
    out
}

/// `%40` as `@`, and so on (what libpq does to a URL's password).
pub(crate) fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push(h * 16 + l);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_password_is_masked() {
        assert_eq!(
            redact_url("postgres://ops:secret@db.example:5432/app"),
            "postgres://ops:***@db.example:5432/app"
        );
        assert_eq!(
            redact_url("postgres://ops@db/app?sslmode=require&password=hunter2"),
            "postgres://ops@db/app?sslmode=require&password=***"
        );
        assert_eq!(redact_url("sqlite:///tmp/x.db"), "sqlite:///tmp/x.db");
        assert_eq!(
            redact_url("sqlite:///home/a@b/x.db"),
            "sqlite:///home/a@b/x.db"
        );
        assert_eq!(redact_url("/var/lib/platctl.db"), "/var/lib/platctl.db");
    }

    #[test]
    fn passwords_that_break_the_url_grammar_are_masked_too() {
        for (url, shown) in [
            (
                "postgres://ops:p#w3@127.0.0.1:1/x",
                "postgres://***@127.0.0.1:1/x",
            ),
            ("postgres://ops:a/b@db/x", "postgres://***@db/x"),
            ("postgres://ops:a?b@db/x", "postgres://***@db/x"),
            ("postgres://ops:a@b@db/x", "postgres://ops:***@db/x"),
            // Characters that end a URL in free text are a password's like any other.
            ("postgres://ops:it's@db/app", "postgres://ops:***@db/app"),
            ("postgres://ops:a b@db/app", "postgres://ops:***@db/app"),
            (
                "postgres://ops:a\"b>c`d@db/app",
                "postgres://ops:***@db/app",
            ),
        ] {
            assert_eq!(redact_url(url), shown, "{url}");
            assert!(has_secret(url));
        }
        assert!(!has_secret("postgres://ops@db/x"));
    }

    #[test]
    fn urls_inside_text_are_masked() {
        let text = "error connecting to 'postgres://a:p%40ss@h/x' (and mysql://b:c@d)";
        assert_eq!(
            scrub(text),
            "error connecting to 'postgres://a:***@h/x' (and mysql://b:***@d)"
        );
    }

    #[test]
    fn keyword_connection_strings_lose_their_password() {
        assert_eq!(
            scrub("host=db password=kvsecret user=ops"),
            "host=db password=*** user=ops"
        );
        assert_eq!(
            scrub("host=db password='a b' user=ops"),
            "host=db password=*** user=ops"
        );
        assert_eq!(scrub("a=b c=d"), "a=b c=d");
    }

    #[test]
    fn text_with_wide_characters_before_an_equals_sign_is_scrubbed_without_panicking() {
        let text = "there is no user `:DJ\u{1e876}\u{fea68}h\u{10c80f}=\u{f3d36}\u{b3}O`";
        assert_eq!(scrub(text), text);
        assert_eq!(scrub("\u{e9}password=hunter22 ok"), "\u{e9}password=*** ok");
    }

    #[test]
    fn registered_secrets_are_masked_in_decoded_form_too() {
        register_url("postgres://u:pa%2Fzz99@h/db");
        assert_eq!(scrub("auth failed for pa/zz99"), "auth failed for ***");
        assert_eq!(scrub("auth failed for pa%2Fzz99"), "auth failed for ***");
        register_url("postgres://u:qq#rr77@h/db");
        assert_eq!(
            scrub("the password qq#rr77 failed"),
            "the password *** failed"
        );
    }

    #[test]
    fn paths_are_decoded_before_they_are_scrubbed_and_shown_as_one_token() {
        let key = "sk_live_AbCdEfGhIjKlMnOpQrStUvWxYz012345";
        assert_eq!(
            scrub_path(&format!("/api-keys/{}", key.replace('_', "%5F"))),
            "/api-keys/sk_live_AbCd..."
        );
        assert_eq!(scrub_path(&format!("/x/{key}")), "/x/sk_live_AbCd...");
        assert_eq!(scrub_path("/users/a%40b.io"), "/users/a@b.io");
        assert_eq!(
            scrub_path("/x%20status=200%0Aforged"),
            "/x%20status=200%0Aforged"
        );
        assert_eq!(scrub_path("/caf%C3%A9/100%"), "/caf%C3%A9/100%25");
    }

    #[test]
    fn api_keys_are_cut_to_their_prefix() {
        let key = "sk_live_AbCdEfGhIjKlMnOpQrStUvWxYz012345";
        assert_eq!(
            scrub(&format!("unexpected argument '{key}'")),
            "unexpected argument 'sk_live_AbCd...'"
        );
        assert_eq!(
            scrub(&format!("no key `{}x`", &key[..39])),
            "no key `sk_live_AbCd...`"
        );
        // A display prefix, or fewer than 8 key characters, is not a secret.
        assert_eq!(
            scrub("sk_test_AbCd and sk_live_1234567"),
            "sk_test_AbCd and sk_live_1234567"
        );
        assert_eq!(scrub("sk_test_AbCdEfGh"), "sk_test_AbCd...");
    }
}
