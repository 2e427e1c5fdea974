//! What a person sees at a real terminal: platctl runs in a pseudo-terminal (util-linux
//! `script`) of a given size, and the screen's text is checked: aligned columns, a key that
//! comes out whole, colour only where it belongs, prompts.

use crate::common::{Kind, Run, TestEnv, has_whole_key};

/// The lines of a table, without escape codes.
fn plain(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for d in chars.by_ref() {
                    if d.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

/// Each header word starts in the same column as its values on every row.
fn assert_aligned(table: &str, headers: &[&str]) {
    let lines: Vec<&str> = table.lines().filter(|l| !l.trim().is_empty()).collect();
    let header = lines
        .iter()
        .position(|l| l.starts_with(headers[0]))
        .unwrap_or_else(|| panic!("no header in:\n{table}"));
    let starts: Vec<usize> = headers
        .iter()
        .map(|h| {
            lines[header]
                .find(h)
                .unwrap_or_else(|| panic!("{h} missing:\n{table}"))
        })
        .collect();
    // Rows start at column 0; the lines of a wrapped cell continue a row, indented.
    for row in lines[header + 1..].iter().filter(|l| !l.starts_with(' ')) {
        for (h, start) in headers.iter().zip(&starts).skip(1) {
            let before = row.chars().nth(start - 1);
            let at = row.chars().nth(*start);
            assert!(
                before == Some(' ') && at.is_some_and(|c| c != ' '),
                "column {h} (at {start}) is not aligned on\n{row}\nin\n{table}"
            );
        }
    }
}

fn world() -> TestEnv {
    let env = TestEnv::new(Kind::Sqlite).migrated();
    env.ok(&["-q", "orgs", "create", "acme", "--name", "Acme Corporation"]);
    env.ok(&["-q", "orgs", "create", "globex", "--name", "Globex"]);
    env
}

#[test]
fn tables_are_aligned_at_a_terminal_wide_and_narrow() {
    let env = world();
    for cols in [200, 120] {
        let run = env.terminal(cols, 40, &["orgs", "list"], "", &[]);
        assert_eq!(run.code, 0, "{run}");
        assert!(
            run.stdout.contains('\u{1b}'),
            "no colour at a terminal:\n{run}"
        );
        assert_aligned(
            &plain(&run.stdout),
            &["SLUG", "NAME", "MEMBERS", "CREATED AT", "ID"],
        );
        let run = env.terminal(cols, 40, &["migrate", "status"], "", &[]);
        assert_aligned(
            &plain(&run.stdout),
            &["VERSION", "NAME", "STATUS", "APPLIED AT"],
        );
    }
    // Narrow: free text wraps, ids do not; rows stay aligned.
    let run = env.terminal(60, 40, &["roles", "list"], "", &[]);
    assert_eq!(run.code, 0, "{run}");
    let text = plain(&run.stdout);
    assert_aligned(
        &text,
        &["NAME", "LEVEL", "IS SYSTEM", "PERMISSIONS", "MEMBERS"],
    );
    assert!(
        text.lines().all(|l| l.chars().count() <= 60),
        "a line is wider than the terminal:\n{text}"
    );
}

#[test]
fn a_terminal_that_reports_no_size_still_gets_whole_columns() {
    let env = world();
    let run = env.terminal(0, 0, &["orgs", "list"], "", &[]);
    assert_eq!(run.code, 0, "{run}");
    let text = plain(&run.stdout);
    assert!(text.contains("Acme Corporation"), "{text}");
    assert_aligned(&text, &["SLUG", "NAME", "MEMBERS", "CREATED AT", "ID"]);
}

#[test]
fn a_new_key_comes_out_whole_on_its_own_line_at_any_width() {
    let env = world();
    for cols in [60, 45, 200] {
        let run = env.terminal(
            cols,
            40,
            &[
                "keys",
                "create",
                "--org",
                "acme",
                "--scope",
                "agents:read",
                "--name",
                "a key",
            ],
            "",
            &[],
        );
        assert_eq!(run.code, 0, "{run}");
        let text = plain(&run.stdout);
        let line = text
            .lines()
            .find(|l| l.starts_with("sk_live_"))
            .unwrap_or_else(|| panic!("no line with the key:\n{text}"));
        assert_eq!(
            line.trim().len(),
            40,
            "the key is not whole on its line:\n{text}"
        );
        assert!(has_whole_key(line));
        assert!(text.contains("only time the key is shown"), "{text}");
    }
}

#[test]
fn help_and_usage_errors_are_coloured_only_at_a_terminal() {
    let env = TestEnv::new(Kind::Sqlite);
    // A pipe: never.
    for args in [
        vec!["--help"],
        vec!["keys", "create", "--bogus"],
        vec!["--no-color", "--help"],
    ] {
        let run = Run::from(env.bare().args(&args).output().unwrap());
        assert!(!run.all_output().contains('\u{1b}'), "{args:?}:\n{run}");
    }
    let run = Run::from(
        env.bare()
            .env("NO_COLOR", "1")
            .args(["keys", "create", "--bogus"])
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, 2, "{run}");
    assert!(!run.all_output().contains('\u{1b}'), "{run}");
    // A terminal: yes, unless NO_COLOR or --no-color.
    let coloured = env.terminal(100, 40, &["keys", "create", "--bogus"], "", &[]);
    assert_eq!(coloured.code, 2, "{coloured}");
    assert!(coloured.stdout.contains('\u{1b}'), "{coloured}");
    let help = env.terminal(100, 40, &["--help"], "", &[]);
    assert!(help.stdout.contains('\u{1b}'), "{help}");
    for (args, extra) in [
        (vec!["keys", "create", "--bogus"], vec![("NO_COLOR", "1")]),
        (vec!["--no-color", "keys", "create", "--bogus"], vec![]),
        (vec!["--no-color", "--help"], vec![]),
    ] {
        let run = env.terminal(100, 40, &args, "", &extra);
        assert!(!run.stdout.contains('\u{1b}'), "{args:?} {extra:?}:\n{run}");
        assert!(run.stdout.contains("Usage"), "{run}");
    }
}

#[test]
fn users_disable_asks_at_a_terminal_naming_the_keys() {
    let (env, key) = crate::keys::alice_with_a_key(TestEnv::new(Kind::Sqlite));
    let prefix = &key[..12];
    let declined = env.terminal(120, 40, &["users", "disable", "alice@acme.io"], "n\n", &[]);
    assert_ne!(declined.code, 0, "{declined}");
    assert!(
        declined.stdout.contains("Disable alice@acme.io?"),
        "{declined}"
    );
    assert!(declined.stdout.contains(prefix), "{declined}");
    assert_eq!(
        env.count("SELECT COUNT(*) FROM users WHERE disabled_at IS NOT NULL"),
        0
    );
    let accepted = env.terminal(120, 40, &["users", "disable", "alice@acme.io"], "y\n", &[]);
    assert_eq!(accepted.code, 0, "{accepted}");
    assert_eq!(
        env.count("SELECT COUNT(*) FROM users WHERE disabled_at IS NOT NULL"),
        1
    );
}

#[test]
fn audit_tables_fit_the_terminal_and_stats_draw_bars() {
    let env = world();
    env.ok(&["-q", "users", "create", "alice@acme.io"]);
    // A dozen more entries, of several actions.
    for org in ["initech", "umbrella", "hooli"] {
        env.ok(&["-q", "orgs", "create", org]);
    }
    for (cols, rows) in [(80, 40), (200, 40)] {
        let run = env.terminal(cols, rows, &["audit", "query"], "", &[]);
        assert_eq!(run.code, 0, "{run}");
        let text = plain(&run.stdout);
        assert_aligned(
            &text,
            &["TIME", "ACTOR", "ACTION", "RESOURCE", "ORGANIZATION", "IP"],
        );
        assert!(
            text.lines().all(|l| l.chars().count() <= usize::from(cols)),
            "a line is wider than the terminal:\n{text}"
        );
        // A UUID is cut like a short hash: `organization:3fa2c1d0…`.
        assert!(text.contains('…'), "{text}");
    }
    for cols in [60, 200] {
        let run = env.terminal(cols, 40, &["audit", "stats", "--by", "action"], "", &[]);
        assert_eq!(run.code, 0, "{run}");
        let text = plain(&run.stdout);
        let (table, legend) = text.trim_end().rsplit_once('\n').unwrap();
        assert!(legend.ends_with("entries in 3 groups"), "{text}");
        assert_aligned(table, &["ACTION", "COUNT", "SHARE"]);
        let bars: Vec<usize> = text
            .lines()
            .filter(|l| l.contains('█'))
            .map(|l| l.chars().count())
            .collect();
        assert!(!bars.is_empty(), "no bars:\n{text}");
        assert!(
            bars.iter().all(|w| *w <= usize::from(cols)),
            "a bar runs past the terminal:\n{text}"
        );
    }
}

#[test]
fn health_states_are_coloured_at_a_terminal_only() {
    let env = world();
    let backups = env.path("none");
    let args = ["health", "--check", "db,backups"];
    let extra = [("BACKUP_DIR", backups.to_str().unwrap())];
    let run = env.terminal(100, 20, &args, "", &extra);
    assert_eq!(run.code, 2, "{run}");
    // OK in green, CRITICAL in bold red.
    assert!(run.stdout.contains("\u{1b}[38;5;10mOK"), "{:?}", run.stdout);
    assert!(
        run.stdout.contains("\u{1b}[38;5;9m\u{1b}[1mCRITICAL"),
        "{:?}",
        run.stdout
    );
    let text = plain(&run.stdout);
    let (table, overall) = text.trim_end().rsplit_once('\n').unwrap();
    assert_eq!(overall, "overall: CRITICAL");
    assert_aligned(table, &["CHECK", "STATE", "FOUND"]);
    let piped = Run::from(
        env.cmd()
            .env("BACKUP_DIR", &backups)
            .args(args)
            .output()
            .unwrap(),
    );
    assert_eq!(piped.code, 2);
    assert!(!piped.stdout.contains('\u{1b}'), "{piped}");
}

/// A key with every scope beside one with one: `keys list` reads at 60, 80 and 200 columns
/// (no line wider than the terminal, none blank, long lists counted: `104 scopes`), and a pipe
/// gets short, unpadded lines; `keys show` and `-o json` keep every scope.
#[test]
fn key_tables_stay_readable_at_any_width_whatever_a_cell_holds() {
    let env = world();
    let every = env.permissions().join(",");
    for (name, scopes) in [("everything", every.as_str()), ("one", "agents:read")] {
        env.ok(&[
            "-q", "keys", "create", "--org", "acme", "--name", name, "--scope", scopes,
        ]);
    }
    let counted = format!("{} scopes", env.permissions().len());
    for cols in [60, 80, 200] {
        let run = env.terminal(cols, 40, &["keys", "list"], "", &[]);
        assert_eq!(run.code, 0, "{run}");
        let text = plain(&run.stdout);
        assert!(text.contains(&counted), "{cols} columns:\n{text}");
        assert!(text.contains("agents:read"), "{cols} columns:\n{text}");
        for line in text.lines() {
            assert!(
                line.chars().count() <= usize::from(cols),
                "{cols} columns:\n{text}"
            );
            assert!(
                !line.trim().is_empty(),
                "a blank line at {cols} columns:\n{text}"
            );
        }
        assert_eq!(text.lines().count(), 3, "{cols} columns:\n{text}");
    }
    let piped = env.ok(&["keys", "list"]);
    assert!(
        piped
            .stdout
            .lines()
            .all(|l| l.len() < 200 && l == l.trim_end()),
        "{piped}"
    );
    let json = env.ok(&["keys", "list", "-o", "json"]).json();
    let widest = json
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["scopes"].as_array().unwrap().len());
    assert_eq!(widest.max(), Some(env.permissions().len()));
}
