//! One host checking its document again at each keystroke: what the last check read and found
//! is kept, so that an edit inside one endpoint service, or outside the list of them, reads and
//! checks again only what it changed. A request of 500 services of 50 ports each is a megabyte,
//! and reading and checking all of it took longer than a keystroke may.
//!
//! The outcome is always the one [`check_marked`] gives for the same text and marks (a property
//! test holds the two equal over random edits): an edit is used this way only when the text
//! around it is the last text byte for byte and the changed part reads as one JSON value where
//! the old one stood, and anything else is read and checked in full.

use serde_json::Value;

use super::json::{self, Spans, SERVICES};
use super::{check_marked, Mark};
use crate::check::{check_again, Checked, Memo};

/// The last document a host checked, for the next check (see the module's documentation).
#[derive(Default)]
pub struct Session {
    last: Option<Last>,
    read: usize,
}

/// A document as read: its value, where its services are in its text, and what was found in them.
type Read = (Value, Option<Spans>, Memo);

/// A document as it was read and checked.
struct Last {
    text: String,
    doc: Value,
    spans: Spans,
    memo: Memo,
}

impl Session {
    /// What [`check_marked`] gives for `text` and `marks`, reading again only what changed since
    /// the last call.
    pub fn check(&mut self, text: String, marks: &[Mark]) -> Checked {
        let last = self.last.take();
        self.read = text.len();
        // A host value with marks is rare (a BigInt, NaN): read in full, and not kept.
        if !marks.is_empty() {
            return check_marked(&text, marks);
        }
        let (doc, spans, memo) = match last.and_then(|last| last.edited(&text)) {
            Some((again, read)) => {
                self.read = read;
                again
            }
            None => match json::parse_spanned(&text) {
                Some((doc, spans)) => (doc, spans, Memo::default()),
                None => return check_marked(&text, marks),
            },
        };
        let (checked, memo) = check_again(&doc, memo);
        if let Some(spans) = spans {
            self.last = Some(Last {
                text,
                doc,
                spans,
                memo,
            });
        }
        checked
    }

    /// How many bytes of its text the last check read: all of them, or those of the one service
    /// edited, or all but the list of services.
    pub fn read(&self) -> usize {
        self.read
    }
}

impl Last {
    /// The document `text` is, read from this one when `text` differs from this one's text
    /// only inside one service or only outside the list of services, with how many bytes were
    /// read; `None` otherwise.
    fn edited(mut self, text: &str) -> Option<(Read, usize)> {
        let (old, new) = (self.text.as_bytes(), text.as_bytes());
        let same_start = old.iter().zip(new).take_while(|(a, b)| a == b).count();
        let room = old.len().min(new.len()) - same_start;
        let same_end = old
            .iter()
            .rev()
            .zip(new.iter().rev())
            .take(room)
            .take_while(|(a, b)| a == b)
            .count();
        // The old text's bytes from `from` to `to` are what changed; a position after them
        // moves by the difference in length (never below zero: see `moved`).
        let (from, to) = (same_start, old.len() - same_end);
        let moved = |at: usize| at + new.len() - old.len();
        let list = self.spans.list.clone();
        if to <= list.start || from >= list.end {
            // The list is as it was: read the rest with an empty list in its place.
            let place = if to <= list.start {
                moved(list.start)..moved(list.end)
            } else {
                list.clone()
            };
            let mut rest = String::with_capacity(new.len() - place.len() + 2);
            rest.push_str(text.get(..place.start)?);
            rest.push_str("[]");
            rest.push_str(text.get(place.end..)?);
            let (mut doc, spans) = json::parse_spanned(&rest)?;
            if spans?.list != (place.start..place.start + 2) {
                return None;
            }
            *doc.get_mut(SERVICES)? = self.doc.get_mut(SERVICES)?.take();
            if place.start != list.start {
                self.spans.list = place;
                for item in &mut self.spans.items {
                    *item = moved(item.start)..moved(item.end);
                }
            }
            return Some(((doc, Some(self.spans), self.memo), rest.len()));
        }
        let i = self
            .spans
            .items
            .partition_point(|item| item.start <= from)
            .checked_sub(1)?;
        let item = self.spans.items.get(i)?.clone();
        if to > item.end {
            return None;
        }
        // Two lists and objects deep: the document, then its list of services.
        let changed = text.get(item.start..moved(item.end))?;
        let read = changed.len();
        let value = json::parse_at(changed, 2)?;
        *self.doc.get_mut(SERVICES)?.get_mut(i)? = value;
        self.memo.forget(i);
        for (j, span) in self.spans.items.iter_mut().enumerate().skip(i) {
            let start = if j == i {
                span.start
            } else {
                moved(span.start)
            };
            *span = start..moved(span.end);
        }
        self.spans.list.end = moved(list.end);
        Some(((self.doc, Some(self.spans), self.memo), read))
    }
}
