use std::process::ExitCode;

fn main() -> ExitCode {
    kaijisho::cli::main()
}
