//! The region tables of both clouds, and the lookup that turns what a user typed into a region.
//!
//! The tables are `data/aws-regions.tsv` (botocore's `partitions.json`) and
//! `data/azure-regions.tsv` (Microsoft's regions list); see the comments at their top. `build.rs`
//! embeds their rows with the columns read here.

use std::sync::OnceLock;

use crate::text::{edit_distance, key};

/// The two clouds Adobe Commerce runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cloud {
    /// Amazon Web Services.
    Aws,
    /// Microsoft Azure.
    Azure,
}

impl Cloud {
    /// The document value: `aws` or `azure`.
    pub fn as_str(self) -> &'static str {
        match self {
            Cloud::Aws => "aws",
            Cloud::Azure => "azure",
        }
    }

    /// The name people use: `AWS` or `Azure`.
    pub fn label(self) -> &'static str {
        match self {
            Cloud::Aws => "AWS",
            Cloud::Azure => "Azure",
        }
    }

    /// The product's name on this cloud: `AWS PrivateLink` or `Azure Private Link`.
    pub fn product(self) -> &'static str {
        match self {
            Cloud::Aws => "AWS PrivateLink",
            Cloud::Azure => "Azure Private Link",
        }
    }

    /// What this cloud calls the customer's private network: `VPC` or `virtual network`.
    pub fn network(self) -> &'static str {
        match self {
            Cloud::Aws => "VPC",
            Cloud::Azure => "virtual network",
        }
    }

    /// Reads a document value, ignoring case and surrounding space.
    pub fn parse(s: &str) -> Option<Cloud> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("aws") {
            Some(Cloud::Aws)
        } else if s.eq_ignore_ascii_case("azure") {
            Some(Cloud::Azure)
        } else {
            None
        }
    }
}

/// Whether a region can carry an Adobe Commerce PrivateLink connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Availability {
    /// A commercial AWS region or an Azure public region.
    Usable,
    /// An Azure public region that needs an access request.
    Restricted,
    /// An AWS region of another partition (the value names it, e.g. `aws-us-gov`).
    OtherPartition(&'static str),
    /// An Azure sovereign-cloud region (the value names the cloud, e.g. `AzureChinaCloud`).
    Sovereign(&'static str),
}

/// One row of a region table.
#[derive(Debug, PartialEq, Eq)]
pub struct Region {
    /// The cloud the region belongs to.
    pub cloud: Cloud,
    /// The programmatic name, e.g. `eu-west-1` or `westeurope`.
    pub code: &'static str,
    /// The display name, e.g. `Europe (Ireland)` or `West Europe`.
    pub name: &'static str,
    /// Whether PrivateLink can use it.
    pub availability: Availability,
}

impl Region {
    /// True for regions a request may name (usable or restricted).
    pub fn is_selectable(&self) -> bool {
        matches!(
            self.availability,
            Availability::Usable | Availability::Restricted
        )
    }
}

const AWS_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/aws-regions.tsv"));
const AZURE_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/azure-regions.tsv"));

/// Every region of both tables, AWS first, in table order.
pub fn all() -> &'static [Region] {
    static TABLE: OnceLock<Vec<Region>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut regions = Vec::with_capacity(140);
        for row in rows(AWS_TSV) {
            // region, partition, description
            let availability = match row[1] {
                "aws" => Availability::Usable,
                partition => Availability::OtherPartition(partition),
            };
            regions.push(Region {
                cloud: Cloud::Aws,
                code: row[0],
                name: row[2],
                availability,
            });
        }
        for row in rows(AZURE_TSV) {
            // name, cloud, display name, flags
            let flags = row[3];
            let availability = if flags.contains("sovereign") {
                Availability::Sovereign(row[1])
            } else if flags.contains("restricted-access") {
                Availability::Restricted
            } else {
                Availability::Usable
            };
            regions.push(Region {
                cloud: Cloud::Azure,
                code: row[0],
                name: row[2],
                availability,
            });
        }
        regions
    })
}

/// The rows of a table as `build.rs` wrote it: every row has every kept column.
fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines().map(|l| l.split('\t').collect::<Vec<_>>())
}

/// The regions of one cloud that a request may name, in table order.
pub fn selectable(cloud: Cloud) -> impl Iterator<Item = &'static Region> {
    all()
        .iter()
        .filter(move |r| r.cloud == cloud && r.is_selectable())
}

/// Finds a region of `cloud` by its exact code.
pub fn by_code(cloud: Cloud, code: &str) -> Option<&'static Region> {
    all().iter().find(|r| r.cloud == cloud && r.code == code)
}

