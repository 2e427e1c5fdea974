//! `backup verify`: the SHA-256 against the manifest, and optionally a test restore into a
//! scratch database whose row counts are compared with the manifest's.

use std::sync::Arc;

use super::catalog::{check_artifact, find};
use super::crypt::Identities;
use super::manifest::Manifest;
use super::pg;
use super::restore::{RestorePlan, default_jobs, execute_restore, keys_for};
use super::shared::{Context, TempFile, quote_ident};
use super::storage::Storage;
use super::sweep::{ScratchOwner, VERIFY_FILE_PREFIX, scratch_database_name};
use crate::db::{DatabaseTarget, Db, Sql};
use crate::error::{Error, ErrorKind, Result};
use crate::proto::backup::{TableCheck, VerifyReport};

async fn count_rows(db: &Db, manifest: &Manifest) -> Result<Vec<TableCheck>> {
    let mut out = Vec::new();
    for (table, expected) in &manifest.tables {
        let quoted = if manifest.database_kind == "postgres" {
            pg::quote_qualified(table)?
        } else {
            quote_ident(table)
        };
        let found = db
            .fetch_one(Sql::assembled(
                ["SELECT COUNT(*) AS n FROM ", &quoted].concat(),
            ))
            .await?
            .int("n")?;
        out.push(TableCheck {
            table: table.clone(),
            expected: *expected,
            found: u64::try_from(found).unwrap_or(0),
        });
    }
    Ok(out)
}

pub async fn verify(
    ctx: &Context<'_>,
    id: Option<&str>,
    restore_test: bool,
    lock_timeout: std::time::Duration,
) -> Result<VerifyReport> {
    let storage = ctx.storage().await?;
    let manifest = find(storage.as_ref(), id).await?.manifest;
    ctx.progress
        .phase("verifying", Some(manifest.compressed_bytes));
    check_artifact(storage.as_ref(), &manifest, ctx.progress.as_ref(), true).await?;
    let mut report = VerifyReport {
        id: manifest.id.clone(),
        sha256: manifest.sha256.clone(),
        checksum_ok: true,
        restore_test,
        tables_checked: 0,
        mismatches: Vec::new(),
    };
    if !restore_test {
        return Ok(report);
    }
    // One long operation on a storage at a time, whichever replica (or host) started it.
    let lock = storage
        .lock("backup verify --restore-test", lock_timeout)
        .await?;
    // An encrypted backup's key is checked before a scratch database is made.
    let checks = match keys_for(ctx, &storage, &manifest).await {
        Ok(keys) => match manifest.database_kind.as_str() {
            "postgres" => restore_test_postgres(ctx, storage, &manifest, keys).await,
            _ => restore_test_sqlite(ctx, storage, &manifest, keys).await,
        },
        Err(e) => Err(e),
    };
    lock.release().await;
    let checks = checks?;
    report.tables_checked = checks.len();
    report.mismatches = checks
        .into_iter()
        .filter(|c| c.expected != c.found)
        .collect();
    Ok(report)
}

async fn restore_test_postgres(
    ctx: &Context<'_>,
    storage: Arc<dyn Storage>,
    manifest: &Manifest,
    keys: Option<Arc<Identities>>,
) -> Result<Vec<TableCheck>> {
    let DatabaseTarget::Postgres { url } = ctx.database else {
        return Err(Error::usage(
            "--restore-test of a PostgreSQL backup needs a PostgreSQL server to restore into",
        )
        .with_hint("point DATABASE_URL at the server (the test uses a scratch database there)"));
    };
    let scratch = scratch_database_name(&manifest.id);
    // From here on a signal drops the scratch database before platctl exits; a kill -9
    // leaves it to the next `backup` command (its comment says whose it is).
    let _critical = crate::interrupt::critical();
    let admin = ctx.connect(ctx.database).await?;
    if let Err(e) = may_create_databases(&admin).await {
        admin.close().await;
        return Err(e);
    }
    let owner = serde_json::to_string(&ScratchOwner {
        host: whoami::hostname().unwrap_or_default(),
        pid: std::process::id(),
    })
    .map_err(|e| Error::internal("cannot encode the scratch database's owner").with_source(e))?;
    // The name is built from a checked backup id: digits, letters and underscores only; the
    // comment is JSON with its quotes doubled.
    for statement in [
        ["DROP DATABASE IF EXISTS ", &scratch].concat(),
        ["CREATE DATABASE ", &scratch].concat(),
        [
            "COMMENT ON DATABASE ",
            &scratch,
            " IS '",
            &owner.replace('\'', "''"),
            "'",
        ]
        .concat(),
    ] {
        if let Err(e) = admin.execute(Sql::assembled(statement)).await {
            admin.close().await;
            return Err(e);
        }
    }
    let target = DatabaseTarget::Postgres {
        url: with_database(url, &scratch),
    };
    let scratch_origin = format!(
        "{} (the scratch database is on its server)",
        ctx.connect.origin
    );
    let outcome = async {
        // Never restore anywhere but the scratch database just created.
        let check = ctx.connect_as(&target, scratch_origin.clone()).await?;
        let name = check
            .fetch_one(Sql::new("SELECT current_database() AS db"))
            .await
            .and_then(|r| r.text("db"));
        check.close().await;
        if name? != scratch {
            return Err(Error::internal(
                "the scratch database URL points at another database; nothing was restored",
            ));
        }
        restore_and_count(
            ctx,
            storage,
            manifest,
            keys,
            target,
            default_jobs(),
            scratch_origin,
        )
        .await
    };
    let stopped = |signal| {
        crate::interrupt::stopped(
            signal,
            &format!("the test restore was stopped and the scratch database {scratch} dropped"),
        )
    };
    let outcome = tokio::select! {
        biased;
        signal = crate::interrupt::signalled() => Err(stopped(signal)),
        r = outcome => match r {
            Err(e) => match e.kind() {
                ErrorKind::Interrupted(signal) => Err(stopped(signal)),
                _ => Err(e),
            },
            ok => ok,
        },
    };
    let dropped = admin
        .execute(Sql::assembled(
            ["DROP DATABASE IF EXISTS ", &scratch, " WITH (FORCE)"].concat(),
        ))
        .await;
    admin.close().await;
    let counts = outcome?;
    dropped?;
    Ok(counts)
}

