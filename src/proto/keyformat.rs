//! The API key format, once: `sk_live_` or `sk_test_` and 32 letters and digits; shown after
//! its one showing by its first 12 characters.

pub const LIVE_PREFIX: &str = "sk_live_";
pub const TEST_PREFIX: &str = "sk_test_";
pub const SECRET_LEN: usize = 32;
pub const DISPLAY_PREFIX_LEN: usize = 12;
/// For secret scanners: the shape of every key.
pub const PATTERN: &str = "sk_(live|test)_[A-Za-z0-9]{32}";

pub fn display_prefix(key: &str) -> String {
    key.chars().take(DISPLAY_PREFIX_LEN).collect()
}

pub fn is_well_formed(key: &str) -> bool {
    let rest = key
        .strip_prefix(LIVE_PREFIX)
        .or_else(|| key.strip_prefix(TEST_PREFIX));
    rest.is_some_and(|r| r.len() == SECRET_LEN && r.bytes().all(|b| b.is_ascii_alphanumeric()))
}
