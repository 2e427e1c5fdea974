//! Shell completion as a person gets it: the README's lines in a fresh bash and zsh, in a real
//! terminal (tmux), completing commands and values — permissions from the catalogue, roles,
//! organizations and users from the database — and nothing, quickly and quietly, when the
//! database does not answer.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::{Kind, TestEnv, which};

/// What the binary offers at the end of `words` (`platctl` first), as bash's script asks.
fn offered(env: &TestEnv, words: &[&str]) -> (Vec<String>, String, Duration) {
    let start = Instant::now();
    let out = env
        .cmd()
        .env("COMPLETE", "bash")
        .env("_CLAP_IFS", "\n")
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .arg("--")
        .args(words)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let values = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    (
        values,
        String::from_utf8_lossy(&out.stderr).into_owned(),
        start.elapsed(),
    )
}

fn world() -> TestEnv {
    let env = TestEnv::new(Kind::Sqlite).migrated();
    env.ok(&["-q", "orgs", "create", "acme"]);
    env.ok(&["-q", "orgs", "create", "acme-labs"]);
    env.ok(&["-q", "orgs", "create", "beta"]);
    env.ok(&["-q", "users", "create", "alice@acme.io"]);
    env.ok(&["-q", "users", "create", "albert@beta.io"]);
    env.ok(&["-q", "roles", "create", "support", "--level", "2"]);
    env
}

#[test]
fn values_come_from_the_catalogue_and_the_database() {
    let env = world();
    let values = |words: &[&str]| offered(&env, words).0;
    assert_eq!(
        values(&["platctl", "keys", "create", "--scope", "agents:cr"]),
        ["agents:create"]
    );
    assert_eq!(
        values(&["platctl", "keys", "create", "--scope", "backups:"]).len(),
        9,
        "eight actions and backups:*"
    );
    // After a comma, the next permission.
    assert_eq!(
        values(&["platctl", "roles", "grant", "support", "audit-logs:re"]),
        ["audit-logs:read"]
    );
    assert_eq!(
        values(&["platctl", "keys", "create", "--org", "ac"]),
        ["acme", "acme-labs"]
    );
    assert_eq!(
        values(&["platctl", "keys", "create", "--org=b"]),
        ["--org=beta"]
    );
    assert_eq!(
        values(&["platctl", "users", "disable", "al"]),
        ["albert@beta.io", "alice@acme.io"]
    );
    assert_eq!(values(&["platctl", "--as", "ali"]), ["alice@acme.io"]);
    assert_eq!(
        values(&["platctl", "roles", "assign", "--role", "s"]),
        ["support"]
    );
    assert_eq!(values(&["platctl", "roles", "show", "ed"]), ["EDITOR"]);
    // A new organization or user is not an existing one.
    assert!(values(&["platctl", "orgs", "create", "a"]).is_empty());
    assert!(values(&["platctl", "users", "create", "a"]).is_empty());
    // Subcommands, as ever.
    assert_eq!(values(&["platctl", "ke"]), ["keys"]);
}

#[test]
fn without_a_database_that_answers_there_is_nothing_at_once_and_no_error() {
    let mut env = world();
    // A port nothing listens on, and a file that is not there.
    for url in [
        format!(
            "postgres://nobody@127.0.0.1:{}/x",
            crate::common::free_port()
        ),
        format!("sqlite://{}", env.path("missing.db").display()),
    ] {
        env.url = url.clone();
        let (values, stderr, took) = offered(&env, &["platctl", "keys", "create", "--org", ""]);
        assert!(values.is_empty(), "{url}: {values:?}");
        assert!(stderr.is_empty(), "{url}: {stderr}");
        assert!(took < Duration::from_secs(3), "{url}: took {took:?}");
        // The catalogue needs no database.
        let (values, _, _) = offered(&env, &["platctl", "keys", "create", "--scope", "jobs:exe"]);
        assert_eq!(values, ["jobs:execute"], "{url}");
    }
}

