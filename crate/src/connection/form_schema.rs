//! The connection form schema: every field of [`ConnectionConfigInput`] once, with what the rest of the product
//! needs to read, show and store it. The popup's Connection tab, the overlay on Zoho's form and profile storage
//! read this schema (through `connectionFormSchema()` in the npm package) instead of keeping their own lists, so a
//! new config field is added here and in [`ConnectionConfigInput`], and nowhere else.
//!
//! For each field: its JSON key, the label(s) admins see on Zoho's Developer Hub connection form (each with its
//! source), the part of Zoho's form it belongs to, its allowed values with their display texts, whether it is a
//! secret, and which authentication types use it.
//!
//! Where the parts come from: the custom *service* is defined once (name, link name, authentication type and its
//! settings: docs/facts.md §6.3, QEngine and Writer articles); a *connection* to it is then created with its own
//! name, link name and scopes, and basic-authentication credentials are asked for in that step (QEngine article:
//! "the username and password in the next step"; Zoho Desk and Sprints connection articles: "enter connection name
//! and connection link name, select the scopes").
//!
//! ```
//! use zoho_connector_kit::connection::{ConfigField, FieldGroup};
//! let secret = ConfigField::ClientSecret.spec();
//! assert_eq!(secret.key, "clientSecret");
//! assert!(secret.secret);
//! assert_eq!(secret.labels[0].text, "Client Secret");
//! assert_eq!(ConfigField::parse("scopes"), Some(ConfigField::Scopes));
//! assert_eq!(ConfigField::Scopes.spec().group, FieldGroup::Connection);
//! let secrets: Vec<&str> = ConfigField::ALL.iter().filter(|f| f.spec().secret).map(|f| f.key()).collect();
//! assert_eq!(secrets, ["clientSecret", "password"]);
//! ```
//!
//! [`ConnectionConfigInput`]: super::ConnectionConfigInput

use super::config::AuthType;
use crate::data_center;

const QENGINE: &str = "zoho-qengine-connections";
const WRITER: &str = "zoho-writer-custom-service";
const QENGINE_API_KEY: &str =
    "help.zoho.com/portal/en/kb/qengine/user-guide/test-cases/api-testing/articles/connections-11-5-2023-1 (API Key fields)";
const REVOKE: &str = "squarelabs-zoho-custom-connection";
const GUIDE_CORE: &str = "setup guide 000_078a01891a4d19a4.txt, Building Custom Connectors, Core Settings table";
const GUIDE_AUTH: &str = "setup guide 000_078a01891a4d19a4.txt, Building Custom Connectors, Auth Options table";
const GUIDE_SETTINGS: &str = "setup guide 000_078a01891a4d19a4.txt, Setup Steps, connection settings table";
const DC: &str = "zoho-crm-v8-multi-dc";
const SPRINTS: &str = "zoho-sprints-connections";
const SALESIQ: &str = "zoho-salesiq-connections";
const CRM_CONNECTORS_DE: &str = "zoho-crm-connectors-setup-de";
const CRM_CONNECTORS_FR: &str = "zoho-crm-connectors-setup-fr";
const CRM_CONNECTORS_JA: &str = "zoho-crm-connectors-setup-ja";
const CRM_CONNECTORS_PT: &str = "zoho-crm-connectors-setup-pt-br";

/// One field of the connection config. [`ConfigField::ALL`] lists them in the order of the config file.
///
/// ```
/// use zoho_connector_kit::connection::ConfigField;
/// assert_eq!(ConfigField::TokenUrl.key(), "tokenUrl");
/// assert_eq!(ConfigField::parse("clientID"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConfigField {
    /// `serviceName`.
    ServiceName,
    /// `linkName`.
    LinkName,
    /// `authType`.
    AuthType,
    /// `grantType`.
    GrantType,
    /// `dataCenter`.
    DataCenter,
    /// `clientId`.
    ClientId,
    /// `clientSecret`.
    ClientSecret,
    /// `authorizeUrl`.
    AuthorizeUrl,
    /// `tokenUrl`.
    TokenUrl,
    /// `refreshUrl`.
    RefreshUrl,
    /// `revokeUrl`.
    RevokeUrl,
    /// `redirectUri`.
    RedirectUri,
    /// `scopes`.
    Scopes,
    /// `scopeDelimiter`.
    ScopeDelimiter,
    /// `paramType`.
    ParamType,
    /// `keyName`.
    KeyName,
    /// `placement`.
    Placement,
    /// `username`.
    Username,
    /// `password`.
    Password,
    /// `preset`.
    Preset,
    /// `schemaVersion`.
    SchemaVersion,
}

