//! Zoho data centers: the registry and detection from anything an admin might paste.
//!
//! Every host in the registry is a [`Fact`] carrying its source and how far it can be trusted (see
//! docs/facts.md §1). Where sources disagree — the Deluge callback hosts of EU and IN — the
//! registry keeps every candidate and says so; nothing is silently picked.
//!
//! ```
//! use zoho_connector_kit::data_center::{detect, DataCenterId};
//!
//! let found = detect("https://accounts.zoho.eu/oauth/v2/auth");
//! assert_eq!(found.data_center, Some(DataCenterId::Eu));
//!
//! // A common wrong host is recognised and corrected.
//! let found = detect("accounts.zoho.au");
//! assert_eq!(found.data_center, Some(DataCenterId::Au));
//! assert_eq!(found.diagnostics[0].code, "dc.wrong_host");
//! assert!(found.diagnostics[0].fix.contains("accounts.zoho.com.au"));
//! ```

use crate::code::Code;
use crate::diagnostic::Diagnostic;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How far a fact can be trusted, after the kinds of source of docs/facts.md.
///
/// ```
/// use zoho_connector_kit::data_center::Confidence;
/// assert_eq!(serde_json::to_string(&Confidence::ThirdParty).unwrap(), "\"thirdParty\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Confidence {
    /// An official Zoho page or Zoho's OpenAPI spec (\[OFF\]).
    Official,
    /// Code of Zoho's official SDKs (\[SDK\]).
    Sdk,
    /// Third-party code or write-ups only (\[3P\]): treat as unverified.
    ThirdParty,
}

/// One value with where it comes from.
///
/// ```
/// use zoho_connector_kit::data_center::{lookup, DataCenterId};
/// let us = lookup(DataCenterId::Us);
/// assert_eq!(us.accounts_server.value, "https://accounts.zoho.com");
/// assert_eq!(us.accounts_server.source, "zoho-crm-python-sdk-8-data-centers"); // a registry id
/// assert!(zoho_connector_kit::source::describe(us.accounts_server.source).contains("github.com/zoho/"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Fact {
    /// The value, for hosts a full origin such as `https://accounts.zoho.com`.
    pub value: &'static str,
    /// Where it comes from (a registry id of crate/data/sources.json).
    pub source: &'static str,
    /// How far it can be trusted.
    pub confidence: Confidence,
}

/// The data centers Zoho runs. Serialized as the SDK location key (`"us"`, `"eu"`, …).
///
/// ```
/// use zoho_connector_kit::data_center::DataCenterId;
/// assert_eq!("EU".parse::<DataCenterId>(), Ok(DataCenterId::Eu));
/// assert_eq!(DataCenterId::Au.key(), "au");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DataCenterId {
    /// United States (`zoho.com`).
    Us,
    /// Europe (`zoho.eu`).
    Eu,
    /// India (`zoho.in`).
    In,
    /// Australia (`zoho.com.au`).
    Au,
    /// China (`zoho.com.cn`).
    Cn,
    /// Japan (`zoho.jp`).
    Jp,
    /// Canada (`zohocloud.ca`, API `zohoapis.ca`).
    Ca,
    /// Saudi Arabia (`zoho.sa`).
    Sa,
    /// United Kingdom (`zoho.uk`): not in Zoho's CRM SDKs.
    Uk,
    /// United Arab Emirates (`zoho.ae`): not in Zoho's CRM SDKs.
    Ae,
}

impl DataCenterId {
    /// Every data center, in registry order.
    pub const ALL: [DataCenterId; 10] = [
        DataCenterId::Us,
        DataCenterId::Eu,
        DataCenterId::In,
        DataCenterId::Au,
        DataCenterId::Cn,
        DataCenterId::Jp,
        DataCenterId::Ca,
        DataCenterId::Sa,
        DataCenterId::Uk,
        DataCenterId::Ae,
    ];

    /// The lowercase location key (`us`, `eu`, …), as Zoho's SDKs and the `location` redirect parameter use it.
    ///
    /// ```
    /// assert_eq!(zoho_connector_kit::data_center::DataCenterId::Jp.key(), "jp");
    /// ```
    pub fn key(self) -> &'static str {
        match self {
            DataCenterId::Us => "us",
            DataCenterId::Eu => "eu",
            DataCenterId::In => "in",
            DataCenterId::Au => "au",
            DataCenterId::Cn => "cn",
            DataCenterId::Jp => "jp",
            DataCenterId::Ca => "ca",
            DataCenterId::Sa => "sa",
            DataCenterId::Uk => "uk",
            DataCenterId::Ae => "ae",
        }
    }
}

impl fmt::Display for DataCenterId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.key().to_ascii_uppercase())
    }
}

impl std::str::FromStr for DataCenterId {
    type Err = Diagnostic;

    /// Parses a location key in any case (`"eu"`, `"EU"`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key = s.trim().to_ascii_lowercase();
        DataCenterId::ALL.into_iter().find(|id| id.key() == key).ok_or_else(|| {
            Diagnostic::error(Code::DcUnknown, "dataCenter", format!("`{}` is not a Zoho data center.", s.trim()))
                .with_fix("Use one of: us, eu, in, au, cn, jp, ca, sa, uk, ae (or paste a Zoho URL to detect it).")
        })
    }
}

/// What is known of the Deluge connection callback (redirect) URL of a data center.
///
/// ```
/// use zoho_connector_kit::data_center::{lookup, CallbackStatus, DataCenterId};
/// assert_eq!(lookup(DataCenterId::Eu).callback_status, CallbackStatus::Conflicting);
/// assert_eq!(lookup(DataCenterId::Eu).deluge_callbacks.len(), 2);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum CallbackStatus {
    /// Consistent across many sources.
    Consistent,
    /// One third-party source only.
    SingleSource,
    /// Sources name different hosts: every candidate is kept; check the live Connections page.
    Conflicting,
    /// No source found.
    Unknown,
}

