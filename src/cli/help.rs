//! Localised help: clap's built-in texts replaced by Fluent messages.

use clap::CommandFactory;

use super::args::Cli;
use crate::i18n::Localizer;

/// Replaces the built-in help texts with Fluent messages `cli-<command>[-<arg>]`.
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
    cmd
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
