//! The chain that `audit verify` follows: the seals in id order, and after each seal the
//! prune records made while it was the newest. Every link chains to the one before it
//! (`prev_digest`) and may be signed; so a prune record — the claim "every seal up to S lost
//! its entries on purpose" — is evidence like a seal: it cannot be forged or altered without
//! the signing key, and the next seal's digest, hence any anchor taken later, covers it.
//!
//! A prune record's digest is SHA-256 over
//!
//! ```text
//! "platctl audit prune v1\n" PREV_DIGEST "\n" HEAD_SEAL_ID "\n" SEALED_THROUGH "\n"
//! SEALED_LAST "\n" CUTOFF "\n"
//! ```
//!
//! (the cutoff in RFC 3339, UTC, milliseconds), and its signature covers
//! `platctl audit prune v1 DIGEST`.

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use crate::db::{Db, Row, Sql, Tx};
use crate::error::Result;
use crate::migrations::hex;
use crate::proto::audit::{Seal, SealHead, SealProblem};
use crate::signing::PublicKey;

/// The message a seal's signature covers.
pub fn seal_message(digest: &str) -> Vec<u8> {
    format!("platctl audit seal v1 {digest}").into_bytes()
}

/// The message a prune record's signature covers.
pub fn prune_message(digest: &str) -> Vec<u8> {
    format!("platctl audit prune v1 {digest}").into_bytes()
}

/// What a prune record claims, as its digest covers it.
pub struct PruneClaim {
    pub head_seal_id: i64,
    pub sealed_through: i64,
    pub sealed_last: i64,
    /// Milliseconds: what both databases keep.
    pub cutoff: DateTime<Utc>,
}

impl PruneClaim {
    pub fn digest(&self, prev: Option<&str>) -> String {
        let mut h = Sha256::new();
        h.update(b"platctl audit prune v1\n");
        h.update(prev.unwrap_or("").as_bytes());
        h.update(
            format!(
                "\n{}\n{}\n{}\n{}\n",
                self.head_seal_id,
                self.sealed_through,
                self.sealed_last,
                self.cutoff.format("%Y-%m-%dT%H:%M:%S%.3fZ")
            )
            .as_bytes(),
        );
        hex(&h.finalize())
    }
}

/// A prune record that claims seals (`sealed_through` set), as stored.
pub struct PruneRecord {
    pub id: i64,
    pub cutoff: DateTime<Utc>,
    pub head_seal_id: Option<i64>,
    pub sealed_through: i64,
    pub sealed_last: Option<i64>,
    pub prev_digest: Option<String>,
    pub digest: Option<String>,
    pub signature: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    Seal(usize),
    Prune(usize),
}

pub struct Chain {
    pub seals: Vec<Seal>,
    seal_signatures: Vec<Option<String>>,
    pub prunes: Vec<PruneRecord>,
    /// Seals in id order, each followed by the prune records made while it was the newest.
    pub links: Vec<Link>,
    /// Prune records that follow no seal there is: no place in the chain.
    orphans: Vec<usize>,
}

/// A problem of a link (or of an orphaned prune record: `link` is `None`).
pub struct Found {
    pub link: Option<usize>,
    /// Only that a signature is missing.
    pub unsigned: bool,
    pub problem: SealProblem,
}

pub struct Checked {
    pub found: Vec<Found>,
    /// The newest prune record that holds (in its place, whole, signed when a key is given),
    /// with the most seals: every seal up to its `sealed_through` lost its entries on purpose.
    pub pruned_by: Option<usize>,
}

const SEAL_SELECT: &str = "SELECT id, sealed_at, first_id, last_id, row_count, prev_digest, \
    digest, key_id, signature, actor FROM audit_seals";

pub fn seal_from(row: &Row) -> Result<(Seal, Option<String>)> {
    let signature = row.opt_text("signature")?;
    Ok((
        Seal {
            id: row.int("id")?,
            sealed_at: row.time("sealed_at")?,
            first_id: row.int("first_id")?,
            last_id: row.int("last_id")?,
            row_count: row.int("row_count")?,
            prev_digest: row.opt_text("prev_digest")?,
            digest: row.text("digest")?,
            key_id: row.opt_text("key_id")?,
            signed: signature.is_some(),
            actor: row.text("actor")?,
        },
        signature,
    ))
}

fn head_of(seal: &Seal) -> SealHead {
    SealHead {
        seal_id: seal.id,
        last_id: seal.last_id,
        digest: seal.digest.clone(),
        sealed_at: seal.sealed_at,
        prune_id: None,
    }
}

/// The chain's head in `tx`: the newest seal, or the newest prune record made after it.
pub async fn tip(tx: &mut Tx<'_>) -> Result<Option<SealHead>> {
    let Some(row) = tx
        .fetch_optional(Sql::assembled(format!(
            "{SEAL_SELECT} ORDER BY id DESC LIMIT 1"
        )))
        .await?
    else {
        return Ok(None);
    };
    let (seal, _) = seal_from(&row)?;
    let mut head = head_of(&seal);
    let prune = tx
        .fetch_optional(
            Sql::new(
                "SELECT id, digest, started_at FROM audit_prunes \
                 WHERE head_seal_id = $1 AND digest IS NOT NULL ORDER BY id DESC LIMIT 1",
            )
            .bind(seal.id),
        )
        .await?;
    if let Some(p) = prune {
        head.prune_id = Some(p.int("id")?);
        head.digest = p.text("digest")?;
        head.sealed_at = p.time("started_at")?;
    }
    Ok(Some(head))
}

