//! Durations: a key's lifetime, a grace period, a retention, a time limit, a threshold. Every
//! one that comes in is at most [`MAX_DAYS`] days, checked by [`check`] at both doors: the
//! command line reads them with [`parse_cli`] (`90d`, `1h 30m`), the admin API with serde, as
//! a whole number and a unit (`"90s"`, `"1500ms"`, what [`serialize`] writes), and its OpenAPI
//! document carries the same bound as a pattern ([`schema`]).

use std::time::Duration;

use serde::{Deserialize, Deserializer, Serializer};

/// The longest duration anything takes: 100 years.
pub const MAX_DAYS: u64 = 36_500;

/// The units of the wire form, and their length in milliseconds.
const UNITS: [(&str, u64); 5] = [
    ("ms", 1),
    ("s", 1_000),
    ("m", 60_000),
    ("h", 3_600_000),
    ("d", 86_400_000),
];

const MAX_MS: u64 = MAX_DAYS * 86_400_000;

/// `d` when it is at most [`MAX_DAYS`] days.
pub fn check(d: Duration) -> Result<Duration, String> {
    if d > Duration::from_millis(MAX_MS) {
        return Err(format!("too long: at most {MAX_DAYS}d (100 years)"));
    }
    Ok(d)
}

/// The wire form: a whole number and one of `ms`, `s`, `m`, `h`, `d`, at most [`MAX_DAYS`]
/// days.
pub fn parse(text: &str) -> Result<Duration, String> {
    let expected = "expected a whole number and a unit (ms, s, m, h or d), e.g. \"90s\"";
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("`{}` is not a duration: {expected}", shown(text)))?;
    let unit = UNITS
        .iter()
        .find(|(name, _)| *name == &text[digits..])
        .map(|(_, ms)| *ms)
        .ok_or_else(|| format!("`{}` is not a duration: {expected}", shown(text)))?;
    // Leading zeros are allowed; more digits than a u64 holds are too long anyway.
    let significant = text[..digits].trim_start_matches('0');
    let n: u64 = if significant.is_empty() {
        0
    } else {
        significant
            .parse()
            .map_err(|_| format!("`{}` is {}", shown(text), too_long()))?
    };
    let ms = n
        .checked_mul(unit)
        .filter(|ms| *ms <= MAX_MS)
        .ok_or_else(|| format!("`{}` is {}", shown(text), too_long()))?;
    Ok(Duration::from_millis(ms))
}

fn too_long() -> String {
    format!("too long: at most {MAX_DAYS}d (100 years)")
}

/// At most 40 characters of a value, for a message.
fn shown(text: &str) -> String {
    let mut out: String = text.chars().take(40).flat_map(char::escape_debug).collect();
    if text.chars().count() > 40 {
        out.push_str("...");
    }
    out
}

/// The command line's form: `90d`, `24h`, `30m`, `2s`, `1h 30m`; never negative, at most
/// [`MAX_DAYS`] days.
pub fn parse_cli(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let expected = "expected a duration like 90d, 24h, 30m or 2s";
    if text.starts_with('-') {
        return Err(format!("a duration cannot be negative; {expected}"));
    }
    let duration = humantime::parse_duration(text).map_err(|e| format!("{e}; {expected}"))?;
    check(duration)
}

pub fn serialize<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format!("{}ms", d.as_millis()))
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
    let text = String::deserialize(d)?;
    parse(&text).map_err(serde::de::Error::custom)
}

/// For `Option<Duration>` fields.
pub mod option {
    use serde::{Deserialize, Deserializer, Serializer};
    use std::time::Duration;

    pub fn serialize<S: Serializer>(d: &Option<Duration>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => super::serialize(d, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Duration>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(text) => super::parse(&text)
                .map(Some)
                .map_err(serde::de::Error::custom),
        }
    }
}

/// The wire form as a regular expression: for each unit, the numbers up to the bound.
pub fn pattern() -> String {
    let units: Vec<String> = UNITS
        .iter()
        .map(|(name, ms)| format!("0*{}{name}", at_most(MAX_MS / ms)))
        .collect();
    format!("^(?:{})$", units.join("|"))
}

