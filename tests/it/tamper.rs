//! Tampering with the audit log as someone with the database would, one manipulation per
//! test: `audit verify` exits 1 and names what it found (the seal or prune record and its id
//! range, or the entry ids) — or, where the README says verify cannot tell, it passes.

use std::path::PathBuf;

use crate::audit::{platform, seed};
use crate::common::{Kind, Run, TestEnv, each_backend};

/// An audit log sealed with a signing key.
struct Log {
    env: TestEnv,
    key: PathBuf,
    public: String,
}

impl Log {
    /// The set-up's entries and 3 x 100 of the platform's under three signed seals — the
    /// second with a gap, an id a rolled-back transaction took — then 5 entries unsealed.
    fn sealed(env: TestEnv) -> Log {
        let log = Log::with_key(platform(env));
        seed(&log.env, 100, 0);
        log.seal();
        seed(&log.env, 100, 0);
        log.env
            .exec("DELETE FROM audit_logs WHERE id = (SELECT MAX(id) - 50 FROM audit_logs)");
        log.seal();
        seed(&log.env, 100, 0);
        log.seal();
        seed(&log.env, 5, 0);
        log.ok();
        log
    }

    /// Old entries under seal 1 and recent ones under seal 2; a signed prune took seal 1's
    /// entries; seal 3 covers what came since (the `audit.prune` entry); 5 entries unsealed.
    fn pruned(env: TestEnv) -> Log {
        let env = platform(env);
        env.tamper(match env.kind {
            Kind::Postgres => "UPDATE audit_logs SET occurred_at = now() - interval '500 days'",
            Kind::Sqlite => {
                "UPDATE audit_logs SET occurred_at = \
                 strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-500 days')"
            }
        });
        let log = Log::with_key(env);
        seed(&log.env, 300, 400 * 24 * 60);
        log.seal();
        seed(&log.env, 100, 0);
        log.seal();
        let pruned = log.signed(&["--yes", "audit", "prune", "--older-than", "365d"]);
        assert_eq!(pruned.code, 0, "{pruned}");
        log.seal();
        seed(&log.env, 5, 0);
        assert_eq!(
            log.env.count(&format!(
                "SELECT COUNT(*) FROM audit_logs WHERE id <= {}",
                log.last_id(1)
            )),
            0,
            "seal 1's entries were pruned"
        );
        log.ok();
        log
    }

    fn with_key(env: TestEnv) -> Log {
        let keys = env.path("keys");
        env.ok(&["-q", "audit", "keygen", "--out", keys.to_str().unwrap()]);
        Log {
            key: keys.join("audit-signing.key"),
            public: keys.join("audit-signing.pub").to_str().unwrap().to_string(),
            env,
        }
    }

    /// platctl with the signing key configured.
    fn signed(&self, args: &[&str]) -> Run {
        Run::from(
            self.env
                .cmd()
                .env("AUDIT_SIGNING_KEY_FILE", &self.key)
                .args(args)
                .output()
                .unwrap(),
        )
    }

    fn seal(&self) {
        let run = self.signed(&["-q", "audit", "seal"]);
        assert_eq!(run.code, 0, "{run}");
    }

    /// `audit verify` against the public key, with `extra` arguments.
    fn verify(&self, extra: &[&str]) -> Run {
        let mut args = vec!["audit", "verify", "--public-key", &self.public];
        args.extend_from_slice(extra);
        self.env.run(&args)
    }

    /// Verify and insist that it failed, naming each of `named` on stderr.
    fn caught(&self, extra: &[&str], named: &[&str]) -> Run {
        let run = self.verify(extra);
        assert_eq!(run.code, 1, "verify did not fail:\n{run}");
        for name in named {
            assert!(run.stderr.contains(name), "`{name}` not named:\n{run}");
        }
        run
    }

    fn ok(&self) -> Run {
        let run = self.verify(&[]);
        assert_eq!(run.code, 0, "{run}");
        run
    }

    fn first_id(&self, seal: i64) -> i64 {
        self.env.count(&format!(
            "SELECT first_id FROM audit_seals WHERE id = {seal}"
        ))
    }

    fn last_id(&self, seal: i64) -> i64 {
        self.env.count(&format!(
            "SELECT last_id FROM audit_seals WHERE id = {seal}"
        ))
    }

    /// How verify names a seal: `seal 2 (entries 104-203)`.
    fn seal_name(&self, seal: i64) -> String {
        format!(
            "seal {seal} (entries {}-{})",
            self.first_id(seal),
            self.last_id(seal)
        )
    }