/// One data center with its hosts, each sourced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DataCenter {
    /// Its key.
    pub id: DataCenterId,
    /// Plain name (`"Europe"`).
    pub name: &'static str,
    /// Whether Zoho's official CRM SDKs list it.
    pub in_crm_sdks: bool,
    /// OAuth accounts server (authorize, token and revoke live here).
    pub accounts_server: Fact,
    /// CRM API domain, production.
    pub api_domain: Option<Fact>,
    /// CRM API domain, sandbox.
    pub sandbox_api_domain: Option<Fact>,
    /// CRM API domain, developer edition.
    pub developer_api_domain: Option<Fact>,
    /// File-upload host.
    pub file_host: Option<Fact>,
    /// The CRM web host, where the Developer Hub pages live.
    pub crm_web_host: Option<Fact>,
    /// The API console where OAuth clients are registered.
    pub api_console: Option<Fact>,
    /// What is known of the Deluge callback URL.
    pub callback_status: CallbackStatus,
    /// Every candidate Deluge callback URL (more than one when sources conflict).
    pub deluge_callbacks: &'static [Fact],
    /// Caveats the user should see.
    pub notes: &'static [&'static str],
}

impl DataCenter {
    /// `{accounts}/oauth/v2/auth` (ACC web-apps/authorization.html; OAS common.json).
    ///
    /// ```
    /// use zoho_connector_kit::data_center::{lookup, DataCenterId};
    /// assert_eq!(lookup(DataCenterId::Ca).authorize_url(), "https://accounts.zohocloud.ca/oauth/v2/auth");
    /// ```
    pub fn authorize_url(&self) -> String {
        format!("{}/oauth/v2/auth", self.accounts_server.value)
    }

    /// `{accounts}/oauth/v2/token` (ACC access-token.html; PY8 `get_iam_url`).
    ///
    /// ```
    /// use zoho_connector_kit::data_center::{lookup, DataCenterId};
    /// assert_eq!(lookup(DataCenterId::Us).token_url(), "https://accounts.zoho.com/oauth/v2/token");
    /// ```
    pub fn token_url(&self) -> String {
        format!("{}/oauth/v2/token", self.accounts_server.value)
    }

    /// `{accounts}/oauth/v2/token/revoke` (ACC revoke-refresh-token.html; PY8 `REVOKE_URL`).
    ///
    /// ```
    /// use zoho_connector_kit::data_center::{lookup, DataCenterId};
    /// assert!(lookup(DataCenterId::In).revoke_url().ends_with("zoho.in/oauth/v2/token/revoke"));
    /// ```
    pub fn revoke_url(&self) -> String {
        format!("{}/oauth/v2/token/revoke", self.accounts_server.value)
    }
}

const SDK_DC: &str = "zoho-crm-python-sdk-8-data-centers";
const WEB_HOST: &str = "third-party-dc-hosts";
const CONSOLE: &str = "zoho-salesiq-api-console";
const CB_US: &str = "third-party-deluge-callback-code";
const CB_TABLE: &str = "third-party-deluge-callback-table";
const CB_OTHER: &str = "third-party-deluge-callback-code";

const fn sdk(value: &'static str) -> Option<Fact> {
    Some(Fact { value, source: SDK_DC, confidence: Confidence::Sdk })
}
const fn web(value: &'static str) -> Option<Fact> {
    Some(Fact { value, source: WEB_HOST, confidence: Confidence::ThirdParty })
}
const fn console(value: &'static str) -> Option<Fact> {
    Some(Fact { value, source: CONSOLE, confidence: Confidence::Official })
}
const fn cb(value: &'static str, source: &'static str) -> Fact {
    Fact { value, source, confidence: Confidence::ThirdParty }
}

const CONFLICT_NOTE: &str = "Sources disagree on the Deluge callback host (dre.zoho.* or deluge.zoho.*): both are \
shown; check the redirect URL on your Developer Hub Connections page.";

