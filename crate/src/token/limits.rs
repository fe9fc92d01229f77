//! Zoho's token limits as a queryable policy, every value with its source (docs/facts.md §2, §4), and the
//! throttle check: given past token events, would the next request be refused, and from when would it pass?
//!
//! Where sources disagree (active access tokens per refresh token: 10, 15 or 30; grant-code life: 2 or 3
//! minutes; refresh tokens per user or per client ID in 10 minutes) every value is listed and none is picked.
//!
//! ```
//! use zoho_connector_kit::token::{token_limit, LimitId};
//! let active = token_limit(LimitId::ActiveAccessTokensPerRefreshToken);
//! let values: Vec<&str> = active.values.iter().map(|v| v.value).collect();
//! assert_eq!(values, ["10", "15", "30"]);
//! assert!(!active.sources_agree);
//! ```

use crate::code::Code;
use crate::data_center::Confidence;
use crate::diagnostic::Diagnostic;
use serde::{Deserialize, Serialize};

/// Which limit.
///
/// ```
/// use zoho_connector_kit::token::LimitId;
/// assert_eq!(serde_json::to_string(&LimitId::GrantCodeLifetime).unwrap(), "\"grantCodeLifetime\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum LimitId {
    /// Grant codes per client ID per 10 minutes.
    GrantCodesPerClient,
    /// Access tokens generated per refresh token per 10 minutes.
    AccessTokensPerRefreshToken,
    /// Access tokens active at once per refresh token.
    ActiveAccessTokensPerRefreshToken,
    /// Refresh tokens per user.
    RefreshTokensPerUser,
    /// How long a grant code can be exchanged.
    GrantCodeLifetime,
    /// How long an access token lives.
    AccessTokenLifetime,
    /// How long a refresh token lives.
    RefreshTokenLifetime,
}

/// One value of a limit, as one source states it.
///
/// ```
/// use zoho_connector_kit::token::{token_limit, LimitId};
/// let v = &token_limit(LimitId::GrantCodeLifetime).values[1];
/// assert_eq!(v.value, "3 minutes");
/// assert_eq!(v.source, "zoho-crm-v8-token-validity"); // a registry id
/// assert!(zoho_connector_kit::source::describe(v.source).contains("Token validity"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LimitValue {
    /// The value as stated.
    pub value: &'static str,
    /// What happens at the limit, or the source's wording.
    pub detail: &'static str,
    /// Where it comes from.
    pub source: &'static str,
    /// How far it can be trusted.
    pub confidence: Confidence,
}

/// One limit with every value the sources give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenLimit {
    /// Which limit.
    pub id: LimitId,
    /// Plain title.
    pub title: &'static str,
    /// What the count is kept per (`client ID`, `refresh token`, `user`), or empty.
    pub per: &'static str,
    /// The counting window in milliseconds, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window_ms: Option<u64>,
    /// The values, one per source wording.
    pub values: &'static [LimitValue],
    /// False when sources give different values: show them all.
    pub sources_agree: bool,
}

const TEN_MINUTES: u64 = 600_000;
const LIMITS_SRC: &str = "zoho-accounts-token-limits";