    /// The newest seal's digest, as `audit seal` prints it and a backup's manifest records it.
    fn head(&self) -> String {
        self.env
            .query_string("SELECT digest FROM audit_seals ORDER BY id DESC LIMIT 1")
    }

    /// The time literal of "now" in this database.
    fn now(&self) -> &'static str {
        match self.env.kind {
            Kind::Postgres => "now()",
            Kind::Sqlite => "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
        }
    }
}

each_backend!(an_entry_changed_behind_the_trigger, |env| {
    let log = Log::sealed(env);
    let id = log.first_id(2) + 3;
    log.env.tamper(&format!(
        "UPDATE audit_logs SET actor = 'mallory' WHERE id = {id}"
    ));
    log.caught(&[], &[&log.seal_name(2), "changed"]);
});

each_backend!(an_entry_deleted, |env| {
    let log = Log::sealed(env);
    log.env.exec(&format!(
        "DELETE FROM audit_logs WHERE id = {}",
        log.first_id(3) + 7
    ));
    log.caught(&[], &[&log.seal_name(3), "deleted"]);
});

each_backend!(entries_inserted_with_ids_below_one, |env| {
    let log = Log::sealed(env);
    // PostgreSQL: the attacker's own ids (the column is GENERATED BY DEFAULT; OVERRIDING
    // SYSTEM VALUE changes nothing).
    let overriding = match log.env.kind {
        Kind::Postgres => "OVERRIDING SYSTEM VALUE",
        Kind::Sqlite => "",
    };
    log.env.exec(&format!(
        "INSERT INTO audit_logs (id, action, actor) {overriding} \
         VALUES (-5, 'forged.entry', 'mallory'), (0, 'forged.entry', 'mallory')"
    ));
    let run = log.caught(&[], &["entries -5, 0:", "below 1"]);
    // The entries under the seals and the unsealed ones are told apart from them.
    assert!(run.stderr.contains("3/3 seals valid"), "{run}");
    assert!(run.stderr.contains("(ids "), "{run}");
});

each_backend!(an_entry_inserted_inside_a_sealed_range, |env| {
    let log = Log::sealed(env);
    // Into the gap a rolled-back transaction left in seal 2.
    let gap = log.env.count(&format!(
        "SELECT MIN(id) + 1 FROM audit_logs a WHERE id >= {} AND NOT EXISTS \
         (SELECT 1 FROM audit_logs b WHERE b.id = a.id + 1)",
        log.first_id(2)
    ));
    assert!(gap < log.last_id(2), "seal 2 has a gap");
    log.env.exec(&format!(
        "INSERT INTO audit_logs (id, action, actor) VALUES ({gap}, 'forged.entry', 'mallory')"
    ));
    log.caught(&[], &[&log.seal_name(2), "inserted"]);
});

each_backend!(an_entry_inserted_inside_a_pruned_range, |env| {
    let log = Log::pruned(env);
    log.env
        .exec("INSERT INTO audit_logs (id, action, actor) VALUES (7, 'forged.entry', 'mallory')");
    log.caught(&[], &["entries 7:", "prune 1"]);
    // What a prune records is the range, not a time: a forged entry dated after the cutoff
    // is found the same way.
    log.env.exec("DELETE FROM audit_logs WHERE id = 7");
    log.ok();
});

each_backend!(
    an_entry_inserted_above_the_last_seal_is_listed_unsealed,
    |env| {
        let log = Log::sealed(env);
        let last = log.env.count("SELECT MAX(id) FROM audit_logs");
        let far = last + 1000;
        log.env.exec(&format!(
            "INSERT INTO audit_logs (id, occurred_at, action, actor) \
         VALUES ({far}, '2020-01-01T00:00:00Z', 'forged.entry', 'mallory')"
        ));
        // Nothing proves an entry newer than the last seal: it is counted and its ids listed...
        let run = log.ok();
        let head = log.last_id(3);
        assert!(
            run.stderr.contains(&format!(
                "6 entries are newer than the last seal (ids {}-{far})",
                head + 1
            )),
            "{run}"
        );
        // ...and deleting such entries leaves nothing to find either.
        log.env
            .exec(&format!("DELETE FROM audit_logs WHERE id > {head}"));
        let run = log.ok();
        assert!(!run.stderr.contains("newer than the last seal"), "{run}");
    }
);

