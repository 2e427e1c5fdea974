//! Ed25519 keys that sign audit seals, as the PEM files OpenSSL reads and writes: the private
//! key is PKCS#8 (`openssl genpkey -algorithm ed25519` makes one too), the public key
//! SubjectPublicKeyInfo (`openssl pkey -in audit-signing.key -pubout`).

use aws_lc_rs::signature::{ED25519, Ed25519KeyPair, KeyPair, UnparsedPublicKey};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::migrations::hex;

/// The DER of an Ed25519 SubjectPublicKeyInfo up to the 32 key bytes.
const SPKI_PREFIX: [u8; 12] = [
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
];

pub const PRIVATE_FILE: &str = "audit-signing.key";
pub const PUBLIC_FILE: &str = "audit-signing.pub";

pub struct SigningKey {
    pair: Ed25519KeyPair,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey {
    bytes: Vec<u8>,
}

fn pem(label: &str, der: &[u8]) -> String {
    let body = STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for line in body.as_bytes().chunks(64) {
        out.push_str(&String::from_utf8_lossy(line));
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

fn unpem(text: &str, label: &str, what: &str) -> Result<Vec<u8>> {
    let begin = format!("-----BEGIN {label}-----");
    let end = format!("-----END {label}-----");
    let body = text
        .split_once(&begin)
        .and_then(|(_, rest)| rest.split_once(&end))
        .map(|(body, _)| body)
        .ok_or_else(|| {
            Error::usage(format!("{what} is not a PEM `{label}`"))
                .with_hint("make a key pair with `platctl audit keygen --out DIR`")
        })?;
    let joined: String = body.split_whitespace().collect();
    STANDARD
        .decode(joined)
        .map_err(|_| Error::usage(format!("{what}: the PEM body is not base64")))
}

/// A new key pair: (private PEM, public PEM).
pub fn generate() -> Result<(String, String)> {
    let rng = aws_lc_rs::rand::SystemRandom::new();
    let pkcs8 = Ed25519KeyPair::generate_pkcs8v1(&rng)
        .map_err(|_| Error::internal("cannot generate an Ed25519 key"))?;
    let key = load_private_der(pkcs8.as_ref(), "the new key")?;
    Ok((pem("PRIVATE KEY", pkcs8.as_ref()), key.public().to_pem()))
}

fn load_private_der(der: &[u8], what: &str) -> Result<SigningKey> {
    let pair = Ed25519KeyPair::from_pkcs8(der).map_err(|e| {
        Error::usage(format!("{what} is not an Ed25519 private key ({e})"))
            .with_hint("make one with `platctl audit keygen --out DIR`")
    })?;
    Ok(SigningKey { pair })
}

/// A private key from its PEM text; `what` names it in errors (a path).
pub fn load_private(text: &str, what: &str) -> Result<SigningKey> {
    load_private_der(&unpem(text, "PRIVATE KEY", what)?, what)
}

/// A public key from its PEM text.
pub fn parse_public(text: &str, what: &str) -> Result<PublicKey> {
    let der = unpem(text, "PUBLIC KEY", what)?;
    match der.strip_prefix(&SPKI_PREFIX[..]) {
        Some(bytes) if bytes.len() == 32 => Ok(PublicKey {
            bytes: bytes.to_vec(),
        }),
        _ => Err(Error::usage(format!("{what} is not an Ed25519 public key"))
            .with_hint("use the .pub file `platctl audit keygen` wrote")),
    }
}

impl SigningKey {
    pub fn public(&self) -> PublicKey {
        PublicKey {
            bytes: self.pair.public_key().as_ref().to_vec(),
        }
    }

    /// The signature of `message`, hex.
    pub fn sign(&self, message: &[u8]) -> String {
        hex(self.pair.sign(message).as_ref())
    }
}

impl PublicKey {
    /// A short id: the first 16 hex digits of the key's SHA-256.
    pub fn id(&self) -> String {
        hex(&Sha256::digest(&self.bytes))[..16].to_string()
    }

    pub fn to_pem(&self) -> String {
        let mut der = SPKI_PREFIX.to_vec();
        der.extend_from_slice(&self.bytes);
        pem("PUBLIC KEY", &der)
    }

    /// Whether `signature` (hex) signs `message` with this key.
    pub fn verify(&self, message: &[u8], signature: &str) -> bool {
        let Some(sig) = unhex(signature) else {
            return false;
        };
        UnparsedPublicKey::new(&ED25519, &self.bytes)
            .verify(message, &sig)
            .is_ok()
    }
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_pair_signs_and_verifies_through_its_pem_files() {
        let (private, public) = generate().unwrap();
        assert!(private.starts_with("-----BEGIN PRIVATE KEY-----\n"));
        let key = load_private(&private, "k").unwrap();
        let public = parse_public(&public, "p").unwrap();
        assert_eq!(key.public(), public);
        let sig = key.sign(b"seal");
        assert!(public.verify(b"seal", &sig));
        assert!(!public.verify(b"seal!", &sig));
        assert!(!public.verify(b"seal", "zz"));
        let (_, other) = generate().unwrap();
        assert!(!parse_public(&other, "o").unwrap().verify(b"seal", &sig));
        assert!(parse_public(&private, "p").is_err());
    }
}
