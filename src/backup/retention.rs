//! Which backups `backup prune` deletes. A pure function of the list and the clock.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, Utc};

#[derive(Debug, Clone)]
pub enum Policy {
    /// Delete backups older than this.
    OlderThan(Duration),
    /// Keep the newest backup of each of the last N days, weeks and months that have one.
    Keep {
        daily: usize,
        weekly: usize,
        monthly: usize,
    },
}

/// A backup as retention sees it.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub id: String,
    pub at: DateTime<Utc>,
    /// Restorable (artifact present, complete, and not found corrupt).
    pub good: bool,
}

/// Newest first: by time, then id.
fn sorted(candidates: &[Candidate]) -> Vec<&Candidate> {
    let mut sorted: Vec<&Candidate> = candidates.iter().collect();
    sorted.sort_by(|a, b| b.at.cmp(&a.at).then(b.id.cmp(&a.id)));
    sorted
}

/// The backup every policy keeps: the newest good one.
pub fn newest_good(candidates: &[Candidate]) -> Option<String> {
    sorted(candidates)
        .into_iter()
        .find(|c| c.good)
        .map(|c| c.id.clone())
}

/// The ids to delete. The newest good backup is never among them; backups that are not good
/// (incomplete or corrupt) always are (they cannot be restored).
pub fn select(candidates: &[Candidate], policy: &Policy, now: DateTime<Utc>) -> Vec<String> {
    let sorted = sorted(candidates);
    let newest_good = newest_good(candidates);
    let good: Vec<&Candidate> = sorted.iter().copied().filter(|c| c.good).collect();

    let mut keep: BTreeSet<String> = BTreeSet::new();
    match policy {
        Policy::OlderThan(age) => {
            for c in &good {
                if now - c.at <= *age {
                    keep.insert(c.id.clone());
                }
            }
        }
        Policy::Keep {
            daily,
            weekly,
            monthly,
        } => {
            let mut buckets = |n: usize, key: &dyn Fn(&DateTime<Utc>) -> (i32, u32)| {
                let mut seen = Vec::new();
                for c in &good {
                    let k = key(&c.at);
                    if seen.contains(&k) {
                        continue;
                    }
                    if seen.len() == n {
                        break;
                    }
                    seen.push(k);
                    keep.insert(c.id.clone());
                }
            };
            buckets(*daily, &|t| (t.year(), t.ordinal()));
            buckets(*weekly, &|t| {
                let w = t.iso_week();
                (w.year(), w.week())
            });
            buckets(*monthly, &|t| (t.year(), t.month()));
        }
    }
    if let Some(id) = newest_good {
        keep.insert(id);
    }
    sorted
        .iter()
        .filter(|c| !keep.contains(&c.id))
        .map(|c| c.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn daily_backups(days: i64, now: DateTime<Utc>) -> Vec<Candidate> {
        (0..days)
            .map(|d| Candidate {
                id: format!("b{d:03}"),
                at: now - Duration::days(d) - Duration::hours(1),
                good: true,
            })
            .collect()
    }

    #[test]
    fn older_than_keeps_the_recent_ones() {
        let now = at("2026-11-26T02:00:00Z");
        let list = daily_backups(40, now);
        let gone = select(&list, &Policy::OlderThan(Duration::days(30)), now);
        assert_eq!(gone.len(), 10);
        assert!(gone.iter().all(|id| id.as_str() >= "b030"));
    }

    #[test]
    fn the_newest_good_backup_survives_everything() {
        let now = at("2026-11-26T02:00:00Z");
        let mut list = daily_backups(3, now - Duration::days(100));
        list.push(Candidate {
            id: "broken".into(),
            at: now,
            good: false,
        });
        let gone = select(&list, &Policy::OlderThan(Duration::days(30)), now);
        assert!(!gone.contains(&"b000".to_string()), "{gone:?}");
        assert!(gone.contains(&"broken".to_string()));
        assert_eq!(gone.len(), 3);
    }

    #[test]
    fn keep_daily_weekly_monthly() {
        let now = at("2026-11-26T02:00:00Z");
        let list = daily_backups(120, now);
        let policy = Policy::Keep {
            daily: 7,
            weekly: 4,
            monthly: 3,
        };
        let gone = select(&list, &policy, now);
        let kept = 120 - gone.len();
        // 7 days, plus the newest of up to 4 weeks and 3 months not already kept.
        assert!((7..=14).contains(&kept), "kept {kept}");
        for d in 0..7 {
            assert!(!gone.contains(&format!("b{d:03}")));
        }
    }
}