each_backend!(a_forged_prune_record, |env| {
    let log = Log::sealed(env);
    let head = log.head();
    // Three entries changed, one deleted, and a record claiming every seal was pruned.
    for id in [
        log.first_id(1) + 1,
        log.first_id(2) + 2,
        log.first_id(3) + 3,
    ] {
        log.env.tamper(&format!(
            "UPDATE audit_logs SET action = 'nothing.happened' WHERE id = {id}"
        ));
    }
    log.env.exec(&format!(
        "DELETE FROM audit_logs WHERE id = {}",
        log.first_id(3) + 4
    ));
    log.env.exec(&format!(
        "INSERT INTO audit_prunes (started_at, finished_at, cutoff, sealed_through, row_count, \
         first_id, last_id, actor) VALUES ({now}, {now}, {now}, 3, 0, 1, {last}, 'mallory')",
        now = log.now(),
        last = log.last_id(3),
    ));
    log.caught(
        &["--expect-head", &head],
        &[
            "prune 1",
            &log.seal_name(1),
            &log.seal_name(2),
            &log.seal_name(3),
        ],
    );
});

each_backend!(a_prune_record_unsigned_altered_or_deleted, |env| {
    let log = Log::pruned(env);
    let signature = log
        .env
        .query_string("SELECT signature FROM audit_prunes WHERE id = 1");
    assert_eq!(signature.len(), 128, "the prune record is signed");

    log.env
        .exec("UPDATE audit_prunes SET signature = NULL, key_id = NULL WHERE id = 1");
    log.caught(&[], &["prune 1", "not signed"]);
    log.env.exec(&format!(
        "UPDATE audit_prunes SET signature = '{signature}' WHERE id = 1"
    ));
    log.ok();

    // The claim widened to seal 2, whose entries go too.
    log.env
        .exec("UPDATE audit_prunes SET sealed_through = 2 WHERE id = 1");
    log.env.exec(&format!(
        "DELETE FROM audit_logs WHERE id <= {}",
        log.last_id(2)
    ));
    log.caught(&[], &["prune 1", "altered", &log.seal_name(2), "deleted"]);
    log.env
        .exec("UPDATE audit_prunes SET sealed_through = 1 WHERE id = 1");

    // The record removed: seal 1's entries are missing, and seal 3 chained to it.
    log.env.exec("DELETE FROM audit_prunes WHERE id = 1");
    log.caught(
        &[],
        &[
            &log.seal_name(1),
            "deleted",
            &log.seal_name(3),
            "does not chain",
        ],
    );
});

each_backend!(a_seal_deleted, |env| {
    let log = Log::sealed(env);
    let third = log.seal_name(3);
    log.env.exec("DELETE FROM audit_seals WHERE id = 2");
    log.caught(&[], &[&third, "does not chain to seal 1"]);

    // The first one: its entries lie below the chain's start, and are named.
    let log = Log::sealed(TestEnv::new(log.env.kind));
    let second = log.seal_name(2);
    log.env.exec("DELETE FROM audit_seals WHERE id = 1");
    log.caught(
        &[],
        &[
            &second,
            "a seal that is not there",
            "entries 1, 2, 3,",
            "below the first seal",
        ],
    );
});

each_backend!(a_seal_altered, |env| {
    let log = Log::sealed(env);
    let digest = log
        .env
        .query_string("SELECT digest FROM audit_seals WHERE id = 2");
    log.env.exec(
        "UPDATE audit_seals SET digest = (SELECT digest FROM audit_seals WHERE id = 1) \
         WHERE id = 2",
    );
    log.caught(
        &[],
        &[
            &log.seal_name(2),
            "signature does not verify",
            &log.seal_name(3),
            "does not chain to seal 2",
        ],
    );
    log.env.exec(&format!(
        "UPDATE audit_seals SET digest = '{digest}' WHERE id = 2"
    ));
    log.ok();

    // Its count: the entries still match its digest, so the count is what changed.
    log.env
        .exec("UPDATE audit_seals SET row_count = row_count + 1 WHERE id = 2");
    log.caught(&[], &[&log.seal_name(2), "count"]);
});

each_backend!(seals_reordered, |env| {
    let log = Log::sealed(env);
    log.env.exec(
        "UPDATE audit_seals SET id = 99 WHERE id = 2; \
         UPDATE audit_seals SET id = 2 WHERE id = 3; \
         UPDATE audit_seals SET id = 3 WHERE id = 99",
    );
    log.caught(&[], &["seal 2 (entries", "does not chain to seal 1"]);
});

