//! The parsers of the settings' values: each takes the text as given (flag, variable or profile
//! key) and returns the value or why it is refused, in words that complete "... is not valid: ".
//! Which setting uses which parser is said by the table.

use std::path::PathBuf;
use std::time::Duration;

use crate::output::Format;
use crate::redact;

/// The allowed values of each setting, said once: used by the checks and their messages.
const RETENTION_DAYS_MAX: i64 = 36_500;
const COMPRESSION_LEVELS: std::ops::RangeInclusive<u32> =
    1..=crate::backup::compress::MAX_ZSTD_LEVEL;
const S3_PART_SIZE_MIN: usize = 5 << 20;
const S3_PART_SIZE_MAX: usize = 5 << 30;

pub fn days(text: &str) -> Result<i64, String> {
    text.trim()
        .parse::<i64>()
        .ok()
        .filter(|d| (1..=RETENTION_DAYS_MAX).contains(d))
        .ok_or_else(|| format!("expected a whole number of days from 1 to {RETENTION_DAYS_MAX}"))
}

pub fn boolean(text: &str) -> Result<bool, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err("expected true or false (also yes/no, on/off, 1/0)".into()),
    }
}

pub fn level(text: &str) -> Result<u32, String> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|l| COMPRESSION_LEVELS.contains(l))
        .ok_or_else(|| {
            format!(
                "expected a level from 1 (fastest) to {} (smallest) for gzip, or to {} for zstd",
                crate::backup::compress::MAX_GZIP_LEVEL,
                crate::backup::compress::MAX_ZSTD_LEVEL
            )
        })
}

pub fn compression(text: &str) -> Result<crate::backup::compress::Compression, String> {
    use crate::backup::compress::Compression;
    match text.trim().to_ascii_lowercase().as_str() {
        "gzip" | "gz" => Ok(Compression::Gzip),
        "zstd" | "zst" => Ok(Compression::Zstd),
        _ => Err("expected gzip or zstd".into()),
    }
}

/// S3's names for server-side encryption: `AES256` (SSE-S3) or `aws:kms` (SSE-KMS).
pub fn sse(text: &str) -> Result<String, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "aes256" | "sse-s3" => Ok("AES256".into()),
        "aws:kms" | "sse-kms" => Ok("aws:kms".into()),
        _ => Err("expected AES256 (SSE-S3) or aws:kms (SSE-KMS)".into()),
    }
}

pub fn recipients(text: &str) -> Result<String, String> {
    crate::backup::crypt::parse_recipients_setting(text)
}

/// A path, not a key: the private key itself given as the value is refused (and never shown).
pub fn identity_file(text: &str) -> Result<PathBuf, String> {
    let text = text.trim();
    if crate::backup::crypt::holds_private_key(text) {
        return Err(
            "that is an age private key itself: give the path of the file that holds it".into(),
        );
    }
    if text.is_empty() {
        return Err("expected the path of an age identity file (from `age-keygen -o FILE`)".into());
    }
    Ok(PathBuf::from(text))
}

pub fn part_size(text: &str) -> Result<usize, String> {
    let size = crate::backup::storage::parse_size(text)?;
    if (S3_PART_SIZE_MIN..=S3_PART_SIZE_MAX).contains(&size) {
        Ok(size)
    } else {
        Err("expected a size from 5MiB (the S3 minimum) to 5GiB, e.g. 16MiB".into())
    }
}

pub fn timeout(text: &str) -> Result<Duration, String> {
    match crate::cli::parse_duration(text) {
        Ok(d) if d.is_zero() => Err("the wait must be longer than zero, e.g. 10s".into()),
        Ok(d) if d > Duration::from_secs(3600) => Err("at most 1h".into()),
        other => other,
    }
}

/// A PostgreSQL timeout: `0` (none), or up to a day.
pub fn server_timeout(text: &str) -> Result<Duration, String> {
    if text.trim() == "0" {
        return Ok(Duration::ZERO);
    }
    match crate::cli::parse_duration(text) {
        Ok(d) if d > Duration::from_secs(86_400) => Err("at most 1d, or 0 for no limit".into()),
        Ok(d) if d < Duration::from_millis(1) => Err("at least 1ms, or 0 for no limit".into()),
        other => other,
    }
}