/// The part of Zoho's connection setup a field belongs to.
///
/// ```
/// use zoho_connector_kit::connection::{ConfigField, FieldGroup};
/// assert_eq!(ConfigField::ClientId.spec().group, FieldGroup::Service);
/// assert_eq!(ConfigField::Preset.spec().group, FieldGroup::File);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldGroup {
    /// The custom service: name, link name, authentication type and its settings.
    Service,
    /// The connection created from the service: its scopes, and the credentials of basic authentication.
    Connection,
    /// Only in the config file (not on Zoho's form): the preset and the file format version.
    File,
}

impl FieldGroup {
    /// The JSON name.
    ///
    /// ```
    /// assert_eq!(zoho_connector_kit::connection::FieldGroup::Service.as_str(), "service");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            FieldGroup::Service => "service",
            FieldGroup::Connection => "connection",
            FieldGroup::File => "file",
        }
    }
}

/// What kind of value a field holds (and so which control shows it).
///
/// ```
/// use zoho_connector_kit::connection::{ConfigField, ValueKind};
/// assert_eq!(ConfigField::Scopes.spec().kind, ValueKind::Scopes);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    /// One line of text.
    Text,
    /// A URL.
    Url,
    /// A list of scopes, or one delimited string.
    Scopes,
    /// One of [`FieldSpec::choices`].
    Choice,
    /// A whole number.
    Number,
}

impl ValueKind {
    /// The JSON name.
    ///
    /// ```
    /// assert_eq!(zoho_connector_kit::connection::ValueKind::Url.as_str(), "url");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ValueKind::Text => "text",
            ValueKind::Url => "url",
            ValueKind::Scopes => "scopes",
            ValueKind::Choice => "choice",
            ValueKind::Number => "number",
        }
    }
}

/// A text shown on Zoho's form, with where it comes from.
///
/// ```
/// use zoho_connector_kit::connection::ConfigField;
/// let label = &ConfigField::TokenUrl.spec().labels[0];
/// assert_eq!(label.text, "Access Token URL");
/// assert_eq!(label.source, "zoho-writer-custom-service"); // a registry id: a page an admin can open
/// assert!(zoho_connector_kit::source::lookup(label.source).is_some());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label {
    /// The text, as Zoho's form shows it (English).
    pub text: &'static str,
    /// Where it comes from.
    pub source: &'static str,
}

/// One allowed value of a field.
///
/// ```
/// use zoho_connector_kit::connection::ConfigField;
/// let basic = ConfigField::AuthType.spec().choices.iter().find(|c| c.value == "basic").unwrap();
/// assert_eq!(basic.zoho[0].text, "Basic Authentication");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// The value in the config file.
    pub value: &'static str,
    /// How this tool names it.
    pub title: &'static str,
    /// How Zoho's form (or the setup guide) words it; empty when no source gives the wording.
    pub zoho: &'static [Label],
}

/// Everything known about one config field.
///
/// ```
/// use zoho_connector_kit::connection::{AuthType, ConfigField};
/// let spec = ConfigField::KeyName.spec();
/// assert_eq!(spec.auth_types, [AuthType::ApiKey]);
/// assert!(!spec.secret);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// The field.
    pub field: ConfigField,
    /// The JSON key.
    pub key: &'static str,
    /// How this tool names it (the popup's label).
    pub title: &'static str,
    /// The labels of the field on Zoho's form, first the one Zoho's pages give; empty when it is not on the form
    /// or no source gives its label.
    pub labels: &'static [Label],
    /// The part of the setup it belongs to.
    pub group: FieldGroup,
    /// Its kind of value.
    pub kind: ValueKind,
    /// The allowed values, for [`ValueKind::Choice`]; the data centers come from the data-center table.
    pub choices: &'static [Choice],
    /// The value the core assumes when the field is absent.
    pub default: Option<&'static str>,
    /// What "no value" means, when the field may be left out (shown as the empty choice).
    pub unset: Option<&'static str>,
    /// Never echoed in findings; stored with a profile only when the user asks; never exported.
    pub secret: bool,
    /// The authentication types that use it (all four for the fields every config has).
    pub auth_types: &'static [AuthType],
}

