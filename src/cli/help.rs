//! Localised help: clap's built-in texts replaced by Fluent messages.

use clap::CommandFactory;

use super::args::Cli;
use crate::i18n::{Lang, Localizer};

/// Replaces the built-in help texts with Fluent messages `cli-<command>[-<arg>]`; in Japanese
/// the headings too (使い方 / コマンド / 引数 / オプション).
pub(super) fn localized_command(l: &Localizer) -> clap::Command {
    let mut cmd = Cli::command().about(l.t("cli-about"));
    cmd = cmd.mut_arg("lang", |a| a.help(l.t("cli-lang")));
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |sub| localize_sub(sub, &format!("cli-{name}"), l));
    }
    if l.lang() == Lang::Ja {
        cmd = cmd.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(l.t("cli-version-flag")),
        );
        // 「(ja / en)」 is in the help text already; clap would add "[possible values: …]".
        cmd = cmd.mut_arg("lang", |a| a.hide_possible_values(true));
        // clap's own `help` command describes itself in English: ours, answered by
        // `help_for` below.
        cmd = cmd.disable_help_subcommand(true).subcommand(
            clap::Command::new(HELP).about(l.t("cli-help-command")).arg(
                clap::Arg::new("command")
                    .num_args(0..)
                    .help(l.t("cli-help-command-names")),
            ),
        );
        cmd = with_headings(cmd, l);
    }
    cmd
}

/// clap's English headings and its help flag's text replaced, in this command and below.
fn with_headings(mut cmd: clap::Command, l: &Localizer) -> clap::Command {
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        l.t("cli-heading-usage")
    );
    cmd = cmd
        .help_template(template)
        .subcommand_help_heading(l.t("cli-heading-commands"))
        .subcommand_value_name(l.t("cli-heading-command"))
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(l.t("cli-help-flag")),
        );
    let (positional, option) = (l.t("cli-heading-arguments"), l.t("cli-heading-options"));
    let args: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (n, (id, is_positional)) in args.into_iter().enumerate() {
        // Under a heading of their own, positionals keep their order only when told it.
        cmd = cmd.mut_arg(&id, |a| {
            if is_positional {
                a.help_heading(positional.clone()).display_order(n)
            } else {
                a.help_heading(option.clone())
            }
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |sub| with_headings(sub, l));
    }
    cmd
}

/// The name of our own help command (Japanese only).
pub(super) const HELP: &str = "help";

/// `kaijisho help [command…]`: the help of that command, as `--help` would print it.
pub(super) fn help_for(l: &Localizer, path: &[String]) -> Result<String, String> {
    let mut cmd = localized_command(l);
    cmd.build();
    let mut here = &mut cmd;
    for name in path {
        here = match here.find_subcommand_mut(name) {
            Some(c) => c,
            None => return Err(l.ta("cli-error-unknown-command", &[("arg", name.clone().into())])),
        };
    }
    Ok(here.render_help().to_string())
}

/// A usage error in the user's language where clap's own words would be English: the kinds
/// users meet most; `None` leaves the rest to clap.
pub(super) fn usage_error(e: &clap::Error, l: &Localizer) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if l.lang() != Lang::Ja {
        return None;
    }
    let get = |k| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let arg = || ("arg", get(ContextKind::InvalidArg).into());
    let msg = match e.kind() {
        ErrorKind::UnknownArgument => l.ta("cli-error-unknown-argument", &[arg()]),
        ErrorKind::InvalidSubcommand => l.ta(
            "cli-error-unknown-command",
            &[("arg", get(ContextKind::InvalidSubcommand).into())],
        ),
        ErrorKind::InvalidValue => l.ta(
            "cli-error-invalid-value",
            &[
                arg(),
                ("value", get(ContextKind::InvalidValue).into()),
                ("valid", get(ContextKind::ValidValue).into()),
            ],
        ),
        ErrorKind::MissingRequiredArgument => l.ta("cli-error-missing", &[arg()]),
        ErrorKind::ArgumentConflict => {
            let (this, other) = (get(ContextKind::InvalidArg), get(ContextKind::PriorArg));
            if this == other {
                l.ta("cli-error-twice", &[arg()])
            } else {
                l.ta("cli-error-conflict", &[arg(), ("other", other.into())])
            }
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            l.t("cli-error-missing-command")
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => l.ta(
            "cli-error-too-many",
            &[("value", get(ContextKind::InvalidValue).into())],
        ),
        _ => return None,
    };
    Some(format!("{msg}\n{}\n", l.t("cli-error-more")))
}

/// A command's about and arguments from `<prefix>` and `<prefix>-<arg>`, and its own
/// commands' from `<prefix>-<command>…` (`cli-exercise-new-model`).
fn localize_sub(mut sub: clap::Command, prefix: &str, l: &Localizer) -> clap::Command {
    if l.has(prefix) {
        sub = sub.about(l.t(prefix));
    }
    let args: Vec<String> = sub
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for arg in args {
        let id = format!("{prefix}-{arg}");
        if l.has(&id) {
            sub = sub.mut_arg(&arg, |a| a.help(l.t(&id)));
        }
    }
    let names: Vec<String> = sub
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        sub = sub.mut_subcommand(&name, |c| localize_sub(c, &format!("{prefix}-{name}"), l));
    }
    sub
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;
    use crate::i18n::{Lang, Localizer};

    #[test]
    fn every_command_and_argument_has_localised_help() {
        for lang in Lang::ALL {
            let l = Localizer::new(lang);
            let cmd = Cli::command();
            let nested = cmd.get_subcommands().flat_map(|sub| {
                let name = sub.get_name().to_string();
                sub.get_subcommands()
                    .map(move |c| (format!("{name}-{}", c.get_name()), c.clone()))
            });
            let top = cmd
                .get_subcommands()
                .map(|c| (c.get_name().to_string(), c.clone()));
            for (name, sub) in top.chain(nested).collect::<Vec<_>>() {
                let sub = &sub;
                assert!(l.has(&format!("cli-{name}")), "{lang:?} cli-{name}");
                for a in sub.get_arguments() {
                    let id = a.get_id().as_str();
                    // Hidden measurement aids (scripts/perf.sh) need no translation.
                    if id == "lang" || id == "help" || a.is_hide_set() {
                        continue;
                    }
                    assert!(
                        l.has(&format!("cli-{name}-{id}")),
                        "{lang:?} cli-{name}-{id}"
                    );
                }
            }
        }
    }
}
