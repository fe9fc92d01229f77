//! The scopes: delimiters, and for Zoho the scope grammar and catalogue.

use crate::authorization::ScopesInput;
use crate::connection::{ConnectionConfigInput, ProviderKind, ScopeDelimiter};
use crate::diagnostic::Diagnostic;
use crate::scope;

pub(super) fn check_scope_fields(input: &ConnectionConfigInput, kind: ProviderKind, out: &mut Vec<Diagnostic>) {
    let Some(scopes) = &input.scopes else { return };
    let delimiter = input.scope_delimiter.as_deref().and_then(ScopeDelimiter::parse).unwrap_or(ScopeDelimiter::Comma);
    out.extend(scope::check_delimiters(scopes, delimiter.as_char(), kind == ProviderKind::Zoho));
    if kind != ProviderKind::Zoho {
        return;
    }
    let items: Vec<(String, String)> = match scopes {
        ScopesInput::List(list) => list
            .iter()
            .enumerate()
            .filter(|(_, s)| {
                !s.trim().is_empty() && !s.trim().contains(|c: char| c == ',' || c == '+' || c.is_whitespace())
            })
            .map(|(i, s)| (format!("scopes[{i}]"), s.trim().to_string()))
            .collect(),
        ScopesInput::Text(_) => scopes.to_list().into_iter().map(|s| ("scopes".to_string(), s)).collect(),
    };
    out.extend(scope::check_scopes(&items));
}
