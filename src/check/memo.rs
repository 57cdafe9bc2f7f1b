//! What the checks found in each endpoint service, kept between two checks of one
//! [`crate::host::Session`]: after an edit, only the services the edit touched are checked again.
//!
//! A service's findings depend on its entry, its place in the list, the cloud, the region and
//! the cloud its labels are written for, and on nothing else, so they are kept with those and
//! used again only while all are the same. Two exceptions are never kept: the check that no two
//! services share a name, which is made again every time, and a service that holds evidence
//! (the evidence checks read the rest of the document).

use serde_json::Value;

use super::{Checker, MAX_DIAGNOSTICS};
use crate::diagnostic::Diagnostic;
use crate::ids::EndpointServiceName;
use crate::regions::Cloud;
use crate::request::PortSpec;

/// The most findings kept over all services: past it, services are checked again each time
/// rather than held in memory (a document of 300,000 faulty entries).
const MAX_KEPT: usize = 50 * MAX_DIAGNOSTICS;

/// Each endpoint service's findings, by its place in the list.
#[derive(Default)]
pub(crate) struct Memo {
    services: Vec<Option<Service>>,
    /// How many findings `services` holds.
    kept: usize,
}

impl Memo {
    /// Forgets what was found in the service at `i`: its entry has changed.
    pub(crate) fn forget(&mut self, i: usize) {
        if let Some(gone) = self.services.get_mut(i).and_then(Option::take) {
            self.kept -= gone.len();
        }
    }

    /// Takes out the findings of the service at `i`, when they were made in `context`.
    pub(super) fn take(&mut self, i: usize, context: Context) -> Option<Service> {
        let kept = self.services.get_mut(i)?.take()?;
        self.kept -= kept.len();
        (kept.context == context).then_some(kept)
    }

    /// Keeps the findings of the service at `i`, within [`MAX_KEPT`].
    pub(super) fn keep(&mut self, i: usize, service: Service) {
        if self.kept + service.len() > MAX_KEPT {
            return;
        }
        if self.services.len() <= i {
            self.services.resize_with(i + 1, || None);
        }
        if let Some(slot) = self.services.get_mut(i) {
            self.kept += service.len();
            *slot = Some(service);
        }
    }
}

/// What the findings of one service were made under, besides its entry and place.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) struct Context {
    pub cloud: Option<Cloud>,
    pub region: Option<&'static str>,
    /// The cloud the labels in messages are written for.
    pub labels: Option<Cloud>,
}

/// What the check of one endpoint service found: its name's findings, then (after the check
/// against the other names) the rest; what it read, for the request.
pub(super) struct Service {
    pub context: Context,
    pub name_findings: Findings,
    pub name: Option<EndpointServiceName>,
    pub findings: Findings,
    pub ports: Option<Vec<PortSpec>>,
    /// Whether it may be kept: it holds no evidence.
    pub keepable: bool,
}

impl Service {
    fn len(&self) -> usize {
        self.name_findings.listed.len() + self.findings.listed.len()
    }
}

/// True when the entry's findings may be kept: it holds no evidence.
pub(super) fn keepable(entry: &serde_json::Map<String, Value>) -> bool {
    matches!(entry.get("evidence"), None | Some(Value::Null))
}

/// The findings of one part of a check as a report keeps them: the first
/// [`MAX_DIAGNOSTICS`], then how many more there were and how many of those are errors.
#[derive(Default)]
pub(super) struct Findings {
    listed: Vec<Diagnostic>,
    unlisted: usize,
    unlisted_errors: usize,
}

