//! A statistical recogniser: an averaged perceptron that tags each token of a sentence O, B-X or
//! I-X (X: person, organisation, place, nationality), reading the word, its shape and
//! neighbours, the gazetteer, and what the rules in [`super::recognise`] made of it. Trained by
//! `scripts/train-tagger.mjs` (`src/bin/train.rs`) on three quarters of the annotated corpora,
//! evaluated beside the rules on the rest (`node scripts/evaluate.mjs ner`).
//!
//! Not in the page: on the held-out quarters it beats the rules on MEANTIME and re3d but not on
//! GUM, it learns the corpora's conventions (titles inside names) that ours reject, and it drops
//! the transliterated names our articles are full of, which it has hardly seen. The CLI loads a
//! model with `--tagger FILE`. Features are hashed into buckets; weights are one byte each
//! (format: [`Model::parse`]).

use super::{EntityType, Mention};
use crate::gazetteer::Gazetteer;
use crate::token::{Token, TokenKind};

/// O, then B and I for each of [`CLASSES`].
pub const LABELS: usize = 1 + 2 * CLASSES.len();
/// The coarse types the tagger decides between.
pub const CLASSES: [EntityType; 4] = [
    EntityType::Person,
    EntityType::Org,
    EntityType::Loc,
    EntityType::Norp,
];
pub const OUTSIDE: u8 = 0;

/// The label that begins (`inside == false`) or continues a name of coarse type `kind`.
pub fn label(kind: EntityType, inside: bool) -> u8 {
    let class = CLASSES.iter().position(|&c| c == coarse(kind)).unwrap_or(0);
    1 + 2 * class as u8 + u8::from(inside)
}

/// Places of every kind are one class to the tagger; the rules tell GPE, LOC and FAC apart.
pub fn coarse(kind: EntityType) -> EntityType {
    match kind {
        EntityType::Gpe | EntityType::Loc | EntityType::Fac => EntityType::Loc,
        other => other,
    }
}

/// The class and whether `label` continues a name; None for O.
pub fn class_of(label: u8) -> Option<(EntityType, bool)> {
    let index = usize::from(label.checked_sub(1)?);
    Some((*CLASSES.get(index / 2)?, index % 2 == 1))
}

/// A label may follow `previous` only if it is O, a B, or the I of the name just begun.
pub fn allowed(previous: u8, label: u8) -> bool {
    match class_of(label) {
        Some((class, true)) => class_of(previous).is_some_and(|(p, _)| p == class),
        _ => true,
    }
}

/// What the tagger reads of one sentence, besides its tokens.
pub struct SentenceView<'s, 't> {
    pub tokens: &'s [Token<'t>],
    /// The rules' label of each token ([`label`] of the mention covering it, or [`OUTSIDE`]),
    /// with the fine type for a feature of its own.
    pub rule_labels: &'s [(u8, Option<EntityType>)],
    pub gazetteer: &'static Gazetteer,
    /// Whether the article also writes this word in lower case.
    pub written_lowercase: &'s dyn Fn(&str) -> bool,
}

/// The features of token `i` that depend on the previous label: the label, and the label with
/// this token's shape. `token_shape` is [`shape`] of the token.
pub fn history_features(previous: u8, token_shape: &str, emit: &mut dyn FnMut(u32)) {
    emit(hash(b"prev", &[previous]));
    emit(hash2(b"prev+shape", &[previous], token_shape.as_bytes()));
}

