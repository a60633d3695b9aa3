//! The guideline-reference parser on arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../common/fuzzing.rs"]
mod fuzzing;

fuzz_target!(|data: &[u8]| {
    fuzzing::refs(data);
});
