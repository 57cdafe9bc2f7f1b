//! Small text helpers shared by the checks and the renderers.

/// Lowercase ASCII letters and digits only: `EU West 1` and `eu-west-1` share the key `euwest1`.
pub fn key(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// True when `needle` occurs in `hay`. A plain byte search instead of `str::contains` with a
/// text pattern, whose two-way searcher (and the panic message of its slicing, with its Unicode
/// tables) costs the page's module about 3 KB gzip; the needles here are a few letters long.
pub(crate) fn contains(hay: &str, needle: &str) -> bool {
    needle.is_empty()
        || hay
            .as_bytes()
            .windows(needle.len())
            .any(|w| w == needle.as_bytes())
}

/// [`contains`], with ASCII letters compared in either case: no lower-cased copy of `hay` (it
/// runs on every port's service name).
pub(crate) fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    needle.is_empty()
        || hay
            .as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The number of characters of `s`, like `s.chars().count()`: the bytes that do not continue a
/// character. A plain loop instead of the standard library's word-at-a-time count, which costs
/// the page's module about 800 bytes; the texts here are bounded and short.
pub(crate) fn char_count(s: &str) -> usize {
    s.bytes().filter(|b| b & 0xC0 != 0x80).count()
}

/// The items with `sep` between them, like `[..].join(sep)`: a plain loop instead of the
/// standard library's join, which costs the page's module about 1 KB.
pub(crate) fn join<S: AsRef<str>>(items: &[S], sep: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(item.as_ref());
    }
    out
}

/// `a`, `a and b`, `a, b and c`: the one way a list is written in a sentence.
pub(crate) fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => format!("{} and {}", join(rest, ", "), last.as_ref()),
    }
}

/// Beyond this many edits, [`edit_distance`] stops counting exactly.
const EXACT_EDITS: usize = 8;

/// Edit distance counting an adjacent swap as one edit (optimal string alignment), exact up to
/// [`EXACT_EDITS`]. Texts whose lengths differ by more than that are at least that far apart,
/// and the difference is returned without comparing them: every caller asks whether a value is
/// a typo (two or three edits) of a short name, and a 1,000,000-character key must not cost a
/// table of 1,000,000 x 20 cells per name.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let apart = char_count(a).abs_diff(char_count(b));
    if apart > EXACT_EDITS {
        return apart;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d: Vec<usize> = vec![0; (a.len() + 1) * width];
    for i in 0..=a.len() {
        d[i * width] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = v;
        }
    }
    d[a.len() * width + b.len()]
}

/// Quotes a user's value for a message, shortened so a huge value cannot flood the report.
/// Line breaks and tabs read `\n`, `\r`, `\t`, other control characters U+FFFD, and characters that
/// reorder or hide text ([`is_hidden`]) `\u{202e}`: the message shows what is really there.
pub fn quote(s: &str) -> String {
    const MAX: usize = 60;
    let mut out = String::with_capacity(s.len().min(MAX * 4) + 2);
    out.push('"');
    let mut chars = s.chars();
    for c in chars.by_ref().take(MAX) {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push('\u{fffd}'),
            c if is_hidden(c) => push_escape(&mut out, c),
            c => out.push(c),
        }
    }
    if chars.next().is_some() {
        out.push('…');
    }
    out.push('"');
    out
}

/// Writes `c` as `\u{202e}`: lowercase hexadecimal digits, by hand (the formatter's hex code
/// costs the module more).
pub fn push_escape(out: &mut String, c: char) {
    out.push_str("\\u{");
    let n = c as u32;
    let mut started = false;
    for shift in (0..6).rev() {
        let digit = (n >> (shift * 4)) & 0xf;
        if digit != 0 || started || shift == 0 {
            started = true;
            out.push(char::from_digit(digit, 16).unwrap_or('0'));
        }
    }
    out.push('}');
}

/// True for characters that change how the text around them is laid out without being seen:
/// bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), the line
/// and paragraph separators (U+2028, U+2029) and tag characters (U+E0000-U+E007F).
pub fn breaks_line_or_order(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}' | '\u{e0000}'..='\u{e007f}')
}

