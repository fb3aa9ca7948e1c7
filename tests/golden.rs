//! Golden tests: each `tests/golden/NAME.txt` article is analysed and checked against the
//! expectations in `NAME.json` beside it. A failing case is a new pair of files.
//!
//! Expectations are what a careful reader marks, not a dump of our output: mentions that must be
//! found (text and type), texts that must not be, mentions that must share an entity, entity names,
//! date values, the exact dates of the timeline in order, and which of them are inferred.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use serde_json::Value;

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn pairs(value: &Value) -> Vec<(String, String)> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| {
            (
                p[0].as_str().unwrap().to_string(),
                p[1].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn check(article: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(article).unwrap();
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(article.with_extension("json")).unwrap())
            .unwrap();
    let opt = |name: &str| expected["options"][name].as_str().map(str::to_string);
    let options =
        dateline::Options::parse(opt("reference_date").as_deref(), opt("today").as_deref())
            .unwrap();
    let result = serde_json::to_value(dateline::analyse(&text, &options)).unwrap();
    let mut failures = Vec::new();
    let mut fail = |message: String| failures.push(message);

    let reference = &result["reference_date"];
    if reference["value"] != expected["reference_date"]["value"]
        || reference["source"] != expected["reference_date"]["source"]
    {
        fail(format!(
            "reference date: expected {}, got {}",
            expected["reference_date"], reference
        ));
    }
    let mentions = result["mentions"].as_array().unwrap();
    let entity_of = |text: &str| {
        mentions
            .iter()
            .find(|m| m["text"] == text)
            .map(|m| m["entity"].clone())
    };
    for (text, kind) in pairs(&expected["mentions"]) {
        if !mentions
            .iter()
            .any(|m| m["text"] == text.as_str() && m["type"] == kind.as_str())
        {
            let got: Vec<String> = mentions
                .iter()
                .filter(|m| m["text"].as_str().unwrap().contains(text.as_str()))
                .map(|m| format!("{} {}", m["text"], m["type"]))
                .collect();
            fail(format!(
                "mention {text:?} {kind}: missing (similar: {got:?})"
            ));
        }
    }
    for text in strings(&expected["not_mentions"]) {
        if let Some(m) = mentions
            .iter()
            .find(|m| m["text"].as_str().unwrap().contains(text.as_str()) && m["text"] != "")
        {
            if m["text"] == text.as_str() || text.contains(' ') {
                fail(format!(
                    "{text:?} must not be a mention, found {} {}",
                    m["text"], m["type"]
                ));
            }
        }
    }
    for group in expected["same_entity"].as_array().unwrap() {
        let ids: Vec<Option<Value>> = strings(group).iter().map(|t| entity_of(t)).collect();
        if ids.iter().any(Option::is_none) || ids.windows(2).any(|w| w[0] != w[1]) {
            fail(format!(
                "same entity expected for {group}, got entity ids {ids:?}"
            ));
        }
    }
    let names: Vec<&str> = result["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    for name in strings(&expected["entity_names"]) {
        if !names.contains(&name.as_str()) {
            fail(format!("no entity named {name:?} (names: {names:?})"));
        }
    }
    let dates = result["dates"].as_array().unwrap();
    for (text, value) in pairs(&expected["dates"]) {
        if !dates
            .iter()
            .any(|d| d["text"] == text.as_str() && d["value"] == value.as_str())
        {
            let got: Vec<String> = dates
                .iter()
                .map(|d| format!("{} = {}", d["text"], d["value"]))
                .collect();
            fail(format!("date {text:?} = {value}: missing (found {got:?})"));
        }
    }
    for text in strings(&expected["not_dates"]) {
        if dates.iter().any(|d| d["text"] == text.as_str()) {
            fail(format!("{text:?} must not be a date"));
        }
    }
    let inferred: Vec<String> = result["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["inferred"] == true)
        .map(|e| e["date"].as_str().unwrap().to_string())
        .collect();
    if inferred != strings(&expected["inferred"]) {
        fail(format!(
            "inferred timeline dates: expected {}, got {inferred:?}",
            expected["inferred"]
        ));
    }
    let timeline: Vec<String> = result["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["date"].as_str().unwrap().to_string())
        .collect();
    if timeline != strings(&expected["timeline"]) {
        fail(format!(
            "timeline dates: expected {}, got {timeline:?}",
            expected["timeline"]
        ));
    }
    failures
}

fn articles() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

#[test]
fn golden_articles() {
    let files = articles();
    assert!(
        files.len() >= 3,
        "expected the golden articles in tests/golden"
    );
    let report: Vec<String> = files
        .iter()
        .flat_map(|f| {
            check(f)
                .into_iter()
                .map(move |m| format!("{}: {m}", f.file_name().unwrap().to_string_lossy()))
        })
        .collect();
    assert!(
        report.is_empty(),
        "{} golden expectation(s) failed:\n{}",
        report.len(),
        report.join("\n")
    );
}
