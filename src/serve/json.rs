//! JSON bodies read as the OpenAPI document describes them. serde's derived structs also take
//! a JSON array (`{"filter": [null, null]}` would be an empty filter), which the document does
//! not allow: here an object is read only from a JSON object, at any depth, and a refusal
//! names where (`filter.since: ...`).

use serde::de::value::{MapDeserializer, SeqDeserializer};
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer,
    VariantAccess, Visitor,
};
use serde_json::Value;

/// `T` from a parsed body; the error says where and what went wrong.
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, String> {
    serde_path_to_error::deserialize(Strict(value)).map_err(|e| {
        let path = e.path().to_string();
        if path == "." {
            e.inner().to_string()
        } else {
            format!("{path}: {}", e.inner())
        }
    })
}

/// A JSON value that gives up an object only where one was written.
struct Strict(Value);

type Error = serde_json::Error;

impl<'de> IntoDeserializer<'de, Error> for Strict {
    type Deserializer = Strict;
    fn into_deserializer(self) -> Strict {
        self
    }
}

fn not_object<E: de::Error>(value: &Value) -> E {
    let found = match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    };
    E::custom(format!("expected a JSON object, found {found}"))
}

impl<'de> Deserializer<'de> for Strict {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Array(items) => {
                let mut seq = SeqDeserializer::new(items.into_iter().map(Strict));
                let out = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(out)
            }
            Value::Object(map) => {
                let mut entries =
                    MapDeserializer::new(map.into_iter().map(|(k, v)| (k, Strict(v))));
                let out = visitor.visit_map(&mut entries)?;
                entries.end()?;
                Ok(out)
            }
            other => other.deserialize_any(visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            other => visitor.visit_some(Strict(other)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::Object(_) => self.deserialize_any(visitor),
            other => Err(not_object(&other)),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(variant) => visitor.visit_enum(Variant(variant, None)),
            Value::Object(map) if map.len() == 1 => {
                let Some((variant, value)) = map.into_iter().next() else {
                    return Err(de::Error::custom("expected one variant"));
                };
                visitor.visit_enum(Variant(variant, Some(value)))
            }
            other => Err(de::Error::custom(format!(
                "expected a string or an object with one key, found {other}"
            ))),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map identifier ignored_any
    }
}

/// An enum's variant and what it carries.
struct Variant(String, Option<Value>);

impl<'de> EnumAccess<'de> for Variant {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self), Error> {
        let name = seed.deserialize(Value::String(self.0.clone()))?;
        Ok((name, self))
    }
}

impl<'de> VariantAccess<'de> for Variant {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.1 {
            None => Ok(()),
            Some(_) => Err(de::Error::custom(format!("`{}` takes no value", self.0))),
        }
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, Error> {
        match self.1 {
            Some(value) => seed.deserialize(Strict(value)),
            None => Err(de::Error::custom(format!("`{}` needs a value", self.0))),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        match self.1 {
            Some(value @ Value::Array(_)) => Strict(value).deserialize_any(visitor),
            _ => Err(de::Error::custom(format!("`{}` needs an array", self.0))),
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.1 {
            Some(value @ Value::Object(_)) => Strict(value).deserialize_any(visitor),
            Some(other) => Err(not_object(&other)),
            None => Err(de::Error::custom(format!("`{}` needs an object", self.0))),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize, Debug, PartialEq)]
    struct Filter {
        user: Option<String>,
        limit: Option<u64>,
    }

    #[derive(Deserialize, Debug, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Policy {
        Retention,
        OlderThan(String),
        Keep { daily: u64 },
    }

    #[derive(Deserialize, Debug, PartialEq)]
    struct Request {
        filter: Filter,
        policies: Vec<Policy>,
    }

    fn from_slice<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
        super::from_value(serde_json::from_slice(bytes).map_err(|e| e.to_string())?)
    }

    #[test]
    fn objects_only_from_objects() {
        let ok: Request = from_slice(
            br#"{"filter": {"user": "a", "limit": 5}, "policies": ["retention", {"older_than": "5d"}, {"keep": {"daily": 2}}]}"#,
        )
        .unwrap();
        assert_eq!(ok.filter.limit, Some(5));
        assert_eq!(ok.policies.len(), 3);
        for (bad, says) in [
            (
                r#"{"filter": [null, null], "policies": []}"#,
                "filter: expected a JSON object",
            ),
            (r#"["x", []]"#, "expected a JSON object, found an array"),
            (
                r#"{"filter": {}, "policies": [{"keep": [2]}]}"#,
                "policies[0].keep: expected a JSON object",
            ),
            (
                r#"{"filter": {}, "policies": [{"keep": {"daily": 1}, "x": 1}]}"#,
                "one key",
            ),
            (
                r#"{"filter": {"limit": "5"}, "policies": []}"#,
                "filter.limit",
            ),
            (r#"{"filter": {}"#, "EOF"),
        ] {
            let err = from_slice::<Request>(bad.as_bytes()).unwrap_err();
            assert!(err.contains(says), "{bad}: {err}");
        }
    }
}
