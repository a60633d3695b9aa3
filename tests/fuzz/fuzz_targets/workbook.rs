//! The workbook importer on arbitrary input: either raw bytes (a damaged file) or, guided by the
//! first byte, text parts packed into a well-formed xlsx zip so that the XML inside is reached.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../common/fuzzing.rs"]
mod fuzzing;

fuzz_target!(|data: &[u8]| {
    fuzzing::workbook(data);
});
