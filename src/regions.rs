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
    /// A commercial AWS region that is announced but not yet in service: botocore's
    /// `partitions.json` names it, its `endpoints.json` does not serve it yet.
    Announced,
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
            Availability::Usable | Availability::Restricted | Availability::Announced
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
            // region, partition, description, note
            let availability = match row[1] {
                "aws" if crate::text::contains(row[3], "partitions.json only") => {
                    Availability::Announced
                }
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
            let availability = if crate::text::contains(flags, "sovereign") {
                Availability::Sovereign(row[1])
            } else if crate::text::contains(flags, "restricted-access") {
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
/// of their name (see `text::key`): countries, states and cities, one a line, with the regions
/// there on both clouds (codes do not overlap). Checked on 2026-12-01 against:
/// - AWS: the place in each region's name (the description column of aws-regions.tsv, from
///   botocore's partitions.json, as AWS's own list names them:
///   docs.aws.amazon.com/global-infrastructure/latest/regions/aws-region-billing-codes.html).
/// - Azure: the "Physical location" and "Geography" columns of Microsoft's Azure regions list
///   (learn.microsoft.com/azure/reliability/regions-list; MicrosoftDocs/reliability-docs
///   articles/reliability/regions-list.md, ms.date 2025-09-23). India South Central (Hyderabad)
///   is newer than that version and is from Microsoft's launch announcement.
///
/// A region announced but not yet in service (PL128) stays listed: the check names it without
/// offering it (`check::fields`).
const PLACES: &str = concat!(
    "ireland eu-west-1 northeurope\n",
    "dublin eu-west-1 northeurope\n",
    "netherlands westeurope\n",
    "amsterdam westeurope\n",
    "holland westeurope\n",
    "germany eu-central-1 germanywestcentral germanynorth\n",
    "frankfurt eu-central-1 germanywestcentral\n",
    "berlin germanynorth\n",
    "japan ap-northeast-1 ap-northeast-3 japaneast japanwest\n",
    "tokyo ap-northeast-1 japaneast\n",
    "saitama japaneast\n",
    "osaka ap-northeast-3 japanwest\n",
    "uk eu-west-2 uksouth ukwest\n",
    "unitedkingdom eu-west-2 uksouth ukwest\n",
    "england eu-west-2 uksouth\n",
    "britain eu-west-2 uksouth ukwest\n",
    "greatbritain eu-west-2 uksouth ukwest\n",
    "london eu-west-2 uksouth\n",
    "cardiff ukwest\n",
    "wales ukwest\n",
    "france eu-west-3 francecentral francesouth\n",
    "paris eu-west-3 francecentral\n",
    "marseille francesouth\n",
    "italy eu-south-1 italynorth\n",
    "milan eu-south-1 italynorth\n",
    "spain eu-south-2 spaincentral\n",
    "madrid spaincentral\n",
    "switzerland eu-central-2 switzerlandnorth switzerlandwest\n",
    "zurich eu-central-2 switzerlandnorth\n",
    "geneva switzerlandwest\n",
    "sweden eu-north-1 swedencentral\n",
    "stockholm eu-north-1\n",
    "gavle swedencentral\n",
    "norway norwayeast norwaywest\n",
    "oslo norwayeast\n",
    "stavanger norwaywest\n",
    "poland polandcentral\n",
    "warsaw polandcentral\n",
    "austria austriaeast\n",
    "vienna austriaeast\n",
    "belgium belgiumcentral\n",
    "brussels belgiumcentral\n",
    "denmark denmarkeast\n",
    "copenhagen denmarkeast\n",
    "india ap-south-1 ap-south-2 centralindia southindia westindia indiasouthcentral\n",
    "mumbai ap-south-1 westindia\n",
    "hyderabad ap-south-2 indiasouthcentral\n",
    "pune centralindia\n",
    "chennai southindia\n",
    "australia ap-southeast-2 ap-southeast-4 australiaeast australiasoutheast australiacentral australiacentral2\n",
    "sydney ap-southeast-2 australiaeast\n",
    "newsouthwales ap-southeast-2 australiaeast\n",
    "melbourne ap-southeast-4 australiasoutheast\n",
    "victoria ap-southeast-4 australiasoutheast\n",
    "canberra australiacentral australiacentral2\n",
    "singapore ap-southeast-1 southeastasia\n",
    "hongkong ap-east-1 eastasia\n",
    "taiwan ap-east-2\n",
    "taipei ap-east-2\n",
    "korea ap-northeast-2 koreacentral koreasouth\n",
    "southkorea ap-northeast-2 koreacentral koreasouth\n",
    "seoul ap-northeast-2 koreacentral\n",
    "busan koreasouth\n",
    "indonesia ap-southeast-3 indonesiacentral\n",
    "jakarta ap-southeast-3 indonesiacentral\n",
    "malaysia ap-southeast-5 malaysiawest\n",
    "kualalumpur malaysiawest\n",
    "newzealand ap-southeast-6 newzealandnorth\n",
    "auckland newzealandnorth\n",
    "thailand ap-southeast-7\n",
    "canada ca-central-1 ca-west-1 canadacentral canadaeast\n",
    "calgary ca-west-1\n",
    "toronto canadacentral\n",
    "quebec canadaeast\n",
    "brazil sa-east-1 brazilsouth brazilsoutheast\n",
    "saopaulo sa-east-1 brazilsouth\n",
    "rio brazilsoutheast\n",
    "riodejaneiro brazilsoutheast\n",
    "chile sa-west-1 chilecentral\n",
    "santiago sa-west-1 chilecentral\n",
    "mexico mx-central-1 mexicocentral\n",
    "queretaro mx-central-1 mexicocentral\n",
    "us us-east-1 us-east-2 us-west-1 us-west-2 centralus eastus eastus2 northcentralus southcentralus westcentralus westus westus2 westus3\n",
    "usa us-east-1 us-east-2 us-west-1 us-west-2 centralus eastus eastus2 northcentralus southcentralus westcentralus westus westus2 westus3\n",
    "unitedstates us-east-1 us-east-2 us-west-1 us-west-2 centralus eastus eastus2 northcentralus southcentralus westcentralus westus westus2 westus3\n",
    "virginia us-east-1 eastus eastus2\n",
    "nvirginia us-east-1\n",
    "ohio us-east-2\n",
    "california us-west-1 westus\n",
    "ncalifornia us-west-1\n",
    "oregon us-west-2\n",
    "iowa centralus\n",
    "illinois northcentralus\n",
    "texas southcentralus\n",
    "washington westus2\n",
    "arizona westus3\n",
    "phoenix westus3\n",
    "wyoming westcentralus\n",
    "israel il-central-1 israelcentral\n",
    "telaviv il-central-1\n",
    "uae me-central-1 uaenorth uaecentral\n",
    "unitedarabemirates me-central-1 uaenorth uaecentral\n",
    "dubai uaenorth\n",
    "abudhabi uaecentral\n",
    "bahrain me-south-1\n",
    "saudiarabia me-west-1\n",
    "qatar qatarcentral\n",
    "doha qatarcentral\n",
    "southafrica af-south-1 southafricanorth southafricawest\n",
    "capetown af-south-1 southafricawest\n",
    "johannesburg southafricanorth\n",
);

/// The selectable regions of `cloud` at the place `typed_key` names, in table order.
fn places(cloud: Cloud, typed_key: &str) -> Vec<&'static Region> {
    let codes = PLACES
        .lines()
        .find_map(|line| line.strip_prefix(typed_key)?.strip_prefix(' '))
        .unwrap_or_default();
    codes
        .split(' ')
        .filter_map(|code| by_code(cloud, code).filter(|r| r.is_selectable()))
        .collect()
}
