//! Health checks: what `platctl health` asks and what it gets back, in the states and exit
//! codes of Nagios plugins and the JSON shape of NestJS terminus (which the platform serves).

use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

pub use super::state::HealthState;

/// Every check there is, in the order they are reported.
pub const CHECKS: &[&str] = &[
    "db",
    "migrations",
    "disk",
    "memory",
    "backups",
    "keys",
    "audit",
];

/// When a check warns and when it is critical.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Thresholds {
    /// Free disk space, percent of the filesystem.
    pub disk_warning_percent: f64,
    pub disk_critical_percent: f64,
    /// Available memory, percent of the total.
    pub memory_warning_percent: f64,
    pub memory_critical_percent: f64,
    /// Age of the newest good backup.
    #[serde(with = "crate::proto::duration")]
    #[schema(schema_with = crate::proto::duration::schema)]
    pub backup_warning: Duration,
    #[serde(with = "crate::proto::duration")]
    #[schema(schema_with = crate::proto::duration::schema)]
    pub backup_critical: Duration,
    /// Keys expiring within this are named in a warning.
    #[serde(with = "crate::proto::duration")]
    #[schema(schema_with = crate::proto::duration::schema)]
    pub key_expiry: Duration,
    /// Age of the newest audit seal, when seals are in use.
    #[serde(with = "crate::proto::duration")]
    #[schema(schema_with = crate::proto::duration::schema)]
    pub seal_warning: Duration,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            disk_warning_percent: 10.0,
            disk_critical_percent: 5.0,
            memory_warning_percent: 10.0,
            memory_critical_percent: 5.0,
            backup_warning: Duration::from_secs(26 * 3600),
            backup_critical: Duration::from_secs(50 * 3600),
            key_expiry: Duration::from_secs(7 * 86_400),
            seal_warning: Duration::from_secs(26 * 3600),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct HealthRequest {
    /// Names from [`CHECKS`].
    pub checks: Vec<String>,
    /// Each check's time limit.
    #[serde(with = "crate::proto::duration")]
    #[schema(schema_with = crate::proto::duration::schema)]
    pub timeout: Duration,
    pub thresholds: Thresholds,
}

/// A figure for Nagios perfdata: `label=value[unit];warn;crit;min;max`, its thresholds in the
/// range syntax of the plugin guidelines, so that a plugin runner computes the same state as
/// the check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Perf {
    pub label: String,
    pub value: f64,
    pub unit: String,
    /// A Nagios range: `10` alerts above 10, `10:` below 10.
    #[schema(value_type = Option<String>, example = "10:")]
    pub warning: Option<Range>,
    #[schema(value_type = Option<String>, example = "26")]
    pub critical: Option<Range>,
    pub min: Option<f64>,
    pub max: Option<f64>,
}

/// A threshold as a Nagios range: `10` alerts when the value is above 10 (values here are
/// never below 0, where it would alert too), `10:` when it is below 10. In JSON it is the same
/// string.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Range {
    Above(f64),
    Below(f64),
}

impl Range {
    /// Whether a value is outside the range (the plugin guidelines' "alert").
    pub fn alerts(self, value: f64) -> bool {
        match self {
            Range::Above(end) => value < 0.0 || value > end,
            Range::Below(start) => value < start,
        }
    }
}

impl std::fmt::Display for Range {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Range::Above(end) => f.write_str(&number(*end)),
            Range::Below(start) => write!(f, "{}:", number(*start)),
        }
    }
}

impl std::str::FromStr for Range {
    type Err = String;

    fn from_str(text: &str) -> std::result::Result<Self, String> {
        let value = |t: &str| {
            t.parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| format!("{text:?} is not a threshold: expected `N` or `N:`"))
        };
        match text.strip_suffix(':') {
            Some(start) => value(start).map(Range::Below),
            None => value(text).map(Range::Above),
        }
    }
}

impl Serialize for Range {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Range {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl Perf {
    pub fn new(label: &str, value: f64, unit: &str) -> Self {
        Perf {
            label: label.into(),
            value,
            unit: unit.into(),
            warning: None,
            critical: None,
            min: None,
            max: None,
        }
    }

