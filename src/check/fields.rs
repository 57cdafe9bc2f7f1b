//! The request's identity fields: company, cloud, region, account, project, plan, environments
//! and connection type.

use serde_json::Value;

use crate::diagnostic::Diagnostic;
use crate::ids::{AwsAccountId, ProjectId, SubscriptionId, ADOBE_AWS_ACCOUNT};
use crate::regions::{self, Availability, Cloud, Lookup, Region};
use crate::request::{Account, Environment};
use crate::rules;
use crate::text::{edit_distance, is_one_line, is_uuid, key, quote};

use super::{number_text, uuid_repair, Checker, Got, MAX_COMPANY_CHARS};

impl Checker {
    pub(crate) fn company(&mut self, v: Option<&Value>) -> Option<String> {
        let s = self.required(
            v,
            "company",
            &rules::COMPANY_MISSING,
            "The company name is missing; the ticket subject needs it.",
        )?;
        if !is_one_line(s) {
            self.push(Diagnostic::new(
                &rules::COMPANY_NOT_ONE_LINE,
                "company",
                format!(
                    "The company name {} has a line break, a control character or a character that reorders text, but the ticket subject is one line.",
                    quote(s)
                ),
            ));
            return None;
        }
        let n = s.chars().count();
        if n > MAX_COMPANY_CHARS {
            self.push(Diagnostic::new(
                &rules::COMPANY_TOO_LONG,
                "company",
                format!("The company name is {n} characters long, more than the {MAX_COMPANY_CHARS} allowed."),
            ));
            return None;
        }
        Some(s.to_string())
    }

