//! Finding things by the names operators type, with "did you mean" help when there is no
//! such thing.

use crate::db::{Sql, Tx};
use crate::error::{Error, Result, suggestion};
use crate::text::quote;

pub async fn names(tx: &mut Tx<'_>, sql: &'static str) -> Result<Vec<String>> {
    tx.fetch_all(Sql::new(sql))
        .await?
        .iter()
        .map(|r| r.text("name"))
        .collect()
}

pub fn not_found(what: &str, input: &str, existing: &[String], create: &str) -> Error {
    let hint = if existing.is_empty() {
        format!("there are none yet: {create}")
    } else {
        suggestion(input, existing.iter().map(String::as_str))
    };
    Error::not_found(format!("there is no {what} {}", quote(input))).with_hint(hint)
}
