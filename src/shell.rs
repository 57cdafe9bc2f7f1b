//! Shell-safe command lines for the guide.
//!
//! A guide command is built from three kinds of words: the tool's own fixed text (command names,
//! flags, operators such as `|`), values from the request (IDs, regions, names), and placeholders
//! the reader replaces (`<your-vpc-id>`). Values are written as they are when every character is
//! harmless to a POSIX shell, and single-quoted otherwise, so a value can never run as code or
//! split into two words; a value that starts with `-` is joined to its flag (`--name=-x`), so the
//! tool never reads it as an option. Placeholders are written as they are, angle brackets
//! included, so that a command still holding one fails at once instead of running with a
//! made-up value; one inside a command substitution stops the whole command
//! ([`CommandLine::captured`]).

use std::borrow::Cow;

/// True for characters that mean nothing to a POSIX shell anywhere in a word.
fn is_plain(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '_' | '-' | '.' | '/' | ':' | '@' | '%' | '+' | ',' | '=')
}

/// Quotes `s` as one shell word: unchanged when every character is plain (letters, digits and
/// `_-./:@%+,=`), otherwise wrapped in single quotes with each `'` written as `'\''`. The empty
/// string becomes `''`.
pub fn shell_quote(s: &str) -> Cow<'_, str> {
    // `=` and `@` are plain inside a word but not at its start in every shell (`=cmd` in zsh).
    let risky_start = s.starts_with(['=', '~', '-']);
    if !s.is_empty() && !risky_start && s.chars().all(is_plain) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        if c == '\'' {
            out.push_str("'\\''");
        } else {
            out.push(c);
        }
    }
    out.push('\'');
    Cow::Owned(out)
}

/// One word of a command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Word {
    /// The guide's own fixed text, written as it is (may hold `|` or other operators).
    Fixed(&'static str),
    /// A value from the request, quoted when it needs to be.
    Value(String),
    /// A placeholder for the reader to replace, e.g. `<your-vpc-id>`.
    Placeholder(&'static str),
    /// Words written together as one, e.g. `Name=service-id,Values=` and a value.
    Joined(Vec<Word>),
    /// `name="$(command)" &&`: the output of a command into a shell variable.
    Captured(&'static str, Vec<Word>),
}

impl Word {
    fn render(&self, out: &mut String) {
        match self {
            Word::Fixed(s) | Word::Placeholder(s) => out.push_str(s),
            Word::Value(v) => out.push_str(&shell_quote(v)),
            Word::Joined(parts) => parts.iter().for_each(|p| p.render(out)),
            Word::Captured(name, words) => {
                out.push_str(name);
                out.push_str("=\"$(");
                render_words(words, out);
                out.push_str(")\" &&");
            }
        }
    }

    fn placeholders(&self, out: &mut Vec<&'static str>) {
        match self {
            Word::Placeholder(p) if !out.contains(p) => out.push(p),
            Word::Joined(parts) | Word::Captured(_, parts) => {
                parts.iter().for_each(|p| p.placeholders(out))
            }
            _ => {}
        }
    }
}

fn render_words(words: &[Word], out: &mut String) {
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        w.render(out);
    }
}

/// A command line being built, word by word.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommandLine {
    words: Vec<Word>,
}

impl CommandLine {
    /// Starts a command with the guide's own words, split on spaces (`"aws ec2 describe-vpc-endpoints"`).
    pub fn new(fixed: &'static str) -> Self {
        CommandLine::default().fixed(fixed)
    }

    /// Appends fixed text, split on spaces.
    pub fn fixed(mut self, fixed: &'static str) -> Self {
        self.words
            .extend(fixed.split(' ').filter(|w| !w.is_empty()).map(Word::Fixed));
        self
    }

    /// Appends a value as a word of its own. For a value of a flag, use [`CommandLine::arg`]:
    /// only it keeps a value that starts with `-` from being read as an option.
    pub fn value(mut self, v: impl Into<String>) -> Self {
        self.words.push(Word::Value(v.into()));
        self
    }

    /// Appends a known value, or the placeholder when the value is unknown.
    pub fn value_or(self, v: Option<impl Into<String>>, placeholder: &'static str) -> Self {
        match v {
            Some(v) => self.value(v),
            None => self.placeholder(placeholder),
        }
    }

    /// Appends a placeholder.
    pub fn placeholder(mut self, p: &'static str) -> Self {
        self.words.push(Word::Placeholder(p));
        self
    }