/// The registry, in [`DataCenterId::ALL`] order.
static REGISTRY: [DataCenter; 10] = [
    DataCenter {
        id: DataCenterId::Us,
        name: "United States",
        in_crm_sdks: true,
        accounts_server: Fact { value: "https://accounts.zoho.com", source: SDK_DC, confidence: Confidence::Sdk },
        api_domain: sdk("https://www.zohoapis.com"),
        sandbox_api_domain: sdk("https://sandbox.zohoapis.com"),
        developer_api_domain: sdk("https://developer.zohoapis.com"),
        file_host: sdk("https://content.zohoapis.com"),
        crm_web_host: web("https://crm.zoho.com"),
        api_console: console("https://api-console.zoho.com"),
        callback_status: CallbackStatus::Consistent,
        deluge_callbacks: &[cb("https://deluge.zoho.com/delugeauth/callback", CB_US)],
        notes: &[],
    },
    DataCenter {
        id: DataCenterId::Eu,
        name: "Europe",
        in_crm_sdks: true,
        accounts_server: Fact { value: "https://accounts.zoho.eu", source: SDK_DC, confidence: Confidence::Sdk },
        api_domain: sdk("https://www.zohoapis.eu"),
        sandbox_api_domain: sdk("https://sandbox.zohoapis.eu"),
        developer_api_domain: sdk("https://developer.zohoapis.eu"),
        file_host: sdk("https://content.zohoapis.eu"),
        crm_web_host: web("https://crm.zoho.eu"),
        api_console: console("https://api-console.zoho.eu"),
        callback_status: CallbackStatus::Conflicting,
        deluge_callbacks: &[
            cb("https://dre.zoho.eu/delugeauth/callback", CB_TABLE),
            cb("https://deluge.zoho.eu/delugeauth/callback", CB_OTHER),
        ],
        notes: &[CONFLICT_NOTE],
    },
    DataCenter {
        id: DataCenterId::In,
        name: "India",
        in_crm_sdks: true,
        accounts_server: Fact { value: "https://accounts.zoho.in", source: SDK_DC, confidence: Confidence::Sdk },
        api_domain: sdk("https://www.zohoapis.in"),
        sandbox_api_domain: sdk("https://sandbox.zohoapis.in"),
        developer_api_domain: sdk("https://developer.zohoapis.in"),
        file_host: sdk("https://content.zohoapis.in"),
        crm_web_host: web("https://crm.zoho.in"),
        api_console: console("https://api-console.zoho.in"),
        callback_status: CallbackStatus::Conflicting,
        deluge_callbacks: &[
            cb("https://deluge.zoho.in/delugeauth/callback", CB_TABLE),
            cb("https://dre.zoho.in/delugeauth/callback", CB_OTHER),
        ],
        notes: &[CONFLICT_NOTE],
    },
    DataCenter {
        id: DataCenterId::Au,
        name: "Australia",
        in_crm_sdks: true,
        accounts_server: Fact { value: "https://accounts.zoho.com.au", source: SDK_DC, confidence: Confidence::Sdk },
        api_domain: sdk("https://www.zohoapis.com.au"),
        sandbox_api_domain: sdk("https://sandbox.zohoapis.com.au"),
        developer_api_domain: sdk("https://developer.zohoapis.com.au"),
        file_host: sdk("https://content.zohoapis.com.au"),
        crm_web_host: web("https://crm.zoho.com.au"),
        api_console: console("https://api-console.zoho.com.au"),
        callback_status: CallbackStatus::SingleSource,
        deluge_callbacks: &[cb("https://dre.zoho.com.au/delugeauth/callback", CB_TABLE)],
        notes: &["The accounts server is accounts.zoho.com.au; accounts.zoho.au appears only in third-party tooling and is wrong (Zoho Accounts: Multi-DC support; the setup guide admins follow gets this wrong)."],
    },
    DataCenter {
        id: DataCenterId::Cn,
        name: "China",
        in_crm_sdks: true,
        accounts_server: Fact { value: "https://accounts.zoho.com.cn", source: SDK_DC, confidence: Confidence::Sdk },
        api_domain: sdk("https://www.zohoapis.com.cn"),
        sandbox_api_domain: sdk("https://sandbox.zohoapis.com.cn"),
        developer_api_domain: sdk("https://developer.zohoapis.com.cn"),
        file_host: sdk("https://content.zohoapis.com.cn"),
        crm_web_host: web("https://crm.zoho.com.cn"),
        api_console: console("https://api-console.zoho.com.cn"),
        callback_status: CallbackStatus::SingleSource,
        deluge_callbacks: &[cb("https://dre.zoho.com.cn/delugeauth/callback", CB_TABLE)],
        notes: &["Authorization for CN must start at accounts.zoho.com.cn, not accounts.zoho.com (Zoho CRM API v8: Multi DC)."],
    },
    DataCenter {
        id: DataCenterId::Jp,
        name: "Japan",
        in_crm_sdks: true,
        accounts_server: Fact { value: "https://accounts.zoho.jp", source: SDK_DC, confidence: Confidence::Sdk },
        api_domain: sdk("https://www.zohoapis.jp"),
        sandbox_api_domain: sdk("https://sandbox.zohoapis.jp"),
        developer_api_domain: sdk("https://developer.zohoapis.jp"),
        file_host: sdk("https://content.zohoapis.jp"),
        crm_web_host: web("https://crm.zoho.jp"),
        api_console: console("https://api-console.zoho.jp"),
        callback_status: CallbackStatus::SingleSource,
        deluge_callbacks: &[cb("https://dre.zoho.jp/delugeauth/callback", CB_TABLE)],
        notes: &[],
    },
    DataCenter {
        id: DataCenterId::Ca,
        name: "Canada",
        in_crm_sdks: true,
        accounts_server: Fact { value: "https://accounts.zohocloud.ca", source: SDK_DC, confidence: Confidence::Sdk },
        api_domain: sdk("https://www.zohoapis.ca"),
        sandbox_api_domain: sdk("https://sandbox.zohoapis.ca"),
        developer_api_domain: sdk("https://developer.zohoapis.ca"),
        file_host: sdk("https://upload.zohocloud.ca"),
        crm_web_host: web("https://crm.zohocloud.ca"),
        api_console: None,
        callback_status: CallbackStatus::SingleSource,
        deluge_callbacks: &[cb("https://dre.zohocloud.ca/delugeauth/callback", CB_TABLE)],
        notes: &["Canada uses zohocloud.ca for accounts, uploads and the CRM web host, but zohoapis.ca for the API; accounts.zoho.ca (browser SDK 6.0) and crm.zoho.ca are wrong (Zoho CRM Python SDK 8.0 data center classes; the setup guide admins follow gets this wrong)."],
    },
    DataCenter {
        id: DataCenterId::Sa,
        name: "Saudi Arabia",
        in_crm_sdks: true,
        accounts_server: Fact { value: "https://accounts.zoho.sa", source: SDK_DC, confidence: Confidence::Sdk },
        api_domain: sdk("https://www.zohoapis.sa"),
        sandbox_api_domain: sdk("https://sandbox.zohoapis.sa"),
        developer_api_domain: sdk("https://developer.zohoapis.sa"),
        file_host: sdk("https://files.zoho.sa"),
        crm_web_host: web("https://crm.zoho.sa"),
        api_console: None,
        callback_status: CallbackStatus::Unknown,
        deluge_callbacks: &[],
        notes: &["No source gives the Deluge callback URL for SA: copy it from your Developer Hub Connections page."],
    },
    DataCenter {
        id: DataCenterId::Uk,
        name: "United Kingdom",
        in_crm_sdks: false,
        accounts_server: Fact {
            value: "https://accounts.zoho.uk",
            source: "zoho-accounts-multi-dc",
            confidence: Confidence::Official,
        },
        api_domain: Some(Fact {
            value: "https://www.zohoapis.uk",
            source: "third-party-dc-hosts",
            confidence: Confidence::ThirdParty,
        }),
        sandbox_api_domain: None,
        developer_api_domain: None,
        file_host: None,
        crm_web_host: web("https://crm.zoho.uk"),
        api_console: None,
        callback_status: CallbackStatus::Unknown,
        deluge_callbacks: &[],
        notes: &["Not in any of Zoho's CRM SDKs; partly unverified: the accounts server is official, the API domain is known only from third-party code. Take api_domain from the token response."],
    },
    DataCenter {
        id: DataCenterId::Ae,
        name: "United Arab Emirates",
        in_crm_sdks: false,
        accounts_server: Fact {
            value: "https://accounts.zoho.ae",
            source: "third-party-dc-hosts",
            confidence: Confidence::ThirdParty,
        },
        api_domain: Some(Fact {
            value: "https://www.zohoapis.ae",
            source: "zoho-workdrive-multi-dc",
            confidence: Confidence::Official,
        }),
        sandbox_api_domain: None,
        developer_api_domain: None,
        file_host: None,
        crm_web_host: None,
        api_console: None,
        callback_status: CallbackStatus::Unknown,
        deluge_callbacks: &[],
        notes: &["Not in any of Zoho's CRM SDKs; partly unverified: the API domain is evidenced only for WorkDrive and the accounts host only in third-party code. Take api_domain from the token response."],
    },
];

