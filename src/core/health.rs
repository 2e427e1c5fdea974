//! Health checks, run concurrently, each under the time limit: a check that cannot run (or
//! does not finish) is UNKNOWN, never a crash; the database not answering is CRITICAL.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{Map, Value, json};

use super::{Core, migrate};
use crate::db::{DatabaseTarget, Sql};
use crate::error::Result;
use crate::proto::MigrationState;
use crate::proto::backup::{BackupStatus, human_bytes};
use crate::proto::health::*;

/// What a check found.
struct Found {
    state: HealthState,
    summary: String,
    threshold: Option<String>,
    figures: Map<String, Value>,
    perfdata: Vec<Perf>,
}

impl Found {
    fn new(state: HealthState, summary: impl Into<String>) -> Self {
        Found {
            state,
            summary: summary.into(),
            threshold: None,
            figures: Map::new(),
            perfdata: Vec::new(),
        }
    }

    fn threshold(mut self, text: impl Into<String>) -> Self {
        self.threshold = Some(text.into());
        self
    }

    fn figure(mut self, name: &str, value: Value) -> Self {
        self.figures.insert(name.into(), value);
        self
    }

    fn perf(mut self, perf: Perf) -> Self {
        self.perfdata.push(perf);
        self
    }
}

/// The state of a figure that is bad when low (free space, free memory).
fn low_is_bad(value: f64, warning: f64, critical: f64) -> HealthState {
    if value < critical {
        HealthState::Critical
    } else if value < warning {
        HealthState::Warning
    } else {
        HealthState::Ok
    }
}

/// A percentage threshold of `low_is_bad` as a perfdata range over `total`: alert below the
/// first whole unit at or above `percent` of it (so a plugin runner's state is the check's).
fn below_percent(total: f64, percent: f64) -> Range {
    Range::Below((total * percent / 100.0).ceil())
}

/// An age cut to whole milliseconds, the precision perfdata carries.
fn whole_ms(age: Duration) -> Duration {
    Duration::from_millis(u64::try_from(age.as_millis()).unwrap_or(u64::MAX))
}

/// `7d`, `26h`, `90m`, `5s`: a threshold as it is typed.
fn short(d: Duration) -> String {
    let s = d.as_secs();
    match s {
        0 => format!("{}ms", d.as_millis()),
        s if s % 86_400 == 0 => format!("{}d", s / 86_400),
        s if s % 3600 == 0 => format!("{}h", s / 3600),
        s if s % 60 == 0 => format!("{}m", s / 60),
        s => format!("{s}s"),
    }
}

fn age(since: chrono::DateTime<chrono::Utc>) -> Duration {
    (crate::local::now() - since).to_std().unwrap_or_default()
}

impl Core {
    /// Run the requested checks concurrently.
    pub(super) async fn run_health(&self, req: &HealthRequest) -> Result<HealthReport> {
        let t = &req.thresholds;
        let checks = req.checks.iter().map(|name| async move {
            let found = match name.as_str() {
                "db" => self.limited(req.timeout, true, self.check_db()).await,
                "migrations" => {
                    self.limited(req.timeout, false, self.check_migrations())
                        .await
                }
                "disk" => self.limited(req.timeout, false, self.check_disk(t)).await,
                "memory" => self.limited(req.timeout, false, check_memory(t)).await,
                "backups" => {
                    self.limited(req.timeout, false, self.check_backups(t))
                        .await
                }
                "keys" => self.limited(req.timeout, false, self.check_keys(t)).await,
                "audit" => self.limited(req.timeout, false, self.check_audit(t)).await,
                other => Found::new(HealthState::Unknown, format!("no such check `{other}`")),
            };
            CheckResult {
                name: name.clone(),
                state: found.state,
                summary: found.summary,
                threshold: found.threshold,
                figures: found.figures,
                perfdata: found.perfdata,
            }
        });
        Ok(HealthReport::new(
            futures_util::future::join_all(checks).await,
        ))
    }