const ALL_AUTH: &[AuthType] = &[AuthType::OAuth2, AuthType::OAuth1, AuthType::ApiKey, AuthType::Basic];
const OAUTH2: &[AuthType] = &[AuthType::OAuth2];
const API_KEY: &[AuthType] = &[AuthType::ApiKey];
const BASIC: &[AuthType] = &[AuthType::Basic];

const fn label(text: &'static str, source: &'static str) -> Label {
    Label { text, source }
}

const fn field(field: ConfigField, key: &'static str, title: &'static str, labels: &'static [Label]) -> FieldSpec {
    FieldSpec {
        field,
        key,
        title,
        labels,
        group: FieldGroup::Service,
        kind: ValueKind::Text,
        choices: &[],
        default: None,
        unset: None,
        secret: false,
        auth_types: OAUTH2,
    }
}

const fn common(spec: FieldSpec) -> FieldSpec {
    FieldSpec { auth_types: ALL_AUTH, ..spec }
}

const fn url(spec: FieldSpec) -> FieldSpec {
    FieldSpec { kind: ValueKind::Url, ..spec }
}

const fn choice(spec: FieldSpec, choices: &'static [Choice], default: Option<&'static str>) -> FieldSpec {
    FieldSpec { kind: ValueKind::Choice, choices, default, ..spec }
}