pub fn bin_dir(text: &str) -> Result<PathBuf, String> {
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

pub fn sender(text: &str) -> Result<String, String> {
    crate::email::mailbox(text, "the sender")
        .map(|_| text.trim().to_string())
        .map_err(|_| "expected name@domain or `Name <name@domain>`".to_string())
}

pub fn templates_dir(text: &str) -> Result<PathBuf, String> {
    let dir = PathBuf::from(text);
    if dir.is_dir() {
        Ok(dir)
    } else {
        Err("no such directory".into())
    }
}

pub fn direct_url(text: &str) -> Result<String, String> {
    // Its password is masked wherever it might turn up.
    redact::register_url(text);
    match crate::db::DatabaseTarget::parse(text.trim()) {
        Ok(crate::db::DatabaseTarget::Postgres { url }) => Ok(url),
        _ => Err(
            "expected postgres://USER@HOST[:PORT]/DATABASE: PostgreSQL itself, \
                  not the pooler"
                .into(),
        ),
    }
}

pub fn pooler(text: &str) -> Result<crate::db::Pooler, String> {
    text.parse()
}

pub fn smtp_url(text: &str) -> Result<String, String> {
    // Its password is masked wherever it might turn up.
    redact::register_url(text);
    let lower = text.trim().to_ascii_lowercase();
    if lower.starts_with("smtp://") || lower.starts_with("smtps://") {
        Ok(text.trim().to_string())
    } else {
        Err("expected smtp://[USER:PASSWORD@]HOST[:PORT] or smtps://...".into())
    }
}

pub fn sendgrid_key(text: &str) -> Result<String, String> {
    // Masked wherever it might turn up, from the moment it is read.
    redact::register(text.trim());
    word(text).map_err(|_| "expected a SendGrid API key (SG.…), without spaces".into())
}

/// `https://…`; `http://` only for a loopback endpoint (the key would cross the network in
/// the clear).
pub fn sendgrid_url(text: &str) -> Result<String, String> {
    let url = url::Url::parse(text.trim()).map_err(|e| format!("not a URL ({e})"))?;
    match url.scheme() {
        "https" => {}
        "http" if on_loopback(&url) => {}
        "http" => {
            return Err(
                "plain http would send the API key in the clear; use https:// (http:// is \
                 accepted on loopback only)"
                    .into(),
            );
        }
        other => return Err(format!("the scheme `{other}` is not https")),
    }
    if url.query().is_some() || !url.username().is_empty() {
        return Err("expected the API's base URL, e.g. https://api.sendgrid.com".into());
    }
    Ok(text.trim().trim_end_matches('/').to_string())
}

pub fn server(text: &str) -> Result<String, String> {
    let url = url::Url::parse(text.trim()).map_err(|e| format!("not a URL ({e})"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!(
            "the scheme `{}` is not http or https; expected e.g. https://admin.acme.io",
            url.scheme()
        ));
    }
    if url.host_str().is_none() || url.query().is_some() || !url.username().is_empty() {
        return Err("expected scheme, host, port and at most a path".into());
    }
    Ok(text.trim().trim_end_matches('/').to_string())
}

pub fn api_key(text: &str) -> Result<String, String> {
    let key = text.trim();
    redact::register(key);
    if key.is_empty() || key.chars().any(char::is_whitespace) {
        return Err("expected an API key (sk_live_…) without spaces".into());
    }
    Ok(key.to_string())
}

/// The file's path (as given) and the key it holds.
pub fn api_key_file(text: &str) -> Result<(String, String), String> {
    let contents = std::fs::read_to_string(text.trim())
        .map_err(|e| format!("cannot read it ({e}); it should hold one API key"))?;
    let key = api_key(&contents).map_err(|e| format!("its contents: {e}"))?;
    Ok((text.trim().to_string(), key))
}

pub fn rate_max(text: &str) -> Result<std::num::NonZeroU32, String> {
    text.trim()
        .parse::<std::num::NonZeroU32>()
        .ok()
        .filter(|n| n.get() <= 1_000_000)
        .ok_or_else(|| "expected a number of requests from 1 to 1000000".into())
}

pub fn limit_store(text: &str) -> Result<crate::serve::LimitStore, String> {
    text.parse()
}

pub fn replica_id(text: &str) -> Result<String, String> {
    let text = text.trim();
    let fits = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':');
    if (1..=64).contains(&text.len()) && text.chars().all(fits) {
        Ok(text.to_string())
    } else {
        Err(
            "expected 1 to 64 letters, digits, `.`, `-`, `_` or `:`, e.g. api-2 or host:8080"
                .into(),
        )
    }
}