/// Every data center, in a fixed order (the eight of Zoho's CRM SDKs, then UK and AE).
///
/// ```
/// let all = zoho_connector_kit::data_center::list();
/// assert_eq!(all.len(), 10);
/// assert!(all.iter().filter(|dc| dc.in_crm_sdks).count() == 8);
/// ```
pub fn list() -> &'static [DataCenter] {
    &REGISTRY
}

/// The registry entry of one data center.
///
/// ```
/// use zoho_connector_kit::data_center::{lookup, DataCenterId};
/// assert_eq!(lookup(DataCenterId::Au).api_domain.unwrap().value, "https://www.zohoapis.com.au");
/// ```
pub fn lookup(id: DataCenterId) -> &'static DataCenter {
    // REGISTRY is in ALL order; the position always exists.
    let index = DataCenterId::ALL.iter().position(|x| *x == id).unwrap_or(0);
    &REGISTRY[index]
}

/// A CRM API domain of the registry, named exactly by a value an admin or a token response gave.
///
/// ```
/// use zoho_connector_kit::data_center::{registry_api_domain, DataCenterId, Environment};
/// let found = registry_api_domain("https://sandbox.zohoapis.com.au").unwrap();
/// assert_eq!((found.data_center, found.environment), (DataCenterId::Au, Environment::Sandbox));
/// assert_eq!(found.fact.value, "https://sandbox.zohoapis.com.au");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegistryApiDomain {
    /// The data center it belongs to.
    pub data_center: DataCenterId,
    /// Production, sandbox or developer.
    pub environment: Environment,
    /// The registry's own value (with its source): the only text a caller may build a URL from.
    pub fact: &'static Fact,
}

/// Where an API domain being checked comes from: it decides the area of the finding code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApiDomainUse {
    /// The live connection test's `apiDomain` (`test.api_domain_*`).
    LiveTest,
    /// The `api_domain` of a token response (`token.api_domain_*`).
    TokenResponse,
}

/// Why a value is not one of the registry's CRM API domains (see [`registry_api_domain`]).
///
/// ```
/// use zoho_connector_kit::data_center::{registry_api_domain, ApiDomainRefusal, ApiDomainUse};
/// assert_eq!(registry_api_domain("http://www.zohoapis.eu"), Err(ApiDomainRefusal::NotHttps("http".into())));
/// let d = ApiDomainRefusal::Port(444).diagnostic(ApiDomainUse::LiveTest, "apiDomain");
/// assert_eq!((d.code.as_str(), d.path.as_str()), ("test.api_domain_port", "apiDomain"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ApiDomainRefusal {
    /// White space, a control character, a backslash or a non-ASCII character inside the value (shown as
    /// `U+XXXX`, never in clear).
    Character(char),
    /// Not a URL at all.
    NotUrl,
    /// A scheme other than `https` (the token would travel in clear, or not over HTTP).
    NotHttps(String),
    /// A user name or password before the host (`https://user@host`).
    UserInfo,
    /// An explicit port other than 443.
    Port(u16),
    /// A path, query or fragment: an API domain is a bare origin.
    NotOrigin,
    /// The host is not exactly one of the registry's CRM API hosts.
    NotZoho(String),
}

const API_DOMAIN_SRC: &str = "zoho-crm-python-sdk-8-data-centers";

