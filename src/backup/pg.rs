//! The PostgreSQL client tools a backup needs (`pg_dump`, `psql`), found and checked against
//! the server's major version, and run without putting a password in argv.

use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Result};

pub struct Tool {
    pub path: PathBuf,
    pub major: u32,
    /// `pg_dump (PostgreSQL) 15.18`
    pub version: String,
}

fn version_of(path: &Path) -> Option<(u32, String)> {
    let out = std::process::Command::new(path)
        .arg("--version")
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let number = text.split_whitespace().nth(2)?;
    let major = number.split(['.', ' ']).next()?.parse().ok()?;
    Some((major, text))
}

/// `name` (pg_dump) of at least the server's major version. Looks in `bin_dir`
/// (PLATCTL_PG_BIN_DIR or the profile's pg_bin_dir), then Debian's
/// /usr/lib/postgresql/MAJOR/bin for the server's major, then PATH, then the newest
/// /usr/lib/postgresql/*/bin.
pub fn find(name: &str, server_major: u32, bin_dir: Option<&Path>) -> Result<Tool> {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(dir) = bin_dir {
        candidates.push(dir.join(name));
    }
    candidates.push(PathBuf::from(format!(
        "/usr/lib/postgresql/{server_major}/bin/{name}"
    )));
    if let Some(path) = std::env::var_os("PATH") {
        candidates.extend(std::env::split_paths(&path).map(|d| d.join(name)));
    }
    let mut installed: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|dir| {
            dir.filter_map(|e| e.ok())
                .filter_map(|e| {
                    let major = e.file_name().to_str()?.parse().ok()?;
                    Some((major, e.path().join("bin").join(name)))
                })
                .collect()
        })
        .unwrap_or_default();
    installed.sort();
    candidates.extend(installed.into_iter().rev().map(|(_, p)| p));

    let mut too_old: Option<Tool> = None;
    for path in candidates.into_iter().filter(|p| p.is_file()) {
        let Some((major, version)) = version_of(&path) else {
            continue;
        };
        let tool = Tool {
            path,
            major,
            version,
        };
        if major >= server_major {
            return Ok(tool);
        }
        too_old.get_or_insert(tool);
    }
    let install = format!(
        "install the PostgreSQL {server_major} client tools (Debian/Ubuntu: \
         apt-get install postgresql-client-{server_major}) or point PLATCTL_PG_BIN_DIR \
         (or the profile's pg_bin_dir) at their bin directory"
    );
    Err(match too_old {
        Some(tool) => Error::new(
            ErrorKind::Refused,
            format!(
                "{} ({}) is older than the server (PostgreSQL {server_major}); {name} must be \
                 at least the server's major version",
                tool.path.display(),
                tool.version
            ),
        )
        .with_hint(install),
        None => Error::not_found(format!("{name} was not found")).with_hint(install),
    })
}

/// The URL without its password, and the environment that carries the password instead
/// (`ps` shows argv; it does not show another user's environment).
pub fn libpq_connection(url: &str) -> (String, Vec<(&'static str, String)>) {
    let mut env = vec![("PGAPPNAME", "platctl".to_string())];
    let Some((scheme, rest)) = url.split_once("://") else {
        return (url.to_string(), env);
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let authority = match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, password)) => {
                env.push(("PGPASSWORD", crate::redact::percent_decode(password)));
                format!("{user}@{host}")
            }
            None => authority.to_string(),
        },
        None => authority.to_string(),
    };
    let tail = match tail.split_once('?') {
        Some((path, query)) => {
            let kept: Vec<&str> = query
                .split('&')
                .filter(|pair| match pair.split_once('=') {
                    Some((k, v)) if k.eq_ignore_ascii_case("password") => {
                        env.push(("PGPASSWORD", crate::redact::percent_decode(v)));
                        false
                    }
                    _ => true,
                })
                .collect();
            if kept.is_empty() {
                path.to_string()
            } else {
                format!("{path}?{}", kept.join("&"))
            }
        }
        None => tail.to_string(),
    };
    (format!("{scheme}://{authority}{tail}"), env)
}

/// Counts the rows of each table in a plain-format dump as it streams by: the lines between
/// `COPY schema.table (...) FROM stdin;` and `\.`.
#[derive(Default)]
pub struct CopyCounter {
    /// The current line, kept only while it may be a COPY header or a terminator.
    line: Vec<u8>,
    line_too_long: bool,
    table: Option<String>,
    pub tables: std::collections::BTreeMap<String, u64>,
    /// The statements outside the rows, joined as the restore joins them: a `COPY` header is
    /// one only where a statement starts, and the index builds are listed per table.
    pub statements: super::pgrestore::DumpStatements,
}

const HEADER_MAX: usize = 64 * 1024;

impl CopyCounter {
    pub fn feed(&mut self, mut data: &[u8]) {
        while !data.is_empty() {
            match memchr::memchr(b'\n', data) {
                Some(pos) => {
                    self.push(&data[..pos]);
                    self.end_line();
                    data = &data[pos + 1..];
                }
                None => {
                    self.push(data);
                    data = &[];
                }
            }
        }
    }

