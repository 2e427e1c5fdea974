//! Text that comes from people or from the database, made safe to show and to store:
//! - [`quote`] puts user input into a message, at most [`QUOTE_MAX`] characters of it;
//! - [`validate_free_text`] refuses control characters in names, labels and reasons at input;
//! - [`escape_controls`] shows control characters already stored (the platform writes these
//!   tables too) as escapes, so nothing raw reaches a terminal;
//! - [`bound`] is the output layer's last guard against a message that quotes too much.

use crate::error::Result;

/// At most this many characters of user input are quoted in a message.
pub const QUOTE_MAX: usize = 80;

/// User input in backticks for a message: control characters escaped, and cut to
/// [`QUOTE_MAX`] characters with a note of the full length.
pub fn quote(input: &str) -> String {
    format!("`{}`", shorten(&escape_controls(input), QUOTE_MAX))
}

/// At most `max` characters of `text`: the start, an ellipsis, and how long it was.
pub fn shorten(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        return text.to_string();
    }
    let head: String = text.chars().take(max.saturating_sub(3)).collect();
    format!("{head}... ({count} characters)")
}

/// A count and its noun: `1 table`, `18 tables`.
pub fn plural(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Characters that must not reach a terminal raw, nor be shown as nothing: C0 and C1 controls
/// (escape sequences, bell, backspace, carriage return, newline), the Unicode bidirectional
/// controls that reorder what is shown, and the invisible characters (zero-width spaces and
/// joiners, format characters) that make two names look alike ([`crate::proto::input::HIDDEN`]).
pub fn is_unsafe(c: char) -> bool {
    crate::proto::input::is_hidden(c)
}

/// `\e`, `\n`, `\r`, `\t`, `\x07`, `\u{202e}`: unsafe characters shown as escapes.
pub fn escape_controls(text: &str) -> String {
    if !text.chars().any(is_unsafe) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_escaped(&mut out, c);
    }
    out
}

fn push_escaped(out: &mut String, c: char) {
    if is_unsafe(c) {
        out.push_str(&crate::proto::input::escaped(c));
    } else {
        out.push(c);
    }
}

/// Like [`escape_controls`], but keeps newlines (messages have lines) and, when `keep_sgr`,
/// the colour sequences (`ESC [ digits ; m`) that platctl paints itself.
pub fn escape_message(text: &str, keep_sgr: bool) -> String {
    if !text.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            out.push(c);
            continue;
        }
        if c == '\x1b' && keep_sgr {
            let rest = &text[i + 1..];
            if let Some(body) = rest.strip_prefix('[') {
                let len = body
                    .find(|ch: char| !(ch.is_ascii_digit() || ch == ';'))
                    .unwrap_or(body.len());
                if body[len..].starts_with('m') {
                    out.push_str(&text[i..i + 1 + 1 + len + 1]);
                    for _ in 0..len + 2 {
                        chars.next();
                    }
                    continue;
                }
            }
        }
        push_escaped(&mut out, c);
    }
    out
}

/// A message bounded for a terminal: any run of more than 120 non-blank characters is cut to
/// [`QUOTE_MAX`], and any line of more than 1000 characters is shortened. Nothing platctl
/// writes itself is that long; only quoted input can be.
pub fn bound(text: &str) -> String {
    const TOKEN_LIMIT: usize = 120;
    const LINE_MAX: usize = 1000;
    if text.len() <= TOKEN_LIMIT {
        return text.to_string();
    }
    let token = |t: &str| {
        if t.chars().count() > TOKEN_LIMIT {
            shorten(t, QUOTE_MAX)
        } else {
            t.to_string()
        }
    };
    let mut out = String::with_capacity(text.len().min(4096));
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut bounded = String::new();
        let mut word = String::new();
        for c in line.chars() {
            if c.is_whitespace() {
                bounded.push_str(&token(&word));
                word.clear();
                bounded.push(c);
            } else {
                word.push(c);
            }
        }
        bounded.push_str(&token(&word));
        out.push_str(&shorten(&bounded, LINE_MAX));
    }
    out
}

/// Names, labels, descriptions and reasons: free text, stored as typed, but never a control
/// or invisible character and never longer than `max` characters
/// ([`crate::proto::input::free_text`], which the admin API applies too).
pub fn validate_free_text(what: &str, value: &str, max: usize) -> Result<()> {
    crate::proto::input::free_text(what, value, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_short() {
        let long = "x".repeat(100_000);
        let q = quote(&long);
        assert!(q.chars().count() < QUOTE_MAX + 30, "{q}");
        assert!(q.contains("100000 characters"));
        assert_eq!(quote("acme"), "`acme`");
    }

    #[test]
    fn control_characters_are_shown_escaped() {
        assert_eq!(
            escape_controls("Evil\x1b]0;pwned\x07\x1b[2J"),
            "Evil\\e]0;pwned\\x07\\e[2J"
        );
        assert_eq!(escape_controls("a\nb\u{202e}c"), "a\\nb\\u{202e}c");
        assert_eq!(
            escape_controls("owner-a@acme.io\u{200b}"),
            "owner-a@acme.io\\u{200b}"
        );
        assert_eq!(escape_controls("Zoë"), "Zoë");
        assert_eq!(
            escape_message("\x1b[1;31merror:\x1b[0m bad\x1b[2J\nnext", true),
            "\x1b[1;31merror:\x1b[0m bad\\e[2J\nnext"
        );
        assert_eq!(escape_message("\x1b[1m", false), "\\e[1m");
    }

    #[test]
    fn free_text_refuses_controls() {
        assert!(validate_free_text("name", "Alice O'Brien; \"x\"", 200).is_ok());
        assert!(validate_free_text("name", "a\nb", 200).is_err());
        assert!(validate_free_text("name", "Evil\x1b]0;x\x07", 200).is_err());
        assert!(validate_free_text("key name", "ci\u{200b}", 200).is_err());
        assert!(validate_free_text("name", &"y".repeat(201), 200).is_err());
    }

    #[test]
    fn long_messages_are_bounded() {
        let long = format!("error: no `{}` here", "z".repeat(100_000));
        let b = bound(&long);
        assert!(b.len() < 300, "{}", b.len());
        let words = format!("error: {}", "ab ".repeat(50_000));
        assert!(bound(&words).len() < 1100);
        assert_eq!(bound("short"), "short");
    }
}
