//! Points in time that come in (an expiry, the bounds of an audit query, a prune's cutoff): RFC
//! 3339 only, so between the years 0000 and 9999, which every database and every calculation
//! of platctl holds. The command line ([`parse`]) and the admin API (serde, [`deserialize`])
//! read them alike; the OpenAPI document says `format: date-time`.

use chrono::{DateTime, TimeZone, Utc};
use serde::{Deserialize, Deserializer};

/// The last moment a timestamp may name: 9999-12-31T23:59:59.999999Z.
pub fn max() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(9999, 12, 31, 23, 59, 59)
        .single()
        .and_then(|t| t.checked_add_signed(chrono::Duration::microseconds(999_999)))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// An RFC 3339 time, e.g. `2027-01-31T00:00:00Z` (what [`pattern`] matches).
pub fn parse(text: &str) -> Result<DateTime<Utc>, String> {
    let expected = "expected an RFC 3339 time like 2027-01-31T00:00:00Z";
    // chrono also reads a space for the `T`, and a leap second at any minute.
    if text.as_bytes().get(10) == Some(&b' ') {
        return Err(format!("a `T` separates the date and the time; {expected}"));
    }
    let t = DateTime::parse_from_rfc3339(text).map_err(|e| format!("{e}; {expected}"))?;
    if chrono::Timelike::nanosecond(&t) >= 1_000_000_000 {
        return Err(format!("no leap seconds; {expected}"));
    }
    Ok(t.with_timezone(&Utc))
}

/// A time that platctl computed (a new key's expiry, counted from now), kept within what
/// [`parse`] reads back: at most [`max`].
pub fn clamp(t: DateTime<Utc>) -> DateTime<Utc> {
    t.min(max())
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    let text = String::deserialize(d)?;
    parse(&text).map_err(|e| serde::de::Error::custom(format!("`{}`: {e}", shown(&text))))
}

/// For `Option<DateTime<Utc>>` fields (with `#[serde(default)]`).
pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(text) => parse(&text)
            .map(Some)
            .map_err(|e| serde::de::Error::custom(format!("`{}`: {e}", shown(&text)))),
    }
}

/// [`parse`]'s rule as a regular expression, for the OpenAPI document: RFC 3339 with the
/// days each month has (February 29 in leap years), no leap second.
pub fn pattern() -> String {
    let leap = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)";
    let month_day = "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])\
                     |(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))";
    let date = format!("(?:[0-9]{{4}}-{month_day}|{leap}-02-29)");
    let time = "(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]+)?";
    let offset = "(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])";
    format!("^{date}[Tt]{time}{offset}$")
}

/// The OpenAPI schema of a time.
pub fn schema() -> utoipa::openapi::schema::Object {
    utoipa::openapi::schema::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .format(Some(utoipa::openapi::schema::SchemaFormat::KnownFormat(
            utoipa::openapi::schema::KnownFormat::DateTime,
        )))
        .pattern(Some(pattern()))
        .description(Some("An RFC 3339 time (years 0000 to 9999)."))
        .examples(["2027-01-31T00:00:00Z"])
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

fn shown(text: &str) -> String {
    let mut out: String = text.chars().take(40).flat_map(char::escape_debug).collect();
    if text.chars().count() > 40 {
        out.push_str("...");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_rfc3339_years_0000_to_9999() {
        assert!(parse("2027-01-31T00:00:00Z").is_ok());
        assert!(parse("0000-01-01T00:00:00Z").is_ok());
        assert_eq!(parse("9999-12-31T23:59:59.999999Z"), Ok(max()));
        for bad in [
            "+262142-01-01T00:00:00Z",
            "-262143-01-01T00:00:00Z",
            "10000-01-01T00:00:00Z",
            "2027-01-31",
            "",
            "now",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        let far: serde_json::Result<DateTime<Utc>> =
            deserialize(serde_json::json!("+262142-01-01T00:00:00Z"));
        assert!(far.is_err());
        assert_eq!(clamp(DateTime::<Utc>::MAX_UTC), max());
    }

    #[test]
    fn the_pattern_accepts_exactly_what_parse_accepts() {
        let re = regex_lite::Regex::new(&pattern()).unwrap();
        let mut samples = Vec::new();
        for year in [
            "0000", "0001", "1900", "2000", "2023", "2024", "2100", "2400", "9999",
        ] {
            for month in ["00", "01", "02", "04", "06", "09", "11", "12", "13"] {
                for day in ["00", "01", "28", "29", "30", "31", "32"] {
                    samples.push(format!("{year}-{month}-{day}T12:00:00Z"));
                }
            }
        }
        for time in [
            "00:00:00",
            "23:59:59",
            "24:00:00",
            "23:60:00",
            "23:59:60",
            "00:00:60",
            "00:00:61",
            "00:00:00.5",
            "00:00:00.123456789123",
            "00:00:00.",
            "00:00",
            "0:00:00",
        ] {
            for offset in [
                "Z", "z", "+00:00", "-23:59", "+24:00", "+01:60", "+0100", "", " Z",
            ] {
                for sep in ["T", "t", " ", "_"] {
                    samples.push(format!("2024-06-15{sep}{time}{offset}"));
                }
            }
        }
        samples.extend(
            [
                "",
                " 2024-01-01T00:00:00Z",
                "2024-01-01T00:00:00Z ",
                "+262142-01-01T00:00:00Z",
                "2024-1-01T00:00:00Z",
            ]
            .map(String::from),
        );
        for s in &samples {
            assert_eq!(re.is_match(s), parse(s).is_ok(), "{s:?}");
        }
    }
}