each_backend!(truncated_and_resealed, |env| {
    let log = Log::sealed(env);
    let head = log.head();
    log.env
        .exec("DELETE FROM audit_logs; DELETE FROM audit_seals; DELETE FROM audit_prunes");
    seed(&log.env, 50, 0);
    // Resealed with platctl itself, without the key.
    log.env.ok(&["-q", "audit", "seal"]);
    // Without the public key and without an anchor the new chain is consistent...
    let run = log.env.ok(&["audit", "verify"]);
    assert!(run.stdout.contains("(unsigned)"), "{run}");
    // ...with either, it is not.
    log.caught(&[], &["(entries 1-", "not signed"]);
    let run = log.env.run(&["audit", "verify", "--expect-head", &head]);
    assert_eq!(run.code, 1, "{run}");
    assert!(run.stderr.contains("is not in the chain"), "{run}");
});

each_backend!(a_forged_unsigned_seal, |env| {
    let log = Log::sealed(env);
    log.env.ok(&["-q", "audit", "seal"]);
    log.caught(&[], &[&log.seal_name(4), "not signed"]);
});

each_backend!(the_end_cut_off, |env| {
    let log = Log::sealed(env);
    let head = log.head();
    log.env.exec(&format!(
        "DELETE FROM audit_logs WHERE id >= {}; DELETE FROM audit_seals WHERE id = 3",
        log.first_id(3)
    ));
    // The chain that is left is whole and signed: only an anchor kept elsewhere tells.
    log.ok();
    log.caught(&["--expect-head", &head], &["is not in the chain"]);
    // So too with nothing left at all.
    log.env
        .exec("DELETE FROM audit_logs; DELETE FROM audit_seals");
    log.ok();
    log.caught(&["--expect-head", &head], &["is not in the chain"]);
});

each_backend!(since_leaves_older_seals_unchecked, |env| {
    let log = Log::sealed(env);
    let since = log.env.query_string(match log.env.kind {
        Kind::Postgres => {
            "SELECT to_char(sealed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') \
             FROM audit_seals WHERE id = 3"
        }
        Kind::Sqlite => "SELECT sealed_at FROM audit_seals WHERE id = 3",
    });
    log.env.tamper(&format!(
        "UPDATE audit_logs SET actor = 'mallory' WHERE id = {}",
        log.first_id(1) + 5
    ));
    let run = log.verify(&["--since", &since]);
    assert_eq!(run.code, 0, "{run}");
    assert!(run.stderr.contains("2 seals made before --since"), "{run}");
    log.caught(&[], &[&log.seal_name(1), "changed"]);
});

each_backend!(without_the_key_anyone_with_the_database_can_prune, |env| {
    // An unsigned chain, anchored.
    let env = platform(env);
    seed(&env, 100, 0);
    env.ok(&["-q", "audit", "seal"]);
    seed(&env, 100, 0);
    env.ok(&["-q", "audit", "seal"]);
    let head = env.query_string("SELECT digest FROM audit_seals WHERE id = 2");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    // `audit prune` itself, with a cutoff of a second ago, takes every sealed entry...
    env.ok(&["-q", "--yes", "audit", "prune", "--older-than", "1s"]);
    assert_eq!(
        env.count("SELECT COUNT(*) FROM audit_logs WHERE id <= (SELECT last_id FROM audit_seals WHERE id = 2)"),
        0
    );
    // ...and the record it leaves is as sound as any unsigned link after the anchor.
    let run = env.ok(&["audit", "verify", "--expect-head", &head]);
    assert!(run.stderr.contains("2 seals cover pruned entries"), "{run}");
});

each_backend!(
    a_prune_record_from_before_migration_10_proves_nothing,
    |env| {
        let log = Log::pruned(env);
        // As migration 10 leaves a record made before it: no place in the chain, no digest.
        log.env.exec(
            "UPDATE audit_prunes SET head_seal_id = NULL, sealed_last = NULL, prev_digest = NULL, \
         digest = NULL, signature = NULL, key_id = NULL",
        );
        log.caught(
            &[],
            &["prune 1", "proves nothing", &log.seal_name(1), "deleted"],
        );
        // Old entries since, unsealed: a prune would take them, and seal 1 again.
        seed(&log.env, 5, 400 * 24 * 60);
        let refused = log.signed(&["--yes", "audit", "prune", "--older-than", "365d"]);
        assert_eq!(refused.code, 1, "{refused}");
        assert!(refused.stderr.contains(&log.seal_name(1)), "{refused}");

        // The way out the README gives: a new chain over what is left.
        log.env
            .exec("DELETE FROM audit_seals; DELETE FROM audit_prunes");
        log.seal();
        let run = log.ok();
        assert!(run.stdout.contains("1/1 seals valid (signed)"), "{run}");
    }
);