/// The schema, in the order of [`ConfigField::ALL`].
const SCHEMA: [FieldSpec; 21] = [
    common(field(
        ConfigField::ServiceName,
        "serviceName",
        "Service name",
        &[label("Service Name", QENGINE), label("Service Name", GUIDE_CORE)],
    )),
    common(field(ConfigField::LinkName, "linkName", "Link name", &[label("Service Link Name", QENGINE)])),
    FieldSpec {
        unset: Some("Not set"),
        ..common(choice(
            field(
                ConfigField::AuthType,
                "authType",
                "Authentication type",
                &[label("Authentication Type", QENGINE), label("Auth Type", GUIDE_CORE)],
            ),
            &[
                Choice {
                    value: "oauth2",
                    title: "OAuth 2",
                    zoho: &[label("OAuth 2", QENGINE), label("OAuth 2.0", GUIDE_AUTH)],
                },
                Choice {
                    value: "apiKey",
                    title: "API key",
                    zoho: &[label("API Key", QENGINE), label("API Key", GUIDE_AUTH)],
                },
                Choice {
                    value: "basic",
                    title: "Basic authentication",
                    zoho: &[label("Basic Authentication", QENGINE), label("Basic Auth", GUIDE_AUTH)],
                },
                Choice { value: "oauth1", title: "OAuth 1 (not checked)", zoho: &[label("OAuth 1", QENGINE)] },
            ],
            None,
        ))
    },
    choice(
        field(ConfigField::GrantType, "grantType", "Grant type", &[label("Grant Type", WRITER)]),
        &[
            Choice {
                value: "authorizationCode",
                title: "Authorization code",
                zoho: &[label("Authorization code", WRITER)],
            },
            Choice {
                value: "clientCredentials",
                title: "Client credentials",
                zoho: &[label("Client credentials", WRITER)],
            },
        ],
        Some("authorizationCode"),
    ),
    FieldSpec {
        unset: Some("Detect from the URLs"),
        ..common(choice(
            field(ConfigField::DataCenter, "dataCenter", "Data center (yours)", &[label("Data Center", GUIDE_CORE)]),
            &[],
            None,
        ))
    },
    field(ConfigField::ClientId, "clientId", "Client ID", &[label("Client ID", WRITER)]),
    FieldSpec {
        secret: true,
        ..field(ConfigField::ClientSecret, "clientSecret", "Client secret", &[label("Client Secret", WRITER)])
    },
    url(field(ConfigField::AuthorizeUrl, "authorizeUrl", "Authorize URL", &[label("Authorize URL", WRITER)])),
    url(field(ConfigField::TokenUrl, "tokenUrl", "Access token URL", &[label("Access Token URL", WRITER)])),
    url(field(ConfigField::RefreshUrl, "refreshUrl", "Refresh token URL", &[label("Refresh Token URL", WRITER)])),
    url(field(ConfigField::RevokeUrl, "revokeUrl", "Revoke token URL", &[label("Revoke Token URL", REVOKE)])),
    url(field(ConfigField::RedirectUri, "redirectUri", "Redirect URI", &[label("Redirect URI", GUIDE_SETTINGS)])),
    FieldSpec {
        group: FieldGroup::Connection,
        kind: ValueKind::Scopes,
        ..field(ConfigField::Scopes, "scopes", "Scopes", &[label("Scope", WRITER)])
    },
    choice(
        field(ConfigField::ScopeDelimiter, "scopeDelimiter", "Scope delimiter", &[label("Scope Delimiter", WRITER)]),
        &[
            Choice { value: "comma", title: "Comma (,)", zoho: &[label("Comma", WRITER)] },
            Choice { value: "space", title: "Space", zoho: &[label("Space", WRITER)] },
            Choice { value: "plus", title: "Plus (+)", zoho: &[label("Plus", WRITER)] },
        ],
        Some("comma"),
    ),
    FieldSpec {
        unset: Some("Not set"),
        ..choice(
            field(ConfigField::ParamType, "paramType", "Parameter type", &[label("Param Type", WRITER)]),
            &[
                Choice { value: "header", title: "Header", zoho: &[label("Header", WRITER)] },
                Choice { value: "query", title: "Query string", zoho: &[label("Query string", WRITER)] },
            ],
            None,
        )
    },
    FieldSpec {
        auth_types: API_KEY,
        ..field(ConfigField::KeyName, "keyName", "Key name", &[label("Parameter Key", QENGINE_API_KEY)])
    },
    FieldSpec {
        auth_types: API_KEY,
        unset: Some("Not set"),
        ..choice(
            field(ConfigField::Placement, "placement", "Key placement", &[label("Param Type", QENGINE)]),
            &[
                Choice { value: "query", title: "Query string", zoho: &[label("Query string", QENGINE)] },
                Choice { value: "header", title: "Header", zoho: &[label("Header", QENGINE)] },
                Choice { value: "formData", title: "Form data", zoho: &[label("Form Data", QENGINE)] },
            ],
            None,
        )
    },
    FieldSpec {
        auth_types: BASIC,
        group: FieldGroup::Connection,
        ..field(ConfigField::Username, "username", "User name", &[])
    },
    FieldSpec {
        auth_types: BASIC,
        group: FieldGroup::Connection,
        secret: true,
        ..field(ConfigField::Password, "password", "Password", &[])
    },
    FieldSpec { group: FieldGroup::File, ..common(field(ConfigField::Preset, "preset", "Preset", &[])) },
    FieldSpec {
        group: FieldGroup::File,
        kind: ValueKind::Number,
        ..common(field(ConfigField::SchemaVersion, "schemaVersion", "File format version", &[]))
    },
];

impl ConfigField {
    /// Every field, in the order of the config file.
    pub const ALL: [ConfigField; 21] = [
        ConfigField::ServiceName,
        ConfigField::LinkName,
        ConfigField::AuthType,
        ConfigField::GrantType,
        ConfigField::DataCenter,
        ConfigField::ClientId,
        ConfigField::ClientSecret,
        ConfigField::AuthorizeUrl,
        ConfigField::TokenUrl,
        ConfigField::RefreshUrl,
        ConfigField::RevokeUrl,
        ConfigField::RedirectUri,
        ConfigField::Scopes,
        ConfigField::ScopeDelimiter,
        ConfigField::ParamType,
        ConfigField::KeyName,
        ConfigField::Placement,
        ConfigField::Username,
        ConfigField::Password,
        ConfigField::Preset,
        ConfigField::SchemaVersion,
    ];