    pub fn warning(mut self, range: Range) -> Self {
        self.warning = Some(range);
        self
    }

    pub fn critical(mut self, range: Range) -> Self {
        self.critical = Some(range);
        self
    }

    pub fn range(mut self, min: f64, max: f64) -> Self {
        self.min = Some(min);
        self.max = Some(max);
        self
    }

    /// The state a plugin runner reads from this figure and its thresholds.
    pub fn state(&self) -> HealthState {
        if self.critical.is_some_and(|r| r.alerts(self.value)) {
            HealthState::Critical
        } else if self.warning.is_some_and(|r| r.alerts(self.value)) {
            HealthState::Warning
        } else {
            HealthState::Ok
        }
    }

    /// `db_latency_ms=2ms;;;;` as Nagios reads it (integers when whole).
    pub fn nagios(&self) -> String {
        let n = |v: Option<f64>| v.map(number).unwrap_or_default();
        let r = |v: Option<Range>| v.map(|r| r.to_string()).unwrap_or_default();
        format!(
            "{}={}{};{};{};{};{}",
            self.label,
            number(self.value),
            self.unit,
            r(self.warning),
            r(self.critical),
            n(self.min),
            n(self.max)
        )
    }
}

/// A perfdata number: whole ones as integers, others with up to 3 decimals (milliseconds of
/// a seconds figure).
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let text = format!("{v:.3}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// One check's outcome.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CheckResult {
    pub name: String,
    pub state: HealthState,
    /// What it found, for people: `2 ms`, `41% free (18 GiB of 44 GiB)`.
    pub summary: String,
    /// When it would warn or be critical, for people: `warn < 10%, critical < 5%`.
    pub threshold: Option<String>,
    /// Its figures, by name (for `-o json`).
    pub figures: Map<String, Value>,
    pub perfdata: Vec<Perf>,
}

/// The figures that are counts (pending, changed or unknown migrations, backups when none is
/// good, expiring keys, seals); a list counts its items.
const COUNTS: [&str; 6] = [
    "pending", "changed", "unknown", "backups", "expiring", "seals",
];

/// The perfdata that are counts.
const COUNTED: [&str; 4] = [
    "migrations_pending",
    "migrations_changed",
    "migrations_unknown",
    "keys_expiring",
];

impl CheckResult {
    /// A check with a state and a summary only (no threshold, figures or perfdata).
    pub fn bare(name: &str, state: HealthState, summary: String) -> CheckResult {
        CheckResult {
            name: name.into(),
            state,
            summary,
            threshold: None,
            figures: Map::new(),
            perfdata: Vec::new(),
        }
    }

