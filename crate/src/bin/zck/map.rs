//! `zck map validate|apply|deluge`: check a field mapping, preview it on records, write its Deluge.

use crate::account_dc::AccountDc;
use crate::output::{line, note, print_diagnostics, print_json, read_json, Exit, Format};
use clap::{Args, Subcommand};
use serde_json::Value;
use zoho_connector_kit::field::{CrmSchemaInput, ModuleSchema, SourceSchema};
use zoho_connector_kit::mapping::{apply_mapping, generate_mapping_deluge, validate_mapping, FieldMapping};
use zoho_connector_kit::{Diagnostic, Severity};

#[derive(Debug, Args)]
#[command(after_help = "\
A mapping is JSON: the CRM module, field maps (source path -> CRM api_name, with transforms) and sync rules:

  {
    \"module\": \"Leads\",
    \"fields\": [
      { \"source\": \"customer.last_name\", \"target\": \"Last_Name\", \"transforms\": [{ \"op\": \"trim\" }] },
      { \"source\": \"total_price\", \"target\": \"Annual_Revenue\", \"transforms\": [{ \"op\": \"parseNumber\" }] }
    ],
    \"sync\": { \"direction\": \"toCrm\", \"trigger\": \"onChange\" }
  }

Transforms: trim, case, parseDate, parseDatetime, formatDate, parseNumber, formatNumber, parseBoolean,
valueMap, default, concat, split, toLookup. The CRM schema is the built-in one of the module (Leads,
Contacts, Accounts, Deals) unless --schema gives the JSON reply of GET /crm/v8/settings/fields?module=...

Examples:
  zck map validate mapping.json
  zck map validate mapping.json --schema leads-fields.json --source shopify-customer-fields.json
  zck map apply mapping.json customers.json --format json > payloads.json
  zck map deluge mapping.json --connection zoho_crm")]
pub struct MapArgs {
    #[command(subcommand)]
    command: MapCommand,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text, global = true)]
    format: Format,
}

#[derive(Debug, Args)]
struct SchemaArgs {
    /// The JSON reply of GET /crm/v8/settings/fields for the module (default: the built-in schema).
    #[arg(long)]
    schema: Option<String>,
    /// The CRM module, when the mapping names none (or to check against another one).
    #[arg(long)]
    module: Option<String>,
}

