//! What the core remembers between the requests of a long-lived process (`platctl serve`),
//! and when it forgets it. Two rules, both bounded by [`KEY_LOOKUP_REUSE`]:
//!
//! - [`KeysSeen`]: an accepted key's look-up is reused for up to a second, everywhere (a
//!   revoke made by another process is refused within it, on every replica);
//! - [`Heard`]: key listings and users' permissions are kept only while this process hears of
//!   every change made through platctl ([`super::Core::follow_changes`]: PostgreSQL announces
//!   each commit to every process), so they are behind a change another process made only
//!   for as long as its announcement takes to arrive.
//!   Where nothing can be heard (SQLite, the command line, a lost connection) they are not
//!   kept. A change written by another program, which announces nothing, is seen within the
//!   second.
//!
//! Any change made by this process, or heard of, forgets everything.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::actor::{Actor, View};
use super::users::UserRef;
use crate::proto::{ApiKey, ListKeys};

/// How long anything is remembered: a revoke made through another process (another
/// replica, the command line) is refused here within this.
pub const KEY_LOOKUP_REUSE: std::time::Duration = std::time::Duration::from_secs(1);

/// Readings by key, each with when it was read; one younger than [`KEY_LOOKUP_REUSE`] is
/// fresh. At most `MAX` are kept: past it the stale ones go, and while all are fresh a new
/// reading is not kept.
struct Readings<K, V, const MAX: usize>(HashMap<K, (V, Instant)>);

impl<K, V, const MAX: usize> Default for Readings<K, V, MAX> {
    fn default() -> Self {
        Readings(HashMap::new())
    }
}

impl<K: std::hash::Hash + Eq, V, const MAX: usize> Readings<K, V, MAX> {
    fn fresh<Q>(&self, key: &Q) -> Option<&V>
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        self.0
            .get(key)
            .filter(|(_, read)| read.elapsed() < KEY_LOOKUP_REUSE)
            .map(|(value, _)| value)
    }

    fn keep(&mut self, key: K, value: V, read: Instant) {
        if self.0.len() >= MAX {
            self.0
                .retain(|_, (_, read)| read.elapsed() < KEY_LOOKUP_REUSE);
        }
        if self.0.len() < MAX {
            self.0.insert(key, (value, read));
        }
    }

    fn clear(&mut self) {
        self.0.clear();
    }
}

/// The API keys looked up in the last [`KEY_LOOKUP_REUSE`] (by their SHA-256), with who they
/// are: a key making hundreds of requests a second costs one look-up a second. Only keys that
/// were accepted are kept, 10,000 at most.
#[derive(Default)]
pub(super) struct KeysSeen(Mutex<Readings<String, Actor, 10_000>>);

impl KeysSeen {
    pub(super) fn get(&self, hash: &str) -> Option<Actor> {
        self.0.lock().ok()?.fresh(hash).cloned()
    }

    pub(super) fn keep(&self, hash: String, actor: &Actor) {
        if let Ok(mut seen) = self.0.lock() {
            seen.keep(hash, actor.clone(), Instant::now());
        }
    }

    pub(super) fn forget_all(&self) {
        if let Ok(mut seen) = self.0.lock() {
            seen.clear();
        }
    }
}

/// What is kept while every change is heard of: key listings by request (what a client
/// polling `GET /api-keys` asks again and again), and what a user holds in an organization
/// (what authorizes each request of a key they made).
#[derive(Default)]
pub(super) struct Heard(Mutex<HeardState>);

/// Listings kept at most (each of at most [`Heard::LISTING_KEYS`]: about 30 MB in all), and
/// users' permissions (per user and organization).
const LISTINGS: usize = 100;
const GRANTS: usize = 10_000;

#[derive(Default)]
struct HeardState {
    /// Changes are being heard of.
    hearing: bool,
    /// Counts forgettings: what was read before one is not kept after it.
    generation: u64,
    listings: Readings<ListingKey, Listing, LISTINGS>,
    grants: Readings<(Uuid, Uuid), Held, GRANTS>,
}

/// A listing's request, and the organizations its caller sees (none: all).
type ListingKey = (Option<Vec<Uuid>>, Option<String>, Option<String>, bool);

struct Listing {
    keys: Vec<ApiKey>,
    /// When it was read, as the time its keys' expiry compares with.
    now: DateTime<Utc>,
}

/// A user, and the permissions they hold in one organization (`resource`, `action`).
pub(super) type Held = (UserRef, Arc<BTreeSet<(String, String)>>);

/// Taken before reading what is to be kept: the reading is kept only if nothing was forgotten
/// meanwhile.
#[derive(Clone, Copy)]
pub(super) struct Generation(u64, Instant);

impl Heard {
    /// The most keys a kept listing may hold (a bigger one is read each time).
    const LISTING_KEYS: usize = 1_000;

    fn listing_key(req: &ListKeys, view: &View) -> ListingKey {
        (
            view.orgs().map(|orgs| orgs.iter().map(|o| o.id).collect()),
            req.organization.clone(),
            req.created_by.clone(),
            req.all,
        )
    }

    /// The generation to give `keep_*`, and the time the reading starts at; `None` while
    /// changes are not heard of.
    pub(super) fn generation(&self) -> Option<(Generation, DateTime<Utc>)> {
        let state = self.0.lock().ok()?;
        state.hearing.then(|| {
            (
                Generation(state.generation, Instant::now()),
                crate::local::now(),
            )
        })
    }

