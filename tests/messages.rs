//! Every message template of the catalogue, filled as a customer meets it: realistic values,
//! the field's label on the request's cloud. `tests/snapshots/messages.txt` holds them all, to
//! be read (and reviewed like code) as a customer reads them; `UPDATE_SNAPSHOTS=1` rewrites it.
//! Native only: the snapshot is a file.
//! The snapshot holds the whole catalogue, evidence rules included: with the feature only.
#![cfg(all(not(target_arch = "wasm32"), feature = "evidence"))]

mod common;

use privatelink_prep::regions::Cloud;
use privatelink_prep::rules::RULES;
use privatelink_prep::Diagnostic;

const AWS: Option<Cloud> = Some(Cloud::Aws);
const AZ: Option<Cloud> = Some(Cloud::Azure);

/// (code, template, field, cloud, args): one realistic case of each template.
type Sample = (
    &'static str,
    usize,
    &'static str,
    Option<Cloud>,
    &'static [(&'static str, &'static str)],
);

const SAMPLES: &[Sample] = &[
    ("PL001", 0, "", None, &[("what", "a list")]),
    ("PL002", 0, "", None, &[]),
    ("PL002", 1, "company", AWS, &[("kib", "1,200")]),
    ("PL003", 0, "version", None, &[("n", "2")]),
    ("PL003", 1, "version", None, &[("what", "the text \"1\"")]),
    ("PL004", 0, "projekt_id", None, &[("value", "\"projekt_id\"")]),
    ("PL004", 1, "projekt_id", None, &[("value", "\"projekt_id\""), ("near", "project_id")]),
    ("PL005", 0, "changes", AWS, &[("expected", "a list, one entry per change"), ("what", "the text \"add_environment\"")]),
    ("PL005", 0, "ports", AWS, &[("expected", "a list of {service, port, protocol} entries"), ("what", "the number 443")]),
    ("PL005", 1, "account_id", AZ, &[]),
    ("PL006", 0, "kind", None, &[("value", "\"update\"")]),
    ("PL007", 0, "ports[0].service", AWS, &[("count", "2,048"), ("max", "1,000")]),
    ("PL008", 0, "region", AWS, &[("value", "\"region\"")]),
    ("PL015", 0, "", None, &[("what", "a BigInt")]),
    ("PL015", 1, "ports[0].port", AWS, &[("what", "NaN")]),
    ("PL016", 0, "", None, &[("value", "\"TypeError: boom\"")]),
    ("PL016", 1, "", None, &[]),
    ("PL016", 2, "", None, &[("why", "not valid UTF-8")]),
    ("PL017", 0, "", None, &[("max", "64")]),
    ("PL018", 0, "", None, &[("max", "200"), ("more", "57"), ("errors", "12")]),
    ("PL019", 0, "", None, &[("max", "200"), ("more", "3")]),
    ("PL101", 0, "company", AWS, &[]),
    ("PL102", 0, "company", AWS, &[("value", "\"Acme\\nLtd\"")]),
    ("PL103", 0, "company", AWS, &[("count", "140"), ("max", "100")]),
    ("PL111", 0, "cloud", None, &[]),
    ("PL112", 0, "cloud", None, &[("value", "\"gcp\"")]),
    ("PL121", 0, "region", AWS, &[]),
    ("PL122", 0, "region", AWS, &[("value", "\"eu-west-9\""), ("cloud", "AWS"), ("code", "eu-west-1"), ("name", "Europe (Ireland)")]),
    ("PL122", 1, "region", AZ, &[("value", "\"moon\""), ("cloud", "Azure")]),
    ("PL123", 0, "region", AZ, &[("value", "\"West Europe\""), ("code", "westeurope")]),
    ("PL124", 0, "region", AWS, &[("code", "us-gov-west-1"), ("name", "AWS GovCloud (US-West)"), ("partition", "aws-us-gov")]),
    ("PL125", 0, "region", AZ, &[("code", "chinaeast2"), ("name", "China East 2"), ("sovereign", "AzureChinaCloud")]),
    ("PL126", 0, "region", AZ, &[("code", "germanynorth"), ("name", "Germany North")]),
    ("PL127", 0, "region", AZ, &[("value", "\"eu-west-1\""), ("other", "AWS"), ("cloud", "Azure")]),
    ("PL128", 0, "region", AWS, &[("code", "me-west-1"), ("name", "Middle East (Saudi Arabia)")]),
    ("PL129", 0, "region", AWS, &[("value", "\"Ireland\""), ("cloud", "AWS"), ("choices", "eu-west-1, Europe (Ireland)")]),
    ("PL129", 1, "region", AZ, &[("value", "\"Japan\""), ("cloud", "Azure"), ("choices", "japaneast, Japan East; or japanwest, Japan West")]),
    ("PL129", 2, "region", AWS, &[("value", "\"Saudi Arabia\""), ("cloud", "AWS"), ("choices", "me-west-1, Middle East (Saudi Arabia)")]),
    ("PL131", 0, "account_id", AZ, &[]),
    ("PL132", 0, "account_id", AWS, &[("value", "\"12345678901\""), ("count", "11")]),
    ("PL132", 1, "changes[0].to_account_id", AWS, &[("value", "\"12345678901x\"")]),
    ("PL133", 0, "account_id", AWS, &[("value", "\"1234-5678-9012\""), ("id", "123456789012")]),
    ("PL134", 0, "account_id", AWS, &[("value", "\"11111111-2222-3333-4444-555555555555\"")]),
    ("PL135", 0, "account_id", AZ, &[("value", "\"1111-2222\"")]),
    ("PL136", 0, "changes[0].from_account_id", AZ, &[("value", "\"123456789012\"")]),
    ("PL137", 0, "account_id", AWS, &[("id", "402592597372")]),
    ("PL139", 0, "account_id", AWS, &[("value", "\"arn:aws:iam::123456789012:user/admin\""), ("id", "123456789012")]),
    ("PL139", 1, "account_id", AWS, &[("id", "123456789012")]),
    ("PL141", 0, "project_id", AWS, &[]),
    ("PL142", 0, "project_id", AWS, &[("value", "\"yw1unoukjcaw\""), ("count", "12")]),
    ("PL142", 1, "project_id", AWS, &[("value", "\"yw1unouk-cawe\"")]),
    ("PL143", 0, "project_id", AWS, &[("value", "\"YW1UNOUKJCAWE\""), ("id", "yw1unoukjcawe")]),
    ("PL149", 0, "project_id", AWS, &[("id", "yw1unoukjcawe")]),
    ("PL151", 0, "plan", AWS, &[]),
    ("PL152", 0, "plan", AWS, &[]),
    ("PL153", 0, "plan", AWS, &[("value", "\"enterprise\"")]),
    ("PL161", 0, "environments", AWS, &[]),
    ("PL162", 0, "environments[1]", AWS, &[]),
    ("PL162", 1, "environments[0]", AWS, &[]),
    ("PL162", 2, "environments[0]", AWS, &[("value", "\"master\"")]),
    ("PL162", 3, "environments[0]", AWS, &[]),
    ("PL162", 4, "environments[0]", AWS, &[("value", "\"prod\""), ("near", "production")]),
    ("PL162", 5, "changes[0].environment", AWS, &[("value", "\"stagin\""), ("near", "staging")]),
    ("PL162", 6, "environments[0]", AWS, &[("value", "\"preview\"")]),
    ("PL163", 0, "environments[2]", AWS, &[("env", "Production")]),
    ("PL164", 0, "environments[2]", AWS, &[("value", "\"staging2\"")]),
    ("PL171", 0, "connection_type", AWS, &[]),
    ("PL172", 0, "connection_type", AWS, &[("value", "\"both\"")]),
    ("PL201", 0, "changes[0].ports", AWS, &[]),
    ("PL202", 0, "ports[0].port", AWS, &[]),
    ("PL202", 1, "ports[0].port", AWS, &[("value", "\"http\"")]),
    ("PL202", 2, "ports[0].port", AWS, &[]),
    ("PL202", 3, "ports[0].port", AWS, &[("value", "\"514/udp\""), ("port", "514"), ("protocol", "UDP")]),
    ("PL202", 4, "ports[0].port", AWS, &[("value", "\"80,443\""), ("count", "2"), ("ports", "80 and 443")]),
    ("PL202", 5, "endpoint_services[0].ports[0].port", AZ, &[("value", "\"8000-8003\""), ("count", "4"), ("ports", "8000, 8001, 8002 and 8003")]),
    ("PL202", 6, "changes[0].ports[0].port", AWS, &[("value", "\"8000-8100\""), ("count", "101")]),
    ("PL202", 7, "ports[0].port", AWS, &[("value", "\"443/tcp\""), ("port", "443"), ("protocol", "TCP")]),
    ("PL203", 0, "ports[0].port", AWS, &[("shown", "a number too large to read"), ("max", "65535"), ("on", " on AWS")]),
    ("PL203", 1, "ports[0].port", AZ, &[("shown", "65535"), ("max", "65534"), ("on", " on Azure")]),
    ("PL204", 0, "ports[0].port", AWS, &[]),
    ("PL204", 1, "ports[0].port", AWS, &[("value", "\"OpenSSH\"")]),
    ("PL205", 0, "ports[0].port", AZ, &[]),
    ("PL206", 0, "ports[0].port", AWS, &[]),
    ("PL207", 0, "ports[1].port", AWS, &[("port", "3306"), ("protocol", "TCP")]),
    ("PL208", 0, "ports", AWS, &[("count", "51"), ("max", "50")]),
    ("PL209", 0, "ports[0].service", AWS, &[]),
    ("PL210", 0, "ports[0].service", AWS, &[("value", "\"MySQL\\treplica\""), ("max", "100")]),
    ("PL211", 0, "ports[0].protocol", AWS, &[("value", "\"icmp\"")]),
    ("PL212", 0, "ports[0].protocol", AWS, &[]),
    ("PL213", 0, "endpoint_services[0].ports[0].port", AZ, &[]),
    ("PL213", 1, "endpoint_services[0].ports[0].port", AWS, &[("value", "\"SSH gateway\"")]),
    ("PL301", 0, "endpoint_services", AZ, &[("noun", "Private Link service")]),
    ("PL302", 0, "endpoint_services", AZ, &[]),
    ("PL303", 0, "endpoint_services[0].name", AZ, &[]),
    ("PL304", 0, "endpoint_services[0].name", AWS, &[("value", "\"com.amazonaws.vpce\""), ("why", "com.amazonaws.vpce must be followed by the region and the service ID")]),
    ("PL305", 0, "endpoint_services[0].name", AWS, &[("value", "\"com.amazonaws.vpce.cn-north-1.vpce-svc-0a1b2c3d4e5f60718\""), ("inside", "cn-north-1"), ("region", "eu-west-1")]),
    ("PL305", 1, "endpoint_services[0].name", AWS, &[("value", "\"com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718\""), ("inside", "us-east-1"), ("region", "eu-west-1")]),
    ("PL305", 2, "endpoint_services[0].name", AWS, &[("value", "\"com.amazonaws.vpce.eu-west-9.vpce-svc-0a1b2c3d4e5f60718\""), ("inside", "eu-west-9"), ("cloud", "AWS"), ("region", "eu-west-1")]),
    ("PL306", 0, "endpoint_services[0].name", AZ, &[("value", "\"my-service\""), ("why", "an alias ends with .azure.privatelinkservice")]),
    ("PL307", 0, "endpoint_services[0].principal_allowed", AWS, &[]),
    ("PL308", 0, "endpoint_services[1].name", AZ, &[("value", "\"/subscriptions/…/privateLinkServices/pls-sftp\"")]),
    ("PL309", 0, "endpoint_services[0].name", AZ, &[("value", "\"com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d4e5f60718\""), ("other", "AWS"), ("cloud", "Azure")]),
    ("PL310", 0, "endpoint_services[0].name", AWS, &[("value", "\"cn.com.amazonaws.vpce.cn-north-1.vpce-svc-0a1b2c3d4e5f60718\"")]),
    ("PL311", 0, "changes[0].name", AZ, &[("value", "\"pls-sftp.1b2c3d4e-0000-4000-8000-123456789abc.westeurope.azure.privatelinkservice\"")]),
    ("PL321", 0, "prerequisites.nlb", AWS, &[("what", "a Network Load Balancer in front of your application"), ("network", "VPC")]),
    ("PL321", 0, "prerequisites.endpoint_service", AZ, &[("what", "a Private Link service for your application"), ("network", "virtual network")]),
    ("PL322", 0, "prerequisites", AWS, &[]),
    ("PL323", 0, "prerequisites.interface_endpoint", AWS, &[]),
    ("PL323", 1, "prerequisites.interface_endpoint", AZ, &[]),
    ("PL401", 0, "azure.cluster_id", AZ, &[]),
    ("PL402", 0, "azure.cluster_id", AZ, &[("value", "\"abc def\"")]),
    ("PL403", 0, "azure.subscription_ids[0]", AZ, &[("value", "\"1111\"")]),
    ("PL404", 0, "azure", AWS, &[]),
    ("PL405", 0, "azure.subscription_ids[1]", AZ, &[("id", "11111111-2222-3333-4444-555555555555")]),
    ("PL501", 0, "changes", AWS, &[]),
    ("PL502", 0, "changes[0].action", AWS, &[]),
    ("PL503", 0, "changes[0].action", AWS, &[("value", "\"remove-connection\""), ("near", "remove_connection")]),
    ("PL503", 1, "changes[0].action", AWS, &[("value", "\"upgrade\"")]),
    ("PL504", 0, "changes[0].to_account_id", AWS, &[("what", "the account to allow instead")]),
    ("PL505", 0, "changes[1].environment", AWS, &[("env", "Staging")]),
    ("PL505", 1, "changes[1].environment", AWS, &[("env", "Staging")]),
    ("PL505", 2, "changes[1].from_account_id", AWS, &[("id", "123456789012")]),
    ("PL505", 3, "changes[1].name", AZ, &[("value", "\"/subscriptions/…/privateLinkServices/pls-sftp\"")]),
    ("PL505", 4, "changes[1].name", AWS, &[("value", "\"com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d4e5f60718\"")]),
    ("PL505", 5, "changes[1].ports", AWS, &[]),
    ("PL505", 6, "changes[1].ports", AWS, &[]),
    ("PL506", 0, "changes[1].ports[0].port", AWS, &[("port", "3306"), ("protocol", "TCP")]),
    ("PL506", 1, "changes[1].environment", AWS, &[("env", "Staging")]),
    ("PL506", 2, "changes[1].name", AZ, &[("value", "\"/subscriptions/…/privateLinkServices/pls-sftp\"")]),
    ("PL506", 3, "changes[1].name", AWS, &[]),
    ("PL507", 0, "changes[0].to_account_id", AZ, &[("id", "11111111-2222-3333-4444-555555555555")]),
    ("PL599", 0, "kind", AWS, &[]),
    ("PL601", 0, "customer_network.vpc_id", AWS, &[("value", "\"subnet-0a1b2c3d\""), ("other", "a subnet ID")]),
    ("PL601", 1, "customer_network.vpc_id", AWS, &[("value", "\"vpc-12\"")]),
    ("PL602", 0, "customer_network.subnet_ids[0]", AWS, &[("value", "\"sg-0a1b2c3d\""), ("other", "a security group ID")]),
    ("PL602", 1, "customer_network.subnet_ids[0]", AWS, &[("value", "\"subnet-ABCD1234\"")]),
    ("PL603", 0, "customer_network.security_group_ids[0]", AWS, &[("value", "\"vpc-0a1b2c3d\""), ("other", "a VPC ID")]),
    ("PL603", 1, "customer_network.security_group_ids[0]", AWS, &[("value", "\"sg-xyz\"")]),
    ("PL604", 0, "customer_network.subnet_ids[1]", AWS, &[("id", "subnet-0a1b2c3d")]),
    ("PL605", 0, "customer_network.vpc_id", AZ, &[("other", "AWS"), ("cloud", "Azure")]),
    ("PL606", 0, "customer_network.vnet_name", AZ, &[("value", "\"my vnet!\""), ("what", "a virtual network name: 2 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit and ending with a letter, digit or underscore")]),
    ("PL607", 0, "adobe_endpoint_service", AZ, &[("value", "\"/subscriptions/…/privateLinkServices/pls-sftp\"")]),
    ("PL607", 1, "adobe_endpoint_service", AWS, &[("value", "\"com.amazonaws.vpce.eu-west-1.vpce-svc-0a1b2c3d4e5f60718\"")]),
    // Evidence (issue 14).
    ("PL801", 0, "account_id", AWS, &[("entry", "Cloud output 1"), ("command", "aws sts get-caller-identity"), ("account", "111122223333"), ("value", "\"123456789012\"")]),
    ("PL802", 0, "region", AWS, &[("entry", "Cloud output 1"), ("command", "aws sts get-caller-identity"), ("partition", "\"aws-cn\"")]),
    ("PL803", 0, "account_id", AZ, &[("entry", "Cloud output 1"), ("command", "az account show"), ("subscription", "\"0f8fad5b-d9cb-469f-a165-70867728950e\""), ("value", "\"7c9e6679-7425-40de-944b-e07fc1f90ae7\"")]),
    ("PL804", 0, "account_id", AZ, &[("entry", "Cloud output 1"), ("command", "az account show"), ("state", "\"Disabled\""), ("value", "\"7c9e6679-7425-40de-944b-e07fc1f90ae7\"")]),
    ("PL805", 0, "region", AZ, &[("entry", "Cloud output 1"), ("command", "az account show"), ("environment", "\"AzureChinaCloud\"")]),
    ("PL806", 0, "cloud", AWS, &[("entry", "Cloud output 1"), ("command", "az account show"), ("other", "Azure"), ("cloud", "AWS")]),
    ("PL807", 0, "evidence[0]", AWS, &[("what", "an object with the fields \"Reservations\"")]),
    ("PL807", 1, "evidence[0]", AWS, &[("command", "aws ec2 describe-vpc-endpoint-service-permissions")]),
    ("PL808", 0, "evidence[1]", AWS, &[("why", "expected value at line 1, column 1")]),
    ("PL808", 1, "endpoint_services[0].evidence[0]", AWS, &[]),
    ("PL808", 2, "evidence[0]", AZ, &[("kib", "300"), ("max", "256")]),
    ("PL809", 0, "evidence", AWS, &[("count", "21"), ("max", "20")]),
    ("PL811", 0, "endpoint_services[0].name", AWS, &[("entry", "Cloud output 1 of endpoint service 1"), ("command", "aws ec2 describe-vpc-endpoint-service-configurations"), ("other", "\"com.amazonaws.vpce.us-east-1.vpce-svc-0e7555fb6441987e1\""), ("value", "\"com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718\"")]),
    ("PL811", 1, "endpoint_services[0].name", AWS, &[("entry", "Cloud output 1 of endpoint service 1"), ("command", "aws ec2 describe-vpc-endpoint-service-configurations"), ("count", "2"), ("value", "\"com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718\"")]),
    ("PL812", 0, "endpoint_services[0].name", AWS, &[("entry", "Cloud output 1 of endpoint service 1"), ("command", "aws ec2 describe-vpc-endpoint-service-configurations"), ("state", "\"Pending\""), ("value", "\"com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718\"")]),
    ("PL813", 0, "endpoint_services[0].name", AWS, &[("entry", "Cloud output 1 of endpoint service 1"), ("command", "aws ec2 describe-vpc-endpoint-service-configurations"), ("inside", "\"us-west-2\""), ("region", "us-east-1"), ("value", "\"com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718\"")]),
    ("PL814", 0, "account_id", AWS, &[("entry", "Cloud output 1 of endpoint service 1"), ("command", "aws ec2 describe-vpc-endpoint-service-configurations"), ("service", "\"com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718\""), ("account", "\"111122223333\""), ("value", "\"123456789012\"")]),
    ("PL815", 0, "endpoint_services[0].name", AWS, &[("entry", "Cloud output 1 of endpoint service 1"), ("command", "aws ec2 describe-vpc-endpoint-service-configurations"), ("value", "\"com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718\"")]),
    ("PL816", 0, "prerequisites.nlb", AWS, &[("entry", "Cloud output 1 of endpoint service 1"), ("command", "aws ec2 describe-vpc-endpoint-service-configurations"), ("value", "\"com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718\"")]),
    ("PL816", 1, "prerequisites.nlb", AWS, &[("entry", "Cloud output 1 of endpoint service 1"), ("command", "aws ec2 describe-vpc-endpoint-service-configurations"), ("value", "\"com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718\"")]),
    ("PL821", 0, "endpoint_services[0].principal_allowed", AWS, &[("entry", "Cloud output 2 of endpoint service 1"), ("command", "aws ec2 describe-vpc-endpoint-service-permissions"), ("principals", "\"arn:aws:iam::123456789012:root\"")]),
    ("PL821", 1, "endpoint_services[0].principal_allowed", AWS, &[("entry", "Cloud output 2 of endpoint service 1"), ("command", "aws ec2 describe-vpc-endpoint-service-permissions")]),
    ("PL822", 0, "endpoint_services[0].principal_allowed", AWS, &[("entry", "Cloud output 2 of endpoint service 1"), ("command", "aws ec2 describe-vpc-endpoint-service-permissions")]),
    ("PL823", 0, "endpoint_services[0].ports[0].port", AWS, &[("entry", "Cloud output 3 of endpoint service 1"), ("command", "aws elbv2 describe-listeners"), ("value", "8443"), ("listeners", "TCP 9443, UDP 514")]),
    ("PL824", 0, "endpoint_services[0].ports[1].protocol", AWS, &[("entry", "Cloud output 3 of endpoint service 1"), ("command", "aws elbv2 describe-listeners"), ("listener", "TCP 514"), ("port", "514"), ("protocol", "UDP")]),
    ("PL825", 0, "endpoint_services[0].evidence[2]", AWS, &[("lb", "\"my-load-balancer\"")]),
    ("PL826", 0, "endpoint_services[0].evidence[2]", AWS, &[("lb", "\"OtherNLB\"")]),
    ("PL831", 0, "endpoint_services[0].name", AZ, &[("entry", "Cloud output 1 of Private Link service 1"), ("command", "az network private-link-service show"), ("other", "\"…/privateLinkServices/pls-crm\""), ("value", "\"…/privateLinkServices/pls-erp\"")]),
    ("PL832", 0, "endpoint_services[0].name", AZ, &[("entry", "Cloud output 1 of Private Link service 1"), ("command", "az network private-link-service show"), ("location", "\"West US\""), ("region", "eastus2"), ("value", "\"…/privateLinkServices/pls-erp\"")]),
    ("PL833", 0, "account_id", AZ, &[("entry", "Cloud output 1 of Private Link service 1"), ("command", "az network private-link-service show"), ("service", "\"…/privateLinkServices/pls-erp\""), ("subscription", "\"0f8fad5b-d9cb-469f-a165-70867728950e\""), ("value", "\"7c9e6679-7425-40de-944b-e07fc1f90ae7\"")]),
    ("PL834", 0, "endpoint_services[0].name", AZ, &[("entry", "Cloud output 1 of Private Link service 1"), ("command", "az network private-link-service show"), ("state", "\"Failed\""), ("value", "\"…/privateLinkServices/pls-erp\"")]),
    ("PL835", 0, "prerequisites.nlb", AZ, &[("entry", "Cloud output 1 of Private Link service 1"), ("command", "az network private-link-service show"), ("value", "\"…/privateLinkServices/pls-erp\"")]),
    ("PL899", 0, "evidence", AWS, &[]),
];