static LIMITS: [TokenLimit; 7] = [
    TokenLimit {
        id: LimitId::GrantCodesPerClient,
        title: "Grant codes per client ID",
        per: "client ID",
        window_ms: Some(TEN_MINUTES),
        values: &[LimitValue {
            value: "10 per 10 minutes",
            detail: "over the limit Zoho answers access_denied",
            source: "zoho-crm-v8-token-validity",
            confidence: Confidence::Official,
        }],
        sources_agree: true,
    },
    TokenLimit {
        id: LimitId::AccessTokensPerRefreshToken,
        title: "Access tokens generated per refresh token",
        per: "refresh token",
        window_ms: Some(TEN_MINUTES),
        values: &[LimitValue {
            value: "10 per 10 minutes",
            detail: "over the limit Zoho answers \"error\":\"Access Denied\" for the rest of the window",
            source: "zoho-accounts-token-limits",
            confidence: Confidence::Official,
        }],
        sources_agree: true,
    },
    TokenLimit {
        id: LimitId::ActiveAccessTokensPerRefreshToken,
        title: "Active access tokens per refresh token",
        per: "refresh token",
        window_ms: None,
        values: &[
            LimitValue {
                value: "10",
                detail: "current Accounts page",
                source: LIMITS_SRC,
                confidence: Confidence::Official,
            },
            LimitValue {
                value: "15",
                detail: "the 16th invalidates the oldest (current CRM v3 page)",
                source: "zoho-crm-v8-token-validity",
                confidence: Confidence::Official,
            },
            LimitValue {
                value: "30",
                detail: "older product pages (and the setup guide)",
                source: "zoho-pdfeditor-refresh",
                confidence: Confidence::Official,
            },
        ],
        sources_agree: false,
    },
    TokenLimit {
        id: LimitId::RefreshTokensPerUser,
        title: "Refresh tokens per user",
        per: "user",
        window_ms: None,
        values: &[
            LimitValue {
                value: "20 per user",
                detail: "creating the 21st deletes the oldest (no failure)",
                source: "zoho-crm-v8-token-validity",
                confidence: Confidence::Official,
            },
            LimitValue {
                value: "20 per 10 minutes per client ID",
                detail: "CRM v2 wording; the 21st deletes the oldest",
                source: "zoho-crm-v2-token-validity",
                confidence: Confidence::Official,
            },
        ],
        sources_agree: false,
    },
    TokenLimit {
        id: LimitId::GrantCodeLifetime,
        title: "Grant code validity",
        per: "",
        window_ms: None,
        values: &[
            LimitValue {
                value: "2 minutes",
                detail: "single use",
                source: "zoho-accounts-authorization",
                confidence: Confidence::Official,
            },
            LimitValue {
                value: "3 minutes",
                detail: "default; Self Client codes can be given a longer duration",
                source: "zoho-crm-v8-token-validity",
                confidence: Confidence::Official,
            },
        ],
        sources_agree: false,
    },
    TokenLimit {
        id: LimitId::AccessTokenLifetime,
        title: "Access token validity",
        per: "",
        window_ms: None,
        values: &[LimitValue {
            value: "1 hour",
            detail: "expires_in 3600 seconds",
            source: "zoho-accounts-access-token",
            confidence: Confidence::Official,
        }],
        sources_agree: true,
    },
    TokenLimit {
        id: LimitId::RefreshTokenLifetime,
        title: "Refresh token validity",
        per: "",
        window_ms: None,
        values: &[LimitValue {
            value: "until revoked",
            detail: "revoking it also revokes its access tokens",
            source: "zoho-accounts-revoke-token",
            confidence: Confidence::Official,
        }],
        sources_agree: true,
    },
];

/// Every token limit.
///
/// ```
/// assert_eq!(zoho_connector_kit::token::token_limits().len(), 7);
/// ```
pub fn token_limits() -> &'static [TokenLimit] {
    &LIMITS
}

/// One token limit.
///
/// ```
/// use zoho_connector_kit::token::{token_limit, LimitId};
/// assert_eq!(token_limit(LimitId::GrantCodesPerClient).window_ms, Some(600_000));
/// ```
pub fn token_limit(id: LimitId) -> &'static TokenLimit {
    LIMITS.iter().find(|l| l.id == id).unwrap_or(&LIMITS[0])
}

/// What is being requested next.
///
/// ```
/// use zoho_connector_kit::token::ThrottleKind;
/// assert_eq!(serde_json::from_str::<ThrottleKind>("\"accessToken\"").unwrap(), ThrottleKind::AccessToken);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ThrottleKind {
    /// A grant code (counted per client ID).
    GrantCode,
    /// An access token from a refresh token (counted per refresh token).
    AccessToken,
    /// A refresh token (counted per user): never refused, but the 21st evicts the oldest.
    RefreshToken,
}

