//! `train TRAIN.jsonl OUT.bin [--buckets N] [--epochs N] [--runs N]`: trains the entity tagger
//! (an averaged perceptron, see `src/entities/tagger/`) on annotated documents, `runs` times in
//! different seeded orders, and writes the quantised mean of their weights.
//! `scripts/train-tagger.mjs` writes TRAIN.jsonl from the training split of the corpora:
//! one JSON object a line, `{"corpus", "text", "entities": [{"start", "end", "type"}]}`, offsets
//! in UTF-16 code units as the corpus readers and the JSON contract give them, types PERSON, ORG,
//! LOC or NORP. `TRAIN_SHOW=1` prints every sentence with its gold
//! labels (after the clean-up in `read_sentences`), to check what the tagger is taught.

use std::process::ExitCode;

use dateline::internals::segment;
use dateline::internals::tagger::bridge::tagger_sentences;
use dateline::internals::tagger::SentenceView;
use dateline::internals::tagger::{self, LABELS, OUTSIDE};
use dateline::internals::EntityType;
use dateline::internals::Kind;
use dateline::internals::Utf16Offsets;
use serde::Deserialize;

/// A token whose gold label is not learnt from (see `read_sentences`).
const IGNORED: u8 = u8::MAX;
/// Lower-case words that may sit inside a name: "Bank of England", "Abu Bakr al-Baghdadi".
const NAME_CONNECTORS: &[&str] = &[
    "of", "and", "the", "for", "de", "del", "da", "al", "bin", "von", "van", "la", "le", "'s", "&",
];

