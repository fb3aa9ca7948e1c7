//! The tagger's trainer end to end: trained on a small made-up corpus, the model it writes must
//! tag unseen names the way the corpus taught (here: any capitalised word after "met" is a person
//! and after "in" a place, names the rules alone do not know).

use std::process::Command;

use dateline::Model;
use dateline::{analyse_with_tagger, Options};

const PEOPLE: &[&str] = &[
    "Zorblat", "Quenwick", "Marvuun", "Telpodor", "Yxander", "Bruvin",
];
const PLACES: &[&str] = &[
    "Ossarin", "Kelvadon", "Purrow", "Demmith", "Arlonde", "Vistrel",
];

fn corpus() -> String {
    let mut lines = Vec::new();
    for (i, person) in PEOPLE.iter().enumerate() {
        for place in PLACES {
            let text = format!("The envoy met {person} in {place} on a visit.");
            let at = |word: &str| text.find(word).unwrap();
            let entities = format!(
                r#"[{{"start":{},"end":{},"type":"PERSON"}},{{"start":{},"end":{},"type":"LOC"}}]"#,
                at(person),
                at(person) + person.len(),
                at(place),
                at(place) + place.len()
            );
            let corpus = if i % 2 == 0 { "gum" } else { "re3d" };
            lines.push(format!(
                r#"{{"corpus":"{corpus}","text":"{text}","entities":{entities}}}"#
            ));
        }
    }
    lines.join("\n")
}

#[test]
fn a_trained_model_tags_names_it_has_never_seen() {
    let dir = std::env::temp_dir().join(format!("dateline-tagger-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (train, model) = (dir.join("train.jsonl"), dir.join("model.bin"));
    std::fs::write(&train, corpus()).unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_train"))
        .args([
            train.to_str().unwrap(),
            model.to_str().unwrap(),
            "--buckets",
            "4096",
            "--epochs",
            "5",
        ])
        .status()
        .unwrap();
    assert!(status.success());
    let model = Model::parse(&std::fs::read(&model).unwrap())
        .expect("the trainer writes a model that parses");
    let analysis = analyse_with_tagger(
        "The envoy met Glimmerkin in Tossavel on a visit.",
        &Options::default(),
        &model,
    );
    let found: Vec<(&str, &str)> = analysis.mentions.iter().map(|m| (m.text, m.kind)).collect();
    // A place no list holds and no word types is taken for a town: GPE.
    assert_eq!(found, [("Glimmerkin", "PERSON"), ("Tossavel", "GPE")]);
    std::fs::remove_dir_all(dir).ok();
}