/// True for characters that show nothing yet are not spaces: zero-width characters and joiners,
/// direction marks, word joiner and invisible operators, the byte order mark, Hangul fillers,
/// the soft hyphen, variation selectors, and the characters of [`breaks_line_or_order`].
pub fn is_hidden(c: char) -> bool {
    breaks_line_or_order(c)
        || matches!(
            c,
            '\u{ad}'
                | '\u{34f}'
                | '\u{61c}'
                | '\u{115f}'
                | '\u{1160}'
                | '\u{17b4}'
                | '\u{17b5}'
                | '\u{180b}'..='\u{180f}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2060}'..='\u{206f}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{fe00}'..='\u{fe0f}'
                | '\u{feff}'
                | '\u{ffa0}'
                | '\u{1d173}'..='\u{1d17a}'
                | '\u{e0080}'..='\u{e01ef}'
        )
}

/// True when the text shows nothing: only spaces and [`is_hidden`] characters (or nothing).
pub fn is_blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || is_hidden(c))
}

/// True when the text reads as one line, in order: no line break, tab or other control
/// character, and nothing of [`breaks_line_or_order`].
pub fn is_one_line(s: &str) -> bool {
    !s.chars().any(|c| c.is_control() || breaks_line_or_order(c))
}

/// Escapes text for Markdown so it reads as the same text and never as markup, links or HTML.
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '{'
                | '}'
                | '['
                | ']'
                | '<'
                | '>'
                | '('
                | ')'
                | '#'
                | '+'
                | '-'
                | '.'
                | '!'
                | '|'
                | '~'
                | '&'
                | ':'
                | '='
                | '"'
                | '\''
                | '$'
                | '@'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// True for `8-4-4-4-12` hexadecimal digits, any case.
pub fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// Pads `s` with spaces to `width` characters.
pub fn pad(out: &mut String, s: &str, width: usize) {
    out.push_str(s);
    for _ in char_count(s)..width {
        out.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn and_list_reads_naturally() {
        assert_eq!(and_list::<&str>(&[]), "");
        assert_eq!(and_list(&["a"]), "a");
        assert_eq!(and_list(&["a", "b"]), "a and b");
        assert_eq!(and_list(&["a", "b", "c"]), "a, b and c");
    }

    #[test]
    fn edit_distance_counts_swaps_once() {
        assert_eq!(edit_distance("eu-west1", "eu-west-1"), 1);
        assert_eq!(edit_distance("westeruope", "westeurope"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("abc", "abc"), 0);
    }

    #[test]
    fn edit_distance_of_very_different_lengths_is_their_difference() {
        let long = "x".repeat(1_000_000);
        assert_eq!(edit_distance(&long, "ports"), 999_995);
        assert_eq!(edit_distance("ports", &long), 999_995);
        assert_eq!(edit_distance("abcdefghijk", "ab"), 9);
        // Up to the bound, exact.
        assert_eq!(edit_distance("abcdefghij", "ab"), 8);
    }

    #[test]
    fn quote_shortens_and_shows_control_characters() {
        assert_eq!(quote("a\nb"), "\"a\\nb\"");
        let long = "x".repeat(100);
        assert_eq!(quote(&long), format!("\"{}…\"", "x".repeat(60)));
    }

    #[test]
    fn quote_shows_hidden_characters() {
        assert_eq!(quote("Acme\u{202e}gnp.exe"), "\"Acme\\u{202e}gnp.exe\"");
        assert_eq!(quote("a\u{1b}b"), "\"a\u{fffd}b\"");
    }

    #[test]
    fn blank_and_one_line() {
        for s in [
            "",
            " ",
            "\u{200b}",
            "\u{3164}\u{2060}\u{feff}",
            "\u{200b} \u{ad}",
        ] {
            assert!(is_blank(s), "{s:?}");
        }
        assert!(!is_blank("\u{200b}a"));
        for s in [
            "a\u{202e}b",
            "a\u{2066}b",
            "a\u{2028}b",
            "a\u{2029}b",
            "a\u{e0041}b",
            "a\tb",
        ] {
            assert!(!is_one_line(s), "{s:?}");
        }
        assert!(is_one_line("Zürich & Søn, 東京"));
    }

    #[test]
    fn markdown_escape_neutralises_markup() {
        assert_eq!(
            escape_markdown("<b>[x](javascript:alert(1))</b>"),
            "\\<b\\>\\[x\\]\\(javascript\\:alert\\(1\\)\\)\\</b\\>"
        );
    }

    #[test]
    fn uuid_shape() {
        assert!(is_uuid("0f8fad5b-d9cb-469f-a165-70867728950e"));
        assert!(is_uuid("0F8FAD5B-D9CB-469F-A165-70867728950E"));
        assert!(!is_uuid("0f8fad5bd9cb469fa16570867728950e"));
        assert!(!is_uuid("0f8fad5b-d9cb-469f-a165-70867728950g"));
    }
}
