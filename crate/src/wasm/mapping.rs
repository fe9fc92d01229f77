//! Bindings for field mapping, module schemas and webhooks: read, call the core, convert back.

use super::error::{error_object, json_to_js, to_js};
use super::{input_error_without_position, json_text, read};
use crate::code::Code;
use crate::field::{builtin, CrmSchemaInput, ModuleSchema, SourceSchema};
use crate::mapping::{self, FieldMapping};
use crate::webhook::{self, WebhookInput};
use crate::Diagnostic;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_MAPPING: &'static str = r#"
/** Which CRM schema to use: the built-in one of `module`, or a pasted GET /settings/fields reply. */
export interface CrmSchemaInput {
  module: string;
  /** The JSON reply of GET /crm/v8/settings/fields?module=…; built-in schema when absent. */
  reply?: unknown;
}

export type SourceType =
  | "string" | "integer" | "decimal" | "boolean" | "date" | "datetime" | "localDatetime" | "email" | "phone"
  | "url" | "enum" | "stringArray" | "object" | "idReference";

export interface SourceSchema {
  name?: string;
  fields: { path: string; type?: SourceType; values?: string[]; maxLength?: number }[];
}

export type Transform =
  | { op: "trim" }
  | { op: "case"; to: "upper" | "lower" | "title" }
  | { op: "parseDate"; format?: string }
  | { op: "parseDatetime"; format?: string; zone?: string; toOffset?: string }
  | { op: "formatDate"; format: string }
  | { op: "parseNumber"; decimalSeparator?: string; groupSeparator?: string }
  | { op: "formatNumber"; decimalPlaces: number }
  | { op: "parseBoolean"; true?: string[]; false?: string[] }
  | { op: "valueMap"; map: Record<string, unknown>; otherwise?: "keep" | "drop" | "error" }
  | { op: "default"; value: unknown }
  | { op: "concat"; with: string[]; separator?: string }
  | { op: "split"; separator: string }
  | { op: "toLookup" };

export interface FieldMapping {
  /** CRM module API name, e.g. "Leads". */
  module?: string;
  fields?: { source?: string; target?: string; transforms?: Transform[] }[];
  /** The setup guide's sync rules. */
  sync?: {
    direction?: "toCrm" | "fromCrm" | "twoWay" | "manual";
    fieldAccess?: "readOnly" | "writeOnly" | "both";
    trigger?: "onChange" | "schedule" | "manual";
    conflictPolicy?: "latestWins" | "sourceWins" | "crmWins";
  };
  /** File format version (exported profiles carry it); absent means 1. */
  schemaVersion?: number;
}

export interface CrmField {
  apiName: string;
  label: string;
  /** The API data_type, e.g. "text", "multiselectpicklist". */
  dataType: string;
  length?: number;
  decimalPlace?: number;
  /** The display values (what create/update requests take, per Zoho's Kaizen #205). */
  pickListValues: string[];
  /** [actual_value, display_value] pairs where they differ. */
  pickListActualValues?: [string, string][];
  mandatory: boolean;
  readOnly: boolean;
  lookupModule?: string;
  /** Where the field's definition comes from. */
  source: string;
}

export interface ModuleSchema {
  module: string;
  builtIn: boolean;
  fields: CrmField[];
}

export interface ResolvedCrmSchema {
  schema: ModuleSchema;
  /** Findings of reading a pasted reply (fields skipped, unknown types), errors first. */
  diagnostics: Diagnostic[];
}

export interface RecordFinding {
  /** 0-based index of the record. */
  record: number;
  /** CRM api_name ("" for the whole record). */
  field: string;
  value: unknown;
  reason: string;
  code: string;
  /** "error": the record is left out of the batches; "warning" or "info" (a note): it is sent. */
  severity: Severity;
}

export interface MappingPreview {
  /** {"data": [...]} bodies of at most 100 records. */
  batches: { data: Record<string, unknown>[] }[];
  /** Input index of each record sent, in batch order. */
  sent: number[];
  skipped: number[];
  findings: RecordFinding[];
  /** Findings about the mapping itself, once: a target that is not a field of the schema writes nothing. */
  mappingFindings: Diagnostic[];
  batchSource: string;
}

export interface TargetSuggestion {
  source: string;
  target: string;
  dataType: string;
  /** The transform the value needs first, e.g. "parseBoolean". */
  transform?: string;
}

export interface WebhookInput {
  name?: string;
  description?: string;
  url?: string;
  method?: string;
  module?: string;
  trigger?: string;
  /** Values are treated as secrets: never echoed. */
  customParameters?: { name?: string; value?: string }[];
  fields?: string[];
}

