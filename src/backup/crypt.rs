//! Client-side encryption with age (the `age` crate, the library of rage): a backup is
//! compressed, then encrypted to the configured recipients (X25519 public keys) before any
//! byte leaves the machine; reading it takes the private key of one of them, from a file.
//!
//! The artifact is a standard age file: `age -d -i KEY ID.sql.gz.age | gunzip` reads it. Its
//! SHA-256 (in the manifest) is of the encrypted bytes, so listing, verifying the checksum and
//! pruning never need the private key. A private key is accepted only as a file
//! (`BACKUP_ENCRYPTION_IDENTITY_FILE`), never as a value, and never printed.

use std::io::{BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use sha2::{Digest, Sha256};

use crate::error::{Error, ErrorKind, Result};
use crate::migrations::hex;
use crate::proto::backup::{Encryption, Manifest, Recipient};

/// What a private key starts with: never a recipient, never shown.
const SECRET_PREFIX: &str = "AGE-SECRET-KEY-";

/// Where recipients come from, as the setting was given: public keys, or a file of them.
pub const RECIPIENTS_SETTING: &str = "BACKUP_ENCRYPTION_RECIPIENTS";
pub const IDENTITY_SETTING: &str = "BACKUP_ENCRYPTION_IDENTITY_FILE";

/// Whether `text` holds an age private key anywhere, in any case (bech32 ignores case, so a
/// lowercased key is the same key). Each such word is registered with the scrubber, so that
/// no message shows it, whole or cut short.
pub fn holds_private_key(text: &str) -> bool {
    // Upper-casing ASCII keeps every byte where it was: positions in `upper` are in `text`.
    let upper = text.to_ascii_uppercase();
    let mut found = false;
    let mut from = 0;
    while let Some(at) = upper.get(from..).and_then(|rest| rest.find(SECRET_PREFIX)) {
        let start = from + at;
        let end = text[start..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .map_or(text.len(), |n| start + n);
        crate::redact::register(&text[start..end]);
        found = true;
        from = end.max(start + 1);
    }
    if found {
        crate::redact::register(text);
    }
    found
}

/// The setting's text, checked: `age1...` public keys (separated by commas or white space), or
/// the path of a file of them. A private key is refused without being repeated.
pub fn parse_recipients_setting(text: &str) -> std::result::Result<String, String> {
    let text = text.trim();
    if holds_private_key(text) {
        return Err(format!(
            "that is an age private key ({SECRET_PREFIX}...), which must never be given as a \
             value: give its public key (`age-keygen -y KEYFILE` prints it), and the private \
             key's file as {IDENTITY_SETTING} where backups are read"
        ));
    }
    if text.is_empty() {
        return Err("expected age public keys (age1...) or the path of a file of them".into());
    }
    if looks_inline(text) {
        parse_keys(text, "the setting")?;
    }
    Ok(text.to_string())
}

/// Public keys given in place, rather than a file's path.
fn looks_inline(text: &str) -> bool {
    text.starts_with("age1")
}

/// Recipients from `text`: tokens separated by commas, white space or lines, `#` comments.
fn parse_keys(text: &str, from: &str) -> std::result::Result<Vec<age::x25519::Recipient>, String> {
    let mut keys = Vec::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or("");
        for token in line.split(|c: char| c == ',' || c.is_whitespace()) {
            if token.is_empty() {
                continue;
            }
            if holds_private_key(token) {
                return Err(format!(
                    "{from} holds an age private key: only public keys (age1...) belong there; \
                     `age-keygen -y KEYFILE` prints a private key's public key"
                ));
            }
            let key = age::x25519::Recipient::from_str(token).map_err(|_| {
                format!(
                    "{from}: `{}` is not an age X25519 public key (age1 and 58 more \
                     characters, as `age-keygen` prints them)",
                    crate::text::escape_controls(&crate::proto::backup::abbreviate(token))
                )
            })?;
            keys.push(key);
        }
    }
    if keys.is_empty() {
        return Err(format!("{from} holds no age public key (age1...)"));
    }
    Ok(keys)
}

/// The recipients a backup is encrypted to, read now: a file that cannot be read or holds no
/// key is an error before anything is dumped.
pub struct Recipients {
    keys: Vec<age::x25519::Recipient>,
    /// What the manifest records.
    pub encryption: Encryption,
}

impl Recipients {
    pub fn load(setting: &str) -> Result<Recipients> {
        let bad = |why: String| {
            Error::config(why).with_hint(format!(
                "{RECIPIENTS_SETTING} takes age public keys (age1..., comma-separated) or the \
                 path of a file with one per line; `age-keygen -o key.txt` makes a key pair"
            ))
        };
        let keys = if looks_inline(setting) {
            parse_keys(setting, RECIPIENTS_SETTING).map_err(bad)?
        } else {
            let path = Path::new(setting);
            let text = read_bounded(path).map_err(|e| {
                Error::new(
                    ErrorKind::Config,
                    format!(
                        "cannot read the recipients file {} ({RECIPIENTS_SETTING}); nothing \
                         was dumped",
                        path.display(),
                    ),
                )
                .with_source(e)
                .with_hint("backups are never written unencrypted while encryption is set")
            })?;
            parse_keys(&text, &format!("the recipients file {}", path.display())).map_err(bad)?
        };
        let recipients = keys
            .iter()
            .map(|key| {
                let recipient = key.to_string();
                Recipient {
                    fingerprint: fingerprint(&recipient),
                    recipient,
                }
            })
            .collect();
        Ok(Recipients {
            keys,
            encryption: Encryption {
                scheme: "age".into(),
                recipients,
            },
        })
    }

    /// A writer that encrypts what it is given into `out`; `finish` must be called.
    pub fn encrypt<W: Write>(&self, out: W) -> Result<age::stream::StreamWriter<W>> {
        let encryptor =
            age::Encryptor::with_recipients(self.keys.iter().map(|k| k as &dyn age::Recipient))
                .map_err(|e| Error::internal(format!("cannot set up age encryption: {e}")))?;
        encryptor
            .wrap_output(out)
            .map_err(|e| Error::io("cannot start the encrypted stream", e))
    }
}

/// At most 1 MiB of a key file: a recipients list is a few lines, and `/dev/zero` is not one.
fn read_bounded(path: &Path) -> std::io::Result<String> {
    const LIMIT: u64 = 1 << 20;
    let mut text = String::new();
    std::fs::File::open(path)?
        .take(LIMIT + 1)
        .read_to_string(&mut text)?;
    if text.len() as u64 > LIMIT {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "it is larger than 1 MiB: not a list of keys",
        ));
    }
    Ok(text)
}

