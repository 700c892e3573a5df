//! The smallest HTTP/1.1 the preview needs, written for hostile input: a request head of at
//! most 16 KiB read with a timeout, GET and HEAD only, a Host header that must be `localhost` or
//! an address (against DNS rebinding), and request paths that can never leave the built site
//! (it is served from memory, and `..`, encoded separators, backslashes and NUL are refused).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// Largest request head accepted.
pub const MAX_HEAD: usize = 16 * 1024;

/// A parsed request.
#[derive(Debug, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    /// The decoded path, `/`-separated, starting with `/`.
    pub path: String,
    pub host: Option<String>,
}

/// Why a request is answered with an error.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// 400: not HTTP we understand.
    Malformed,
    /// 404: a path that tries to leave the site.
    OutsideSite,
    /// 405: not GET or HEAD.
    Method,
}

/// Reads one request head from `stream` (with a timeout, at most [`MAX_HEAD`] bytes) and parses
/// it with [`parse_request`].
pub fn read_request(stream: &TcpStream) -> Result<Request, Refusal> {
    stream.set_read_timeout(Some(Duration::from_secs(5))).map_err(|_| Refusal::Malformed)?;
    let head = read_head(BufReader::new(stream.take(MAX_HEAD as u64)))?;
    parse_request(&head)
}

/// The bytes of a request head: lines up to and including the first blank one, or everything
/// until the connection (or the size limit) ended it, which [`parse_request`] refuses. Lines
/// must be UTF-8.
fn read_head(mut reader: impl BufRead) -> Result<Vec<u8>, Refusal> {
    let mut head = Vec::new();
    loop {
        let line_start = head.len();
        let read = reader.read_until(b'\n', &mut head).map_err(|_| Refusal::Malformed)?;
        let line = std::str::from_utf8(&head[line_start..]).map_err(|_| Refusal::Malformed)?;
        let complete = read > 0 && line.ends_with('\n');
        if !complete || line.trim_end().is_empty() {
            return Ok(head);
        }
    }
}

/// Parses a request head: the request line, then header lines up to a blank line (anything
/// after it is ignored). Kept apart from the socket so that it can be fuzzed (tests/fuzz/).
/// Refused: a head longer than [`MAX_HEAD`] or not closed by a blank line, text that is not
/// UTF-8, a request line that is not `METHOD target HTTP/1.x`, a header line without a colon,
/// more than one Host header, a target outside the site, a method other than GET and HEAD.
pub fn parse_request(head: &[u8]) -> Result<Request, Refusal> {
    let mut lines = head.split_inclusive(|&b| b == b'\n');
    let mut consumed = 0;
    let mut next_line = || -> Result<Option<&str>, Refusal> {
        let Some(line) = lines.next() else { return Ok(None) };
        consumed += line.len();
        // A head that only ends beyond the limit was cut off by it when read from a socket.
        if consumed > MAX_HEAD {
            return Err(Refusal::Malformed);
        }
        std::str::from_utf8(line).map(Some).map_err(|_| Refusal::Malformed)
    };
    let line = next_line()?.unwrap_or_default();
    let mut parts = line.trim_end().split(' ');
    let (Some(method), Some(target), Some(version), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Refusal::Malformed);
    };
    if !version.starts_with("HTTP/1.") || method.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(Refusal::Malformed);
    }
    let mut host = None;
    loop {
        let Some(header) = next_line()? else { return Err(Refusal::Malformed) };
        if !header.ends_with('\n') {
            return Err(Refusal::Malformed); // the head was cut off (too long, or closed)
        }
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        let Some((name, value)) = header.split_once(':') else { return Err(Refusal::Malformed) };
        if name.eq_ignore_ascii_case("host") {
            // Two Host headers (RFC 9112 §3.2: answered with 400) would leave it to chance which
            // one the Host check sees.
            if host.is_some() {
                return Err(Refusal::Malformed);
            }
            host = Some(value.trim().to_ascii_lowercase());
        }
    }
    let path = site_path(target)?;
    if method != "GET" && method != "HEAD" {
        return Err(Refusal::Method);
    }
    Ok(Request { method: method.to_string(), path, host })
}

