//! The platform's schema migrations as embedded in this binary, their checksums, and the
//! splitting of a script into statements (so a failure names the statement, not just the file).

use sha2::{Digest, Sha256};

use crate::db::Dialect;

/// One migration as shipped in `migrations/<dialect>/NNNN_name.{up,down}.sql`.
#[derive(Debug)]
pub struct Embedded {
    pub version: i64,
    pub name: &'static str,
    pub up: &'static str,
    pub down: &'static str,
}

mod generated {
    use super::Embedded;
    include!(concat!(env!("OUT_DIR"), "/migrations.rs"));
}

impl Embedded {
    pub fn up_file(&self, dialect: Dialect) -> String {
        format!("{}/{:04}_{}.up.sql", dir(dialect), self.version, self.name)
    }

    pub fn down_file(&self, dialect: Dialect) -> String {
        format!(
            "{}/{:04}_{}.down.sql",
            dir(dialect),
            self.version,
            self.name
        )
    }

    /// SHA-256 of the up script with CRLF line ends read as LF.
    pub fn checksum(&self) -> String {
        checksum(self.up)
    }
}

fn dir(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Postgres => "migrations/postgres",
        Dialect::Sqlite => "migrations/sqlite",
    }
}

/// The migrations for a dialect, in version order.
pub fn embedded(dialect: Dialect) -> &'static [Embedded] {
    match dialect {
        Dialect::Postgres => generated::POSTGRES,
        Dialect::Sqlite => generated::SQLITE,
    }
}

/// Lowercase hex SHA-256 of the text, ignoring the difference between CRLF and LF.
pub fn checksum(text: &str) -> String {
    let normalized = text.replace("\r\n", "\n");
    hex(&Sha256::digest(normalized.as_bytes()))
}

pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 0xf) as usize] as char);
    }
    out
}

/// A statement of a script and the line it starts on (1-based).
#[derive(Debug, PartialEq, Eq)]
pub struct Statement {
    pub text: String,
    pub line: usize,
}

impl Statement {
    /// The first line of the statement, shortened, for error messages.
    pub fn summary(&self) -> String {
        let first = self.text.lines().next().unwrap_or("").trim();
        if first.chars().count() > 80 {
            let cut: String = first.chars().take(77).collect();
            format!("{cut}...")
        } else {
            first.to_string()
        }
    }
}

/// Split a script on top-level semicolons. Understands `--` and (nested) `/* */` comments,
/// quoted strings and identifiers, PostgreSQL dollar quoting, and SQLite trigger bodies
/// (`CREATE TRIGGER ... BEGIN ...; END;`).
pub fn split(script: &str, dialect: Dialect) -> Vec<Statement> {
    let chars: Vec<char> = script.chars().collect();
    let mut out = Vec::new();
    let mut text = String::new();
    // `code` mirrors `text` with comments and quoted parts blanked, to look at keywords.
    let mut code = String::new();
    let mut start_line: Option<usize> = None;
    let mut line = 1;
    let mut i = 0;

    let mut flush = |text: &mut String, code: &mut String, start: &mut Option<usize>| {
        if !code.trim().is_empty()
            && let Some(l) = start.take()
        {
            out.push(Statement {
                text: text.trim().to_string(),
                line: l,
            });
        }
        text.clear();
        code.clear();
        *start = None;
    };

    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        // Comments.
        // Comments (kept inside a statement, dropped before one starts).
        if c == '-' && next == Some('-') {
            let mut comment = String::new();
            while i < chars.len() && chars[i] != '\n' {
                comment.push(chars[i]);
                i += 1;
            }
            if start_line.is_some() {
                text.push_str(&comment);
            }
            continue;
        }
        if c == '/' && next == Some('*') {
            let mut comment = String::new();
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    comment.push_str("/*");
                    i += 2;
                    continue;
                }
                if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    comment.push_str("*/");
                    i += 2;
                    if depth == 0 || dialect == Dialect::Sqlite {
                        break;
                    }
                    continue;
                }
                if chars[i] == '\n' {
                    line += 1;
                }
                comment.push(chars[i]);
                i += 1;
            }
            if start_line.is_some() {
                text.push_str(&comment);
            }
            code.push(' ');
            continue;
        }
        if !c.is_whitespace() && start_line.is_none() {
            start_line = Some(line);
        }
        // Quoted strings and identifiers.
        if c == '\'' || c == '"' || c == '`' {
            let backslash = c == '\''
                && dialect == Dialect::Postgres
                && i > 0
                && matches!(chars[i - 1], 'E' | 'e');
            text.push(c);
            i += 1;
            while i < chars.len() {
                let d = chars[i];
                text.push(d);
                i += 1;
                if d == '\n' {
                    line += 1;
                }
                if backslash && d == '\\' && i < chars.len() {
                    text.push(chars[i]);
                    i += 1;
                    continue;
                }
                if d == c {
                    if chars.get(i) == Some(&c) {
                        text.push(c);
                        i += 1;
                        continue;
                    }
                    break;
                }
            }
            code.push_str(" '' ");
            continue;
        }
        // Dollar quoting: $$...$$ or $tag$...$tag$.
        if c == '$' && dialect == Dialect::Postgres {
            let mut j = i + 1;
            while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
                j += 1;
            }
            let starts_tag = chars.get(j) == Some(&'$')
                && !chars[i + 1..j]
                    .first()
                    .is_some_and(|ch| ch.is_ascii_digit());
            if starts_tag {
                let tag: String = chars[i..=j].iter().collect();
                let tag_chars: Vec<char> = tag.chars().collect();
                text.push_str(&tag);
                i = j + 1;
                while i < chars.len() {
                    if chars[i..].starts_with(&tag_chars) {
                        text.push_str(&tag);
                        i += tag_chars.len();
                        break;
                    }
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    text.push(chars[i]);
                    i += 1;
                }
                code.push_str(" $$ ");
                continue;
            }
        }
        if c == ';' {
            if dialect == Dialect::Sqlite && in_open_trigger(&code) {
                text.push(c);
                code.push(c);
                i += 1;
                continue;
            }
            flush(&mut text, &mut code, &mut start_line);
            i += 1;
            continue;
        }
        if c == '\n' {
            line += 1;
        }
        text.push(c);
        code.push(c);
        i += 1;
    }
    flush(&mut text, &mut code, &mut start_line);
    out
}

