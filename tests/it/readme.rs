//! The README runs as written. Its shell examples — every ```sh and ```console block — are
//! executed in order by one bash on a fresh home (nothing configured, the embedded database),
//! with this build's `platctl` first on `PATH`, so an example that stops working fails the
//! suite.
//!
//! - In a `sh` block every command must succeed (exit 0); what follows `#` is a comment, and a
//!   comment `# exit N` (or `# exit N: why`) says the command exits N instead.
//! - In a `console` block, `$ ` starts a command (a line ending in `\` goes on) and the lines up
//!   to the next `$ ` are what it prints, stdout and stderr together, compared line by line:
//!   `…` or `...` in a line stands for any text, a line of only `...` or `…` for any lines.
//!   Runs of spaces count as one (a table's columns are as wide as their cells).
//!   A command whose shown output starts with `error:` must fail; any other must succeed
//!   (`; echo $?` shows an exit code as the last line, compared like the rest; `# exit N`
//!   after a command names its exit code).
//! - An HTML comment just before a block changes that: `<!-- readme-test: skip: WHY -->` (a
//!   setting the fresh home does not have: S3, another host, root) leaves it out, and
//!   `<!-- readme-test: commands only: WHY -->` runs a `console` block without comparing what
//!   it prints (output that depends on the machine). Each needs its reason.
//! - The fresh home: `HOME` is a new directory (also `/home/ops` in what is printed), the
//!   working directory is an empty one beside it, and `127.0.0.1:8088` (where `platctl serve`
//!   listens by default) is a free loopback port instead.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::common::{TestEnv, free_port};

/// How long one example may take.
const STEP_LIMIT: std::time::Duration = std::time::Duration::from_secs(60);

#[derive(Debug)]
struct Step {
    /// The README line the command starts on.
    line: usize,
    command: String,
    expect: Expect,
}

#[derive(Debug)]
enum Expect {
    /// Exit 0, or the code a `# exit N` (or `# exit N: why`) comment on the line names.
    Success,
    /// Exit 0, or not, and these lines (with wildcards).
    Shown { fails: bool, lines: Vec<String> },
    /// A `commands only` console block: exit 0 unless the README shows an error.
    Status { fails: bool },
}

fn steps(readme: &str) -> Vec<Step> {
    let lines: Vec<&str> = readme.lines().collect();
    let mut steps = Vec::new();
    let mut marker: Option<String> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_end();
        if let Some(m) = line
            .strip_prefix("<!-- readme-test: ")
            .and_then(|m| m.strip_suffix(" -->"))
        {
            let (what, why) = m.split_once(':').unwrap_or((m, ""));
            assert!(
                matches!(what, "skip" | "commands only") && !why.trim().is_empty(),
                "README line {}: a marker is `<!-- readme-test: skip: WHY -->` or \
                 `<!-- readme-test: commands only: WHY -->`",
                i + 1
            );
            marker = Some(what.to_string());
            i += 1;
            continue;
        }
        let Some(lang) = line.strip_prefix("```") else {
            if !line.is_empty() {
                marker = None;
            }
            i += 1;
            continue;
        };
        let start = i + 1;
        let mut end = start;
        while end < lines.len() && lines[end].trim_end() != "```" {
            end += 1;
        }
        let block = &lines[start..end];
        match (lang, marker.take().as_deref()) {
            (_, Some("skip")) => {}
            ("sh", Some(_)) => panic!("README line {i}: `commands only` is for console blocks"),
            ("sh", None) => sh_steps(block, start, &mut steps),
            ("console", m) => console_steps(block, start, m.is_none(), &mut steps),
            _ => {}
        }
        i = end + 1;
    }
    steps
}

/// A block's logical lines: `\` at the end of a line continues it.
fn joined(block: &[&str], first: usize) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut open = false;
    for (n, line) in block.iter().enumerate() {
        if open {
            let last = out.last_mut().unwrap();
            last.1.push('\n');
            last.1.push_str(line);
        } else {
            out.push((first + n + 1, line.to_string()));
        }
        open = line.ends_with('\\');
    }
    out
}

fn sh_steps(block: &[&str], first: usize, steps: &mut Vec<Step>) {
    for (line, command) in joined(block, first) {
        let code = command.trim();
        if code.is_empty() || code.starts_with('#') {
            continue;
        }
        steps.push(Step {
            line,
            command,
            expect: Expect::Success,
        });
    }
}

