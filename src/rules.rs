//! The rule catalogue: every check the core makes, in one place.
//!
//! Each rule has a stable code, a severity, the field it concerns (and any other fields it is
//! reported on), a title, the help text that goes with its diagnostics, and the source of the fact
//! behind it. `docs/rules.md` is generated from this table (`privatelink-prep rules --format
//! markdown`) and a test keeps the two equal.

use serde::Serialize;

use crate::diagnostic::Severity;
use crate::diagnostic::Severity::{Error, Info, Warning};
use crate::pretty::{Pretty, ToJson};

/// One rule of the catalogue.
#[derive(Debug, PartialEq, Eq, Serialize)]
pub struct Rule {
    /// Stable code, `PL` and three digits.
    pub code: &'static str,
    /// Severity of every diagnostic of this rule.
    pub severity: Severity,
    /// The document field (or field pattern) the rule concerns.
    pub field: &'static str,
    /// Other fields the same rule is reported on, e.g. the ports rules on the ports of an endpoint
    /// service or of a change. Patterns as in `field`; see [`Rule::concerns`].
    pub other_fields: &'static [&'static str],
    /// A short title for the catalogue.
    pub title: &'static str,
    /// The message templates, one per way the rule is reported (see [`crate::labels::fill`]:
    /// `{label}` is the label of the field the customer sees, `{value}` the value as typed).
    pub messages: &'static [&'static str],
    /// The default help text: how to fix it.
    pub help: &'static str,
    /// Where the fact behind the rule comes from.
    pub source: &'static str,
}

impl ToJson for Rule {
    fn to_json(&self, w: &mut Pretty) {
        w.object(|w| {
            w.field("code", self.code);
            w.field("severity", &self.severity);
            w.field("field", self.field);
            w.field("other_fields", self.other_fields);
            w.field("title", self.title);
            w.field("messages", self.messages);
            w.field("help", self.help);
            w.field("source", self.source);
        });
    }
}

const SRC_DOC: &str = "privatelink-service.txt";
const SRC_FORMATS: &str = "rules.md, Identifier formats";
const SRC_CHANGES: &str = "privatelink-service.txt, changing an existing PrivateLink configuration";
// "Adobe's page" is Adobe's current PrivateLink page; the Markdown catalogue's header names it.
const SRC_CHANGES_NOW: &str = "Adobe's page, Change PrivateLink configuration (\"for example\")";
const SRC_SSH: &str = "Adobe's page, Limitations (SSH); secure-connections.md";
const SRC_EVIDENCE: &str = "rules.md, Cloud command outputs";
const SRC_AWS_IDS: &str =
    "rules.md, Identifier formats (AWS resource IDs: prefix and 8 or 17 hex digits, as vpce-)";

