//! Zoho OAuth scopes: grammar `Service.scope.OPERATION` / `Service.scope.sub.OPERATION` (zoho-facts.md §3).
//!
//! ```
//! assert!(zoho_connector_kit::scope::is_zoho_scope("ZohoCRM.modules.ALL"));
//! assert!(!zoho_connector_kit::scope::is_zoho_scope("read_products"));
//! ```

/// Services whose scopes appear in the sources (zoho-facts.md §3 "Other services" and the ZohoCRM families).
pub const ZOHO_SERVICES: [&str; 10] = [
    "ZohoCRM",
    "Desk",
    "ZohoProjects",
    "ZohoBooks",
    "ZohoCliq",
    "ZohoBigin",
    "Aaaserver",
    "ZohoFiles",
    "ZohoSearch",
    "profile",
];

/// True when the text looks like a Zoho scope: a known service, or `Zoho…`, followed by a dot.
///
/// ```
/// assert!(zoho_connector_kit::scope::is_zoho_scope("Desk.tickets.READ"));
/// assert!(zoho_connector_kit::scope::is_zoho_scope("ZohoInventory.items.READ"));
/// ```
pub fn is_zoho_scope(text: &str) -> bool {
    let Some((service, rest)) = text.trim().split_once('.') else { return false };
    !rest.is_empty()
        && (ZOHO_SERVICES.iter().any(|s| s.eq_ignore_ascii_case(service))
            || service.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("zoho")))
}
