use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    platctl::install_panic_report();
    platctl::complete::answer_the_shell();
    let code = match platctl::cli::Cli::try_parse() {
        Ok(cli) => platctl::run(cli),
        Err(e) => platctl::usage_error(&e),
    };
    ExitCode::from(code.code())
}
