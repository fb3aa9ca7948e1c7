//! `train TRAIN.jsonl OUT.bin [--buckets N] [--epochs N]`: trains the entity tagger (an averaged
//! perceptron, see `src/entities/tagger.rs`) on annotated documents and writes its quantised
//! weights. `scripts/train-tagger.mjs` writes TRAIN.jsonl from the training split of the corpora:
//! one JSON object a line, `{"corpus", "text", "entities": [{"start", "end", "type"}]}`, offsets
//! in UTF-16 code units as the corpus readers and the JSON contract give them, types PERSON, ORG,
//! LOC or NORP. `TRAIN_SHOW=1` prints every sentence with its gold
//! labels (after the clean-up in `read_sentences`), to check what the tagger is taught.

use std::process::ExitCode;

use dateline::entities::recognise::tagger_sentences;
use dateline::entities::tagger::SentenceView;
use dateline::entities::tagger::{self, LABELS, OUTSIDE};
use dateline::entities::EntityType;
use dateline::gazetteer::Kind;
use dateline::offsets::Utf16Offsets;
use dateline::segment::segment;
use dateline::token::TokenKind;
use serde::Deserialize;

/// A token whose gold label is not learnt from (see `read_sentences`).
const IGNORED: u8 = u8::MAX;
/// Lower-case words that may sit inside a name: "Bank of England", "Abu Bakr al-Baghdadi".
const NAME_CONNECTORS: &[&str] = &[
    "of", "and", "the", "for", "de", "del", "da", "al", "bin", "von", "van", "la", "le", "'s", "&",
];

const USAGE: &str = "usage: train TRAIN.jsonl OUT.bin [--buckets N] [--epochs N]";

#[derive(Deserialize)]
struct Document {
    corpus: String,
    text: String,
    entities: Vec<Gold>,
}

#[derive(Deserialize)]
struct Gold {
    start: u32,
    end: u32,
    #[serde(rename = "type")]
    kind: String,
}

/// A training sentence: per token, its label-independent features, its shape and its gold label.
struct Sentence {
    features: Vec<Vec<u32>>,
    shapes: Vec<String>,
    gold: Vec<u8>,
    punct: Vec<bool>,
}

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("train: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut paths = Vec::new();
    let mut buckets: u32 = 1 << 18;
    let mut epochs = 10;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut number = || -> Result<u32, String> {
            args.next()
                .and_then(|n| n.parse().ok())
                .ok_or(USAGE.to_string())
        };
        match arg.as_str() {
            "--buckets" => buckets = number()?,
            "--epochs" => epochs = number()?,
            _ => paths.push(arg),
        }
    }
    let [input, output] = paths.as_slice() else {
        return Err(USAGE.to_string());
    };
    let lines = std::fs::read_to_string(input).map_err(|e| format!("{input}: {e}"))?;
    let mut sentences = Vec::new();
    for (n, line) in lines.lines().enumerate() {
        let document: Document =
            serde_json::from_str(line).map_err(|e| format!("{input} line {}: {e}", n + 1))?;
        read_sentences(document, &mut sentences);
    }
    let tokens: usize = sentences.iter().map(|s| s.gold.len()).sum();
    eprintln!(
        "train: {} sentences, {tokens} tokens, {epochs} epochs, {buckets} buckets",
        sentences.len()
    );
    let weights = train(&sentences, buckets as usize, epochs);
    let smallest = smallest_kept(&weights);
    std::fs::write(output, tagger::Model::write(buckets, &weights, smallest))
        .map_err(|e| format!("{output}: {e}"))?;
    eprintln!("train: wrote {output}");
    Ok(())
}

/// The document's sentences with gold labels. A gold name whose edges fall inside a token is
/// left out (the tagger cannot mark half a token). GUM does not mark nationalities and MEANTIME
/// types them as places: there the gazetteer's nationalities are taken as gold NORP.
fn read_sentences(document: Document, out: &mut Vec<Sentence>) {
    let text: &'static str = Box::leak(document.text.into_boxed_str());
    let segments = segment(text);
    let utf16 = Utf16Offsets::new(text);
    tagger_sentences(text, &segments, &mut |view, _, _| {
        let mut gold = vec![OUTSIDE; view.tokens.len()];
        for entity in &document.entities {
            let Some(kind) = entity_type(&entity.kind) else {
                continue;
            };
            let first = view
                .tokens
                .iter()
                .position(|t| utf16.at(t.span.start) == entity.start);
            let last = view
                .tokens
                .iter()
                .position(|t| utf16.at(t.span.end) == entity.end);
            let (Some(first), Some(last)) = (first, last) else {
                continue;
            };
            let last = last.max(first);
            // Gold conventions differ (re3d marks "the country" and "their supporters"; MEANTIME
            // and re3d include a leading "the"). We train names only, without the article: a
            // leading "the" is outside; a span with other lower-case words is not learnt from.
            let first = if view.tokens[first].is("the") && first < last {
                gold[first] = OUTSIDE;
                first + 1
            } else {
                first
            };
            let first = if kind == EntityType::Person {
                strip_titles(view, first, last, &mut gold)
            } else {
                first
            };
            let tokens = &view.tokens[first..=last];
            if !tokens.iter().all(|t| {
                !t.is_word()
                    || t.is_capitalised()
                    || NAME_CONNECTORS.contains(&t.text)
                    || t.text.chars().any(|c| c.is_numeric())
            }) {
                gold[first..=last].fill(IGNORED);
                continue;
            }
            let is_nationality = view.gazetteer.find(tokens, Kind::Norp).is_some();
            let kind = if kind == EntityType::Loc && is_nationality && document.corpus == "meantime"
            {
                EntityType::Norp
            } else {
                kind
            };
            for (i, label) in gold[first..=last].iter_mut().enumerate() {
                *label = tagger::label(kind, i > 0);
            }
        }
        if document.corpus == "gum" {
            for (label, &(rule, fine)) in gold.iter_mut().zip(view.rule_labels) {
                if *label == OUTSIDE && fine == Some(EntityType::Norp) {
                    *label = rule;
                }
            }
        }
        if std::env::var_os("TRAIN_SHOW").is_some() {
            let shown: Vec<String> = view
                .tokens
                .iter()
                .zip(&gold)
                .map(|(t, g)| format!("{}/{g}", t.text))
                .collect();
            eprintln!("{} | {}", document.corpus, shown.join(" "));
        }
        let shapes: Vec<String> = view.tokens.iter().map(|t| tagger::shape(t.text)).collect();
        let mut features = Vec::with_capacity(view.tokens.len());
        for (i, shape) in shapes.iter().enumerate() {
            let mut list = Vec::new();
            tagger::token_features(view, i, shape, &mut |f| list.push(f));
            features.push(list);
        }
        out.push(Sentence {
            features,
            shapes,
            gold,
            punct: view
                .tokens
                .iter()
                .map(|t| t.kind == TokenKind::Punct)
                .collect(),
        });
    });
}

