//! What a JavaScript host hands the core that JSON text cannot say: a value with no JSON form
//! (found where it sits, so the diagnostic names its field), or a request that could not be read
//! at all. Plain Rust: the browser binding (`src/wasm.rs`) writes the host's value as JSON text
//! with these values replaced by `null` and a [`Mark`] for each, and the core reports them here,
//! in place of whatever the `null` would have drawn on that field.

use serde_json::{Number, Value};

use crate::check::{self, check, Checked, Segment};
use crate::diagnostic::{Diagnostic, Report};
use crate::rules;
use crate::text::quote;

pub mod json;
mod session;

pub use session::Session;

/// A JavaScript value JSON cannot hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unjson {
    /// `10n`.
    BigInt,
    /// `Symbol()`.
    Symbol,
    /// A function or class.
    Function,
    /// `NaN`.
    NaN,
    /// `Infinity` or `-Infinity`.
    Infinity,
    /// An object or list that contains itself.
    Cycle,
    /// A list or object nested deeper than [`check::MAX_DEPTH`]: not read further.
    Deep,
}

impl Unjson {
    /// The kind from its name in the binding's marks (`bigint`, `symbol`, `function`, `nan`,
    /// `infinity`, `cycle`, `deep`).
    pub fn parse(name: &str) -> Option<Unjson> {
        Some(match name {
            "bigint" => Unjson::BigInt,
            "symbol" => Unjson::Symbol,
            "function" => Unjson::Function,
            "nan" => Unjson::NaN,
            "infinity" => Unjson::Infinity,
            "cycle" => Unjson::Cycle,
            "deep" => Unjson::Deep,
            _ => return None,
        })
    }
}

/// A value the binding wrote as `null`, and why, at the path of its steps.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Where it is: keys and list indexes from the document down.
    pub steps: Vec<Step>,
    /// What was there.
    pub kind: Kind,
}

/// What a [`Mark`] stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// A number other than a safe integer, passed by its exact bits; put back before checking.
    Number(f64),
    /// A value JSON cannot hold: one error on its field.
    Unjson(Unjson),
}

/// One step of a field path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// An object's key.
    Key(String),
    /// A list's index.
    Index(usize),
}

impl Mark {
    /// The field path of the mark, written as every diagnostic's field is (`ports[0].port`).
    pub fn path(&self) -> String {
        let mut out = String::new();
        for step in &self.steps {
            match step {
                Step::Key(k) => Segment::Key(k).push_to(&mut out),
                Step::Index(i) => Segment::Index(*i).push_to(&mut out),
            }
        }
        out
    }
}

/// Why a host's request could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unreadable {
    /// Reading it (a getter, a Proxy trap, a `toJSON`) threw; what it threw, as far as it can be
    /// told without running more of the host's code.
    Threw(String),
    /// Reading it called the checker again before this check was done.
    Reentrant,
    /// The text the binding wrote is not JSON (a lone UTF-16 surrogate in a string).
    NotJson(String),
}

/// The warnings a request file's text holds that its value cannot show: each key given twice in
/// one object, on the key's field, as `check_json` reports them (none for text that is not JSON:
/// reading it says so). For the page, which reads an imported file with `JSON.parse`.
pub fn text_findings(text: &str) -> Vec<Diagnostic> {
    if text.len() > 8 * check::MAX_DOCUMENT_BYTES {
        return Vec::new();
    }
    let found =
        json::repeated_keys(text.strip_prefix('\u{feff}').unwrap_or(text)).unwrap_or_default();
    check::listed(check::repeated_keys(&found))
}

/// The report of a request that could not be read.
pub fn unreadable(why: &Unreadable) -> Checked {
    let quoted;
    let d = match why {
        Unreadable::Threw(what) => {
            quoted = if what.is_empty() {
                "an exception".to_string()
            } else {
                quote(what)
            };
            Diagnostic::of(&rules::UNREADABLE, "", 0, &[("value", &quoted)], None)
        }
        Unreadable::Reentrant => Diagnostic::of(&rules::UNREADABLE, "", 1, &[], None),
        Unreadable::NotJson(why) => {
            Diagnostic::of(&rules::UNREADABLE, "", 2, &[("why", why)], None)
        }
    };
    Checked {
        report: Report::new(vec![d]),
        request: None,
    }
}

/// Checks `text`, the JSON the binding wrote for a host's value, with `marks` for the values it
/// wrote as `null`. Numbers are put back first; each value JSON cannot hold is then one error on
/// its field, listed where the first finding on that field (or inside it) would have been, in
/// place of those findings; a value nested too deeply gives the report the CLI gives for the
/// same nesting.
pub fn check_marked(text: &str, marks: &[Mark]) -> Checked {
    if marks.iter().any(|m| m.kind == Kind::Unjson(Unjson::Deep)) {
        return check::too_deep();
    }
    let Some(mut doc) = json::parse(text) else {
        return unreadable(&Unreadable::NotJson("not JSON".into()));
    };
    for m in marks {
        if let (Kind::Number(f), Some(slot)) = (m.kind, at(&mut doc, &m.steps)) {
            *slot = Number::from_f64(f).map_or(Value::Null, Value::Number);
        }
    }
    let checked = check(&doc);
    let unjson: Vec<(String, Unjson)> = marks
        .iter()
        .filter_map(|m| match m.kind {
            Kind::Unjson(u) => Some((m.path(), u)),
            Kind::Number(_) => None,
        })
        .collect();
    if unjson.is_empty() {
        return checked;
    }
    let mut diags = checked.report.diagnostics;
    // Findings on a replaced value are about the `null`, not about what the host passed. Marked
    // values hold no marks of their own, so no mark's finding is inside another's path.
    for (path, kind) in &unjson {
        let first = diags.iter().position(|d| within(&d.field, path));
        diags.retain(|d| !within(&d.field, path));
        let at = first.unwrap_or(diags.len());
        diags.insert(at, not_json(path, *kind));
    }
    Checked {
        report: Report::new(check::listed(diags)),
        request: None,
    }
}

/// The value at `steps` in `doc`.
fn at<'a>(doc: &'a mut Value, steps: &[Step]) -> Option<&'a mut Value> {
    steps.iter().try_fold(doc, |v, step| match step {
        Step::Key(k) => v.as_object_mut()?.get_mut(k),
        Step::Index(i) => v.as_array_mut()?.get_mut(*i),
    })
}

/// True when `field` is `path` or a field inside it.
fn within(field: &str, path: &str) -> bool {
    path.is_empty()
        || field
            .strip_prefix(path)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

fn not_json(path: &str, kind: Unjson) -> Diagnostic {
    let what = match kind {
        Unjson::BigInt => "a BigInt",
        Unjson::Symbol => "a Symbol",
        Unjson::Function => "a function",
        Unjson::NaN => "NaN",
        Unjson::Infinity => "an infinite number",
        Unjson::Cycle | Unjson::Deep => "a list or object that contains itself",
    };
    let variant = usize::from(!path.is_empty());
    Diagnostic::of(
        &rules::NOT_JSON_VALUE,
        path,
        variant,
        &[("what", what)],
        None,
    )
}
