//! platctl: the operator's command-line tool for the multi-tenant AI platform.
//!
//! `main` parses the command line and calls [`run`]; everything else lives here:
//! settings are resolved once, the command runs against a [`backend::Backend`], results go
//! through the [`output::Printer`], and the exit status is decided in one place.

pub mod backend;
pub mod backup;
pub mod cli;
pub mod commands;
pub mod complete;
pub mod connect;
pub mod core;
pub mod db;
pub mod docs;
pub mod email;
pub mod error;
pub mod http;
pub mod interrupt;
pub mod local;
pub mod migrations;
pub mod output;
pub mod progress;
pub mod proto;
pub mod redact;
pub mod remote;
pub mod serve;
pub mod settings;
pub mod signing;
pub mod text;

use std::io::{IsTerminal, Write};

use cli::{Cli, Command};
use commands::Ctx;
use error::{Error, ErrorKind, ExitStatus, Result};
use output::Printer;
use settings::Settings;

/// Run a parsed command line to completion and say how the process should exit.
pub fn run(cli: Cli) -> ExitStatus {
    let predicate = OnError::of(&cli.command);
    // Commands that need no settings: they must work even with a broken config file.
    match &cli.command {
        Command::Completions { shell } => {
            return finish(
                Printer::plain().raw(&docs::completion_script(*shell)),
                &Printer::plain(),
                predicate,
            );
        }
        Command::Man { out_dir } => {
            let printer = Printer::plain();
            let result = docs::write_man_pages(out_dir).map(|n| {
                if !cli.global.quiet {
                    printer.success(format!("wrote {n} man pages to {}", out_dir.display()));
                }
            });
            return finish(result, &printer, predicate);
        }
        _ => {}
    }

    // The `config` commands show a broken configuration instead of failing on it.
    let lenient = matches!(cli.command, Command::Config(_));
    let settings = match Settings::resolve(&cli.global, lenient) {
        Ok(s) => s,
        Err(e) => return finish(Err(e), &Printer::plain(), predicate),
    };
    let serving = match &cli.command {
        Command::Serve(args) => Some(args.log_format),
        _ => None,
    };
    init_logging(&settings, serving);
    let printer = Printer::new(
        settings.format,
        settings.quiet,
        settings.color_stdout,
        settings.color_stderr,
        settings.interactive,
        settings.yes,
    );
    for warning in &settings.warnings {
        printer.warn(warning);
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            return finish(
                Err(Error::io("cannot start the async runtime", e)),
                &printer,
                predicate,
            );
        }
    };
    let ctx = Ctx {
        settings: &settings,
        printer: &printer,
    };
    // Ctrl-C is how one stops following the audit log: at any moment, it ends it with 0.
    let following = matches!(
        cli.command,
        Command::Audit(cli::AuditCommand::Tail { follow: true, .. })
    );
    let result = runtime.block_on(async {
        interrupt::listen();
        tokio::select! {
            result = dispatch(&ctx, cli.command) => result,
            // What the stop means is read while the command still runs (select! drops it
            // before the branch's handler runs).
            (signal, what) = async { (interrupt::must_stop().await, interrupt::what_stops()) } => {
                if following && signal == interrupt::Signal::Interrupt {
                    Ok(ExitStatus::Success)
                } else {
                    Err(interrupt::stopped(signal, &what))
                }
            }
        }
    });
    // Do not wait for background tasks (idle pool connections) to wind down.
    runtime.shutdown_background();
    db::close_tunnels();
    match result {
        Ok(status) => status,
        Err(e) => finish(Err(e), &printer, predicate),
    }
}