/// Placeholders left in a filled text: `{word}` (the JSON braces of PL001's help are not words).
fn leftover(text: &str) -> Option<&str> {
    let start = text.find('{')?;
    let end = start + text[start..].find('}')?;
    let inner = &text[start + 1..end];
    let word = !inner.is_empty()
        && inner.chars().all(|c| {
            c.is_ascii_alphanumeric() || c == '_' || c == '@' || c == '.' || c == '[' || c == ']'
        });
    word.then_some(inner)
}

#[test]
fn every_template_filled_reads_as_a_customer_reads_it() {
    let mut out = String::new();
    for r in RULES {
        for variant in 0..r.messages.len() {
            let cases: Vec<&Sample> = SAMPLES
                .iter()
                .filter(|s| s.0 == r.code && s.1 == variant)
                .collect();
            assert!(
                !cases.is_empty(),
                "{} template {variant} has no sample",
                r.code
            );
            for (code, _, field, cloud, args) in cases {
                let d = Diagnostic::of(r, *field, variant, args, *cloud);
                let cloud = cloud.map_or("-", Cloud::label);
                for text in [&d.message, d.help.as_ref()] {
                    assert!(
                        leftover(text).is_none(),
                        "{code}: unfilled {{..}} in {text:?}"
                    );
                }
                out.push_str(&format!(
                    "{code}.{variant} {cloud} {field}\n  {}\n",
                    d.message
                ));
                if r.help.contains("{@") {
                    out.push_str(&format!("  help: {}\n", d.help));
                }
            }
        }
    }
    for (code, variant, ..) in SAMPLES {
        let r = RULES.iter().find(|r| r.code == *code).expect("a rule");
        assert!(
            *variant < r.messages.len(),
            "{code} has no template {variant}"
        );
    }
    common::assert_snapshot("messages.txt", &out);
}