macro_rules! rules {
    ($($(#[$attr:meta])* $name:ident = $code:literal, $sev:ident, $field:literal $(| $other:literal)*, $title:literal, $([$($msg:literal),+ $(,)?],)? $help:literal, $source:expr;)*) => {
        $(
            #[doc = $title]
            $(#[$attr])*
            pub static $name: Rule = Rule {
                code: $code,
                severity: $sev,
                field: $field,
                other_fields: &[$($other),*],
                title: $title,
                messages: &[$($($msg),+)?],
                help: $help,
                source: $source,
            };
        )*
        /// Every rule, ordered by code. References to the statics above, so that each rule is
        /// stored once (a `const` used by reference would be a second copy of it).
        pub static RULES: &[&Rule] = &[$($(#[$attr])* &$name),*];
    };
}

rules! {
    NOT_AN_OBJECT = "PL001", Error, "", "The document is not a JSON object",
        ["The document is {what}, not a JSON object of request fields."],
        "Write the request as one JSON object, e.g. {\"company\": \"Example Ltd\", \"cloud\": \"aws\", ...}.",
        "privatelink-prep request format, version 1";
    TOO_LARGE = "PL002", Error, "" | "*", "The document is larger than 1 MiB",
        ["The document is larger than 1 MiB, far beyond the few kilobytes of any request.", "{label} is {kib} KiB long, which puts the document over the 1 MiB limit of a request."],
        "A request is a few kilobytes; check that the right file was chosen.",
        "privatelink-prep request format, version 1";
    BAD_VERSION = "PL003", Error, "version", "Unsupported format version",
        ["Format version {n} is not supported; this tool reads version 1.", "The format version must be the number 1, not {what}."],
        "Leave `version` out, or set it to 1.",
        "privatelink-prep request format, version 1";
    UNKNOWN_FIELD = "PL004", Warning, "*", "Unknown field",
        ["The field {value} is not part of the request and is ignored.", "The field {value} is not part of the request and is ignored; did you mean {near}?"],
        "This field is not part of the request format and is ignored; check its spelling.",
        "privatelink-prep request format, version 1";
    WRONG_TYPE = "PL005", Error, "*", "A field has the wrong JSON type",
        ["{label}: give {expected}, not {what}.", "{label} must be text in quotes, not a number, so that leading zeros are kept."],
        "Give the field the type the request format expects.",
        "privatelink-prep request format, version 1";
    BAD_KIND = "PL006", Error, "kind", "Unknown request kind",
        ["The request kind {value} is not known; a request is an enablement (the default) or a change."],
        "Leave `kind` out for an enablement request, or set it to change for changes to an existing setup.",
        "privatelink-prep request format, version 1";
    TOO_LONG = "PL007", Error, "*", "Text is too long",
        ["{label} is {count} characters long, more than the {max} allowed."],
        "Shorten the text; no value of a PrivateLink request is this long.",
        "privatelink-prep request format, version 1";
    REPEATED_KEY = "PL008", Warning, "*", "A field is given twice in one object",
        ["The field {value} is given more than once in the same object; only its last value is read."],
        "Keep one: JSON readers differ on which of two equal keys they keep; this tool reads the last, as JavaScript does.",
        "privatelink-prep request format, version 1 (RFC 8259, section 4)";
    NOT_JSON_VALUE = "PL015", Error, "*", "A value JSON cannot hold",
        ["The document is {what}, which JSON cannot hold.", "{label} is {what}, which JSON cannot hold."],
        "Give the field a string, number, boolean, list or object: JSON has no BigInt, Symbol, function, NaN, Infinity or value that contains itself.",
        "privatelink-prep request format, version 1 (JSON, RFC 8259)";
    UNREADABLE = "PL016", Error, "", "The document could not be read",
        ["The request could not be read: reading one of its values threw {value}.", "The request could not be read: reading one of its values called the checker again before this check was done.", "The request could not be read: its text is {why}."],
        "Pass plain data, as JSON.parse returns it: reading this value ran code that failed or called the checker again.",
        "privatelink-prep request format, version 1";
    TOO_DEEP = "PL017", Error, "" | "*", "The document nests too deeply",
        ["The document nests lists and objects more than {max} deep; no field of a request is nested more than five."],
        "The deepest field of a request is changes[0].ports[0].port; check that the right value was given.",
        "privatelink-prep request format, version 1";
    MORE_ERRORS = "PL018", Error, "", "More findings than a report lists, errors among them",
        ["The report lists the first {max} findings; {more} not listed, {errors} of them errors."],
        "Fix the findings listed first: the rest are usually the same mistake repeated.",
        "privatelink-prep report format";
    MORE_FINDINGS = "PL019", Info, "", "More warnings than a report lists",
        ["The report lists the first {max} findings; {more} not listed, none of them errors."],
        "The findings not listed are warnings or notes: the request can still be sent.",
        "privatelink-prep report format";

    COMPANY_MISSING = "PL101", Error, "company", "Company name is missing",
        ["The company name is missing; the ticket subject needs it."],
        "Enter your company's name: the ticket subject must read \"PrivateLink support for <company>\".",
        "privatelink-service.txt, Enablement workflow step 1";
    COMPANY_NOT_ONE_LINE = "PL102", Error, "company", "Company name is not one line",
        ["The company name {value} has a line break, a control character or a character that reorders text, but the ticket subject is one line."],
        "Remove line breaks, tabs, control characters and the invisible characters that reorder text (bidirectional overrides, separators, tags): the name goes into the one-line ticket subject.",
        "privatelink-service.txt, Enablement workflow step 1";
    COMPANY_TOO_LONG = "PL103", Error, "company", "Company name is longer than 100 characters",
        ["The company name is {count} characters long, more than the {max} allowed."],
        "Use the short name your support contract knows you by, at most 100 characters.",
        "privatelink-service.txt, Enablement workflow step 1";

    CLOUD_MISSING = "PL111", Error, "cloud", "Cloud is missing",
        ["The cloud is missing; choose AWS or Azure."],
        "Choose AWS or Azure: the cloud your own account is on, which must be the cloud of your Adobe Commerce instance.",
        SRC_DOC;
    CLOUD_UNKNOWN = "PL112", Error, "cloud", "Cloud is not AWS or Azure",
        ["The cloud {value} is neither AWS nor Azure."],
        "PrivateLink for Adobe Commerce exists on AWS (PrivateLink) and Azure (Private Link) only; choose AWS or Azure.",
        SRC_DOC;

    REGION_MISSING = "PL121", Error, "region", "Region is missing",
        ["The region is missing; enter the region of your Adobe Commerce instance."],
        "Enter the region of your Adobe Commerce instance, e.g. us-east-1 on AWS or eastus on Azure; your account must be in the same region.",
        "privatelink-service.txt, Prerequisites (same region)";
    REGION_UNKNOWN = "PL122", Error, "region", "Region is not a region of the chosen cloud",
        ["{value} is not an {cloud} region; did you mean {code}, {name}?", "{value} is not an {cloud} region."],
        "Enter a region code of the chosen cloud, e.g. eu-west-1 on AWS or westeurope on Azure.",
        "aws-regions.tsv (botocore 1.44.8 partitions.json); azure-regions.tsv (Microsoft regions list)";
    REGION_DISPLAY_NAME = "PL123", Info, "region", "Region was given by its display name",
        ["{value} is sent as the region code {code}."],
        "The ticket carries the region code; nothing to do.",
        "aws-regions.tsv; azure-regions.tsv";
    REGION_OTHER_PARTITION = "PL124", Error, "region", "AWS region outside the commercial partition",
        ["{code}, {name}, is in the {partition} partition, which Adobe's principal cannot reach."],
        "Adobe's principal lives in the commercial AWS partition and endpoint service permissions cannot cross partitions (GovCloud, China, ISO, European Sovereign Cloud); use a commercial region.",
        "rules.md, Regions (aws-regions.tsv partitions)";
    REGION_SOVEREIGN = "PL125", Error, "region", "Azure sovereign-cloud region",
        ["{code}, {name}, is in the {sovereign} sovereign cloud, which Adobe Commerce cannot reach."],
        "Azure Government and Azure China are separate clouds that Adobe Commerce cannot reach; use an Azure public region.",
        "azure-regions.tsv (sovereign clouds)";
    REGION_RESTRICTED = "PL126", Warning, "region", "Azure restricted-access region",
        ["{code}, {name}, is an Azure region that needs an access request."],
        "This region needs an access request to Microsoft; make sure your subscription and your Adobe Commerce instance are both in it.",
        "azure-regions.tsv (restricted-access)";
    REGION_OTHER_CLOUD = "PL127", Error, "region", "Region belongs to the other cloud",
        ["{value} is an {other} region, but the cloud is {cloud}."],
        "Check {@cloud} and {@region}: both must describe where your Adobe Commerce instance runs.",
        "aws-regions.tsv; azure-regions.tsv";
    REGION_ANNOUNCED = "PL128", Warning, "region", "AWS region announced but not yet in service",
        ["{code}, {name}, is an AWS region that is announced but not yet in service."],
        "AWS has announced this region but does not serve it yet: check that your Adobe Commerce instance really runs there.",
        "botocore 1.44.8 partitions.json vs endpoints.json (latest on PyPI, 2026-12-01)";
    REGION_PLACE = "PL129", Error, "region", "A place was given instead of a region",
        ["{value} is a place, not a region; its {cloud} region is {choices}.",
         "{value} is a place, not a region; its {cloud} regions are {choices}: choose the one your Adobe Commerce instance runs in.",
         "{value} is a place, not a region; its {cloud} region {choices}, is announced but not yet in service."],
        "Enter the region code of your Adobe Commerce instance, e.g. eu-west-1 on AWS or westeurope on Azure; the ticket names the region by its code.",
        "aws-regions.tsv (the place in each description); Microsoft's Azure regions list (physical location)";

    ACCOUNT_MISSING = "PL131", Error, "account_id", "Account ID is missing",
        ["The {label} is missing; Adobe must know which one to allow."],
        "Enter the account Adobe must allow: your 12-digit AWS account ID (account menu of the AWS console) or your Azure subscription ID (Subscriptions in the Azure portal).",
        "privatelink-service.txt, data required for enablement";
    AWS_ACCOUNT_FORMAT = "PL132", Error, "account_id" | "changes[].from_account_id" | "changes[].to_account_id", "AWS account ID is not 12 digits",
        ["{value} is not an AWS account ID: it has {count} digits, and an AWS account ID has exactly 12.", "{value} is not an AWS account ID: it must be exactly 12 digits."],
        "An AWS account ID is exactly 12 digits, leading zeros included; copy it from the account menu of the AWS console or run `aws sts get-caller-identity`.",
        "rules.md, Identifier formats (Terraform verify.ValidAccountID)";
    AWS_ACCOUNT_NORMALISED = "PL133", Info, "account_id" | "changes[].from_account_id" | "changes[].to_account_id", "AWS account ID was written with separators",
        ["{value} is sent as {id}."],
        "The ticket carries the 12 digits without dashes or spaces; nothing to do.",
        SRC_FORMATS;
    AWS_ACCOUNT_IS_UUID = "PL134", Error, "account_id" | "changes[].from_account_id" | "changes[].to_account_id", "An Azure subscription ID was given for AWS",
        ["{value} is an Azure subscription ID, but the cloud is AWS."],
        "Enter your 12-digit AWS account ID, or choose Azure as the {@cloud} if your Adobe Commerce instance runs on Azure.",
        SRC_FORMATS;
    AZURE_SUBSCRIPTION_FORMAT = "PL135", Error, "account_id" | "changes[].from_account_id" | "changes[].to_account_id", "Azure subscription ID is not a UUID",
        ["{value} is not an Azure subscription ID, which reads 8-4-4-4-12 hexadecimal digits."],
        "An Azure subscription ID looks like 8-4-4-4-12 hexadecimal digits; copy it from Subscriptions in the Azure portal or run `az account show --query id`.",
        "rules.md, Identifier formats (azure-rest-api-specs SubscriptionIdParameter)";
    AZURE_SUBSCRIPTION_IS_AWS = "PL136", Error, "account_id" | "changes[].from_account_id" | "changes[].to_account_id", "An AWS account ID was given for Azure",
        ["{value} is an AWS account ID, but the cloud is Azure."],
        "Enter your Azure subscription ID, or choose AWS as the {@cloud} if your Adobe Commerce instance runs on AWS.",
        SRC_FORMATS;
    ACCOUNT_IS_ADOBE = "PL137", Error, "account_id" | "changes[].from_account_id" | "changes[].to_account_id", "The account ID is Adobe's own",
        ["{id} is Adobe's own AWS account, not yours."],
        "402592597372 is Adobe's AWS account (the principal you grant access to); enter your own account ID.",
        "privatelink-service.txt, Endpoint service access granted";
    AWS_ACCOUNT_IN_PASTE = "PL139", Error, "account_id" | "changes[].from_account_id" | "changes[].to_account_id", "An ARN or caller identity was given as the AWS account ID",
        ["{value} is an ARN; the AWS account ID in it is {id}.",
         "This is the output of `aws sts get-caller-identity`; the AWS account ID in it is {id}."],
        "An AWS account ID is the 12 digits alone, without the rest of the ARN.",
        "rules.md, Identifier formats (AWS ARN: arn:partition:service:region:account-id:resource)";

    PROJECT_MISSING = "PL141", Error, "project_id", "Project ID is missing",
        ["The project ID is missing; Adobe needs it to find your project."],
        "Enter your Adobe Commerce Pro project ID; `magento-cloud project:info` shows it.",
        "privatelink-service.txt, data required for enablement";
    PROJECT_FORMAT = "PL142", Error, "project_id", "Project ID is not 13 lowercase letters and digits",
        ["{value} is not a project ID: it has {count} characters, and a project ID has 13.", "{value} is not a project ID: only the letters a-z and digits may appear."],
        "A project ID is 13 characters of a-z and 0-9, e.g. yw1unoukjcawe; `magento-cloud project:info` shows it.",
        "rules.md, Identifier formats (Adobe Commerce project ID)";
    PROJECT_UPPERCASE = "PL143", Info, "project_id", "Project ID was written in uppercase",
        ["{value} is sent as {id}."],
        "Project IDs are lowercase; the ticket carries the lowercase form, so there is nothing to do.",
        "rules.md, Identifier formats (Adobe Commerce project ID)";
    PROJECT_IN_ADDRESS = "PL149", Error, "project_id", "A Cloud Console address was given as the project ID",
        ["This is an address of the Cloud Console; the project ID in it is {id}."],
        "The project ID is the 13-character part of the project's address in the Cloud Console; enter it alone.",
        "rules.md, Identifier formats (Adobe Commerce project ID)";

    PLAN_MISSING = "PL151", Error, "plan", "Plan is missing",
        ["The plan is missing; PrivateLink needs the Pro plan."],
        "PrivateLink is available on the Pro plan; choose Pro.",
        "privatelink-service.txt, Features and support";
    PLAN_STARTER = "PL152", Error, "plan", "PrivateLink is not available on Starter",
        ["PrivateLink is not available on Starter projects, only on Pro."],
        "Only Adobe Commerce Pro projects can use PrivateLink; talk to your Adobe account team about Pro.",
        "privatelink-service.txt, Features and support";
    PLAN_UNKNOWN = "PL153", Error, "plan", "Plan is not pro or starter",
        ["The plan {value} is neither Pro nor Starter."],
        "Choose Pro: PrivateLink is available on the Pro plan only.",
        "privatelink-service.txt, Features and support";

    ENVIRONMENTS_MISSING = "PL161", Error, "environments", "No environment is named",
        ["No environment is chosen; choose Production, Staging or both."],
        "Choose the environments to connect: Production, Staging, an additional staging environment, or several.",
        "privatelink-service.txt, Features and support";
    ENVIRONMENT_NOT_ELIGIBLE = "PL162", Error, "environments[]" | "changes[].environment" | "changes[].environments[]", "Environment cannot use PrivateLink",
        ["This environment is blank; name production or staging.",
         "Integration environments cannot use PrivateLink; only Production and Staging can.",
         "{value} is the Integration environment's main branch, and Integration cannot use PrivateLink.",
         "Local environments cannot use PrivateLink; only Production and Staging can.",
         "{value} is not an environment name; did you mean {near}?",
         "{value} is not an environment PrivateLink can use; did you mean {near}?",
         "{value} is not an environment PrivateLink can use; only Production, Staging and additional staging environments can."],
        "PrivateLink is available on Pro Production and Staging only, additional staging environments included; Integration, master and local cannot use it.",
        "Adobe's page, Limitations; second-staging.md";
    ENVIRONMENT_DUPLICATE = "PL163", Warning, "environments[]" | "changes[].environments[]", "Environment listed twice",
        ["{env} is listed more than once."],
        "Remove the repeated entry; it is counted once.",
        "privatelink-service.txt, Features and support";
    ENVIRONMENT_ADDITIONAL_STAGING = "PL164", Info, "environments[]" | "changes[].environment" | "changes[].environments[]", "Additional staging environment",
        ["{value} is read as an additional staging environment; check that it is the ID the Cloud Console shows."],
        "An additional staging environment can use Private Link; its ID is not documented: use the one the Cloud Console shows.",
        "second-staging.md (Private Link setup)";

    CONNECTION_MISSING = "PL171", Error, "connection_type", "Connection type is missing",
        ["The connection type is missing; choose Unidirectional or Bidirectional."],
        "Choose unidirectional (your network reaches Adobe) or bidirectional (Adobe also reaches services in your network).",
        "privatelink-service.txt, connection types";
    CONNECTION_UNKNOWN = "PL172", Error, "connection_type", "Connection type is not unidirectional or bidirectional",
        ["The connection type {value} is neither unidirectional nor bidirectional."],
        "Choose unidirectional (your network reaches Adobe) or bidirectional (Adobe also reaches services in your network).",
        "privatelink-service.txt, connection types";

    PORTS_MISSING = "PL201", Error, "ports" | "endpoint_services[].ports" | "changes[].ports", "No port is listed",
        ["No port is listed; add a row for each service and its port."],
        "List each service and its port, e.g. SQL on 3306 or SFTP on 2222.",
        "Adobe's page, data required for enablement";
    PORT_INVALID = "PL202", Error, "ports[].port" | "endpoint_services[].ports[].port" | "changes[].ports[].port", "Port is not a whole number",
        ["The port number is missing.",
         "{value} is not a port number; a port is a whole number such as 3306.",
         "The port has a fraction; a port is a whole number such as 3306.",
         "{value} names the protocol too: enter the port alone, {port}, and choose {protocol} as the protocol.",
         "{value} lists {count} ports, {ports}, and a row holds one: split it into a row for each.",
         "{value} is a range of {count} ports, {ports}; Adobe opens single ports, not ranges: split it into a row for each.",
         "{value} is a range of {count} ports; Adobe opens single ports, not ranges: add a row for each port your services listen on.",
         "{value} names the protocol too, {protocol}, which the row has already: enter the port alone, {port}."],
        "Enter the port as a whole number, e.g. 3306.",
        "rules.md, Ports and protocols";
    PORT_OUT_OF_RANGE = "PL203", Error, "ports[].port" | "endpoint_services[].ports[].port" | "changes[].ports[].port", "Port is out of range",
        ["The port is {shown}, out of range; ports run from 1 to {max}{on}.",
         "Port {shown} is out of range; ports run from 1 to {max}{on}."],
        "Ports run from 1 to 65535 on AWS (NLB listeners) and from 1 to 65534 on Azure (Load Balancer front ends).",
        "rules.md, Ports and protocols";
    PORT_SSH = "PL204", Error, "ports[].port" | "changes[].ports[].port", "SSH into Adobe Commerce cannot go over PrivateLink",
        ["Port 22 is SSH into the Adobe Commerce environment, which cannot go over PrivateLink.",
         "The service {value} looks like SSH, and SSH into the Adobe Commerce environment cannot go over PrivateLink on any port."],
        "Remove this port: SSH into Adobe Commerce never goes over PrivateLink. Reach Pro Staging and Production with the ssh command the Cloud Console shows (magento-cloud ssh reaches Starter and Pro Integration only).",
        SRC_SSH;
    PORT_443_AZURE = "PL205", Error, "ports[].port" | "changes[].ports[].port", "Port 443 into Adobe Commerce cannot be used on Azure",
        ["Port 443 (HTTPS) into Adobe Commerce cannot be opened over Private Link on Azure."],
        "Remove port 443: on Azure, Fastly origin cloaking rules out HTTPS into Adobe Commerce over Private Link; use another port. Adobe connecting to your own service on 443 is not affected.",
        "Adobe's page, Limitations (HTTPS by platform)";
    PORT_443_AWS = "PL206", Info, "ports[].port" | "changes[].ports[].port", "Port 443 was excluded by older guidance",
        ["Port 443 (HTTPS) is supported on AWS, though older guidance excluded it."],
        "Adobe's current page supports HTTPS (443) over PrivateLink on AWS; older guidance excluded it, so the ticket states that you need it.",
        "rules.md, Eligibility and limits";
    PORT_DUPLICATE = "PL207", Error, "ports[].port" | "endpoint_services[].ports[].port" | "changes[].ports[].port", "Port and protocol listed twice",
        ["Port {port}/{protocol} is listed more than once."],
        "Each port and protocol can be opened once; remove this entry or change its port.",
        "rules.md, Ports and protocols";
    PORTS_TOO_MANY = "PL208", Error, "ports" | "endpoint_services[].ports" | "changes[].ports", "More than 50 ports behind one AWS endpoint service",
        ["{count} ports are listed, but one AWS endpoint service can carry at most {max}."],
        "An AWS Network Load Balancer has at most 50 listeners (not adjustable); split the ports across endpoint services or drop some.",
        "AWS, Quotas for your Network Load Balancers; Microsoft, load-balancer-limits";
    SERVICE_MISSING = "PL209", Error, "ports[].service" | "endpoint_services[].ports[].service" | "changes[].ports[].service", "Service name is missing",
        ["The service name is missing; say what runs on this port."],
        "Name the service behind the port, e.g. Webserver HTTP, SFTP or MySQL.",
        "privatelink-service.txt, data required for enablement";
    SERVICE_NOT_ONE_LINE = "PL210", Error, "ports[].service" | "endpoint_services[].ports[].service" | "changes[].ports[].service", "Service name is not one short line",
        ["The service name {value} must be one line of at most {max} characters."],
        "Use one line of at most 100 characters, without tabs, line breaks or invisible characters that reorder text.",
        "privatelink-service.txt, data required for enablement";
    PROTOCOL_UNKNOWN = "PL211", Error, "ports[].protocol" | "endpoint_services[].ports[].protocol" | "changes[].ports[].protocol", "Protocol is not tcp or udp",
        ["The protocol {value} is neither TCP nor UDP."],
        "Choose TCP (the default) or UDP.",
        "rules.md, Ports and protocols";
    PROTOCOL_UDP_AWS = "PL212", Warning, "ports[].protocol" | "endpoint_services[].ports[].protocol" | "changes[].ports[].protocol", "UDP over AWS PrivateLink is not confirmed by Adobe",
        ["AWS PrivateLink carries UDP, but Adobe's page does not say whether Adobe accepts it."],
        "Adobe's page does not say whether Adobe accepts UDP; the ticket asks for it and Adobe confirms. Use tcp where the service speaks it.",
        "AWS networking blog (PrivateLink UDP support); Adobe's page (silent on UDP)";
    PORT_22_OUTBOUND = "PL213", Warning, "endpoint_services[].ports[].port" | "changes[].ports[].port", "Port 22 on your endpoint service may be refused",
        ["Adobe's page does not say whether Adobe connects to a server of yours on port 22 (SSH).",
         "The service {value} looks like SSH, and Adobe's page does not say whether Adobe connects to an SSH server of yours."],
        "Adobe's page rules out SSH into Adobe Commerce, not clearly Adobe connecting to your server on 22 (SFTP, say). The ticket asks for it; if Adobe refuses, use another port, e.g. 2222.",
        SRC_SSH;

    ENDPOINT_SERVICES_MISSING = "PL301", Error, "endpoint_services", "Bidirectional request without endpoint services",
        ["A bidirectional connection needs at least one {noun} for Adobe to connect to."],
        "List each endpoint service (AWS) or Private Link service (Azure) in your network that Adobe must connect to, or choose unidirectional.",
        "privatelink-service.txt, data required for enablement (Endpoint service)";
    ENDPOINT_SERVICES_IGNORED = "PL302", Warning, "endpoint_services", "Endpoint services are ignored on a unidirectional request",
        ["{label} are listed, but a unidirectional connection does not use them."],
        "Remove them, or choose bidirectional if Adobe must connect to them.",
        "privatelink-service.txt, connection types";
    ENDPOINT_NAME_MISSING = "PL303", Error, "endpoint_services[].name" | "changes[].name", "Endpoint service name is missing",
        ["{label} is missing."],
        "Enter the endpoint service name: on AWS com.amazonaws.vpce.<region>.vpce-svc-<id> (VPC console, Endpoint services), on Azure the Private Link service alias or resource ID.",
        "privatelink-service.txt, data required for enablement (Endpoint service)";
    AWS_ENDPOINT_FORMAT = "PL304", Error, "endpoint_services[].name" | "changes[].name" | "adobe_endpoint_service", "AWS endpoint service name is malformed",
        ["{value} is not an AWS endpoint service name: {why}."],
        "Copy the service name from the VPC console (Endpoint services, Service name); it reads com.amazonaws.vpce.<region>.vpce-svc-<17 hex digits>.",
        "rules.md, Identifier formats (AWS endpoint service name)";
    ENDPOINT_REGION_MISMATCH = "PL305", Error, "endpoint_services[].name" | "changes[].name" | "adobe_endpoint_service", "Endpoint service is in another region",
        ["{value} is in {inside}, outside the commercial AWS partition, and the request's region is {region}.",
         "{value} is in {inside}, but the request's region is {region}.",
         "{value} names the region {inside}, which is not an {cloud} region; the request's region is {region}."],
        "PrivateLink connects within one region; the endpoint service must be in the region of your Adobe Commerce instance.",
        "privatelink-service.txt, Features and support (same region)";
    AZURE_ENDPOINT_FORMAT = "PL306", Error, "endpoint_services[].name" | "changes[].name" | "adobe_endpoint_service", "Azure Private Link service is neither an alias nor a resource ID",
        ["{value} is not an Azure Private Link service alias or resource ID: {why}."],
        "Enter the alias (<prefix>.<guid>.<region>.azure.privatelinkservice) or the resource ID (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/privateLinkServices/<name>) from the Private Link service's overview in the Azure portal.",
        "rules.md, Identifier formats (Azure Private Link service)";
    PRINCIPAL_NOT_ALLOWED = "PL307", Error, "endpoint_services[].principal_allowed" | "changes[].principal_allowed", "Adobe principal is not granted access (AWS)",
        ["Adobe's principal is not confirmed as allowed on this endpoint service."],
        "Allow arn:aws:iam::402592597372:root on the endpoint service (aws ec2 modify-vpc-endpoint-service-permissions --add-allowed-principals), then confirm it here; without the grant the connection is not added.",
        "Adobe's page, Endpoint service access granted (an AWS account principal)";
    ENDPOINT_DUPLICATE = "PL308", Error, "endpoint_services[].name", "Endpoint service listed twice",
        ["{value} is listed more than once."],
        "Each service is listed once, with all its ports; merge the two entries.",
        "privatelink-service.txt, data required for enablement";
    ENDPOINT_OTHER_CLOUD = "PL309", Error, "endpoint_services[].name" | "changes[].name" | "adobe_endpoint_service", "Endpoint service name belongs to the other cloud",
        ["{value} is an {other} name, but the cloud is {cloud}."],
        "Check the {@cloud}: AWS uses endpoint service names, Azure uses Private Link service aliases or resource IDs.",
        SRC_FORMATS;
    ENDPOINT_OTHER_PARTITION = "PL310", Error, "endpoint_services[].name" | "changes[].name" | "adobe_endpoint_service", "Endpoint service outside the commercial AWS partition",
        ["{value} is in the AWS China partition, which Adobe's principal cannot reach."],
        "Adobe's principal cannot be granted access across AWS partitions; use an endpoint service in a commercial region.",
        "rules.md, Regions";
    AZURE_ALIAS = "PL311", Warning, "endpoint_services[].name" | "changes[].name", "Azure Private Link service given by its alias",
        ["{value} is the alias of a Private Link service; Adobe asks for its resource ID."],
        "Adobe asks for each target's resource ID, /subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Network/privateLinkServices/<name> (az network private-link-service show --query id). An alias connects too, so it is accepted.",
        "Adobe's page, Azure prerequisites (resource IDs of the target services)";
    PREREQUISITE_MISSING = "PL321", Error, "prerequisites.nlb" | "prerequisites.endpoint_service", "Bidirectional prerequisite not confirmed",
        ["A bidirectional connection needs {what}, in your {network}; confirm it once it is in place."],
        "Create it before you send the request, then confirm it here: on AWS a Network Load Balancer and an endpoint service configuration; on Azure a Standard Load Balancer and a Private Link service.",
        "Adobe's page, Set up for bidirectional; Microsoft, private-link-service-overview";
    PREREQUISITES_IGNORED = "PL322", Warning, "prerequisites", "Prerequisites are ignored on a unidirectional request",
        ["Prerequisites are given, but a unidirectional connection does not need them."],
        "Remove them, or choose bidirectional.",
        "privatelink-service.txt, connection types";
    INTERFACE_ENDPOINT_LATER = "PL323", Info, "prerequisites.interface_endpoint", "Your endpoint to Adobe's service comes after the ticket",
        ["Your interface endpoint to Adobe's endpoint service is made after the ticket, once Adobe sends its name.",
         "Your private endpoint to Adobe's Private Link service is made after the ticket, once Adobe sends its name."],
        "Nothing to do now: you create your endpoint to Adobe's service once Adobe sends its name in the ticket (the guide has the command).",
        "Adobe's page, Enablement workflow steps 2-3 (against its Prerequisites)";

    CLUSTER_MISSING = "PL401", Error, "azure.cluster_id", "Azure cluster ID is missing",
        ["The Azure cluster ID is missing; Adobe needs it to find your cluster."],
        "On Staging or Production, open a shell with the ssh command the Cloud Console shows, run `cat /etc/platform_cluster` and enter what it prints.",
        "Adobe's page, Azure prerequisites; secure-connections.md";
    CLUSTER_FORMAT = "PL402", Error, "azure.cluster_id", "Azure cluster ID is not one token",
        ["{value} is not a cluster ID: it must be one word of letters, digits, dots, dashes and underscores."],
        "Enter exactly what `cat /etc/platform_cluster` prints: letters, digits, dots, dashes and underscores, without spaces.",
        "rules.md, What the ticket must carry (Azure, Adobe's current page)";
    AZURE_EXTRA_SUBSCRIPTION_FORMAT = "PL403", Error, "azure.subscription_ids[]", "Extra subscription ID is not a UUID",
        ["{value} is not a subscription ID, which reads 8-4-4-4-12 hexadecimal digits."],
        "Each subscription that will create Private Endpoint connections is a UUID (8-4-4-4-12 hex digits); copy it from Subscriptions in the Azure portal.",
        "rules.md, Identifier formats (Azure subscription ID)";
    AZURE_ON_AWS = "PL404", Warning, "azure", "Azure details on an AWS request",
        ["Azure details are given, but the cloud is AWS; they are ignored."],
        "The Azure details (cluster ID and subscription IDs) are ignored on AWS; remove them, or choose Azure as the {@cloud}.",
        "rules.md, What the ticket must carry";
    AZURE_SUBSCRIPTION_DUPLICATE = "PL405", Warning, "azure.subscription_ids[]", "Subscription ID listed twice",
        ["The subscription {id} is listed more than once."],
        "Remove the repeated subscription ID; it is counted once.",
        "rules.md, What the ticket must carry";

    CHANGES_MISSING = "PL501", Error, "changes", "Change request without changes",
        ["No change is listed; a change request needs at least one."],
        "Add at least one change: connect another environment or remove one, change the allowed account, add or remove an endpoint service Adobe connects to, or open or close ports.",
        SRC_CHANGES_NOW;
    CHANGE_ACTION_MISSING = "PL502", Error, "changes[].action", "A change has no action",
        ["This change has no action; say what should change."],
        "Choose what changes: connect another environment or remove one, change the allowed account, add or remove an endpoint service Adobe connects to, or open or close ports.",
        SRC_CHANGES_NOW;
    CHANGE_ACTION_UNKNOWN = "PL503", Error, "changes[].action", "Unknown change action",
        ["{value} is not a change action; did you mean {near}?",
         "{value} is not a change action; the actions are add_environment, remove_connection, change_account, add_endpoint_service, remove_endpoint_service, open_ports and close_ports."],
        "Use add_environment, remove_connection, change_account, add_endpoint_service, remove_endpoint_service, open_ports or close_ports.",
        SRC_CHANGES_NOW;
    CHANGE_FIELD_MISSING = "PL504", Error, "changes[].*", "A change lacks a field its action needs",
        ["This change needs {what}."],
        "Fill in what the change needs: the environment; the account allowed today and the new one; the endpoint service's name and ports (and, on AWS, that Adobe's principal is allowed); the ports to open or close.",
        SRC_CHANGES_NOW;
    CHANGE_DUPLICATE = "PL505", Error, "changes[].*", "The same change is listed twice",
        ["Adding the {env} environment is listed more than once.",
         "Removing the connection from {env} is listed more than once.",
         "Changing the account {id} is listed more than once.",
         "Adding {value} is listed more than once.",
         "Removing {value} is listed more than once.",
         "Opening these ports is listed more than once.",
         "Closing these ports is listed more than once."],
        "Each change is listed once; remove the repeated entry.",
        SRC_CHANGES;
    CHANGE_CONFLICT = "PL506", Error, "changes[].name" | "changes[].environment" | "changes[].ports[].port", "Two changes undo each other",
        ["Port {port}/{protocol} is both opened and closed in this request.",
         "The {env} environment is both added and removed in this request.",
         "{value} is both added and removed in this request.",
         "This change undoes an earlier one."],
        "Keep one of the two changes.",
        SRC_CHANGES_NOW;
    ACCOUNT_UNCHANGED = "PL507", Error, "changes[].to_account_id", "The new account is the account allowed today",
        ["The new account {id} is the account allowed today, so nothing would change."],
        "{@changes[].to_account_id} is for the account that connects from now on; it must differ from {@changes[].from_account_id}.",
        SRC_CHANGES;

    // PL599 is in every build: the page's main module, built without the change checks, says
    // that it cannot check a change request (the page then loads the module that can).
    CHANGE_UNAVAILABLE = "PL599", Error, "kind", "Change requests need the change checks",
        ["The request is a change request, which this build does not check: a verdict without those checks could be wrong."],
        "Check the request where the change checks run: the page loads them when a change is first asked for, a portal's code with loadEvidence(), and the CLI has them.",
        SRC_CHANGES_NOW;

    VPC_ID_FORMAT = "PL601", Error, "customer_network.vpc_id", "VPC ID is malformed",
        ["{value} is {other}, not a VPC ID.", "{value} is not a VPC ID: it reads vpc- followed by 8 or 17 lowercase hexadecimal digits."],
        "A VPC ID reads vpc- and 8 or 17 lowercase hexadecimal digits; the VPC console (Your VPCs) and `aws ec2 describe-vpcs` show it.",
        SRC_AWS_IDS;
    SUBNET_ID_FORMAT = "PL602", Error, "customer_network.subnet_ids[]", "Subnet ID is malformed",
        ["{value} is {other}, not a subnet ID.", "{value} is not a subnet ID: it reads subnet- followed by 8 or 17 lowercase hexadecimal digits."],
        "A subnet ID reads subnet- and 8 or 17 lowercase hexadecimal digits; the VPC console (Subnets) and `aws ec2 describe-subnets` show it.",
        SRC_AWS_IDS;
    SECURITY_GROUP_ID_FORMAT = "PL603", Error, "customer_network.security_group_ids[]", "Security group ID is malformed",
        ["{value} is {other}, not a security group ID.", "{value} is not a security group ID: it reads sg- followed by 8 or 17 lowercase hexadecimal digits."],
        "A security group ID reads sg- and 8 or 17 lowercase hexadecimal digits; the VPC console (Security groups) and `aws ec2 describe-security-groups` show it.",
        SRC_AWS_IDS;
    NETWORK_ID_DUPLICATE = "PL604", Warning, "customer_network.*[]", "Network ID listed twice",
        ["{id} is listed more than once."],
        "Remove the repeated ID; it is used once.",
        SRC_AWS_IDS;
    NETWORK_OTHER_CLOUD = "PL605", Warning, "customer_network.*", "Network field of the other cloud",
        ["The {other} field {label} is ignored: the cloud is {cloud}."],
        "On AWS give the VPC ID, subnet IDs and security group IDs; on Azure the resource group, virtual network name and subnet name. The other cloud's fields are ignored.",
        "privatelink-prep request format, version 1 (customer_network)";
    AZURE_NETWORK_NAME_FORMAT = "PL606", Error, "customer_network.*", "Azure network name is malformed",
        ["{value} is not {what}."],
        "Copy the name from the Azure portal: a resource group has 1-90 letters, digits, -_.() and does not end with a dot; a virtual network 2-64 and a subnet 1-80 letters, digits, -_. starting with a letter or digit and ending with one or _.",
        "Azure naming rules for Microsoft.Resources and Microsoft.Network (PSRule for Azure, Azure.VNET.Name)";
    ADOBE_SERVICE_IS_CUSTOMERS = "PL607", Error, "adobe_endpoint_service", "Adobe's endpoint service is one of the customer's",
        ["{value} is one of your own services under {@endpoint_services}, not Adobe's.",
         "{value} is a service of yours that this request adds, not Adobe's."],
        "Enter the name Adobe sends in its reply to the enablement ticket (workflow step 2), not one of your own services.",
        "privatelink-service.txt, Enablement workflow step 2";

    // Evidence (issue 14): the customer's own cloud command outputs. PL899 is in every build: the
    // page's main module, built without the evidence checks, says that it cannot read them.
    #[cfg(feature = "evidence")]
    EVIDENCE_ACCOUNT = "PL801", Error, "account_id", "The AWS commands ran in another account",
        ["{entry} ({command}) shows the AWS account {account}, not {value}."],
        "Enter the account the endpoint services and the connection belong to, or run the command with that account's credentials (--profile) and paste its output again.",
        SRC_EVIDENCE;
    #[cfg(feature = "evidence")]
    EVIDENCE_PARTITION = "PL802", Error, "region", "The AWS commands ran outside the commercial partition",
        ["{entry} ({command}) shows the partition {partition}: Adobe's principal is in the commercial partition aws, and PrivateLink permissions do not cross partitions."],
        "Use an account of the commercial partition (aws), in a region such as us-east-1, and paste the output of its credentials.",
        "rules.md, Regions (permissions do not cross partitions)";
    #[cfg(feature = "evidence")]
    EVIDENCE_SUBSCRIPTION = "PL803", Error, "account_id", "The Azure commands ran in another subscription",
        ["{entry} ({command}) shows the subscription {subscription}, which is neither {value} nor one of the other subscriptions that will connect."],
        "Enter this subscription, add it to the other subscriptions that will connect, or select the right one (az account set --subscription=...) and paste the output again.",
        SRC_EVIDENCE;
    #[cfg(feature = "evidence")]
    EVIDENCE_SUBSCRIPTION_STATE = "PL804", Warning, "account_id" | "azure.subscription_ids[]", "The Azure subscription is not enabled",
        ["{entry} ({command}) shows the subscription {value} in the state {state}, not Enabled."],
        "A subscription that is not enabled cannot create or keep connections: have it enabled before the ticket.",
        "Microsoft Learn, Azure subscription states";
    #[cfg(feature = "evidence")]
    EVIDENCE_SOVEREIGN = "PL805", Error, "region", "The Azure commands ran in a sovereign cloud",
        ["{entry} ({command}) shows the Azure cloud {environment}, not AzureCloud: Adobe Commerce runs in Azure's public cloud, and Private Link does not cross clouds."],
        "Sign in to the public Azure cloud (az cloud set --name=AzureCloud) with the subscription of the request, and paste the output again.",
        "rules.md, Regions (sovereign clouds cannot work)";
    #[cfg(feature = "evidence")]
    EVIDENCE_OTHER_CLOUD = "PL806", Error, "cloud", "An output of the other cloud",
        ["{entry} is the output of {command}, an {other} command, but the request is for {cloud}."],
        "Attach the outputs of the request's cloud, or correct the cloud platform.",
        SRC_EVIDENCE;
    #[cfg(feature = "evidence")]
    EVIDENCE_UNRECOGNISED = "PL807", Warning, "evidence[]" | "endpoint_services[].evidence[]", "An output that is not recognised",
        ["{label} is {what}, not the output of a command this tool reads; it is ignored.", "{label} is the output of {command}, which describes one endpoint service: attach it to the service it was run for; it is ignored here."],
        "Paste the whole JSON output of one of the commands the guide gives, as the command prints it (--output=json).",
        SRC_EVIDENCE;
    #[cfg(feature = "evidence")]
    EVIDENCE_NOT_JSON = "PL808", Warning, "evidence[]" | "endpoint_services[].evidence[]", "An output that is not JSON",
        ["{label} is not JSON ({why}); it is ignored.", "{label} has no output; it is ignored.", "{label} is {kib} KiB long, more than the {max} KiB of an output read; it is ignored."],
        "Run the command with --output=json and paste all that it prints, from the first brace to the last.",
        SRC_EVIDENCE;
    #[cfg(feature = "evidence")]
    EVIDENCE_TOO_MANY = "PL809", Error, "evidence" | "endpoint_services[].evidence", "Too many outputs",
        ["{label}: {count} outputs, more than the {max} that are read."],
        "Attach one output per command: each command the guide gives prints all a check needs.",
        SRC_EVIDENCE;
    #[cfg(feature = "evidence")]
    EVIDENCE_OTHER_SERVICE = "PL811", Error, "endpoint_services[].name", "The configuration is of another endpoint service",
        ["{entry} ({command}) describes {other}, not {value}.", "{entry} ({command}) lists {count} endpoint services, none of them {value}."],
        "Run the command for this endpoint service (--service-ids= its ID), or correct its name.",
        SRC_EVIDENCE;
    #[cfg(feature = "evidence")]
    EVIDENCE_SERVICE_STATE = "PL812", Error, "endpoint_services[].name", "The endpoint service is not available",
        ["{entry} ({command}) shows {value} in the state {state}, not Available."],
        "Adobe can connect only to an available endpoint service: wait until it is Available (or fix what failed), then paste the output again.",
        "AWS EC2 API reference, ServiceConfiguration (ServiceState)";
    #[cfg(feature = "evidence")]
    EVIDENCE_LB_REGION = "PL813", Error, "endpoint_services[].name", "The load balancer is in another region",
        ["{entry} ({command}) shows the load balancer of {value} in {inside}, not {region}."],
        "An endpoint service and its Network Load Balancer are in the region of the request: run the command in that region (--region=...), or correct the region.",
        "rules.md, Regions (same region)";
    #[cfg(feature = "evidence")]
    EVIDENCE_LB_ACCOUNT = "PL814", Error, "account_id", "An endpoint service belongs to another account",
        ["{entry} ({command}) shows the load balancer of {service} in the account {account}, not {value}."],
        "Enter the account that owns the endpoint services, or paste the output of that account's endpoint service.",
        SRC_EVIDENCE;
    #[cfg(feature = "evidence")]
    EVIDENCE_ACCEPTANCE = "PL815", Info, "endpoint_services[].name", "Connections to the endpoint service need acceptance",
        ["{entry} ({command}) shows that {value} requires acceptance: Adobe's connection waits until you accept it."],
        "After Adobe connects, accept its connection (aws ec2 accept-vpc-endpoint-connections; the guide gives the command).",
        "rules.md, Customer-side commands";
    #[cfg(feature = "evidence")]
    EVIDENCE_NO_NLB = "PL816", Error, "prerequisites.nlb", "The endpoint service has no Network Load Balancer",
        ["{entry} ({command}) shows no Network Load Balancer behind {value}.", "{entry} ({command}) shows {value} on a Gateway Load Balancer, not a Network Load Balancer."],
        "Adobe connects to an interface endpoint service on a Network Load Balancer: create one for the application, then paste the output again.",
        SRC_DOC;
    #[cfg(feature = "evidence")]
    EVIDENCE_PRINCIPAL = "PL821", Error, "endpoint_services[].principal_allowed", "Adobe's principal is not allowed on the endpoint service",
        ["{entry} ({command}) allows {principals}, not Adobe's principal arn:aws:iam::402592597372:root.", "{entry} ({command}) allows no principal, so not Adobe's arn:aws:iam::402592597372:root."],
        "Allow it (aws ec2 modify-vpc-endpoint-service-permissions --add-allowed-principals=arn:aws:iam::402592597372:root; the guide gives the command), then paste the permissions again.",
        SRC_DOC;
    #[cfg(feature = "evidence")]
    EVIDENCE_EVERYONE = "PL822", Warning, "endpoint_services[].principal_allowed", "Every AWS account is allowed on the endpoint service",
        ["{entry} ({command}) allows every principal (*), Adobe's among them."],
        "With * any AWS account may request a connection: allow arn:aws:iam::402592597372:root alone and remove *, unless you accept each connection yourself.",
        "AWS PrivateLink guide, Manage permissions";
    #[cfg(feature = "evidence")]
    EVIDENCE_PORT = "PL823", Error, "endpoint_services[].ports[].port", "No listener carries the port",
        ["{entry} ({command}) has no listener on port {value}; its listeners are {listeners}."],
        "Add a listener on this port to the Network Load Balancer, or correct the port, then paste the listeners again.",
        SRC_EVIDENCE;
    #[cfg(feature = "evidence")]
    EVIDENCE_PROTOCOL = "PL824", Error, "endpoint_services[].ports[].protocol", "The listener on the port carries another protocol",
        ["{entry} ({command}) has the listener {listener} on port {port}, which does not carry {protocol}."],
        "Give the protocol the listener carries (TCP for TCP and TLS listeners, UDP for UDP; TCP_UDP carries both), or change the listener.",
        "rules.md, Cloud command outputs (an NLB's protocols)";
    #[cfg(feature = "evidence")]
    EVIDENCE_NOT_NLB = "PL825", Warning, "endpoint_services[].evidence[]", "The listeners are not of a Network Load Balancer",
        ["{label} lists the listeners of the load balancer {lb}, which is not a Network Load Balancer."],
        "An endpoint service sends its connections to a Network Load Balancer: paste the listeners of that one (--load-balancer-arn= its ARN).",
        SRC_DOC;
    #[cfg(feature = "evidence")]
    EVIDENCE_OTHER_LB = "PL826", Warning, "endpoint_services[].evidence[]", "The listeners are of another load balancer",
        ["{label} lists the listeners of the load balancer {lb}, which is not one of this endpoint service's load balancers."],
        "Paste the listeners of the Network Load Balancer that the service configuration names.",
        SRC_EVIDENCE;
    #[cfg(feature = "evidence")]
    EVIDENCE_OTHER_PLS = "PL831", Error, "endpoint_services[].name", "The output is of another Private Link service",
        ["{entry} ({command}) describes {other}, not {value}."],
        "Run the command for this Private Link service (--ids= its resource ID), or correct the resource ID or alias.",
        SRC_EVIDENCE;
    #[cfg(feature = "evidence")]
    EVIDENCE_PLS_LOCATION = "PL832", Error, "endpoint_services[].name", "The Private Link service is in another region",
        ["{entry} ({command}) shows {value} in {location}, not {region}."],
        "A Private Link service Adobe connects to is in the region of the request: correct the region, or name a service in it.",
        "rules.md, Regions (same region)";
    #[cfg(feature = "evidence")]
    EVIDENCE_PLS_SUBSCRIPTION = "PL833", Error, "account_id", "A Private Link service belongs to another subscription",
        ["{entry} ({command}) shows {service} in the subscription {subscription}, which is neither {value} nor one of the other subscriptions that will connect."],
        "Enter the subscription of the Private Link services, or add it to the other subscriptions that will connect.",
        SRC_EVIDENCE;
    #[cfg(feature = "evidence")]
    EVIDENCE_PLS_STATE = "PL834", Error, "endpoint_services[].name", "The Private Link service is not provisioned",
        ["{entry} ({command}) shows {value} in the provisioning state {state}, not Succeeded."],
        "Adobe can connect only to a Private Link service whose provisioning succeeded: fix or wait for it, then paste the output again.",
        "Azure REST API reference, PrivateLinkService (provisioningState)";
    #[cfg(feature = "evidence")]
    EVIDENCE_NO_FRONTEND = "PL835", Error, "prerequisites.nlb", "The Private Link service has no load balancer frontend",
        ["{entry} ({command}) shows no load balancer frontend IP configuration behind {value}."],
        "A Private Link service needs a Standard Load Balancer's frontend IP configuration: add one, then paste the output again.",
        "rules.md, Corrections (Azure load balancer)";
    EVIDENCE_UNAVAILABLE = "PL899", Error, "evidence" | "endpoint_services[].evidence", "Cloud command outputs need the evidence checks",
        ["The request holds cloud command outputs, which this build does not read: a verdict without them could be wrong."],
        "Check the request where the evidence checks run (the page loads them when an output is pasted; the CLI has them), or remove the outputs.",
        SRC_EVIDENCE;
}

impl Rule {
    /// The fields the rule concerns: `field`, then `other_fields`.
    pub fn fields(&self) -> impl Iterator<Item = &'static str> {
        core::iter::once(self.field).chain(self.other_fields.iter().copied())
    }

    /// Whether a diagnostic's field (e.g. `endpoint_services[1].ports[0].port`) is one the rule
    /// concerns. List indices are compared as `[]`; in a pattern, `*` stands for any run of
    /// characters, and the empty pattern for the document itself.
    pub fn concerns(&self, field: &str) -> bool {
        let path = without_indices(field);
        self.fields().any(|p| glob(p.as_bytes(), path.as_bytes()))
    }
}

/// `a[12].b[0]` -> `a[].b[]`.
pub(crate) fn without_indices(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut in_index = false;
    for c in field.chars() {
        match c {
            '[' => in_index = true,
            ']' => in_index = false,
            _ if in_index && c.is_ascii_digit() => continue,
            _ => {}
        }
        out.push(c);
    }
    out
}

/// Wildcard match: `*` matches any run of bytes, every other byte itself.
fn glob(pattern: &[u8], s: &[u8]) -> bool {
    match pattern.split_first() {
        None => s.is_empty(),
        Some((b'*', rest)) => (0..=s.len()).any(|i| glob(rest, &s[i..])),
        Some((c, rest)) => s.first() == Some(c) && glob(rest, &s[1..]),
    }
}

/// Looks a rule up by its code.
pub fn find(code: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.code == code)
}

/// The catalogue as Markdown. `docs/rules.md` holds this text; a test keeps the two equal.
pub fn catalogue_markdown() -> String {
    let mut out = String::from(
        "# Rule catalogue\n\n\
         Generated from `src/rules.rs` by `privatelink-prep rules --format markdown`; do not edit by hand.\n\
         Every diagnostic carries its rule's code and severity, the field it concerns, one message\n\
         naming the value, and the help below (some rules tailor it to the value). Where the fix is\n\
         known it carries `suggestion`, the value to use; `suggestions`, every choice when there are\n\
         several; or `split`, the values one field holds that each need a row of their own, such as\n\
         the ports of `80,443` (PL202): the row is replaced by one copy per value, its other fields\n\
         kept, and there is no `suggestion`. A rule named for\n\
         several fields is reported on each; `[]` stands for any list index and `*` for any name.\n\
         Sources: \"Adobe's page\" is Adobe's current PrivateLink page (AdobeDocs/commerce-on-cloud.en\n\
         `help/cloud-guide/development/privatelink-service.md`, revised 2025-09-12); `second-staging.md`\n\
         and `secure-connections.md` are `help/cloud-guide/test/second-staging.md` and\n\
         `help/cloud-guide/development/secure-connections.md` of the same repository;\n\
         `privatelink-service.txt` and `rules.md` are in `../shared/reference/`.\n\n\
         | Code | Severity | Field | Rule | Messages | Help | Source |\n|---|---|---|---|---|---|---|\n",
    );
    for r in RULES {
        let field = r
            .fields()
            .map(|f| {
                if f.is_empty() {
                    "(document)".to_string()
                } else {
                    format!("`{f}`")
                }
            })
            .collect::<Vec<_>>()
            .join(", ");
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            r.code,
            r.severity.as_str(),
            field,
            r.title,
            r.messages.join("<br>").replace('|', "\\|"),
            r.help.replace('|', "\\|"),
            r.source
        ));
    }
    out.push_str(
        "\n## Field labels\n\n\
         Each field's label as the form shows it, and as messages and help name it (`{n}` is the\n\
         position of the entry in its list, from 1). The page reads these labels from the core. A\n\
         case in parentheses is the form's control for that case of the field.\n\n\
         | Field | AWS | Azure |\n|---|---|---|\n",
    );
    for l in crate::labels::all() {
        out.push_str(&format!("| `{}` | {} | {} |\n", l.field, l.aws, l.azure));
    }
    out
}
