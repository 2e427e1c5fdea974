//! Whole numbers as JSON has them: `526` and `526.0` are the same integer (JSON Schema says
//! so), which serde's own integers refuse. For the integer fields of requests:
//! `#[serde(deserialize_with = "crate::proto::whole::i64")]` (`u64`, `usize`, and the
//! `option_` and `vec_` forms). A fraction, or a number out of the type's range or beyond
//! `int64` (the format the OpenAPI document gives every integer), is refused.

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

/// A JSON number that is a whole number, as an `i128` (wide enough for both `i64` and `u64`).
struct Whole(i128);

impl<'de> Deserialize<'de> for Whole {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Whole;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a whole number")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Whole, E> {
                Ok(Whole(v.into()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Whole, E> {
                Ok(Whole(v.into()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Whole, E> {
                // Beyond 2^64 no type here holds it; a fraction is not a whole number.
                if v.fract() == 0.0 && v.abs() < 18_446_744_073_709_551_616.0 {
                    Ok(Whole(v as i128))
                } else {
                    Err(E::custom(format!("{v} is not a whole number in range")))
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// `n` as a `T`, and within OpenAPI's `int64` (which the document says every integer is).
fn fit<T: TryFrom<i128>, E: de::Error>(n: Whole) -> Result<T, E> {
    if n.0 > i128::from(i64::MAX) {
        return Err(E::custom(format!("{} is out of range for int64", n.0)));
    }
    T::try_from(n.0).map_err(|_| {
        E::custom(format!(
            "{} is out of range for {}",
            n.0,
            std::any::type_name::<T>()
        ))
    })
}

macro_rules! whole {
    ($t:ident, $option:ident, $vec:ident) => {
        pub fn $t<'de, D: Deserializer<'de>>(d: D) -> Result<$t, D::Error> {
            fit(Whole::deserialize(d)?)
        }

        /// For `Option<_>` fields (with `#[serde(default)]`).
        pub fn $option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<$t>, D::Error> {
            Option::<Whole>::deserialize(d)?.map(fit).transpose()
        }

        pub fn $vec<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<$t>, D::Error> {
            Vec::<Whole>::deserialize(d)?.into_iter().map(fit).collect()
        }
    };
}

whole!(i64, option_i64, vec_i64);

/// A whole number a path carries: its text (`/migrations/7/accept`), or a number.
pub fn i64_or_text<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Given {
        Number(Whole),
        Text(String),
    }
    match Given::deserialize(d)? {
        Given::Number(n) => fit(n),
        Given::Text(t) => t
            .parse::<i64>()
            .map_err(|_| de::Error::custom(format!("`{t}` is not a whole number"))),
    }
}
whole!(u64, option_u64, vec_u64);
whole!(usize, option_usize, vec_usize);

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize, Debug)]
    struct Sample {
        #[serde(deserialize_with = "super::i64")]
        level: i64,
        #[serde(default, deserialize_with = "super::option_u64")]
        limit: Option<u64>,
        #[serde(deserialize_with = "super::vec_i64")]
        seen: Vec<i64>,
    }

    #[test]
    fn whole_numbers_are_read_however_written() {
        let s: Sample =
            serde_json::from_str(r#"{"level": 526.0, "limit": 5, "seen": [-3, 4.0]}"#).unwrap();
        assert_eq!((s.level, s.limit, s.seen), (526, Some(5), vec![-3, 4]));
        let s: Sample = serde_json::from_str(r#"{"level": 1, "seen": []}"#).unwrap();
        assert_eq!(s.limit, None);
        for bad in [
            r#"{"level": 1.5, "seen": []}"#,
            r#"{"level": 1, "limit": -1, "seen": []}"#,
            r#"{"level": 1e300, "seen": []}"#,
            r#"{"level": 9223372036854775808, "seen": []}"#,
            r#"{"level": 1, "limit": 9223372036854775808, "seen": []}"#,
            r#"{"level": "1", "seen": []}"#,
        ] {
            assert!(serde_json::from_str::<Sample>(bad).is_err(), "{bad}");
        }
    }
}