    pub(crate) fn cloud(&mut self, v: Option<&Value>) -> Option<Cloud> {
        let s = self.required(
            v,
            "cloud",
            &rules::CLOUD_MISSING,
            "The cloud is missing; choose aws or azure.",
        )?;
        if let Some(c) = Cloud::parse(s) {
            return Some(c);
        }
        let k = key(s);
        let guess = if k.contains("amazon") || k.contains("aws") || edit_distance(&k, "aws") <= 1 {
            Some("aws")
        } else if k.contains("azure") || k.contains("microsoft") || edit_distance(&k, "azure") <= 2
        {
            Some("azure")
        } else {
            None
        };
        let mut d = Diagnostic::new(
            &rules::CLOUD_UNKNOWN,
            "cloud",
            format!("The cloud {} is neither aws nor azure.", quote(s)),
        );
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
        let s = self.required(
            v,
            "region",
            &rules::REGION_MISSING,
            "The region is missing; enter the region of your Adobe Commerce instance.",
        )?;
        let cloud = cloud?;
        let region = match regions::lookup(cloud, s) {
            Lookup::Code(r) => r,
            Lookup::DisplayName(r) => {
                self.push(Diagnostic::new(
                    &rules::REGION_DISPLAY_NAME,
                    "region",
                    format!(
                        "{} was read as the region code {} ({}).",
                        quote(s),
                        r.code,
                        r.name
                    ),
                ));
                r
            }
            Lookup::OtherCloud(r) => {
                self.push(Diagnostic::new(
                    &rules::REGION_OTHER_CLOUD,
                    "region",
                    format!(
                        "{} is an {} region, but the cloud is {}.",
                        quote(s),
                        r.cloud.label(),
                        cloud.label()
                    ),
                ));
                return None;
            }
            Lookup::Unknown(near) => {
                let mut d = Diagnostic::new(
                    &rules::REGION_UNKNOWN,
                    "region",
                    match near {
                        Some(n) => format!(
                            "{} is not an {} region; did you mean {} ({})?",
                            quote(s),
                            cloud.label(),
                            n.code,
                            n.name
                        ),
                        None => format!("{} is not an {} region.", quote(s), cloud.label()),
                    },
                );
                if let Some(n) = near {
                    d = d.with_suggestion(n.code);
                }
                self.push(d);
                return None;
            }
        };
        match region.availability {
            Availability::Usable => Some(region),
            Availability::Announced => {
                self.push(Diagnostic::new(
                    &rules::REGION_ANNOUNCED,
                    "region",
                    format!(
                        "{} ({}) is an AWS region that is announced but not yet in service.",
                        region.code, region.name
                    ),
                ));
                Some(region)
            }
            Availability::Restricted => {
                self.push(Diagnostic::new(
                    &rules::REGION_RESTRICTED,
                    "region",
                    format!(
                        "{} ({}) is an Azure region that needs an access request.",
                        region.code, region.name
                    ),
                ));
                Some(region)
            }
            Availability::OtherPartition(p) => {
                self.push(Diagnostic::new(
                    &rules::REGION_OTHER_PARTITION,
                    "region",
                    format!(
                        "{} ({}) is in the {p} partition, which Adobe's principal cannot reach.",
                        region.code, region.name
                    ),
                ));
                None
            }
            Availability::Sovereign(c) => {
                self.push(Diagnostic::new(
                    &rules::REGION_SOVEREIGN,
                    "region",
                    format!(
                        "{} ({}) is in the {c} sovereign cloud, which Adobe Commerce cannot reach.",
                        region.code, region.name
                    ),
                ));
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
            let name = path.rsplit('.').next().unwrap_or(path);
            let mut d = Diagnostic::new(
                &rules::WRONG_TYPE,
                path,
                format!(
                    "{name} must be text in quotes, not a number, so that leading zeros are kept."
                ),
            );
            if digits.len() == 12 && digits.bytes().all(|b| b.is_ascii_digit()) {
                d = d.with_suggestion(digits);
            }
            self.push(d);
            return None;
        }
        let s = self.required(
            v,
            path,
            &rules::ACCOUNT_MISSING,
            "The account ID is missing; Adobe must know which account to allow.",
        )?;
        match cloud? {
            Cloud::Aws => self.aws_account(s, path).map(Account::Aws),
            Cloud::Azure => self.azure_account(s, path).map(Account::Azure),
        }
    }

    pub(super) fn aws_account(&mut self, s: &str, path: &str) -> Option<AwsAccountId> {
        if is_uuid(s) {
            self.push(Diagnostic::new(
                &rules::AWS_ACCOUNT_IS_UUID,
                path,
                format!(
                    "{} is an Azure subscription ID, but the cloud is AWS.",
                    quote(s)
                ),
            ));
            return None;
        }
        let compact: String = s.chars().filter(|c| !matches!(c, '-' | ' ')).collect();
        let Some(id) = AwsAccountId::parse(&compact) else {
            let digits = compact.chars().filter(char::is_ascii_digit).count();
            let msg = if digits == compact.chars().count() {
                format!(
                    "{} is not an AWS account ID: it has {digits} digits, and an AWS account ID has exactly 12.",
                    quote(s)
                )
            } else {
                format!(
                    "{} is not an AWS account ID: it must be exactly 12 digits.",
                    quote(s)
                )
            };
            self.push(Diagnostic::new(&rules::AWS_ACCOUNT_FORMAT, path, msg));
            return None;
        };
        if id.as_str() == ADOBE_AWS_ACCOUNT {
            self.push(Diagnostic::new(
                &rules::ACCOUNT_IS_ADOBE,
                path,
                format!("{} is Adobe's own AWS account, not yours.", id.as_str()),
            ));
            return None;
        }
        if compact != s {
            self.push(
                Diagnostic::new(
                    &rules::AWS_ACCOUNT_NORMALISED,
                    path,
                    format!("{} was read as the account ID {}.", quote(s), id.as_str()),
                )
                .with_suggestion(id.as_str()),
            );
        }
        Some(id)
    }

    pub(super) fn azure_account(&mut self, s: &str, path: &str) -> Option<SubscriptionId> {
        if let Some(id) = SubscriptionId::parse(s) {
            return Some(id);
        }
        let compact: String = s.chars().filter(|c| !matches!(c, '-' | ' ')).collect();
        if AwsAccountId::parse(&compact).is_some() {
            self.push(Diagnostic::new(
                &rules::AZURE_SUBSCRIPTION_IS_AWS,
                path,
                format!("{} is an AWS account ID, but the cloud is Azure.", quote(s)),
            ));
            return None;
        }
        let mut d = Diagnostic::new(
            &rules::AZURE_SUBSCRIPTION_FORMAT,
            path,
            format!(
                "{} is not an Azure subscription ID, which reads 8-4-4-4-12 hexadecimal digits.",
                quote(s)
            ),
        );
        if let Some(fixed) = uuid_repair(s) {
            d = d.with_suggestion(fixed);
        }
        self.push(d);
        None
    }

    pub(crate) fn project_id(&mut self, v: Option<&Value>) -> Option<ProjectId> {
        let s = self.required(
            v,
            "project_id",
            &rules::PROJECT_MISSING,
            "The project ID is missing; `magento-cloud project:info` shows it.",
        )?;
        if let Some(id) = ProjectId::parse(s) {
            return Some(id);
        }
        let lower = s.to_ascii_lowercase();
        if let Some(id) = ProjectId::parse(&lower) {
            self.push(
                Diagnostic::new(
                    &rules::PROJECT_UPPERCASE,
                    "project_id",
                    format!("{} was read as the project ID {}.", quote(s), id.as_str()),
                )
                .with_suggestion(id.as_str()),
            );
            return Some(id);
        }
        let n = s.chars().count();
        let msg = if n != 13 {
            format!(
                "{} is not a project ID: it has {n} characters, and a project ID has 13.",
                quote(s)
            )
        } else {
            format!(
                "{} is not a project ID: only the letters a-z and digits may appear.",
                quote(s)
            )
        };
        self.push(Diagnostic::new(&rules::PROJECT_FORMAT, "project_id", msg));
        None
    }

    pub(super) fn plan(&mut self, v: Option<&Value>) {
        let Some(s) = self.required(
            v,
            "plan",
            &rules::PLAN_MISSING,
            "The plan is missing; PrivateLink needs the Pro plan.",
        ) else {
            return;
        };
        let k = s.to_ascii_lowercase();
        if k == "pro" {
            return;
        }
        if k == "starter" {
            self.push(Diagnostic::new(
                &rules::PLAN_STARTER,
                "plan",
                "PrivateLink is not available on Starter projects, only on Pro.",
            ));
            return;
        }
        let mut d = Diagnostic::new(
            &rules::PLAN_UNKNOWN,
            "plan",
            format!("The plan {} is neither pro nor starter.", quote(s)),
        );
        if key(s).contains("pro") {
            d = d.with_suggestion("pro");
        }
        self.push(d);
    }

    pub(super) fn environments(&mut self, v: Option<&Value>) -> Option<Vec<Environment>> {
        let items = self.required_list(
            v,
            "environments",
            "a list such as [\"production\", \"staging\"]",
            &rules::ENVIRONMENTS_MISSING,
            "No environment is named; list production, staging, or both.",
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
                self.push(Diagnostic::new(
                    &rules::ENVIRONMENT_DUPLICATE,
                    path,
                    format!("{} is listed more than once.", env.label()),
                ));
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
                self.push(Diagnostic::new(
                    &rules::ENVIRONMENT_NOT_ELIGIBLE,
                    path,
                    "This environment is blank; name production or staging.",
                ));
                return None;
            }
            Got::Reported => return None,
        };
        match Environment::parse(s) {
            Some(Environment::AdditionalStaging(id)) => {
                self.push(Diagnostic::new(
                    &rules::ENVIRONMENT_ADDITIONAL_STAGING,
                    path,
                    format!("{} is read as an additional staging environment; check that it is the ID the Cloud Console shows.", quote(&id)),
                ));
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
        let s = self.required(
            v,
            "connection_type",
            &rules::CONNECTION_MISSING,
            "The connection type is missing; choose unidirectional or bidirectional.",
        )?;
        let k = key(s);
        match k.as_str() {
            "unidirectional" => return Some("unidirectional"),
            "bidirectional" => return Some("bidirectional"),
            _ => {}
        }
        let guess = if k.starts_with("uni") || k.contains("oneway") {
            Some("unidirectional")
        } else if k.starts_with("bi") || k.contains("twoway") {
            Some("bidirectional")
        } else {
            None
        };
        let mut d = Diagnostic::new(
            &rules::CONNECTION_UNKNOWN,
            "connection_type",
            format!(
                "The connection type {} is neither unidirectional nor bidirectional.",
                quote(s)
            ),
        );
        if let Some(g) = guess {
            d = d.with_suggestion(g);
        }
        self.push(d);
        None
    }
}

/// An environment other than production or staging, explained.
fn not_eligible(path: String, typed: &str, lower: &str) -> Diagnostic {
    let (msg, suggestion) = match lower {
        "integration" => (
            "Integration environments cannot use PrivateLink; only Production and Staging can.".to_string(),
            None,
        ),
        "master" | "main" => (
            format!("{} is the Integration environment's main branch, and Integration cannot use PrivateLink.", quote(typed)),
            None,
        ),
        "local" => (
            "Local environments cannot use PrivateLink; only Production and Staging can.".to_string(),
            None,
        ),
        "prod" | "prd" | "live" => (
            format!("{} is not an environment name; did you mean production?", quote(typed)),
            Some("production"),
        ),
        "stage" | "stg" | "preprod" => (
            format!("{} is not an environment name; did you mean staging?", quote(typed)),
            Some("staging"),
        ),
        _ => {
            let near = ["production", "staging"]
                .into_iter()
                .find(|e| edit_distance(lower, e) <= 2);
            (
                match near {
                    Some(e) => format!("{} is not an environment PrivateLink can use; did you mean {e}?", quote(typed)),
                    None => format!("{} is not an environment PrivateLink can use; only production, staging and additional staging environments are.", quote(typed)),
                },
                near,
            )
        }
    };
    let d = Diagnostic::new(&rules::ENVIRONMENT_NOT_ELIGIBLE, path, msg);
    match suggestion {
        Some(s) => d.with_suggestion(s),
        None => d,
    }
}
