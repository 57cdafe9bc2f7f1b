//! Diagnostics: what a check found, in the shape the CLI prints and the page shows.

use serde::Serialize;
use std::borrow::Cow;

use crate::labels::fill;
use crate::pretty::{Pretty, ToJson};
use crate::regions::Cloud;
use crate::rules::Rule;

/// How much a finding matters. Only `Error` makes a request invalid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The request cannot be sent as it is.
    Error,
    /// The request can be sent, but something was changed or looks wrong.
    Warning,
    /// Worth knowing; nothing to fix.
    Info,
}

impl Severity {
    /// The lowercase name used in reports (`error`, `warning`, `info`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl ToJson for Severity {
    fn to_json(&self, w: &mut Pretty) {
        self.as_str().to_json(w);
    }
}

/// One finding about one field of the request document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The stable rule code, e.g. `PL132`.
    pub code: &'static str,
    /// The rule's severity.
    pub severity: Severity,
    /// Path into the document, e.g. `ports[1].port`; empty for the whole document.
    pub field: String,
    /// One plain sentence naming the value and what is wrong.
    pub message: String,
    /// How to fix it, or where to find the right value.
    pub help: Cow<'static, str>,
    /// The corrected value, where one can be worked out: the first of `suggestions`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// Every value the customer may mean, when there is a choice (two regions in one country,
    /// the ports of a list); empty when there is at most one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<String>,
    /// The values one field holds together that each need a row of their own (the ports of
    /// `80,443`, of a short range): the field's row is to be replaced by one copy of it per
    /// value, its other fields kept. Empty otherwise; when set, there is no `suggestion`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub split: Vec<String>,
}

impl Diagnostic {
    /// A finding of `rule` on `field`, with the rule's own help text.
    // Not inlined (nor the builders below): there are ~70 call sites, and the wasm is smaller.
    #[inline(never)]
    pub fn new(rule: &Rule, field: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            code: rule.code,
            severity: rule.severity,
            field: field.into(),
            message: message.into(),
            help: Cow::Borrowed(rule.help),
            suggestion: None,
            suggestions: Vec::new(),
            split: Vec::new(),
        }
    }

    /// A finding of `rule` on `field` in the catalogue's words: message template `variant` of the
    /// rule and its help, filled with `args` and the labels of the fields on `cloud`.
    #[inline(never)]
    pub fn of(
        rule: &Rule,
        field: impl Into<String>,
        variant: usize,
        args: &[(&str, &str)],
        cloud: Option<Cloud>,
    ) -> Self {
        let field = field.into();
        let template = rule.messages.get(variant).copied().unwrap_or_default();
        let message = fill(template, &field, cloud, args);
        let mut d = Diagnostic::new(rule, field, message);
        if rule.help.contains('{') {
            d.help = Cow::Owned(fill(rule.help, &d.field, cloud, args));
        }
        d
    }

    /// Replaces the rule's help with one written for this value.
    #[inline(never)]
    pub fn with_help(mut self, help: impl Into<Cow<'static, str>>) -> Self {
        self.help = help.into();
        self
    }

    /// Attaches the corrected value.
    #[inline(never)]
    pub fn with_suggestion(mut self, suggestion: impl Into<String>) -> Self {
        self.suggestion = Some(suggestion.into());
        self
    }

    /// Attaches the values to choose from: the first is also `suggestion`; with one, only
    /// `suggestion` is set.
    #[inline(never)]
    pub fn with_suggestions(mut self, choices: Vec<String>) -> Self {
        self.suggestion = choices.first().cloned();
        if choices.len() > 1 {
            self.suggestions = choices;
        }
        self
    }

    /// Attaches the values the field's row splits into, one row each.
    #[inline(never)]
    pub fn with_split(mut self, values: Vec<String>) -> Self {
        self.split = values;
        self
    }
}

impl ToJson for Diagnostic {
    fn to_json(&self, w: &mut Pretty) {
        w.object(|w| {
            w.field("code", self.code);
            w.field("severity", &self.severity);
            w.field("field", &self.field);
            w.field("message", &self.message);
            w.field("help", &self.help);
            w.field_opt("suggestion", &self.suggestion);
            w.field_list("suggestions", &self.suggestions);
            w.field_list("split", &self.split);
        });
    }
}

/// Everything found in one document, in document order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// True when no diagnostic is an error.
    pub valid: bool,
    /// Every finding, in the order of the document's fields.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Builds a report, working out `valid` from the diagnostics.
    pub fn new(diagnostics: Vec<Diagnostic>) -> Self {
        let valid = !diagnostics.iter().any(|d| d.severity == Severity::Error);
        Report { valid, diagnostics }
    }

    /// How many diagnostics have the given severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

impl ToJson for Report {
    fn to_json(&self, w: &mut Pretty) {
        w.object(|w| {
            w.field("valid", &self.valid);
            w.field("diagnostics", &self.diagnostics);
        });
    }
}