pub fn connections(text: &str) -> Result<usize, String> {
    text.trim()
        .parse::<usize>()
        .ok()
        .filter(|n| (1..=1_000_000).contains(n))
        .ok_or_else(|| "expected a number of connections from 1 to 1000000".into())
}

pub fn rate_ttl(text: &str) -> Result<Duration, String> {
    match text.trim().parse::<u64>() {
        Ok(seconds @ 1..=86_400) => Ok(Duration::from_secs(seconds)),
        _ => Err("expected a number of seconds from 1 to 86400".into()),
    }
}

pub fn confirm_within(text: &str) -> Result<Duration, String> {
    match crate::proto::duration::parse(text).ok() {
        Some(d) if (Duration::from_secs(1)..=Duration::from_secs(86_400)).contains(&d) => Ok(d),
        _ => Err("expected a duration from 1s to 1d, e.g. 10m".into()),
    }
}

/// A Sentry DSN: `https://PUBLIC_KEY@HOST/PROJECT_ID` (`http://` only on loopback, as for
/// SendGrid's URL: an event says what failed where).
pub fn sentry_dsn(text: &str) -> Result<String, String> {
    let text = text.trim();
    let dsn: sentry::types::Dsn = text.parse().map_err(|e| {
        format!(
            "not a Sentry DSN ({e}); expected https://PUBLIC_KEY@o0.ingest.sentry.io/PROJECT_ID"
        )
    })?;
    let loopback = url::Url::parse(text).is_ok_and(|url| on_loopback(&url));
    if dsn.scheme() == sentry::types::Scheme::Http && !loopback {
        return Err(
            "plain http would send the reports in the clear; use https:// (http:// is \
                    accepted on loopback only)"
                .into(),
        );
    }
    Ok(text.to_string())
}

/// Whether a URL names this machine (`localhost`, 127.0.0.0/8, ::1).
fn on_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

pub fn cors(text: &str) -> Result<String, String> {
    let text = text.trim();
    if text == "*" {
        return Ok(text.into());
    }
    for origin in text.split(',') {
        let url = url::Url::parse(origin.trim()).map_err(|_| {
            format!(
                "`{}` is not an origin; expected e.g. https://app.acme.io",
                origin.trim()
            )
        })?;
        if !matches!(url.scheme(), "http" | "https") || url.path() != "/" || url.query().is_some() {
            return Err(format!(
                "`{}` is not an origin (scheme, host and port only)",
                origin.trim()
            ));
        }
    }
    Ok(text.into())
}

pub fn networks(text: &str) -> Result<Vec<ipnet::IpNet>, String> {
    text.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| {
            t.parse::<ipnet::IpNet>()
                .or_else(|_| t.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .map_err(|_| format!("`{t}` is not an address or a CIDR like 10.0.0.0/8"))
        })
        .collect()
}

pub fn ca_file(text: &str) -> Result<PathBuf, String> {
    let file = PathBuf::from(text);
    if file.is_file() {
        Ok(file)
    } else {
        Err("no such file; it should hold a CA certificate (PEM)".into())
    }
}

