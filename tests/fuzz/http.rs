//! The preview server's request parsing (`serve::http`): whatever bytes arrive, parsing never
//! panics, an accepted request's path stays inside the site, a foreign Host is refused and a
//! head over the size limit is refused. The server answers a request only when
//! [`parse_request`] accepts it *and* [`is_allowed_host`] accepts its Host (`serve::handle`);
//! [`answered`] is that decision.

use std::io::Write as _;
use std::net::{IpAddr, Ipv6Addr};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path};

use innotrain::serve::http::{MAX_HEAD, Refusal, Request, is_allowed_host, parse_request, read_request, site_path};
use proptest::prelude::*;

use crate::fuzz;

/// The request the preview answers, if any (as `serve::handle` decides).
fn answered(head: &[u8]) -> Option<Request> {
    parse_request(head).ok().filter(|request| request.host.as_deref().is_some_and(is_allowed_host))
}

/// What every accepted request must satisfy, whatever the head was.
fn check_accepted(head: &[u8], request: &Request) -> Result<(), TestCaseError> {
    let path = &request.path;
    prop_assert!(request.method == "GET" || request.method == "HEAD", "method {:?}", request.method);
    prop_assert!(path.starts_with('/') && !path.starts_with("//"), "not a site path: {path:?}");
    prop_assert!(!path.contains(['\0', '\\']), "NUL or backslash in {path:?}");
    prop_assert!(!path.split('/').any(|segment| segment == ".." || segment == "."), "dot segment in {path:?}");
    // Joined to the folder of the site, the path names something inside it.
    let joined = Path::new("/site").join(path.trim_start_matches('/'));
    prop_assert!(
        joined.starts_with("/site") && joined.components().skip(2).all(|c| matches!(c, Component::Normal(_))),
        "{path:?} leaves the site as {joined:?}"
    );
    let end = head_end(head).expect("an accepted head ends with a blank line");
    prop_assert!(end <= MAX_HEAD, "a head of {end} bytes was accepted");
    Ok(())
}

/// The length of the head up to and including its blank line, if it has one.
fn head_end(head: &[u8]) -> Option<usize> {
    let mut offset = 0;
    for (n, line) in head.split_inclusive(|&b| b == b'\n').enumerate() {
        offset += line.len();
        if n > 0 && line.ends_with(b"\n") && String::from_utf8_lossy(line).trim_end().is_empty() {
            return Some(offset);
        }
    }
    None
}

/// `localhost` or an IP address, with an optional port: the only Host values the preview may
/// answer (the property's oracle).
fn is_local_host(host: &str) -> bool {
    let is_name_or_address = |name: &str| {
        name.eq_ignore_ascii_case("localhost")
            || name.parse::<IpAddr>().is_ok()
            || name
                .strip_prefix('[')
                .and_then(|rest| rest.strip_suffix(']'))
                .is_some_and(|v6| v6.parse::<Ipv6Addr>().is_ok())
    };
    match host.rsplit_once(':') {
        _ if is_name_or_address(host) => true,
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => is_name_or_address(name),
        _ => false,
    }
}

/// The Host header values of a head (every one, in order), as the server would read them.
fn host_values(head: &[u8]) -> Vec<String> {
    let end = head_end(head).unwrap_or(head.len());
    String::from_utf8_lossy(&head[..end])
        .split('\n')
        .skip(1)
        .filter_map(|line| line.split_once(':'))
        .filter(|(name, _)| name.eq_ignore_ascii_case("host"))
        .map(|(_, value)| value.trim().to_ascii_lowercase())
        .collect()
}

fn check_request(head: &[u8]) -> Result<(), TestCaseError> {
    let parsed = parse_request(head);
    if let Ok(request) = &parsed {
        check_accepted(head, request)?;
    }
    if let Some(request) = answered(head) {
        let host = request.host.as_deref().unwrap_or_default();
        prop_assert!(is_local_host(host), "foreign Host {host:?} answered");
        for value in host_values(head) {
            prop_assert!(is_local_host(&value), "answered although one Host header is {value:?}");
        }
    }
    if head_end(head).is_some_and(|end| end > MAX_HEAD) {
        prop_assert_eq!(parsed, Err(Refusal::Malformed), "a head over {} bytes", MAX_HEAD);
    }
    Ok(())
}

