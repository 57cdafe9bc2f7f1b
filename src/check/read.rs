//! JSON text to a [`Value`], noting every key given twice in one object.
//!
//! serde_json's own `Value` keeps the last of two equal keys without a word, and so does
//! `JSON.parse`; other readers keep the first. The document must mean one thing to all of them,
//! so the reader here builds the same `Value` (the last one wins) and records the path of each
//! repeated key for a warning.

use core::fmt;
use std::collections::BTreeSet;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// A parsed document, and each key given more than once in its object: its path
/// (`ports[0].port`) and the key itself, once per object, in the order of the second mention.
pub(super) struct Parsed {
    pub value: Value,
    pub repeated: Vec<(String, String)>,
}

/// Parses JSON text: one value, then only whitespace.
pub(super) fn parse(text: &str) -> Result<Parsed, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let mut path = String::new();
    let mut repeated = Vec::new();
    let value = Node {
        path: &mut path,
        repeated: &mut repeated,
    }
    .deserialize(&mut de)?;
    de.end()?;
    Ok(Parsed { value, repeated })
}

/// One value being read at `path`; one path buffer serves the whole document.
struct Node<'a> {
    path: &'a mut String,
    repeated: &'a mut Vec<(String, String)>,
}

impl Node<'_> {
    fn child(&mut self) -> Node<'_> {
        Node {
            path: self.path,
            repeated: self.repeated,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            let keep = self.path.len();
            self.path.push('[');
            self.path.push_str(&items.len().to_string());
            self.path.push(']');
            let item = seq.next_element_seed(self.child());
            self.path.truncate(keep);
            match item? {
                Some(v) => items.push(v),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        // The keys of this object already reported, so that a third mention adds nothing.
        let mut reported = BTreeSet::new();
        while let Some(key) = map.next_key::<String>()? {
            let keep = self.path.len();
            if keep > 0 {
                self.path.push('.');
            }
            self.path.push_str(&key);
            let value = map.next_value_seed(self.child())?;
            if out.contains_key(&key) && reported.insert(key.clone()) {
                self.repeated.push((self.path.clone(), key.clone()));
            }
            self.path.truncate(keep);
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_serde_json_reads() {
        for text in [
            r#"{"a": [1, -2, 3.5, "x", null, true, {"b": {}}], "c": 1e400}"#,
            "[]",
            " 7 ",
            r#""\u00e9""#,
        ] {
            let ours = parse(text).map(|p| p.value).ok();
            let theirs: Option<Value> = serde_json::from_str(text).ok();
            assert_eq!(ours, theirs, "{text}");
        }
        assert!(parse("{} x").is_err());
        assert!(parse(&"[".repeat(200)).is_err());
    }

    #[test]
    fn repeated_keys_are_recorded_and_the_last_wins() {
        let p = parse(r#"{"a": 1, "b": [{"c": 1, "c": 2, "c": 4}], "a": 3}"#).unwrap();
        assert_eq!(p.value, serde_json::json!({"a": 3, "b": [{"c": 4}]}));
        let paths: Vec<&str> = p.repeated.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, ["b[0].c", "a"]);
        assert_eq!(p.repeated[0].1, "c");
    }
}
