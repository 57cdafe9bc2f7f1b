//! Text for a terminal: what the CLI prints never carries a control character from the document.
//!
//! A document's keys become field paths and its values are echoed in messages; a file name comes
//! from the command line. Any of them can hold ESC sequences (clear the screen, set the window
//! title, write the clipboard with OSC 52), a line break that starts a fake diagnostic, or a
//! bidirectional override that shows text in another order than it is. Every such character is
//! written as a visible escape instead: `\n`, `\r`, `\t`, or `\u{1b}`.

use std::borrow::Cow;

use crate::text::is_hidden;

/// True for what a terminal must not receive raw: C0 and C1 control characters, DEL, and the
/// characters that reorder or hide text ([`is_hidden`]).
fn unsafe_char(c: char) -> bool {
    c.is_control() || is_hidden(c)
}

fn escape(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    if !s
        .chars()
        .any(|c| unsafe_char(c) && !(keep_newlines && c == '\n'))
    {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '\n' if keep_newlines => out.push('\n'),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if unsafe_char(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// One line of text (a field path, a message, a file name): every control character, line
/// breaks included, and every character that reorders or hides text, escaped.
pub fn one_line(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// Text of several lines (a ticket, a guide): as [`one_line`], but line breaks stay.
pub fn lines(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

/// JSON text: the characters [`one_line`] escapes and JSON allows raw in strings (DEL, C1
/// controls, bidirectional and invisible characters) written as `\uXXXX` escapes, so the JSON
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