    /// `flag` followed by a value; `flag=value` as one word when the value starts with `-`,
    /// which the tool would otherwise read as an option of its own.
    pub fn arg(self, flag: &'static str, v: impl Into<String>) -> Self {
        self.flag_value(flag, v.into())
    }

    // One copy for every type `arg` is called with.
    #[inline(never)]
    fn flag_value(mut self, flag: &'static str, v: String) -> Self {
        if v.starts_with('-') {
            self.words.push(Word::Joined(vec![
                Word::Fixed(flag),
                Word::Fixed("="),
                Word::Value(v),
            ]));
            self
        } else {
            self.fixed(flag).value(v)
        }
    }

    /// `flag=value` as one word, the value quoted when it needs to be; the placeholder in its
    /// place when the value is unknown.
    pub fn opt(
        mut self,
        flag: &'static str,
        v: Option<impl Into<String>>,
        p: &'static str,
    ) -> Self {
        let value = match v {
            Some(v) => Word::Value(v.into()),
            None => Word::Placeholder(p),
        };
        self.words.push(Word::Joined(vec![
            Word::Fixed(flag),
            Word::Fixed("="),
            value,
        ]));
        self
    }

    /// `flag` followed by a known value (as [`CommandLine::arg`]) or the placeholder.
    pub fn arg_or(
        self,
        flag: &'static str,
        v: Option<impl Into<String>>,
        placeholder: &'static str,
    ) -> Self {
        match v {
            Some(v) => self.flag_value(flag, v.into()),
            None => self.fixed(flag).placeholder(placeholder),
        }
    }

    /// Starts a command with `name="$(inner)" &&`: the rest reads the output of `inner` as
    /// `"$name"`. Unlike `rest "$(inner)"`, where the shell runs `rest` whatever becomes of
    /// `inner`, a failing `inner` (one still holding a placeholder, which the shell reads as a
    /// missing file) stops the whole command.
    pub fn captured(name: &'static str, inner: CommandLine) -> Self {
        CommandLine {
            words: vec![Word::Captured(name, inner.words)],
        }
    }

    /// Appends one word made of several (fixed text, values, placeholders) written together.
    pub fn joined(mut self, parts: Vec<Word>) -> Self {
        self.words.push(Word::Joined(parts));
        self
    }

    /// The placeholders still in the command, in order, each once.
    pub fn placeholders(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for w in &self.words {
            w.placeholders(&mut out);
        }
        out
    }

    /// The command as one line of shell.
    pub fn render(&self) -> String {
        let mut out = String::new();
        render_words(&self.words, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words_stay_as_they_are() {
        for s in [
            "vpc-0123456789abcdef0",
            "com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0",
            "arn:aws:iam::402592597372:root",
            "/subscriptions/0f8fad5b-d9cb-469f-a165-70867728950e/resourceGroups/rg_1/providers/Microsoft.Network/privateLinkServices/pls",
            "Name=service-id,Values=vpce-svc-0123456789abcdef0",
            "3306",
        ] {
            assert_eq!(shell_quote(s), s);
        }
    }

    #[test]
    fn everything_else_is_single_quoted() {
        assert_eq!(shell_quote(""), "''");
        assert_eq!(shell_quote("a b"), "'a b'");
        assert_eq!(shell_quote("rg(prod)"), "'rg(prod)'");
        assert_eq!(shell_quote("$(rm -rf ~)"), "'$(rm -rf ~)'");
        assert_eq!(shell_quote("`id`"), "'`id`'");
        assert_eq!(shell_quote("a;b|c&d>e<f"), "'a;b|c&d>e<f'");
        assert_eq!(shell_quote("*?[]{}!#"), "'*?[]{}!#'");
        assert_eq!(shell_quote("line\nbreak"), "'line\nbreak'");
        assert_eq!(
            shell_quote("VpcEndpoints[].DnsEntries[0].DnsName"),
            "'VpcEndpoints[].DnsEntries[0].DnsName'"
        );
    }

    #[test]
    fn a_single_quote_is_closed_escaped_and_reopened() {
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
        assert_eq!(shell_quote("'"), "''\\'''");
    }

    #[test]
    fn risky_first_characters_are_quoted() {
        assert_eq!(shell_quote("-rf"), "'-rf'");
        assert_eq!(shell_quote("~root"), "'~root'");
        assert_eq!(shell_quote("=ls"), "'=ls'");
    }

    #[test]
    fn quoted_words_read_back_as_the_value() {
        // A small POSIX reader: enough to show that quoting round-trips.
        fn read_word(s: &str) -> String {
            let mut out = String::new();
            let mut quoted = false;
            let mut chars = s.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\'' => quoted = !quoted,
                    '\\' if !quoted => out.push(chars.next().unwrap()),
                    c => out.push(c),
                }
            }
            assert!(!quoted, "unbalanced quotes in {s}");
            out
        }
        for s in ["", "a b", "it's", "''", "$(x)", "a'b'c", "\\'", "x\ny"] {
            assert_eq!(read_word(&shell_quote(s)), s);
        }
    }

