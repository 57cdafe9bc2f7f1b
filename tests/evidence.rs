//! Evidence (issue 14): the public example outputs of each command (tests/evidence/, adapted in
//! their IDs), recognised by their shape, the facts read from them, and each contradiction with
//! its exact field and message.
#![cfg(all(feature = "evidence", not(target_arch = "wasm32")))]

mod common;

use common::{path, request};
use privatelink_prep::check;
use privatelink_prep::evidence::{facts, recognise, Kind};
use privatelink_prep::request::Verified;
use serde_json::{json, Value};

const SVC: &str = "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718";
const PLS: &str = "/subscriptions/7c9e6679-7425-40de-944b-e07fc1f90ae7/resourceGroups/rg-erp/providers/Microsoft.Network/privateLinkServices/pls-erp";

fn f(name: &str) -> Value {
    let p = path("tests/evidence").join(name);
    serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap()
}

/// `base` (a request of tests/requests) with `top` as its evidence and `services[i]` as the
/// evidence of endpoint service i.
fn with(base: &str, top: &[Value], services: &[(usize, &[Value])]) -> Value {
    let mut doc: Value = serde_json::from_str(&request(base)).unwrap();
    let wrap = |list: &[Value]| -> Value {
        list.iter()
            .map(|o| json!({"output": o}))
            .collect::<Vec<_>>()
            .into()
    };
    if !top.is_empty() {
        doc["evidence"] = wrap(top);
    }
    for (i, list) in services {
        doc["endpoint_services"][*i]["evidence"] = wrap(list);
    }
    doc
}

fn aws(top: &[Value], service: &[Value]) -> Value {
    with("aws-bidirectional.json", top, &[(0, service)])
}

fn azure(top: &[Value], service: &[Value]) -> Value {
    with("azure-bidirectional.json", top, &[(0, service)])
}

/// The evidence diagnostics (PL8xx) as (code, field, message); each also concerns its rule's
/// fields.
fn found(doc: &Value) -> Vec<(String, String, String)> {
    check(doc)
        .report
        .diagnostics
        .into_iter()
        .filter(|d| d.code.starts_with("PL8"))
        .inspect(|d| {
            let rule = privatelink_prep::rules::find(d.code).unwrap();
            assert!(rule.concerns(&d.field), "{} on {}", d.code, d.field);
            assert_eq!(d.severity, rule.severity);
        })
        .map(|d| (d.code.to_string(), d.field, d.message))
        .collect()
}

fn expect(doc: &Value, expected: &[(&str, &str, &str)]) {
    let got = found(doc);
    let got: Vec<(&str, &str, &str)> = got
        .iter()
        .map(|(c, f, m)| (c.as_str(), f.as_str(), m.as_str()))
        .collect();
    assert_eq!(got, expected);
}

fn verified(doc: &Value) -> Vec<Verified> {
    let checked = check(doc);
    let request = checked
        .request
        .unwrap_or_else(|| panic!("{:#?}", checked.report));
    request.as_enablement().unwrap().verified.clone()
}

fn valid(doc: &Value) -> bool {
    check(doc).report.valid
}

// --- Recognition and facts -------------------------------------------------------------------