    /// Everything known about the field.
    ///
    /// ```
    /// use zoho_connector_kit::connection::ConfigField;
    /// assert_eq!(ConfigField::Password.spec().title, "Password");
    /// ```
    pub fn spec(self) -> &'static FieldSpec {
        let index = ConfigField::ALL.iter().position(|f| *f == self).unwrap_or(0);
        &SCHEMA[index]
    }

    /// The JSON key.
    ///
    /// ```
    /// assert_eq!(zoho_connector_kit::connection::ConfigField::ClientId.key(), "clientId");
    /// ```
    pub fn key(self) -> &'static str {
        self.spec().key
    }

    /// The field of a JSON key (exact spelling).
    ///
    /// ```
    /// use zoho_connector_kit::connection::ConfigField;
    /// assert_eq!(ConfigField::parse("redirectUri"), Some(ConfigField::RedirectUri));
    /// assert_eq!(ConfigField::parse("redirectURI"), None);
    /// ```
    pub fn parse(key: &str) -> Option<Self> {
        SCHEMA.iter().find(|s| s.key == key).map(|s| s.field)
    }

    /// The fields used only by `auth` (not by every authentication type), in schema order.
    ///
    /// ```
    /// use zoho_connector_kit::connection::{AuthType, ConfigField};
    /// let basic: Vec<&str> = ConfigField::only_for(AuthType::Basic).map(ConfigField::key).collect();
    /// assert_eq!(basic, ["username", "password"]);
    /// ```
    pub fn only_for(auth: AuthType) -> impl Iterator<Item = ConfigField> {
        SCHEMA.iter().filter(move |s| s.auth_types == [auth]).map(|s| s.field)
    }
}

/// The whole schema, as `connectionFormSchema()` answers it: `{ "fields": [...] }` in [`ConfigField::ALL`] order,
/// with camelCase names (`authTypes`); the data-center choices are filled in from the data-center table.
///
/// Written by hand rather than through serde: the schema is constant text, and this keeps the Wasm small.
///
/// ```
/// use zoho_connector_kit::connection::form_schema::FormSchema;
/// let json: serde_json::Value = serde_json::from_str(&FormSchema.to_json()).unwrap();
/// let fields = json["fields"].as_array().unwrap();
/// assert_eq!(fields[0]["key"], "serviceName");
/// assert_eq!(fields[0]["labels"][0]["text"], "Service Name");
/// let dc = fields.iter().find(|f| f["key"] == "dataCenter").unwrap();
/// assert_eq!(dc["choices"][1]["value"], "eu");
/// assert_eq!(dc["choices"][1]["title"], "EU — Europe");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormSchema;

/// Writes `"name":` and the JSON string of `value` (escaping quotes, backslashes and control characters).
fn put(out: &mut String, name: &str, value: &str) {
    out.push('"');
    out.push_str(name);
    out.push_str("\":\"");
    for c in value.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if u32::from(c) < 0x20 => out.push(' '),
            c => out.push(c),
        }
    }
    out.push_str("\",");
}

/// Writes `"name":[…],` with one object per label.
fn put_labels(out: &mut String, name: &str, labels: &[Label]) {
    out.push('"');
    out.push_str(name);
    out.push_str("\":[");
    for l in labels {
        out.push('{');
        put(out, "text", l.text);
        put(out, "source", l.source);
        close(out, '}');
    }
    close(out, ']');
}

/// Replaces a trailing comma by `end` (or appends it), then a comma.
fn close(out: &mut String, end: char) {
    if out.ends_with(',') {
        out.pop();
    }
    out.push(end);
    out.push(',');
}

