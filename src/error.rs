//! The tool's error type (defined with the protocol, so that it crosses an HTTP hop whole) and
//! the "did you mean" helpers of error messages.

pub use crate::proto::error::*;

/// The closest candidates to `input` among `valid`, for "did you mean ..." hints.
pub fn closest<'a>(input: &str, valid: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let input = input.to_lowercase();
    let mut scored: Vec<(f64, &str)> = valid
        .into_iter()
        .map(|v| (strsim::jaro_winkler(&input, &v.to_lowercase()), v))
        .filter(|(score, _)| *score > 0.75)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(3).map(|(_, v)| v).collect()
}

/// "did you mean `a` or `b`?" when there are close candidates, else a list of valid values.
pub fn suggestion<'a>(input: &str, valid: impl IntoIterator<Item = &'a str> + Clone) -> String {
    let near = closest(input, valid.clone());
    if near.is_empty() {
        let all: Vec<&str> = valid.into_iter().collect();
        let shown: Vec<String> = all.iter().take(8).map(|v| format!("`{v}`")).collect();
        let more = if all.len() > 8 { ", ..." } else { "" };
        format!("valid values: {}{more}", shown.join(", "))
    } else {
        let shown: Vec<String> = near.iter().map(|v| format!("`{v}`")).collect();
        format!("did you mean {}?", shown.join(" or "))
    }
}
