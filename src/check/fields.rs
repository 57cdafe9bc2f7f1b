//! The request's identity fields: company, cloud, region, account, project, plan, environments
//! and connection type.

use serde_json::Value;

use crate::diagnostic::Diagnostic;
use crate::ids::{AwsAccountId, ProjectId, SubscriptionId, ADOBE_AWS_ACCOUNT};
use crate::regions::{self, Availability, Cloud, Lookup, Region};
use crate::request::{Account, Environment};
use crate::rules;
use crate::text::{contains, edit_distance, is_one_line, is_uuid, key, quote};

use super::{number_text, uuid_repair, Checker, Got, MAX_COMPANY_CHARS};

impl Checker {
    pub(crate) fn company(&mut self, v: Option<&Value>) -> Option<String> {
        let s = self.present(v, "company", &rules::COMPANY_MISSING)?;
        if !is_one_line(s) {
            self.emit(
                &rules::COMPANY_NOT_ONE_LINE,
                "company",
                0,
                &[("value", &quote(s))],
            );
            return None;
        }
        let n = crate::text::char_count(s);
        if n > MAX_COMPANY_CHARS {
            let (count, max) = (n.to_string(), MAX_COMPANY_CHARS.to_string());
            self.emit(
                &rules::COMPANY_TOO_LONG,
                "company",
                0,
                &[("count", &count), ("max", &max)],
            );
            return None;
        }
        Some(s.to_string())
    }

    pub(crate) fn cloud(&mut self, v: Option<&Value>) -> Option<Cloud> {
        let s = self.present(v, "cloud", &rules::CLOUD_MISSING)?;
        if let Some(c) = Cloud::parse(s) {
            return Some(c);
        }
        let k = key(s);
        let guess =
            if contains(&k, "amazon") || contains(&k, "aws") || edit_distance(&k, "aws") <= 1 {
                Some("aws")
            } else if contains(&k, "azure")
                || contains(&k, "microsoft")
                || edit_distance(&k, "azure") <= 2
            {
                Some("azure")
            } else {
                None
            };
        let mut d = self.diag(&rules::CLOUD_UNKNOWN, "cloud", 0, &[("value", &quote(s))]);
        if let Some(g) = guess {
            d = d.with_suggestion(g);
        }
        self.push(d);
        None
    }