impl ApiDomainRefusal {
    /// The last part of the finding's code (`not_zoho`, `port`, …).
    ///
    /// ```
    /// assert_eq!(zoho_connector_kit::data_center::ApiDomainRefusal::UserInfo.kind(), "user_info");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            ApiDomainRefusal::Character(_) => "invalid_character",
            ApiDomainRefusal::NotUrl => "not_url",
            ApiDomainRefusal::NotHttps(_) => "not_https",
            ApiDomainRefusal::UserInfo => "user_info",
            ApiDomainRefusal::Port(_) => "port",
            ApiDomainRefusal::NotOrigin => "not_origin",
            ApiDomainRefusal::NotZoho(_) => "not_zoho",
        }
    }

    /// The finding code: `test.api_domain_{kind}` for the live test, `token.api_domain_{kind}` for a token response.
    ///
    /// ```
    /// use zoho_connector_kit::{code::Code, data_center::{ApiDomainRefusal, ApiDomainUse}};
    /// assert_eq!(ApiDomainRefusal::NotOrigin.code(ApiDomainUse::TokenResponse), Code::TokenApiDomainNotOrigin);
    /// ```
    pub fn code(&self, used: ApiDomainUse) -> Code {
        let test = used == ApiDomainUse::LiveTest;
        match self {
            ApiDomainRefusal::Character(_) if test => Code::TestApiDomainInvalidCharacter,
            ApiDomainRefusal::Character(_) => Code::TokenApiDomainInvalidCharacter,
            ApiDomainRefusal::NotUrl if test => Code::TestApiDomainNotUrl,
            ApiDomainRefusal::NotUrl => Code::TokenApiDomainNotUrl,
            ApiDomainRefusal::NotHttps(_) if test => Code::TestApiDomainNotHttps,
            ApiDomainRefusal::NotHttps(_) => Code::TokenApiDomainNotHttps,
            ApiDomainRefusal::UserInfo if test => Code::TestApiDomainUserInfo,
            ApiDomainRefusal::UserInfo => Code::TokenApiDomainUserInfo,
            ApiDomainRefusal::Port(_) if test => Code::TestApiDomainPort,
            ApiDomainRefusal::Port(_) => Code::TokenApiDomainPort,
            ApiDomainRefusal::NotOrigin if test => Code::TestApiDomainNotOrigin,
            ApiDomainRefusal::NotOrigin => Code::TokenApiDomainNotOrigin,
            ApiDomainRefusal::NotZoho(_) if test => Code::TestApiDomainNotZoho,
            ApiDomainRefusal::NotZoho(_) => Code::TokenApiDomainNotZoho,
        }
    }

    /// The finding, coded by [`ApiDomainRefusal::code`] at `path`. It never repeats the value: only the character,
    /// scheme, port or host that is wrong.
    ///
    /// ```
    /// use zoho_connector_kit::data_center::{ApiDomainRefusal, ApiDomainUse};
    /// let d = ApiDomainRefusal::Character('\t').diagnostic(ApiDomainUse::TokenResponse, "body.api_domain");
    /// assert_eq!(d.code, "token.api_domain_invalid_character");
    /// assert!(d.message.contains("U+0009"));
    /// ```
    pub fn diagnostic(&self, used: ApiDomainUse, path: &str) -> Diagnostic {
        let example = "https://www.zohoapis.eu";
        let (message, fix) = match self {
            ApiDomainRefusal::Character(c) => (
                format!(
                    "The API domain holds the character U+{:04X} ({}); an API domain is plain ASCII text with no \
                     spaces, control characters or backslashes.",
                    u32::from(*c),
                    char_kind(*c)
                ),
                format!("Give only the origin, e.g. {example}, exactly as the token response's api_domain says."),
            ),
            ApiDomainRefusal::NotUrl => (
                "The API domain cannot be read as a URL.".to_string(),
                format!("Give the origin of a Zoho CRM API domain, e.g. {example}."),
            ),
            ApiDomainRefusal::NotHttps(scheme) => (
                format!("The API domain uses `{scheme}`, not https: the token would not travel encrypted."),
                format!("Use https, e.g. {example}."),
            ),
            ApiDomainRefusal::UserInfo => (
                "The API domain has a user name or password before the host (`…@`).".to_string(),
                format!("Remove everything between `https://` and `@`; give only the origin, e.g. {example}."),
            ),
            ApiDomainRefusal::Port(port) => (
                format!("The API domain names the port {port}; Zoho's API domains use the default https port."),
                format!("Remove `:{port}`, e.g. {example}."),
            ),
            ApiDomainRefusal::NotOrigin => (
                "The API domain has a path, query or fragment; an API domain is only `https://` and a host."
                    .to_string(),
                format!("Remove everything after the host, e.g. {example}."),
            ),
            ApiDomainRefusal::NotZoho(host) => (
                format!("`{host}` is not a Zoho CRM API domain, so the token is not sent there."),
                format!(
                    "Use the api_domain of the token response, e.g. {example} (www., sandbox. or developer. \
                     zohoapis.* of the account's data center)."
                ),
            ),
        };
        Diagnostic::error(self.code(used), path, message).with_fix(fix).with_source(API_DOMAIN_SRC)
    }
}

fn char_kind(c: char) -> &'static str {
    if c.is_whitespace() {
        "white space"
    } else if c.is_control() {
        "a control character"
    } else if c == '\\' {
        "a backslash"
    } else {
        "not ASCII"
    }
}

/// Every CRM API domain of the registry (production, sandbox, developer), with its data center and environment.
fn api_domain_facts() -> impl Iterator<Item = (DataCenterId, Environment, &'static Fact)> {
    list().iter().flat_map(|dc| {
        [
            (dc.api_domain.as_ref(), Environment::Production),
            (dc.sandbox_api_domain.as_ref(), Environment::Sandbox),
            (dc.developer_api_domain.as_ref(), Environment::Developer),
        ]
        .into_iter()
        .filter_map(move |(fact, env)| fact.map(|f| (dc.id, env, f)))
    })
}

/// Checks a value given as a CRM API domain (typed by an admin, or the `api_domain` of a token response) and
/// answers the registry entry whose host it names exactly. A caller that sends a token builds its URL from
/// [`RegistryApiDomain::fact`], never from the value.
///
/// The rules, in order (the first that fails is the answer):
/// - white space at either end is ignored (a paste artefact; it cannot change the host, as the URL is built from
///   the registry); white space, control characters, backslashes and non-ASCII characters anywhere else are
///   refused, so nothing a URL parser silently drops, maps or re-reads (`\t`, `\n`, `\`, `。`, look-alike letters)
///   can hide another host;
/// - without `://` the value is read as a host (`www.zohoapis.eu` means `https://www.zohoapis.eu`);
/// - it must parse as a URL (the `url` crate, through `url_text::parse`), with the scheme `https`, no user name or
///   password and no port other than 443;
/// - the host (case-insensitive, as URL hosts are) must equal one production, sandbox or developer API host of
///   the registry. A trailing dot (`www.zohoapis.eu.`) is a different host name to TLS and is refused;
/// - nothing may follow the host but an optional `/`: a path, query or fragment is refused rather than ignored,
///   because an API domain is an origin and anything more is a sign of a wrong or crafted value.
///
/// ```
/// use zoho_connector_kit::data_center::{registry_api_domain, ApiDomainRefusal, DataCenterId};
/// assert_eq!(registry_api_domain(" WWW.ZohoApis.EU/ ").unwrap().fact.value, "https://www.zohoapis.eu");
/// assert_eq!(registry_api_domain("www.zohoapis.in").unwrap().data_center, DataCenterId::In);
/// assert_eq!(registry_api_domain("https://www.zohoapis.eu\t@evil.example"), Err(ApiDomainRefusal::Character('\t')));
/// assert_eq!(registry_api_domain("https://www.zohoapis.eu.evil.example"),
///            Err(ApiDomainRefusal::NotZoho("www.zohoapis.eu.evil.example".into())));
/// assert_eq!(registry_api_domain("https://user@www.zohoapis.eu"), Err(ApiDomainRefusal::UserInfo));
/// ```
pub fn registry_api_domain(text: &str) -> Result<RegistryApiDomain, ApiDomainRefusal> {
    let text = text.trim_matches(char::is_whitespace);
    if let Some(c) = text.chars().find(|c| c.is_whitespace() || c.is_control() || *c == '\\' || !c.is_ascii()) {
        return Err(ApiDomainRefusal::Character(c));
    }
    if text.is_empty() {
        return Err(ApiDomainRefusal::NotUrl);
    }
    let with_scheme = if text.contains("://") { text.to_string() } else { format!("https://{text}") };
    let url = crate::url_text::parse(&with_scheme).map_err(|_| ApiDomainRefusal::NotUrl)?;
    if url.scheme() != "https" {
        return Err(ApiDomainRefusal::NotHttps(url.scheme().to_string()));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(ApiDomainRefusal::UserInfo);
    }
    if let Some(port) = url.port() {
        return Err(ApiDomainRefusal::Port(port));
    }
    let host = match url.host() {
        Some(url::Host::Domain(domain)) => domain.to_string(),
        Some(other) => return Err(ApiDomainRefusal::NotZoho(other.to_string())),
        None => return Err(ApiDomainRefusal::NotUrl),
    };
    let Some((data_center, environment, fact)) = api_domain_facts().find(|(_, _, fact)| fact_host(fact) == host) else {
        return Err(ApiDomainRefusal::NotZoho(host));
    };
    if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
        return Err(ApiDomainRefusal::NotOrigin);
    }
    Ok(RegistryApiDomain { data_center, environment, fact })
}