/// One past event: a token (or code) issued at a time.
///
/// ```
/// use zoho_connector_kit::token::TokenEventInput;
/// let e: TokenEventInput = serde_json::from_str(r#"{"at": 1000, "key": "rt-1"}"#).unwrap();
/// assert_eq!(e.at, 1000);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct TokenEventInput {
    /// When it was issued (epoch ms).
    pub at: u64,
    /// What it is counted per (the client ID, refresh token or user); events of other keys are ignored when the
    /// question names a key.
    #[serde(default)]
    pub key: Option<String>,
}

/// The throttle question. Unknown fields are refused.
///
/// ```
/// use zoho_connector_kit::token::ThrottleInput;
/// let q: ThrottleInput = serde_json::from_str(r#"{"kind":"grantCode","events":[],"at":0}"#).unwrap();
/// assert!(q.events.unwrap().is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ThrottleInput {
    /// What the next request asks for.
    #[serde(default)]
    pub kind: Option<ThrottleKind>,
    /// Past issues of that kind.
    #[serde(default)]
    pub events: Option<Vec<TokenEventInput>>,
    /// When the next request would be sent (epoch ms); the last event's time when absent.
    #[serde(default)]
    pub at: Option<u64>,
    /// Count only events with this key.
    #[serde(default)]
    pub key: Option<String>,
}

/// The answer of [`check_throttle`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ThrottleAnswer {
    /// What was asked about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<ThrottleKind>,
    /// The time of the next request considered (epoch ms).
    pub at: u64,
    /// How many issues the limit allows in the window (or in total, for refresh tokens).
    pub limit: u32,
    /// The window, when the limit has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window_ms: Option<u64>,
    /// Events counted against the limit at `at`.
    pub counted: u32,
    /// Whether Zoho would refuse the request at `at`.
    pub throttled: bool,
    /// When throttled: the first time the request would pass (epoch ms).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub passes_at: Option<u64>,
    /// Refresh tokens only: whether issuing one more deletes the oldest.
    pub evicts_oldest: bool,
    /// How the answer was reached, and its caveats.
    pub note: String,
    /// Registry id of the source of the limit applied (the first value of the limit; see [`token_limit`]).
    pub source: String,
    /// Registry ids of every source of the limit, the applied one first, without repeats: more than one when the
    /// sources state the limit differently (refresh tokens: CRM v3 and v2).
    pub sources: Vec<String>,
    /// Findings.
    pub diagnostics: Vec<Diagnostic>,
}