    /// A check under the time limit. A check that fails to run is UNKNOWN (CRITICAL for the
    /// database itself: not answering is what "down" means).
    async fn limited(
        &self,
        limit: Duration,
        down_is_critical: bool,
        check: impl Future<Output = Result<Found>>,
    ) -> Found {
        let failed = if down_is_critical {
            HealthState::Critical
        } else {
            HealthState::Unknown
        };
        match tokio::time::timeout(limit, check).await {
            Ok(Ok(found)) => found,
            Ok(Err(e)) => Found::new(failed, crate::redact::scrub(e.message()))
                .figure("error", json!(crate::redact::scrub(e.message()))),
            Err(_) => Found::new(failed, format!("no answer within {}", short(limit))),
        }
    }

    async fn check_db(&self) -> Result<Found> {
        let started = Instant::now();
        let db = self.db().await?;
        db.fetch_one(Sql::new("SELECT 1 AS one")).await?;
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        // What answered: the server's version, and a pooler between (found at connect).
        let (server, short, pooler) = match db.found() {
            Some(found) => (found.describe(), found.short(), found.pooler.to_string()),
            None => {
                let version = db.server_version().await?;
                (version.clone(), version, "none".to_string())
            }
        };
        Ok(Found::new(HealthState::Ok, format!("{ms:.0} ms, {short}"))
            .figure("latency_ms", json!((ms * 10.0).round() / 10.0))
            .figure("server", json!(server))
            .figure("pooler", json!(pooler))
            .perf(Perf::new("db_latency_ms", ms.round(), "ms")))
    }

    async fn check_migrations(&self) -> Result<Found> {
        let db = self.db().await?;
        let all = migrate::status(db).await?;
        let count = |s: MigrationState| all.iter().filter(|m| m.status == s).count();
        let (pending, changed, unknown) = (
            count(MigrationState::Pending),
            count(MigrationState::Changed),
            count(MigrationState::Unknown),
        );
        let version = all
            .iter()
            .filter(|m| m.status != MigrationState::Pending)
            .map(|m| m.version)
            .max()
            .unwrap_or(0);
        let (state, summary) = if pending > 0 {
            (
                HealthState::Critical,
                format!("{pending} pending (run `platctl migrate run`)"),
            )
        } else if changed > 0 || unknown > 0 {
            (
                HealthState::Warning,
                format!(
                    "{changed} changed since applied, {unknown} unknown to this platctl \
                     (`platctl migrate verify`)"
                ),
            )
        } else {
            (HealthState::Ok, format!("up to date (version {version})"))
        };
        Ok(Found::new(state, summary)
            .figure("version", json!(version))
            .figure("pending", json!(pending))
            .figure("changed", json!(changed))
            .figure("unknown", json!(unknown))
            // Each count alerts above 0, at the state it gives the check.
            .perf(Perf::new("migrations_pending", pending as f64, "").critical(Range::Above(0.0)))
            .perf(Perf::new("migrations_changed", changed as f64, "").warning(Range::Above(0.0)))
            .perf(Perf::new("migrations_unknown", unknown as f64, "").warning(Range::Above(0.0))))
    }

    /// The directories to watch: local backups, and the embedded database's.
    fn disk_places(&self) -> Vec<(&'static str, PathBuf)> {
        let mut places = Vec::new();
        if !self.backup.storage.starts_with("s3://") {
            places.push(("backups", PathBuf::from(&self.backup.storage)));
        }
        if let DatabaseTarget::Sqlite { path } = &self.database {
            places.push((
                "database",
                path.parent().map(Path::to_path_buf).unwrap_or_default(),
            ));
        }
        places
    }

