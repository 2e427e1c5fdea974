//! One big read on two connections at once (PostgreSQL): both import the same snapshot, each
//! runs every other part of the read as a `COPY`, and the parts are handed on in order, so the
//! server works on two cores while the result stays exactly one consistent, ordered read. At
//! most one finished part per connection waits in memory, which keeps memory flat.

use crate::db::{Db, Sql, Tx};
use crate::error::{Error, Result};

/// A read-only, repeatable-read transaction importing `snapshot` (from `pg_export_snapshot()`)
/// when given, with `settings` (fixed `SET LOCAL` statements) applied.
pub async fn reader(
    db: &Db,
    snapshot: Option<&str>,
    settings: &[&'static str],
) -> Result<Tx<'static>> {
    let mut tx = db.begin_read().await?;
    tx.execute(Sql::new(
        "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY",
    ))
    .await?;
    if let Some(id) = snapshot {
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
            return Err(Error::internal(format!("unexpected snapshot id {id:?}")));
        }
        tx.execute(Sql::assembled(format!("SET TRANSACTION SNAPSHOT '{id}'")))
            .await?;
    }
    for setting in settings {
        tx.execute(Sql::new(setting)).await?;
    }
    Ok(tx)
}

/// The snapshot of `tx`, for [`reader`]s to share.
pub async fn export_snapshot(tx: &mut Tx<'_>) -> Result<String> {
    tx.fetch_one(Sql::new("SELECT pg_export_snapshot() AS s"))
        .await?
        .text("s")
}

/// Run `parts` (COPY queries and their options, see `Tx::copy_out`) on the two connections,
/// each taking every other part, and hand each part's whole output to `on_part`, in order.
pub async fn copy_parts(
    connections: [Tx<'static>; 2],
    parts: Vec<(Sql, &'static str)>,
    on_part: &mut (dyn FnMut(&[u8]) -> Result<()> + Send),
) -> Result<()> {
    let count = parts.len();
    let mut mine: [Vec<(Sql, &'static str)>; 2] = [Vec::new(), Vec::new()];
    for (i, part) in parts.into_iter().enumerate() {
        mine[i % 2].push(part);
    }
    let mut receivers = Vec::new();
    let mut workers = Vec::new();
    for (mut tx, parts) in connections.into_iter().zip(mine) {
        let (send, receive) = tokio::sync::mpsc::channel::<Result<Vec<u8>>>(1);
        receivers.push(receive);
        workers.push(tokio::spawn(async move {
            for (query, options) in parts {
                let mut buf = Vec::new();
                let copied = tx
                    .copy_out(&query, options, &mut |c: &[u8]| {
                        buf.extend_from_slice(c);
                        Ok(())
                    })
                    .await;
                let failed = copied.is_err();
                if send.send(copied.map(|_| buf)).await.is_err() || failed {
                    return;
                }
            }
            let _ = tx.commit().await;
        }));
    }
    let mut result = Ok(());
    for i in 0..count {
        let part = match receivers[i % 2].recv().await {
            Some(part) => part,
            None => Err(Error::internal("a reading connection stopped early")),
        };
        if let Err(e) = part.and_then(|bytes| on_part(&bytes)) {
            result = Err(e);
            break;
        }
    }
    // Stop the workers that are still reading (their transactions roll back).
    drop(receivers);
    for w in workers {
        let _ = w.await;
    }
    result
}