/// Our convention, not every corpus's: a title is not part of a name. Strips titles ("Prime
/// Minister"), a nationality or country before one ("Chinese President", "President of
/// Kyrgyzstan"), labelling those as the names they are; returns the first token of the name.
fn strip_titles(view: &SentenceView, mut first: usize, last: usize, gold: &mut [u8]) -> usize {
    let g = view.gazetteer;
    loop {
        let rest = &view.tokens[first..=last];
        if let Some(n) = g.title_at(rest).filter(|&n| n < rest.len()) {
            gold[first..first + n].fill(OUTSIDE);
            first += n;
        } else if rest.len() > 2 && rest[0].is("of") && g.find(&rest[1..2], Kind::Gpe).is_some() {
            gold[first] = OUTSIDE;
            gold[first + 1] = tagger::label(EntityType::Gpe, false);
            first += 2;
        } else if rest.len() > 2 && g.title_at(&rest[1..]).is_some() {
            let place = if g.find(&rest[..1], Kind::Norp).is_some() {
                EntityType::Norp
            } else if g.find(&rest[..1], Kind::Gpe).is_some() {
                EntityType::Gpe
            } else {
                return first;
            };
            gold[first] = tagger::label(place, false);
            first += 1;
        } else {
            return first;
        }
    }
}

fn entity_type(name: &str) -> Option<EntityType> {
    Some(match name {
        "PERSON" => EntityType::Person,
        "ORG" => EntityType::Org,
        "LOC" => EntityType::Loc,
        "NORP" => EntityType::Norp,
        _ => return None,
    })
}

/// Averaged perceptron, greedy left to right on its own predicted history; sentences visited in
/// a fixed pseudo-random order per epoch, so that a run is reproducible.
fn train(sentences: &[Sentence], buckets: usize, epochs: u32) -> Vec<f32> {
    let mut weights = vec![0f32; buckets * LABELS];
    // Sum of (update time × change): the average is weights - totals / time.
    let mut totals = vec![0f32; buckets * LABELS];
    let mut time = 1f32;
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut seed = 0x2545_f491_u64;
    for epoch in 0..epochs {
        shuffle(&mut order, &mut seed);
        let (mut errors, mut seen) = (0usize, 0usize);
        for &s in &order {
            let sentence = &sentences[s];
            let mut previous = OUTSIDE;
            for i in 0..sentence.gold.len() {
                let mut features = sentence.features[i].clone();
                tagger::history_features(previous, &sentence.shapes[i], &mut |f| features.push(f));
                let mut scores = [0f32; LABELS];
                for &f in &features {
                    let row = (f as usize % buckets) * LABELS;
                    for (score, w) in scores.iter_mut().zip(&weights[row..row + LABELS]) {
                        *score += w;
                    }
                }
                let predicted = tagger::best_label(&scores, previous, sentence.punct[i]);
                let gold = sentence.gold[i];
                if gold != IGNORED && predicted != gold {
                    errors += 1;
                    for &f in &features {
                        let row = (f as usize % buckets) * LABELS;
                        for (label, change) in [(gold, 1f32), (predicted, -1f32)] {
                            weights[row + usize::from(label)] += change;
                            totals[row + usize::from(label)] += time * change;
                        }
                    }
                }
                seen += 1;
                time += 1.0;
                previous = predicted;
            }
        }
        eprintln!(
            "train: epoch {} token accuracy {:.2}%",
            epoch + 1,
            100.0 * (1.0 - errors as f64 / seen as f64)
        );
    }
    weights
        .iter()
        .zip(&totals)
        .map(|(w, total)| w - total / time)
        .collect()
}

fn shuffle(order: &mut [usize], seed: &mut u64) {
    for i in (1..order.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        order.swap(i, (*seed % (i as u64 + 1)) as usize);
    }
}

/// The magnitude below which a weight is dropped: the 5th percentile of the non-zero ones.
fn smallest_kept(weights: &[f32]) -> f32 {
    let mut magnitudes: Vec<f32> = weights
        .iter()
        .map(|w| w.abs())
        .filter(|&w| w > 0.0)
        .collect();
    magnitudes.sort_by(f32::total_cmp);
    magnitudes
        .get(magnitudes.len() / 20)
        .copied()
        .unwrap_or(1.0)
}
