//! Source paths: `customer.email`, `line_items[0].sku`, `note_attributes[2].value`.

#[cfg(test)]
use super::record::Rec;

/// One step of a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// The steps of a path; a malformed index ends the list.
pub(crate) fn steps(path: &str) -> Vec<Step<'_>> {
    scan(path).0
}

/// The steps [`lookup`] follows, read once: `None` when the path can never match (a malformed index, or text after
/// an index).
pub(crate) fn compile(path: &str) -> Option<Vec<Step<'_>>> {
    let (steps, whole) = scan(path);
    whole.then_some(steps)
}

/// The steps read (up to a malformed index, which ends them), and whether the whole path was well formed.
fn scan(path: &str) -> (Vec<Step<'_>>, bool) {
    let mut out = Vec::new();
    let mut whole = true;
    for segment in path.split('.') {
        let (key, mut rest) = match segment.find('[') {
            Some(i) => (&segment[..i], &segment[i..]),
            None => (segment, ""),
        };
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        while let Some(r) = rest.strip_prefix('[') {
            let Some(end) = r.find(']') else { return (out, false) };
            let Ok(index) = r[..end].trim().parse() else { return (out, false) };
            out.push(Step::Index(index));
            rest = &r[end + 1..];
        }
        if !rest.is_empty() {
            whole = false;
        }
    }
    (out, whole)
}

/// The value at compiled steps; `None` when any step is missing (mappings find theirs through `Sources`).
#[cfg(test)]
pub(crate) fn follow<'r, 'a>(record: &'r Rec<'a>, steps: &[Step<'_>]) -> Option<&'r Rec<'a>> {
    let mut current = record;
    for step in steps {
        current = match step {
            Step::Key(k) => current.get(k)?,
            Step::Index(i) => current.index(*i)?,
        };
    }
    Some(current)
}

/// The value at a dotted path with optional `[n]` indexes; `None` when any step is missing.
#[cfg(test)]
pub(crate) fn lookup<'r, 'a>(record: &'r Rec<'a>, path: &str) -> Option<&'r Rec<'a>> {
    follow(record, &compile(path)?)
}

#[cfg(test)]
mod tests {
    #[test]
    fn nested_and_indexed() {
        let v = serde_json::json!({"customer": {"email": "a@b.co"}, "line_items": [{"sku": "X1"}]});
        let v = super::Rec::from_value(&v);
        assert_eq!(super::lookup(&v, "customer.email").unwrap().to_value(), "a@b.co");
        assert_eq!(super::lookup(&v, "line_items[0].sku").unwrap().to_value(), "X1");
        assert_eq!(super::lookup(&v, "").unwrap(), &v);
        assert!(super::lookup(&v, "line_items[0]x").is_none());
        assert!(super::lookup(&v, "line_items[1].sku").is_none());
        assert!(super::lookup(&v, "line_items[x]").is_none());
    }
}
