//! Built-in standard fields of Leads, Contacts, Accounts and Deals: a small, realistic list for when no schema is
//! pasted. Each field says where it comes from.
//!
//! zoho-facts.md lists no module's fields: only `Last_Name` of Leads appears there (the COQL example,
//! `select Last_Name from Leads`). The others are the commonly documented standard fields of Zoho CRM; orgs rename,
//! hide and add fields, and picklist values are org-specific (left empty here), so paste the org's own
//! `GET /settings/fields` reply to check picklist values and custom fields.
//!
//! ```
//! use zoho_connector_kit::field::builtin;
//! assert_eq!(builtin::modules(), ["Leads", "Contacts", "Accounts", "Deals"]);
//! let deals = builtin::schema("deals").unwrap();
//! assert!(deals.field("Deal_Name").unwrap().mandatory);
//! assert!(builtin::schema("Invoices").is_none());
//! ```

use super::crm_type::CrmFieldType;
use super::schema::{CrmField, ModuleSchema};

const COMMON: &str =
    "commonly documented Zoho CRM standard field (not in zoho-facts.md); verify with GET /settings/fields";
const COMMON_MANDATORY: &str = "commonly documented mandatory standard field (Zoho insert-records docs; not in \
     zoho-facts.md); verify system_mandatory with GET /settings/fields";
const LEADS_LAST_NAME: &str = "zoho-facts.md §5: OAS coql.json example `select Last_Name from Leads` [OFF]; \
     mandatory: commonly documented (Zoho insert-records docs), verify with GET /settings/fields";
const SYSTEM: &str = "commonly documented system field, set by Zoho (not in zoho-facts.md)";

