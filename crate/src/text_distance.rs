//! How far apart two names are: the one edit distance behind every "did you mean" (scopes, mapping fields).
//!
//! Optimal string alignment: inserting, deleting or replacing a character, or swapping two neighbours, each count
//! 1. Case is ignored.
//!
//! ```
//! use zoho_connector_kit::text_distance::edit_distance;
//! assert_eq!(edit_distance("leeds", "leads"), 1);
//! assert_eq!(edit_distance("feilds", "fields"), 1); // a swap of neighbours
//! assert_eq!(edit_distance("Last_Name", "lastname"), 1);
//! ```

/// The edit distance of `a` and `b` (optimal string alignment), case-insensitive, counted in characters.
///
/// ```
/// use zoho_connector_kit::text_distance::edit_distance;
/// assert_eq!(edit_distance("READ", "read"), 0);
/// assert_eq!(edit_distance("Straße", "strasse"), 2);
/// assert_eq!(edit_distance("", "abc"), 3);
/// ```
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
    // Three rows: two back (for swaps), the previous one and the current one.
    let mut before: Vec<usize> = Vec::new();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = Vec::with_capacity(b.len() + 1);
        current.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let at = |row: &[usize], k: usize| row.get(k).copied().unwrap_or(usize::MAX - 1);
            let mut best =
                (at(&previous, j + 1) + 1).min(at(&current, j) + 1).min(at(&previous, j) + usize::from(ca != cb));
            if i > 0 && j > 0 && a.get(i - 1) == Some(cb) && b.get(j - 1) == Some(ca) {
                best = best.min(at(&before, j - 1) + 1);
            }
            current.push(best);
        }
        before = std::mem::replace(&mut previous, current);
    }
    previous.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn counts_each_kind_of_edit_once() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("ab", "ba"), 1);
        assert_eq!(edit_distance("ca", "abc"), 3); // optimal string alignment, not full Damerau
        assert_eq!(edit_distance("ZohoCRM.modules.leeds", "ZohoCRM.modules.leads"), 1);
        assert_eq!(edit_distance("é", "e"), 1); // one character, not two bytes
    }
}
