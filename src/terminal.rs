//! Text for a terminal: what the CLI prints never carries a control character from the document.
//!
//! A document's keys become field paths and its values are echoed in messages; a file name comes
//! from the command line. Any of them can hold ESC sequences (clear the screen, set the window
//! title, write the clipboard with OSC 52), a line break that starts a fake diagnostic, or a
//! bidirectional override that shows text in another order than it is. Every such character is
//! written as a visible escape instead: `\n`, `\r`, `\t`, or `\u{1b}`.

use std::borrow::Cow;

use crate::text::{breaks_line_or_order, is_hidden, push_escape};

/// True for what a terminal must not receive raw: C0 and C1 control characters, DEL, and the
/// characters that reorder text or break lines ([`breaks_line_or_order`]).
fn unsafe_char(c: char) -> bool {
    c.is_control() || breaks_line_or_order(c)
}

/// `keep_newlines`: text of several lines; `show_hidden`: zero-width and other invisible
/// characters escaped too, so that a key that differs by one of them shows it.
fn escape(s: &str, keep_newlines: bool, show_hidden: bool) -> Cow<'_, str> {
    let escaped = |c: char| {
        (unsafe_char(c) || (show_hidden && is_hidden(c))) && !(keep_newlines && c == '\n')
    };
    if !s.chars().any(escaped) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            c if !escaped(c) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => push_escape(&mut out, c),
        }
    }
    Cow::Owned(out)
}

/// One line of text (a field path, a message, a file name): every control character, line
/// breaks included, and every character that reorders or hides text, escaped.
pub fn one_line(s: &str) -> Cow<'_, str> {
    escape(s, false, true)
}

/// Text of several lines (a ticket, a guide): control characters but the line break, and the
/// characters that reorder text, escaped. Checked values hold none, so a ticket is written as
/// it is, a zero-width space in a company name included.
pub fn lines(s: &str) -> Cow<'_, str> {
    escape(s, true, false)
}

/// JSON text: the characters [`lines`] escapes that JSON allows raw in strings (DEL, C1
/// controls, bidirectional overrides and separators) written as `\uXXXX` escapes, so the JSON
/// reads as the same data. serde_json already escapes the C0 controls.
pub fn json(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && unsafe_char(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut units = [0u16; 2];
    for c in s.chars() {
        if c != '\n' && unsafe_char(c) {
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(one_line("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(one_line("x\ny\r\tz"), "x\\ny\\r\\tz");
        assert_eq!(one_line("\u{1b}]52;c;aGk=\u{7}"), "\\u{1b}]52;c;aGk=\\u{7}");
        assert_eq!(one_line("\u{9b}2J\u{7f}"), "\\u{9b}2J\\u{7f}");
        assert_eq!(one_line("Acme\u{202e}exe"), "Acme\\u{202e}exe");
        assert_eq!(one_line("Zürich 東京"), "Zürich 東京");
        assert_eq!(lines("a\nb\u{1b}c\n"), "a\nb\\u{1b}c\n");
        assert_eq!(lines("Ac\u{200b}me \u{202e}x"), "Ac\u{200b}me \\u{202e}x");
        assert_eq!(one_line("Ac\u{200b}me"), "Ac\\u{200b}me");
    }

    #[test]
    fn json_stays_json() {
        let raw = "{\"a\": \"x\u{7f}\u{9b}\u{202e}\u{e0041}y\"}\n";
        let safe = json(raw);
        assert!(!safe.chars().any(|c| c != '\n' && unsafe_char(c)));
        let a: serde_json::Value = serde_json::from_str(raw).unwrap();
        let b: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(a, b);
    }
}