export interface WebhookCheck {
  diagnostics: Diagnostic[];
  /** The setup guide's webhook JSON, when there is no error. */
  webhook?: { module: string; trigger: string; url: string; fields: string[] };
  /** A Deluge function receiving the webhook's fields, when there is no error. */
  deluge?: string;
}
"#;

fn schema(input: JsValue) -> Result<(ModuleSchema, Vec<Diagnostic>), JsValue> {
    let input: CrmSchemaInput = read(input)?;
    input.resolve().map_err(|d| error_object(&d, std::slice::from_ref(&d)))
}

fn optional<T: serde::de::DeserializeOwned>(value: Option<JsValue>) -> Result<Option<T>, JsValue> {
    match value {
        Some(v) if !v.is_undefined() && !v.is_null() => read(v).map(Some),
        _ => Ok(None),
    }
}

/// Checks a field mapping against a CRM schema and optionally the source schema; findings, errors first.
#[wasm_bindgen(js_name = validateMapping, unchecked_return_type = "Diagnostic[]")]
pub fn validate_mapping(
    #[wasm_bindgen(unchecked_param_type = "FieldMapping")] mapping: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CrmSchemaInput")] crm_schema: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SourceSchema | undefined")] source_schema: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let mapping: FieldMapping = read(mapping)?;
    let (schema, mut findings) = schema(crm_schema)?;
    let source: Option<SourceSchema> = optional(source_schema)?;
    findings.extend(mapping::validate_mapping(&mapping, &schema, source.as_ref()));
    crate::diagnostic::sort_by_severity(&mut findings);
    to_js(&findings)
}

/// Applies a mapping to records: `{"data":[…]}` batches of ≤ 100 plus per-record findings. The CRM schema
/// defaults to the built-in one of the mapping's module. Records that are JSON text already (a file, an HTTP
/// body) are faster through `applyMappingJson`, which skips building JS objects on both sides.
#[wasm_bindgen(js_name = applyMapping, unchecked_return_type = "MappingPreview")]
pub fn apply_mapping(
    #[wasm_bindgen(unchecked_param_type = "FieldMapping")] mapping: JsValue,
    #[wasm_bindgen(unchecked_param_type = "unknown[]")] records: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CrmSchemaInput | undefined")] crm_schema: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let mapping: FieldMapping = read(mapping)?;
    // The records are read as a borrowed tree of their JSON text and the answer is written as JSON text directly
    // (issue 8: `Value` trees in and out were most of the time).
    let text = json_text(&records)?;
    let records = mapping::read_records(&text).map_err(input_error_without_position)?;
    let input: CrmSchemaInput =
        optional(crm_schema)?.unwrap_or(CrmSchemaInput { module: mapping.module.clone(), reply: None });
    let (schema, _) = input.resolve().map_err(|d| error_object(&d, std::slice::from_ref(&d)))?;
    let answer = mapping::apply_mapping_json(&mapping, &schema, &records).map_err(|e| e.to_string());
    json_to_js(answer)
}

/// [`apply_mapping`] on records given as JSON text (an array), answering the preview as JSON text: the fastest
/// way when records arrive as text (a file, an HTTP body) or the answer is sent on as text, because neither side
/// builds JS objects. `JSON.parse(applyMappingJson(m, JSON.stringify(r)))` deep-equals `applyMapping(m, r)`.
#[wasm_bindgen(js_name = applyMappingJson)]
pub fn apply_mapping_json(
    #[wasm_bindgen(unchecked_param_type = "FieldMapping")] mapping: JsValue,
    records_json: &str,
    #[wasm_bindgen(unchecked_param_type = "CrmSchemaInput | undefined")] crm_schema: Option<JsValue>,
) -> Result<String, JsValue> {
    let mapping: FieldMapping = read(mapping)?;
    // The text is the caller's own: positions in it are kept.
    let records = mapping::read_records(records_json).map_err(super::error::input_error)?;
    let input: CrmSchemaInput =
        optional(crm_schema)?.unwrap_or(CrmSchemaInput { module: mapping.module.clone(), reply: None });
    let (schema, _) = input.resolve().map_err(|d| error_object(&d, std::slice::from_ref(&d)))?;
    mapping::apply_mapping_json(&mapping, &schema, &records).map_err(|e| {
        error_object(
            &Diagnostic::error(Code::InternalSerialize, "", format!("The answer could not be written ({e})."))
                .with_fix("This is a bug in zoho-connector-kit; please report it."),
            &[],
        )
    })
}

