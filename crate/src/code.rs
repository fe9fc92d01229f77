//! Finding codes: every `code` a [`Diagnostic`](crate::Diagnostic) can carry, in one typed table.
//!
//! Each code has its stable dotted text (`dc.wrong_host`), its default [`Severity`] and a short title. The core
//! emits and matches codes only through [`Code`], so a misspelt code does not compile; the npm package's
//! TypeScript declarations carry the same list as the `FindingCode` union ([`TS_FINDING_CODES`]), and `zck codes`
//! prints it.
//!
//! ```
//! use zoho_connector_kit::code::Code;
//! use zoho_connector_kit::Severity;
//!
//! assert_eq!(Code::DcWrongHost.as_str(), "dc.wrong_host");
//! assert_eq!(Code::parse("dc.wrong_host"), Some(Code::DcWrongHost));
//! assert_eq!(Code::DcWrongHost.default_severity(), Severity::Error);
//! assert!(Code::ALL.len() > 200);
//! ```

use crate::diagnostic::Severity;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

macro_rules! codes {
    ($($variant:ident = $text:literal, $severity:ident, $title:literal;)*) => {
        /// A finding code. Its text is stable: tests, the CLI, the overlay and users' scripts key on it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $(
                #[doc = concat!("`", $text, "`: ", $title, ".")]
                $variant,
            )*
        }

        impl Code {
            /// Every code, in the order of the table (by area, then name).
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable dotted text, as it appears in JSON and CLI output.
            ///
            /// ```
            /// assert_eq!(zoho_connector_kit::code::Code::AuthMissingScopes.as_str(), "auth.missing_scopes");
            /// ```
            pub const fn as_str(self) -> &'static str {
                // A slice of one string of every text, rather than a `match` (which compiles to a table of a
                // pointer and a length per code: 2.6 KB of Wasm data for 330 codes).
                let i = self as usize;
                let start = if i == 0 { 0 } else { CODE_TEXT_ENDS[i - 1] as usize };
                let Some((head, _)) = CODE_TEXTS.as_bytes().split_at_checked(CODE_TEXT_ENDS[i] as usize) else {
                    return "";
                };
                let Some((_, text)) = head.split_at_checked(start) else { return "" };
                match std::str::from_utf8(text) {
                    Ok(text) => text,
                    Err(_) => "",
                }
            }

            /// The severity the code is reported with unless a check says otherwise.
            ///
            /// ```
            /// use zoho_connector_kit::{code::Code, Severity};
            /// assert_eq!(Code::AuthAccessTypeOnline.default_severity(), Severity::Warning);
            /// ```
            pub const fn default_severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)*
                }
            }

            /// A short title for lists and headings.
            ///
            /// ```
            /// assert_eq!(zoho_connector_kit::code::Code::DcWrongHost.title(), "Wrong host");
            /// ```
            pub const fn title(self) -> &'static str {
                match self {
                    $(Code::$variant => $title,)*
                }
            }
        }

        /// Every code's text, one after the other in table order; [`Code::as_str`] slices it.
        const CODE_TEXTS: &str = concat!($($text),*);

        /// Where each code's text ends in [`CODE_TEXTS`] (the next one starts there).
        const CODE_TEXT_ENDS: [u16; Code::ALL.len()] = {
            let lengths = [$($text.len()),*];
            let mut ends = [0u16; Code::ALL.len()];
            let (mut i, mut end) = (0, 0);
            while i < lengths.len() {
                end += lengths[i];
                ends[i] = end as u16;
                i += 1;
            }
            assert!(end <= u16::MAX as usize, "the code texts outgrew u16 offsets");
            ends
        };

        /// The TypeScript union of every code, as the npm package declares it (`FindingCode`).
        pub const TS_FINDING_CODES: &str = concat!(
            "/** Every finding code the core can report (generated from the Rust table `code::Code`). */\n",
            "export type FindingCode =",
            $("\n| \"", $text, "\"",)*
            ";\n"
        );
    };
}

