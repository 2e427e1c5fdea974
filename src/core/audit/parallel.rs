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

/// Run `count` parts (COPY queries and their options, see `Tx::copy_out`; `part(i)` makes the
/// i-th) on the two connections, each taking every other part, and hand each part's whole
/// output to `on_part`, in order. Queries are made as they are due, never all at once: memory
/// stays flat however many parts a table has.
pub async fn copy_parts(
    connections: [Tx<'static>; 2],
    count: usize,
    part: &(dyn Fn(usize) -> (Sql, &'static str) + Sync),
    on_part: &mut (dyn FnMut(&[u8]) -> Result<()> + Send),
) -> Result<()> {
    let mut queries = Vec::new();
    let mut receivers = Vec::new();
    let mut workers = Vec::new();
    for mut tx in connections {
        let (ask, mut asked) = tokio::sync::mpsc::channel::<(Sql, &'static str)>(1);
        let (send, receive) = tokio::sync::mpsc::channel::<Result<Vec<u8>>>(1);
        queries.push(ask);
        receivers.push(receive);
        workers.push(tokio::spawn(async move {
            while let Some((query, options)) = asked.recv().await {
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
    let mut asked = 0;
    for i in 0..count {
        // Each connection one part ahead: parts i and i + 1 are asked for before part i is
        // awaited. (A connection that stopped says why through its answer.)
        while asked < count && asked <= i + 1 {
            let _ = queries[asked % 2].send(part(asked)).await;
            asked += 1;
        }
        let part = match receivers[i % 2].recv().await {
            Some(part) => part,
            None => Err(Error::internal("a reading connection stopped early")),
        };
        if let Err(e) = part.and_then(|bytes| on_part(&bytes)) {
            result = Err(e);
            break;
        }
    }
    // Stop the workers: those still reading roll back, the others commit.
    drop(queries);
    drop(receivers);
    for w in workers {
        let _ = w.await;
    }
    result
}