/// Which CRM environment an API host serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Environment {
    /// `www.zohoapis.*`.
    Production,
    /// `sandbox.zohoapis.*`.
    Sandbox,
    /// `developer.zohoapis.*`.
    Developer,
}

/// What a recognised host is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum HostRole {
    /// The OAuth accounts server.
    AccountsServer,
    /// A CRM API domain.
    ApiDomain,
    /// The file-upload host.
    FileHost,
    /// The CRM web UI.
    CrmWeb,
    /// The API console.
    ApiConsole,
    /// A Deluge connection callback host.
    DelugeCallback,
    /// Only the domain suffix was recognised.
    DomainSuffix,
    /// A bare location key or top-level domain (`eu`, `.com.au`).
    LocationKey,
}

/// How the data center was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Match {
    /// The host is in the registry.
    Exact,
    /// A known wrong host: the data center is clear, the host must be corrected.
    Corrected,
    /// Recognised from the domain suffix or a bare key only.
    Suffix,
}

/// The answer of [`detect`].
///
/// ```
/// use zoho_connector_kit::data_center::{detect, DataCenterId, Environment};
/// let d = detect("https://sandbox.zohoapis.com.au/crm/v8/Leads");
/// assert_eq!(d.data_center, Some(DataCenterId::Au));
/// assert_eq!(d.environment, Some(Environment::Sandbox));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Detection {
    /// The data center, when one was recognised.
    pub data_center: Option<DataCenterId>,
    /// Its plain name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<&'static str>,
    /// The host (or text) the answer rests on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// What that host is for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<HostRole>,
    /// The CRM environment, for API hosts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub environment: Option<Environment>,
    /// How the data center was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched: Option<Match>,
    /// Corrections, conflicts and caveats.
    pub diagnostics: Vec<Diagnostic>,
}

impl Detection {
    fn none(diagnostics: Vec<Diagnostic>) -> Self {
        Detection {
            data_center: None,
            name: None,
            host: None,
            role: None,
            environment: None,
            matched: None,
            diagnostics,
        }
    }
}

/// Hosts that admins use but that do not exist, with the data center they mean and the right host.
struct WrongHost {
    host: &'static str,
    dc: DataCenterId,
    right: &'static str,
    why: &'static str,
}

const WRONG_HOSTS: [WrongHost; 3] = [
    WrongHost {
        host: "accounts.zoho.au",
        dc: DataCenterId::Au,
        right: "accounts.zoho.com.au",
        why: "zoho-crm-python-sdk-8-data-centers",
    },
    WrongHost {
        host: "accounts.zoho.ca",
        dc: DataCenterId::Ca,
        right: "accounts.zohocloud.ca",
        why: "zoho-crm-python-sdk-8-data-centers",
    },
    WrongHost { host: "crm.zoho.ca", dc: DataCenterId::Ca, right: "crm.zohocloud.ca", why: "third-party-dc-hosts" },
];

/// Domain suffixes and the data center they mean, longest first so `zoho.com.au` wins over `zoho.com`.
const SUFFIXES: [(&str, DataCenterId); 16] = [
    ("zohoapis.com.au", DataCenterId::Au),
    ("zohoapis.com.cn", DataCenterId::Cn),
    ("zoho.com.au", DataCenterId::Au),
    ("zoho.com.cn", DataCenterId::Cn),
    ("zohocloud.ca", DataCenterId::Ca),
    ("zohoapis.com", DataCenterId::Us),
    ("zohoapis.eu", DataCenterId::Eu),
    ("zohoapis.in", DataCenterId::In),
    ("zohoapis.jp", DataCenterId::Jp),
    ("zohoapis.ca", DataCenterId::Ca),
    ("zohoapis.sa", DataCenterId::Sa),
    ("zohoapis.uk", DataCenterId::Uk),
    ("zohoapis.ae", DataCenterId::Ae),
    ("zoho.com", DataCenterId::Us),
    ("zoho.eu", DataCenterId::Eu),
    ("zoho.in", DataCenterId::In),
];

/// The remaining `zoho.<tld>` suffixes; kept apart because `zoho.ca` and `zoho.au` are wrong hosts, not DCs.
const ZOHO_TLDS: [(&str, DataCenterId); 4] = [
    ("zoho.jp", DataCenterId::Jp),
    ("zoho.sa", DataCenterId::Sa),
    ("zoho.uk", DataCenterId::Uk),
    ("zoho.ae", DataCenterId::Ae),
];