impl FormSchema {
    /// The schema as JSON text.
    ///
    /// ```
    /// use zoho_connector_kit::connection::form_schema::FormSchema;
    /// assert!(FormSchema.to_json().starts_with(r#"{"fields":[{"key":"serviceName","#));
    /// ```
    pub fn to_json(self) -> String {
        let mut out = String::with_capacity(12_000);
        out.push_str("{\"fields\":[");
        for f in &SCHEMA {
            out.push('{');
            put(&mut out, "key", f.key);
            put(&mut out, "title", f.title);
            put_labels(&mut out, "labels", f.labels);
            put(&mut out, "group", f.group.as_str());
            put(&mut out, "kind", f.kind.as_str());
            out.push_str("\"choices\":[");
            if f.field == ConfigField::DataCenter {
                for d in data_center::list() {
                    out.push('{');
                    put(&mut out, "value", d.id.key());
                    put(&mut out, "title", &format!("{} — {}", d.id.key().to_ascii_uppercase(), d.name));
                    put(&mut out, "source", DC);
                    put_labels(&mut out, "zoho", &[]);
                    close(&mut out, '}');
                }
            }
            for c in f.choices {
                out.push('{');
                put(&mut out, "value", c.value);
                put(&mut out, "title", c.title);
                put_labels(&mut out, "zoho", c.zoho);
                close(&mut out, '}');
            }
            close(&mut out, ']');
            if let Some(d) = f.default {
                put(&mut out, "default", d);
            }
            if let Some(u) = f.unset {
                put(&mut out, "unset", u);
            }
            out.push_str(if f.secret { "\"secret\":true," } else { "\"secret\":false," });
            out.push_str("\"authTypes\":[");
            for a in f.auth_types {
                out.push('"');
                out.push_str(a.as_str());
                out.push_str("\",");
            }
            close(&mut out, ']');
            close(&mut out, '}');
        }
        close(&mut out, ']');
        out.pop();
        out.push('}');
        out
    }
}

/// A field Zoho's form shows that is not a config field: the *connection* part of Zoho's two-part form (its name
/// and link name). The overlay reads them from the page; Deluge's `connection:` is the connection's link name
/// (docs/facts.md, `deluge-connections`: "use the connection link name in invoke URL"), which the overlay checks
/// as the config's [`ConfigField::LinkName`] on a two-part form.
///
/// ```
/// use zoho_connector_kit::connection::form_schema::PAGE_FIELDS;
/// let link = PAGE_FIELDS.iter().find(|f| f.key == "connectionLinkName").unwrap();
/// assert_eq!(link.labels[0].text, "Connection Link Name");
/// assert!(zoho_connector_kit::source::lookup(link.labels[0].source).is_some());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageField {
    /// The key the overlay uses for it.
    pub key: &'static str,
    /// How this tool names it.
    pub title: &'static str,
    /// Its labels on Zoho's form, each with its source.
    pub labels: &'static [Label],
    /// The part of the form it belongs to.
    pub group: FieldGroup,
    /// The config field its value is checked as, when the page shows it.
    pub checked_as: Option<ConfigField>,
}

/// The connection part of Zoho's form: Connection Name and Connection Link Name (Zoho Sprints' help: "Enter
/// connection name and connection link name"; Zoho SalesIQ's: "provide a Connection Name and Authentication Type").
pub const PAGE_FIELDS: [PageField; 2] = [
    PageField {
        key: "connectionName",
        title: "Connection name",
        labels: &[label("Connection Name", SALESIQ), label("Connection Name", SPRINTS)],
        group: FieldGroup::Connection,
        checked_as: None,
    },
    PageField {
        key: "connectionLinkName",
        title: "Connection link name",
        labels: &[label("Connection Link Name", SPRINTS)],
        group: FieldGroup::Connection,
        checked_as: Some(ConfigField::LinkName),
    },
];

/// A caption in another language, only where Zoho's own localized help gives the term.
///
/// ```
/// use zoho_connector_kit::connection::form_schema::LOCALIZED;
/// let de: Vec<&str> = LOCALIZED.iter().filter(|l| l.lang == "de").map(|l| l.label.text).collect();
/// assert!(de.contains(&"Zugriffstoken-URL"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalizedLabel {
    /// The key of the field (a config key, or a [`PAGE_FIELDS`] key).
    pub key: &'static str,
    /// The language (BCP 47 primary tag).
    pub lang: &'static str,
    /// The caption and where it comes from.
    pub label: Label,
}

