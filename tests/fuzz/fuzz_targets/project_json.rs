//! The project / catalogue JSON loaders on arbitrary bytes: an error or a value, never a panic,
//! hang or unbounded memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    kaijisho::fuzzing::project_json(data);
});