fn console_steps(block: &[&str], first: usize, compare: bool, steps: &mut Vec<Step>) {
    let mut current: Option<(usize, String, Vec<String>)> = None;
    let finish = |c: Option<(usize, String, Vec<String>)>, steps: &mut Vec<Step>| {
        if let Some((line, command, shown)) = c {
            let fails = shown.first().is_some_and(|l| l.starts_with("error:"));
            let expect = match compare {
                true => Expect::Shown {
                    fails,
                    lines: shown,
                },
                false => Expect::Status { fails },
            };
            steps.push(Step {
                line,
                command,
                expect,
            });
        }
    };
    let mut continued = false;
    for (n, text) in block.iter().enumerate() {
        if continued {
            let c = current.as_mut().unwrap();
            c.1.push('\n');
            c.1.push_str(text);
            continued = text.ends_with('\\');
        } else if let Some(command) = text.strip_prefix("$ ") {
            finish(current.take(), steps);
            current = Some((first + n + 1, command.to_string(), Vec::new()));
            continued = command.ends_with('\\');
        } else {
            let c = current
                .as_mut()
                .unwrap_or_else(|| panic!("README line {}: output before any `$ `", first + n + 1));
            c.2.push(text.to_string());
        }
    }
    finish(current.take(), steps);
}

/// The exit code a `# exit N` or `# exit N: why` comment on a command's last line names.
fn exit_named(command: &str) -> Option<i32> {
    let last = command.lines().last()?;
    let (_, after) = last.rsplit_once("# exit ")?;
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    let rest = &after[digits.len()..];
    (rest.is_empty() || rest.starts_with(':'))
        .then(|| digits.parse().ok())
        .flatten()
}

/// Whether `actual` is what the README shows, wildcards and all.
fn matches(shown: &[String], actual: &[&str]) -> bool {
    match shown.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if matches!(first.trim(), "..." | "…") => {
            (0..=actual.len()).any(|skip| matches(rest, &actual[skip..]))
        }
        Some((first, rest)) => actual
            .split_first()
            .is_some_and(|(line, more)| line_matches(first, line) && matches(rest, more)),
    }
}