/// The chain's head, if any (and if the tables exist: a backup of an older schema has none).
pub async fn head(db: &Db) -> Result<Option<SealHead>> {
    if !db.table_exists("audit_seals").await? {
        return Ok(None);
    }
    let mut tx = db.begin_read().await?;
    let head = if db.column_exists("audit_prunes", "digest").await? {
        tip(&mut tx).await?
    } else {
        tx.fetch_optional(Sql::assembled(format!(
            "{SEAL_SELECT} ORDER BY id DESC LIMIT 1"
        )))
        .await?
        .map(|r| seal_from(&r).map(|(s, _)| head_of(&s)))
        .transpose()?
    };
    tx.commit().await?;
    Ok(head)
}

impl Chain {
    pub async fn load(tx: &mut Tx<'_>) -> Result<Chain> {
        let (seals, seal_signatures): (Vec<Seal>, Vec<Option<String>>) = tx
            .fetch_all(Sql::assembled(format!("{SEAL_SELECT} ORDER BY id")))
            .await?
            .iter()
            .map(seal_from)
            .collect::<Result<Vec<_>>>()?
            .into_iter()
            .unzip();
        let prunes = tx
            .fetch_all(Sql::new(
                "SELECT id, cutoff, head_seal_id, sealed_through, sealed_last, \
                 prev_digest, digest, signature FROM audit_prunes \
                 WHERE sealed_through IS NOT NULL ORDER BY id",
            ))
            .await?
            .iter()
            .map(|r| {
                Ok(PruneRecord {
                    id: r.int("id")?,
                    cutoff: r.time("cutoff")?,
                    head_seal_id: r.opt_int("head_seal_id")?,
                    sealed_through: r.int("sealed_through")?,
                    sealed_last: r.opt_int("sealed_last")?,
                    prev_digest: r.opt_text("prev_digest")?,
                    digest: r.opt_text("digest")?,
                    signature: r.opt_text("signature")?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let mut links = Vec::with_capacity(seals.len() + prunes.len());
        let mut placed = vec![false; prunes.len()];
        for (i, seal) in seals.iter().enumerate() {
            links.push(Link::Seal(i));
            for (j, p) in prunes.iter().enumerate() {
                if p.head_seal_id == Some(seal.id) && !placed[j] {
                    placed[j] = true;
                    links.push(Link::Prune(j));
                }
            }
        }
        let orphans = (0..prunes.len()).filter(|j| !placed[*j]).collect();
        Ok(Chain {
            seals,
            seal_signatures,
            prunes,
            links,
            orphans,
        })
    }

    pub fn any_signed(&self) -> bool {
        self.seal_signatures.iter().any(Option::is_some)
            || self.prunes.iter().any(|p| p.signature.is_some())
    }

    /// Whether `digest` is that of a link: an anchor kept elsewhere.
    pub fn holds(&self, digest: &str) -> bool {
        self.links.iter().any(|l| self.digest(*l) == Some(digest))
    }

    fn digest(&self, link: Link) -> Option<&str> {
        match link {
            Link::Seal(i) => Some(self.seals[i].digest.as_str()),
            Link::Prune(j) => self.prunes[j].digest.as_deref(),
        }
    }

    fn name(&self, link: Link) -> String {
        match link {
            Link::Seal(i) => format!("seal {}", self.seals[i].id),
            Link::Prune(j) => format!("prune {}", self.prunes[j].id),
        }
    }

    fn prune_problem(&self, j: usize, text: String) -> SealProblem {
        let p = &self.prunes[j];
        let last = p.sealed_last.or_else(|| {
            self.seals
                .iter()
                .find(|s| s.id == p.sealed_through)
                .map(|s| s.last_id)
        });
        SealProblem {
            seal_id: 0,
            prune_id: Some(p.id),
            first_id: 1,
            last_id: last.unwrap_or(0),
            entry_ids: Vec::new(),
            problem: text,
        }
    }

    /// Follow the chain: each link chains to the one before, seals' ranges follow each other
    /// from entry 1, prune records match their digests and name seals that are there, and
    /// with `public` every link carries a valid signature. Recomputing seals is the caller's.
    pub fn check(&self, public: Option<&PublicKey>) -> Checked {
        let mut found = Vec::new();
        let mut pruned_by: Option<usize> = None;
        let mut prev: Option<Link> = None;
        let mut prev_seal: Option<&Seal> = None;
        for (pos, &link) in self.links.iter().enumerate() {
            let mut own: Vec<(bool, String)> = Vec::new();
            let prev_digest = prev.and_then(|l| self.digest(l));
            match link {
                Link::Seal(i) => {
                    let seal = &self.seals[i];
                    match (prev, prev_seal) {
                        (None, _) if seal.prev_digest.is_some() => own.push((
                            false,
                            "it chains to a seal that is not there: earlier seals were removed"
                                .into(),
                        )),
                        (None, _) if seal.first_id != 1 => own.push((
                            false,
                            "it is the first seal, but starts at another entry than 1: the \
                             chain was made anew"
                                .into(),
                        )),
                        (Some(p), _) if seal.prev_digest.as_deref() != prev_digest => own.push((
                            false,
                            format!(
                                "it does not chain to {}: a seal or prune record was \
                                     changed, removed or inserted",
                                self.name(p)
                            ),
                        )),
                        (_, Some(p)) if p.last_id.checked_add(1) != Some(seal.first_id) => own
                            .push((
                                false,
                                format!(
                                    "its range does not start where seal {} ended (entry {})",
                                    p.id, p.last_id
                                ),
                            )),
                        _ => {}
                    }
                    if let Some(key) = public {
                        own.extend(signature_problem(
                            key,
                            &seal_message(&seal.digest),
                            self.seal_signatures[i].as_deref(),
                            "seal",
                        ));
                    }
                    for (unsigned, text) in own {
                        found.push(Found {
                            link: Some(pos),
                            unsigned,
                            problem: seal_problem(seal, text),
                        });
                    }
                    prev_seal = Some(seal);
                }
                Link::Prune(j) => {
                    let p = &self.prunes[j];
                    if p.prev_digest.as_deref() != prev_digest {
                        own.push((
                            false,
                            format!(
                                "it does not chain to {}: a seal or prune record was changed, \
                                 removed or inserted",
                                prev.map_or_else(|| "the seal before it".into(), |l| self.name(l))
                            ),
                        ));
                    }
                    own.extend(self.claim_problem(p));
                    if let (Some(key), Some(digest)) = (public, &p.digest) {
                        own.extend(signature_problem(
                            key,
                            &prune_message(digest),
                            p.signature.as_deref(),
                            "prune record",
                        ));
                    }
                    let widest =
                        pruned_by.is_none_or(|b| self.prunes[b].sealed_through <= p.sealed_through);
                    if own.is_empty() && widest {
                        pruned_by = Some(j);
                    }
                    for (unsigned, text) in own {
                        found.push(Found {
                            link: Some(pos),
                            unsigned,
                            problem: self.prune_problem(j, text),
                        });
                    }
                }
            }
            prev = Some(link);
        }
        for &j in &self.orphans {
            let p = &self.prunes[j];
            found.push(Found {
                link: None,
                unsigned: false,
                problem: self.prune_problem(
                    j,
                    format!(
                        "it claims that every seal up to seal {} was pruned, but it follows no \
                         seal there is, so it has no place in the chain: forged (or made \
                         before prune records were chained, migration 10); it proves nothing",
                        p.sealed_through
                    ),
                ),
            });
        }
        Checked { found, pruned_by }
    }

    /// What is wrong with what a prune record claims, as opposed to where it sits.
    fn claim_problem(&self, p: &PruneRecord) -> Option<(bool, String)> {
        let (Some(digest), Some(head), Some(last)) = (&p.digest, p.head_seal_id, p.sealed_last)
        else {
            return Some((
                false,
                "it has no digest: anyone with the database could have written it (or it was \
                 made before prune records were chained, migration 10); it proves nothing"
                    .into(),
            ));
        };
        let claim = PruneClaim {
            head_seal_id: head,
            sealed_through: p.sealed_through,
            sealed_last: last,
            cutoff: p.cutoff,
        };
        if claim.digest(p.prev_digest.as_deref()) != *digest {
            return Some((
                false,
                "its record was altered: what it says no longer matches its digest".into(),
            ));
        }
        let named = self.seals.iter().find(|s| s.id == p.sealed_through);
        let text = match named {
            _ if p.sealed_through > head => format!(
                "it claims seal {}, which was made after it",
                p.sealed_through
            ),
            None => format!(
                "it claims seal {} (entries up to {last}), which is not there",
                p.sealed_through
            ),
            Some(s) if s.last_id != last => format!(
                "it claims seal {} up to entry {last}, but that seal ends at entry {}",
                s.id, s.last_id
            ),
            Some(_) => return None,
        };
        Some((false, text))
    }
}

fn signature_problem(
    key: &PublicKey,
    message: &[u8],
    signature: Option<&str>,
    what: &str,
) -> Option<(bool, String)> {
    match signature {
        None => Some((
            true,
            format!("it is not signed, and a public key was given: every {what} must be signed"),
        )),
        Some(sig) if !key.verify(message, sig) => Some((
            false,
            format!(
                "its signature does not verify with the public key: the {what} was forged or \
                 altered, or signed by another key"
            ),
        )),
        Some(_) => None,
    }
}

pub fn seal_problem(s: &Seal, text: String) -> SealProblem {
    SealProblem {
        seal_id: s.id,
        prune_id: None,
        first_id: s.first_id,
        last_id: s.last_id,
        entry_ids: Vec::new(),
        problem: text,
    }
}