/// Calls `emit` with the hashed features of token `i` that do not depend on other labels.
/// `shape` is [`shape`] of the token, which [`history_features`] reads too.
pub fn token_features(view: &SentenceView, i: usize, shape: &str, emit: &mut dyn FnMut(u32)) {
    let tokens = view.tokens;
    let token = &tokens[i];
    let word = |j: isize| -> Option<&Token> { tokens.get(usize::try_from(i as isize + j).ok()?) };
    let mut lower = String::with_capacity(token.text.len());
    lower.extend(token.text.chars().flat_map(char::to_lowercase));

    emit(hash(b"bias", b""));
    emit(hash(b"w", lower.as_bytes()));
    emit(hash(b"shape", shape.as_bytes()));
    let chars: Vec<char> = lower.chars().collect();
    for n in [2, 3] {
        if chars.len() > n {
            let prefix: String = chars[..n].iter().collect();
            let suffix: String = chars[chars.len() - n..].iter().collect();
            emit(hash(b"pre", prefix.as_bytes()));
            emit(hash(b"suf", suffix.as_bytes()));
        }
    }
    if i == 0 {
        emit(hash(b"first", b""));
    }
    if token.is_capitalised() && (view.written_lowercase)(&lower) {
        emit(hash(b"also-lowercase", b""));
    }
    for (offset, name) in [(-2isize, b"w-2"), (-1, b"w-1"), (1, b"w+1"), (2, b"w+2")] {
        let text = word(offset).map_or("<none>".to_string(), |t| t.text.to_lowercase());
        emit(hash(name, text.as_bytes()));
    }
    for (offset, name) in [(-1isize, b"s-1"), (1, b"s+1")] {
        let s = word(offset).map_or("<none>".to_string(), |t| self::shape(t.text));
        emit(hash2(name, s.as_bytes(), shape.as_bytes()));
    }
    for (offset, name) in [(-1isize, b"r-1"), (0, b"r+0"), (1, b"r+1")] {
        let (rule, fine) = word(offset)
            .map(|_| view.rule_labels[(i as isize + offset) as usize])
            .unwrap_or((u8::MAX, None));
        emit(hash(name, &[rule]));
        if offset == 0 {
            emit(hash(b"fine", fine.map_or("", |k| k.label()).as_bytes()));
            emit(hash2(b"rule+shape", &[rule], shape.as_bytes()));
        }
    }
    for (offset, name) in [(-1isize, b"g-1"), (0, b"g+0"), (1, b"g+1")] {
        if let Some(t) = word(offset) {
            for entry in view.gazetteer.lookup(std::slice::from_ref(t)) {
                emit(hash(name, &[entry.kind as u8, u8::from(entry.ambiguous)]));
            }
        }
    }
}

/// "Xi'an" → "Xx'x", "SCO" → "X", "G20" → "Xd": character classes with runs collapsed.
pub fn shape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if !out.ends_with(class) {
            out.push(class);
        }
    }
    out
}

/// FNV-1a over a feature's name and value: stable across platforms and Rust versions, so a
/// model trained on one machine reads the same on another.
fn hash(name: &[u8], value: &[u8]) -> u32 {
    hash2(name, value, b"")
}

