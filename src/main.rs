// On Windows the app is a GUI-subsystem program (no console window flashes up when it is
// started from Explorer); the command line still prints when started from a console, see
// `attach_console`.
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    #[cfg(windows)]
    attach_console();
    kaijisho::cli::main()
}

/// A GUI-subsystem program starts without a console. When it was started from one (cmd,
/// PowerShell) and its output is not redirected, attach to that console so that `kaijisho
/// --version`, `export`, `validate` … print there. Redirected output (`> out.txt`, pipes) is
/// inherited as it is and needs nothing.
#[cfg(windows)]
fn attach_console() {
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_ERROR_HANDLE, STD_OUTPUT_HANDLE,
    };
    // SAFETY: plain Win32 calls without pointers to our memory; a failure (no parent
    // console, as when started from Explorer) is harmless and leaves the handles unset.
    unsafe {
        let out = GetStdHandle(STD_OUTPUT_HANDLE);
        let err = GetStdHandle(STD_ERROR_HANDLE);
        if out.is_null() && err.is_null() {
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}