// Generators.

fn method() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => Just("GET".to_string()),
        2 => Just("HEAD".to_string()),
        1 => prop::sample::select(vec!["POST", "get", "G ET", "", "OPTIONS", "GET\0", "CONNECT", "ÄGET"])
            .prop_map(str::to_string),
    ]
}

/// One segment of a path, raw or percent-encoded in the ways that hide a dot, a slash, a
/// backslash or NUL.
fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Z0-9_.~-]{0,8}",
        2 => prop::sample::select(vec![
            "..", ".", "%2e%2e", "%2E%2e", ".%2e", "%2e.", "%2e", "%2f", "%2F", "%5c", "%5C", "\\", "..\\",
            "%00", "%", "%2", "%zz", "%c0%ae%c0%ae", "%252e%252e", "%e2%80%ae", "%ce%b1", "α", "\u{0}",
            "..%2f..%2f", "%2e%2e%2f", "%2e%2e%5c", ";", "..;", "%20..", ".. ", "~", "%7e",
        ])
        .prop_map(str::to_string),
        1 => any::<String>().prop_map(|s| s.chars().take(6).collect()),
    ]
}

fn target() -> impl Strategy<Value = String> {
    let origin = (prop::collection::vec(segment(), 0..6), prop::option::of("[?#][a-z=&./%#?]{0,10}"))
        .prop_map(|(segments, tail)| format!("/{}{}", segments.join("/"), tail.unwrap_or_default()));
    prop_oneof![
        6 => origin,
        1 => prop::sample::select(vec![
            "http://localhost/book.toml", "http://evil.example/", "//etc/passwd", "\\\\server\\share", "*",
            "C:\\book.toml", "/C:/x", "", "?x", "#x", "localhost/x",
        ])
        .prop_map(str::to_string),
    ]
}

fn host_value() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "localhost",
            "LocalHost:8000",
            "127.0.0.1:8000",
            "[::1]:8000",
            "[::1]",
            "::1",
            "0.0.0.0",
            "evil.example",
            "evil.example:8000",
            "localhost.evil.example",
            "127.0.0.1.nip.io",
            "[::1]x",
            "[evil]:80",
            "",
            "localhost:",
            "localhost:80:80",
            "127.0.0.1 evil.example",
            "localhost\tx",
            "[::ffff:127.0.0.1]",
            "2130706433",
            "0x7f.1",
            "loca%6chost",
            "localhost.",
            "xn--lcalhost-0za",
        ])
        .prop_map(str::to_string),
        "[a-z0-9.:\\[\\]-]{0,20}",
    ]
}

/// A header line: Host in odd spellings, others with odd or huge values.
fn header() -> impl Strategy<Value = String> {
    let host_name = prop::sample::select(vec!["Host", "host", "HOST", "hOsT", " Host", "Host ", "X-Host", "Hos"]);
    prop_oneof![
        3 => (host_name, host_value(), prop::sample::select(vec![": ", ":", ":\t", " : "]))
            .prop_map(|(name, value, colon)| format!("{name}{colon}{value}")),
        2 => ("[A-Za-z-]{1,12}", "[ -~]{0,30}").prop_map(|(name, value)| format!("{name}: {value}")),
        1 => (1usize..20_000).prop_map(|n| format!("X-Long: {}", "a".repeat(n))),
        1 => Just("no colon here".to_string()),
        1 => any::<String>(),
    ]
}

