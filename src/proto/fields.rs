//! The field names of a result type, in order, read from its serde definition: serde's derived
//! `Deserialize` hands them to the deserializer (`deserialize_struct(name, FIELDS, ..)`), and
//! this deserializer records them and stops. CSV headers come from here, so CSV carries exactly
//! the fields JSON does, in the same order, with nothing listed twice by hand.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use serde::de::{self, Deserialize, Visitor};

static CACHE: LazyLock<Mutex<HashMap<std::any::TypeId, &'static [&'static str]>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The serde field names of `T` (a struct deriving `Deserialize`), in definition order.
pub fn of<'de, T: Deserialize<'de> + 'static>() -> &'static [&'static str] {
    let id = std::any::TypeId::of::<T>();
    if let Some(fields) = CACHE.lock().ok().and_then(|c| c.get(&id).copied()) {
        return fields;
    }
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(Recorder {
        fields: &mut fields,
    });
    if let Ok(mut cache) = CACHE.lock() {
        cache.insert(id, fields);
    }
    fields
}

struct Recorder<'a> {
    fields: &'a mut &'static [&'static str],
}

#[derive(Debug)]
struct Stop;

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("field names recorded")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Stop
    }
}

impl<'de> de::Deserializer<'de> for Recorder<'_> {
    type Error = Stop;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Stop> {
        *self.fields = fields;
        Err(Stop)
    }

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Sample {
        id: u32,
        #[serde(rename = "full_name")]
        name: String,
        tags: Vec<String>,
    }

    #[test]
    fn fields_come_in_definition_order_with_serde_names() {
        assert_eq!(super::of::<Sample>(), &["id", "full_name", "tags"]);
    }
}