const fn localized(key: &'static str, lang: &'static str, text: &'static str, source: &'static str) -> LocalizedLabel {
    LocalizedLabel { key, lang, label: label(text, source) }
}

/// The localized captions, by language: the list of terms in the localized versions of Zoho CRM's help on
/// connectors ("Wichtige Terminologie", "Terminologie importante", 重要な用語, "Terminologia importante"), only the
/// terms each gives.
pub const LOCALIZED: &[LocalizedLabel] = &[
    localized("clientId", "de", "Client-ID", CRM_CONNECTORS_DE),
    localized("tokenUrl", "de", "Zugriffstoken-URL", CRM_CONNECTORS_DE),
    localized("refreshUrl", "de", "Aktualisierungstoken-URL", CRM_CONNECTORS_DE),
    localized("clientId", "fr", "ID client", CRM_CONNECTORS_FR),
    localized("clientSecret", "fr", "Secret client", CRM_CONNECTORS_FR),
    localized("tokenUrl", "fr", "URL du jeton d'accès", CRM_CONNECTORS_FR),
    localized("refreshUrl", "fr", "URL du jeton d'actualisation", CRM_CONNECTORS_FR),
    localized("tokenUrl", "ja", "アクセストークンのURL", CRM_CONNECTORS_JA),
    localized("refreshUrl", "ja", "リフレッシュトークンのURL", CRM_CONNECTORS_JA),
    localized("clientId", "pt", "ID do cliente", CRM_CONNECTORS_PT),
    localized("clientSecret", "pt", "Segredo do cliente", CRM_CONNECTORS_PT),
    localized("tokenUrl", "pt", "URL do token de acesso", CRM_CONNECTORS_PT),
    localized("refreshUrl", "pt", "URL do token de atualização", CRM_CONNECTORS_PT),
];

// Native only: compiled for the Wasm module, a second caller of `put`/`put_labels` changes how they are inlined
// and grows the module by 30 bytes even though nothing there calls this.
#[cfg(not(target_arch = "wasm32"))]
impl FormSchema {
    /// The schema for pages that show Zoho's form (the extension's overlay): [`FormSchema::to_json`]'s fields, then
    /// `"pageFields"` ([`PAGE_FIELDS`]) and `"localized"` ([`LOCALIZED`]). Not in the Wasm module (display text
    /// ships beside it): the build writes it to `form-schema.json` with the `form_schema_json` example.
    ///
    /// ```
    /// use zoho_connector_kit::connection::form_schema::FormSchema;
    /// let json: serde_json::Value = serde_json::from_str(&FormSchema.page_json()).unwrap();
    /// assert_eq!(json["pageFields"][1]["checkedAs"], "linkName");
    /// assert_eq!(json["localized"][0]["lang"], "de");
    /// assert_eq!(json["fields"].as_array().unwrap().len(), 21);
    /// ```
    pub fn page_json(self) -> String {
        let mut out = self.to_json();
        out.pop(); // the closing brace
        out.push_str(",\"pageFields\":[");
        for f in &PAGE_FIELDS {
            out.push('{');
            put(&mut out, "key", f.key);
            put(&mut out, "title", f.title);
            put_labels(&mut out, "labels", f.labels);
            put(&mut out, "group", f.group.as_str());
            if let Some(c) = f.checked_as {
                put(&mut out, "checkedAs", c.key());
            }
            close(&mut out, '}');
        }
        close(&mut out, ']');
        out.push_str("\"localized\":[");
        for l in LOCALIZED {
            out.push('{');
            put(&mut out, "key", l.key);
            put(&mut out, "lang", l.lang);
            put(&mut out, "text", l.label.text);
            put(&mut out, "source", l.label.source);
            close(&mut out, '}');
        }
        close(&mut out, ']');
        out.pop();
        out.push('}');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connection::{GrantType, KeyPlacement, ParamType, ScopeDelimiter};

    #[test]
    fn schema_order_is_the_order_of_all() {
        for (i, f) in ConfigField::ALL.iter().enumerate() {
            assert_eq!(SCHEMA[i].field, *f, "{i}");
        }
    }

    fn values(field: ConfigField) -> Vec<&'static str> {
        let mut v: Vec<&str> = field.spec().choices.iter().map(|c| c.value).collect();
        v.sort_unstable();
        v
    }