/// True inside a SQLite `CREATE TRIGGER` whose body has not reached its `END` yet.
fn in_open_trigger(code: &str) -> bool {
    let upper = code.to_uppercase();
    let words: Vec<&str> = upper.split_whitespace().take(3).collect();
    let is_trigger = words.first() == Some(&"CREATE")
        && (words.get(1) == Some(&"TRIGGER")
            || (matches!(words.get(1), Some(&"TEMP") | Some(&"TEMPORARY"))
                && words.get(2) == Some(&"TRIGGER")));
    if !is_trigger {
        return false;
    }
    let trimmed = upper.trim_end();
    let ends_with_end = trimmed.ends_with("END")
        && !trimmed[..trimmed.len() - 3]
            .chars()
            .last()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
    !ends_with_end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_top_level_semicolons_only() {
        let script = "-- a comment; with a semicolon\n\
            CREATE TABLE t (a text DEFAULT 'x;y');\n\
            /* block; comment */\n\
            INSERT INTO t VALUES ('it''s; fine');\n\
            CREATE FUNCTION f() RETURNS trigger AS $body$ BEGIN RAISE 'no;'; END $body$ LANGUAGE plpgsql;\n";
        let got = split(script, Dialect::Postgres);
        assert_eq!(got.len(), 3, "{got:#?}");
        assert_eq!(got[0].line, 2);
        assert!(got[0].text.starts_with("CREATE TABLE"));
        assert_eq!(got[1].line, 4);
        assert!(got[2].text.ends_with("LANGUAGE plpgsql"));
    }

    #[test]
    fn sqlite_trigger_bodies_stay_whole() {
        let script = "CREATE TRIGGER no_update BEFORE UPDATE ON t\nBEGIN\n  SELECT RAISE(ABORT, 'no');\nEND;\nCREATE INDEX i ON t (a);";
        let got = split(script, Dialect::Sqlite);
        assert_eq!(got.len(), 2, "{got:#?}");
        assert!(got[0].text.ends_with("END"));
        assert_eq!(got[1].line, 5);
    }

    #[test]
    fn checksum_ignores_line_endings() {
        assert_eq!(checksum("a\r\nb\r\n"), checksum("a\nb\n"));
        assert_ne!(checksum("a\nb\n"), checksum("a\nc\n"));
    }

    #[test]
    fn both_dialects_ship_the_same_migrations() {
        let pg: Vec<_> = embedded(Dialect::Postgres)
            .iter()
            .map(|m| (m.version, m.name))
            .collect();
        let lite: Vec<_> = embedded(Dialect::Sqlite)
            .iter()
            .map(|m| (m.version, m.name))
            .collect();
        assert_eq!(pg, lite);
        let versions: Vec<i64> = pg.iter().map(|(v, _)| *v).collect();
        let contiguous: Vec<i64> = (1..).take(pg.len()).collect();
        assert_eq!(versions, contiguous, "versions are 1, 2, … with no gap");
    }
}
