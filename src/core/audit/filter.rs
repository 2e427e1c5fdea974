//! Audit filters: the names an operator types (an email, a slug, a key prefix, a glob, a CIDR)
//! resolved to ids and turned into a WHERE clause of bound values — never into SQL text.

use std::net::IpAddr;

use ipnet::IpNet;
use uuid::Uuid;

use crate::core::actor::Authorized;
use crate::core::{keys, users};
use crate::db::{Dialect, Sql, Tx};
use crate::error::{Error, Result};
use crate::proto::audit::AuditFilter;
use crate::text::quote;

/// Where an IP filter is applied.
#[derive(Debug, Clone)]
pub enum IpMatch {
    Exact(IpAddr),
    /// A block: in SQL on PostgreSQL (`<<=`); on SQLite, which has no address type, row by row
    /// as entries are read.
    Block(IpNet),
}

impl IpMatch {
    pub fn contains(&self, ip: Option<&str>) -> bool {
        let Some(ip) = ip.and_then(|t| t.parse::<IpAddr>().ok()) else {
            return false;
        };
        match self {
            IpMatch::Exact(want) => *want == ip,
            IpMatch::Block(net) => net.contains(&ip),
        }
    }
}

/// A filter with its names resolved to ids.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    user: Option<Uuid>,
    /// The organizations whose entries are read (none: every entry, the platform's own too).
    organizations: Option<Vec<Uuid>>,
    action: Option<String>,
    action_is_glob: bool,
    resource_type: Option<String>,
    resource_id: Option<String>,
    pub ip: Option<IpMatch>,
    key: Option<Uuid>,
    since: Option<chrono::DateTime<chrono::Utc>>,
    until: Option<chrono::DateTime<chrono::Utc>>,
}

/// What is checked before anything is read: the shapes of the values.
pub fn check(f: &AuditFilter) -> Result<()> {
    if let Some(glob) = &f.action {
        validate_text("--action", glob)?;
    }
    if let Some(resource) = &f.resource {
        validate_text("--resource", resource)?;
    }
    if let Some(ip) = &f.ip {
        parse_ip(ip)?;
    }
    if let (Some(since), Some(until)) = (f.since, f.until)
        && since >= until
    {
        return Err(Error::usage(format!(
            "--since ({}) is not before --until ({})",
            since.format("%Y-%m-%d %H:%M:%S UTC"),
            until.format("%Y-%m-%d %H:%M:%S UTC")
        ))
        .with_hint("--since is the start of the window and --until its end"));
    }
    Ok(())
}

fn validate_text(flag: &str, text: &str) -> Result<()> {
    if text.is_empty() {
        return Err(Error::usage(format!("{flag} is empty"))
            .with_hint(format!("{flag} takes 1 to 200 visible characters")));
    }
    crate::text::validate_free_text(flag, text, 200)
}

fn parse_ip(text: &str) -> Result<IpMatch> {
    let text = text.trim();
    if let Ok(ip) = text.parse::<IpAddr>() {
        return Ok(IpMatch::Exact(ip));
    }
    match text.parse::<IpNet>() {
        Ok(net) => Ok(IpMatch::Block(net.trunc())),
        Err(_) => Err(
            Error::usage(format!("--ip {} is not an address or a block", quote(text))).with_hint(
                "expected an address (203.0.113.7, 2001:db8::1) or a CIDR block (10.0.0.0/8)",
            ),
        ),
    }
}

/// Resolve the names of `f` inside `tx`: an unknown user, organization or key is an error
/// with "did you mean", not an empty result.
///
/// Authorized first: `auth` says which organization the filter names (`--org`) or else which
/// organizations the caller may read; the names are looked up among what it sees.
pub async fn resolve(tx: &mut Tx<'_>, auth: &Authorized, f: &AuditFilter) -> Result<Resolved> {
    check(f)?;
    let mut r = Resolved {
        since: f.since,
        until: f.until,
        ..Resolved::default()
    };
    if let Some(email) = &f.user {
        r.user = Some(users::user_in(tx, &auth.view, email).await?.id);
    }
    r.organizations = match (&auth.org, auth.view.orgs()) {
        (Some(org), _) => Some(vec![org.id]),
        (None, Some(orgs)) => Some(orgs.iter().map(|o| o.id).collect()),
        (None, None) => None,
    };
    if let Some(glob) = &f.action {
        r.action_is_glob = glob.contains(['*', '?']);
        r.action = Some(if r.action_is_glob {
            glob_to_like(glob)
        } else {
            glob.clone()
        });
    }
    if let Some(resource) = &f.resource {
        match resource.split_once(':') {
            Some((t, id)) if !t.is_empty() && !id.is_empty() => {
                r.resource_type = Some(t.to_string());
                r.resource_id = Some(id.to_string());
            }
            Some(_) => {
                return Err(Error::usage(format!(
                    "--resource {} is not TYPE or TYPE:ID",
                    quote(resource)
                ))
                .with_hint("e.g. --resource api_key or --resource api_key:3fa2c1d0-…"));
            }
            None => r.resource_type = Some(resource.clone()),
        }
    }
    if let Some(ip) = &f.ip {
        r.ip = Some(parse_ip(ip)?);
    }
    if let Some(key) = &f.key {
        // A key's id is enough even when the key itself was deleted: its entries remain.
        r.key = Some(match Uuid::parse_str(key.trim()) {
            Ok(id) => id,
            Err(_) => keys::show(tx, &auth.view, key).await?.id,
        });
    }
    Ok(r)
}

