//! Prints the form schema for pages that show Zoho's form (`FormSchema::page_json`): the build writes it to
//! `pkg/form-schema.json` (shipped by npm, bundled into the extension's content script), so its display text stays
//! out of the Wasm module.
//!
//! ```text
//! cargo run -q --example form_schema_json -p zoho-connector-kit > form-schema.json
//! ```
#![allow(clippy::print_stdout)] // printing the JSON is its whole job

fn main() {
    println!("{}", zoho_connector_kit::connection::form_schema::FormSchema.page_json());
}