    #[test]
    fn command_lines_quote_values_and_keep_placeholders() {
        let c = CommandLine::new("az network private-endpoint create")
            .arg("--resource-group", "rg (prod)")
            .arg_or("--vnet-name", None::<String>, "<your-vnet-name>")
            .fixed("--manual-request true");
        assert_eq!(
            c.render(),
            "az network private-endpoint create --resource-group 'rg (prod)' --vnet-name <your-vnet-name> --manual-request true"
        );
        assert_eq!(c.placeholders(), vec!["<your-vnet-name>"]);
    }

    #[test]
    fn a_value_that_starts_with_a_dash_is_joined_to_its_flag() {
        let c = CommandLine::new("az network private-endpoint show")
            .arg("--resource-group", "-rf")
            .arg_or("--name", Some("--help"), "<name>")
            .arg("--query", "x");
        assert_eq!(
            c.render(),
            "az network private-endpoint show --resource-group='-rf' --name='--help' --query x"
        );
    }

    #[test]
    fn a_captured_command_comes_first_and_keeps_its_placeholders() {
        let c = CommandLine::captured(
            "nic",
            CommandLine::new("az network private-endpoint show")
                .arg_or("--resource-group", None::<String>, "<your-resource-group>")
                .fixed("--query id"),
        )
        .fixed("az network nic show --ids \"$nic\"");
        assert_eq!(
            c.render(),
            "nic=\"$(az network private-endpoint show --resource-group <your-resource-group> --query id)\" && az network nic show --ids \"$nic\""
        );
        assert_eq!(c.placeholders(), vec!["<your-resource-group>"]);
    }

    /// Runs `line` in `sh` in an empty folder (a placeholder's `<` reads from a missing file);
    /// `echo` stands for the tools.
    #[cfg(unix)]
    fn sh(line: &str) -> (bool, String) {
        let dir =
            std::env::temp_dir().join(format!("plp-sh-{}-{}", std::process::id(), line.len()));
        std::fs::create_dir_all(&dir).unwrap();
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(line)
            .current_dir(&dir)
            .output()
            .unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    }

    #[cfg(unix)]
    #[test]
    fn a_placeholder_inside_the_capture_stops_the_whole_command() {
        let line = |inner: CommandLine| {
            CommandLine::captured("id", inner)
                .fixed("echo outer \"$id\"")
                .render()
        };
        let (ok, out) = sh(&line(
            CommandLine::new("echo")
                .placeholder("<your-resource-group>")
                .fixed("--query id"),
        ));
        assert!(!ok);
        assert_eq!(out, "", "the outer command ran");
        let (ok, out) = sh(&line(CommandLine::new("echo").value("rg 1")));
        assert!(ok);
        assert_eq!(out, "outer rg 1\n");
        // What the guide wrote before: the outer command ran with an empty value.
        let (_, out) = sh("echo outer \"$(echo <your-resource-group> --query id)\"");
        assert_eq!(out, "outer \n");
    }

    #[test]
    fn joined_words_quote_only_their_values() {
        let c = CommandLine::new("aws ec2 describe-vpc-endpoints --filters")
            .joined(vec![
                Word::Fixed("Name=service-name,Values="),
                Word::Value("a b".into()),
            ])
            .joined(vec![
                Word::Fixed("Name=tag,Values="),
                Word::Placeholder("<tag>"),
            ]);
        assert_eq!(
            c.render(),
            "aws ec2 describe-vpc-endpoints --filters Name=service-name,Values='a b' Name=tag,Values=<tag>"
        );
        assert_eq!(c.placeholders(), vec!["<tag>"]);
    }
}