/// Print what clap has to say when the command line does not parse — `--help` and
/// `--version` (exit 0) or a usage error (exit 2) — through the same filters as everything
/// else: secrets scrubbed (a URL or a key typed in the wrong place), input bounded, and colour
/// only on a terminal without `NO_COLOR` or `--no-color`.
pub fn usage_error(err: &clap::Error) -> ExitStatus {
    let to_stderr = err.use_stderr();
    let terminal = if to_stderr {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    };
    let color = terminal
        && !std::env::args_os().any(|a| a == "--no-color")
        && settings::color_allowed_by_env();
    let text = if color {
        text::bound(&text::escape_message(
            &redact::scrub(&err.render().ansi().to_string()),
            true,
        ))
    } else {
        output::for_people(&err.render().to_string())
    };
    let _ = if to_stderr {
        std::io::stderr().write_all(text.as_bytes())
    } else {
        std::io::stdout().write_all(text.as_bytes())
    };
    if err.exit_code() == 0 {
        return ExitStatus::Success;
    }
    let on_error = OnError::of_unparsed();
    if on_error.plugin_line {
        let _ = std::io::stdout().write_all(plugin_line(&err.render().to_string()).as_bytes());
    }
    on_error.status.unwrap_or(ExitStatus::Usage)
}

/// Report a panic (a bug: none should be reachable) with color-eyre, in colour only where
/// everything else is: on a terminal, without `NO_COLOR` or `--no-color`. A panic in `serve`
/// goes to its log, which is rarely a terminal.
pub fn install_panic_report() {
    let color = std::io::stderr().is_terminal()
        && !std::env::args_os().any(|a| a == "--no-color")
        && settings::color_allowed_by_env();
    let _ = panic_report(color).install();
}

fn panic_report(color: bool) -> color_eyre::config::HookBuilder {
    let hooks = color_eyre::config::HookBuilder::default();
    if color {
        hooks
    } else {
        hooks.theme(color_eyre::config::Theme::new())
    }
}

async fn dispatch(ctx: &Ctx<'_>, command: Command) -> Result<ExitStatus> {
    match command {
        Command::Init => commands::init::run(ctx).await,
        Command::Config(cmd) => commands::config::run(ctx, cmd).await,
        Command::Migrate(cmd) => commands::migrate::run(ctx, cmd).await,
        Command::Orgs(cmd) => commands::orgs::run(ctx, cmd).await,
        Command::Users(cmd) => commands::users::run(ctx, cmd).await,
        Command::Roles(cmd) => commands::roles::run(ctx, cmd).await,
        Command::Permissions(cmd) => commands::permissions::run(ctx, cmd).await,
        Command::Keys(cmd) => commands::keys::run(ctx, cmd).await,
        Command::Audit(cmd) => commands::audit::run(ctx, cmd).await,
        Command::Health(args) => commands::health::run(ctx, args).await,
        Command::Serve(args) => commands::serve::run(ctx, args).await,
        Command::Email(cmd) => commands::email::run(ctx, cmd).await,
        Command::Backup(cmd) => commands::backup::run(ctx, cmd).await,
        Command::Completions { .. } | Command::Man { .. } => Ok(ExitStatus::Success),
    }
}

/// What an error does for commands whose exit codes mean something else: predicates answer
/// yes (0) or no (1), so any error is 2, like grep; `health` is a Nagios plugin, so an error
/// is 3, UNKNOWN, and with `--format nagios` it is also a plugin line on stdout, which is what
/// a plugin runner shows.
#[derive(Clone, Copy)]
struct OnError {
    status: Option<ExitStatus>,
    plugin_line: bool,
}

impl OnError {
    fn of(command: &Command) -> OnError {
        let (status, plugin_line) = match command {
            Command::Permissions(cli::PermissionsCommand::Check { .. })
            | Command::Keys(cli::KeysCommand::Verify) => (Some(ExitStatus::Usage), false),
            Command::Health(args) => (
                Some(ExitStatus::Health(proto::health::HealthState::Unknown)),
                args.format == Some(cli::HealthFormat::Nagios),
            ),
            _ => (None, false),
        };
        OnError {
            status,
            plugin_line,
        }
    }

    /// For a command line that does not parse: what of the above its subcommand asks (read
    /// leniently, as far as it goes).
    fn of_unparsed() -> OnError {
        let Ok(matches) = Cli::command()
            .ignore_errors(true)
            .try_get_matches_from(std::env::args_os())
        else {
            return OnError::of_usage();
        };
        match matches.subcommand() {
            Some(("health", sub)) => OnError {
                status: Some(ExitStatus::Health(proto::health::HealthState::Unknown)),
                plugin_line: matches!(
                    sub.try_get_one::<cli::HealthFormat>("format"),
                    Ok(Some(cli::HealthFormat::Nagios))
                ),
            },
            _ => OnError::of_usage(),
        }
    }

