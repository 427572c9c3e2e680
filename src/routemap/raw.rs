//! The routemap file as written, before validation. Unknown keys are errors so that a
//! typo is never silently ignored.

use crate::yaml::{NodePath, OneOrMany, OrderedMap};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use std::collections::HashMap;
use std::fmt;

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
    /// The number the lowest stage is shown with: 1 (the default) or 0.
    #[serde(default, rename = "first-stage")]
    pub first_stage: Option<i64>,
    /// Section scores are also given as a percentage of the maximum.
    #[serde(default, rename = "percent-of-max")]
    pub percent_of_max: Option<bool>,
    pub stages: Vec<RawStage>,
    #[serde(default)]
    pub sections: Option<Vec<RawSection>>,
    /// Ideas that run across themes (a strategy's principles): each theme may name the
    /// ones it bears on.
    #[serde(default)]
    pub principles: Option<Vec<RawPrinciple>>,
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
pub struct RawPrinciple {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub summary: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTheme {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub section: Option<String>,
    /// The principles (ids) the theme bears on.
    #[serde(default)]
    pub principles: Option<OneOrMany>,
    #[serde(default)]
    pub question: Option<String>,
    #[serde(default)]
    pub vision: Option<String>,
    /// How much the theme counts in a section's scores (1 unless given).
    #[serde(default)]
    pub weight: Option<f64>,
    pub stages: OrderedMap<RawThemeStage>,
    /// Stages this theme does not define: skipped for it.
    #[serde(default)]
    pub undefined: Option<OneOrMany>,
    #[serde(default)]
    pub actions: Option<OrderedMap<OneOrMany>>,
}

/// A theme's stage as written: a description, or a mapping with more.
#[derive(Debug)]
pub enum RawThemeStage {
    /// What the theme looks like at the stage (the form every routemap had at first).
    Text(String),
    /// A plain YAML scalar that reads as something other than text (`~`, `true`, `0x1F`):
    /// the loader takes its text as written from the file, as a string field would.
    Scalar,
    Detail(RawStageDetail),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStageDetail {
    #[serde(default)]
    pub descriptor: Option<String>,
    /// How to reach the next stage from this one.
    #[serde(default)]
    pub guidance: Option<String>,
    /// What must all hold for the theme to be at this stage.
    #[serde(default)]
    pub criteria: Option<Vec<RawCriterion>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCriterion {
    pub id: String,
    pub text: String,
}

impl RawRoutemap {
    /// Gives each theme stage written as a plain non-text scalar (`~`, `true`, `0x1F`)
    /// its text as written in `text`, as a string field reads it: a routemap that used
    /// such a descriptor before stages could be mappings means what it meant.
    pub fn recover_scalars(&mut self, text: &str) {
        let mut paths = Vec::new();
        for (theme_index, theme) in self.themes.iter().enumerate() {
            let stages = NodePath::root()
                .key("themes")
                .index(theme_index)
                .key("stages");
            let mut seen: HashMap<&str, usize> = HashMap::new();
            for (stage_id, value) in &theme.stages.0 {
                let count = seen.entry(stage_id.as_str()).or_default();
                if matches!(value, RawThemeStage::Scalar) {
                    paths.push(stages.key_name_nth(stage_id, *count));
                }
                *count += 1;
            }
        }
        if paths.is_empty() {
            return;
        }
        let mut found = crate::yaml::scalar_texts(text, &paths).into_iter();
        for theme in &mut self.themes {
            for (_, value) in &mut theme.stages.0 {
                if matches!(value, RawThemeStage::Scalar) {
                    *value = RawThemeStage::Text(found.next().flatten().unwrap_or_default());
                }
            }
        }
    }
}

impl<'de> Deserialize<'de> for RawThemeStage {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ThemeStageVisitor)
    }
}

struct ThemeStageVisitor;

impl<'de> Visitor<'de> for ThemeStageVisitor {
    type Value = RawThemeStage;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("text, or a mapping of 'descriptor', 'guidance' and 'criteria'")
    }
    fn visit_str<E: de::Error>(self, text: &str) -> Result<RawThemeStage, E> {
        Ok(RawThemeStage::Text(text.to_string()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<RawThemeStage, E> {
        Ok(RawThemeStage::Scalar)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<RawThemeStage, E> {
        Ok(RawThemeStage::Scalar)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<RawThemeStage, E> {
        Ok(RawThemeStage::Scalar)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<RawThemeStage, E> {
        Ok(RawThemeStage::Scalar)
    }
    fn visit_i128<E: de::Error>(self, _: i128) -> Result<RawThemeStage, E> {
        Ok(RawThemeStage::Scalar)
    }
    fn visit_u128<E: de::Error>(self, _: u128) -> Result<RawThemeStage, E> {
        Ok(RawThemeStage::Scalar)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<RawThemeStage, E> {
        Ok(RawThemeStage::Scalar)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawThemeStage, A::Error> {
        RawStageDetail::deserialize(de::value::MapAccessDeserializer::new(map))
            .map(RawThemeStage::Detail)
    }
}
