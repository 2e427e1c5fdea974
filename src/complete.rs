//! Shell completion with values: `COMPLETE=bash platctl` prints the script a shell loads
//! (`source <(COMPLETE=bash platctl)` in `~/.bashrc`), and the shell then asks the binary
//! itself what fits at the cursor (clap_complete's dynamic completion). Besides commands and
//! flags, it completes what an argument names:
//!
//! - a permission (`--scope`, `roles grant`, `permissions check`): from the catalogue;
//! - a role (`--role`, `roles show`, `--from`): the system roles, and the database's;
//! - an organization (`--org`) and a user (`--user`, `--as`, `users disable`): from the
//!   database of the settings (or the server, with `--server`), when it answers within a
//!   second — else nothing, quietly, as a shell expects.
//!
//! Which argument names what is read from its value name (`SLUG`, `EMAIL`, `ROLE`, `PERM`), so
//! a new argument of one of these kinds completes without more code; the positional argument of
//! a `create` names a new thing and completes nothing.
//!
//! Bash splits a word at `:` (and `=`) for completion, which clap's own bash script passes on
//! as separate words: `--scope agents:cr` would complete nothing. platctl's bash script
//! therefore gives the binary the words of the line as typed, and bash back only the part it
//! replaces.

use std::ffi::OsString;
use std::time::Duration;

use clap::{Arg, Command, FromArgMatches};
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use clap_complete::env::{Bash, CompleteEnv, EnvCompleter, Fish, Shells, Zsh};

use crate::cli::{Cli, GlobalArgs};

/// If the shell is asking (`COMPLETE` is set), answer it and end the process.
pub fn answer_the_shell() {
    CompleteEnv::with_factory(command)
        .shells(Shells(&[
            &ColonBash,
            &Zsh,
            &Fish,
            &clap_complete::env::Powershell,
            &clap_complete::env::Elvish,
        ]))
        .complete();
}

