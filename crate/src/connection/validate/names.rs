//! The service name and the link name.

use super::fields::present;
use super::NAME_SRC;
use crate::code::Code;
use crate::connection::link_name::{self, link_name_problems, suggest_link_name, LinkNameProblem};
use crate::connection::ConnectionConfigInput;
use crate::diagnostic::Diagnostic;

pub(super) fn check_names(input: &ConnectionConfigInput, out: &mut Vec<Diagnostic>) {
    let service = present(&input.service_name).map(str::trim);
    match service {
        None => out.push(
            Diagnostic::error(Code::ConnectionMissingServiceName, "serviceName", "No service name was given.")
                .with_fix("Name the service as admins will see it, e.g. \"MailChimp\" (up to 50 characters).")
                .with_source(NAME_SRC),
        ),
        Some(name) if name.chars().count() > 50 => out.push(
            Diagnostic::error(
                Code::ConnectionServiceNameTooLong,
                "serviceName",
                format!("The service name has {} characters; at most 50 are allowed.", name.chars().count()),
            )
            .with_fix(format!("Shorten it, e.g. to \"{}\".", name.chars().take(50).collect::<String>().trim_end()))
            .with_source(NAME_SRC),
        ),
        Some(_) => {}
    }
    let base = service.or(present(&input.link_name)).unwrap_or("");
    let suggestion = suggest_link_name(base);
    let Some(link) = present(&input.link_name) else {
        out.push(
            Diagnostic::error(Code::ConnectionMissingLinkName, "linkName", "No link name was given.")
                .with_fix(format!("Use a link name such as \"{suggestion}\"; Deluge code refers to it as connection: \"{suggestion}\"."))
                .with_source(NAME_SRC),
        );
        return;
    };
    let link_trimmed = link.trim();
    let suggestion = if link_trimmed.is_empty() { suggestion } else { suggest_link_name(link_trimmed) };
    for problem in link_name_problems(link) {
        let (code, message) = match problem {
            LinkNameProblem::Start => {
                (Code::ConnectionLinkNameStart, format!("The link name `{link}` must start with a lowercase letter."))
            }
            LinkNameProblem::Characters => (
                Code::ConnectionLinkNameCharacters,
                format!("The link name `{link}` may hold only lowercase letters, digits and `_`."),
            ),
            LinkNameProblem::TooLong => (
                Code::ConnectionLinkNameTooLong,
                format!(
                    "The link name has {} characters; at most {} are allowed.",
                    link.chars().count(),
                    link_name::MAX_LEN
                ),
            ),
        };
        out.push(
            Diagnostic::error(code, "linkName", message)
                .with_fix(format!("Use \"{suggestion}\"."))
                .with_source(link_name::SOURCE),
        );
    }
}
