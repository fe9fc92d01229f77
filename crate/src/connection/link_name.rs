//! The link name of a connection: the name Deluge code uses (`connection: "<link_name>"`).
//!
//! Rule (docs/facts.md §6.3: help.zoho.com QEngine "connections" article): starts with a lowercase letter; only
//! lowercase letters, digits and `_`; at most 50 characters.
//!
//! ```
//! use zoho_connector_kit::connection::link_name::{link_name_problems, suggest_link_name};
//! assert_eq!(suggest_link_name("Zoho Desk (EU)"), "zoho_desk_eu");
//! assert!(link_name_problems("mailchimp_1").is_empty());
//! assert_eq!(link_name_problems("1MailChimp").len(), 2);
//! ```

/// The source of the rule.
pub const SOURCE: &str = "zoho-qengine-connections";

/// The longest link name allowed.
pub const MAX_LEN: usize = 50;

/// What is wrong with a link name.
///
/// ```
/// use zoho_connector_kit::connection::link_name::{link_name_problems, LinkNameProblem};
/// assert_eq!(link_name_problems("_x"), vec![LinkNameProblem::Start]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkNameProblem {
    /// Does not start with a lowercase letter.
    Start,
    /// Holds a character other than lowercase letters, digits and `_`.
    Characters,
    /// Longer than 50 characters.
    TooLong,
}

/// Every problem of a link name, in a fixed order; empty when it is valid.
///
/// ```
/// use zoho_connector_kit::connection::link_name::{link_name_problems, LinkNameProblem};
/// assert_eq!(link_name_problems("Shop-API"), vec![LinkNameProblem::Start, LinkNameProblem::Characters]);
/// ```
pub fn link_name_problems(name: &str) -> Vec<LinkNameProblem> {
    let mut out = Vec::new();
    if !name.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
        out.push(LinkNameProblem::Start);
    }
    if !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
        out.push(LinkNameProblem::Characters);
    }
    if name.chars().count() > MAX_LEN {
        out.push(LinkNameProblem::TooLong);
    }
    out
}

/// A valid link name made from a service name (or from an invalid link name): lowercase, runs of other
/// characters become one `_`, leading characters that are not letters dropped, at most 50 characters;
/// `custom_service` when nothing is left.
///
/// ```
/// use zoho_connector_kit::connection::link_name::suggest_link_name;
/// assert_eq!(suggest_link_name("MailChimp"), "mailchimp");
/// assert_eq!(suggest_link_name("  3rd-party   Shopify API! "), "rd_party_shopify_api");
/// assert_eq!(suggest_link_name("Ünïcode ✓"), "n_code");
/// assert_eq!(suggest_link_name("***"), "custom_service");
/// ```
pub fn suggest_link_name(service_name: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in service_name.chars() {
        if c.is_ascii_alphanumeric() {
            if out.is_empty() && !c.is_ascii_alphabetic() {
                continue;
            }
            if gap && !out.is_empty() {
                out.push('_');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
    }
    if out.is_empty() {
        return "custom_service".into();
    }
    let mut cut: String = out.chars().take(MAX_LEN).collect();
    while cut.ends_with('_') {
        cut.pop();
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_suggestion_is_valid() {
        for name in ["HubSpot", "Zoho CRM → Books", "a".repeat(80).as_str(), "9", "_", "Shopify (store: acme)"] {
            let s = suggest_link_name(name);
            assert!(link_name_problems(&s).is_empty(), "{name:?} -> {s:?}");
        }
    }
}
