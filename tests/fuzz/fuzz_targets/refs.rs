//! The guideline-reference parser on arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    kaijisho::fuzzing::refs(data);
});
