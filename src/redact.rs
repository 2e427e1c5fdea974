//! Keeping secrets out of everything platctl prints.
//!
//! Two layers: [`redact_url`] hides the password of a URL wherever platctl shows one, and
//! [`scrub`] is applied to every line that reaches stderr (errors, warnings, `-v` logs): it
//! redacts any URL userinfo it finds and replaces every secret registered with [`register`]
//! (database passwords, API keys, SendGrid keys), so a driver error that quotes a URL or a
//! password cannot leak it.

use std::sync::{LazyLock, RwLock};

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
            if form.len() >= 3 && !list.contains(&form) {
                list.push(form);
            }
        }
        // Longest first, so a secret that contains another is masked whole.
        list.sort_by_key(|s| std::cmp::Reverse(s.len()));
    }
}

/// Register the password (and password-like query parameters) of a URL.
pub fn register_url(url: &str) {
    if let Some(password) = url_password(url) {
        register(&password);
    }
    for (_, value) in secret_query_params(url) {
        register(&value);
    }
}

/// Text with URL passwords and every registered secret replaced by `***`.
pub fn scrub(text: &str) -> String {
    let mut out = redact_urls_in(text);
    if let Ok(list) = SECRETS.read() {
        for secret in list.iter() {
            if out.contains(secret.as_str()) {
                out = out.replace(secret.as_str(), MASK);
            }
        }
    }
    out
}

/// The URL with its password (and `password=` style query parameters) replaced by `***`.
pub fn redact_url(url: &str) -> String {
    redact_urls_in(url)
}

fn url_password(url: &str) -> Option<String> {
    let (_, rest) = url.split_once("://")?;
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let (userinfo, _) = authority.rsplit_once('@')?;
    let (_, password) = userinfo.split_once(':')?;
    (!password.is_empty()).then(|| password.to_string())
}

const SECRET_PARAMS: [&str; 6] = [
    "password",
    "sslpassword",
    "pass",
    "secret",
    "token",
    "api_key",
];

fn secret_query_params(url: &str) -> Vec<(String, String)> {
    let Some((_, query)) = url.split_once('?') else {
        return Vec::new();
    };
    let query = query.split('#').next().unwrap_or("");
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .filter(|(k, v)| SECRET_PARAMS.contains(&k.to_ascii_lowercase().as_str()) && !v.is_empty())
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// Redact the userinfo password of every `scheme://user:pass@host` in free text, and
/// `password=...` query parameters after it.
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
        out.push_str(&redact_one(url));
        rest = &after[url_end..];
    }
    out.push_str(rest);
    out
}

/// `url` is the part after `scheme://`.
fn redact_one(url: &str) -> String {
    let authority_end = url.find(['/', '?', '#']).unwrap_or(url.len());
    let (authority, tail) = url.split_at(authority_end);
    let mut out = String::with_capacity(url.len());
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => {
            match userinfo.split_once(':') {
                Some((user, _)) => {
                    out.push_str(user);
                    out.push(':');
                    out.push_str(MASK);
                }
                None => out.push_str(userinfo),
            }
            out.push('@');
            out.push_str(host);
        }
        None => out.push_str(authority),
    }
    match tail.split_once('?') {
        Some((path, query)) => {
            out.push_str(path);
            out.push('?');
            let redacted: Vec<String> = query
                .split('&')
                .map(|pair| match pair.split_once('=') {
                    Some((k, _)) if SECRET_PARAMS.contains(&k.to_ascii_lowercase().as_str()) => {
                        format!("{k}={MASK}")
                    }
                    _ => pair.to_string(),
                })
                .collect();
            out.push_str(&redacted.join("&"));
        }
        None => out.push_str(tail),
    }
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
        assert_eq!(redact_url("/var/lib/platctl.db"), "/var/lib/platctl.db");
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
    fn registered_secrets_are_masked_in_decoded_form_too() {
        register_url("postgres://u:pa%2Fzz99@h/db");
        assert_eq!(scrub("auth failed for pa/zz99"), "auth failed for ***");
        assert_eq!(scrub("auth failed for pa%2Fzz99"), "auth failed for ***");
    }
}