fn line_matches(shown: &str, actual: &str) -> bool {
    // Runs of spaces are one: a table's columns are as wide as what is in them.
    let spaces = |text: &str| {
        text.split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (shown, actual) = (spaces(&shown.replace('…', "...")), spaces(actual));
    let (shown, actual) = (shown.as_str(), actual.as_str());
    let parts: Vec<&str> = shown.split("...").collect();
    let [first, middle @ .., last] = parts.as_slice() else {
        return shown == actual;
    };
    let Some(mut rest) = actual.strip_prefix(first) else {
        return false;
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.ends_with(last)
}

#[test]
fn wildcards_match_what_they_stand_for() {
    let s = |v: &[&str]| v.iter().map(|l| l.to_string()).collect::<Vec<_>>();
    assert!(matches(&s(&["a…c"]), &["abbbc"]));
    assert!(matches(&s(&["a...c", "..."]), &["ac", "x", "y"]));
    assert!(matches(&s(&["x", "...", "z"]), &["x", "z"]));
    assert!(!matches(&s(&["a…c"]), &["abd"]));
    assert!(!matches(&s(&["abc"]), &["abcd"]));
    assert!(!matches(&s(&["abc"]), &["abc", "more"]));
    assert!(matches(
        &s(&["{\"id\":\"0d5c…\",\"key\":…}"]),
        &["{\"id\":\"0d5c12\",\"key\":\"k\"}"]
    ));
    assert_eq!(exit_named("platctl health   # exit 1: WARNING"), Some(1));
    assert_eq!(exit_named("platctl x   # exit 77"), Some(77));
    assert_eq!(
        exit_named("platctl x   # exit 1 when anything is pending"),
        None
    );
    assert_eq!(exit_named("platctl x"), None);
}

#[test]
fn the_readme_examples_run_in_order_on_a_fresh_home() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let steps = steps(&readme);
    assert!(
        steps.len() > 50,
        "only {} README examples found",
        steps.len()
    );

    let env = TestEnv::embedded();
    let home = env.home();
    let work = env.path("work");
    let results = env.path("results");
    std::fs::create_dir_all(&work).unwrap();
    std::fs::create_dir_all(&results).unwrap();
    let port = free_port().to_string();
    let local = |text: &str| text.replace("127.0.0.1:8088", &format!("127.0.0.1:{port}"));

    // One bash for everything, so what one example sets (`KEY=…`) the next one sees; each
    // command's output and exit code go to files, compared once bash is done.
    let mut script = String::from("set +e\n");
    for (n, step) in steps.iter().enumerate() {
        script.push_str(&format!(
            "# README line {}\n{{ {}\n}} >{dir}/{n}.out 2>&1 </dev/null; echo $? >{dir}/{n}.rc\n",
            step.line,
            local(&step.command),
            dir = results.display()
        ));
    }
    // Whatever an example left running in the background (`platctl serve &`) stops here.
    script.push_str("kill $(jobs -p) 2>/dev/null; wait\n");
    let bin = Path::new(env!("CARGO_BIN_EXE_platctl")).parent().unwrap();
    let mut bash = Command::new("bash");
    bash.arg("-c")
        .arg(&script)
        .current_dir(&work)
        .stdin(Stdio::null());
    for (key, _) in std::env::vars() {
        if key.starts_with("PLATCTL_")
            || key.starts_with("XDG_")
            || key.starts_with("BACKUP_")
            || key.starts_with("AWS_")
            || key.starts_with("SMTP_")
            || key.starts_with("EMAIL_")
            || matches!(
                key.as_str(),
                "DATABASE_URL" | "DATABASE_DIRECT_URL" | "SENDGRID_API_KEY" | "NO_COLOR"
            )
        {
            bash.env_remove(key);
        }
    }
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    use std::os::unix::process::CommandExt;
    let mut child = bash
        .env("HOME", &home)
        .env("USER", "ops")
        .env("TMPDIR", env.dir.path())
        .env("PATH", path)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .process_group(0)
        .spawn()
        .unwrap();
    // An example that does not end (a server in the foreground, a follow) fails the test
    // naming it, instead of hanging the suite.
    let mut done = 0;
    let mut since = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        while results.join(format!("{done}.rc")).exists() {
            done += 1;
            since = std::time::Instant::now();
        }
        if since.elapsed() > STEP_LIMIT {
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", child.id())])
                .status();
            let _ = child.wait();
            let step = &steps[done.min(steps.len() - 1)];
            panic!(
                "README line {}: `{}` did not end within {STEP_LIMIT:?} (run it in the \
                 background, `&`, or mark the block `readme-test: skip: WHY`)",
                step.line, step.command
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert!(status.success(), "bash failed running the README");

    let home_text = home.display().to_string();
    let mut problems = Vec::new();
    for (n, step) in steps.iter().enumerate() {
        let out = std::fs::read_to_string(results.join(format!("{n}.out"))).unwrap_or_default();
        let rc: i32 = std::fs::read_to_string(results.join(format!("{n}.rc")))
            .ok()
            .and_then(|t| t.trim().parse().ok())
            .unwrap_or(-1);
        let out = out.replace(&home_text, "/home/ops").replace(&port, "8088");
        let actual: Vec<&str> = out.lines().collect();
        let (fails, shown) = match &step.expect {
            Expect::Success => (false, None),
            Expect::Status { fails } => (*fails, None),
            Expect::Shown { fails, lines } => (*fails, Some(lines)),
        };
        let status = match exit_named(&step.command) {
            Some(code) if code != rc => {
                Some(format!("exited {rc}, not {code} as its comment says"))
            }
            Some(_) => None,
            None if fails && rc == 0 => {
                Some("succeeded where the README shows an error".to_string())
            }
            None if !fails && rc != 0 => Some(format!("exited {rc}")),
            None => None,
        };
        let problem = status.or_else(|| {
            shown.filter(|s| !matches(s, &actual)).map(|shown| {
                format!(
                    "printed something else than the README shows:\n--- README\n{}",
                    shown.join("\n")
                )
            })
        });
        if let Some(problem) = problem {
            problems.push(format!(
                "README line {}: `{}` {problem}\n--- it printed\n{out}",
                step.line, step.command
            ));
        }
    }
    // All of them: a later one may follow from an earlier one.
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn the_readme_lists_every_migration() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let table = readme
        .split("| version | migration | what it creates |")
        .nth(1)
        .expect("the README's table of migrations");
    let listed: Vec<i64> = table
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .next()
                .unwrap()
                .trim()
                .parse()
                .unwrap()
        })
        .collect();
    let expected: Vec<i64> = (1..=crate::common::versions()).collect();
    assert_eq!(listed, expected, "the README's migrations table");
}
