//! The JSON text of the core's outputs (reports, the rule catalogue, tickets, guides), written as
//! `serde_json::to_string_pretty` writes it: two-space indent, `"key": value`, `[]` and `{}` for
//! empty lists and objects, the same string escapes. Written out rather than through serde's
//! derived serializers, which the page's module paid about 7 KB gzip -9 for (of its 88,000
//! budget). The public types keep `serde::Serialize` for library users; tests hold the two
//! equal (the guide, the report).

/// A value that can be written as JSON text.
pub trait ToJson {
    /// Writes the value at the writer's position.
    fn to_json(&self, w: &mut Pretty);
}

/// `value` as pretty JSON text, without a final newline.
pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut w = Pretty {
        out: String::new(),
        depth: 0,
        first: true,
    };
    value.to_json(&mut w);
    w.out
}

/// Pretty JSON text being written.
pub struct Pretty {
    out: String,
    /// Lists and objects open.
    depth: usize,
    /// Nothing written yet in the innermost open list or object.
    first: bool,
}

impl Pretty {
    /// Writes an object whose entries `entries` writes with [`Pretty::field`].
    pub fn object(&mut self, entries: impl FnOnce(&mut Pretty)) {
        self.open('{');
        entries(self);
        self.close('}');
    }

    /// Writes one entry of the object being written.
    pub fn field<T: ToJson + ?Sized>(&mut self, key: &str, value: &T) {
        self.key(key);
        value.to_json(self);
    }

    /// Writes an entry unless `value` is `None` (`skip_serializing_if = "Option::is_none"`).
    pub fn field_opt<T: ToJson>(&mut self, key: &str, value: &Option<T>) {
        if let Some(v) = value {
            self.field(key, v);
        }
    }

    /// Writes an entry unless `list` is empty (`skip_serializing_if = "Vec::is_empty"`).
    pub fn field_list<T: ToJson>(&mut self, key: &str, list: &[T]) {
        if !list.is_empty() {
            self.field(key, list);
        }
    }

    #[inline(never)]
    fn key(&mut self, key: &str) {
        self.next();
        self.string(key);
        self.out.push_str(": ");
    }

    #[inline(never)]
    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth += 1;
        self.first = true;
    }

    #[inline(never)]
    fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if !self.first {
            self.newline();
        }
        self.out.push(bracket);
        self.first = false;
    }

    /// Before an entry or item: the comma after the one before, a new line and the indent.
    #[inline(never)]
    fn next(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.newline();
        self.first = false;
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    /// A JSON string, escaped as serde_json escapes it.
    #[inline(never)]
    fn string(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.out.push('"');
        // Runs that need no escape are copied whole (a ticket is mostly such a run); every
        // character escaped is ASCII, so a run ends on a character boundary.
        let mut run = 0;
        for (i, b) in s.bytes().enumerate() {
            let escape = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..=0x1f => "",
                _ => continue,
            };
            // `get`, not an index: the same slice, without a panic's formatting in the module.
            self.out.push_str(s.get(run..i).unwrap_or_default());
            run = i + 1;
            if escape.is_empty() {
                self.out.push_str("\\u00");
                self.out.push(char::from(HEX[usize::from(b >> 4)]));
                self.out.push(char::from(HEX[usize::from(b & 15)]));
            } else {
                self.out.push_str(escape);
            }
        }
        self.out.push_str(s.get(run..).unwrap_or_default());
        self.out.push('"');
    }

    #[inline(never)]
    fn number(&mut self, n: u64) {
        self.out.push_str(&n.to_string());
    }
}

impl ToJson for str {
    fn to_json(&self, w: &mut Pretty) {
        w.string(self);
    }
}

impl ToJson for String {
    fn to_json(&self, w: &mut Pretty) {
        w.string(self);
    }
}

impl ToJson for std::borrow::Cow<'_, str> {
    fn to_json(&self, w: &mut Pretty) {
        w.string(self);
    }
}

impl ToJson for bool {
    fn to_json(&self, w: &mut Pretty) {
        w.out.push_str(if *self { "true" } else { "false" });
    }
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn to_json(&self, w: &mut Pretty) {
                w.number(*self as u64);
            }
        }
    )*};
}
unsigned!(u8, u16, u32, usize);

impl<T: ToJson + ?Sized> ToJson for &T {
    fn to_json(&self, w: &mut Pretty) {
        (**self).to_json(w);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self, w: &mut Pretty) {
        match self {
            Some(v) => v.to_json(w),
            None => w.out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn to_json(&self, w: &mut Pretty) {
        w.open('[');
        for item in self {
            w.next();
            item.to_json(w);
        }
        w.close(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self, w: &mut Pretty) {
        self.as_slice().to_json(w);
    }
}