fn hash2(name: &[u8], a: &[u8], b: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &byte in name.iter().chain(&[0xff]).chain(a).chain(&[0xfe]).chain(b) {
        h ^= u32::from(byte);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Weights quantised to one byte each on a logarithmic scale: code `c` stands for
/// `sign(c) · smallest · ratio^(|c| - 1)`, 0 for zero. A linear `i8` scale cannot hold both the
/// bias weights and the word weights hundreds of times smaller; 127 logarithmic steps keep every
/// weight within a few per cent. `buckets × LABELS` codes.
pub struct Model {
    buckets: u32,
    codes: Vec<u8>,
    /// The weight each code stands for, as an integer (smallest ↦ 16).
    values: [i32; 256],
}

const MAGIC: &[u8; 4] = b"DLT3";

/// The weight (relative to the smallest) that a code stands for.
fn code_value(code: i8, ratio: f32) -> f32 {
    if code == 0 {
        return 0.0;
    }
    let magnitude = ratio.powi(i32::from(code.unsigned_abs()) - 1);
    if code < 0 {
        -magnitude
    } else {
        magnitude
    }
}

impl Model {
    /// `DLT3`, buckets (u32 LE), labels (u32 LE), ratio (f32 LE), then `buckets × labels` codes.
    pub fn parse(bytes: &[u8]) -> Option<Model> {
        let (head, codes) = bytes.split_at_checked(16)?;
        let u32_at = |i: usize| u32::from_le_bytes(head[i..i + 4].try_into().unwrap());
        let (buckets, labels) = (u32_at(4), u32_at(8));
        let ratio = f32::from_le_bytes(head[12..16].try_into().unwrap());
        let fits = &head[..4] == MAGIC
            && labels as usize == LABELS
            && codes.len() == buckets as usize * LABELS
            && ratio > 1.0
            && ratio.powi(126) < 1e7;
        let mut values = [0i32; 256];
        for (byte, value) in values.iter_mut().enumerate() {
            *value = (16.0 * code_value(byte as u8 as i8, ratio)).round() as i32;
        }
        fits.then(|| Model {
            buckets,
            codes: codes.to_vec(),
            values,
        })
    }

    /// Quantises `weights` (`buckets × LABELS`) and writes the format [`Model::parse`] reads.
    /// Weights below `smallest` in magnitude become zero.
    pub fn write(buckets: u32, weights: &[f32], smallest: f32) -> Vec<u8> {
        let largest = weights.iter().fold(smallest, |m, w| m.max(w.abs()));
        let ratio = (largest / smallest).powf(1.0 / 126.0).max(1.0001);
        let mut out = Vec::with_capacity(16 + weights.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&buckets.to_le_bytes());
        out.extend_from_slice(&(LABELS as u32).to_le_bytes());
        out.extend_from_slice(&ratio.to_le_bytes());
        out.extend(weights.iter().map(|&w| {
            if w.abs() < smallest {
                return 0u8;
            }
            let steps = ((w.abs() / smallest).ln() / ratio.ln()).round() as i32 + 1;
            let code = steps.clamp(1, 127) as i8;
            (if w < 0.0 { -code } else { code }) as u8
        }));
        out
    }

    fn add(&self, feature: u32, scores: &mut [i32; LABELS]) {
        let row = (feature % self.buckets) as usize * LABELS;
        for (score, &code) in scores.iter_mut().zip(&self.codes[row..row + LABELS]) {
            *score += self.values[usize::from(code)];
        }
    }

    /// The sentence's labels, left to right, each the best allowed after the one before.
    pub fn tag(&self, view: &SentenceView) -> Vec<u8> {
        let mut labels = Vec::with_capacity(view.tokens.len());
        let mut previous = OUTSIDE;
        for i in 0..view.tokens.len() {
            let mut scores = [0i32; LABELS];
            let shape = shape(view.tokens[i].text);
            token_features(view, i, &shape, &mut |f| self.add(f, &mut scores));
            history_features(previous, &shape, &mut |f| self.add(f, &mut scores));
            let best = best_label(&scores, previous, view.tokens[i].kind == TokenKind::Punct);
            labels.push(best);
            previous = best;
        }
        labels
    }
}

/// The highest-scoring label allowed after `previous`; a name never begins with punctuation.
pub fn best_label<S: PartialOrd + Copy>(scores: &[S; LABELS], previous: u8, punct: bool) -> u8 {
    let mut best = OUTSIDE;
    for label in 1..LABELS as u8 {
        let begins_with_punct = punct && class_of(label).is_some_and(|(_, inside)| !inside);
        if allowed(previous, label)
            && !begins_with_punct
            && scores[usize::from(label)] > scores[usize::from(best)]
        {
            best = label;
        }
    }
    best
}

/// The rules' label for every token of a sentence, from their mentions in it.
pub fn rule_labels(tokens: &[Token], mentions: &[Mention]) -> Vec<(u8, Option<EntityType>)> {
    tokens
        .iter()
        .map(|t| {
            mentions
                .iter()
                .find(|m| m.span.start <= t.span.start && t.span.end <= m.span.end)
                .map_or((OUTSIDE, None), |m| {
                    (label(m.kind, m.span.start < t.span.start), Some(m.kind))
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_and_constrain() {
        for kind in CLASSES {
            for inside in [false, true] {
                assert_eq!(class_of(label(kind, inside)), Some((kind, inside)));
            }
        }
        assert_eq!(label(EntityType::Gpe, false), label(EntityType::Loc, false));
        let b_person = label(EntityType::Person, false);
        assert!(allowed(b_person, label(EntityType::Person, true)));
        assert!(!allowed(b_person, label(EntityType::Org, true)));
        assert!(!allowed(OUTSIDE, label(EntityType::Org, true)));
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("Xi'an"), "Xx'x");
        assert_eq!(shape("SCO"), "X");
        assert_eq!(shape("G20"), "Xd");
    }

    #[test]
    fn the_model_format_keeps_weights_within_a_few_per_cent() {
        let weights: Vec<f32> = (0..2 * LABELS).map(|i| (i as f32 - 9.0) * 37.5).collect();
        let bytes = Model::write(2, &weights, 1.0);
        let model = Model::parse(&bytes).expect("parses");
        let mut scores = [0i32; LABELS];
        model.add(1, &mut scores);
        for (score, weight) in scores.iter().zip(&weights[LABELS..]) {
            let restored = *score as f32 / 16.0;
            assert!(
                (restored - weight).abs() <= 0.07 * weight.abs() + 0.05,
                "{restored} for {weight}"
            );
        }
        assert!(Model::parse(&bytes[..bytes.len() - 1]).is_none());
    }
}
