//! All the source paths of a compiled mapping (its fields' sources and `concat`'s `with` paths), found in a record
//! in one pass over each object on the way, instead of a scan of the object's keys per path (issue 8: one reverse
//! scan per mapped field was most of the cost of reading a record's values). As in JSON read into a
//! `serde_json::Value`, a repeated key finds its last value.

use super::path::Step;
use super::record::Rec;
use std::borrow::Cow;

/// Where a path's value lands in [`Sources::resolve`]'s answer.
pub(crate) type Slot = usize;

/// One place in the paths: the record itself (slot 0), or the value one step below another place.
#[derive(Debug, Default)]
struct Node<'m> {
    /// Places one key below, each key once.
    keys: Vec<(&'m str, Slot)>,
    /// Open-addressed table of `keys`: an index into `keys` plus one, 0 for an empty cell. Its length is a power of
    /// two at least twice the number of keys, so a lookup meets an empty cell soon.
    table: Vec<u32>,
    /// Places one array index below.
    indexes: Vec<(usize, Slot)>,
}

/// The source paths of a mapping as a tree of places (built once per mapping).
#[derive(Debug)]
pub(crate) struct Sources<'m> {
    nodes: Vec<Node<'m>>,
}

/// A key's bytes, the `Cow` matched here because its `Deref` was not inlined in Wasm (a call per key).
#[allow(clippy::ptr_arg)] // the `Cow` itself, to match it rather than call its `Deref`
fn key_bytes<'k>(key: &'k Cow<'_, str>) -> &'k [u8] {
    match key {
        Cow::Borrowed(b) => b.as_bytes(),
        Cow::Owned(o) => o.as_bytes(),
    }
}

/// A cheap hash of a key: its length and first, middle and last bytes (Fibonacci hashing of those).
fn hash(key: &[u8]) -> u32 {
    let byte = |i: usize| u32::from(key.get(i).copied().unwrap_or(0));
    let n = key.len();
    let mixed = (n as u32) << 24 | byte(0) << 16 | byte(n / 2) << 8 | byte(n.wrapping_sub(1));
    mixed.wrapping_mul(0x9E37_79B1)
}

impl<'m> Sources<'m> {
    /// No paths yet: only the record itself.
    pub(crate) fn new() -> Sources<'m> {
        Sources { nodes: vec![Node::default()] }
    }

    /// The slot of a path's value, adding its places when new.
    pub(crate) fn add(&mut self, steps: &[Step<'m>]) -> Slot {
        let mut at: Slot = 0;
        for step in steps {
            let len = self.nodes.len();
            let Some(node) = self.nodes.get_mut(at) else { return at };
            let found = match step {
                Step::Key(k) => node.keys.iter().find(|(key, _)| key == k).map(|(_, s)| *s),
                Step::Index(i) => node.indexes.iter().find(|(index, _)| index == i).map(|(_, s)| *s),
            };
            at = match found {
                Some(s) => s,
                None => {
                    match step {
                        Step::Key(k) => node.keys.push((k, len)),
                        Step::Index(i) => node.indexes.push((*i, len)),
                    }
                    self.nodes.push(Node::default());
                    len
                }
            };
        }
        at
    }

    /// Builds the key tables; call once after the last [`Sources::add`].
    pub(crate) fn finish(&mut self) {
        for node in &mut self.nodes {
            let size = (node.keys.len() * 2).max(4).next_power_of_two();
            let mut table = vec![0u32; size];
            let mask = size - 1;
            for (i, (key, _)) in node.keys.iter().enumerate() {
                let Ok(entry) = u32::try_from(i + 1) else { break };
                let mut cell = hash(key.as_bytes()) as usize & mask;
                while table.get(cell).is_some_and(|c| *c != 0) {
                    cell = (cell + 1) & mask;
                }
                if let Some(c) = table.get_mut(cell) {
                    *c = entry;
                }
            }
            node.table = table;
        }
    }

    /// The number of slots.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }

    /// The values of all paths in `record`, by slot (`None`: missing): each object on the paths is walked once,
    /// and a later repeat of a key replaces the earlier value.
    pub(crate) fn resolve<'r, 'a>(&self, record: &'r Rec<'a>, out: &mut Vec<Option<&'r Rec<'a>>>) {
        out.clear();
        out.resize(self.nodes.len(), None);
        if let Some(first) = out.first_mut() {
            *first = Some(record);
        }
        // A place's slot is always after its parent's, so parents are resolved first.
        for (at, node) in self.nodes.iter().enumerate() {
            let Some(Some(value)) = out.get(at).copied() else { continue };
            if !node.keys.is_empty() {
                if let Rec::Object(entries) = value {
                    let mask = node.table.len().wrapping_sub(1);
                    for (key, v) in entries {
                        if let Some(slot) = node.find(key_bytes(key), mask) {
                            if let Some(o) = out.get_mut(slot) {
                                *o = Some(v);
                            }
                        }
                    }
                }
            }
            for (index, slot) in &node.indexes {
                if let Some(o) = out.get_mut(*slot) {
                    *o = value.index(*index);
                }
            }
        }
    }
}