    /// What anyone may see of this check: its state and its counts — no names, prefixes,
    /// dates, ids, paths, sizes or thresholds (those are for a key that may run the checks).
    pub fn public(&self) -> CheckResult {
        let mut figures = Map::new();
        for name in COUNTS {
            let count = match self.figures.get(name) {
                Some(Value::Array(items)) => items.len() as u64,
                Some(Value::Number(n)) => match n.as_u64() {
                    Some(n) => n,
                    None => continue,
                },
                _ => continue,
            };
            figures.insert(name.to_string(), json!(count));
        }
        let mut summary = self.state.label().to_lowercase();
        for (name, count) in &figures {
            summary.push_str(&format!(", {count} {name}"));
        }
        CheckResult {
            name: self.name.clone(),
            state: self.state,
            summary,
            threshold: None,
            figures,
            perfdata: self
                .perfdata
                .iter()
                .filter(|p| COUNTED.contains(&p.label.as_str()))
                .cloned()
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct HealthReport {
    pub state: HealthState,
    pub checks: Vec<CheckResult>,
}

impl HealthReport {
    pub fn new(checks: Vec<CheckResult>) -> Self {
        let state = checks.iter().fold(HealthState::Ok, |s, c| s.worst(c.state));
        HealthReport { state, checks }
    }

    /// The report anyone may see: each check's state and counts (see [`CheckResult::public`]).
    pub fn public(&self) -> HealthReport {
        HealthReport::new(self.checks.iter().map(CheckResult::public).collect())
    }

    /// The terminus shape: `{"status": "ok"|"error", "info": {..}, "error": {..}, "details":
    /// {..}}`, each check `{"status": "up"|"down", ...its figures}`. A warning is up (with
    /// `"state": "warning"`); critical and unknown are down.
    pub fn terminus(&self) -> Value {
        let mut info = Map::new();
        let mut error = Map::new();
        let mut details = Map::new();
        for c in &self.checks {
            let up = matches!(c.state, HealthState::Ok | HealthState::Warning);
            let mut entry = Map::new();
            entry.insert("status".into(), json!(if up { "up" } else { "down" }));
            entry.insert("state".into(), json!(c.state));
            entry.insert("message".into(), json!(c.summary));
            if let Some(t) = &c.threshold {
                entry.insert("threshold".into(), json!(t));
            }
            if !c.perfdata.is_empty() {
                entry.insert("perfdata".into(), json!(c.perfdata));
            }
            for (k, v) in &c.figures {
                entry.insert(k.clone(), v.clone());
            }
            let entry = Value::Object(entry);
            details.insert(c.name.clone(), entry.clone());
            if up {
                info.insert(c.name.clone(), entry);
            } else {
                error.insert(c.name.clone(), entry);
            }
        }
        json!({
            "status": if error.is_empty() { "ok" } else { "error" },
            "info": info,
            "error": error,
            "details": details,
        })
    }

    /// The report back from its terminus shape (what a server's `/health` answers); `None`
    /// when `value` is not one. A check without platctl's `state` is OK when up, else
    /// CRITICAL.
    pub fn from_terminus(value: &Value) -> Option<HealthReport> {
        let details = value.get("details")?.as_object()?;
        let mut checks = Vec::new();
        for (name, entry) in details {
            let entry = entry.as_object()?;
            let up = entry.get("status").and_then(Value::as_str) == Some("up");
            let state = entry
                .get("state")
                .and_then(|s| serde_json::from_value(s.clone()).ok())
                .unwrap_or(if up {
                    HealthState::Ok
                } else {
                    HealthState::Critical
                });
            let text = |key: &str| entry.get(key).and_then(Value::as_str).map(str::to_string);
            let figures = entry
                .iter()
                .filter(|(k, _)| {
                    !["status", "state", "message", "threshold", "perfdata"].contains(&k.as_str())
                })
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            checks.push(CheckResult {
                name: name.clone(),
                state,
                summary: text("message").unwrap_or_else(|| if up { "up" } else { "down" }.into()),
                threshold: text("threshold"),
                figures,
                perfdata: entry
                    .get("perfdata")
                    .and_then(|p| serde_json::from_value(p.clone()).ok())
                    .unwrap_or_default(),
            });
        }
        Some(HealthReport::new(checks))
    }

    /// The Nagios plugin output: `PLATCTL OK - db 2 ms, ... | perfdata`, then one line per
    /// check.
    pub fn nagios(&self) -> String {
        let summary: Vec<String> = self
            .checks
            .iter()
            .map(|c| format!("{} {}", c.name, c.summary))
            .collect();
        let perf: Vec<String> = self
            .checks
            .iter()
            .flat_map(|c| c.perfdata.iter().map(Perf::nagios))
            .collect();
        let mut out = format!("PLATCTL {} - {}", self.state.label(), summary.join(", "));
        if !perf.is_empty() {
            out.push_str(" | ");
            out.push_str(&perf.join(" "));
        }
        out.push('\n');
        for c in &self.checks {
            out.push_str(&format!("{}: {} - {}", c.name, c.state.label(), c.summary));
            if let Some(t) = &c.threshold {
                out.push_str(&format!(" ({t})"));
            }
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(name: &str, state: HealthState) -> CheckResult {
        CheckResult {
            name: name.into(),
            state,
            summary: "fine".into(),
            threshold: None,
            figures: Map::new(),
            perfdata: vec![
                Perf::new("x_ms", 2.0, "ms")
                    .warning(Range::Above(5.0))
                    .critical(Range::Above(10.0)),
            ],
        }
    }

    #[test]
    fn the_worst_state_wins_critical_first() {
        use HealthState::*;
        let overall = |states: &[HealthState]| {
            HealthReport::new(states.iter().map(|s| check("c", *s)).collect()).state
        };
        assert_eq!(overall(&[Ok, Ok]), Ok);
        assert_eq!(overall(&[Ok, Warning]), Warning);
        assert_eq!(overall(&[Warning, Unknown]), Unknown);
        assert_eq!(overall(&[Unknown, Critical, Warning]), Critical);
    }

    #[test]
    fn nagios_and_terminus_shapes() {
        let report = HealthReport::new(vec![
            check("db", HealthState::Ok),
            check("backups", HealthState::Critical),
        ]);
        let text = report.nagios();
        assert!(text.starts_with("PLATCTL CRITICAL - db fine, backups fine | x_ms=2ms;5;10;;"));
        assert!(text.contains("\nbackups: CRITICAL - fine\n"));
        let t = report.terminus();
        assert_eq!(t["status"], "error");
        assert_eq!(t["info"]["db"]["status"], "up");
        assert_eq!(t["error"]["backups"]["status"], "down");
        assert_eq!(t["details"].as_object().unwrap().len(), 2);
    }

    #[test]
    fn the_public_report_keeps_states_and_counts_only() {
        let mut keys = check("keys", HealthState::Warning);
        keys.summary = "1 expiring within 7d: sk_live_AbCd (deploy, 2026-12-05 11:41 UTC)".into();
        keys.threshold = Some("warn if one expires within 7d".into());
        keys.figures
            .insert("expiring".into(), json!(["sk_live_AbCd (deploy, ...)"]));
        keys.perfdata = vec![Perf::new("keys_expiring", 1.0, "")];
        let mut disk = check("disk", HealthState::Ok);
        disk.figures
            .insert("backups".into(), json!({"path": "/var/backups/platctl"}));
        disk.figures.insert("free_bytes".into(), json!(1234));
        let public = HealthReport::new(vec![keys, disk]).public();
        assert_eq!(public.state, HealthState::Warning);
        let text = serde_json::to_string(&public.terminus()).unwrap();
        for private in [
            "sk_live_AbCd",
            "deploy",
            "2026",
            "/var/backups",
            "1234",
            "x_ms",
            "7d",
        ] {
            assert!(!text.contains(private), "{private} in {text}");
        }
        assert_eq!(public.checks[0].summary, "warning, 1 expiring");
        assert_eq!(public.checks[0].figures["expiring"], 1);
        assert_eq!(public.checks[0].perfdata.len(), 1);
        assert_eq!(public.checks[1].summary, "ok");
    }

    #[test]
    fn a_report_comes_back_whole_from_its_terminus_shape() {
        let mut warned = check("disk", HealthState::Warning);
        warned.threshold = Some("warn < 10%".into());
        warned.figures.insert("free_percent".into(), json!(8));
        let report = HealthReport::new(vec![check("db", HealthState::Ok), warned]);
        let back = HealthReport::from_terminus(&report.terminus()).unwrap();
        assert_eq!(back.state, HealthState::Warning);
        assert_eq!(back.nagios(), report.nagios());
        assert_eq!(back.checks[1].figures["free_percent"], 8);
        // Another server's terminus JSON: up is OK, down is CRITICAL.
        let foreign = json!({"status": "error", "info": {}, "error": {"redis": {"status": "down"}},
                             "details": {"redis": {"status": "down"}}});
        let read = HealthReport::from_terminus(&foreign).unwrap();
        assert_eq!(read.state, HealthState::Critical);
        assert!(HealthReport::from_terminus(&json!({"status": "ok"})).is_none());
    }
}

super::endpoint::endpoints! { tag "health";
    HealthRequest: Post "/health/checks" => HealthReport, Health, "health_checks", (body);
}

super::endpoint::replies!(HealthReport);
