//! The header block of the form: 作成日, the vendor, the product or service, its version.

use serde::{Deserialize, Serialize};

/// The header block of the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// 作成日, as it is printed (e.g. `2023年10月4日`).
    #[serde(default)]
    pub created: String,
    /// 製造業者 (MDS) or サービス事業者 (SDS).
    #[serde(default)]
    pub vendor: String,
    /// 製品名称 (MDS) or サービス名称 (SDS).
    #[serde(default)]
    pub product: String,
    /// バージョン.
    #[serde(default)]
    pub version: String,
    /// 問合せ先 (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
}

/// The fields of the header, for edits addressed by name (CLI options, undo records).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HeaderField {
    Created,
    Vendor,
    Product,
    Version,
    Contact,
}

impl HeaderField {
    pub const ALL: [HeaderField; 5] = [
        HeaderField::Created,
        HeaderField::Vendor,
        HeaderField::Product,
        HeaderField::Version,
        HeaderField::Contact,
    ];

    pub fn key(self) -> &'static str {
        match self {
            HeaderField::Created => "created",
            HeaderField::Vendor => "vendor",
            HeaderField::Product => "product",
            HeaderField::Version => "version",
            HeaderField::Contact => "contact",
        }
    }
}

impl Header {
    pub fn get(&self, field: HeaderField) -> &str {
        match field {
            HeaderField::Created => &self.created,
            HeaderField::Vendor => &self.vendor,
            HeaderField::Product => &self.product,
            HeaderField::Version => &self.version,
            HeaderField::Contact => self.contact.as_deref().unwrap_or(""),
        }
    }

    pub fn set(&mut self, field: HeaderField, value: String) {
        match field {
            HeaderField::Created => self.created = value,
            HeaderField::Vendor => self.vendor = value,
            HeaderField::Product => self.product = value,
            HeaderField::Version => self.version = value,
            HeaderField::Contact => {
                self.contact = if value.is_empty() { None } else { Some(value) }
            }
        }
    }
}