/// What `platctl completions SHELL` prints and `completions/` holds: the registration script
/// `COMPLETE=SHELL platctl` prints, for `platctl` on the PATH.
pub fn registration(shell: crate::cli::Shell) -> String {
    use clap_complete::env::{Elvish, Powershell};
    let completer: &dyn EnvCompleter = match shell {
        crate::cli::Shell::Bash => &ColonBash,
        crate::cli::Shell::Zsh => &Zsh,
        crate::cli::Shell::Fish => &Fish,
        crate::cli::Shell::Powershell => &Powershell,
        crate::cli::Shell::Elvish => &Elvish,
    };
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = completer.write_registration("COMPLETE", "platctl", "platctl", "platctl", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The command line, each argument that names something given its completer.
pub fn command() -> Command {
    with_values(Cli::command(), false)
}

fn with_values(cmd: Command, creates: bool) -> Command {
    cmd.mut_args(|arg| match kind(&arg) {
        Some(_) if creates && arg.is_positional() => arg,
        Some(Kind::Permission) => arg.add(ArgValueCompleter::new(permissions)),
        Some(Kind::Role) => arg.add(ArgValueCompleter::new(roles)),
        Some(Kind::Organization) => arg.add(ArgValueCompleter::new(organizations)),
        Some(Kind::User) => arg.add(ArgValueCompleter::new(users)),
        None => arg,
    })
    .mut_subcommands(|sub| {
        let creates = sub.get_name() == "create";
        with_values(sub, creates)
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Permission,
    Role,
    Organization,
    User,
}

fn kind(arg: &Arg) -> Option<Kind> {
    let name = arg
        .get_value_names()
        .and_then(|names| names.first())
        .map_or_else(
            || arg.get_id().as_str().to_ascii_uppercase(),
            |n| n.to_string(),
        );
    match name.as_str() {
        "PERM" | "PERMISSION" => Some(Kind::Permission),
        "ROLE" => Some(Kind::Role),
        "SLUG" => Some(Kind::Organization),
        "EMAIL" => Some(Kind::User),
        _ => None,
    }
}

/// The candidates among `values` that start with what was typed (case aside).
fn starting_with(
    values: impl IntoIterator<Item = String>,
    typed: &std::ffi::OsStr,
) -> Vec<CompletionCandidate> {
    let typed = typed.to_string_lossy().to_lowercase();
    let mut values: Vec<String> = values
        .into_iter()
        .filter(|v| v.to_lowercase().starts_with(&typed))
        .collect();
    values.sort();
    values.dedup();
    values.into_iter().map(CompletionCandidate::new).collect()
}

fn permissions(typed: &std::ffi::OsStr) -> Vec<CompletionCandidate> {
    use crate::proto::permission::{ACTIONS, RESOURCES};
    let all = RESOURCES.iter().flat_map(|r| {
        ACTIONS
            .iter()
            .map(move |a| format!("{r}:{a}"))
            .chain(std::iter::once(format!("{r}:*")))
    });
    starting_with(all, typed)
}

fn roles(typed: &std::ffi::OsStr) -> Vec<CompletionCandidate> {
    let system = crate::core::catalogue::SYSTEM_ROLES
        .iter()
        .map(|r| r.name.to_string());
    starting_with(system.chain(from_the_database(Kind::Role)), typed)
}

fn organizations(typed: &std::ffi::OsStr) -> Vec<CompletionCandidate> {
    starting_with(from_the_database(Kind::Organization), typed)
}

fn users(typed: &std::ffi::OsStr) -> Vec<CompletionCandidate> {
    starting_with(from_the_database(Kind::User), typed)
}

/// The names of what the database holds of a kind.
async fn names(backend: &crate::backend::Backend, kind: Kind) -> crate::error::Result<Vec<String>> {
    Ok(match kind {
        Kind::Role => backend
            .send(crate::proto::ListRoles {})
            .await?
            .into_iter()
            .map(|r| r.name)
            .collect(),
        Kind::Organization => backend
            .send(crate::proto::ListOrganizations {})
            .await?
            .into_iter()
            .map(|o| o.slug)
            .collect(),
        Kind::User => backend
            .send(crate::proto::ListUsers { organization: None })
            .await?
            .into_iter()
            .map(|u| u.email)
            .collect(),
        Kind::Permission => Vec::new(),
    })
}

/// How long completion waits for the database (or server) before it offers nothing.
const PATIENCE: Duration = Duration::from_secs(1);

/// The names of `kind` in the database of the settings — those of the line being completed
/// (`--profile`, `--env-file`, `--server` …) — or nothing, quietly, when there is no database,
/// it does not answer within [`PATIENCE`], or anything else goes wrong.
fn from_the_database(kind: Kind) -> Vec<String> {
    let global = globals_of_the_line();
    let Ok(mut settings) = crate::settings::Settings::resolve(&global, true) else {
        return Vec::new();
    };
    settings.connect_timeout = settings.connect_timeout.min(PATIENCE);
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        return Vec::new();
    };
    runtime.block_on(async {
        let found = tokio::time::timeout(PATIENCE, async {
            let backend = crate::connect::open(&settings, false).await?;
            let found = names(&backend, kind).await;
            backend.close().await;
            found
        })
        .await;
        match found {
            Ok(Ok(values)) => values,
            _ => Vec::new(),
        }
    })
}

/// The global flags of the command line being completed (the words after `--`) that say
/// where the database is. Not `--as`: its value may be the word being completed, and whoever
/// runs the shell reaches the database (or holds the key) anyway.
fn globals_of_the_line() -> GlobalArgs {
    let words: Vec<OsString> = std::env::args_os()
        .skip_while(|a| a != "--")
        .skip(1)
        .collect();
    let global = Cli::command()
        .ignore_errors(true)
        .try_get_matches_from(words)
        .ok()
        .and_then(|m| GlobalArgs::from_arg_matches(&m).ok())
        .unwrap_or_default();
    GlobalArgs {
        act_as: None,
        ..global
    }
}

/// Bash, with words split as typed (see the module's documentation).
struct ColonBash;

impl EnvCompleter for ColonBash {
    fn name(&self) -> &'static str {
        "bash"
    }

    fn is(&self, name: &str) -> bool {
        name == "bash"
    }

    fn write_registration(
        &self,
        var: &str,
        name: &str,
        bin: &str,
        completer: &str,
        buf: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        let function = format!("_{}_complete", name.replace('-', "_"));
        let completer = shell_quote(completer);
        write!(
            buf,
            r#"{function}() {{
    # The words as typed: bash's own split cuts `agents:create` at the colon.
    local line="${{COMP_LINE:0:$COMP_POINT}}"
    local -a words
    read -r -a words <<< "$line"
    if [[ -z "$line" || "$line" == *[[:space:]] ]]; then words+=(""); fi
    local cur="${{words[${{#words[@]}}-1]}}"
    # Bash replaces only the end of the word after its last `:` or `=`: what is $2.
    local keep="${{cur%"$2"}}"
    local IFS=$'\013'
    local -a found
    found=( $(_CLAP_IFS="$IFS" _CLAP_COMPLETE_INDEX=$(( ${{#words[@]}} - 1 )) \
        _CLAP_COMPLETE_COMP_TYPE="${{COMP_TYPE}}" _CLAP_COMPLETE_SPACE=false \
        {var}="bash" {completer} -- "${{words[@]}}" 2>/dev/null) ) || return 0
    COMPREPLY=( "${{found[@]#"$keep"}}" )
    if [[ ${{#COMPREPLY[@]}} -eq 1 && "${{COMPREPLY[0]}}" =~ [=/:]$ ]]; then
        compopt -o nospace 2>/dev/null
    fi
}}
complete -o bashdefault -o nosort -F {function} {bin} 2>/dev/null || complete -o bashdefault -F {function} {bin}
"#
        )
    }

    fn write_complete(
        &self,
        cmd: &mut Command,
        args: Vec<OsString>,
        current_dir: Option<&std::path::Path>,
        buf: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        Bash.write_complete(cmd, args, current_dir, buf)
    }
}

/// `text` as one word of a POSIX shell.
fn shell_quote(text: &str) -> String {
    if !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./+@%:".contains(c))
    {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}