    pub(crate) fn region(
        &mut self,
        cloud: Option<Cloud>,
        v: Option<&Value>,
    ) -> Option<&'static Region> {
        let s = self.present(v, "region", &rules::REGION_MISSING)?;
        let cloud = cloud?;
        let region = match regions::lookup(cloud, s) {
            Lookup::Code(r) => r,
            Lookup::DisplayName(r) => {
                self.emit(
                    &rules::REGION_DISPLAY_NAME,
                    "region",
                    0,
                    &[("value", &quote(s)), ("code", r.code), ("name", r.name)],
                );
                r
            }
            Lookup::OtherCloud(r) => {
                self.emit(
                    &rules::REGION_OTHER_CLOUD,
                    "region",
                    0,
                    &[
                        ("value", &quote(s)),
                        ("other", r.cloud.label()),
                        ("cloud", cloud.label()),
                    ],
                );
                return None;
            }
            Lookup::Place(here) => {
                // A region announced but not yet in service (PL128) is named, never offered.
                let (ready, announced): (Vec<_>, Vec<_>) = here
                    .into_iter()
                    .partition(|r| r.availability != Availability::Announced);
                let (choices, variant) = match ready.len() {
                    0 => (announced, 2),
                    1 => (ready, 0),
                    _ => (ready, 1),
                };
                let mut list = String::new();
                // "eu-west-1, Europe (Ireland)", as the ticket writes a region (a name in
                // brackets of its own is never bracketed again); several: "a, A; or b, B".
                for (i, r) in choices.iter().enumerate() {
                    if i > 0 {
                        list.push_str(if i + 1 == choices.len() {
                            "; or "
                        } else {
                            "; "
                        });
                    }
                    list.push_str(r.code);
                    list.push_str(", ");
                    list.push_str(r.name);
                }
                let d = self.diag(
                    &rules::REGION_PLACE,
                    "region",
                    variant,
                    &[
                        ("value", &quote(s)),
                        ("cloud", cloud.label()),
                        ("choices", &list),
                    ],
                );
                let codes = if variant == 2 {
                    Vec::new()
                } else {
                    choices.iter().map(|r| r.code.to_string()).collect()
                };
                self.push(d.with_suggestions(codes));
                return None;
            }
            Lookup::Unknown(near) => {
                let value = quote(s);
                let args = [("value", value.as_str()), ("cloud", cloud.label())];
                let d = match near {
                    Some(n) => self
                        .diag(
                            &rules::REGION_UNKNOWN,
                            "region",
                            0,
                            &[args[0], args[1], ("code", n.code), ("name", n.name)],
                        )
                        .with_suggestion(n.code),
                    None => self.diag(&rules::REGION_UNKNOWN, "region", 1, &args),
                };
                self.push(d);
                return None;
            }
        };
        let named = [("code", region.code), ("name", region.name)];
        match region.availability {
            Availability::Usable => Some(region),
            Availability::Announced => {
                self.emit(&rules::REGION_ANNOUNCED, "region", 0, &named);
                Some(region)
            }
            Availability::Restricted => {
                self.emit(&rules::REGION_RESTRICTED, "region", 0, &named);
                Some(region)
            }
            Availability::OtherPartition(p) => {
                self.emit(
                    &rules::REGION_OTHER_PARTITION,
                    "region",
                    0,
                    &[named[0], named[1], ("partition", p)],
                );
                None
            }
            Availability::Sovereign(c) => {
                self.emit(
                    &rules::REGION_SOVEREIGN,
                    "region",
                    0,
                    &[named[0], named[1], ("sovereign", c)],
                );
                None
            }
        }
    }

    /// Checks an account ID at `path` (`account_id`, or an account of a change).
    pub(crate) fn account(
        &mut self,
        cloud: Option<Cloud>,
        v: Option<&Value>,
        path: &str,
    ) -> Option<Account> {
        if let Some(Value::Number(n)) = v {
            // A number loses leading zeros; say so and offer the text form when it fits.
            let digits = number_text(n);
            let mut d = self.diag(&rules::WRONG_TYPE, path, 1, &[]);
            if digits.len() == 12 && digits.bytes().all(|b| b.is_ascii_digit()) {
                d = d.with_suggestion(digits);
            }
            self.push(d);
            return None;
        }
        let s = self.present(v, path, &rules::ACCOUNT_MISSING)?;
        match cloud? {
            Cloud::Aws => self.aws_account(s, path).map(Account::Aws),
            Cloud::Azure => self.azure_account(s, path).map(Account::Azure),
        }
    }

    pub(super) fn aws_account(&mut self, s: &str, path: &str) -> Option<AwsAccountId> {
        let value = quote(s);
        if is_uuid(s) {
            self.emit(&rules::AWS_ACCOUNT_IS_UUID, path, 0, &[("value", &value)]);
            return None;
        }
        let compact: String = s.chars().filter(|c| !matches!(c, '-' | ' ')).collect();
        let Some(id) = AwsAccountId::parse(&compact) else {
            if let Some(id) = account_in_paste(s) {
                if id.as_str() == ADOBE_AWS_ACCOUNT {
                    self.emit(&rules::ACCOUNT_IS_ADOBE, path, 0, &[("id", id.as_str())]);
                    return None;
                }
                let d = self.diag(
                    &rules::AWS_ACCOUNT_IN_PASTE,
                    path,
                    usize::from(!s.trim_start().starts_with("arn:")),
                    &[("value", &value), ("id", id.as_str())],
                );
                self.push(d.with_suggestion(id.as_str()));
                return None;
            }
            let digits = compact.chars().filter(char::is_ascii_digit).count();
            if digits == crate::text::char_count(&compact) {
                let count = digits.to_string();
                self.emit(
                    &rules::AWS_ACCOUNT_FORMAT,
                    path,
                    0,
                    &[("value", &value), ("count", &count)],
                );
            } else {
                self.emit(&rules::AWS_ACCOUNT_FORMAT, path, 1, &[("value", &value)]);
            }
            return None;
        };
        if id.as_str() == ADOBE_AWS_ACCOUNT {
            self.emit(&rules::ACCOUNT_IS_ADOBE, path, 0, &[("id", id.as_str())]);
            return None;
        }
        if compact != s {
            let d = self.diag(
                &rules::AWS_ACCOUNT_NORMALISED,
                path,
                0,
                &[("value", &value), ("id", id.as_str())],
            );
            self.push(d.with_suggestion(id.as_str()));
        }
        Some(id)
    }

    pub(super) fn azure_account(&mut self, s: &str, path: &str) -> Option<SubscriptionId> {
        if let Some(id) = SubscriptionId::parse(s) {
            return Some(id);
        }
        let compact: String = s.chars().filter(|c| !matches!(c, '-' | ' ')).collect();
        let value = quote(s);
        if AwsAccountId::parse(&compact).is_some() {
            self.emit(
                &rules::AZURE_SUBSCRIPTION_IS_AWS,
                path,
                0,
                &[("value", &value)],
            );
            return None;
        }
        let mut d = self.diag(
            &rules::AZURE_SUBSCRIPTION_FORMAT,
            path,
            0,
            &[("value", &value)],
        );
        if let Some(fixed) = uuid_repair(s) {
            d = d.with_suggestion(fixed);
        }
        self.push(d);
        None
    }

    pub(crate) fn project_id(&mut self, v: Option<&Value>) -> Option<ProjectId> {
        const PATH: &str = "project_id";
        let s = self.present(v, PATH, &rules::PROJECT_MISSING)?;
        if let Some(id) = ProjectId::parse(s) {
            return Some(id);
        }
        let value = quote(s);
        let lower = s.to_ascii_lowercase();
        if let Some(id) = ProjectId::parse(&lower) {
            let d = self.diag(
                &rules::PROJECT_UPPERCASE,
                PATH,
                0,
                &[("value", &value), ("id", id.as_str())],
            );
            self.push(d.with_suggestion(id.as_str()));
            return Some(id);
        }
        if let Some(id) = project_in_address(s) {
            let d = self.diag(
                &rules::PROJECT_IN_ADDRESS,
                PATH,
                0,
                &[("value", &value), ("id", id.as_str())],
            );
            self.push(d.with_suggestion(id.as_str()));
            return None;
        }
        let n = crate::text::char_count(s);
        if n != 13 {
            let count = n.to_string();
            self.emit(
                &rules::PROJECT_FORMAT,
                PATH,
                0,
                &[("value", &value), ("count", &count)],
            );
        } else {
            self.emit(&rules::PROJECT_FORMAT, PATH, 1, &[("value", &value)]);
        }
        None
    }

    pub(super) fn plan(&mut self, v: Option<&Value>) {
        let Some(s) = self.present(v, "plan", &rules::PLAN_MISSING) else {
            return;
        };
        let k = s.to_ascii_lowercase();
        if k == "pro" {
            return;
        }
        if k == "starter" {
            self.emit(&rules::PLAN_STARTER, "plan", 0, &[]);
            return;
        }
        let mut d = self.diag(&rules::PLAN_UNKNOWN, "plan", 0, &[("value", &quote(s))]);
        if contains(&key(s), "pro") {
            d = d.with_suggestion("pro");
        }
        self.push(d);
    }

    pub(super) fn environments(&mut self, v: Option<&Value>) -> Option<Vec<Environment>> {
        let items = self.present_list(
            v,
            "environments",
            "a list such as [\"production\", \"staging\"]",
            &rules::ENVIRONMENTS_MISSING,
            &[],
        )?;
        self.environment_items(items, "environments")
    }

    /// Checks the environment IDs of a list at `path` (an enablement's, or a change's
    /// `environments`), each once.
    pub(crate) fn environment_items(
        &mut self,
        items: &[Value],
        path: &str,
    ) -> Option<Vec<Environment>> {
        let mut out = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let path = format!("{path}[{i}]");
            let Some(env) = self.environment(item, &path) else {
                ok = false;
                continue;
            };
            if out.contains(&env) {
                self.emit(
                    &rules::ENVIRONMENT_DUPLICATE,
                    path,
                    0,
                    &[("env", &env.label())],
                );
            } else {
                out.push(env);
            }
        }
        ok.then_some(out)
    }

    /// Checks one environment ID at `path`: production, staging, or an additional staging
    /// environment (noted).
    pub(crate) fn environment(&mut self, item: &Value, path: &str) -> Option<Environment> {
        let s = match self.text(Some(item), path) {
            Got::Ok(s) => s,
            Got::Missing => {
                self.emit(&rules::ENVIRONMENT_NOT_ELIGIBLE, path, 0, &[]);
                return None;
            }
            Got::Reported => return None,
        };
        match Environment::parse(s) {
            Some(Environment::AdditionalStaging(id)) => {
                self.emit(
                    &rules::ENVIRONMENT_ADDITIONAL_STAGING,
                    path,
                    0,
                    &[("value", &quote(&id))],
                );
                Some(Environment::AdditionalStaging(id))
            }
            Some(env) => Some(env),
            None => {
                self.push(not_eligible(path.to_string(), s, &s.to_ascii_lowercase()));
                None
            }
        }
    }

    pub(super) fn connection_type(&mut self, v: Option<&Value>) -> Option<&'static str> {
        let s = self.present(v, "connection_type", &rules::CONNECTION_MISSING)?;
        let k = key(s);
        match k.as_str() {
            "unidirectional" => return Some("unidirectional"),
            "bidirectional" => return Some("bidirectional"),
            _ => {}
        }
        let guess = if k.starts_with("uni") || contains(&k, "oneway") {
            Some("unidirectional")
        } else if k.starts_with("bi") || contains(&k, "twoway") {
            Some("bidirectional")
        } else {
            None
        };
        let mut d = self.diag(
            &rules::CONNECTION_UNKNOWN,
            "connection_type",
            0,
            &[("value", &quote(s))],
        );
        if let Some(g) = guess {
            d = d.with_suggestion(g);
        }
        self.push(d);
        None
    }
}

