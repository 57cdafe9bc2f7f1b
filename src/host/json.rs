//! Reads the JSON text the browser binding writes with `JSON.stringify`: compact, well formed,
//! numbers only as safe integers (the binding passes every other number by its bits, see
//! [`super::Mark`]). Written out rather than using serde_json's reader, which brings its float
//! parsing and error formatting into the module (about 8 KB gzip -9 of the 88,000 budget); the
//! CLI reads files with serde_json as before, and a test holds the two readers equal.

use core::ops::Range;

use serde_json::{Map, Number, Value};

/// The deepest nesting read; the binding cuts values deeper than [`crate::check::MAX_DEPTH`].
const MAX_NESTING: usize = 2 * crate::check::MAX_DEPTH;

/// Parses `text`; `None` when it is not JSON of that form (a lone UTF-16 surrogate, say).
pub fn parse(text: &str) -> Option<Value> {
    parse_spanned(text).map(|(v, _)| v)
}

/// The document's key whose list entries [`Spans`] finds.
pub(crate) const SERVICES: &str = "endpoint_services";

/// Where the list of a document's [`SERVICES`] is in its text, and each of its entries (in
/// bytes): the one the document holds, when its key is given twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Spans {
    pub list: Range<usize>,
    pub items: Vec<Range<usize>>,
}

/// Parses `text` as [`parse`] does, and finds the [`Spans`] of its services when they are a list.
pub(crate) fn parse_spanned(text: &str) -> Option<(Value, Option<Spans>)> {
    let mut r = Reader {
        s: text.as_bytes(),
        i: 0,
        spans: None,
    };
    let v = r.value(0)?;
    (r.i == r.s.len()).then_some((v, r.spans))
}

/// Parses `text`, a value that sits `depth` lists and objects deep in a document, as parsing
/// the document reads it there.
pub(crate) fn parse_at(text: &str, depth: usize) -> Option<Value> {
    let mut r = Reader {
        s: text.as_bytes(),
        i: 0,
        spans: None,
    };
    let v = r.value(depth)?;
    (r.i == r.s.len()).then_some(v)
}

/// Each key given twice in one object of the JSON `text` (any JSON text: whitespace, numbers of
/// every form), as the CLI's reader reports them: the key's path (`ports[0].port`) and the key,
/// once per object, in the order of the second mention. `None` when `text` is not JSON. Values are
/// only skimmed, not built: the page reads the values with `JSON.parse` and passes them as it
/// passes any value; this finds what `JSON.parse` drops without a word.
pub fn repeated_keys(text: &str) -> Option<Vec<(String, String)>> {
    let mut r = Reader {
        s: text.as_bytes(),
        i: 0,
        spans: None,
    };
    let mut found = Vec::new();
    let mut path = String::new();
    r.space();
    r.skim(0, &mut path, &mut found)?;
    r.space();
    (r.i == r.s.len()).then_some(found)
}

struct Reader<'a> {
    s: &'a [u8],
    i: usize,
    /// Where the document's services are, once read.
    spans: Option<Spans>,
}