/// A shell in a real terminal (tmux) on a fresh home that has only `rc` as its startup file,
/// `platctl` on its PATH; `typed` is typed with a Tab after each piece, and the screen is
/// returned.
fn typed_in(env: &TestEnv, shell: &str, rc: &str, typed: &[&str]) -> String {
    let tmux = which("tmux").unwrap_or_else(|| {
        panic!("this test needs tmux: install it (Debian/Ubuntu: apt-get install tmux)")
    });
    let shell_path = which(shell).unwrap_or_else(|| {
        panic!("this test needs {shell}: install it (Debian/Ubuntu: apt-get install {shell})")
    });
    let home = env.home();
    let rc_file = match shell {
        "zsh" => home.join(".zshrc"),
        _ => home.join(".bashrc"),
    };
    std::fs::write(&rc_file, rc).unwrap();
    let bin = Path::new(env!("CARGO_BIN_EXE_platctl")).parent().unwrap();
    let socket = format!("platctl-complete-{}-{shell}", std::process::id());
    let start = format!(
        "env -i HOME={home} PATH={bin}:/usr/bin:/bin TERM=xterm DATABASE_URL={url} {shell} {args}",
        home = home.display(),
        bin = bin.display(),
        url = env.url,
        shell = shell_path.display(),
        args = match shell {
            "zsh" => "-i",
            _ => "--noprofile -i",
        },
    );
    let tmux_cmd = |args: &[&str]| {
        Command::new(&tmux)
            .args(["-L", &socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .unwrap()
    };
    let started = tmux_cmd(&["new-session", "-d", "-x", "160", "-y", "20", &start]);
    assert!(started.status.success(), "{started:?}");
    let screen = || String::from_utf8_lossy(&tmux_cmd(&["capture-pane", "-p"]).stdout).into_owned();
    // The prompt first: the startup file has run.
    crate::common::within(Duration::from_secs(10), "the shell's prompt", || {
        screen().contains('#') || screen().contains('$') || screen().contains('%')
    });
    for piece in typed {
        let before = screen();
        tmux_cmd(&["send-keys", "-l", "--", piece]);
        tmux_cmd(&["send-keys", "Tab"]);
        // Until the screen stops changing (completion asks the binary).
        let mut last = before;
        let mut steady = 0;
        while steady < 5 {
            std::thread::sleep(Duration::from_millis(100));
            let now = screen();
            steady = if now == last { steady + 1 } else { 0 };
            last = now;
        }
    }
    let shown = screen();
    tmux_cmd(&["kill-server"]);
    shown
}

/// The README's install lines, as it gives them.
fn readme_line(shell: &str) -> String {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let marker = format!("# {shell}: in ~/.{shell}rc");
    let block = readme
        .split(&marker)
        .nth(1)
        .unwrap_or_else(|| panic!("the README has no `{marker}` lines"));
    block
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with('#') && !l.starts_with("```"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The README's lines for `shell` in its startup file, and a command typed with Tabs: every
/// word and value completed.
fn completes_with_the_readme_lines(shell: &str) {
    let env = world();
    let rc = readme_line(shell);
    assert!(rc.contains(&format!("platctl completions {shell}")), "{rc}");
    let screen = typed_in(
        &env,
        shell,
        &format!("{rc}\n"),
        &[
            "platctl ke",
            "cre",
            "--scope agents:cr",
            "--org acme-l",
            "--as ali",
        ],
    );
    assert!(
        screen.contains(
            "platctl keys create --scope agents:create --org acme-labs --as alice@acme.io"
        ),
        "{screen}"
    );
}

#[test]
fn bash_completes_commands_and_values_with_the_readme_lines() {
    completes_with_the_readme_lines("bash");
}

/// zsh needs `compinit` first: the README's lines say so.
#[test]
fn zsh_completes_commands_and_values_with_the_readme_lines() {
    assert!(readme_line("zsh").contains("compinit"));
    completes_with_the_readme_lines("zsh");
}
