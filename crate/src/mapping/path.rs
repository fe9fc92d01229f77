//! Source paths: `customer.email`, `line_items[0].sku`, `note_attributes[2].value`.

use serde_json::Value;

/// One step of a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// The steps of a path; a malformed index ends the list.
pub(crate) fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for segment in path.split('.') {
        let (key, mut rest) = match segment.find('[') {
            Some(i) => (&segment[..i], &segment[i..]),
            None => (segment, ""),
        };
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        while let Some(r) = rest.strip_prefix('[') {
            let Some(end) = r.find(']') else { return out };
            let Ok(index) = r[..end].trim().parse() else { return out };
            out.push(Step::Index(index));
            rest = &r[end + 1..];
        }
    }
    out
}

/// The value at a dotted path with optional `[n]` indexes; `None` when any step is missing.
pub(crate) fn lookup<'a>(record: &'a Value, path: &str) -> Option<&'a Value> {
    let mut current = record;
    for segment in path.split('.') {
        let (key, mut rest) = match segment.find('[') {
            Some(i) => (&segment[..i], &segment[i..]),
            None => (segment, ""),
        };
        if !key.is_empty() {
            current = current.get(key)?;
        }
        while let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']')?;
            let index: usize = r[..end].trim().parse().ok()?;
            current = current.get(index)?;
            rest = &r[end + 1..];
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(current)
}

#[cfg(test)]
mod tests {
    #[test]
    fn nested_and_indexed() {
        let v = serde_json::json!({"customer": {"email": "a@b.co"}, "line_items": [{"sku": "X1"}]});
        assert_eq!(super::lookup(&v, "customer.email").unwrap(), "a@b.co");
        assert_eq!(super::lookup(&v, "line_items[0].sku").unwrap(), "X1");
        assert!(super::lookup(&v, "line_items[1].sku").is_none());
        assert!(super::lookup(&v, "line_items[x]").is_none());
    }
}