/// The path of a request target, decoded and checked. Only origin-form targets (`/x`) are
/// served; absolute-form (`http://…`) and anything that could climb out are refused.
pub fn site_path(target: &str) -> Result<String, Refusal> {
    if !target.starts_with('/') || target.starts_with("//") {
        return Err(Refusal::OutsideSite);
    }
    let raw = target.split(['?', '#']).next().unwrap_or("/");
    // An encoded separator is one the checks below cannot tell from a character of a name:
    // `/%2fetc/passwd` would be `//etc/passwd`. No file name of a site holds one.
    if raw.to_ascii_lowercase().contains("%2f") {
        return Err(Refusal::OutsideSite);
    }
    let decoded = percent_decode(raw).ok_or(Refusal::Malformed)?;
    if decoded.contains(['\\', '\0']) || decoded.split('/').any(|segment| segment == ".." || segment == ".") {
        return Err(Refusal::OutsideSite);
    }
    Ok(decoded)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Whether `host` (a Host header value) may be answered: `localhost` or an IP address, never
/// another name. DNS rebinding needs a name (an attacker's domain made to resolve to this
/// machine, whose pages the browser then lets read the preview); an address in the Host header
/// means the browser's page came from that address, the preview itself. Addresses rather than
/// only loopback ones, so that `--bind 127.0.0.2` or `--bind 0.0.0.0` answers at the address the
/// reader typed.
pub fn is_allowed_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((address, port)) if port.is_empty() || port.strip_prefix(':').is_some_and(is_port) => address,
            _ => return false,
        },
        None => host.rsplit_once(':').map_or(host, |(name, port)| if is_port(port) { name } else { host }),
    };
    name.eq_ignore_ascii_case("localhost") || name.parse::<std::net::IpAddr>().is_ok()
}

/// `8000`.
fn is_port(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_digit())
}

/// Writes a complete response. No `Access-Control-Allow-Origin`: other sites must not read
/// the preview.
pub fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// The content type of a served file, by its extension.
pub fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase()).as_deref() {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml",
        Some("txt") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("webp") => "image/webp",
        Some("pdf") => "application/pdf",
        Some("zip") => "application/zip",
        Some("epub") => "application/epub+zip",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_every_way_out_of_the_site() {
        for target in [
            "/../book.toml",
            "/%2e%2e/book.toml",
            "/a/%2E%2E/%2e%2e/x",
            "/..%2fbook.toml",
            "/a\\..\\b",
            "//etc/passwd",
            "http://evil/x",
            "/a%00b",
            "/./x",
            "/%2fetc/passwd",
            "/a%2Fb",
        ] {
            assert!(site_path(target).is_err(), "{target}");
        }
        assert_eq!(site_path("/2.0/el/%CE%B1/?x=1").unwrap(), "/2.0/el/α/");
    }

    #[test]
    fn refuses_a_second_host_header() {
        let head = b"GET / HTTP/1.1\r\nHost: evil.example\r\nhost: localhost\r\n\r\n";
        assert_eq!(parse_request(head), Err(Refusal::Malformed));
        let head = b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n";
        assert_eq!(parse_request(head).unwrap().host.as_deref(), Some("localhost"));
    }

    #[test]
    fn allows_localhost_and_addresses_but_no_other_name() {
        for host in [
            "localhost:8000",
            "LOCALHOST",
            "127.0.0.1:8000",
            "127.0.0.2:8000",
            "[::1]:8000",
            "[::1]",
            "localhost",
            "192.168.1.5:8000",
        ] {
            assert!(is_allowed_host(host), "{host}");
        }
        for host in [
            "evil.example",
            "evil.example:8000",
            "localhost.evil.example",
            "127.0.0.1.nip.io:80",
            "[::1]x",
            "[::1]8000",
            "[evil.example]:80",
            "",
        ] {
            assert!(!is_allowed_host(host), "{host}");
        }
    }
}