    /// A listing still true: younger than a second, and no key in it expired since.
    pub(super) fn listing(&self, req: &ListKeys, view: &View) -> Option<Vec<ApiKey>> {
        let state = self.0.lock().ok()?;
        let listing = state.listings.fresh(&Self::listing_key(req, view))?;
        let now = crate::local::now();
        let expired_since =
            |k: &ApiKey| k.expires_at.is_some_and(|at| at > listing.now && at <= now);
        (!listing.keys.iter().any(expired_since)).then(|| listing.keys.clone())
    }

    pub(super) fn keep_listing(
        &self,
        req: &ListKeys,
        view: &View,
        (generation, now): (Generation, DateTime<Utc>),
        keys: &[ApiKey],
    ) {
        if keys.len() > Self::LISTING_KEYS {
            return;
        }
        let listing = Listing {
            keys: keys.to_vec(),
            now,
        };
        self.keep(generation, |state| {
            state
                .listings
                .keep(Self::listing_key(req, view), listing, generation.1)
        });
    }

    /// What `user` holds in `org`, read in the last second.
    pub(super) fn held(&self, user: Uuid, org: Uuid) -> Option<Held> {
        self.0.lock().ok()?.grants.fresh(&(user, org)).cloned()
    }

    pub(super) fn keep_held(&self, org: Uuid, generation: Generation, held: &Held) {
        self.keep(generation, |state| {
            state
                .grants
                .keep((held.0.id, org), held.clone(), generation.1)
        });
    }

    fn keep(&self, generation: Generation, put: impl FnOnce(&mut HeardState)) {
        if let Ok(mut state) = self.0.lock()
            && state.hearing
            && state.generation == generation.0
        {
            put(&mut state);
        }
    }

    /// Forget everything; `hearing` says whether changes are heard of from now on (`None`:
    /// as before).
    pub(super) fn forget_all(&self, hearing: Option<bool>) {
        if let Ok(mut state) = self.0.lock() {
            state.generation += 1;
            state.listings.clear();
            state.grants.clear();
            if let Some(hearing) = hearing {
                state.hearing = hearing;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(expires_at: Option<DateTime<Utc>>) -> ApiKey {
        ApiKey {
            id: Uuid::new_v4(),
            prefix: "sk_live_abcd".into(),
            organization: Some("acme".into()),
            platform: false,
            name: "k".into(),
            scopes: vec!["api-keys:read".into()],
            status: crate::proto::KeyStatus::Active,
            created_at: crate::local::now(),
            created_by: None,
            expires_at,
            last_used_at: None,
            revoked_at: None,
            revoked_reason: None,
            confirm_by: None,
        }
    }

    fn req() -> ListKeys {
        ListKeys {
            organization: Some("acme".into()),
            platform: false,
            created_by: None,
            all: false,
        }
    }

    #[test]
    fn nothing_is_kept_while_changes_are_not_heard_of() {
        let heard = Heard::default();
        assert!(heard.generation().is_none());
        heard.forget_all(Some(true));
        let generation = heard.generation().unwrap();
        heard.forget_all(Some(false));
        heard.keep_listing(&req(), &View::All, generation, &[key(None)]);
        assert!(heard.listing(&req(), &View::All).is_none());
    }

    #[test]
    fn a_listing_is_kept_until_a_change_is_heard_of() {
        let heard = Heard::default();
        heard.forget_all(Some(true));
        heard.keep_listing(
            &req(),
            &View::All,
            heard.generation().unwrap(),
            &[key(None)],
        );
        assert_eq!(heard.listing(&req(), &View::All).unwrap().len(), 1);
        let other = ListKeys { all: true, ..req() };
        assert!(heard.listing(&other, &View::All).is_none(), "another query");
        let acme = crate::core::actor::OrgRef {
            id: Uuid::new_v4(),
            slug: "acme".into(),
        };
        assert!(
            heard.listing(&req(), &View::Orgs(vec![acme])).is_none(),
            "another caller's view"
        );
        heard.forget_all(None);
        assert!(heard.listing(&req(), &View::All).is_none());
    }

    #[test]
    fn a_reading_that_raced_a_change_is_not_kept() {
        let heard = Heard::default();
        heard.forget_all(Some(true));
        let before = heard.generation().unwrap();
        heard.forget_all(None); // a change heard of while reading
        heard.keep_listing(&req(), &View::All, before, &[key(None)]);
        assert!(heard.listing(&req(), &View::All).is_none());
    }

    #[test]
    fn a_listing_with_a_key_expired_since_is_read_again() {
        let heard = Heard::default();
        heard.forget_all(Some(true));
        let soon = crate::local::now() + chrono::Duration::milliseconds(30);
        heard.keep_listing(
            &req(),
            &View::All,
            heard.generation().unwrap(),
            &[key(Some(soon))],
        );
        assert!(heard.listing(&req(), &View::All).is_some());
        std::thread::sleep(std::time::Duration::from_millis(40));
        assert!(heard.listing(&req(), &View::All).is_none());
    }

    #[test]
    fn big_listings_are_not_kept() {
        let heard = Heard::default();
        heard.forget_all(Some(true));
        let many: Vec<ApiKey> = (0..=Heard::LISTING_KEYS).map(|_| key(None)).collect();
        heard.keep_listing(&req(), &View::All, heard.generation().unwrap(), &many);
        assert!(heard.listing(&req(), &View::All).is_none());
    }
}