    fn sorted<const N: usize, T>(names: [(&'static str, T); N]) -> Vec<&'static str> {
        let mut v: Vec<&str> = names.iter().map(|(n, _)| *n).collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn choices_are_the_values_the_core_reads() {
        assert_eq!(values(ConfigField::AuthType), sorted(AuthType::NAMES));
        assert_eq!(values(ConfigField::GrantType), sorted(GrantType::NAMES));
        assert_eq!(values(ConfigField::ScopeDelimiter), sorted(ScopeDelimiter::NAMES));
        assert_eq!(values(ConfigField::ParamType), sorted(ParamType::NAMES));
        assert_eq!(values(ConfigField::Placement), sorted(KeyPlacement::NAMES));
    }

    #[test]
    fn every_label_and_display_text_has_a_source() {
        for spec in &SCHEMA {
            for l in spec.labels.iter().chain(spec.choices.iter().flat_map(|c| c.zoho.iter())) {
                assert!(!l.text.is_empty() && !l.source.is_empty(), "{}", spec.key);
            }
            assert_eq!(
                spec.kind == ValueKind::Choice,
                !spec.choices.is_empty() || spec.field == ConfigField::DataCenter
            );
        }
    }
}

#[cfg(test)]
mod json_tests {
    use super::*;

    #[test]
    fn the_json_is_valid_and_complete() {
        let json: serde_json::Value = serde_json::from_str(&FormSchema.to_json()).unwrap_or_default();
        let fields = json["fields"].as_array().cloned().unwrap_or_default();
        assert_eq!(fields.len(), SCHEMA.len());
        for (f, spec) in fields.iter().zip(SCHEMA.iter()) {
            assert_eq!(f["key"], spec.key);
            assert_eq!(f["labels"].as_array().map(Vec::len), Some(spec.labels.len()));
            assert_eq!(f["secret"], spec.secret);
            assert_eq!(f["default"].as_str(), spec.default);
            assert_eq!(f["authTypes"].as_array().map(Vec::len), Some(spec.auth_types.len()));
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_page_json_adds_page_fields_and_localized_captions_with_registry_sources() {
        let json: serde_json::Value = serde_json::from_str(&FormSchema.page_json()).unwrap_or_default();
        let base: serde_json::Value = serde_json::from_str(&FormSchema.to_json()).unwrap_or_default();
        assert_eq!(json["fields"], base["fields"]);
        let page = json["pageFields"].as_array().cloned().unwrap_or_default();
        assert_eq!(page.len(), PAGE_FIELDS.len());
        let mut keys: Vec<&str> = ConfigField::ALL.iter().map(|f| f.key()).collect();
        for f in &PAGE_FIELDS {
            assert!(!keys.contains(&f.key), "{} is a config key", f.key);
            keys.push(f.key);
            assert!(!f.labels.is_empty(), "{}", f.key);
        }
        let localized = json["localized"].as_array().cloned().unwrap_or_default();
        assert_eq!(localized.len(), LOCALIZED.len());
        for l in LOCALIZED {
            assert!(keys.contains(&l.key), "{}: unknown key", l.label.text);
            assert_eq!(l.lang.len(), 2, "{}", l.label.text);
        }
        let labels = PAGE_FIELDS.iter().flat_map(|f| f.labels.iter()).chain(LOCALIZED.iter().map(|l| &l.label));
        for l in labels {
            assert!(crate::source::lookup(l.source).is_some(), "{}: {} is not a registry id", l.text, l.source);
        }
    }

    #[test]
    fn strings_are_escaped() {
        let mut out = String::new();
        put(&mut out, "a", "say \"hi\" \\ there\n");
        assert_eq!(out, r#""a":"say \"hi\" \\ there ","#);
    }
}