/// `sha256:` and 16 hex digits of the public key's SHA-256.
pub fn fingerprint(recipient: &str) -> String {
    let digest = hex(&Sha256::digest(recipient.as_bytes()));
    format!("sha256:{}", &digest[..16])
}

/// The private keys that read encrypted backups, from `BACKUP_ENCRYPTION_IDENTITY_FILE`.
pub struct Identities {
    keys: Vec<Box<dyn age::Identity + Send + Sync>>,
    path: PathBuf,
}

impl Identities {
    pub fn load(path: &Path) -> Result<Identities> {
        let cannot = |why: String| {
            Error::config(format!(
                "cannot read the age identity file {} ({IDENTITY_SETTING}): {why}",
                path.display()
            ))
            .with_hint(
                "it must hold the private key as `age-keygen -o FILE` wrote it (one \
                 AGE-SECRET-KEY-1... line; a passphrase-protected file is not read)",
            )
        };
        let text = read_bounded(path).map_err(|e| cannot(e.to_string()))?;
        holds_private_key(&text);
        let keys = age::IdentityFile::from_buffer(text.as_bytes())
            .map_err(|e| cannot(e.to_string()))?
            .into_identities()
            .map_err(|e| cannot(e.to_string()))?;
        if keys.is_empty() {
            return Err(cannot("it holds no age private key".into()));
        }
        Ok(Identities {
            keys,
            path: path.to_path_buf(),
        })
    }
}

/// What reads a backup: the identities, when one is configured.
pub fn identities_for(
    manifest: &Manifest,
    identity_file: Option<&Path>,
) -> Result<Option<Identities>> {
    let Some(encryption) = &manifest.encryption else {
        return Ok(None);
    };
    match identity_file {
        Some(path) => Identities::load(path).map(Some),
        None => Err(Error::config(format!(
            "backup {} is encrypted (age, to {}): reading it needs the private key of one of \
             its recipients",
            manifest.id,
            recipients_named(encryption)
        ))
        .with_hint(format!(
            "set {IDENTITY_SETTING} to the file that holds it (as `age-keygen` wrote it); \
             listing, `backup verify` without --restore-test and pruning need no key"
        ))),
    }
}

/// Whether a manifest's encryption record is one platctl writes: `age`, at least one X25519
/// recipient, each fingerprint that recipient's. A manifest edited otherwise is not believed
/// (and its text never reaches a message).
pub fn check_recorded(encryption: &Encryption) -> std::result::Result<(), String> {
    if encryption.scheme != "age" {
        return Err("names an encryption scheme other than age".into());
    }
    if encryption.recipients.is_empty() {
        return Err("names no recipient of its encryption".into());
    }
    for r in &encryption.recipients {
        if age::x25519::Recipient::from_str(&r.recipient).is_err()
            || r.fingerprint != fingerprint(&r.recipient)
        {
            return Err(
                "names a recipient that is not an age public key with its fingerprint".into(),
            );
        }
    }
    Ok(())
}

/// `age1abc...xyz (sha256:0123...)`, for each recipient.
pub fn recipients_named(encryption: &Encryption) -> String {
    encryption.recipients_named()
}

/// `input` decrypted with `identities`: fails at once, before a byte of the payload is read,
/// when none of them opens it.
pub fn decrypt<'a, R: Read + Send + 'a>(
    manifest: &Manifest,
    identities: &Identities,
    input: R,
) -> Result<Box<dyn Read + Send + 'a>> {
    let named = manifest
        .encryption
        .as_ref()
        .map(recipients_named)
        .unwrap_or_default();
    let decryptor = age::Decryptor::new_buffered(BufReader::with_capacity(1 << 20, input))
        .map_err(|e| unreadable(manifest, e))?;
    let reader = decryptor
        .decrypt(
            identities
                .keys
                .iter()
                .map(|k| k.as_ref() as &dyn age::Identity),
        )
        .map_err(|e| match e {
            age::DecryptError::NoMatchingKeys => Error::refused(format!(
                "no key in {} ({IDENTITY_SETTING}) opens backup {}: it is encrypted to {named}",
                identities.path.display(),
                manifest.id
            ))
            .with_hint("use the private key of one of those recipients; nothing was touched"),
            e => unreadable(manifest, e),
        })?;
    Ok(Box::new(reader))
}

fn unreadable(manifest: &Manifest, e: age::DecryptError) -> Error {
    Error::new(
        ErrorKind::Io,
        format!(
            "backup {}'s artifact is not a readable age file: {e}",
            manifest.id
        ),
    )
    .with_hint("`backup verify ID` checks it against its SHA-256; nothing was touched")
}