async fn restore_test_sqlite(
    ctx: &Context<'_>,
    storage: Arc<dyn Storage>,
    manifest: &Manifest,
    keys: Option<Arc<Identities>>,
) -> Result<Vec<TableCheck>> {
    let dir = std::env::temp_dir();
    let path = dir.join(format!(
        "{VERIFY_FILE_PREFIX}{}-{}.db",
        manifest.id,
        std::process::id()
    ));
    let _cleanup = TempFile(path.clone());
    let target = DatabaseTarget::Sqlite { path };
    restore_and_count(
        ctx,
        storage,
        manifest,
        keys,
        target,
        1,
        "the test restore's file".into(),
    )
    .await
}

/// Restore the backup into `target`, a scratch database made for the test (empty, so no
/// `--clean`), and count the rows it then holds; `origin` names the target in connection
/// errors.
async fn restore_and_count(
    ctx: &Context<'_>,
    storage: Arc<dyn Storage>,
    manifest: &Manifest,
    keys: Option<Arc<Identities>>,
    target: DatabaseTarget,
    jobs: usize,
    origin: String,
) -> Result<Vec<TableCheck>> {
    let plan = RestorePlan {
        manifest: manifest.clone(),
        target,
        target_in_use: false,
        unfinished: None,
        clean: false,
        jobs,
        storage,
        identities: keys,
    };
    execute_restore(ctx, &plan).await?;
    let db = ctx.connect_as(&plan.target, origin).await?;
    let counts = count_rows(&db, manifest).await;
    db.close().await;
    counts
}

/// The same PostgreSQL URL, naming another database.
pub fn with_database(url: &str, database: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let path_start = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| i + scheme_end);
    let mut out = format!("{}/{database}", &base[..path_start]);
    // A `dbname=` parameter would override the path: drop it.
    let kept: Vec<&str> = query
        .unwrap_or("")
        .split('&')
        .filter(|p| !p.is_empty() && !p.to_ascii_lowercase().starts_with("dbname="))
        .collect();
    if !kept.is_empty() {
        out.push('?');
        out.push_str(&kept.join("&"));
    }
    out
}

/// `--restore-test` makes a scratch database: refuse before anything is made when the role
/// may not (managed PostgreSQL gives the owner role no CREATEDB unless granted), saying what
/// to do instead.
async fn may_create_databases(admin: &Db) -> Result<()> {
    let row = admin
        .fetch_one(Sql::new(
            "SELECT current_user AS role, (rolcreatedb OR rolsuper) AS may \
             FROM pg_roles WHERE rolname = current_user",
        ))
        .await?;
    if row.bool("may")? {
        return Ok(());
    }
    let role = row.text("role")?;
    Err(Error::refused(format!(
        "--restore-test restores into a scratch database of its own, and the role {} may not \
         create databases (it lacks CREATEDB); nothing was made",
        crate::text::quote(&role)
    ))
    .with_hint(format!(
        "grant it (`ALTER ROLE {} CREATEDB`, as a superuser or your provider's admin role), or \
         test by hand: restore into an empty database made for it with `platctl backup restore \
         ID --into postgres://…/SCRATCH` and compare the counts with `platctl backup show ID`",
        crate::text::escape_controls(&quote_ident(&role))
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn with_database_replaces_the_path_and_any_dbname() {
        assert_eq!(
            with_database("postgres://u@h:5/app?sslmode=require", "scratch"),
            "postgres://u@h:5/scratch?sslmode=require"
        );
        assert_eq!(
            with_database(
                "postgres:///?host=/run/pg&dbname=platform&port=5433",
                "scratch"
            ),
            "postgres:///scratch?host=/run/pg&port=5433"
        );
    }
}
