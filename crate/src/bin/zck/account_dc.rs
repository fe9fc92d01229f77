//! `--account-dc <dc>`: where the admin's Zoho account lives, for every command that needs it. Never guessed
//! silently: a config without `dataCenter` whose data center is read from its URLs gets a warning from the core
//! (`connection.data_center_guessed`), and this flag is the way to say it.

use clap::Args;
use zoho_connector_kit::data_center::{self, DataCenterId};

#[derive(Debug, Clone, Copy, Args)]
pub struct AccountDc {
    /// Where your Zoho account lives (us, eu, in, au, cn, jp, ca, sa, uk, ae); wins over the file's dataCenter.
    #[arg(long = "account-dc", alias = "dc", value_name = "DC", value_parser = parse)]
    pub account_dc: Option<DataCenterId>,
}

impl AccountDc {
    /// The key (`eu`) to put in a `dataCenter` field, when given.
    pub fn key(self) -> Option<String> {
        self.account_dc.map(|id| id.key().to_string())
    }
}

fn parse(text: &str) -> Result<DataCenterId, String> {
    text.parse::<DataCenterId>().map_err(|_| {
        let keys: Vec<&str> = data_center::list().iter().map(|d| d.id.key()).collect();
        format!("`{text}` is not a Zoho data center; use one of {}", keys.join(", "))
    })
}
