//! The project / catalogue JSON loaders on arbitrary bytes: an error or a value, never a panic,
//! hang or unbounded memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../common/fuzzing.rs"]
mod fuzzing;

fuzz_target!(|data: &[u8]| {
    fuzzing::project_json(data);
});