/// A regular expression for the decimal numbers from 0 to `n`, without leading zeros.
fn at_most(n: u64) -> String {
    let digits: Vec<u8> = n.to_string().bytes().map(|b| b - b'0').collect();
    let k = digits.len();
    let mut alternatives = Vec::new();
    if k > 1 {
        alternatives.push(format!("[0-9]{{1,{}}}", k - 1));
    }
    // k digits: the same first i digits as n, then a smaller one, then any.
    for i in 0..k {
        if digits[i] == 0 || (i == 0 && k > 1 && digits[i] == 1) {
            continue;
        }
        let prefix: String = digits[..i].iter().map(|d| char::from(b'0' + d)).collect();
        let low = if i == 0 && k > 1 { 1 } else { 0 };
        let rest = k - i - 1;
        let tail = if rest > 0 {
            format!("[0-9]{{{rest}}}")
        } else {
            String::new()
        };
        alternatives.push(format!("{prefix}[{low}-{}]{tail}", digits[i] - 1));
    }
    alternatives.push(n.to_string());
    format!("(?:{})", alternatives.join("|"))
}

/// The OpenAPI schema of a duration: a string of the wire form.
pub fn schema() -> utoipa::openapi::schema::Object {
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .pattern(Some(pattern()))
        .description(Some(format!(
            "A whole number and a unit (ms, s, m, h or d), at most {MAX_DAYS}d (100 years)."
        )))
        .examples(["90s"])
        .build()
}

/// The same, or `null`.
pub fn option_schema() -> utoipa::openapi::schema::Object {
    let mut schema = schema();
    schema.schema_type = utoipa::openapi::schema::SchemaType::from_iter([
        utoipa::openapi::schema::Type::String,
        utoipa::openapi::schema::Type::Null,
    ]);
    schema
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wire_form_is_bounded() {
        assert_eq!(parse("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse("1500ms"), Ok(Duration::from_millis(1500)));
        assert_eq!(parse("007d"), Ok(Duration::from_secs(7 * 86_400)));
        assert_eq!(parse("36500d"), Ok(Duration::from_secs(MAX_DAYS * 86_400)));
        for bad in [
            "",
            "d",
            "90",
            "1.5h",
            "-5s",
            " 5s",
            "5 s",
            "36501d",
            "99999999999d",
            "99999999999999999999999d",
            "5y",
            "1h30m",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        assert!(parse("99999999999d").unwrap_err().contains("too long"));
        let d = Duration::from_millis(123_456);
        let json = serde_json::to_string(&crate::proto::Span(d)).unwrap();
        assert_eq!(json, "\"123456ms\"");
    }

    #[test]
    fn the_command_line_form_is_bounded_alike() {
        assert_eq!(parse_cli("1h 30m"), Ok(Duration::from_secs(5400)));
        assert!(parse_cli("36501d").unwrap_err().contains("at most 36500d"));
        assert!(parse_cli("-5s").unwrap_err().contains("negative"));
    }

    #[test]
    fn the_pattern_accepts_exactly_what_parse_accepts() {
        let re = regex_lite::Regex::new(&pattern()).unwrap();
        let mut samples: Vec<String> = Vec::new();
        for (unit, ms) in UNITS {
            let max = MAX_MS / ms;
            for n in [
                0,
                1,
                9,
                10,
                99,
                100,
                max / 3,
                max - 1,
                max,
                max + 1,
                max * 10,
                u64::MAX,
            ] {
                samples.push(format!("{n}{unit}"));
                samples.push(format!("00{n}{unit}"));
            }
            // Every number near a digit boundary of the bound.
            let mut step = 1;
            while step <= max {
                for n in [max - max % step, max - max % step + step, step - 1, step] {
                    samples.push(format!("{n}{unit}"));
                }
                step *= 10;
            }
        }
        samples.extend(["", "s", "5", "5x", "5 s", "5S", "5mss"].map(String::from));
        for s in &samples {
            assert_eq!(re.is_match(s), parse(s).is_ok(), "{s}");
        }
    }
}