impl Checker {
    /// Runs `part` with no findings so far, and returns what it found beside its answer; the
    /// findings are not yet in the report ([`Checker::replay`] puts them there).
    pub(super) fn apart<T>(&mut self, part: impl FnOnce(&mut Self) -> T) -> (T, Findings) {
        let listed = std::mem::take(&mut self.diags);
        let unlisted = std::mem::take(&mut self.unlisted);
        let unlisted_errors = std::mem::take(&mut self.unlisted_errors);
        let answer = part(self);
        let found = Findings {
            listed: std::mem::replace(&mut self.diags, listed),
            unlisted: std::mem::replace(&mut self.unlisted, unlisted),
            unlisted_errors: std::mem::replace(&mut self.unlisted_errors, unlisted_errors),
        };
        (answer, found)
    }

    /// Adds `found` to the report, as if its findings were being made now: the report keeps
    /// what fits in its limit and counts the rest (all of `found`'s own uncounted ones fit in
    /// its first [`MAX_DIAGNOSTICS`]).
    pub(super) fn replay(&mut self, found: &Findings) {
        for d in &found.listed {
            self.push(d.clone());
        }
        self.unlisted += found.unlisted;
        self.unlisted_errors += found.unlisted_errors;
    }
}

impl Findings {
    /// How many of the findings are errors.
    #[cfg(test)]
    fn errors(&self) -> usize {
        self.unlisted_errors
            + self
                .listed
                .iter()
                .filter(|d| d.severity == crate::Severity::Error)
                .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules;

    fn error(c: &mut Checker) {
        c.emit(&rules::ENDPOINT_NAME_MISSING, "x", 0, &[]);
    }

    #[test]
    fn a_part_replayed_is_reported_as_if_it_were_checked_then() {
        for before in [
            0,
            1,
            MAX_DIAGNOSTICS - 3,
            MAX_DIAGNOSTICS,
            MAX_DIAGNOSTICS + 4,
        ] {
            for during in [0, 2, MAX_DIAGNOSTICS + 5] {
                let mut direct = Checker::default();
                let mut replayed = Checker::default();
                for _ in 0..before {
                    error(&mut direct);
                    error(&mut replayed);
                }
                for _ in 0..during {
                    error(&mut direct);
                }
                let ((), found) = replayed.apart(|c| (0..during).for_each(|_| error(c)));
                assert_eq!(found.errors(), during);
                assert_eq!(
                    replayed.error_count(),
                    before.min(MAX_DIAGNOSTICS) + before.saturating_sub(MAX_DIAGNOSTICS)
                );
                replayed.replay(&found);
                assert_eq!(replayed.error_count(), direct.error_count());
                assert_eq!(replayed.finish(), direct.finish(), "{before} then {during}");
            }
        }
    }

    #[test]
    fn findings_are_kept_within_a_bound_and_for_their_context_only() {
        let context = Context {
            cloud: Some(Cloud::Aws),
            region: Some("us-east-1"),
            labels: Some(Cloud::Aws),
        };
        let service = |n: usize| {
            let mut c = Checker::default();
            let ((), findings) = c.apart(|c| (0..n).for_each(|_| error(c)));
            Service {
                context,
                name_findings: Findings::default(),
                name: None,
                findings,
                ports: None,
                keepable: true,
            }
        };
        let mut memo = Memo::default();
        memo.keep(3, service(2));
        assert!(memo.take(2, context).is_none());
        assert!(memo
            .take(
                3,
                Context {
                    region: Some("us-west-2"),
                    ..context
                }
            )
            .is_none());
        // Taken once under another context, it is gone.
        assert!(memo.take(3, context).is_none());
        memo.keep(3, service(2));
        assert_eq!(memo.take(3, context).map(|s| s.len()), Some(2));
        memo.keep(1, service(MAX_DIAGNOSTICS));
        memo.forget(1);
        assert!(memo.take(1, context).is_none());
        assert_eq!(memo.kept, 0);
        for i in 0..50 {
            memo.keep(i, service(MAX_DIAGNOSTICS));
        }
        memo.keep(50, service(1));
        assert_eq!(memo.kept, MAX_KEPT);
        assert!(memo.take(50, context).is_none());
        assert!(memo.take(49, context).is_some());
    }
}
