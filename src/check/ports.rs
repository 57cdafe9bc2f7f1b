//! Ports: the request's own and each endpoint service's; service names, numbers and protocols.

use serde_json::Value;

use crate::diagnostic::Diagnostic;
use crate::regions::Cloud;
use crate::request::{PortSpec, Protocol};
use crate::rules;
use crate::text::{and_list, contains, contains_ignore_ascii_case, is_blank, is_one_line, quote};

use super::{member, number_text, Checker, Got, MAX_PORTS, MAX_SERVICE_CHARS};

/// Which way the connections on a list of ports go: some rules concern one way only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Direction {
    /// From the customer's network into Adobe Commerce (the request's own `ports`).
    IntoAdobe,
    /// From Adobe Commerce out to one of the customer's endpoint services.
    FromAdobe,
}

/// The fields of one port entry.
const PORT_FIELDS: &[&str] = &["service", "port", "protocol"];

impl Checker {
    /// Checks a list of ports at `path` (the request's `ports` or an endpoint service's).
    pub(crate) fn ports(
        &mut self,
        v: Option<&Value>,
        path: &str,
        cloud: Option<Cloud>,
        dir: Direction,
    ) -> Option<Vec<PortSpec>> {
        let items = self.present_list(
            v,
            path,
            "a list of {service, port, protocol} entries",
            &rules::PORTS_MISSING,
            &[],
        )?;
        let errors_before = self.error_count();
        // An AWS NLB limit; Azure's Standard Load Balancer allows far more rules.
        if items.len() > MAX_PORTS && cloud == Some(Cloud::Aws) {
            let (count, max) = (items.len().to_string(), MAX_PORTS.to_string());
            self.emit(
                &rules::PORTS_TOO_MANY,
                path,
                0,
                &[("count", &count), ("max", &max)],
            );
        }
        let mut out: Vec<PortSpec> = Vec::with_capacity(items.len());
        let mut seen: Vec<(u16, Protocol)> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let at = format!("{path}[{i}]");
            let Some(entry) = item.as_object() else {
                self.wrong_type(&at, "an object with service, port and protocol", item);
                continue;
            };
            let service = self.service(entry.get("service"), &member(&at, "service"));
            // The row's protocol as given (TCP when left out), for a port typed with one.
            let chosen = match entry.get("protocol") {
                Some(Value::String(p)) if !is_blank(p) => p.trim(),
                None | Some(Value::Null) | Some(Value::String(_)) => "tcp",
                Some(_) => "",
            };
            let port = self.port_number(
                entry.get("port"),
                &member(&at, "port"),
                cloud,
                dir,
                (service, chosen),
            );
            let protocol = self.protocol(entry.get("protocol"), &member(&at, "protocol"), cloud);
            self.unknown_fields(entry, PORT_FIELDS, &at);
            let (Some(port), Some(protocol)) = (port, protocol) else {
                continue;
            };
            if seen.contains(&(port, protocol)) {
                self.emit(
                    &rules::PORT_DUPLICATE,
                    member(&at, "port"),
                    0,
                    &[("port", &port.to_string()), ("protocol", protocol.label())],
                );
                continue;
            }
            seen.push((port, protocol));
            if let Some(service) = service {
                out.push(PortSpec {
                    service: service.to_string(),
                    port,
                    protocol,
                });
            }
        }
        (self.error_count() == errors_before).then_some(out)
    }

    pub(super) fn service<'a>(&mut self, v: Option<&'a Value>, path: &str) -> Option<&'a str> {
        let s = self.present(v, path, &rules::SERVICE_MISSING)?;
        if !is_one_line(s) || crate::text::char_count(s) > MAX_SERVICE_CHARS {
            self.emit(
                &rules::SERVICE_NOT_ONE_LINE,
                path,
                0,
                &[
                    ("value", &quote(s)),
                    ("max", &MAX_SERVICE_CHARS.to_string()),
                ],
            );
            return None;
        }
        Some(s)
    }

    pub(super) fn port_number(
        &mut self,
        v: Option<&Value>,
        path: &str,
        cloud: Option<Cloud>,
        dir: Direction,
        (service, chosen): (Option<&str>, &str),
    ) -> Option<u16> {
        let number: Option<u64> = match v {
            None | Some(Value::Null) => {
                self.emit(&rules::PORT_INVALID, path, 0, &[]);
                return None;
            }
            // A whole number however written (`80.0`, `8.0e1`) is that number; negative ones
            // (and `-0`) read as 0 and huge ones saturate, both out of range; fractions are
            // not ports at all.
            Some(Value::Number(n)) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => Some(u),
                (_, Some(_), _) => Some(0),
                // `as` saturates: below zero is 0, beyond u64 is u64::MAX.
                (_, _, Some(f)) if f.fract() == 0.0 => Some(f as u64),
                _ => None,
            },
            Some(Value::String(s)) => {
                let t = s.trim();
                if t.is_empty() {
                    self.emit(&rules::PORT_INVALID, path, 0, &[]);
                    return None;
                }
                if t.len() <= 20 && t.bytes().all(|b| b.is_ascii_digit()) {
                    Some(t.parse::<u64>().unwrap_or(u64::MAX))
                } else if t.len() <= 20
                    && t.starts_with('-')
                    && t.bytes().skip(1).all(|b| b.is_ascii_digit())
                {
                    Some(0)
                } else {
                    None
                }
            }
            Some(other) => {
                self.wrong_type(path, "a port number", other);
                return None;
            }
        };
        let Some(n) = number else {
            let d = match v {
                Some(Value::String(s)) => self.not_a_port(s.trim(), path, chosen),
                _ => self.diag(&rules::PORT_INVALID, path, 2, &[]),
            };
            self.push(d);
            return None;
        };
        let max: u64 = if cloud == Some(Cloud::Azure) {
            65534
        } else {
            65535
        };
        let shown = match v {
            Some(Value::Number(num)) => number_text(num),
            Some(Value::String(s)) => s.trim().to_string(),
            _ => n.to_string(),
        };
        if n == 0 || n > max {
            let on = cloud
                .map(|c| format!(" on {}", c.label()))
                .unwrap_or_default();
            let variant = usize::from(!shown.starts_with('a'));
            let max = max.to_string();
            let args = [("shown", shown.as_str()), ("max", &max), ("on", &on)];
            self.emit(&rules::PORT_OUT_OF_RANGE, path, variant, &args);
            return None;
        }
        let port = n as u16;
        let ssh_name = service.is_some_and(is_ssh_service);
        match dir {
            Direction::IntoAdobe if port == 22 || ssh_name => {
                let value = quote(service.unwrap_or_default());
                let variant = usize::from(port != 22);
                self.emit(&rules::PORT_SSH, path, variant, &[("value", &value)]);
                return None;
            }
            Direction::FromAdobe if port == 22 || ssh_name => {
                let value = quote(service.unwrap_or_default());
                let variant = usize::from(port != 22);
                self.emit(
                    &rules::PORT_22_OUTBOUND,
                    path,
                    variant,
                    &[("value", &value)],
                );
            }
            _ => {}
        }
        if port == 443 && dir == Direction::IntoAdobe {
            match cloud {
                Some(Cloud::Azure) => {
                    self.emit(&rules::PORT_443_AZURE, path, 0, &[]);
                    return None;
                }
                Some(Cloud::Aws) => self.emit(&rules::PORT_443_AWS, path, 0, &[]),
                None => {}
            }
        }
        Some(port)
    }

    /// PL202 for text that is not one port: explained, with the port to use when it is a port
    /// with its protocol (`443/tcp`) and the rows to split it into when it is a list (`80,443`)
    /// or a short range (`8000-8003`). `chosen`: the row's protocol.
    fn not_a_port(&self, t: &str, path: &str, chosen: &str) -> Diagnostic {
        let value = quote(t);
        let numbers: Vec<&str> = t
            .split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
            .collect();
        let words = t
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty());
        let protocol = words.clone().find_map(|w| {
            ["tcp", "udp"]
                .into_iter()
                .find(|p| w.eq_ignore_ascii_case(p))
        });
        let valid =
            |n: &&str| n.len() <= 5 && n.parse::<u32>().is_ok_and(|p| (1..=65535).contains(&p));
        let only = |allowed: &[char]| {
            t.chars()
                .all(|c| c.is_ascii_digit() || allowed.contains(&c))
        };
        // "443/tcp", "tcp/443", "443 TCP": one port and a protocol. The port alone is the fix
        // when the row has that protocol already; otherwise the protocol must be chosen too, and
        // a "Use 443" alone would lose it.
        if let (Some(proto), [port]) = (protocol, numbers.as_slice()) {
            if valid(port) && words.count() == 1 {
                let upper = proto.to_ascii_uppercase();
                let args = [
                    ("value", value.as_str()),
                    ("port", port),
                    ("protocol", &upper),
                ];
                if chosen.eq_ignore_ascii_case(proto) {
                    return self
                        .diag(&rules::PORT_INVALID, path, 7, &args)
                        .with_suggestion(*port);
                }
                return self.diag(&rules::PORT_INVALID, path, 3, &args);
            }
        }
        if numbers.len() >= 2 && numbers.iter().all(valid) {
            // "8000-8010": a range of ports. Adobe opens single ports: a short range is split
            // into its ports, a long one explained.
            if numbers.len() == 2
                && only(&['-', ' ', '.'])
                && (t.contains('-') || contains(t, ".."))
            {
                let (first, last) = (numbers[0].parse::<u16>(), numbers[1].parse::<u16>());
                if let (Ok(first), Ok(last)) = (first, last) {
                    if first < last {
                        let count = (last - first + 1).to_string();
                        if last - first < MAX_RANGE_SPLIT {
                            let ports: Vec<String> =
                                (first..=last).map(|p| p.to_string()).collect();
                            let args = [
                                ("value", value.as_str()),
                                ("count", &count),
                                ("ports", &and_list(&ports)),
                            ];
                            return self
                                .diag(&rules::PORT_INVALID, path, 5, &args)
                                .with_split(ports);
                        }
                        let args = [("value", value.as_str()), ("count", &count)];
                        return self.diag(&rules::PORT_INVALID, path, 6, &args);
                    }
                }
            }
            // "80,443", "80; 443", "80 443": several ports, one row each; a port named twice
            // gets one row.
            if only(&[',', ';', ' ']) && numbers.len() <= MAX_PORTS {
                let mut ports: Vec<String> = Vec::with_capacity(numbers.len());
                for n in &numbers {
                    let n = n.trim_start_matches('0').to_string();
                    if !ports.contains(&n) {
                        ports.push(n);
                    }
                }
                if ports.len() >= 2 {
                    let count = ports.len().to_string();
                    let args = [
                        ("value", value.as_str()),
                        ("count", &count),
                        ("ports", &and_list(&ports)),
                    ];
                    return self
                        .diag(&rules::PORT_INVALID, path, 4, &args)
                        .with_split(ports);
                }
            }
        }
        self.diag(&rules::PORT_INVALID, path, 1, &[("value", &value)])
    }

    pub(super) fn protocol(
        &mut self,
        v: Option<&Value>,
        path: &str,
        cloud: Option<Cloud>,
    ) -> Option<Protocol> {
        let p = match self.text(v, path) {
            Got::Missing => return Some(Protocol::Tcp),
            Got::Reported => return None,
            Got::Ok(s) if s.eq_ignore_ascii_case("tcp") => Protocol::Tcp,
            Got::Ok(s) if s.eq_ignore_ascii_case("udp") => Protocol::Udp,
            Got::Ok(s) => {
                self.emit(&rules::PROTOCOL_UNKNOWN, path, 0, &[("value", &quote(s))]);
                return None;
            }
        };
        if p == Protocol::Udp && cloud == Some(Cloud::Aws) {
            self.emit(&rules::PROTOCOL_UDP_AWS, path, 0, &[]);
        }
        Some(p)
    }
}

/// The longest range split into its ports; a longer one is explained instead.
const MAX_RANGE_SPLIT: u16 = 10;

/// True for service names that mean SSH (`SSH`, `sshd`, `OpenSSH`, `Secure Shell`), but not those
/// that mention SFTP (`SFTP over SSH`), a file transfer service Adobe lists as one to open.
fn is_ssh_service(name: &str) -> bool {
    // Compared without lower-casing a copy: this runs on every port of every list.
    if contains_ignore_ascii_case(name, "sftp") {
        return false;
    }
    contains_ignore_ascii_case(name, "secure shell")
        || name.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| {
            ["ssh", "sshd", "openssh"]
                .iter()
                .any(|s| w.eq_ignore_ascii_case(s))
        })
}