    async fn check_disk(&self, t: &Thresholds) -> Result<Found> {
        let places = self.disk_places();
        if places.is_empty() {
            return Ok(Found::new(
                HealthState::Ok,
                "nothing local to watch (backups on S3, database on a server)",
            ));
        }
        let mut state = HealthState::Ok;
        let mut parts = Vec::new();
        let mut figures = Map::new();
        let mut perfdata = Vec::new();
        // Filesystems already reported, with the index of their part.
        let mut seen: Vec<(u64, usize)> = Vec::new();
        for (what, dir) in places {
            // The nearest existing directory: backups may not have been written yet.
            let mut probe = dir.clone();
            while !probe.exists() && probe.pop() {}
            if probe.as_os_str().is_empty() {
                probe = PathBuf::from(".");
            }
            let vfs = rustix::fs::statvfs(&probe).map_err(|e| {
                crate::error::Error::io(
                    format!("cannot read the filesystem of {}", probe.display()),
                    e.into(),
                )
            })?;
            // One filesystem holding both is reported once.
            if let Some((_, at)) = seen.iter().find(|(fsid, _)| *fsid == vfs.f_fsid) {
                parts[*at] = format!("{what} and {}", parts[*at]);
                continue;
            }
            seen.push((vfs.f_fsid, parts.len()));
            let total = vfs.f_blocks.saturating_mul(vfs.f_frsize);
            let free = vfs.f_bavail.saturating_mul(vfs.f_frsize);
            let percent = if total > 0 {
                100.0 * free as f64 / total as f64
            } else {
                0.0
            };
            state = state.worst(low_is_bad(
                percent,
                t.disk_warning_percent,
                t.disk_critical_percent,
            ));
            parts.push(format!(
                "{what} {percent:.0}% free ({} of {})",
                human_bytes(free),
                human_bytes(total)
            ));
            figures.insert(
                what.into(),
                json!({
                    "path": dir.display().to_string(),
                    "free_bytes": free,
                    "total_bytes": total,
                    "free_percent": (percent * 10.0).round() / 10.0,
                }),
            );
            let total_f = total as f64;
            perfdata.push(
                Perf::new(&format!("{what}_disk_free_bytes"), free as f64, "B")
                    .warning(below_percent(total_f, t.disk_warning_percent))
                    .critical(below_percent(total_f, t.disk_critical_percent))
                    .range(0.0, total_f),
            );
        }
        let mut found = Found::new(state, parts.join(", ")).threshold(format!(
            "warn <{}%, crit <{}%",
            t.disk_warning_percent, t.disk_critical_percent
        ));
        found.figures = figures;
        found.perfdata = perfdata;
        Ok(found)
    }

    async fn check_backups(&self, t: &Thresholds) -> Result<Found> {
        let progress = crate::progress::silent();
        // The storage only: no database session is needed to list it.
        let ctx = self.context_with(&self.database, None, &progress);
        let list = match crate::backup::list(&ctx).await {
            // No backup directory yet: no backups.
            Err(e) if e.kind() == crate::error::ErrorKind::NotFound => Vec::new(),
            other => other?,
        };
        let threshold = format!(
            "warn >{}, crit >{}",
            short(t.backup_warning),
            short(t.backup_critical)
        );
        // Newest first; the newest that is complete and was not found corrupt.
        let Some(good) = list.iter().find(|b| b.status == BackupStatus::Ok) else {
            return Ok(Found::new(
                HealthState::Critical,
                format!("no good backup in {}", self.backup.storage),
            )
            .threshold(threshold)
            .figure("storage", json!(self.backup.storage))
            .figure("backups", json!(list.len())));
        };
        // Whole milliseconds: the state is decided on the figure the perfdata carries.
        let age = whole_ms(age(good.finished_at));
        let state = if age > t.backup_critical {
            HealthState::Critical
        } else if age > t.backup_warning {
            HealthState::Warning
        } else {
            HealthState::Ok
        };
        let age_h = age.as_secs_f64() / 3600.0;
        Ok(Found::new(
            state,
            format!(
                "newest good {age_h:.1} h old ({}{})",
                good.id,
                if good.checked_at.is_some() {
                    ", checksum verified"
                } else {
                    ""
                }
            ),
        )
        .threshold(threshold)
        .figure("newest", json!(good.id))
        .figure("age_hours", json!((age_h * 10.0).round() / 10.0))
        .figure("verified", json!(good.checked_at.is_some()))
        .perf(
            Perf::new("backup_age_seconds", age.as_secs_f64(), "s")
                .warning(Range::Above(t.backup_warning.as_secs_f64()))
                .critical(Range::Above(t.backup_critical.as_secs_f64())),
        ))
    }