pub fn key_file(text: &str) -> Result<PathBuf, String> {
    let file = PathBuf::from(text);
    if file.is_file() {
        Ok(file)
    } else {
        Err("no such file; `platctl audit keygen --out DIR` makes a key pair".into())
    }
}

pub fn endpoint(text: &str) -> Result<String, String> {
    let lower = text.trim().to_ascii_lowercase();
    if (lower.starts_with("http://") || lower.starts_with("https://")) && lower.len() > 8 {
        Ok(text.trim().to_string())
    } else {
        Err("expected an http:// or https:// URL, e.g. https://minio.internal:9000".into())
    }
}

pub fn storage(text: &str) -> Result<String, String> {
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

pub fn log_filter(text: &str) -> Result<String, String> {
    tracing_subscriber::EnvFilter::try_new(text)
        .map(|_| text.to_string())
        .map_err(|e| format!("{e}; expected a tracing filter such as `platctl=debug,sqlx=warn`"))
}

pub fn slug(text: &str) -> Result<String, String> {
    crate::proto::input::slug(text)
        .map(|()| text.to_string())
        .map_err(|e| e.hint().unwrap_or("not an organization slug").to_string())
}

pub fn word(text: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() || text.chars().any(char::is_whitespace) {
        Err("expected a value without spaces".into())
    } else {
        Ok(text.to_string())
    }
}

pub fn email(text: &str) -> Result<String, String> {
    crate::proto::input::user::parse(text)
}

pub fn format(text: &str) -> Result<Format, String> {
    <Format as clap::ValueEnum>::from_str(text.trim(), true)
        .map_err(|_| "expected table, json, ndjson or csv".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every spelling `BACKUP_ENABLED` (and `backup_enabled`, as text) is taken as, in any
    /// case and with surrounding blanks; anything else is refused with the spellings allowed.
    #[test]
    fn boolean_spellings() {
        const REFUSED: &str = "expected true or false (also yes/no, on/off, 1/0)";
        let cases: &[(&str, Result<bool, &str>)] = &[
            ("true", Ok(true)),
            ("TRUE", Ok(true)),
            ("True", Ok(true)),
            ("tRuE", Ok(true)),
            ("yes", Ok(true)),
            ("YES", Ok(true)),
            ("Yes", Ok(true)),
            ("on", Ok(true)),
            ("ON", Ok(true)),
            ("On", Ok(true)),
            ("1", Ok(true)),
            (" true ", Ok(true)),
            ("\tyes\n", Ok(true)),
            ("false", Ok(false)),
            ("FALSE", Ok(false)),
            ("False", Ok(false)),
            ("fAlSe", Ok(false)),
            ("no", Ok(false)),
            ("NO", Ok(false)),
            ("No", Ok(false)),
            ("off", Ok(false)),
            ("OFF", Ok(false)),
            ("Off", Ok(false)),
            ("0", Ok(false)),
            (" off ", Ok(false)),
            ("\tno\n", Ok(false)),
            ("", Err(REFUSED)),
            (" ", Err(REFUSED)),
            ("2", Err(REFUSED)),
            ("-1", Err(REFUSED)),
            ("01", Err(REFUSED)),
            ("1.0", Err(REFUSED)),
            ("t", Err(REFUSED)),
            ("f", Err(REFUSED)),
            ("y", Err(REFUSED)),
            ("n", Err(REFUSED)),
            ("tru", Err(REFUSED)),
            ("enabled", Err(REFUSED)),
            ("disabled", Err(REFUSED)),
            ("enable", Err(REFUSED)),
            ("nope", Err(REFUSED)),
            ("yes please", Err(REFUSED)),
            ("true false", Err(REFUSED)),
            ("on/off", Err(REFUSED)),
            ("\"true\"", Err(REFUSED)),
            ("ja", Err(REFUSED)),
        ];
        for (text, expected) in cases {
            assert_eq!(
                boolean(text),
                expected.map_err(str::to_string),
                "BACKUP_ENABLED={text:?}"
            );
        }
    }
}
