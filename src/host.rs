//! What a JavaScript host hands the core that JSON text cannot say: a value with no JSON form
//! (found where it sits, so the diagnostic names its field), or a request that could not be read
//! at all. Plain Rust: the browser binding (`src/wasm.rs`) writes the host's value as JSON text
//! with these values replaced by `null` and a [`Mark`] for each, and the core reports them here,
//! in place of whatever the `null` would have drawn on that field.

use crate::check::{self, check_json, Checked, Segment};
use crate::diagnostic::{Diagnostic, Report};
use crate::rules;
use crate::text::quote;

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

/// One value JSON cannot hold, at a field path (`ports[0].port`; empty for the whole document).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Where it is.
    pub path: String,
    /// What it is.
    pub kind: Unjson,
}

/// Builds a field path from its steps: keys and list indexes.
pub fn path<'a>(steps: impl IntoIterator<Item = Step<'a>>) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(k) => Segment::Key(k).push_to(&mut out),
            Step::Index(i) => Segment::Index(i).push_to(&mut out),
        }
    }
    out
}

/// One step of a field path, for [`path`].
#[derive(Clone, Copy, Debug)]
pub enum Step<'a> {
    /// An object's key.
    Key(&'a str),
    /// A list's index.
    Index(usize),
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

/// The report of a request that could not be read.
pub fn unreadable(why: &Unreadable) -> Checked {
    let message = match why {
        Unreadable::Threw(what) if what.is_empty() => {
            "The request could not be read: reading one of its values threw an exception.".into()
        }
        Unreadable::Threw(what) => format!(
            "The request could not be read: reading one of its values threw {}.",
            quote(what)
        ),
        Unreadable::Reentrant => "The request could not be read: reading one of its values called the checker again before this check was done.".into(),
        Unreadable::NotJson(why) => format!("The request could not be read: its text is {why}."),
    };
    Checked {
        report: Report::new(vec![Diagnostic::new(&rules::UNREADABLE, "", message)]),
        request: None,
    }
}

/// Checks `text`, the JSON the binding wrote for a host's value, with `marks` for the values it
/// replaced by `null`. Each mark is one error on its field, listed where the first finding on
/// that field (or inside it) would have been, in place of those findings; a value nested too
/// deeply gives the report the CLI gives for the same nesting.
pub fn check_marked(text: &str, marks: &[Mark]) -> Checked {
    if marks.iter().any(|m| m.kind == Unjson::Deep) {
        return check::too_deep();
    }
    let checked = match check_json(text) {
        Ok(checked) => checked,
        Err(e) => return unreadable(&Unreadable::NotJson(e.message)),
    };
    if marks.is_empty() {
        return checked;
    }
    let mut diags = checked.report.diagnostics;
    // Findings on a replaced value are about the `null`, not about what the host passed. Marked
    // values hold no marks of their own, so no mark's finding is inside another's path.
    for mark in marks {
        let at = diags.iter().position(|d| within(&d.field, &mark.path));
        diags.retain(|d| !within(&d.field, &mark.path));
        let at = at.unwrap_or(diags.len());
        diags.insert(at, not_json(mark));
    }
    Checked {
        report: Report::new(check::listed(diags)),
        request: None,
    }
}

/// True when `field` is `path` or a field inside it.
fn within(field: &str, path: &str) -> bool {
    path.is_empty()
        || field
            .strip_prefix(path)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

fn not_json(mark: &Mark) -> Diagnostic {
    let what = match mark.kind {
        Unjson::BigInt => "a BigInt",
        Unjson::Symbol => "a Symbol",
        Unjson::Function => "a function",
        Unjson::NaN => "NaN",
        Unjson::Infinity => "an infinite number",
        Unjson::Cycle | Unjson::Deep => "a list or object that contains itself",
    };
    let at = if mark.path.is_empty() {
        "The document".to_string()
    } else {
        format!("The value of {}", mark.path)
    };
    Diagnostic::new(
        &rules::NOT_JSON_VALUE,
        mark.path.as_str(),
        format!("{at} is {what}, which JSON cannot hold."),
    )
}