/// `api_key.*` as a LIKE pattern (with `\` escaping LIKE's own wildcards).
fn glob_to_like(glob: &str) -> String {
    let mut out = String::with_capacity(glob.len() + 4);
    for c in glob.chars() {
        match c {
            '*' => out.push('%'),
            '?' => out.push('_'),
            '%' | '_' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// `CAST($n AS type)` on PostgreSQL (values may arrive as text, see `Tx::copy_out`); SQLite
/// stores these as text and compares them as such.
fn placeholder(sql: &Sql, dialect: Dialect, pg_type: &str) -> String {
    let p = sql.next_placeholder();
    match dialect {
        Dialect::Postgres => format!("CAST({p} AS {pg_type})"),
        Dialect::Sqlite => p,
    }
}

impl Resolved {
    /// No filter at all: every entry.
    pub fn is_empty(&self) -> bool {
        self.user.is_none()
            && self.organizations.is_none()
            && self.action.is_none()
            && self.resource_type.is_none()
            && self.resource_id.is_none()
            && self.ip.is_none()
            && self.key.is_none()
            && self.since.is_none()
            && self.until.is_none()
    }

    /// Whether rows must still be checked one by one after SQL (a CIDR block on SQLite).
    pub fn row_check(&self, dialect: Dialect) -> Option<&IpMatch> {
        match (&self.ip, dialect) {
            (Some(m @ IpMatch::Block(_)), Dialect::Sqlite) => Some(m),
            _ => None,
        }
    }

    /// Append ` AND …` for every filter to `sql`, the table being aliased `a`.
    pub fn push_where(&self, sql: &mut Sql, dialect: Dialect) {
        macro_rules! clause {
            ($fmt:literal, $pg_type:literal, $value:expr) => {{
                let p = placeholder(sql, dialect, $pg_type);
                sql.push_str(&format!($fmt, p));
                sql.push_arg($value);
            }};
        }
        if let Some(id) = self.user {
            clause!(" AND a.actor_user_id = {}", "uuid", id);
        }
        match self.organizations.as_deref() {
            None => {}
            Some([]) => sql.push_str(" AND 1 = 0"),
            Some(ids) => {
                sql.push_str(" AND a.organization_id IN (");
                for (i, id) in ids.iter().enumerate() {
                    if i > 0 {
                        sql.push_str(", ");
                    }
                    clause!("{}", "uuid", *id);
                }
                sql.push_str(")");
            }
        }
        if let Some(action) = &self.action {
            if self.action_is_glob {
                clause!(" AND a.action LIKE {} ESCAPE '\\'", "text", action.as_str());
            } else {
                clause!(" AND a.action = {}", "text", action.as_str());
            }
        }
        if let Some(t) = &self.resource_type {
            clause!(" AND a.resource_type = {}", "text", t.as_str());
        }
        if let Some(id) = &self.resource_id {
            clause!(" AND a.resource_id = {}", "text", id.as_str());
        }
        match (&self.ip, dialect) {
            (Some(IpMatch::Exact(ip)), Dialect::Postgres) => {
                clause!(" AND a.ip = {}", "inet", ip.to_string());
            }
            (Some(IpMatch::Exact(ip)), Dialect::Sqlite) => {
                clause!(" AND a.ip = {}", "text", ip.to_string());
            }
            (Some(IpMatch::Block(net)), Dialect::Postgres) => {
                clause!(" AND a.ip <<= {}", "inet", net.to_string());
            }
            // Checked row by row (see `row_check`); only addressed rows can match.
            (Some(IpMatch::Block(_)), Dialect::Sqlite) => sql.push_str(" AND a.ip IS NOT NULL"),
            (None, _) => {}
        }
        if let Some(id) = self.key {
            clause!(" AND a.actor_api_key_id = {}", "uuid", id);
        }
        if let Some(t) = self.since {
            clause!(" AND a.occurred_at >= {}", "timestamptz", t);
        }
        if let Some(t) = self.until {
            clause!(" AND a.occurred_at < {}", "timestamptz", t);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_become_like_patterns_with_like_wildcards_escaped() {
        assert_eq!(glob_to_like("api_key.*"), "api\\_key.%");
        assert_eq!(glob_to_like("user.?ogin"), "user._ogin");
        assert_eq!(glob_to_like("100%"), "100\\%");
    }

    #[test]
    fn addresses_and_blocks_parse_and_match() {
        let block = parse_ip("10.1.2.3/16").unwrap();
        assert!(block.contains(Some("10.1.200.4")));
        assert!(!block.contains(Some("10.2.0.1")));
        assert!(!block.contains(None));
        let one = parse_ip("2001:db8::1").unwrap();
        assert!(one.contains(Some("2001:db8::1")));
        assert!(parse_ip("10.0.0.0/33").is_err());
        assert!(parse_ip("localhost").is_err());
    }
}