#[derive(Debug, Subcommand)]
enum MapCommand {
    /// Check a mapping: unknown fields (with "did you mean"), types, lengths, picklists, mandatory fields, sync rules.
    #[command(after_help = "\
Examples:
  zck map validate mapping.json
  zck map validate mapping.json --schema leads-fields.json
  zck map validate mailchimp-mapping.json --source mailchimp-member-fields.json --format json

A source schema lists the source fields: { \"fields\": [{ \"path\": \"email\", \"type\": \"email\" }, ...] }
(types: string, integer, decimal, boolean, date, datetime, localDatetime, email, phone, url, enum,
stringArray, object, idReference).

Exit codes: 0 no error finding, 1 an error finding, 2 a file cannot be read or parsed.")]
    Validate {
        /// The mapping JSON file, or `-` for standard input.
        mapping: String,
        #[command(flatten)]
        schema: SchemaArgs,
        /// The source schema JSON file.
        #[arg(long)]
        source: Option<String>,
    },
    /// Apply a mapping to one JSON record or an array of them: {"data":[...]} batches of 100 and per-record findings.
    #[command(after_help = "\
Examples:
  zck map apply mapping.json customers.json
  zck map apply mapping.json customers.json --format json      the batches, sent/skipped indexes and findings
  cat customers.json | zck map apply mapping.json - --schema leads-fields.json
  zck map apply mapping.json customer.json                  one record object

The records file holds one record object or an array of them. Text output counts records from 1, as the
popup does; the JSON output's indexes (sent, skipped, findings[].record) count from 0.
A record with an error finding is left out of the batches; the others are still mapped.

Exit codes: 0 every record mapped, 1 a record was skipped, 2 a file cannot be read or parsed.")]
    Apply {
        /// The mapping JSON file.
        mapping: String,
        /// The records: one JSON object or an array of them, or `-` for standard input.
        records: String,
        #[command(flatten)]
        schema: SchemaArgs,
    },
    /// Write a Deluge function body doing the mapping on a map and inserting the record (checked by the Deluge checker).
    #[command(after_help = "\
Examples:
  zck map deluge mapping.json --account-dc eu --connection crm_eu > map_to_leads.dg
  zck map deluge mapping.json --api-domain https://www.zohoapis.eu --connection crm_eu

Without --account-dc or --api-domain the Deluge calls https://www.zohoapis.com (US), and a note says so.

Exit codes: 0 written, 1 an error finding, 2 a file cannot be read or parsed.")]
    Deluge {
        /// The mapping JSON file.
        mapping: String,
        #[command(flatten)]
        schema: SchemaArgs,
        /// The CRM API domain (default: the one of --account-dc, else https://www.zohoapis.com).
        #[arg(long, conflicts_with = "account_dc")]
        api_domain: Option<String>,
        #[command(flatten)]
        dc: AccountDc,
        /// The link name of the Zoho CRM connection.
        #[arg(long, default_value = "zoho_crm")]
        connection: String,
    },
}

pub fn run(args: MapArgs) -> Exit {
    match args.command {
        MapCommand::Validate { mapping, schema, source } => validate(&mapping, &schema, source.as_deref(), args.format),
        MapCommand::Apply { mapping, records, schema } => apply(&mapping, &records, &schema, args.format),
        MapCommand::Deluge { mapping, schema, api_domain, dc, connection } => {
            let from_dc = dc.account_dc.and_then(|id| zoho_connector_kit::data_center::lookup(id).api_domain.as_ref());
            let api_domain = match (api_domain, from_dc) {
                (Some(given), _) => given,
                (None, Some(fact)) => fact.value.to_string(),
                (None, None) => {
                    note(
                        "no --account-dc given: the Deluge calls https://www.zohoapis.com (US). \
                         Give --account-dc if your Zoho account lives elsewhere.",
                    );
                    "https://www.zohoapis.com".to_string()
                }
            };
            deluge(&mapping, &schema, &api_domain, &connection, args.format)
        }
    }
}

/// Reads the mapping and resolves its CRM schema; prints and exits on failure.
fn load(
    mapping: &str,
    schema: &SchemaArgs,
    format: Format,
) -> Result<(FieldMapping, ModuleSchema, Vec<Diagnostic>), Exit> {
    let mapping: FieldMapping = read_json(mapping, format)?;
    let reply: Option<Value> = match &schema.schema {
        Some(path) => Some(read_json(path, format)?),
        None => None,
    };
    let module = schema.module.clone().or_else(|| mapping.module.clone());
    match (CrmSchemaInput { module, reply }).resolve() {
        Ok((crm, findings)) => Ok((mapping, crm, findings)),
        Err(d) => {
            if format == Format::Json {
                print_json(&serde_json::json!({ "diagnostics": [d] }));
            } else {
                print_diagnostics(std::slice::from_ref(&d));
            }
            Err(Exit::Findings)
        }
    }
}

fn validate(mapping: &str, schema: &SchemaArgs, source: Option<&str>, format: Format) -> Exit {
    let (mapping, crm, mut findings) = match load(mapping, schema, format) {
        Ok(loaded) => loaded,
        Err(exit) => return exit,
    };
    let source: Option<SourceSchema> = match source {
        Some(path) => match read_json(path, format) {
            Ok(s) => Some(s),
            Err(exit) => return exit,
        },
        None => None,
    };
    findings.extend(validate_mapping(&mapping, &crm, source.as_ref()));
    findings.sort_by_key(|d| std::cmp::Reverse(d.severity));
    let exit = Exit::from_diagnostics(&findings);
    if format == Format::Json {
        print_json(&findings);
        return exit;
    }
    let kind = if crm.built_in { "built-in schema" } else { "pasted schema" };
    line(&format!(
        "mapping to {} ({kind}, {} fields): {} field map(s)",
        crm.module,
        crm.fields.len(),
        mapping.fields.len()
    ));
    if findings.is_empty() {
        line("no findings");
    }
    print_diagnostics(&findings);
    exit
}

fn apply(mapping: &str, records: &str, schema: &SchemaArgs, format: Format) -> Exit {
    let (mapping, crm, _) = match load(mapping, schema, format) {
        Ok(loaded) => loaded,
        Err(exit) => return exit,
    };
    // One record object, as the popup takes it, or an array of them.
    let records: Vec<Value> = match read_json(records, format) {
        Ok(Value::Array(list)) => list,
        Ok(one @ Value::Object(_)) => vec![one],
        Ok(_) => {
            let d = Diagnostic::error(
                zoho_connector_kit::code::Code::InputInvalidType,
                "",
                "The records must be one JSON object or an array of objects.",
            )
            .with_fix("Wrap the record in { … }, or list several in [ … ].");
            if format == Format::Json {
                print_json(&serde_json::json!({ "diagnostics": [d] }));
            } else {
                print_diagnostics(std::slice::from_ref(&d));
            }
            return Exit::BadInput;
        }
        Err(exit) => return exit,
    };
    let preview = apply_mapping(&mapping, &crm, &records);
    let exit = if preview.skipped.is_empty() && !Diagnostic::has_errors(&preview.mapping_findings) {
        Exit::Ok
    } else {
        Exit::Findings
    };
    if format == Format::Json {
        print_json(&preview);
        return exit;
    }
    line(&format!(
        "{} record(s): {} mapped into {} batch(es) of at most 100, {} skipped",
        records.len(),
        preview.sent.len(),
        preview.batches.len(),
        preview.skipped.len()
    ));
    // A target that is not a field of the module writes nothing: said once, before the records.
    print_diagnostics(&preview.mapping_findings);
    for f in &preview.findings {
        let field = if f.field.is_empty() { "<record>" } else { &f.field };
        // Records are counted from 1, as the popup counts them (the JSON keeps the 0-based index).
        line(&format!(
            "record {}: {field}: {}[{}]: {} (value: {})",
            f.record + 1,
            f.severity,
            f.code,
            f.reason,
            f.value
        ));
    }
    if let Some(first) = preview.batches.first().and_then(|b| b["data"].get(0)) {
        line("first payload record:");
        line(&serde_json::to_string_pretty(first).unwrap_or_default());
    }
    if preview.findings.iter().any(|f| f.severity == Severity::Error) {
        line("records with an error finding are left out; use --format json for every payload");
    }
    exit
}

fn deluge(mapping: &str, schema: &SchemaArgs, api_domain: &str, connection: &str, format: Format) -> Exit {
    let (mapping, crm, _) = match load(mapping, schema, format) {
        Ok(loaded) => loaded,
        Err(exit) => return exit,
    };
    let out = generate_mapping_deluge(&mapping, &crm, api_domain, connection);
    let exit = if out.deluge.is_some() { Exit::from_diagnostics(&out.diagnostics) } else { Exit::Findings };
    if format == Format::Json {
        print_json(&out);
        return exit;
    }
    if let Some(text) = &out.deluge {
        line(text.trim_end());
    }
    print_diagnostics(&out.diagnostics);
    exit
}