/// From a sample record pasted by the admin, the CRM fields its values could go into (by name and type), each
/// with the transform it needs first.
#[wasm_bindgen(js_name = suggestTargets, unchecked_return_type = "TargetSuggestion[]")]
pub fn suggest_targets(
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown>")] sample: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CrmSchemaInput")] crm_schema: JsValue,
) -> Result<JsValue, JsValue> {
    let sample: serde_json::Value = read(sample)?;
    let (schema, _) = schema(crm_schema)?;
    to_js(&mapping::suggest_targets(&sample, &schema))
}

/// Checks a CRM workflow webhook config; emits the webhook JSON and a receiving Deluge skeleton.
#[wasm_bindgen(js_name = validateWebhook, unchecked_return_type = "WebhookCheck")]
pub fn validate_webhook(
    #[wasm_bindgen(unchecked_param_type = "WebhookInput")] config: JsValue,
) -> Result<JsValue, JsValue> {
    let input: WebhookInput = read(config)?;
    to_js(&webhook::validate_webhook(&input))
}

/// The built-in schemas (standard fields of Leads, Contacts, Accounts, Deals).
#[wasm_bindgen(js_name = listModuleSchemas, unchecked_return_type = "ModuleSchema[]")]
pub fn list_module_schemas() -> Result<JsValue, JsValue> {
    to_js(&builtin::all())
}

/// Resolves a CRM schema input (a built-in module or a pasted GET /settings/fields reply) to its fields, with the
/// findings of reading it; throws `ZckError` when there is no schema to use. Lets a UI list a pasted schema's fields.
#[wasm_bindgen(js_name = resolveCrmSchema, unchecked_return_type = "ResolvedCrmSchema")]
pub fn resolve_crm_schema(
    #[wasm_bindgen(unchecked_param_type = "CrmSchemaInput")] crm_schema: JsValue,
) -> Result<JsValue, JsValue> {
    #[derive(serde::Serialize)]
    struct Resolved {
        schema: ModuleSchema,
        diagnostics: Vec<Diagnostic>,
    }
    let (schema, mut diagnostics) = schema(crm_schema)?;
    crate::diagnostic::sort_by_severity(&mut diagnostics);
    to_js(&Resolved { schema, diagnostics })
}

/// The built-in schema of one module; throws `ZckError` (`schema.no_built_in`) for other modules.
#[wasm_bindgen(js_name = builtInSchema, unchecked_return_type = "ModuleSchema")]
pub fn built_in_schema(module: &str) -> Result<JsValue, JsValue> {
    let (schema, _) = CrmSchemaInput { module: Some(module.to_string()), reply: None }
        .resolve()
        .map_err(|d| error_object(&d, std::slice::from_ref(&d)))?;
    to_js(&schema)
}

/// A Deluge function body doing the mapping's transforms on a map and inserting the record into the CRM,
/// checked by the Deluge checker. Defaults: built-in schema of the mapping's module, `https://www.zohoapis.com`,
/// connection `zoho_crm`.
#[wasm_bindgen(js_name = generateMappingDeluge, unchecked_return_type = "MappingDeluge")]
pub fn generate_mapping_deluge(
    #[wasm_bindgen(unchecked_param_type = "FieldMapping")] mapping: JsValue,
    #[wasm_bindgen(unchecked_param_type = "MappingDelugeOptions | undefined")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let mapping: FieldMapping = read(mapping)?;
    let options: MappingDelugeOptions = optional(options)?.unwrap_or_default();
    let input = options.crm_schema.unwrap_or(CrmSchemaInput { module: mapping.module.clone(), reply: None });
    let (schema, _) = input.resolve().map_err(|d| error_object(&d, std::slice::from_ref(&d)))?;
    to_js(&mapping::generate_mapping_deluge(
        &mapping,
        &schema,
        options.api_domain.as_deref().unwrap_or("https://www.zohoapis.com"),
        options.connection.as_deref().unwrap_or("zoho_crm"),
    ))
}

#[derive(Default, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct MappingDelugeOptions {
    #[serde(default)]
    crm_schema: Option<CrmSchemaInput>,
    #[serde(default)]
    api_domain: Option<String>,
    #[serde(default)]
    connection: Option<String>,
}

#[wasm_bindgen(typescript_custom_section)]
const TS_MAPPING_DELUGE: &'static str = r#"
export interface MappingDelugeOptions {
  crmSchema?: CrmSchemaInput;
  /** Default "https://www.zohoapis.com". */
  apiDomain?: string;
  /** Connection link name; default "zoho_crm". */
  connection?: string;
}

export interface MappingDeluge {
  /** The function body; absent when the Deluge checker finds an error. */
  deluge?: string;
  diagnostics: Diagnostic[];
}
"#;