    fn push(&mut self, part: &[u8]) {
        // Inside COPY data only the terminator `\.` matters: keep at most 3 bytes.
        let limit = if self.table.is_some() { 3 } else { HEADER_MAX };
        if self.line.len() + part.len() > limit {
            self.line_too_long = true;
            let room = limit.saturating_sub(self.line.len());
            self.line.extend_from_slice(&part[..room.min(part.len())]);
        } else {
            self.line.extend_from_slice(part);
        }
    }

    fn end_line(&mut self) {
        let line = std::mem::take(&mut self.line);
        let too_long = std::mem::take(&mut self.line_too_long);
        match &self.table {
            Some(table) => {
                if !too_long && line == b"\\." {
                    self.table = None;
                } else if let Some(n) = self.tables.get_mut(table) {
                    *n += 1;
                }
            }
            None => {
                if too_long {
                    self.statements.lose();
                    return;
                }
                let text = String::from_utf8_lossy(&line);
                let statement = self.statements.line(&text);
                // Where the statements are known, a header is a whole statement (not a line
                // of a function's body); where they are not, any line that looks like one.
                let header = match &statement {
                    Some(s) => Some(s.as_str()),
                    None if self.statements.lost() => Some(text.as_ref()),
                    None => None,
                };
                if let Some(header) = header
                    && let Some(rest) = header.strip_prefix("COPY ")
                    && header.ends_with(" FROM stdin;")
                {
                    let name = rest
                        .split(" (")
                        .next()
                        .unwrap_or("")
                        .trim_end_matches(" FROM stdin;")
                        .to_string();
                    self.tables.entry(name.clone()).or_insert(0);
                    self.table = Some(name);
                }
            }
        }
    }
}

/// `schema.table` or `schema."Odd Name"` as pg_dump writes it, quoted safely for SQL.
pub fn quote_qualified(name: &str) -> Result<String> {
    let mut parts = Vec::new();
    let mut chars = name.chars().peekable();
    let mut current = String::new();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                current.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            '.' if !quoted => parts.push(std::mem::take(&mut current)),
            c => current.push(c),
        }
    }
    parts.push(current);
    if quoted || parts.iter().any(String::is_empty) || parts.len() > 2 {
        return Err(Error::new(
            ErrorKind::Io,
            format!("`{name}` in the manifest is not a table name"),
        ));
    }
    Ok(parts
        .iter()
        .map(|p| format!("\"{}\"", p.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join("."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_move_from_the_url_to_the_environment() {
        let (url, env) = libpq_connection("postgres://ops:s%40cret@db:5432/app?sslmode=require");
        assert_eq!(url, "postgres://ops@db:5432/app?sslmode=require");
        assert!(env.contains(&("PGPASSWORD", "s@cret".to_string())));
        let (url, env) =
            libpq_connection("postgres://ops@h/app?host=/run/pg&password=pw&port=5433");
        assert_eq!(url, "postgres://ops@h/app?host=/run/pg&port=5433");
        assert!(env.contains(&("PGPASSWORD", "pw".to_string())));
        let (url, _) = libpq_connection("postgres:///app?host=/tmp");
        assert_eq!(url, "postgres:///app?host=/tmp");
    }

    #[test]
    fn copy_rows_are_counted_across_chunk_boundaries() {
        let dump = b"SET x = 1;\nCOPY public.t (a, b) FROM stdin;\n1\tx\n2\ty\n3\tz\n\\.\n\n\
                     COPY public.\"Odd Name\" (a) FROM stdin;\n\\.\nSELECT 1;\n";
        for split in 1..dump.len() {
            let mut c = CopyCounter::default();
            c.feed(&dump[..split]);
            c.feed(&dump[split..]);
            assert_eq!(c.tables.get("public.t"), Some(&3), "split at {split}");
            assert_eq!(c.tables.get("public.\"Odd Name\""), Some(&0));
        }
    }

    #[test]
    fn a_copy_line_inside_a_function_body_is_no_copy_block() {
        let dump = b"CREATE FUNCTION public.f() RETURNS void LANGUAGE plpgsql AS $$\n\
                     COPY public.t (a) FROM stdin;\n$$;\nCOPY public.t (a) FROM stdin;\n1\n\\.\n\
                     CREATE INDEX i ON public.t USING btree (a);\n";
        let mut c = CopyCounter::default();
        c.feed(dump);
        assert_eq!(c.tables.get("public.t"), Some(&1));
        assert_eq!(c.statements.builds.get("public.t").map(Vec::len), Some(1));
    }

    #[test]
    fn qualified_names_are_requoted() {
        assert_eq!(quote_qualified("public.t").unwrap(), "\"public\".\"t\"");
        assert_eq!(
            quote_qualified("public.\"a\"\"b.c\"").unwrap(),
            "\"public\".\"a\"\"b.c\""
        );
        assert!(quote_qualified("x.y.z").is_err());
        assert!(quote_qualified("public.\"open").is_err());
    }
}