/// A structured request head, with line endings that are sometimes wrong.
fn request_head() -> impl Strategy<Value = Vec<u8>> {
    let version = prop::sample::select(vec!["HTTP/1.1", "HTTP/1.0", "HTTP/2", "http/1.1", "HTTP/1.", "FTP/9", ""]);
    let ending = prop::sample::select(vec!["\r\n", "\r\n", "\r\n", "\n", "\r", " \r\n"]);
    (
        method(),
        target(),
        version,
        prop::collection::vec(header(), 0..5),
        ending,
        prop::sample::select(vec!["\r\n", "\n", "", "\r\n\r\nGET / HTTP/1.1\r\n"]),
        prop::sample::select(vec![" ", " ", "  ", "\t"]),
    )
        .prop_map(|(method, target, version, headers, eol, end, space)| {
            let mut head = format!("{method}{space}{target} {version}{eol}");
            for header in headers {
                head.push_str(&header);
                head.push_str(eol);
            }
            head.push_str(end);
            head.into_bytes()
        })
}

fn any_head() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        4 => request_head(),
        1 => prop::collection::vec(any::<u8>(), 0..200),
        1 => (request_head(), prop::collection::vec(any::<u8>(), 0..40), any::<prop::sample::Index>())
            .prop_map(|(mut head, noise, at)| {
                let at = at.index(head.len() + 1);
                head.splice(at..at, noise);
                head
            }),
    ]
}

#[test]
fn http_request() {
    fuzz("http_request", 3000, any_head(), |head| check_request(&head));
}

/// [`read_request`] on a socket decides exactly as [`parse_request`] on the same bytes: the
/// refactor that made the parser fuzzable changed nothing for the server.
#[test]
fn http_socket() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    fuzz("http_socket", 200, any_head(), |head| {
        let client = {
            let head = head.clone();
            std::thread::spawn(move || {
                let mut stream = TcpStream::connect(address).unwrap();
                // The server stops reading at the limit and closes: the rest may not be sent.
                let _ = stream.write_all(&head);
                let _ = stream.shutdown(std::net::Shutdown::Write);
                stream
            })
        };
        let (server, _) = listener.accept().unwrap();
        let from_socket = read_request(&server);
        drop(server);
        drop(client.join().unwrap());
        prop_assert_eq!(from_socket, parse_request(&head));
        Ok(())
    });
}

#[test]
fn site_path_target() {
    fuzz("site_path_target", 3000, prop_oneof![target(), any::<String>()], |target| {
        if let Ok(path) = site_path(&target) {
            let head = format!("GET {target} HTTP/1.1\r\nHost: localhost\r\n\r\n");
            let request = Request { method: "GET".into(), path, host: Some("localhost".into()) };
            check_accepted(head.as_bytes(), &request)?;
        }
        Ok(())
    });
}

#[test]
fn allowed_host() {
    fuzz("allowed_host", 3000, prop_oneof![host_value(), any::<String>()], |host| {
        if is_allowed_host(&host) {
            prop_assert!(is_local_host(&host), "{host:?} allowed");
        }
        Ok(())
    });
}

// Crashes and escapes the fuzzer found, kept with their minimal input.

/// Found by `site_path`: `%2f` decoded after the check for `//`, so `/%2fetc/passwd` was
/// accepted as `//etc/passwd`, an absolute path.
#[test]
fn an_encoded_slash_cannot_make_an_absolute_path() {
    assert_eq!(site_path("/%2f"), Err(Refusal::OutsideSite));
    assert_eq!(site_path("/%2Fetc/passwd"), Err(Refusal::OutsideSite));
    assert_eq!(parse_request(b"GET /%2fetc/passwd HTTP/1.1\r\nHost: localhost\r\n\r\n"), Err(Refusal::OutsideSite));
}

/// Which of two Host headers counted was the last one's: a foreign name next to `localhost`
/// was answered.
#[test]
fn a_second_host_header_is_refused() {
    let head = b"GET / HTTP/1.1\r\nHost: evil.example\r\nHOST: localhost\r\n\r\n";
    assert_eq!(parse_request(head), Err(Refusal::Malformed));
    assert!(answered(head).is_none());
}