/// Would the next request be throttled, and from when would it pass?
///
/// Zoho documents "10 per 10 minutes" and that creation stays blocked for the rest of the window; this check
/// counts the issues in the 10 minutes before the request (a sliding window), so a request passes 10 minutes
/// after the oldest issue that keeps the count at the limit.
///
/// ```
/// use zoho_connector_kit::token::{check_throttle, ThrottleInput, ThrottleKind, TokenEventInput};
/// let events = (0..10).map(|i| TokenEventInput { at: i * 60_000, key: None }).collect();
/// let answer = check_throttle(&ThrottleInput {
///     kind: Some(ThrottleKind::AccessToken), events: Some(events), at: Some(9 * 60_000 + 1), key: None,
/// });
/// assert!(answer.throttled);
/// assert_eq!(answer.passes_at, Some(600_000)); // 10 minutes after the first
/// ```
pub fn check_throttle(input: &ThrottleInput) -> ThrottleAnswer {
    let mut diagnostics = Vec::new();
    let events = input.events.clone().unwrap_or_default();
    if input.events.is_none() {
        diagnostics.push(
            Diagnostic::info(
                Code::ThrottleNoEvents,
                "events",
                "No events were given; nothing counts against the limit.",
            )
            .with_fix("List the earlier issues as {\"at\": epochMs}."),
        );
    }
    let mut times: Vec<u64> = events
        .iter()
        .filter(|e| match (&input.key, &e.key) {
            (Some(want), Some(have)) => want == have,
            _ => true,
        })
        .map(|e| e.at)
        .collect();
    times.sort_unstable();
    let at = input.at.or_else(|| times.last().copied()).unwrap_or(0);
    let future = times.iter().filter(|t| **t > at).count();
    if future > 0 {
        diagnostics.push(
            Diagnostic::warning(
                Code::ThrottleFutureEvents,
                "events",
                format!("{future} event(s) are later than the request time and are not counted."),
            )
            .with_fix("Give `at` as the time of the next request, after every listed event."),
        );
    }
    times.retain(|t| *t <= at);

    let Some(kind) = input.kind else {
        diagnostics.push(
            Diagnostic::error(Code::ThrottleMissingKind, "kind", "No kind was given.")
                .with_fix("Give kind: grantCode, accessToken or refreshToken."),
        );
        return ThrottleAnswer {
            kind: None,
            at,
            limit: 0,
            window_ms: None,
            counted: 0,
            throttled: false,
            passes_at: None,
            evicts_oldest: false,
            note: String::new(),
            source: String::new(),
            sources: Vec::new(),
            diagnostics,
        };
    };
    let limit_id = match kind {
        ThrottleKind::GrantCode => LimitId::GrantCodesPerClient,
        ThrottleKind::AccessToken => LimitId::AccessTokensPerRefreshToken,
        ThrottleKind::RefreshToken => LimitId::RefreshTokensPerUser,
    };
    let policy = token_limit(limit_id);
    let mut sources: Vec<String> = Vec::new();
    for v in policy.values {
        if !sources.iter().any(|s| s == v.source) {
            sources.push(v.source.to_string());
        }
    }
    let source = sources.first().cloned().unwrap_or_default();
    if kind == ThrottleKind::RefreshToken {
        let counted = u32::try_from(times.len()).unwrap_or(u32::MAX);
        return ThrottleAnswer {
            kind: Some(kind),
            at,
            limit: 20,
            window_ms: None,
            counted,
            throttled: false,
            passes_at: None,
            evicts_oldest: counted >= 20,
            note: "Refresh tokens are not refused: issuing one beyond 20 deletes the oldest, whose connection then \
                   fails with invalid_code. CRM v3 counts 20 per user; CRM v2 words it as 20 per 10 minutes per \
                   client ID — both are shown because the sources differ."
                .into(),
            source,
            sources,
            diagnostics,
        };
    }
    let window = TEN_MINUTES;
    // Saturating: an event time near u64::MAX (a CLI file can hold one) is in the window, not an overflow.
    let in_window: Vec<u64> = times.iter().copied().filter(|t| t.saturating_add(window) > at).collect();
    let counted = u32::try_from(in_window.len()).unwrap_or(u32::MAX);
    let limit = 10u32;
    let throttled = counted >= limit;
    let passes_at = if throttled {
        in_window.len().checked_sub(limit as usize).and_then(|i| in_window.get(i)).map(|t| t.saturating_add(window))
    } else {
        None
    };
    let what =
        if kind == ThrottleKind::GrantCode { "grant codes per client ID" } else { "access tokens per refresh token" };
    let note = format!(
        "{counted} of {limit} {what} issued in the 10 minutes before the request. Zoho answers over the limit with \
         \"Access Denied\" (access tokens) or access_denied (grant codes), not HTTP 429. The window is counted back \
         from the request; Zoho does not document whether refused attempts extend it."
    );
    ThrottleAnswer {
        kind: Some(kind),
        at,
        limit,
        window_ms: Some(window),
        counted,
        throttled,
        passes_at,
        evicts_oldest: false,
        note,
        source,
        sources,
        diagnostics,
    }
}