/// An environment other than production or staging, explained (a message of PL162 and, where
/// the intended one is clear, the suggestion).
fn not_eligible(path: String, typed: &str, lower: &str) -> Diagnostic {
    let near = match lower {
        "prod" | "prd" | "live" => Some("production"),
        "stage" | "stg" | "preprod" => Some("staging"),
        _ => ["production", "staging"]
            .into_iter()
            .find(|e| edit_distance(lower, e) <= 2),
    };
    let variant = match lower {
        "integration" => 1,
        "master" | "main" => 2,
        "local" => 3,
        "prod" | "prd" | "live" | "stage" | "stg" | "preprod" => 4,
        _ if near.is_some() => 5,
        _ => 6,
    };
    let value = quote(typed);
    let args = [
        ("value", value.as_str()),
        ("near", near.unwrap_or_default()),
    ];
    let d = Diagnostic::of(&rules::ENVIRONMENT_NOT_ELIGIBLE, path, variant, &args, None);
    match near {
        Some(s) => d.with_suggestion(s),
        None => d,
    }
}

/// The account ID in an ARN (`arn:aws:iam::123456789012:root`) or in the output of
/// `aws sts get-caller-identity` (`"Account": "123456789012"`), pasted whole: its first run of
/// exactly 12 digits.
fn account_in_paste(s: &str) -> Option<AwsAccountId> {
    if !(contains(s, "arn:") || contains(s, "ccount")) {
        return None;
    }
    s.split(|c: char| !c.is_ascii_digit())
        .find_map(AwsAccountId::parse)
}

/// The project ID in an address of the Cloud Console pasted whole
/// (`https://…/projects/<id>/environments/production`, `https://console…/<org>/<id>/production`):
/// the last path segment that reads as a project ID.
fn project_in_address(s: &str) -> Option<ProjectId> {
    if !s.contains('/') {
        return None;
    }
    s.rsplit('/').find_map(ProjectId::parse)
}