/// Bare keys and top-level domains an admin might type.
const KEYS: [(&str, DataCenterId); 13] = [
    ("us", DataCenterId::Us),
    ("com", DataCenterId::Us),
    ("eu", DataCenterId::Eu),
    ("in", DataCenterId::In),
    ("au", DataCenterId::Au),
    ("com.au", DataCenterId::Au),
    ("cn", DataCenterId::Cn),
    ("com.cn", DataCenterId::Cn),
    ("jp", DataCenterId::Jp),
    ("ca", DataCenterId::Ca),
    ("sa", DataCenterId::Sa),
    ("uk", DataCenterId::Uk),
    ("ae", DataCenterId::Ae),
];

/// Finds the data center behind anything an admin might paste: an accounts, authorize or token URL, an API
/// domain, a redirect URL carrying `location` / `accounts-server`, a CRM web URL, a Deluge callback URL, a bare
/// domain, a top-level domain or a location key.
///
/// Never fails: text that names no Zoho host gives `data_center: None` with a `dc.not_recognised` finding.
///
/// ```
/// use zoho_connector_kit::data_center::{detect, DataCenterId, HostRole};
/// let d = detect("https://crm.zoho.eu/crm/org20012345/settings/developerhub/connections");
/// assert_eq!((d.data_center, d.role), (Some(DataCenterId::Eu), Some(HostRole::CrmWeb)));
///
/// let d = detect("https://example.com/cb?code=1000.abc&location=in&accounts-server=https%3A%2F%2Faccounts.zoho.in");
/// assert_eq!(d.data_center, Some(DataCenterId::In));
///
/// assert_eq!(detect("com.au").data_center, Some(DataCenterId::Au));
/// assert_eq!(detect("https://example.com").data_center, None);
/// ```
pub fn detect(text: &str) -> Detection {
    let text = text.trim();
    if text.is_empty() {
        return Detection::none(vec![Diagnostic::error(
            Code::DcEmpty,
            "",
            "Nothing was given to detect a data center from.",
        )
        .with_fix("Paste a Zoho URL (accounts, API or CRM page), a domain such as zoho.eu, or a key such as eu.")]);
    }
    // A bare key or TLD: `eu`, `.com.au`, `EU`.
    let bare = text.trim_start_matches('.').to_ascii_lowercase();
    if let Some((_, dc)) = KEYS.iter().find(|(k, _)| *k == bare) {
        return found(*dc, bare, HostRole::LocationKey, None, Match::Suffix, Vec::new());
    }
    let token = text.split_whitespace().find(|t| t.contains('.')).unwrap_or(text);
    let with_scheme = if token.contains("://") { token.to_string() } else { format!("https://{token}") };
    let Ok(url) = crate::url_text::parse(&with_scheme) else {
        return not_recognised(text);
    };
    let Some(host) = url.host_str().map(|h| h.trim_end_matches('.').to_ascii_lowercase()) else {
        return not_recognised(text);
    };

    // A redirect carries location / accounts-server: Zoho's own word on where the account lives.
    let mut location = None;
    let mut accounts_server = None;
    for (k, v) in url.query_pairs() {
        match k.as_ref() {
            "location" => location = v.parse::<DataCenterId>().ok(),
            "accounts-server" => accounts_server = Some(v.into_owned()),
            _ => {}
        }
    }
    if let Some(server) = accounts_server {
        let mut inner = detect_host(host_of(&server).as_deref().unwrap_or(""));
        if let Some(dc) = inner.data_center {
            let mut diagnostics = std::mem::take(&mut inner.diagnostics);
            if let Some(loc) = location.filter(|l| *l != dc) {
                diagnostics.push(
                    Diagnostic::warning(
                        Code::DcLocationConflict,
                        "location",
                        format!("The redirect says location={} but accounts-server is on {}.", loc.key(), dc),
                    )
                    .with_fix("Trust accounts-server; check that the URL was not edited by hand.")
                    .with_source("zoho-crm-v8-multi-dc"),
                );
            }
            inner.diagnostics = diagnostics;
            inner.role = Some(HostRole::AccountsServer);
            return inner;
        }
    }
    if let Some(loc) = location {
        return found(loc, format!("location={}", loc.key()), HostRole::LocationKey, None, Match::Exact, Vec::new());
    }
    let result = detect_host(&host);
    if result.data_center.is_none() {
        return not_recognised(text);
    }
    result
}

fn host_of(text: &str) -> Option<String> {
    let with_scheme = if text.contains("://") { text.to_string() } else { format!("https://{text}") };
    crate::url_text::parse(&with_scheme).ok()?.host_str().map(str::to_ascii_lowercase)
}

fn found(
    dc: DataCenterId,
    host: String,
    role: HostRole,
    environment: Option<Environment>,
    matched: Match,
    mut diagnostics: Vec<Diagnostic>,
) -> Detection {
    let entry = lookup(dc);
    if !entry.in_crm_sdks {
        diagnostics.push(
            Diagnostic::warning(
                Code::DcNotInCrmSdks,
                "",
                format!("{} is not a data center of Zoho's CRM SDKs and its hosts are partly unverified.", entry.name),
            )
            .with_fix("Take api_domain from the token response and check the hosts on your Zoho pages.")
            .with_source("zoho-accounts-multi-dc"),
        );
    }
    Detection {
        data_center: Some(dc),
        name: Some(entry.name),
        host: Some(host),
        role: Some(role),
        environment,
        matched: Some(matched),
        diagnostics,
    }
}

fn not_recognised(text: &str) -> Detection {
    let shown: String = text.chars().take(80).collect();
    Detection::none(vec![Diagnostic::error(
        Code::DcNotRecognised,
        "",
        format!("`{shown}` names no Zoho host, so no data center can be told from it."),
    )
    .with_fix(
        "Paste a Zoho URL (accounts.zoho.*, *.zohoapis.*, crm.zoho.*), a domain such as zoho.eu, or a key such as eu.",
    )])
}