/// `(api_name, label, data_type, mandatory, read_only, lookup module, source)`.
type Row = (&'static str, &'static str, &'static str, bool, bool, Option<&'static str>, &'static str);

const OWNER: Row = ("Owner", "Owner", "ownerlookup", false, false, None, COMMON);
const CREATED: Row = ("Created_Time", "Created Time", "datetime", false, true, None, SYSTEM);

const LEADS: &[Row] = &[
    ("Last_Name", "Last Name", "text", true, false, None, LEADS_LAST_NAME),
    ("First_Name", "First Name", "text", false, false, None, COMMON),
    ("Company", "Company", "text", false, false, None, COMMON),
    ("Email", "Email", "email", false, false, None, COMMON),
    ("Phone", "Phone", "phone", false, false, None, COMMON),
    ("Mobile", "Mobile", "phone", false, false, None, COMMON),
    ("Website", "Website", "website", false, false, None, COMMON),
    ("Lead_Source", "Lead Source", "picklist", false, false, None, COMMON),
    ("Lead_Status", "Lead Status", "picklist", false, false, None, COMMON),
    ("Annual_Revenue", "Annual Revenue", "currency", false, false, None, COMMON),
    ("No_of_Employees", "No. of Employees", "integer", false, false, None, COMMON),
    ("Email_Opt_Out", "Email Opt Out", "boolean", false, false, None, COMMON),
    ("Description", "Description", "textarea", false, false, None, COMMON),
    OWNER,
    CREATED,
];

const CONTACTS: &[Row] = &[
    ("Last_Name", "Last Name", "text", true, false, None, COMMON_MANDATORY),
    ("First_Name", "First Name", "text", false, false, None, COMMON),
    ("Email", "Email", "email", false, false, None, COMMON),
    ("Phone", "Phone", "phone", false, false, None, COMMON),
    ("Mobile", "Mobile", "phone", false, false, None, COMMON),
    ("Account_Name", "Account Name", "lookup", false, false, Some("Accounts"), COMMON),
    ("Lead_Source", "Lead Source", "picklist", false, false, None, COMMON),
    ("Date_of_Birth", "Date of Birth", "date", false, false, None, COMMON),
    ("Mailing_Street", "Mailing Street", "text", false, false, None, COMMON),
    ("Mailing_City", "Mailing City", "text", false, false, None, COMMON),
    ("Mailing_Zip", "Mailing Zip", "text", false, false, None, COMMON),
    ("Mailing_Country", "Mailing Country", "text", false, false, None, COMMON),
    ("Email_Opt_Out", "Email Opt Out", "boolean", false, false, None, COMMON),
    ("Description", "Description", "textarea", false, false, None, COMMON),
    OWNER,
    CREATED,
];

const ACCOUNTS: &[Row] = &[
    ("Account_Name", "Account Name", "text", true, false, None, COMMON_MANDATORY),
    ("Website", "Website", "website", false, false, None, COMMON),
    ("Phone", "Phone", "phone", false, false, None, COMMON),
    ("Industry", "Industry", "picklist", false, false, None, COMMON),
    ("Annual_Revenue", "Annual Revenue", "currency", false, false, None, COMMON),
    ("Employees", "Employees", "integer", false, false, None, COMMON),
    ("Billing_Street", "Billing Street", "text", false, false, None, COMMON),
    ("Billing_City", "Billing City", "text", false, false, None, COMMON),
    ("Billing_Code", "Billing Code", "text", false, false, None, COMMON),
    ("Billing_Country", "Billing Country", "text", false, false, None, COMMON),
    ("Description", "Description", "textarea", false, false, None, COMMON),
    OWNER,
    CREATED,
];

const DEALS: &[Row] = &[
    ("Deal_Name", "Deal Name", "text", true, false, None, COMMON_MANDATORY),
    ("Stage", "Stage", "picklist", true, false, None, COMMON_MANDATORY),
    ("Amount", "Amount", "currency", false, false, None, COMMON),
    ("Closing_Date", "Closing Date", "date", false, false, None, COMMON),
    ("Account_Name", "Account Name", "lookup", false, false, Some("Accounts"), COMMON),
    ("Contact_Name", "Contact Name", "lookup", false, false, Some("Contacts"), COMMON),
    ("Lead_Source", "Lead Source", "picklist", false, false, None, COMMON),
    ("Description", "Description", "textarea", false, false, None, COMMON),
    OWNER,
    CREATED,
];

/// Zoho's help pages for standard fields (not in zoho-facts.md).
const SRC_LEADS_FIELDS: &str = "help.zoho.com/portal/en/kb/crm/customize-crm-account/customizing-fields/articles/\
     standard-modules-fields (Leads: Maximum Limit) [OFF help]";
const SRC_ACCOUNTS_FIELDS: &str =
    "help.zoho.com/portal/en/kb/crm/sales-force-automation/accounts/articles/standard-fields-accounts [OFF help]";

/// `(module, api_name, length, source)`: the standard fields whose length Zoho's help gives. Contacts and Deals:
/// no page found, so their text fields keep the type's limits (255 text, 32,000 text area). Accounts' Website is
/// left out: the Accounts page gives 30 while the Leads page gives 120 for the same URL field.
const LENGTHS: &[(&str, &str, u32, &str)] = &[
    ("Leads", "First_Name", 40, SRC_LEADS_FIELDS),
    ("Leads", "Last_Name", 80, SRC_LEADS_FIELDS),
    ("Leads", "Company", 100, SRC_LEADS_FIELDS),
    ("Leads", "Email", 100, SRC_LEADS_FIELDS),
    ("Leads", "Phone", 30, SRC_LEADS_FIELDS),
    ("Leads", "Mobile", 30, SRC_LEADS_FIELDS),
    ("Leads", "Website", 120, SRC_LEADS_FIELDS),
    ("Accounts", "Account_Name", 100, SRC_ACCOUNTS_FIELDS),
    ("Accounts", "Phone", 30, SRC_ACCOUNTS_FIELDS),
];

/// The modules with built-in schemas.
///
/// ```
/// assert_eq!(zoho_connector_kit::field::builtin::modules().len(), 4);
/// ```
pub fn modules() -> [&'static str; 4] {
    ["Leads", "Contacts", "Accounts", "Deals"]
}

/// The built-in schema of a module (name matched case-insensitively), or `None`.
///
/// ```
/// let c = zoho_connector_kit::field::builtin::schema("Contacts").unwrap();
/// assert_eq!(c.field("Account_Name").unwrap().lookup_module.as_deref(), Some("Accounts"));
/// assert!(c.built_in);
/// // Lengths only where Zoho's help gives them, with that source.
/// let last = zoho_connector_kit::field::builtin::schema("Leads").unwrap().field("Last_Name").unwrap().clone();
/// assert_eq!(last.length, Some(80));
/// assert!(last.source.contains("standard-modules-fields"));
/// assert_eq!(c.field("Last_Name").unwrap().length, None);
/// ```
pub fn schema(module: &str) -> Option<ModuleSchema> {
    let (name, rows) = match module.trim().to_ascii_lowercase().as_str() {
        "leads" => ("Leads", LEADS),
        "contacts" => ("Contacts", CONTACTS),
        "accounts" => ("Accounts", ACCOUNTS),
        "deals" => ("Deals", DEALS),
        _ => return None,
    };
    let fields = rows
        .iter()
        .map(|&(api_name, label, data_type, mandatory, read_only, lookup, source)| {
            let length = LENGTHS.iter().find(|(m, a, _, _)| *m == name && *a == api_name);
            let mut source = source.to_string();
            if let Some((_, _, n, from)) = length {
                source.push_str(&format!("; length {n}: {from}"));
            }
            if (name, api_name) == ("Leads", "Company") {
                // Sources differ: the same help page marks Company mandatory (*); the built-in list does not.
                source.push_str("; the Leads help page marks Company mandatory (*): GET /settings/fields decides");
            }
            (api_name, label, data_type, mandatory, read_only, lookup, source, length.map(|l| l.2))
        })
        .map(|(api_name, label, data_type, mandatory, read_only, lookup, source, length)| CrmField {
            api_name: api_name.to_string(),
            label: label.to_string(),
            data_type: CrmFieldType::from_api(data_type),
            length,
            decimal_place: None,
            pick_list_values: Vec::new(),
            pick_list_actual_values: Vec::new(),
            mandatory,
            read_only,
            lookup_module: lookup.map(str::to_string),
            source,
        })
        .collect();
    Some(ModuleSchema { module: name.to_string(), built_in: true, fields })
}

/// Every built-in schema.
///
/// ```
/// let all = zoho_connector_kit::field::builtin::all();
/// assert_eq!(all[3].module, "Deals");
/// ```
pub fn all() -> Vec<ModuleSchema> {
    modules().iter().filter_map(|m| schema(m)).collect()
}
