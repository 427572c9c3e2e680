//! The routemap file as written, before validation. Unknown keys are errors so that a
//! typo is never silently ignored.

use crate::yaml::{OneOrMany, OrderedMap};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRoutemap {
    pub id: String,
    pub title: String,
    pub version: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    pub stages: Vec<RawStage>,
    #[serde(default)]
    pub sections: Option<Vec<RawSection>>,
    pub themes: Vec<RawTheme>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStage {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub summary: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTheme {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub section: Option<String>,
    #[serde(default)]
    pub question: Option<String>,
    #[serde(default)]
    pub vision: Option<String>,
    pub stages: OrderedMap<String>,
    #[serde(default)]
    pub actions: Option<OrderedMap<OneOrMany>>,
}
