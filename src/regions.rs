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
                "aws" if row[3].contains("partitions.json only") => Availability::Announced,
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
