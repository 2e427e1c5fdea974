//! Questions put to the operator: a confirmation before a destructive action, and a secret
//! read without it ever reaching the command line.

use std::io::{self, IsTerminal, Read};

use super::printer::{Printer, for_people};
use crate::error::{Error, ErrorKind, Result};

impl Printer {
    /// Ask before a destructive action: on a terminal a yes/no prompt (default no); elsewhere
    /// `--yes` is required.
    pub fn confirm(&self, question: &str) -> Result<()> {
        if self.yes {
            return Ok(());
        }
        let question = for_people(question);
        if !self.interactive {
            return Err(
                Error::usage(format!("refusing without confirmation: {question}"))
                    .with_hint("there is no terminal to ask on; re-run with --yes to confirm"),
            );
        }
        let answer = dialoguer::Confirm::new()
            .with_prompt(question)
            .default(false)
            .interact()
            .map_err(|e| match e {
                dialoguer::Error::IO(io) => Error::io("cannot read the answer", io),
            })?;
        if answer {
            Ok(())
        } else {
            Err(Error::new(
                ErrorKind::Refused,
                "cancelled; nothing was changed",
            ))
        }
    }

    /// A secret typed at a hidden prompt on a terminal, or read from piped stdin (never argv).
    pub fn read_secret(&self, prompt: &str) -> Result<String> {
        let text = if io::stdin().is_terminal() {
            dialoguer::Password::new()
                .with_prompt(prompt)
                .allow_empty_password(true)
                .interact()
                .map_err(|e| match e {
                    dialoguer::Error::IO(io) => Error::io("cannot read from the terminal", io),
                })?
        } else {
            let mut buf = String::new();
            io::stdin()
                .take(64 * 1024)
                .read_to_string(&mut buf)
                .map_err(|e| Error::io("cannot read standard input", e))?;
            buf
        };
        let text = text.trim().to_string();
        if text.is_empty() {
            return Err(Error::usage("nothing was read from standard input")
                .with_hint("pipe the value in, e.g. `printenv API_KEY | platctl keys verify`"));
        }
        Ok(text)
    }
}
