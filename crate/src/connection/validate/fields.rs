//! Helpers every check uses: reading a filled-in value, a value outside a fixed list, a required or unused field,
//! a placeholder.

use super::FIELDS_SRC;
use crate::code::Code;
use crate::connection::{ConfigField, ConnectionConfigInput};
use crate::diagnostic::Diagnostic;
use crate::secret::Secret;

pub(super) fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|s| !s.trim().is_empty())
}

pub(super) fn secret_present(value: &Option<Secret>) -> Option<&Secret> {
    value.as_ref().filter(|s| !s.is_empty())
}

fn normalised(text: &str) -> String {
    text.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

/// A value not among `names`: the finding, with the intended name when the text matches one after dropping case
/// and punctuation (or through `aliases`).
pub(super) fn unknown_value(
    code: Code,
    path: &str,
    text: &str,
    names: &[&str],
    aliases: &[(&str, &str)],
) -> Diagnostic {
    let norm = normalised(text);
    let guess = names
        .iter()
        .copied()
        .find(|n| normalised(n) == norm)
        .or_else(|| aliases.iter().find(|(a, _)| *a == norm || *a == text.trim()).map(|(_, n)| *n));
    let list = names.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ");
    let message = match guess {
        Some(g) => format!("`{}` is not a value of {path}; did you mean \"{g}\"?", text.trim()),
        None => format!("`{}` is not a value of {path}.", text.trim()),
    };
    Diagnostic::error(code, path, message).with_fix(format!("Use one of {list}."))
}

/// Reports each of `fields` that is not filled in.
pub(super) fn require(input: &ConnectionConfigInput, fields: &[ConfigField], why: &str, out: &mut Vec<Diagnostic>) {
    for field in fields.iter().filter(|f| !input.given(**f)) {
        let key = field.key();
        out.push(
            Diagnostic::error(Code::ConnectionMissingField, key, format!("{key} is required {why}."))
                .with_fix(format!("Fill in {key}."))
                .with_source(FIELDS_SRC),
        );
    }
}

/// Reports each of `fields` that is filled in although the authentication type does not use it.
pub(super) fn not_used(
    input: &ConnectionConfigInput,
    fields: impl IntoIterator<Item = ConfigField>,
    why: &str,
    out: &mut Vec<Diagnostic>,
) {
    for field in fields.into_iter().filter(|f| input.given(*f)) {
        let key = field.key();
        out.push(
            Diagnostic::warning(Code::ConnectionFieldNotUsed, key, format!("{key} is not used {why}."))
                .with_fix(format!("Remove {key}, or change the authentication type if it was meant."))
                .with_source(FIELDS_SRC),
        );
    }
}

/// Describes a placeholder or masked value, without echoing it.
pub(super) fn placeholder_kind(value: &str) -> Option<&'static str> {
    let v = value.trim();
    let lower = v.to_ascii_lowercase();
    if v.starts_with('<') && v.ends_with('>') {
        return Some("a <…> placeholder");
    }
    if v.contains("{{") || v.contains("${") || (v.starts_with('{') && v.ends_with('}')) {
        return Some("a template placeholder");
    }
    if lower.starts_with("your_")
        || lower.starts_with("your-")
        || lower.starts_with("your ")
        || lower.starts_with("yourclient")
    {
        return Some("a placeholder (YOUR_…)");
    }
    if v.chars().count() >= 3 && v.chars().all(|c| matches!(c, 'x' | 'X' | '*' | '•' | '●' | '.')) {
        return Some("a masked or placeholder value (xxx, ***)");
    }
    const WORDS: [&str; 14] = [
        "secret",
        "client_secret",
        "clientsecret",
        "client secret",
        "changeme",
        "password",
        "todo",
        "tbd",
        "null",
        "undefined",
        "none",
        "test",
        "placeholder",
        "client_id",
    ];
    if WORDS.contains(&lower.as_str()) {
        return Some("a placeholder word");
    }
    None
}
