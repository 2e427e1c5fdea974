//! Shell completions and man pages, generated from the clap definitions. The checked-in copies
//! under `completions/` and `man/` are regenerated with `scripts/regen-docs`; a test fails when
//! they are stale.

use crate::cli::{Cli, Shell};
use crate::error::{Error, Result};

pub const SHELLS: [Shell; 5] = [
    Shell::Bash,
    Shell::Zsh,
    Shell::Fish,
    Shell::Powershell,
    Shell::Elvish,
];

pub fn completion_file_name(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => "platctl.bash",
        Shell::Zsh => "_platctl",
        Shell::Fish => "platctl.fish",
        Shell::Powershell => "_platctl.ps1",
        Shell::Elvish => "platctl.elv",
    }
}

/// The script that registers platctl's completion with a shell: at each Tab it asks
/// `platctl` what fits (see `complete`), so it never goes stale with the binary.
pub fn completion_script(shell: Shell) -> String {
    crate::complete::registration(shell)
}

/// Every man page: (file name, roff), one per command and subcommand.
pub fn man_pages() -> Result<Vec<(String, Vec<u8>)>> {
    fn walk(cmd: clap::Command, out: &mut Vec<(String, Vec<u8>)>) -> Result<()> {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()).cloned() {
            walk(sub, out)?;
        }
        let man = clap_mangen::Man::new(cmd);
        let mut page = Vec::new();
        man.render(&mut page)
            .map_err(|e| Error::io("cannot render a man page", e))?;
        out.push((man.get_filename(), page));
        Ok(())
    }
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut out = Vec::new();
    walk(cmd, &mut out)?;
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// Write the man pages into `dir`; returns how many.
pub fn write_man_pages(dir: &std::path::Path) -> Result<usize> {
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::io(format!("cannot create {}", dir.display()), e))?;
    let pages = man_pages()?;
    for (name, page) in &pages {
        let path = dir.join(name);
        std::fs::write(&path, page)
            .map_err(|e| Error::io(format!("cannot write {}", path.display()), e))?;
    }
    Ok(pages.len())
}