fn read(name: &str) -> (Kind, Vec<(&'static str, String)>) {
    let out = recognise(&f(name)).unwrap_or_else(|| panic!("{name} not recognised"));
    let facts = facts(&out).into_iter().map(|x| (x.fact, x.value)).collect();
    (out.kind(), facts)
}

fn facts_of(pairs: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    pairs.iter().map(|(k, v)| (*k, v.to_string())).collect()
}

#[test]
fn caller_identity_gives_account_and_partition() {
    let (kind, facts) = read("aws-caller-identity.json");
    assert_eq!(kind, Kind::CallerIdentity);
    assert_eq!(kind.command(), "aws sts get-caller-identity");
    assert_eq!(
        facts,
        facts_of(&[("account", "123456789012"), ("partition", "aws")])
    );
}

#[test]
fn service_configurations_give_name_id_state_acceptance_and_load_balancer() {
    let (kind, facts) = read("aws-service-configurations.json");
    assert_eq!(kind.as_str(), "aws-endpoint-service-configurations");
    assert_eq!(
        facts,
        facts_of(&[
            ("service_name", SVC),
            ("service_id", "vpce-svc-0a1b2c3d4e5f60718"),
            ("state", "Available"),
            ("acceptance_required", "yes"),
            ("load_balancer", "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/NLBforService/8218753950b25648 (region us-east-1, account 123456789012)"),
        ])
    );
}

#[test]
fn permissions_say_whether_adobe_is_allowed() {
    let (kind, read_facts) = read("aws-service-permissions.json");
    assert_eq!(kind, Kind::ServicePermissions);
    assert_eq!(
        read_facts,
        facts_of(&[
            ("adobe_allowed", "yes"),
            ("principal", "arn:aws:iam::402592597372:root")
        ])
    );
    let other = json!({"AllowedPrincipals": [{"PrincipalType": "Account", "Principal": "arn:aws:iam::123456789012:root"}]});
    let facts: Vec<_> = facts(&recognise(&other).unwrap())
        .into_iter()
        .map(|x| (x.fact, x.value))
        .collect();
    assert_eq!(facts[0], ("adobe_allowed", "no".to_string()));
    // An empty list is still the permissions output: nobody is allowed.
    let none = recognise(&json!({"AllowedPrincipals": []})).unwrap();
    assert_eq!(none.kind(), Kind::ServicePermissions);
}

#[test]
fn listeners_give_ports_and_protocols() {
    let (kind, facts) = read("aws-listeners.json");
    assert_eq!(kind, Kind::Listeners);
    assert_eq!(
        facts,
        facts_of(&[("listener", "TCP 8443"), ("listener", "UDP 514")])
    );
    let (_, facts) = read("aws-listeners-alb.json");
    assert_eq!(
        facts,
        facts_of(&[("listener", "HTTPS 443"), ("listener", "HTTP 80")])
    );
}

#[test]
fn azure_account_gives_subscription_state_and_cloud() {
    let (kind, facts) = read("azure-account.json");
    assert_eq!(kind.command(), "az account show");
    assert_eq!(
        facts,
        facts_of(&[
            ("subscription", "7c9e6679-7425-40de-944b-e07fc1f90ae7"),
            ("state", "Enabled"),
            ("environment", "AzureCloud")
        ])
    );
}

#[test]
fn private_link_service_is_read_in_both_shapes() {
    let expected = |shape: &str| {
        facts_of(&[
            ("resource_id", PLS),
            ("shape", shape),
            ("location", "eastus2"),
            (
                "alias",
                "pls-erp.4b7e9a3c-21d5-4f0e-9c6a-8d2b1e5f7a90.eastus2.azure.privatelinkservice",
            ),
            ("provisioning_state", "Succeeded"),
            (
                "visibility",
                "7c9e6679-7425-40de-944b-e07fc1f90ae7, 1b4e28ba-2fa1-11d2-883f-0016d3cca427",
            ),
            ("auto_approval", "7c9e6679-7425-40de-944b-e07fc1f90ae7"),
            ("frontends", "1"),
        ])
    };
    let (kind, rest) = read("azure-private-link-service-rest.json");
    assert_eq!(kind, Kind::PrivateLinkService);
    assert_eq!(rest, expected("REST API (properties)"));
    let (kind, cli) = read("azure-private-link-service-cli.json");
    assert_eq!(kind, Kind::PrivateLinkService);
    assert_eq!(cli, expected("Azure CLI"));
}

#[test]
fn other_shapes_are_not_recognised() {
    for v in [
        json!({}),
        json!([]),
        json!("text"),
        json!({"Account": "123456789012"}),
        // Not an account ID: not the caller identity.
        json!({"UserId": "x", "Account": "12345", "Arn": "arn:aws:iam::12345:user/x"}),
        json!({"ServiceConfigurations": [{"ServiceName": "x"}]}),
        json!({"Listeners": [{"Port": 70000, "Protocol": "TCP"}]}),
        json!({"id": "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/privateLinkServices/p/ipConfigurations/i"}),
        json!({"id": "7c9e6679-7425-40de-944b-e07fc1f90ae7"}),
    ] {
        assert!(recognise(&v).is_none(), "{v}");
    }
}

// --- Agreement -------------------------------------------------------------------------------

fn fact(
    field: &str,
    label: &'static str,
    value: &str,
    fact: &str,
    command: &'static str,
    evidence: &str,
) -> Verified {
    Verified {
        field: field.into(),
        label,
        value: value.into(),
        fact: fact.into(),
        command,
        evidence: evidence.into(),
    }
}

#[test]
fn aws_outputs_that_agree_are_verified() {
    let doc = aws(
        &[f("aws-caller-identity.json")],
        &[
            f("aws-service-configurations.json"),
            f("aws-service-permissions.json"),
            f("aws-listeners.json"),
        ],
    );
    expect(
        &doc,
        &[("PL815", "endpoint_services[0].name", "Cloud output 1 of endpoint service 1 (aws ec2 describe-vpc-endpoint-service-configurations) shows that \"com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718\" requires acceptance: Adobe's connection waits until you accept it.")],
    );
    assert_eq!(
        verified(&doc),
        [
            fact(
                "account_id",
                "AWS account ID",
                "123456789012",
                "the account the AWS CLI ran in",
                "aws sts get-caller-identity",
                "evidence[0]"
            ),
            fact(
                "endpoint_services[0].name",
                "Endpoint service",
                SVC,
                "Available, on a Network Load Balancer of this account in us-east-1",
                "aws ec2 describe-vpc-endpoint-service-configurations",
                "endpoint_services[0].evidence[0]"
            ),
            fact(
                "endpoint_services[0].principal_allowed",
                "Endpoint service",
                SVC,
                "allows Adobe's principal arn:aws:iam::402592597372:root",
                "aws ec2 describe-vpc-endpoint-service-permissions",
                "endpoint_services[0].evidence[1]"
            ),
            fact(
                "endpoint_services[0].ports",
                "Endpoint service",
                SVC,
                "a listener of its load balancer carries each of its ports (8443/TCP, 514/UDP)",
                "aws elbv2 describe-listeners",
                "endpoint_services[0].evidence[2]"
            ),
        ]
    );
}

#[test]
fn a_proven_grant_makes_principal_allowed_true() {
    let mut doc = aws(&[], &[f("aws-service-permissions.json")]);
    doc["endpoint_services"][0]["principal_allowed"] = json!(false);
    assert!(valid(&doc), "{:#?}", check(&doc).report);
    doc["endpoint_services"][0]
        .as_object_mut()
        .unwrap()
        .remove("principal_allowed");
    assert!(valid(&doc));
    // Without the proof, the confirmation is still required (PL307).
    let mut bare = aws(&[], &[]);
    bare["endpoint_services"][0]["principal_allowed"] = json!(false);
    let codes: Vec<_> = check(&bare)
        .report
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect();
    assert!(codes.contains(&"PL307"), "{codes:?}");
    // A wrong type is still reported.
    doc["endpoint_services"][0]["principal_allowed"] = json!("yes");
    assert!(!valid(&doc));
}

#[test]
fn azure_outputs_that_agree_are_verified_in_both_shapes() {
    for shape in ["rest", "cli"] {
        let pls = f(&format!("azure-private-link-service-{shape}.json"));
        let doc = azure(&[f("azure-account.json")], &[pls]);
        expect(&doc, &[]);
        assert_eq!(
            verified(&doc),
            [
                fact(
                    "account_id",
                    "Azure subscription ID",
                    "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                    "the subscription the Azure CLI ran in, enabled",
                    "az account show",
                    "evidence[0]"
                ),
                fact(
                    "endpoint_services[0].name",
                    "Private Link service",
                    PLS,
                    "provisioned (Succeeded) in eastus2, on a load balancer frontend",
                    "az network private-link-service show",
                    "endpoint_services[0].evidence[0]"
                ),
            ],
            "{shape}"
        );
    }
}

#[test]
fn the_other_subscription_is_verified_on_its_field() {
    let mut acc = f("azure-account.json");
    acc["id"] = json!("1B4E28BA-2FA1-11D2-883F-0016D3CCA427");
    let doc = azure(&[acc], &[]);
    expect(&doc, &[]);
    assert_eq!(verified(&doc)[0].field, "azure.subscription_ids[0]");
    assert_eq!(
        verified(&doc)[0].value,
        "1b4e28ba-2fa1-11d2-883f-0016d3cca427"
    );
}

#[test]
fn an_output_kept_as_text_is_read_as_json() {
    let text = std::fs::read_to_string(path("tests/evidence/aws-caller-identity.json")).unwrap();
    let doc = aws(&[json!(text)], &[]);
    expect(&doc, &[]);
    assert_eq!(verified(&doc)[0].command, "aws sts get-caller-identity");
}

// --- Contradictions: request level (PL801-PL809) ---------------------------------------------

#[test]
fn pl801_the_caller_identity_is_another_account() {
    let mut ci = f("aws-caller-identity.json");
    ci["Account"] = json!("111122223333");
    let doc = aws(&[ci], &[]);
    expect(&doc, &[("PL801", "account_id", "Cloud output 1 (aws sts get-caller-identity) shows the AWS account 111122223333, not \"123456789012\".")]);
    assert!(!valid(&doc));
}

#[test]
fn pl802_the_caller_identity_is_in_another_partition() {
    let mut ci = f("aws-caller-identity.json");
    ci["Arn"] = json!("arn:aws-cn:iam::123456789012:user/DevAdmin");
    expect(&aws(&[ci], &[]), &[("PL802", "region", "Cloud output 1 (aws sts get-caller-identity) shows the partition \"aws-cn\": Adobe's principal is in the commercial partition aws, and PrivateLink permissions do not cross partitions.")]);
}

#[test]
fn pl803_pl804_pl805_the_azure_account() {
    let mut acc = f("azure-account.json");
    acc["id"] = json!("0f8fad5b-d9cb-469f-a165-70867728950e");
    expect(&azure(&[acc], &[]), &[("PL803", "account_id", "Cloud output 1 (az account show) shows the subscription \"0f8fad5b-d9cb-469f-a165-70867728950e\", which is neither \"7c9e6679-7425-40de-944b-e07fc1f90ae7\" nor one of the other subscriptions that will connect.")]);
    let mut acc = f("azure-account.json");
    acc["state"] = json!("Disabled");
    let doc = azure(&[acc], &[]);
    expect(&doc, &[("PL804", "account_id", "Cloud output 1 (az account show) shows the subscription \"7c9e6679-7425-40de-944b-e07fc1f90ae7\" in the state \"Disabled\", not Enabled.")]);
    assert!(
        verified(&doc).is_empty(),
        "a disabled subscription is not verified"
    );
    let mut acc = f("azure-account.json");
    acc["environmentName"] = json!("AzureChinaCloud");
    expect(&azure(&[acc], &[]), &[("PL805", "region", "Cloud output 1 (az account show) shows the Azure cloud \"AzureChinaCloud\", not AzureCloud: Adobe Commerce runs in Azure's public cloud, and Private Link does not cross clouds.")]);
}

#[test]
fn pl806_an_output_of_the_other_cloud() {
    expect(&aws(&[f("azure-account.json")], &[]), &[("PL806", "cloud", "Cloud output 1 is the output of az account show, an Azure command, but the request is for AWS.")]);
    expect(&azure(&[], &[f("aws-service-permissions.json")]), &[("PL806", "cloud", "Cloud output 1 of Private Link service 1 is the output of aws ec2 describe-vpc-endpoint-service-permissions, an AWS command, but the request is for Azure.")]);
}

#[test]
fn pl807_unrecognised_outputs_are_warnings_and_ignored() {
    let doc = aws(
        &[json!({"Reservations": [], "x": 1, "y": 2, "z": 3})],
        &[json!([1, 2])],
    );
    expect(&doc, &[
        ("PL807", "endpoint_services[0].evidence[0]", "Cloud output 1 is a list, not the output of a command this tool reads; it is ignored."),
        ("PL807", "evidence[0]", "Cloud output 1 is an object with the fields \"Reservations\", \"x\", \"y\", ..., not the output of a command this tool reads; it is ignored."),
    ]);
    assert!(valid(&doc));
    assert!(verified(&doc).is_empty());
    // An output about one service, attached to the request as a whole.
    expect(&aws(&[f("aws-service-permissions.json")], &[]), &[("PL807", "evidence[0]", "Cloud output 1 is the output of aws ec2 describe-vpc-endpoint-service-permissions, which describes one endpoint service: attach it to the service it was run for; it is ignored here.")]);
}

#[test]
fn pl808_outputs_that_are_not_json() {
    let doc = aws(
        &[json!("Account: 123456789012\tArn: x"), json!(" ")],
        &[json!("x".repeat(300 * 1024))],
    );
    expect(&doc, &[
        ("PL808", "endpoint_services[0].evidence[0]", "Cloud output 1 is 300 KiB long, more than the 256 KiB of an output read; it is ignored."),
        ("PL808", "evidence[0]", "Cloud output 1 is not JSON (expected value at line 1, column 1); it is ignored."),
        ("PL808", "evidence[1]", "Cloud output 2 has no output; it is ignored."),
    ]);
    assert!(valid(&doc));
    let mut doc = aws(&[], &[]);
    doc["evidence"] = json!([{"source": "aws sts get-caller-identity"}]);
    expect(
        &doc,
        &[(
            "PL808",
            "evidence[0]",
            "Cloud output 1 has no output; it is ignored.",
        )],
    );
}

#[test]
fn pl809_too_many_outputs() {
    let list: Vec<Value> = (0..21).map(|_| f("aws-caller-identity.json")).collect();
    let doc = aws(&list, &[]);
    expect(
        &doc,
        &[(
            "PL809",
            "evidence",
            "Cloud command outputs: 21 outputs, more than the 20 that are read.",
        )],
    );
    assert!(!valid(&doc));
}

#[test]
fn entries_have_their_shape_checked() {
    let mut doc = aws(&[], &[]);
    doc["evidence"] =
        json!([{"output": f("aws-caller-identity.json"), "source": 7, "extra": 1}, "x"]);
    let got: Vec<_> = check(&doc)
        .report
        .diagnostics
        .into_iter()
        .map(|d| (d.code, d.field))
        .filter(|(c, _)| *c != "PL206" && *c != "PL212")
        .collect();
    assert_eq!(
        got,
        [
            ("PL005", "evidence[0].source".to_string()),
            ("PL004", "evidence[0].extra".to_string()),
            ("PL005", "evidence[1]".to_string()),
        ]
    );
    doc["evidence"] = json!({"output": 1});
    let got: Vec<_> = check(&doc)
        .report
        .diagnostics
        .into_iter()
        .map(|d| (d.code, d.field))
        .filter(|(c, _)| *c == "PL005")
        .collect();
    assert_eq!(got, [("PL005", "evidence".to_string())]);
}

// --- Contradictions: AWS service configuration (PL811-PL816) ---------------------------------

fn configuration(edit: impl Fn(&mut Value)) -> Value {
    let mut c = f("aws-service-configurations.json");
    edit(&mut c["ServiceConfigurations"][0]);
    c
}

const ACCEPTANCE: (&str, &str, &str) = ("PL815", "endpoint_services[0].name", "Cloud output 1 of endpoint service 1 (aws ec2 describe-vpc-endpoint-service-configurations) shows that \"com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718\" requires acceptance: Adobe's connection waits until you accept it.");

#[test]
fn pl811_another_endpoint_service() {
    let other = configuration(|c| {
        c["ServiceName"] = json!("com.amazonaws.vpce.us-east-1.vpce-svc-0e7555fb6441987e1");
        c["ServiceId"] = json!("vpce-svc-0e7555fb6441987e1");
    });
    expect(&aws(&[], std::slice::from_ref(&other)), &[("PL811", "endpoint_services[0].name", "Cloud output 1 of endpoint service 1 (aws ec2 describe-vpc-endpoint-service-configurations) describes \"com.amazonaws.vpce.us-east-1.vpce-svc-0e7555fb6441987e1\", not \"com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718\".")]);
    let two = json!({"ServiceConfigurations": [other["ServiceConfigurations"][0], other["ServiceConfigurations"][0]]});
    expect(&aws(&[], &[two]), &[("PL811", "endpoint_services[0].name", "Cloud output 1 of endpoint service 1 (aws ec2 describe-vpc-endpoint-service-configurations) lists 2 endpoint services, none of them \"com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718\".")]);
    // The right one among several is found, by name or by ID.
    let mut mine = f("aws-service-configurations.json")["ServiceConfigurations"][0].clone();
    mine["ServiceName"] = json!("");
    let both = json!({"ServiceConfigurations": [other["ServiceConfigurations"][0], mine]});
    expect(&aws(&[], &[both]), &[ACCEPTANCE]);
}

#[test]
fn pl812_the_service_is_not_available() {
    let pending = configuration(|c| {
        c["ServiceState"] = json!("Pending");
        c["AcceptanceRequired"] = json!(false);
    });
    let doc = aws(&[], &[pending]);
    expect(&doc, &[("PL812", "endpoint_services[0].name", "Cloud output 1 of endpoint service 1 (aws ec2 describe-vpc-endpoint-service-configurations) shows \"com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718\" in the state \"Pending\", not Available.")]);
    assert!(!valid(&doc));
}

#[test]
fn pl813_pl814_the_load_balancer_is_in_another_region_and_account() {
    let elsewhere = configuration(|c| {
        c["NetworkLoadBalancerArns"] = json!(["arn:aws:elasticloadbalancing:us-west-2:111122223333:loadbalancer/net/NLBforService/8218753950b25648"]);
    });
    expect(&aws(&[], &[elsewhere]), &[
        ("PL813", "endpoint_services[0].name", "Cloud output 1 of endpoint service 1 (aws ec2 describe-vpc-endpoint-service-configurations) shows the load balancer of \"com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718\" in \"us-west-2\", not us-east-1."),
        ("PL814", "account_id", "Cloud output 1 of endpoint service 1 (aws ec2 describe-vpc-endpoint-service-configurations) shows the load balancer of \"com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718\" in the account \"111122223333\", not \"123456789012\"."),
        ACCEPTANCE,
    ]);
}

#[test]
fn pl816_no_network_load_balancer() {
    let none = configuration(|c| c["NetworkLoadBalancerArns"] = json!([]));
    expect(&aws(&[], &[none]), &[
        ("PL816", "prerequisites.nlb", "Cloud output 1 of endpoint service 1 (aws ec2 describe-vpc-endpoint-service-configurations) shows no Network Load Balancer behind \"com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718\"."),
        ACCEPTANCE,
    ]);
    let gateway = configuration(|c| {
        c["NetworkLoadBalancerArns"] = json!([]);
        c["GatewayLoadBalancerArns"] = json!(["arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/gwy/GWLB/8218753950b25648"]);
    });
    expect(&aws(&[], &[gateway]), &[
        ("PL816", "prerequisites.nlb", "Cloud output 1 of endpoint service 1 (aws ec2 describe-vpc-endpoint-service-configurations) shows \"com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60718\" on a Gateway Load Balancer, not a Network Load Balancer."),
        ACCEPTANCE,
    ]);
}

// --- Contradictions: permissions and listeners (PL821-PL826) ---------------------------------

#[test]
fn pl821_adobe_is_not_allowed_while_the_checkbox_says_so() {
    let mut p = f("aws-service-permissions.json");
    p["AllowedPrincipals"][0]["Principal"] = json!("arn:aws:iam::123456789012:root");
    let doc = aws(&[], &[p]);
    expect(&doc, &[("PL821", "endpoint_services[0].principal_allowed", "Cloud output 1 of endpoint service 1 (aws ec2 describe-vpc-endpoint-service-permissions) allows \"arn:aws:iam::123456789012:root\", not Adobe's principal arn:aws:iam::402592597372:root.")]);
    assert!(!valid(&doc));
    expect(&aws(&[], &[json!({"AllowedPrincipals": []})]), &[("PL821", "endpoint_services[0].principal_allowed", "Cloud output 1 of endpoint service 1 (aws ec2 describe-vpc-endpoint-service-permissions) allows no principal, so not Adobe's arn:aws:iam::402592597372:root.")]);
}

#[test]
fn pl822_every_principal_is_allowed() {
    let mut p = f("aws-service-permissions.json");
    p["AllowedPrincipals"][0]["Principal"] = json!("*");
    let doc = aws(&[], &[p]);
    expect(&doc, &[("PL822", "endpoint_services[0].principal_allowed", "Cloud output 1 of endpoint service 1 (aws ec2 describe-vpc-endpoint-service-permissions) allows every principal (*), Adobe's among them.")]);
    assert!(valid(&doc));
}

/// The example's listeners with the first moved to port 9443 and the second's protocol
/// `second`, then copies of the first on each of `more` (port, protocol).
fn listeners_with(second: &str, more: &[(u16, &str)]) -> Value {
    let mut l = f("aws-listeners.json");
    l["Listeners"][0]["Port"] = json!(9443);
    l["Listeners"][1]["Protocol"] = json!(second);
    let first = l["Listeners"][0].clone();
    for &(port, protocol) in more {
        let mut next = first.clone();
        next["Port"] = json!(port);
        next["Protocol"] = json!(protocol);
        l["Listeners"].as_array_mut().unwrap().push(next);
    }
    l
}

#[test]
fn pl823_pl824_ports_and_protocols_against_the_listeners() {
    let mut l = f("aws-listeners.json");
    l["Listeners"][0]["Port"] = json!(9443);
    l["Listeners"][1]["Protocol"] = json!("TCP");
    expect(&aws(&[], &[l]), &[
        ("PL823", "endpoint_services[0].ports[0].port", "Cloud output 1 of endpoint service 1 (aws elbv2 describe-listeners) has no listener on port 8443; its listeners are TCP 9443, TCP 514."),
        ("PL824", "endpoint_services[0].ports[1].protocol", "Cloud output 1 of endpoint service 1 (aws elbv2 describe-listeners) has the listener TCP 514 on port 514, which does not carry UDP."),
    ]);
    // A protocol that is not AWS's word is the document's text: quoted, its control bytes shown
    // as such. A long list is named by its first six.
    let tcp = [
        (1, "TCP"),
        (2, "TCP"),
        (3, "TCP"),
        (4, "TCP"),
        (5, "TCP"),
        (6, "TCP"),
    ];
    expect(&aws(&[], &[listeners_with("\u{1b}[2J", &tcp)]), &[
        ("PL823", "endpoint_services[0].ports[0].port", "Cloud output 1 of endpoint service 1 (aws elbv2 describe-listeners) has no listener on port 8443; its listeners are TCP 9443, \"\u{fffd}[2J\" 514, TCP 1, TCP 2, TCP 3, TCP 4 and 2 more."),
        ("PL824", "endpoint_services[0].ports[1].protocol", "Cloud output 1 of endpoint service 1 (aws elbv2 describe-listeners) has the listener \"\u{fffd}[2J\" 514 on port 514, which does not carry UDP."),
    ]);
    // Six are named all; AWS's words with an underscore or a digit are not quoted.
    let more = [(1, "TLS"), (2, "HTTP2"), (3, "TCP"), (4, "TCP")];
    expect(&aws(&[], &[listeners_with("TCP_UDP", &more)]), &[
        ("PL823", "endpoint_services[0].ports[0].port", "Cloud output 1 of endpoint service 1 (aws elbv2 describe-listeners) has no listener on port 8443; its listeners are TCP 9443, TCP_UDP 514, TLS 1, HTTP2 2, TCP 3, TCP 4."),
    ]);
    // TCP_UDP carries both; TLS carries TCP.
    let mut l = f("aws-listeners.json");
    l["Listeners"][0]["Protocol"] = json!("TLS");
    l["Listeners"][1]["Protocol"] = json!("TCP_UDP");
    expect(&aws(&[], &[l]), &[]);
}

#[test]
fn pl825_pl826_listeners_of_another_load_balancer() {
    expect(&aws(&[], &[f("aws-listeners-alb.json")]), &[
        ("PL825", "endpoint_services[0].evidence[0]", "Cloud output 1 lists the listeners of the load balancer \"my-load-balancer\", which is not a Network Load Balancer."),
        ("PL823", "endpoint_services[0].ports[0].port", "Cloud output 1 of endpoint service 1 (aws elbv2 describe-listeners) has no listener on port 8443; its listeners are HTTPS 443, HTTP 80."),
        ("PL823", "endpoint_services[0].ports[1].port", "Cloud output 1 of endpoint service 1 (aws elbv2 describe-listeners) has no listener on port 514; its listeners are HTTPS 443, HTTP 80."),
    ]);
    let text = serde_json::to_string(&f("aws-listeners.json"))
        .unwrap()
        .replace("NLBforService", "OtherNLB");
    let other: Value = serde_json::from_str(&text).unwrap();
    expect(&aws(&[], &[f("aws-service-configurations.json"), other]), &[
        ACCEPTANCE,
        ("PL826", "endpoint_services[0].evidence[1]", "Cloud output 2 lists the listeners of the load balancer \"OtherNLB\", which is not one of this endpoint service's load balancers."),
    ]);
}

// --- Contradictions: Azure Private Link service (PL831-PL835) --------------------------------

fn pls(edit: impl Fn(&mut Value)) -> Value {
    let mut p = f("azure-private-link-service-rest.json");
    edit(&mut p);
    p
}

#[test]
fn pl831_another_private_link_service() {
    let other = pls(|p| p["id"] = json!(PLS.replace("pls-erp", "pls-crm")));
    expect(&azure(&[], &[other]), &[("PL831", "endpoint_services[0].name", "Cloud output 1 of Private Link service 1 (az network private-link-service show) describes \"…erp/providers/Microsoft.Network/privateLinkServices/pls-crm\", not \"…erp/providers/Microsoft.Network/privateLinkServices/pls-erp\".")]);
}

#[test]
fn pl832_pl834_pl835_location_state_and_frontends() {
    let doc = azure(
        &[],
        &[pls(|p| {
            p["location"] = json!("West US");
            p["properties"]["provisioningState"] = json!("Failed");
            p["properties"]["loadBalancerFrontendIpConfigurations"] = json!([]);
        })],
    );
    expect(&doc, &[
        ("PL832", "endpoint_services[0].name", "Cloud output 1 of Private Link service 1 (az network private-link-service show) shows \"…erp/providers/Microsoft.Network/privateLinkServices/pls-erp\" in \"West US\", not eastus2."),
        ("PL834", "endpoint_services[0].name", "Cloud output 1 of Private Link service 1 (az network private-link-service show) shows \"…erp/providers/Microsoft.Network/privateLinkServices/pls-erp\" in the provisioning state \"Failed\", not Succeeded."),
        ("PL835", "prerequisites.nlb", "Cloud output 1 of Private Link service 1 (az network private-link-service show) shows no load balancer frontend IP configuration behind \"…erp/providers/Microsoft.Network/privateLinkServices/pls-erp\"."),
    ]);
    // The display name of the region is the region too.
    expect(
        &azure(&[], &[pls(|p| p["location"] = json!("East US 2"))]),
        &[],
    );
}

#[test]
fn pl833_a_service_named_by_alias_in_another_subscription() {
    let mut doc = azure(
        &[],
        &[pls(|p| {
            p["id"] = json!(PLS.replace(
                "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                "0f8fad5b-d9cb-469f-a165-70867728950e"
            ))
        })],
    );
    doc["endpoint_services"][0]["name"] =
        json!("pls-erp.4b7e9a3c-21d5-4f0e-9c6a-8d2b1e5f7a90.eastus2.azure.privatelinkservice");
    expect(&doc, &[("PL833", "account_id", "Cloud output 1 of Private Link service 1 (az network private-link-service show) shows \"…1d5-4f0e-9c6a-8d2b1e5f7a90.eastus2.azure.privatelinkservice\" in the subscription \"0f8fad5b-d9cb-469f-a165-70867728950e\", which is neither \"7c9e6679-7425-40de-944b-e07fc1f90ae7\" nor one of the other subscriptions that will connect.")]);
}

// --- The ticket's verified section -----------------------------------------------------------

fn full_aws() -> Value {
    aws(
        &[f("aws-caller-identity.json")],
        &[
            f("aws-service-configurations.json"),
            f("aws-service-permissions.json"),
            f("aws-listeners.json"),
        ],
    )
}

fn full_azure() -> Value {
    let crm = serde_json::to_string(&f("azure-private-link-service-cli.json"))
        .unwrap()
        .replace("pls-erp", "pls-crm")
        .replace("rg-erp", "rg-integration");
    with(
        "azure-bidirectional.json",
        &[f("azure-account.json")],
        &[
            (0, &[f("azure-private-link-service-rest.json")]),
            (1, &[serde_json::from_str(&crm).unwrap()]),
        ],
    )
}

#[test]
fn the_ticket_lists_what_evidence_verified_in_every_format() {
    use privatelink_prep::{render, Format};
    for (name, doc) in [("aws", full_aws()), ("azure", full_azure())] {
        let checked = check(&doc);
        let request = checked
            .request
            .unwrap_or_else(|| panic!("{name}: {:#?}", checked.report));
        for (format, ext) in [
            (Format::Text, "txt"),
            (Format::Markdown, "md"),
            (Format::Json, "json"),
        ] {
            let t = render(&request, format);
            common::assert_snapshot(
                &format!("ticket-{name}-bidirectional-evidence.{ext}"),
                &format!("{}\n\n{}", t.subject, t.body),
            );
        }
    }
}

#[test]
fn nothing_unverified_is_called_verified() {
    use privatelink_prep::{render, Format};
    // A contradiction anywhere: no ticket at all.
    let mut doc = full_aws();
    doc["evidence"][0]["output"]["Account"] = json!("111122223333");
    assert!(check(&doc).request.is_none());
    // Outputs that confirm nothing (a warning only): no verified section.
    let doc = aws(&[json!({"Reservations": []})], &[]);
    let request = check(&doc).request.unwrap();
    for format in [Format::Text, Format::Markdown, Format::Json] {
        let t = render(&request, format);
        assert!(!t.body.contains("Verified"), "{}", t.body);
        assert!(!t.body.contains("verified\""), "{}", t.body);
    }
    // Evidence never carries an output's other values into the ticket.
    let t = render(&check(&full_aws()).request.unwrap(), Format::Json);
    for secret in [
        "AIDASAMPLEUSERID",
        "DevAdmin",
        "8218753950b25648",
        "targetgroup",
    ] {
        assert!(!t.body.contains(secret), "{secret}");
    }
    let t = render(&check(&full_azure()).request.unwrap(), Format::Json);
    for secret in [
        "72f988bf",
        "admin@fabrikam.example",
        "10.0.1.4",
        "approved it",
    ] {
        assert!(!t.body.contains(secret), "{secret}");
    }
}

// --- The commands to run ---------------------------------------------------------------------

fn commands_of(doc: &Value) -> Vec<(String, &'static str, String)> {
    privatelink_prep::evidence::commands(doc)
        .into_iter()
        .map(|c| (c.attach_to, c.kind, c.command))
        .collect()
}

#[test]
fn the_commands_are_filled_with_the_request() {
    let doc: Value = serde_json::from_str(&request("aws-bidirectional.json")).unwrap();
    let got = commands_of(&doc);
    assert_eq!(got.len(), 7);
    assert_eq!(
        got[0],
        (
            "".into(),
            "aws-caller-identity",
            "aws sts get-caller-identity --output=json".into()
        )
    );
    assert_eq!(got[2], ("endpoint_services[0]".into(), "aws-endpoint-service-permissions", "aws ec2 describe-vpc-endpoint-service-permissions --service-id=vpce-svc-0a1b2c3d4e5f60718 --region=us-east-1 --output=json".into()));
    assert_eq!(got[3].2, "nlb=\"$(aws ec2 describe-vpc-endpoint-service-configurations --service-ids=vpce-svc-0a1b2c3d4e5f60718 --region=us-east-1 --query='ServiceConfigurations[0].NetworkLoadBalancerArns[0]' --output=text)\" && aws elbv2 describe-listeners --load-balancer-arn=\"$nlb\" --region=us-east-1 --output=json");
    assert_eq!(got[4].0, "endpoint_services[1]");
    let doc: Value = serde_json::from_str(&request("azure-bidirectional.json")).unwrap();
    assert_eq!(
        commands_of(&doc),
        [
            (
                "".into(),
                "azure-account",
                "az account show --subscription=7c9e6679-7425-40de-944b-e07fc1f90ae7 --output=json"
                    .into()
            ),
            (
                "endpoint_services[0]".into(),
                "azure-private-link-service",
                format!("az network private-link-service show --ids={PLS} --output=json")
            ),
            (
                "endpoint_services[1]".into(),
                "azure-private-link-service",
                format!(
                    "az network private-link-service show --ids={} --output=json",
                    PLS.replace("rg-erp", "rg-integration")
                        .replace("pls-erp", "pls-crm")
                )
            ),
        ]
    );
}

#[test]
fn a_draft_gets_placeholders_and_hostile_values_stay_quoted() {
    assert!(commands_of(&json!({})).is_empty());
    let draft = json!({"cloud": "aws", "region": "Mars", "connection_type": "bidirectional", "endpoint_services": [{"name": "x; rm -rf /"}]});
    let got = commands_of(&draft);
    assert_eq!(got[1].2, "aws ec2 describe-vpc-endpoint-service-configurations --service-ids=<vpce-svc-id> --region=<region> --output=json");
    let draft = json!({"cloud": "azure", "region": "East US 2", "account_id": "$(reboot)", "connection_type": "bidirectional", "endpoint_services": [{"name": "/subscriptions/7c9e6679-7425-40de-944b-e07fc1f90ae7/resourceGroups/rg(1)/providers/Microsoft.Network/privateLinkServices/p"}, {"name": "/subscriptions/x/resourceGroups/a'b"}]});
    let got = commands_of(&draft);
    assert_eq!(
        got[0].2,
        "az account show --subscription=<subscription-id> --output=json"
    );
    assert_eq!(got[1].2, "az network private-link-service show --ids='/subscriptions/7c9e6679-7425-40de-944b-e07fc1f90ae7/resourceGroups/rg(1)/providers/Microsoft.Network/privateLinkServices/p' --output=json");
    assert_eq!(got[2].2, "az network private-link-service show --ids=<private-link-service-resource-id> --output=json");
    // Unidirectional: the request-level command only.
    let doc: Value = serde_json::from_str(&request("aws-unidirectional.json")).unwrap();
    assert_eq!(commands_of(&doc).len(), 1);
}

#[test]
fn the_guide_holds_the_same_commands_before_the_ticket() {
    let doc: Value = serde_json::from_str(&request("aws-bidirectional.json")).unwrap();
    let guide = privatelink_prep::guide::guide(&check(&doc).request.unwrap());
    let send = &guide.steps[0];
    assert_eq!(send.id, "send-ticket");
    let in_guide: Vec<&str> = send.commands.iter().map(|c| c.command.as_str()).collect();
    let listed: Vec<String> = commands_of(&doc).into_iter().map(|c| c.2).collect();
    assert_eq!(in_guide, listed);
}

// --- evidenceRead's core ---------------------------------------------------------------------

#[test]
fn reading_a_paste_gives_kind_facts_fills_and_diagnostics() {
    use privatelink_prep::evidence::read;
    let mut doc: Value = serde_json::from_str(&request("aws-bidirectional.json")).unwrap();
    doc.as_object_mut().unwrap().remove("account_id");
    doc["endpoint_services"][1]["ports"] = json!([]);
    let text = |name: &str| std::fs::read_to_string(path("tests/evidence").join(name)).unwrap();
    let r = read(&doc, "", &text("aws-caller-identity.json")).unwrap();
    assert_eq!(r.recognised.as_ref().unwrap().kind, "aws-caller-identity");
    let fills: Vec<_> = r
        .fills
        .iter()
        .map(|f| (f.field.as_str(), serde_json::to_value(&f.value).unwrap()))
        .collect();
    assert_eq!(fills, [("account_id", json!("123456789012"))]);
    let r = read(&doc, "endpoint_services[1]", &text("aws-listeners.json")).unwrap();
    let fills: Vec<_> = r
        .fills
        .iter()
        .map(|f| (f.field.as_str(), serde_json::to_value(&f.value).unwrap()))
        .collect();
    assert_eq!(
        fills,
        [(
            "endpoint_services[1].ports",
            json!([
                {"service": "", "port": 8443, "protocol": "tcp"},
                {"service": "", "port": 514, "protocol": "udp"}
            ])
        )]
    );
    // The form's one blank port row is no port: the listeners fill it too; a typed row is kept.
    for (ports, filled) in [
        (
            json!([{"service": "", "port": "", "protocol": "tcp"}]),
            true,
        ),
        (json!([{"service": " ", "port": null}, {}]), true),
        (
            json!([{"service": "", "port": 8443, "protocol": "tcp"}]),
            false,
        ),
        (
            json!([{"service": "api", "port": "", "protocol": "tcp"}]),
            false,
        ),
    ] {
        let mut doc = doc.clone();
        doc["endpoint_services"][1]["ports"] = ports.clone();
        let r = read(&doc, "endpoint_services[1]", &text("aws-listeners.json")).unwrap();
        assert_eq!(!r.fills.is_empty(), filled, "{ports}");
    }
    // What it contradicts, with this output as the only evidence.
    let r = read(
        &doc,
        "endpoint_services[0]",
        &text("aws-listeners-alb.json"),
    )
    .unwrap();
    let codes: Vec<_> = r
        .diagnostics
        .iter()
        .map(|d| (d.code, d.field.as_str()))
        .collect();
    assert_eq!(
        codes,
        [
            ("PL825", "endpoint_services[0].evidence[0]"),
            ("PL823", "endpoint_services[0].ports[0].port"),
            ("PL823", "endpoint_services[0].ports[1].port"),
        ]
    );
    // Unreadable pastes.
    let r = read(&doc, "", "not json").unwrap();
    assert!(r.recognised.is_none() && r.facts.is_empty() && r.fills.is_empty());
    assert_eq!(r.diagnostics[0].code, "PL808");
    let r = read(&doc, "", &"x".repeat(300 * 1024)).unwrap();
    assert_eq!(
        r.diagnostics[0].message,
        "Cloud output 1 is 300 KiB long, more than the 256 KiB of an output read; it is ignored."
    );
    for bad in [
        "ports[0]",
        "endpoint_services[01]",
        "endpoint_services[]",
        "endpoint_services[0]x",
    ] {
        assert!(read(&doc, bad, "{}").is_err(), "{bad}");
    }
    // A filled field is not filled again.
    let full: Value = serde_json::from_str(&request("aws-bidirectional.json")).unwrap();
    assert!(read(&full, "", &text("aws-caller-identity.json"))
        .unwrap()
        .fills
        .is_empty());
}

// --- Bounds ----------------------------------------------------------------------------------

#[test]
fn outputs_are_bounded_in_count_size_and_depth() {
    use privatelink_prep::evidence::{MAX_EVIDENCE, MAX_OUTPUT_BYTES};
    assert_eq!((MAX_EVIDENCE, MAX_OUTPUT_BYTES), (20, 256 * 1024));
    // Exactly the limit is read; one more entry is refused.
    let list: Vec<Value> = (0..20).map(|_| f("aws-caller-identity.json")).collect();
    assert!(valid(&aws(&list, &[])));
    let list: Vec<Value> = (0..21).map(|_| f("aws-caller-identity.json")).collect();
    expect(
        &aws(&[], &[]).tap_service(list),
        &[(
            "PL809",
            "endpoint_services[0].evidence",
            "Cloud outputs about this service: 21 outputs, more than the 20 that are read.",
        )],
    );
    // Text up to 256 KiB is read; a JSON output over it too is ignored with a warning.
    let mut text = serde_json::to_string(&f("aws-caller-identity.json")).unwrap();
    text.push_str(&" ".repeat(MAX_OUTPUT_BYTES - text.len()));
    expect(&aws(&[json!(text)], &[]), &[]);
    text.push(' ');
    expect(&aws(&[json!(text)], &[]), &[("PL808", "evidence[0]", "Cloud output 1 is 256 KiB long, more than the 256 KiB of an output read; it is ignored.")]);
    let mut big = f("aws-caller-identity.json");
    big["UserId"] = json!("x".repeat(MAX_OUTPUT_BYTES));
    expect(&aws(&[big], &[]), &[("PL808", "evidence[0]", "Cloud output 1 is 256 KiB long, more than the 256 KiB of an output read; it is ignored.")]);
    // Text nested deeper than any document may be is not parsed.
    let deep = format!("{}{}", "[".repeat(65), "]".repeat(65));
    expect(
        &aws(&[json!(deep)], &[]),
        &[(
            "PL808",
            "evidence[0]",
            "Cloud output 1 is not JSON (it nests too deeply); it is ignored.",
        )],
    );
    let deep = format!("{}{}", "[".repeat(64), "]".repeat(64));
    expect(
        &aws(&[json!(deep)], &[]),
        &[(
            "PL807",
            "evidence[0]",
            "Cloud output 1 is a list, not the output of a command this tool reads; it is ignored.",
        )],
    );
    // As JSON inside the document, an output counts towards the document's own depth bound.
    let mut nested = json!(1);
    for _ in 0..70 {
        nested = json!([nested]);
    }
    let codes: Vec<_> = check(&aws(&[nested], &[]))
        .report
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect();
    assert_eq!(codes, ["PL017"]);
}

trait TapService {
    fn tap_service(self, list: Vec<Value>) -> Value;
}

impl TapService for Value {
    fn tap_service(mut self, list: Vec<Value>) -> Value {
        self["endpoint_services"][0]["evidence"] = list
            .into_iter()
            .map(|o| json!({"output": o}))
            .collect::<Vec<_>>()
            .into();
        self
    }
}

#[test]
fn the_verified_section_renders_inert_in_markdown() {
    use privatelink_prep::{render, Format};
    for doc in [full_aws(), full_azure()] {
        let md = render(&check(&doc).request.unwrap(), Format::Markdown).body;
        let section = &md[md.find("## Verified").unwrap()..];
        let mut o = comrak::Options::default();
        // Raw HTML kept, so that any would show.
        o.render.r#unsafe = true;
        o.extension.autolink = true;
        o.extension.strikethrough = true;
        o.extension.table = true;
        let html = comrak::markdown_to_html(section, &o);
        // Only the list, the heading, the paragraph and code spans: no link, emphasis or HTML.
        let mut tags: Vec<&str> = html
            .split('<')
            .skip(1)
            .map(|t| t.split(['>', ' ']).next().unwrap())
            .collect();
        tags.sort();
        tags.dedup();
        assert_eq!(
            tags,
            ["/code", "/h2", "/li", "/p", "/ul", "code", "h2", "li", "p", "ul"],
            "{html}"
        );
    }
}

/// `evidenceRead` and `evidenceCommands` write their JSON with the core's own writer: the same
/// text as serde's.
#[test]
fn the_page_gets_the_same_json_as_serde_writes() {
    use privatelink_prep::evidence::read;
    use privatelink_prep::pretty;
    let mut doc: Value = serde_json::from_str(&request("aws-bidirectional.json")).unwrap();
    doc.as_object_mut().unwrap().remove("account_id");
    doc["endpoint_services"][0]["ports"] = json!([]);
    doc["endpoint_services"][0]["principal_allowed"] = json!(false);
    for (at, name) in [
        ("", "aws-caller-identity.json"),
        ("endpoint_services[0]", "aws-listeners-alb.json"),
        ("endpoint_services[0]", "aws-listeners.json"),
        ("endpoint_services[0]", "aws-service-permissions.json"),
        ("", "azure-account.json"),
    ] {
        let text = std::fs::read_to_string(path("tests/evidence").join(name)).unwrap();
        let r = read(&doc, at, &text).unwrap();
        assert_eq!(
            pretty::to_string(&r),
            serde_json::to_string_pretty(&r).unwrap(),
            "{name}"
        );
    }
    let r = read(&doc, "", "\u{1b}not json \"\\").unwrap();
    assert_eq!(
        pretty::to_string(&r),
        serde_json::to_string_pretty(&r).unwrap()
    );
    let list = privatelink_prep::evidence::commands(&doc);
    assert_eq!(
        pretty::to_string(&list),
        serde_json::to_string_pretty(&list).unwrap()
    );
}

#[test]
fn listeners_of_another_load_balancer_verify_nothing() {
    // The ALB carries the ports, but an endpoint service cannot send to it.
    let mut doc = aws(&[], &[f("aws-listeners-alb.json")]);
    doc["endpoint_services"][0]["ports"] =
        json!([{"service": "HTTPS", "port": 443}, {"service": "HTTP", "port": 80}]);
    expect(&doc, &[("PL825", "endpoint_services[0].evidence[0]", "Cloud output 1 lists the listeners of the load balancer \"my-load-balancer\", which is not a Network Load Balancer.")]);
    assert!(verified(&doc).is_empty());
}