/// What a typed region turned out to be.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    /// A region of the cloud, by its code (ignoring case and surrounding space).
    Code(&'static Region),
    /// A region of the cloud, by its display name.
    DisplayName(&'static Region),
    /// A region of the other cloud.
    OtherCloud(&'static Region),
    /// A city or country: the selectable regions there (one or more).
    Place(Vec<&'static Region>),
    /// No region; the closest selectable one, if any is close.
    Unknown(Option<&'static Region>),
}

/// Reads what a user typed as a region of `cloud`.
pub fn lookup(cloud: Cloud, input: &str) -> Lookup {
    let typed = input.trim();
    let lower = typed.to_ascii_lowercase();
    let typed_key = key(typed);
    let own = || all().iter().filter(move |r| r.cloud == cloud);
    if let Some(r) = own().find(|r| r.code == lower) {
        return Lookup::Code(r);
    }
    if let Some(r) = own().find(|r| r.name.eq_ignore_ascii_case(typed)) {
        return Lookup::DisplayName(r);
    }
    // Azure display names are the code with spaces and capitals ("West Europe").
    if cloud == Cloud::Azure {
        if let Some(r) = own().find(|r| r.code == typed_key) {
            return Lookup::DisplayName(r);
        }
    }
    if let Some(r) = all()
        .iter()
        .find(|r| r.cloud != cloud && (r.code == lower || r.name.eq_ignore_ascii_case(typed)))
    {
        return Lookup::OtherCloud(r);
    }
    let here = places(cloud, &typed_key);
    if !here.is_empty() {
        return Lookup::Place(here);
    }
    Lookup::Unknown(closest(cloud, &lower, &typed_key))
}

/// The selectable region closest to a typo: same letters and digits (`euwest1`), or within two
/// edits of the code or the display name.
fn closest(cloud: Cloud, lower: &str, typed_key: &str) -> Option<&'static Region> {
    if typed_key.is_empty() || lower.len() > 64 {
        return None;
    }
    if let Some(r) = selectable(cloud).find(|r| key(r.code) == typed_key) {
        return Some(r);
    }
    let mut best: Option<(usize, &'static Region)> = None;
    for r in selectable(cloud) {
        let d = edit_distance(lower, r.code).min(edit_distance(typed_key, &key(r.name)));
        if d <= 2 && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, r));
        }
    }
    best.map(|(_, r)| r)
}

/// Places that name a region without being its code or display name, by the letters and digits
/// of their name (see `text::key`): countries and cities. The regions of both clouds are listed
/// together (codes do not overlap); the AWS places come from the region descriptions
/// (aws-regions.tsv), the Azure ones from the physical location column of Microsoft's Azure
/// regions list (learn.microsoft.com/azure/reliability/regions-list). A place inside an AWS
/// description ("Europe (Ireland)") and a country that starts an Azure display name ("Japan
/// East") are found from the tables themselves.
const PLACES: &[(&str, &[&str])] = &[
    ("ireland", &["northeurope"]),
    ("dublin", &["eu-west-1", "northeurope"]),
    ("netherlands", &["westeurope"]),
    ("amsterdam", &["westeurope"]),
    ("holland", &["westeurope"]),
    ("germany", &["eu-central-1"]),
    ("frankfurt", &["germanywestcentral"]),
    ("berlin", &["germanynorth"]),
    ("tokyo", &["japaneast"]),
    ("saitama", &["japaneast"]),
    ("osaka", &["japanwest"]),
    ("japan", &["ap-northeast-1", "ap-northeast-3"]),
    ("uk", &["eu-west-2"]),
    ("unitedkingdom", &["eu-west-2", "uksouth", "ukwest"]),
    ("england", &["eu-west-2", "uksouth"]),
    ("britain", &["eu-west-2", "uksouth", "ukwest"]),
    ("greatbritain", &["eu-west-2", "uksouth", "ukwest"]),
    ("london", &["uksouth"]),
    ("cardiff", &["ukwest"]),
    ("wales", &["ukwest"]),
    ("france", &["eu-west-3"]),
    ("paris", &["francecentral"]),
    ("marseille", &["francesouth"]),
    ("italy", &["eu-south-1"]),
    ("milan", &["italynorth"]),
    ("madrid", &["spaincentral"]),
    ("switzerland", &["eu-central-2"]),
    ("zurich", &["switzerlandnorth"]),
    ("geneva", &["switzerlandwest"]),
    ("sweden", &["eu-north-1"]),
    ("oslo", &["norwayeast"]),
    ("stavanger", &["norwaywest"]),
    ("warsaw", &["polandcentral"]),
    ("vienna", &["austriaeast"]),
    ("brussels", &["belgiumcentral"]),
    ("copenhagen", &["denmarkeast"]),
    (
        "india",
        &[
            "ap-south-1",
            "ap-south-2",
            "centralindia",
            "southindia",
            "westindia",
        ],
    ),
    ("mumbai", &["westindia"]),
    ("pune", &["centralindia"]),
    ("chennai", &["southindia"]),
    ("hyderabad", &["indiasouthcentral"]),
    ("australia", &["ap-southeast-2", "ap-southeast-4"]),
    ("sydney", &["australiaeast"]),
    ("newsouthwales", &["australiaeast"]),
    ("melbourne", &["australiasoutheast"]),
    ("victoria", &["australiasoutheast"]),
    ("canberra", &["australiacentral", "australiacentral2"]),
    ("singapore", &["southeastasia"]),
    ("hongkong", &["eastasia"]),
    ("korea", &["ap-northeast-2"]),
    (
        "southkorea",
        &["ap-northeast-2", "koreacentral", "koreasouth"],
    ),
    ("seoul", &["koreacentral"]),
    ("busan", &["koreasouth"]),
    ("taiwan", &["ap-east-2"]),
    ("indonesia", &["ap-southeast-3"]),
    ("jakarta", &["indonesiacentral"]),
    ("kualalumpur", &["malaysiawest"]),
    ("auckland", &["newzealandnorth"]),
    ("canada", &["ca-central-1", "ca-west-1"]),
    ("toronto", &["canadacentral"]),
    ("quebec", &["canadaeast"]),
    ("quebeccity", &["canadaeast"]),
    ("brazil", &["sa-east-1"]),
    ("saopaulo", &["brazilsouth"]),
    ("riodejaneiro", &["brazilsoutheast"]),
    ("santiago", &["chilecentral"]),
    ("queretaro", &["mexicocentral"]),
    ("mexico", &["mx-central-1"]),
    ("virginia", &["eastus", "eastus2"]),
    ("iowa", &["centralus"]),
    ("illinois", &["northcentralus"]),
    ("texas", &["southcentralus"]),
    ("california", &["westus"]),
    ("washington", &["westus2"]),
    ("arizona", &["westus3"]),
    ("wyoming", &["westcentralus"]),
    ("usa", &["us-east-1", "us-east-2", "us-west-1", "us-west-2"]),
    ("us", &["us-east-1", "us-east-2", "us-west-1", "us-west-2"]),
    (
        "unitedstates",
        &["us-east-1", "us-east-2", "us-west-1", "us-west-2"],
    ),
    ("israel", &["il-central-1", "israelcentral"]),
    ("uae", &["me-central-1"]),
    (
        "unitedarabemirates",
        &["me-central-1", "uaenorth", "uaecentral"],
    ),
    ("dubai", &["uaenorth"]),
    ("abudhabi", &["uaecentral"]),
    ("southafrica", &["af-south-1"]),
    ("johannesburg", &["southafricanorth"]),
    ("capetown", &["southafricawest"]),
    ("doha", &["qatarcentral"]),
];

/// The selectable regions of `cloud` at the place `typed_key` names, in table order.
fn places(cloud: Cloud, typed_key: &str) -> Vec<&'static Region> {
    if typed_key.len() < 2 {
        return Vec::new();
    }
    let listed = PLACES
        .iter()
        .filter(|(place, _)| *place == typed_key)
        .flat_map(|(_, codes)| codes.iter());
    let mut out: Vec<&'static Region> = Vec::new();
    for r in selectable(cloud) {
        let name = key(r.name);
        let found = match cloud {
            // "Europe (Ireland)", "US East (N. Virginia)": the place in parentheses.
            Cloud::Aws => r.name.split_once('(').is_some_and(|(_, p)| {
                let p = key(p);
                p != "central" && (p == typed_key || p.strip_prefix('n') == Some(typed_key))
            }),
            // "Japan East", "South Africa North": the country, then only compass words.
            Cloud::Azure => name
                .strip_prefix(typed_key)
                .is_some_and(|rest| !rest.is_empty() && only_compass(rest)),
        };
        if found {
            out.push(r);
        }
    }
    for code in listed {
        if let Some(r) = by_code(cloud, code).filter(|r| r.is_selectable()) {
            if !out.contains(&r) {
                out.push(r);
            }
        }
    }
    out
}

/// True when `s` is made of compass words and digits only (`westcentral`, `east2`).
fn only_compass(mut s: &str) -> bool {
    while !s.is_empty() {
        let before = s.len();
        for w in ["north", "south", "east", "west", "central", "2", "3"] {
            if let Some(rest) = s.strip_prefix(w) {
                s = rest;
            }
        }
        if s.len() == before {
            return false;
        }
    }
    true
}