fn fact_host(fact: &Fact) -> &'static str {
    fact.value.split_once("://").map_or(fact.value, |(_, rest)| rest.split('/').next().unwrap_or(rest))
}

/// Detection from a bare host name.
fn detect_host(host: &str) -> Detection {
    if let Some(wrong) = WRONG_HOSTS.iter().find(|w| w.host == host) {
        let d = Diagnostic::error(
            Code::DcWrongHost,
            "",
            format!("{} is not a Zoho host; {} uses {}.", wrong.host, lookup(wrong.dc).name, wrong.right),
        )
        .with_fix(format!("Replace {} with {}.", wrong.host, wrong.right))
        .with_source(wrong.why);
        return found(wrong.dc, host.to_string(), HostRole::DomainSuffix, None, Match::Corrected, vec![d]);
    }
    for dc in list() {
        let roles: [(Option<&Fact>, HostRole, Option<Environment>); 7] = [
            (Some(&dc.accounts_server), HostRole::AccountsServer, None),
            (dc.api_domain.as_ref(), HostRole::ApiDomain, Some(Environment::Production)),
            (dc.sandbox_api_domain.as_ref(), HostRole::ApiDomain, Some(Environment::Sandbox)),
            (dc.developer_api_domain.as_ref(), HostRole::ApiDomain, Some(Environment::Developer)),
            (dc.file_host.as_ref(), HostRole::FileHost, None),
            (dc.crm_web_host.as_ref(), HostRole::CrmWeb, None),
            (dc.api_console.as_ref(), HostRole::ApiConsole, None),
        ];
        for (fact, role, env) in roles {
            if fact.is_some_and(|f| fact_host(f) == host) {
                return found(dc.id, host.to_string(), role, env, Match::Exact, Vec::new());
            }
        }
        if dc.deluge_callbacks.iter().any(|f| fact_host(f) == host) {
            let mut diagnostics = Vec::new();
            if dc.callback_status == CallbackStatus::Conflicting {
                diagnostics.push(callback_conflict(dc));
            }
            return found(dc.id, host.to_string(), HostRole::DelugeCallback, None, Match::Exact, diagnostics);
        }
    }
    let suffix = SUFFIXES.iter().chain(ZOHO_TLDS.iter()).find(|(s, _)| host == *s || host.ends_with(&format!(".{s}")));
    if let Some((_, dc)) = suffix {
        let env = if host.starts_with("sandbox.") || host.starts_with("crmsandbox.") {
            Some(Environment::Sandbox)
        } else if host.starts_with("developer.") {
            Some(Environment::Developer)
        } else {
            None
        };
        return found(*dc, host.to_string(), HostRole::DomainSuffix, env, Match::Suffix, Vec::new());
    }
    if host == "zoho.au" || host.ends_with(".zoho.au") || host == "zoho.ca" || host.ends_with(".zoho.ca") {
        let (dc, right) = if host.ends_with("zoho.au") {
            (DataCenterId::Au, "zoho.com.au")
        } else {
            (DataCenterId::Ca, "zohocloud.ca (zohoapis.ca for the API)")
        };
        let d = Diagnostic::error(
            Code::DcWrongHost,
            "",
            format!("{host} is not a Zoho domain; {} uses {right}.", lookup(dc).name),
        )
        .with_fix(format!("Use the {} hosts: {}.", lookup(dc).name, lookup(dc).accounts_server.value))
        .with_source("zoho-crm-python-sdk-8-data-centers");
        return found(dc, host.to_string(), HostRole::DomainSuffix, None, Match::Corrected, vec![d]);
    }
    Detection::none(Vec::new())
}

/// The finding shown wherever a Deluge callback URL of a data center whose sources conflict is used.
///
/// ```
/// use zoho_connector_kit::data_center::{callback_conflict, lookup, DataCenterId};
/// let d = callback_conflict(lookup(DataCenterId::In));
/// assert!(d.message.contains("deluge.zoho.in") && d.message.contains("dre.zoho.in"));
/// ```
pub fn callback_conflict(dc: &DataCenter) -> Diagnostic {
    let hosts: Vec<&str> = dc.deluge_callbacks.iter().map(|f| f.value).collect();
    Diagnostic::warning(
        Code::DcCallbackConflict,
        "redirectUri",
        format!("Sources disagree on the Deluge callback URL for {}: {}.", dc.name, hosts.join(" or ")),
    )
    .with_fix("Copy the redirect URL shown on your Developer Hub Connections page and use exactly that one.")
    .with_source("third-party-deluge-callback-table")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_order_matches_ids() {
        for (entry, id) in list().iter().zip(DataCenterId::ALL) {
            assert_eq!(entry.id, id);
        }
    }

    #[test]
    fn every_registry_host_detects_its_own_dc() {
        for dc in list() {
            let facts = [
                Some(&dc.accounts_server),
                dc.api_domain.as_ref(),
                dc.sandbox_api_domain.as_ref(),
                dc.developer_api_domain.as_ref(),
                dc.file_host.as_ref(),
                dc.crm_web_host.as_ref(),
                dc.api_console.as_ref(),
            ];
            for fact in facts.into_iter().flatten().chain(dc.deluge_callbacks) {
                let d = detect(fact.value);
                assert_eq!(d.data_center, Some(dc.id), "{}", fact.value);
                assert_ne!(d.matched, Some(Match::Corrected), "{}", fact.value);
            }
        }
    }

    #[test]
    fn zoho_com_does_not_swallow_zoho_com_au() {
        assert_eq!(detect("https://www.zohoapis.com.au").data_center, Some(DataCenterId::Au));
        assert_eq!(detect("mail.zoho.com.cn").data_center, Some(DataCenterId::Cn));
        assert_eq!(detect("desk.zoho.com").data_center, Some(DataCenterId::Us));
    }

    #[test]
    fn lookalike_domains_are_not_zoho() {
        assert_eq!(detect("https://notzoho.com/x").data_center, None);
        assert_eq!(detect("https://zoho.com.evil.example").data_center, None);
    }
}