impl Node<'_> {
    /// The slot of a key of this place, if it is on a path.
    fn find(&self, key: &[u8], mask: usize) -> Option<Slot> {
        let mut cell = hash(key) as usize & mask;
        for _ in 0..self.table.len() {
            let entry = usize::try_from(*self.table.get(cell)?).ok()?;
            let (k, slot) = self.keys.get(entry.checked_sub(1)?)?;
            if k.len() == key.len() && k.as_bytes() == key {
                return Some(*slot);
            }
            cell = (cell + 1) & mask;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::path::{compile, lookup};
    use super::super::record::Rec;
    use super::Sources;

    #[test]
    fn finds_what_lookup_finds_last_repeat_winning() {
        let text = r#"{"a":1,"b":{"c":[{"d":"x"},{"d":"y","d":"z"}],"e":2},"a":3,"f\u00e9":4,"g":[5,6],"b ":7}"#;
        let record: Rec<'_> = serde_json::from_str(text).unwrap();
        let paths =
            ["a", "b.c[1].d", "b.c[0].d", "b.e", "b.c[2].d", "fé", "g[1]", "g[0]", "b", "", "x.y", "a.b", "b ", "g.x"];
        let mut sources = Sources::new();
        let slots: Vec<usize> = paths.iter().map(|p| sources.add(&compile(p).unwrap())).collect();
        sources.finish();
        let mut out = Vec::new();
        sources.resolve(&record, &mut out);
        assert_eq!(out.len(), sources.len());
        for (path, slot) in paths.iter().zip(slots) {
            assert_eq!(out[slot], lookup(&record, path), "{path}");
        }
        assert_eq!(out[sources.add(&compile("a").unwrap())].unwrap().to_value(), 3);
        assert_eq!(out[sources.add(&compile("b.c[1].d").unwrap())].unwrap().to_value(), "z");
    }

    #[test]
    fn many_keys_in_one_object() {
        let keys: Vec<String> = (0..300).map(|i| format!("k{i}")).collect();
        let record = serde_json::Value::Object(keys.iter().map(|k| (k.clone(), k.clone().into())).collect());
        let record = Rec::from_value(&record);
        let mut sources = Sources::new();
        let compiled: Vec<_> = keys.iter().map(|k| compile(k).unwrap()).collect();
        let slots: Vec<usize> = compiled.iter().map(|steps| sources.add(steps)).collect();
        sources.finish();
        let mut out = Vec::new();
        sources.resolve(&record, &mut out);
        for (key, slot) in keys.iter().zip(slots) {
            assert_eq!(out[slot].unwrap().to_value(), key.as_str());
        }
    }
}