impl Reader<'_> {
    fn next(&mut self) -> Option<u8> {
        let b = *self.s.get(self.i)?;
        self.i += 1;
        Some(b)
    }

    fn eat(&mut self, word: &[u8]) -> Option<()> {
        let end = self.i.checked_add(word.len())?;
        (self.s.get(self.i..end)? == word).then(|| self.i = end)
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_NESTING {
            return None;
        }
        match *self.s.get(self.i)? {
            b'{' => {
                self.i += 1;
                let mut map = Map::new();
                if self.s.get(self.i) == Some(&b'}') {
                    self.i += 1;
                    return Some(Value::Object(map));
                }
                loop {
                    if self.next()? != b'"' {
                        return None;
                    }
                    let key = self.string()?;
                    if self.next()? != b':' {
                        return None;
                    }
                    let v = if depth == 0 && key == SERVICES {
                        self.services(depth + 1)?
                    } else {
                        self.value(depth + 1)?
                    };
                    map.insert(key, v);
                    match self.next()? {
                        b',' => {}
                        b'}' => return Some(Value::Object(map)),
                        _ => return None,
                    }
                }
            }
            b'[' => self.list(depth, None),
            b'"' => {
                self.i += 1;
                self.string().map(Value::String)
            }
            b't' => self.eat(b"true").map(|_| Value::Bool(true)),
            b'f' => self.eat(b"false").map(|_| Value::Bool(false)),
            b'n' => self.eat(b"null").map(|_| Value::Null),
            _ => self.integer(),
        }
    }

    /// The value of the document's [`SERVICES`], noting its [`Spans`] when it is a list.
    fn services(&mut self, depth: usize) -> Option<Value> {
        let start = self.i;
        self.spans = None;
        if self.s.get(start) != Some(&b'[') {
            return self.value(depth);
        }
        let mut items = Vec::new();
        let list = self.list(depth, Some(&mut items))?;
        self.spans = Some(Spans {
            list: start..self.i,
            items,
        });
        Some(list)
    }

    /// A list (its `[` not yet read), noting each entry's span in `spans` when asked.
    fn list(&mut self, depth: usize, mut spans: Option<&mut Vec<Range<usize>>>) -> Option<Value> {
        self.i += 1;
        let mut items = Vec::new();
        if self.s.get(self.i) == Some(&b']') {
            self.i += 1;
            return Some(Value::Array(items));
        }
        loop {
            let from = self.i;
            items.push(self.value(depth + 1)?);
            if let Some(spans) = spans.as_deref_mut() {
                spans.push(from..self.i);
            }
            match self.next()? {
                b',' => {}
                b']' => return Some(Value::Array(items)),
                _ => return None,
            }
        }
    }

    fn space(&mut self) {
        while matches!(self.s.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    /// Reads past one value of any JSON text at `path`, noting repeated keys in `found`.
    fn skim(
        &mut self,
        depth: usize,
        path: &mut String,
        found: &mut Vec<(String, String)>,
    ) -> Option<()> {
        if depth > MAX_NESTING {
            return None;
        }
        let close = match self.next()? {
            b'{' => b'}',
            b'[' => b']',
            b'"' => return self.string().map(drop),
            b't' => return self.eat(b"rue"),
            b'f' => return self.eat(b"alse"),
            b'n' => return self.eat(b"ull"),
            b'-' | b'0'..=b'9' => {
                // The reader that counts is JSON.parse; this only has to find the number's end.
                while matches!(
                    self.s.get(self.i),
                    Some(b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-')
                ) {
                    self.i += 1;
                }
                return Some(());
            }
            _ => return None,
        };
        // The keys read so far, each `true` once reported (serde_json's map: already in the
        // module, and no slower for an object of many keys).
        let mut seen = Map::new();
        self.space();
        if self.s.get(self.i) == Some(&close) {
            self.i += 1;
            return Some(());
        }
        for n in 0.. {
            let keep = path.len();
            self.space();
            if close == b'}' {
                if self.next()? != b'"' {
                    return None;
                }
                let key = self.string()?;
                self.space();
                if self.next()? != b':' {
                    return None;
                }
                self.space();
                crate::check::Segment::Key(&key).push_to(path);
                self.skim(depth + 1, path, found)?;
                match seen.insert(key.clone(), Value::Bool(true)) {
                    Some(Value::Bool(false)) => found.push((path.clone(), key)),
                    Some(_) => {}
                    None => drop(seen.insert(key, Value::Bool(false))),
                }
            } else {
                crate::check::Segment::Index(n).push_to(path);
                self.skim(depth + 1, path, found)?;
            }
            path.truncate(keep);
            self.space();
            match self.next()? {
                b',' => {}
                b if b == close => return Some(()),
                _ => return None,
            }
        }
        None
    }

    /// A whole number of at most 16 digits (a safe integer), after an optional minus.
    fn integer(&mut self) -> Option<Value> {
        let negative = self.s.get(self.i) == Some(&b'-');
        if negative {
            self.i += 1;
        }
        let start = self.i;
        let mut n: i64 = 0;
        while let Some(d) = self.s.get(self.i).filter(|b| b.is_ascii_digit()) {
            n = n.checked_mul(10)?.checked_add(i64::from(d - b'0'))?;
            self.i += 1;
        }
        let digits = self.i - start;
        if digits == 0 || digits > 16 || n > 9_007_199_254_740_991 {
            return None;
        }
        Some(Value::Number(Number::from(if negative { -n } else { n })))
    }

    /// The rest of a string whose opening quote was read.
    fn string(&mut self) -> Option<String> {
        let mut out = String::new();
        loop {
            let start = self.i;
            while let Some(&b) = self.s.get(self.i) {
                if b == b'"' || b == b'\\' {
                    break;
                }
                self.i += 1;
            }
            // Whole UTF-8 sequences: the input is a &str and the stops are ASCII.
            out.push_str(std::str::from_utf8(&self.s[start..self.i]).ok()?);
            match self.next()? {
                b'"' => return Some(out),
                _ => {
                    let c = match self.next()? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.escaped_char()?,
                        _ => return None,
                    };
                    out.push(c);
                }
            }
        }
    }

    /// The character of a `\u` escape (the `\u` read), a surrogate pair as one.
    fn escaped_char(&mut self) -> Option<char> {
        let hi = self.hex4()?;
        if !(0xD800..0xDC00).contains(&hi) {
            return char::from_u32(hi);
        }
        self.eat(b"\\u")?;
        let lo = self.hex4()?;
        if !(0xDC00..0xE000).contains(&lo) {
            return None;
        }
        char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
    }

    fn hex4(&mut self) -> Option<u32> {
        let mut v = 0;
        for _ in 0..4 {
            v = v * 16 + char::from(self.next()?).to_digit(16)?;
        }
        Some(v)
    }
}