codes! {
    // apply
    ApplyBadBigint = "apply.bad_bigint", Error, "Bad bigint";
    ApplyBadBoolean = "apply.bad_boolean", Error, "Bad boolean";
    ApplyBadDate = "apply.bad_date", Error, "Bad date";
    ApplyBadDatetime = "apply.bad_datetime", Error, "Bad datetime";
    ApplyBadEmail = "apply.bad_email", Error, "Bad email";
    ApplyBadLookup = "apply.bad_lookup", Error, "Bad lookup";
    ApplyBadNumber = "apply.bad_number", Error, "Bad number";
    ApplyBadZone = "apply.bad_zone", Error, "Bad zone";
    ApplyBigintAsNumber = "apply.bigint_as_number", Error, "Bigint as number";
    ApplyBlankLeftOut = "apply.blank_left_out", Info, "Blank left out";
    ApplyDatetimeWithoutZone = "apply.datetime_without_zone", Error, "Datetime without zone";
    ApplyIncompatible = "apply.incompatible", Error, "Incompatible";
    ApplyInexactNumber = "apply.inexact_number", Error, "Inexact number";
    ApplyLongerThanSmallTextarea = "apply.longer_than_small_textarea", Error, "Longer than small textarea";
    ApplyLookupWithoutId = "apply.lookup_without_id", Error, "Lookup without ID";
    ApplyMandatoryBlank = "apply.mandatory_blank", Error, "Mandatory blank";
    ApplyMandatoryMissing = "apply.mandatory_missing", Error, "Mandatory missing";
    ApplyMoreDecimals = "apply.more_decimals", Error, "More decimals";
    ApplyNeedsArray = "apply.needs_array", Error, "Needs array";
    ApplyNeedsLookupId = "apply.needs_lookup_id", Error, "Needs lookup ID";
    ApplyNeedsSingleValue = "apply.needs_single_value", Error, "Needs single value";
    ApplyNeedsTransform = "apply.needs_transform", Error, "Needs transform";
    ApplyNotARecordId = "apply.not_a_record_id", Error, "Not a record ID";
    ApplyNotAnObject = "apply.not_an_object", Error, "Not an object";
    ApplyNotInteger = "apply.not_integer", Error, "Not integer";
    ApplyPhoneCharacters = "apply.phone_characters", Info, "Phone characters";
    ApplyPicklistActualValue = "apply.picklist_actual_value", Info, "Picklist actual value";
    ApplyPicklistValue = "apply.picklist_value", Error, "Picklist value";
    ApplyReadOnly = "apply.read_only", Error, "Read only";
    ApplyTooLong = "apply.too_long", Error, "Too long";
    ApplyTooManyDigits = "apply.too_many_digits", Error, "Too many digits";
    ApplyUnmappedValue = "apply.unmapped_value", Error, "Unmapped value";
    // auth
    AuthAccessTypeOnline = "auth.access_type_online", Warning, "Access type online";
    AuthClientIdShape = "auth.client_id_shape", Warning, "Client ID shape";
    AuthExternalProvider = "auth.external_provider", Error, "External provider";
    AuthMissingClientId = "auth.missing_client_id", Error, "Missing client ID";
    AuthMissingDataCenter = "auth.missing_data_center", Error, "Missing data center";
    AuthMissingRedirectUri = "auth.missing_redirect_uri", Error, "Missing redirect URI";
    AuthMissingScopes = "auth.missing_scopes", Error, "Missing scopes";
    AuthNoRandomness = "auth.no_randomness", Error, "No randomness";
    AuthPromptConsentHint = "auth.prompt_consent_hint", Info, "Prompt consent hint";
    AuthRedirectInvalid = "auth.redirect_invalid", Error, "Redirect invalid";
    AuthRedirectScheme = "auth.redirect_scheme", Error, "Redirect scheme";
    AuthScopeHasDelimiter = "auth.scope_has_delimiter", Error, "Scope has delimiter";
    // connection
    ConnectionAccessTypeInvalid = "connection.access_type_invalid", Error, "Access type invalid";
    ConnectionAccessTypeMissing = "connection.access_type_missing", Warning, "Access type missing";
    ConnectionAccessTypeOnline = "connection.access_type_online", Warning, "Access type online";
    ConnectionAccessTypeRepeated = "connection.access_type_repeated", Warning, "Access type repeated";
    ConnectionAccountsHostUnverified = "connection.accounts_host_unverified", Warning, "Accounts host unverified";
    ConnectionAuthorizeEqualsToken = "connection.authorize_equals_token", Error, "Authorize equals token";
    ConnectionAuthorizeMultiDc = "connection.authorize_multi_dc", Warning, "Authorize multi DC";
    ConnectionAuthorizeUrlParam = "connection.authorize_url_param", Warning, "Authorize URL param";
    ConnectionClientIdPlaceholder = "connection.client_id_placeholder", Error, "Client ID placeholder";
    ConnectionClientIdShape = "connection.client_id_shape", Warning, "Client ID shape";
    ConnectionClientIdWhitespace = "connection.client_id_whitespace", Warning, "Client ID whitespace";
    ConnectionClientSecretEqualsId = "connection.client_secret_equals_id", Error, "Client secret equals ID";
    ConnectionClientSecretIsClientId = "connection.client_secret_is_client_id", Error, "Client secret is client ID";
    ConnectionClientSecretLooksLikeToken = "connection.client_secret_looks_like_token", Warning, "Client secret looks like token";
    ConnectionClientSecretPlaceholder = "connection.client_secret_placeholder", Error, "Client secret placeholder";
    ConnectionClientSecretWhitespace = "connection.client_secret_whitespace", Warning, "Client secret whitespace";
    ConnectionDataCenterGuessed = "connection.data_center_guessed", Warning, "Data center guessed";
    ConnectionDataCenterUnknown = "connection.data_center_unknown", Warning, "Data center unknown";
    ConnectionDcNotInCrmSdks = "connection.dc_not_in_crm_sdks", Info, "DC not in CRM SDKs";
    ConnectionFieldNotUsed = "connection.field_not_used", Warning, "Field not used";
    ConnectionKeyNamePlaceholder = "connection.key_name_placeholder", Error, "Key name placeholder";
    ConnectionKeyNameWhitespace = "connection.key_name_whitespace", Warning, "Key name whitespace";
    ConnectionLinkNameCharacters = "connection.link_name_characters", Error, "Link name characters";
    ConnectionLinkNameStart = "connection.link_name_start", Error, "Link name start";
    ConnectionLinkNameTooLong = "connection.link_name_too_long", Error, "Link name too long";
    ConnectionMissingAuthType = "connection.missing_auth_type", Error, "Missing auth type";
    ConnectionMissingField = "connection.missing_field", Error, "Missing field";
    ConnectionMissingLinkName = "connection.missing_link_name", Error, "Missing link name";
    ConnectionMissingRefreshUrl = "connection.missing_refresh_url", Warning, "Missing refresh URL";
    ConnectionMissingScopes = "connection.missing_scopes", Error, "Missing scopes";
    ConnectionMissingServiceName = "connection.missing_service_name", Error, "Missing service name";
    ConnectionNoScopes = "connection.no_scopes", Info, "No scopes";
    ConnectionOauth1NotChecked = "connection.oauth1_not_checked", Warning, "OAuth 1 not checked";
    ConnectionParamTypeQuery = "connection.param_type_query", Warning, "Param type query";
    ConnectionPasswordPlaceholder = "connection.password_placeholder", Error, "Password placeholder";
    ConnectionPromptConsentHint = "connection.prompt_consent_hint", Info, "Prompt consent hint";
    ConnectionPromptInvalid = "connection.prompt_invalid", Warning, "Prompt invalid";
    ConnectionRedirectCallbackUnknown = "connection.redirect_callback_unknown", Info, "Redirect callback unknown";
    ConnectionRedirectCallbackUnverified = "connection.redirect_callback_unverified", Info, "Redirect callback unverified";
    ConnectionRedirectExactMatch = "connection.redirect_exact_match", Info, "Redirect exact match";
    ConnectionRedirectHttp = "connection.redirect_http", Warning, "Redirect HTTP";
    ConnectionRedirectLocalhost = "connection.redirect_localhost", Info, "Redirect localhost";
    ConnectionRedirectMismatch = "connection.redirect_mismatch", Error, "Redirect mismatch";
    ConnectionRedirectNotCallback = "connection.redirect_not_callback", Error, "Redirect not callback";
    ConnectionRedirectSingleSource = "connection.redirect_single_source", Info, "Redirect single source";
    ConnectionRedirectUriMissing = "connection.redirect_uri_missing", Info, "Redirect URI missing";
    ConnectionRedirectWrongDc = "connection.redirect_wrong_dc", Error, "Redirect wrong DC";
    ConnectionRefreshUrlMissing = "connection.refresh_url_missing", Info, "Refresh URL missing";
    ConnectionRevokeUrlSuggested = "connection.revoke_url_suggested", Info, "Revoke URL suggested";
    ConnectionSchemaNewer = "connection.schema_newer", Error, "Schema newer";
    ConnectionSecretInUrl = "connection.secret_in_url", Error, "Secret in URL";
    ConnectionSecretNotExported = "connection.secret_not_exported", Info, "Secret not exported";
    ConnectionServiceNameTooLong = "connection.service_name_too_long", Error, "Service name too long";
    ConnectionTokenUrlQuery = "connection.token_url_query", Warning, "Token URL query";
    ConnectionUnknownAuthType = "connection.unknown_auth_type", Error, "Unknown auth type";
    ConnectionUnknownGrantType = "connection.unknown_grant_type", Error, "Unknown grant type";
    ConnectionUnknownParamType = "connection.unknown_param_type", Error, "Unknown param type";
    ConnectionUnknownPlacement = "connection.unknown_placement", Error, "Unknown placement";
    ConnectionUnknownScopeDelimiter = "connection.unknown_scope_delimiter", Error, "Unknown scope delimiter";
    ConnectionUrlFragment = "connection.url_fragment", Error, "URL fragment";
    ConnectionUrlInvalid = "connection.url_invalid", Error, "URL invalid";
    ConnectionUrlNoScheme = "connection.url_no_scheme", Error, "URL no scheme";
    ConnectionUrlNotHttps = "connection.url_not_https", Error, "URL not HTTPS";
    ConnectionUrlPlaceholder = "connection.url_placeholder", Error, "URL placeholder";
    ConnectionUrlUserinfo = "connection.url_userinfo", Error, "URL userinfo";
    ConnectionUrlWhitespace = "connection.url_whitespace", Warning, "URL whitespace";
    ConnectionUsernameColon = "connection.username_colon", Error, "Username colon";
    ConnectionUsernamePlaceholder = "connection.username_placeholder", Error, "Username placeholder";
    ConnectionZohoDcMismatch = "connection.zoho_dc_mismatch", Error, "Zoho DC mismatch";
    ConnectionZohoHostMismatch = "connection.zoho_host_mismatch", Error, "Zoho host mismatch";
    ConnectionZohoMixedHosts = "connection.zoho_mixed_hosts", Error, "Zoho mixed hosts";
    ConnectionZohoNotAccountsHost = "connection.zoho_not_accounts_host", Error, "Zoho not accounts host";
    ConnectionZohoScopeForExternal = "connection.zoho_scope_for_external", Warning, "Zoho scope for external";
    ConnectionZohoWrongPath = "connection.zoho_wrong_path", Error, "Zoho wrong path";
    // coql
    CoqlLimitTooHigh = "coql.limit_too_high", Error, "Limit too high";
    CoqlMissingFields = "coql.missing_fields", Error, "Missing fields";
    CoqlMissingFrom = "coql.missing_from", Error, "Missing from";
    CoqlMissingModule = "coql.missing_module", Error, "Missing module";
    CoqlNotSelect = "coql.not_select", Error, "Not select";
    CoqlSyntax = "coql.syntax", Error, "Syntax";
    CoqlTooManyCriteria = "coql.too_many_criteria", Error, "Too many criteria";
    CoqlTooManyFields = "coql.too_many_fields", Error, "Too many fields";
    CoqlTooManyInValues = "coql.too_many_in_values", Error, "Too many in values";
    CoqlUnbracketedCriteria = "coql.unbracketed_criteria", Error, "Unbracketed criteria";
    CoqlUnknownOperator = "coql.unknown_operator", Error, "Unknown operator";
    // dc
    DcCallbackConflict = "dc.callback_conflict", Warning, "Callback conflict";
    DcEmpty = "dc.empty", Error, "Empty";
    DcLocationConflict = "dc.location_conflict", Warning, "Location conflict";
    DcNotInCrmSdks = "dc.not_in_crm_sdks", Warning, "Not in CRM SDKs";
    DcNotRecognised = "dc.not_recognised", Error, "Not recognised";
    DcUnknown = "dc.unknown", Error, "Unknown";
    DcWrongHost = "dc.wrong_host", Error, "Wrong host";
    // deluge
    DelugeAssignInCondition = "deluge.assign_in_condition", Warning, "Assign in condition";
    DelugeCallInLoop = "deluge.call_in_loop", Warning, "Call in loop";
    DelugeCreatorNotChecked = "deluge.creator_not_checked", Info, "Creator not checked";
    DelugeGenerateBadApiVersion = "deluge.generate.bad_api_version", Error, "Bad API version";
    DelugeGenerateBadConnection = "deluge.generate.bad_connection", Error, "Bad connection";
    DelugeGenerateBadFormBody = "deluge.generate.bad_form_body", Error, "Bad form body";
    DelugeGenerateBadFormValue = "deluge.generate.bad_form_value", Error, "Bad form value";
    DelugeGenerateBadHeaderName = "deluge.generate.bad_header_name", Error, "Bad header name";
    DelugeGenerateBadQueryValue = "deluge.generate.bad_query_value", Error, "Bad query value";
    DelugeGenerateBadResponseVar = "deluge.generate.bad_response_var", Error, "Bad response var";
    DelugeGenerateBadTextBody = "deluge.generate.bad_text_body", Error, "Bad text body";
    DelugeGenerateBadUrl = "deluge.generate.bad_url", Error, "Bad URL";
    DelugeGenerateBodyOnGet = "deluge.generate.body_on_get", Error, "Body on get";
    DelugeGenerateMissingUrl = "deluge.generate.missing_url", Error, "Missing URL";
    DelugeGenerateNoApiDomain = "deluge.generate.no_api_domain", Error, "No API domain";
    DelugeGenerateReservedResponseVar = "deluge.generate.reserved_response_var", Error, "Reserved response var";
    DelugeGenerateUnknownDataCenter = "deluge.generate.unknown_data_center", Error, "Unknown data center";
    DelugeInvokeurlBadType = "deluge.invokeurl.bad_type", Error, "Bad type";
    DelugeInvokeurlDuplicateParameter = "deluge.invokeurl.duplicate_parameter", Warning, "Duplicate parameter";
    DelugeInvokeurlJsonMapWithoutTostring = "deluge.invokeurl.json_map_without_tostring", Warning, "JSON map without toString";
    DelugeInvokeurlMissingUrl = "deluge.invokeurl.missing_url", Error, "Missing URL";
    DelugeInvokeurlNoConnection = "deluge.invokeurl.no_connection", Warning, "No connection";
    DelugeInvokeurlUnknownParameter = "deluge.invokeurl.unknown_parameter", Error, "Unknown parameter";
    DelugeMethodArgumentCount = "deluge.method.argument_count", Error, "Method argument count";
    DelugeRecordBadId = "deluge.record.bad_id", Error, "Bad ID";
    DelugeRecordBadRecord = "deluge.record.bad_record", Error, "Bad record";
    DelugeRecordBadTrigger = "deluge.record.bad_trigger", Error, "Bad trigger";
    DelugeRecordMissingCriteria = "deluge.record.missing_criteria", Error, "Missing criteria";
    DelugeRecordMissingDataCenter = "deluge.record.missing_data_center", Error, "Missing data center";
    DelugeRecordMissingId = "deluge.record.missing_id", Error, "Missing ID";
    DelugeRecordMissingModule = "deluge.record.missing_module", Error, "Missing module";
    DelugeRecordMissingOperation = "deluge.record.missing_operation", Error, "Missing operation";
    DelugeRecordMissingQuery = "deluge.record.missing_query", Error, "Missing query";
    DelugeRecordMissingRecords = "deluge.record.missing_records", Error, "Missing records";
    DelugeRecordTooManyRecords = "deluge.record.too_many_records", Error, "Too many records";
    DelugeReservedName = "deluge.reserved_name", Error, "Reserved name";
    DelugeReservedTypeName = "deluge.reserved_type_name", Warning, "Reserved type name";
    DelugeSendmailDuplicateParameter = "deluge.sendmail.duplicate_parameter", Warning, "Duplicate parameter";
    DelugeSendmailMissingParameter = "deluge.sendmail.missing_parameter", Error, "Missing parameter";
    DelugeSendmailUnknownParameter = "deluge.sendmail.unknown_parameter", Error, "Unknown parameter";
    DelugeSyntax = "deluge.syntax", Error, "Syntax";
    DelugeTaskArgumentCount = "deluge.task.argument_count", Error, "Argument count";
    DelugeTooDeep = "deluge.too_deep", Error, "Too deep";
    DelugeUnbalancedBracket = "deluge.unbalanced_bracket", Error, "Unbalanced bracket";
    DelugeUnexpectedCharacter = "deluge.unexpected_character", Error, "Unexpected character";
    DelugeUnknownEscape = "deluge.unknown_escape", Info, "Unknown escape";
    DelugeUnknownTask = "deluge.unknown_task", Error, "Unknown task";
    DelugeUnterminatedComment = "deluge.unterminated_comment", Error, "Unterminated comment";
    DelugeUnterminatedDatetime = "deluge.unterminated_datetime", Error, "Unterminated datetime";
    DelugeUnterminatedText = "deluge.unterminated_text", Error, "Unterminated text";
    // input
    InputInvalidType = "input.invalid_type", Error, "Invalid type";
    InputInvalidValue = "input.invalid_value", Error, "Invalid value";
    InputMissingField = "input.missing_field", Error, "Missing field";
    InputSyntax = "input.syntax", Error, "Syntax";
    InputTooLarge = "input.too_large", Error, "Too large";
    InputUnknownField = "input.unknown_field", Error, "Unknown field";
    // internal
    InternalSerialize = "internal.serialize", Error, "Serialize";
    // mapping
    MappingBigintAsNumber = "mapping.bigint_as_number", Error, "Bigint as number";
    MappingConstantInvalid = "mapping.constant_invalid", Error, "Constant invalid";
    MappingConstantNote = "mapping.constant_note", Error, "Constant note";
    MappingDelugeUntranslatable = "mapping.deluge_untranslatable", Error, "Deluge untranslatable";
    MappingDuplicateTarget = "mapping.duplicate_target", Error, "Duplicate target";
    MappingInvalidTransform = "mapping.invalid_transform", Error, "Invalid transform";
    MappingLookupNeedsId = "mapping.lookup_needs_id", Error, "Lookup needs ID";
    MappingLookupNeedsRecordId = "mapping.lookup_needs_record_id", Warning, "Lookup needs record ID";
    MappingMandatoryUnmapped = "mapping.mandatory_unmapped", Error, "Mandatory unmapped";
    MappingMayExceedLength = "mapping.may_exceed_length", Warning, "May exceed length";
    MappingMissingModule = "mapping.missing_module", Error, "Missing module";
    MappingMissingSource = "mapping.missing_source", Error, "Missing source";
    MappingMissingTarget = "mapping.missing_target", Error, "Missing target";
    MappingModuleMismatch = "mapping.module_mismatch", Warning, "Module mismatch";
    MappingMultiselectNeedsArray = "mapping.multiselect_needs_array", Error, "Multiselect needs array";
    MappingNoFields = "mapping.no_fields", Error, "No fields";
    MappingPicklistActualValue = "mapping.picklist_actual_value", Info, "Picklist actual value";
    MappingPicklistValue = "mapping.picklist_value", Warning, "Picklist value";
    MappingReadOnlyTarget = "mapping.read_only_target", Error, "Read only target";
    MappingSchemaNewer = "mapping.schema_newer", Error, "Schema newer";
    MappingTypeImpossible = "mapping.type_impossible", Error, "Type impossible";
    MappingTypeNeedsTransform = "mapping.type_needs_transform", Error, "Type needs transform";
    MappingUnknownField = "mapping.unknown_field", Error, "Unknown field";
    MappingUnknownSourceField = "mapping.unknown_source_field", Error, "Unknown source field";
    MappingValueTooLong = "mapping.value_too_long", Error, "Value too long";
    // preset
    PresetHost = "preset.host", Error, "Host";
    PresetNoFirstCall = "preset.no_first_call", Info, "No first call";
    PresetNoRefresh = "preset.no_refresh", Info, "No refresh";
    PresetNoScopes = "preset.no_scopes", Warning, "No scopes";
    PresetPlaceholder = "preset.placeholder", Error, "Placeholder";
    PresetScopeDelimiter = "preset.scope_delimiter", Error, "Scope delimiter";
    PresetScopeService = "preset.scope_service", Warning, "Scope service";
    PresetUnknown = "preset.unknown", Error, "Unknown";
    // schema
    SchemaFieldWithoutApiName = "schema.field_without_api_name", Warning, "Field without API name";
    SchemaFieldWithoutDataType = "schema.field_without_data_type", Warning, "Field without data type";
    SchemaMissingModule = "schema.missing_module", Error, "Missing module";
    SchemaNoBuiltIn = "schema.no_built_in", Error, "No built in";
    SchemaNoFields = "schema.no_fields", Error, "No fields";
    SchemaNotAFieldsReply = "schema.not_a_fields_reply", Error, "Not a fields reply";
    // scope
    ScopeDelimiterMismatch = "scope.delimiter_mismatch", Warning, "Delimiter mismatch";
    ScopeDeprecated = "scope.deprecated", Error, "Deprecated";
    ScopeDuplicate = "scope.duplicate", Warning, "Duplicate";
    ScopeEmptyItem = "scope.empty_item", Warning, "Empty item";
    ScopeGrammar = "scope.grammar", Error, "Grammar";
    ScopeItemHasDelimiter = "scope.item_has_delimiter", Error, "Item has delimiter";
    ScopeOperationCase = "scope.operation_case", Info, "Operation case";
    ScopeRedundant = "scope.redundant", Info, "Redundant";
    ScopeSuggestCoqlRead = "scope.suggest_coql_read", Info, "Suggest COQL read";
    ScopeSuggestFieldsRead = "scope.suggest_fields_read", Info, "Suggest fields read";
    ScopeSuggestUsersOrg = "scope.suggest_users_org", Info, "Suggest users org";
    ScopeUnknownFamily = "scope.unknown_family", Warning, "Unknown family";
    ScopeUnknownOperation = "scope.unknown_operation", Error, "Unknown operation";
    ScopeUnknownService = "scope.unknown_service", Warning, "Unknown service";
    ScopeUnknownSub = "scope.unknown_sub", Info, "Unknown sub";
    ScopeUnverified = "scope.unverified", Warning, "Unverified";
    ScopeZohoDelimiter = "scope.zoho_delimiter", Warning, "Zoho delimiter";
    // sync
    SyncCrmWinsNotInGuide = "sync.crm_wins_not_in_guide", Info, "CRM wins not in guide";
    SyncMissingConflictPolicy = "sync.missing_conflict_policy", Error, "Missing conflict policy";
    SyncMissingDirection = "sync.missing_direction", Warning, "Missing direction";
    SyncMissingRules = "sync.missing_rules", Info, "Missing rules";
    SyncTwoWayReadOnly = "sync.two_way_read_only", Error, "Two way read only";
    // test
    TestApiDomainInvalidCharacter = "test.api_domain_invalid_character", Error, "API domain has an invalid character";
    TestApiDomainNotHttps = "test.api_domain_not_https", Error, "API domain is not https";
    TestApiDomainNotOrigin = "test.api_domain_not_origin", Error, "API domain is not an origin";
    TestApiDomainNotUrl = "test.api_domain_not_url", Error, "API domain is not a URL";
    TestApiDomainNotZoho = "test.api_domain_not_zoho", Error, "API domain not Zoho";
    TestApiDomainPort = "test.api_domain_port", Error, "API domain names a port";
    TestApiDomainUserInfo = "test.api_domain_user_info", Error, "API domain has user info";
    TestCallFailed = "test.call_failed", Error, "Call failed";
    TestDataCenterMismatch = "test.data_center_mismatch", Warning, "Data center mismatch";
    TestMissingTarget = "test.missing_target", Error, "Missing target";
    TestMissingToken = "test.missing_token", Error, "Missing token";
    TestNoApiDomain = "test.no_api_domain", Error, "No API domain";
    TestRedirected = "test.redirected", Error, "Redirected";
    TestRedirectedOffZoho = "test.redirected_off_zoho", Error, "Redirected off Zoho";
    TestScopeMissing = "test.scope_missing", Error, "Scope missing";
    TestSlow = "test.slow", Warning, "Slow";
    TestTimeout = "test.timeout", Error, "Timeout";
    TestUnreachable = "test.unreachable", Error, "Unreachable";
    // throttle
    ThrottleFutureEvents = "throttle.future_events", Warning, "Future events";
    ThrottleMissingKind = "throttle.missing_kind", Error, "Missing kind";
    ThrottleNoEvents = "throttle.no_events", Info, "No events";
    // token
    TokenApiDomainInvalidCharacter = "token.api_domain_invalid_character", Error, "API domain has an invalid character";
    TokenApiDomainNotHttps = "token.api_domain_not_https", Error, "API domain is not https";
    TokenApiDomainNotOrigin = "token.api_domain_not_origin", Error, "API domain is not an origin";
    TokenApiDomainNotUrl = "token.api_domain_not_url", Error, "API domain is not a URL";
    TokenApiDomainNotZoho = "token.api_domain_not_zoho", Error, "API domain is not Zoho";
    TokenApiDomainPort = "token.api_domain_port", Error, "API domain names a port";
    TokenApiDomainUserInfo = "token.api_domain_user_info", Error, "API domain has user info";
    TokenBodyNotJson = "token.body_not_json", Error, "Body not JSON";
    TokenBodyNotObject = "token.body_not_object", Error, "Body not object";
    TokenCallHostMismatch = "token.call_host_mismatch", Warning, "Call host mismatch";
    TokenErrorResponse = "token.error_response", Error, "Error response";
    TokenExchangeIncomplete = "token.exchange_incomplete", Info, "Exchange request incomplete";
    TokenExpiresInLooksLikeMs = "token.expires_in_looks_like_ms", Warning, "Expires in looks like ms";
    TokenExpiryInconsistent = "token.expiry_inconsistent", Warning, "Expiry inconsistent";
    TokenInvalidCallUrl = "token.invalid_call_url", Warning, "Invalid call URL";
    TokenInvalidExpiresIn = "token.invalid_expires_in", Error, "Invalid expires in";
    TokenInvalidUrl = "token.invalid_url", Error, "Invalid URL";
    TokenLegacyExpiresInSec = "token.legacy_expires_in_sec", Info, "Legacy expires in sec";
    TokenMarginTooLarge = "token.margin_too_large", Warning, "Margin too large";
    TokenMissingAccessToken = "token.missing_access_token", Error, "Missing access token";
    TokenMissingApiDomain = "token.missing_api_domain", Warning, "Missing API domain";
    TokenMissingBody = "token.missing_body", Error, "Missing body";
    TokenMissingClientId = "token.missing_client_id", Error, "Missing client ID";
    TokenMissingClientSecret = "token.missing_client_secret", Error, "Missing client secret";
    TokenMissingExpiresIn = "token.missing_expires_in", Warning, "Missing expires in";
    TokenMissingUrl = "token.missing_url", Error, "Missing URL";
    TokenNoIssuedAt = "token.no_issued_at", Info, "No issued at";
    TokenNoRefreshToken = "token.no_refresh_token", Warning, "No refresh token";
    TokenNoRevoke = "token.no_revoke", Info, "No revoke request";
    TokenRefreshIncomplete = "token.refresh_incomplete", Info, "Refresh request incomplete";
    TokenRefreshNone = "token.refresh_none", Info, "No refresh request";
    TokenRevokeIncomplete = "token.revoke_incomplete", Info, "Revoke request incomplete";
    TokenSecretsRevealed = "token.secrets_revealed", Warning, "Secrets revealed";
    TokenUrlDcMismatch = "token.url_dc_mismatch", Warning, "URL DC mismatch";
    TokenUrlNotHttps = "token.url_not_https", Error, "URL not HTTPS";
    // webhook
    WebhookDescriptionTooLong = "webhook.description_too_long", Error, "Description too long";
    WebhookDuplicateField = "webhook.duplicate_field", Warning, "Duplicate field";
    WebhookDuplicateParameter = "webhook.duplicate_parameter", Warning, "Duplicate parameter";
    WebhookInvalidField = "webhook.invalid_field", Error, "Invalid field";
    WebhookInvalidUrl = "webhook.invalid_url", Error, "Invalid URL";
    WebhookMethod = "webhook.method", Error, "Method";
    WebhookMethodNewer = "webhook.method_newer", Info, "Method newer";
    WebhookMissingModule = "webhook.missing_module", Error, "Missing module";
    WebhookMissingName = "webhook.missing_name", Error, "Missing name";
    WebhookMissingUrl = "webhook.missing_url", Error, "Missing URL";
    WebhookModuleUnverified = "webhook.module_unverified", Info, "Module unverified";
    WebhookNameNotAlphanumeric = "webhook.name_not_alphanumeric", Error, "Name not alphanumeric";
    WebhookNameOverOldLimit = "webhook.name_over_old_limit", Info, "Name over old limit";
    WebhookNameTooLong = "webhook.name_too_long", Error, "Name too long";
    WebhookNotHttps = "webhook.not_https", Warning, "Not HTTPS";
    WebhookParameterWithoutName = "webhook.parameter_without_name", Error, "Parameter without name";
    WebhookParameterWithoutValue = "webhook.parameter_without_value", Warning, "Parameter without value";
    WebhookPort = "webhook.port", Warning, "Port";
    WebhookTooManyFields = "webhook.too_many_fields", Warning, "Too many fields";
    WebhookUnsupportedModule = "webhook.unsupported_module", Error, "Unsupported module";
    WebhookUrlOverOldLimit = "webhook.url_over_old_limit", Info, "URL over old limit";
    WebhookUrlTooLong = "webhook.url_too_long", Error, "URL too long";
}

impl Code {
    /// The code with this text, if there is one.
    ///
    /// ```
    /// use zoho_connector_kit::code::Code;
    /// assert_eq!(Code::parse("scope.unknown_service"), Some(Code::ScopeUnknownService));
    /// assert_eq!(Code::parse("scope.unknwon_service"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == text)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Code {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Code::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("unknown finding code `{text}`")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_unique_dotted_and_lowercase() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            let text = code.as_str();
            assert!(seen.insert(text), "{text} is listed twice");
            assert!(
                text.contains('.')
                    && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'_'),
                "{text}"
            );
            assert!(!code.title().is_empty());
            assert_eq!(Code::parse(text), Some(*code));
        }
    }

    #[test]
    fn the_typescript_union_lists_every_code_once() {
        for code in Code::ALL {
            assert_eq!(TS_FINDING_CODES.matches(&format!("\"{}\"", code.as_str())).count(), 1, "{code}");
        }
    }
}
