//! Notes on the data center itself: outside the CRM SDKs, an accounts server known only from third parties.

use crate::code::Code;
use crate::connection::{AuthType, ProviderKind};
use crate::data_center::{self, DataCenterId};
use crate::diagnostic::Diagnostic;

pub(super) fn check_data_center_notes(
    id: DataCenterId,
    kind: ProviderKind,
    auth: Option<AuthType>,
    out: &mut Vec<Diagnostic>,
) {
    let entry = data_center::lookup(id);
    if entry.in_crm_sdks {
        return;
    }
    out.push(
        Diagnostic::info(
            Code::ConnectionDcNotInCrmSdks,
            "dataCenter",
            format!("{} is not a data center of Zoho's CRM SDKs; its hosts are partly unverified.", entry.name),
        )
        .with_fix("Take api_domain from the token response and check hosts on your Zoho pages.")
        .with_source("zoho-facts.md §1a, guide errata 7"),
    );
    if kind == ProviderKind::Zoho
        && auth == Some(AuthType::OAuth2)
        && entry.accounts_server.confidence == data_center::Confidence::ThirdParty
    {
        out.push(
            Diagnostic::warning(
                Code::ConnectionAccountsHostUnverified,
                "tokenUrl",
                format!(
                    "The accounts server of {} ({}) is known only from third-party code.",
                    entry.name, entry.accounts_server.value
                ),
            )
            .with_fix(
                "Check the accounts server against https://accounts.zoho.com/oauth/serverinfo before relying on it.",
            )
            .with_source(entry.accounts_server.source),
        );
    }
}
