//! Parsing URL text without tripping the ASCII-only IDNA back end.
//!
//! The crate pins `idna_adapter = 1.0.0` (ASCII only, see `crate/Cargo.toml`). Its `map_normalize` carries a
//! `debug_assert!` that no label mixing non-ASCII characters also holds an upper-case ASCII letter, which
//! `url` does not guarantee: `crate::url_text::parse("https://A\u{10740}")` panics in every debug build (`cargo test`,
//! the debug CLI) instead of failing. Found by `crate/tests/connection_export.rs`; release builds map the label to
//! U+FFFD and fail with `IdnaError`. A punycode label (`xn--…`) decodes to non-ASCII too and trips a bidi
//! `assert!` with the adapter's empty tables (found by the `data_center` fuzz target:
//! `https://XN--ddddd000ddNdj…`). [`parse`] answers `IdnaError` itself for a host of a special scheme (the only
//! ones that go through IDNA) that is non-ASCII or has a punycode label, so the result is the same in every
//! build and nothing panics. Zoho's hosts are plain ASCII.

/// `url::Url::parse`, except that a host of a special scheme (http, https, ws, wss, ftp, file) holding a
/// non-ASCII character (raw or percent-encoded) or a punycode (`xn--`) label is `Err(IdnaError)` before IDNA
/// sees it.
pub(crate) fn parse(text: &str) -> Result<url::Url, url::ParseError> {
    if refused_host(text) {
        return Err(url::ParseError::IdnaError);
    }
    url::Url::parse(text)
}

fn refused_host(text: &str) -> bool {
    // What `url` ignores: leading/trailing C0 controls and spaces, and every tab and newline.
    let cleaned: String =
        text.trim_matches(|c: char| c <= ' ').chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    let Some((scheme, rest)) = cleaned.split_once(':') else { return false };
    let special = ["http", "https", "ws", "wss", "ftp", "file"];
    if !special.iter().any(|s| s.eq_ignore_ascii_case(scheme)) {
        return false;
    }
    let rest = rest.trim_start_matches(['/', '\\']);
    let authority = rest.split(['/', '\\', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    let decoded = percent_decoded(host);
    decoded.iter().any(|b| *b >= 0x80)
        || decoded.split(|b| *b == b'.').any(|label| label.get(..4).is_some_and(|p| p.eq_ignore_ascii_case(b"xn--")))
}

/// The bytes of `text` with `%XY` escapes decoded (a malformed escape is kept as is).
fn percent_decoded(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |j: usize| bytes.get(j).and_then(|c| char::from(*c).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                out.push(u8::try_from(h * 16 + l).unwrap_or(b'%'));
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn non_ascii_host_with_upper_case_is_an_error_not_a_panic() {
        for text in [
            "https://A\u{10740}",
            "A\u{10740}://x",
            "HTTPS:\\\\user@Zoho.\u{e9}u:443/x",
            "https://%41%F0%90%9D%80/",
            " \thttps://accounts.ZOHO.\u{0435}u/oauth ",
            "https:A\u{10740}",
            "https://\\XN--ddddd000ddNdjRRRRRRRRRRRRRRRRRRjR", // the fuzz finding
            "https://xn--zoho-9ra.eu/",
            "https://accounts.%78n--zoho-9ra.eu/",
        ] {
            let r = parse(text);
            if text.starts_with("A\u{10740}") {
                assert!(r.is_err(), "{text:?}"); // no scheme of the kind that has hosts
            } else {
                assert_eq!(r, Err(url::ParseError::IdnaError), "{text:?}");
            }
        }
    }

    #[test]
    fn ascii_hosts_and_non_ascii_paths_parse_as_before() {
        let u = parse("https://Accounts.Zoho.EU/oauth/v2/auth?state=\u{e9}#\u{1f980}").unwrap();
        assert_eq!(u.host_str(), Some("accounts.zoho.eu"));
        assert_eq!(u.query(), Some("state=%C3%A9"));
        assert_eq!(parse("mailto:\u{e9}@example.com").unwrap().scheme(), "mailto");
        assert_eq!(parse("custom://h\u{e9}st/x").unwrap().scheme(), "custom"); // opaque host: no IDNA
        assert!(parse("https://zoho-xn--a.eu/").is_ok());
    }

    /// Every URL the library parses goes through [`parse`] (tests may parse their own ASCII output directly).
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn no_other_module_calls_url_parse_directly() {
        fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("url_text.rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    if text.contains(concat!("Url::", "parse(")) {
                        out.push(path.display().to_string());
                    }
                }
            }
        }
        let mut found = Vec::new();
        walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut found);
        assert!(found.is_empty(), "use crate::url_text::parse in {found:?}");
    }
}