const USAGE: &str = "usage: train TRAIN.jsonl OUT.bin [--buckets N] [--epochs N] [--runs N]";

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
    /// Features of every token: trained on whole sentences, though the tagger reads only
    /// [`tagger::regions`], since the lower-case context around names teaches it more (UNER
    /// test 57.6 -> 61.9 exact F1, GUM names 52.6 -> 55.1).
    features: Vec<Vec<u32>>,
    /// Gold name tokens outside every region (lower-case names: "tampa bay"): never found.
    unreachable: usize,
    /// [`tagger::Facts::shape`] of each token.
    shapes: Vec<u32>,
    gold: Vec<u8>,
    slots: Vec<tagger::Slot>,
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
    let mut buckets: u32 = 1 << 16;
    let mut epochs = 10;
    let mut runs = 5;
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
            "--runs" => runs = number()?.max(1),
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
    let unreachable: usize = sentences.iter().map(|s| s.unreachable).sum();
    eprintln!(
        "train: {} sentences, {tokens} tokens ({unreachable} gold name tokens outside the \
         regions the tagger reads), {epochs} epochs, {runs} runs, {buckets} buckets",
        sentences.len()
    );
    // The mean of several runs, each visiting the sentences in its own order: one run's weights
    // swing with the order it happened to see them in (dev folds 62.7 for one run, 63.3 for
    // five), and the mean of linear models is one linear model of the same size.
    let mut weights = vec![0f32; buckets as usize * LABELS];
    for run in 0..runs {
        let seed = 0x2545_f491_u64 + u64::from(run) * 0x9e37_79b9;
        for (w, x) in weights
            .iter_mut()
            .zip(train(&sentences, buckets as usize, epochs, seed))
        {
            *w += x / runs as f32;
        }
    }
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
        // No corpus here marks nationalities: the rules' NORP is taken as gold, so the tagger
        // keeps them (the page shows them) instead of learning to drop them.
        for (label, &(rule, fine)) in gold.iter_mut().zip(view.rule_labels) {
            if *label == OUTSIDE && fine == Some(EntityType::Norp) {
                *label = rule;
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
        let facts = tagger::Facts::of(view, 0..view.tokens.len());
        let shapes: Vec<u32> = (0..view.tokens.len()).map(|i| facts.shape(i)).collect();
        let features = (0..view.tokens.len())
            .map(|i| {
                let mut list = Vec::new();
                tagger::token_features(view, &facts, i, &mut |f| list.push(f));
                list
            })
            .collect();
        let regions = tagger::regions(view.tokens);
        let unreachable = (0..gold.len())
            .filter(|&i| gold[i] != OUTSIDE && gold[i] != IGNORED)
            .filter(|&i| !regions.iter().any(|r| r.contains(&i)))
            .count();
        out.push(Sentence {
            features,
            unreachable,
            shapes,
            gold,
            slots: tagger::slots(view),
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

/// Structured averaged perceptron: each sentence decoded with Viterbi as the tagger decodes a
/// region, and the weights moved towards the gold sequence where they differ.
/// Sentences are visited in a fixed pseudo-random order per epoch, so a run is reproducible.
fn train(sentences: &[Sentence], buckets: usize, epochs: u32, seed: u64) -> Vec<f32> {
    let mut weights = vec![0f32; buckets * LABELS];
    // Sum of (update time × change): the average is weights - totals / time.
    let mut totals = vec![0f32; buckets * LABELS];
    let mut time = 1f32;
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut seed = seed;
    let row = |f: u32| (f as usize % buckets) * LABELS;
    for epoch in 0..epochs {
        shuffle(&mut order, &mut seed);
        let (mut errors, mut seen) = (0usize, 0usize);
        for &s in &order {
            let sentence = &sentences[s];
            let gold = &sentence.gold;
            if gold.is_empty() || gold.contains(&IGNORED) {
                continue;
            }
            let shapes = &sentence.shapes;
            let add = |f: u32, scores: &mut [f32; LABELS]| {
                let r = row(f);
                for (score, w) in scores.iter_mut().zip(&weights[r..r + LABELS]) {
                    *score += w;
                }
            };
            let emissions: Vec<[f32; LABELS]> = sentence
                .features
                .iter()
                .map(|features| {
                    let mut scores = [0f32; LABELS];
                    for &f in features {
                        add(f, &mut scores);
                    }
                    scores
                })
                .collect();
            let predicted = tagger::viterbi(&emissions, &sentence.slots, |k, previous| {
                let mut scores = [0f32; LABELS];
                tagger::history_features(previous, shapes[k], &mut |f| add(f, &mut scores));
                scores
            });
            seen += gold.len();
            for k in 0..gold.len() {
                let (gold_before, predicted_before) = if k == 0 {
                    (OUTSIDE, OUTSIDE)
                } else {
                    (gold[k - 1], predicted[k - 1])
                };
                if gold[k] == predicted[k] && gold_before == predicted_before {
                    continue;
                }
                errors += usize::from(gold[k] != predicted[k]);
                let mut update = |f: u32, label: u8, change: f32| {
                    let at = row(f) + usize::from(label);
                    weights[at] += change;
                    totals[at] += time * change;
                };
                if gold[k] != predicted[k] {
                    for &f in &sentence.features[k] {
                        update(f, gold[k], 1.0);
                        update(f, predicted[k], -1.0);
                    }
                }
                tagger::history_features(gold_before, shapes[k], &mut |f| update(f, gold[k], 1.0));
                tagger::history_features(predicted_before, shapes[k], &mut |f| {
                    update(f, predicted[k], -1.0)
                });
            }
            time += 1.0;
        }
        eprintln!(
            "train: epoch {} token accuracy {:.2}%",
            epoch + 1,
            100.0 * (1.0 - errors as f64 / seen.max(1) as f64)
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

/// The magnitude below which a weight is dropped: the 25th percentile of the non-zero ones. The
/// mean of several runs leaves many small weights; dropping a quarter of them shrinks the model
/// (gzip) by a sixth and costs nothing on the development folds.
fn smallest_kept(weights: &[f32]) -> f32 {
    let mut magnitudes: Vec<f32> = weights
        .iter()
        .map(|w| w.abs())
        .filter(|&w| w > 0.0)
        .collect();
    magnitudes.sort_by(f32::total_cmp);
    magnitudes.get(magnitudes.len() / 4).copied().unwrap_or(1.0)
}