    fn of_usage() -> OnError {
        OnError {
            status: Some(ExitStatus::Usage),
            plugin_line: false,
        }
    }
}

/// `PLATCTL UNKNOWN - what went wrong`, the one line a Nagios plugin that could not check
/// prints on stdout.
fn plugin_line(message: &str) -> String {
    let first = message.lines().next().unwrap_or_default();
    let first = first.strip_prefix("error: ").unwrap_or(first);
    format!("PLATCTL UNKNOWN - {}\n", output::for_people(first))
}

fn finish(result: Result<()>, printer: &Printer, on_error: OnError) -> ExitStatus {
    match result {
        Ok(()) => ExitStatus::Success,
        Err(e) if e.is_broken_pipe() => ExitStatus::Success,
        Err(e) => {
            printer.error(&e);
            if let ErrorKind::Interrupted(signal) = e.kind() {
                return ExitStatus::Interrupted(signal);
            }
            if on_error.plugin_line {
                let _ = std::io::stdout().write_all(plugin_line(e.message()).as_bytes());
            }
            on_error.status.unwrap_or_else(|| e.exit_status())
        }
    }
}

/// `-v` logs to stderr, every line scrubbed of secrets. PLATCTL_LOG overrides the filter.
/// `serve` logs a line per request by default, with times, as text or JSON.
fn init_logging(settings: &Settings, serving: Option<cli::LogFormat>) {
    let filter = settings.log_filter.clone().unwrap_or_else(|| {
        match (settings.quiet, settings.verbose, serving) {
            (true, _, _) => "off".into(),
            (false, 0, Some(_)) => "platctl=info,sqlx=warn".into(),
            (false, 0, None) => "platctl=warn,sqlx=error".into(),
            (false, 1, _) => "platctl=info,sqlx=warn".into(),
            (false, 2, _) => "platctl=debug,sqlx=info".into(),
            _ => "trace".into(),
        }
    });
    let filter = tracing_subscriber::EnvFilter::try_new(&filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("platctl=warn"));
    let writer = || ScrubbingStderr(Vec::new());
    let _ = match serving {
        Some(cli::LogFormat::Json) => tracing_subscriber::fmt()
            .json()
            .with_env_filter(filter)
            .with_writer(writer)
            .try_init(),
        Some(cli::LogFormat::Text) => tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_ansi(settings.color_stderr)
            .with_target(settings.verbose >= 2)
            .with_writer(writer)
            .try_init(),
        None => tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_ansi(settings.color_stderr)
            .with_target(settings.verbose >= 2)
            .without_time()
            .with_writer(writer)
            .try_init(),
    };
}

/// Collects one log event and writes it to stderr with secrets removed.
struct ScrubbingStderr(Vec<u8>);

impl Write for ScrubbingStderr {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Drop for ScrubbingStderr {
    fn drop(&mut self) {
        let text = text::bound(&text::escape_message(
            &redact::scrub(&String::from_utf8_lossy(&self.0)),
            true,
        ));
        let _ = std::io::stderr().write_all(text.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    #[test]
    fn a_panic_report_without_colour_has_no_escape_codes() {
        let report = |color: bool| {
            let (panic_hook, _) = super::panic_report(color).into_hooks();
            let seen = Arc::new(Mutex::new(String::new()));
            let keep = seen.clone();
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                let text = panic_hook.panic_report(info).to_string();
                if text.contains("the test's own panic") {
                    *keep.lock().unwrap() = text;
                }
            }));
            let _ = std::panic::catch_unwind(|| panic!("the test's own panic"));
            std::panic::set_hook(previous);
            seen.lock().unwrap().clone()
        };
        let plain = report(false);
        assert!(plain.contains("the test's own panic"), "{plain}");
        assert!(!plain.contains('\x1b'), "{plain:?}");
        assert!(report(true).contains('\x1b'));
    }
}
