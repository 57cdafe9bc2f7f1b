//! Ports: the request's own and each endpoint service's; service names, numbers and protocols.

use serde_json::Value;

use crate::diagnostic::Diagnostic;
use crate::regions::Cloud;
use crate::request::{PortSpec, Protocol};
use crate::rules;
use crate::text::{is_one_line, quote};

use super::{number_text, Checker, Got, MAX_PORTS, MAX_SERVICE_CHARS};

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
        let items = self.required_list(
            v,
            path,
            "a list of {service, port, protocol} entries",
            &rules::PORTS_MISSING,
            "No port is listed; name each service and the port Adobe must open for it.",
        )?;
        let errors_before = self.error_count();
        // An AWS NLB limit; Azure's Standard Load Balancer allows far more rules.
        if items.len() > MAX_PORTS && cloud == Some(Cloud::Aws) {
            self.push(Diagnostic::new(
                &rules::PORTS_TOO_MANY,
                path,
                format!(
                    "{} ports are listed, but one AWS endpoint service can carry at most {MAX_PORTS}.",
                    items.len()
                ),
            ));
        }
        let mut out: Vec<PortSpec> = Vec::with_capacity(items.len());
        let mut seen: Vec<(u16, Protocol)> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let at = format!("{path}[{i}]");
            let Some(entry) = item.as_object() else {
                self.wrong_type(&at, "an object with service, port and protocol", item);
                continue;
            };
            let service = self.service(entry.get("service"), &format!("{at}.service"));
            let port = self.port_number(
                entry.get("port"),
                &format!("{at}.port"),
                cloud,
                dir,
                service,
            );
            let protocol = self.protocol(entry.get("protocol"), &format!("{at}.protocol"), cloud);
            self.unknown_fields(entry, PORT_FIELDS, &at);
            let (Some(port), Some(protocol)) = (port, protocol) else {
                continue;
            };
            if seen.contains(&(port, protocol)) {
                self.push(Diagnostic::new(
                    &rules::PORT_DUPLICATE,
                    format!("{at}.port"),
                    format!("Port {port}/{} is listed more than once.", protocol.label()),
                ));
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
        let s = self.required(
            v,
            path,
            &rules::SERVICE_MISSING,
            "The service name is missing; say what runs on this port.",
        )?;
        if !is_one_line(s) || s.chars().count() > MAX_SERVICE_CHARS {
            self.push(Diagnostic::new(
                &rules::SERVICE_NOT_ONE_LINE,
                path,
                format!(
                    "The service name {} must be one line of at most {MAX_SERVICE_CHARS} characters.",
                    quote(s)
                ),
            ));
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
        service: Option<&str>,
    ) -> Option<u16> {
        let number: Option<u64> = match v {
            None | Some(Value::Null) => {
                self.push(Diagnostic::new(
                    &rules::PORT_INVALID,
                    path,
                    "The port number is missing.",
                ));
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
                    self.push(Diagnostic::new(
                        &rules::PORT_INVALID,
                        path,
                        "The port number is missing.",
                    ));
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
            let msg = match v {
                Some(Value::String(s)) => format!(
                    "{} is not a port number; a port is a whole number such as 3306.",
                    quote(s.trim())
                ),
                _ => "The port has a fraction; a port is a whole number such as 3306.".to_string(),
            };
            self.push(Diagnostic::new(&rules::PORT_INVALID, path, msg));
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
            let msg = if shown.starts_with('a') {
                format!("The port is {shown}, out of range; ports run from 1 to {max}{on}.")
            } else {
                format!("Port {shown} is out of range; ports run from 1 to {max}{on}.")
            };
            self.push(Diagnostic::new(&rules::PORT_OUT_OF_RANGE, path, msg));
            return None;
        }
        let port = n as u16;
        let ssh_name = service.is_some_and(is_ssh_service);
        match dir {
            Direction::IntoAdobe if port == 22 || ssh_name => {
                let msg = if port == 22 {
                    "Port 22 is SSH into the Adobe Commerce environment, which cannot go over PrivateLink.".to_string()
                } else {
                    format!(
                        "The service {} looks like SSH, and SSH into the Adobe Commerce environment cannot go over PrivateLink on any port.",
                        quote(service.unwrap_or_default())
                    )
                };
                self.push(Diagnostic::new(&rules::PORT_SSH, path, msg));
                return None;
            }
            Direction::FromAdobe if port == 22 || ssh_name => {
                let msg = if port == 22 {
                    "Port 22 on your endpoint service: Adobe's page does not say whether Adobe connects out to a server of yours on port 22.".to_string()
                } else {
                    format!(
                        "The service {} on your endpoint service looks like SSH: Adobe's page does not say whether Adobe connects out to SSH.",
                        quote(service.unwrap_or_default())
                    )
                };
                self.push(Diagnostic::new(&rules::PORT_22_OUTBOUND, path, msg));
            }
            _ => {}
        }
        if port == 443 && dir == Direction::IntoAdobe {
            match cloud {
                Some(Cloud::Azure) => {
                    self.push(Diagnostic::new(
                        &rules::PORT_443_AZURE,
                        path,
                        "Port 443 (HTTPS) cannot be opened over Private Link on Azure.",
                    ));
                    return None;
                }
                Some(Cloud::Aws) => self.push(Diagnostic::new(
                    &rules::PORT_443_AWS,
                    path,
                    "Port 443 (HTTPS) is supported on AWS, though older guidance excluded it.",
                )),
                None => {}
            }
        }
        Some(port)
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
                self.push(Diagnostic::new(
                    &rules::PROTOCOL_UNKNOWN,
                    path,
                    format!("The protocol {} is neither tcp nor udp.", quote(s)),
                ));
                return None;
            }
        };
        if p == Protocol::Udp && cloud == Some(Cloud::Aws) {
            self.push(Diagnostic::new(
                &rules::PROTOCOL_UDP_AWS,
                path,
                "UDP: AWS PrivateLink supports UDP endpoint services, but Adobe's page does not say whether Adobe accepts UDP.",
            ));
        }
        Some(p)
    }
}

/// True for service names that mean SSH (`SSH`, `sshd`, `OpenSSH`, `Secure Shell`), but not those
/// that mention SFTP (`SFTP over SSH`), a file transfer service Adobe lists as one to open.
fn is_ssh_service(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower.contains("sftp") {
        return false;
    }
    lower.contains("secure shell")
        || lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| w == "ssh" || w == "sshd" || w == "openssh")
}