    async fn check_keys(&self, t: &Thresholds) -> Result<Found> {
        let db = self.db().await?;
        let now = crate::local::now();
        let until = now + chrono::Duration::from_std(t.key_expiry).unwrap_or_default();
        let rows = db
            .fetch_all(
                Sql::new(
                    "SELECT prefix, name, expires_at FROM api_keys WHERE revoked_at IS NULL \
                     AND expires_at IS NOT NULL AND expires_at > $1 AND expires_at <= $2 \
                     ORDER BY expires_at",
                )
                .bind(now)
                .bind(until),
            )
            .await?;
        let mut named = Vec::new();
        for row in &rows {
            named.push(format!(
                "{} ({}, {})",
                row.text("prefix")?,
                row.text("name")?,
                row.time("expires_at")?.format("%Y-%m-%d %H:%M UTC")
            ));
        }
        let threshold = format!("warn if one expires within {}", short(t.key_expiry));
        let found = if named.is_empty() {
            Found::new(
                HealthState::Ok,
                format!("none expiring within {}", short(t.key_expiry)),
            )
        } else {
            Found::new(
                HealthState::Warning,
                format!(
                    "{} expiring within {}: {}",
                    named.len(),
                    short(t.key_expiry),
                    named.join(", ")
                ),
            )
        };
        Ok(found
            .threshold(threshold)
            .figure("expiring", json!(named))
            .perf(Perf::new("keys_expiring", named.len() as f64, "").warning(Range::Above(0.0))))
    }

    async fn check_audit(&self, t: &Thresholds) -> Result<Found> {
        let db = self.db().await?;
        let row = db
            .fetch_one(Sql::new(
                "SELECT COUNT(*) AS n, MAX(sealed_at) AS newest FROM audit_seals",
            ))
            .await?;
        let threshold = format!("warn >{}", short(t.seal_warning));
        let Some(newest) = row.opt_time("newest")? else {
            return Ok(
                Found::new(HealthState::Ok, "seals not in use (`platctl audit seal`)")
                    .figure("seals", json!(0)),
            );
        };
        let age = whole_ms(age(newest));
        let age_h = age.as_secs_f64() / 3600.0;
        let state = if age > t.seal_warning {
            HealthState::Warning
        } else {
            HealthState::Ok
        };
        Ok(Found::new(state, format!("newest seal {age_h:.1} h old"))
            .threshold(threshold)
            .figure("seals", json!(row.int("n")?))
            .figure(
                "newest_seal_age_hours",
                json!((age_h * 10.0).round() / 10.0),
            )
            .perf(
                Perf::new("seal_age_seconds", age.as_secs_f64(), "s")
                    .warning(Range::Above(t.seal_warning.as_secs_f64())),
            ))
    }
}

/// Available memory from /proc/meminfo (Linux).
async fn check_memory(t: &Thresholds) -> Result<Found> {
    let text = tokio::fs::read_to_string("/proc/meminfo")
        .await
        .map_err(|e| crate::error::Error::io("cannot read /proc/meminfo", e))?;
    let field = |name: &str| -> Option<u64> {
        text.lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<u64>().ok())
            .map(|kb| kb * 1024)
    };
    let (Some(total), Some(available)) = (field("MemTotal:"), field("MemAvailable:")) else {
        return Ok(Found::new(
            HealthState::Unknown,
            "/proc/meminfo has no MemTotal or MemAvailable",
        ));
    };
    let percent = 100.0 * available as f64 / total.max(1) as f64;
    let total_f = total as f64;
    Ok(Found::new(
        low_is_bad(percent, t.memory_warning_percent, t.memory_critical_percent),
        format!(
            "{percent:.0}% available ({} of {})",
            human_bytes(available),
            human_bytes(total)
        ),
    )
    .threshold(format!(
        "warn <{}%, crit <{}%",
        t.memory_warning_percent, t.memory_critical_percent
    ))
    .figure("available_bytes", json!(available))
    .figure("total_bytes", json!(total))
    .figure("available_percent", json!((percent * 10.0).round() / 10.0))
    .perf(
        Perf::new("memory_available_bytes", available as f64, "B")
            .warning(below_percent(total_f, t.memory_warning_percent))
            .critical(below_percent(total_f, t.memory_critical_percent))
            .range(0.0, total_f),
    ))
}
