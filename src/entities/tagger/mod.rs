//! The learned recogniser, the first reader of every sentence: a structured averaged perceptron
//! that labels tokens O, B-X or I-X (X: person, organisation, place, nationality) with Viterbi,
//! reading the word, its shape, affixes, word cluster and neighbours, the gazetteer, and what the
//! rules (`entities/recognise.rs`) made of it. It reads only the [`regions`] where a name can be, so
//! most tokens cost nothing. Trained by `scripts/train-tagger.mjs` (`src/bin/train.rs`) on names-only
//! gold; scored on held-out gold by `node scripts/evaluate.mjs ner`. The shipped weights are
//! `data/tagger/model.bin` ([`shipped`]); features are hashed into buckets, weights are one byte
//! each (format: [`Model::parse`]).
pub mod bridge;
mod clusters;
mod features;

use super::{EntityType, Mention};
use crate::gazetteer::Gazetteer;
use crate::hash::{FastMap, FastSet};
use crate::token::{with_lowercase, Token, TokenKind};
pub(crate) use features::*;
pub use features::{history_features, shape, token_features, Facts};
use std::borrow::Cow;
use std::sync::OnceLock;
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
    // I-X (even labels from 2 on) only after B-X or I-X of the same class.
    label == OUTSIDE
        || label % 2 == 1
        || (previous != OUTSIDE && (previous - 1) / 2 == (label - 1) / 2)
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

/// Weights quantised to one byte each on a logarithmic scale: code `c` stands for
/// `sign(c) · smallest · ratio^(|c| - 1)`, 0 for zero. A linear `i8` scale cannot hold both the
/// bias weights and the word weights hundreds of times smaller; 127 logarithmic steps keep every
/// weight within a few per cent. `buckets × LABELS` codes.
pub struct Model {
    buckets: u32,
    /// `buckets - 1` when `buckets` is a power of two (the shipped model's is): a feature's
    /// bucket is then a mask, not a division, read some fifty times a token.
    mask: Option<u32>,
    /// The scores of the "prev" feature for each previous label: the same for every token.
    after: [[i32; LABELS]; LABELS],
    /// Borrowed from the binary for the shipped model, owned for one read from a file.
    codes: Cow<'static, [u8]>,
    /// The weight each code stands for, as an integer (smallest ↦ 16).
    values: [i32; 256],
}

const MAGIC: &[u8; 4] = b"DLT3";
/// How many magnitudes a weight may take, on a log scale from the smallest kept to the largest.
const LEVELS: u8 = 31;
/// The model the page and the CLI use: `data/tagger/model.bin`, made by
/// `node scripts/train-tagger.mjs` (its licence and sources: `data/tagger/README.md`).
pub fn shipped() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        Model::parse_static(include_bytes!("../../../data/tagger/model.bin"))
            .expect("data/tagger/model.bin is a tagger model (scripts/train-tagger.mjs writes it)")
    })
}

/// The weight (relative to the smallest) that a code stands for. Codes past [`LEVELS`] (never
/// written) stand for the largest, so that no file can make a score overflow.
fn code_value(code: i8, ratio: f32) -> f32 {
    if code == 0 {
        return 0.0;
    }
    let magnitude = ratio.powi(i32::from(code.unsigned_abs().min(LEVELS)) - 1);
    if code < 0 {
        -magnitude
    } else {
        magnitude
    }
}

impl Model {
    /// `DLT3`, buckets (u32 LE), labels (u32 LE), ratio (f32 LE), then `buckets × labels` codes.
    pub fn parse(bytes: &[u8]) -> Option<Model> {
        let (buckets, ratio) = Model::header(bytes)?;
        Some(Model::new(buckets, ratio, Cow::Owned(bytes[16..].to_vec())))
    }

    /// [`Model::parse`] of bytes that live as long as the program, without copying them.
    pub fn parse_static(bytes: &'static [u8]) -> Option<Model> {
        let (buckets, ratio) = Model::header(bytes)?;
        Some(Model::new(buckets, ratio, Cow::Borrowed(&bytes[16..])))
    }

    fn header(bytes: &[u8]) -> Option<(u32, f32)> {
        let (head, codes) = bytes.split_at_checked(16)?;
        let u32_at = |i: usize| u32::from_le_bytes(head[i..i + 4].try_into().unwrap());
        let (buckets, labels) = (u32_at(4), u32_at(8));
        let ratio = f32::from_le_bytes(head[12..16].try_into().unwrap());
        let fits = &head[..4] == MAGIC
            && labels as usize == LABELS
            && buckets > 0
            && codes.len() == buckets as usize * LABELS
            && ratio > 1.0
            && ratio.powi(i32::from(LEVELS) - 1) < 1e7;
        fits.then_some((buckets, ratio))
    }

    fn new(buckets: u32, ratio: f32, codes: Cow<'static, [u8]>) -> Model {
        let mut values = [0i32; 256];
        for (byte, value) in values.iter_mut().enumerate() {
            *value = (16.0 * code_value(byte as u8 as i8, ratio)).round() as i32;
        }
        let mut model = Model {
            buckets,
            mask: buckets.is_power_of_two().then(|| buckets - 1),
            after: [[0; LABELS]; LABELS],
            codes,
            values,
        };
        for previous in 0..LABELS as u8 {
            let mut scores = [0; LABELS];
            model.add(prev_feature(previous), &mut scores);
            model.after[usize::from(previous)] = scores;
        }
        model
    }

    /// Quantises `weights` (`buckets × LABELS`) and writes the format [`Model::parse`] reads.
    /// Weights below `smallest` in magnitude become zero.
    pub fn write(buckets: u32, weights: &[f32], smallest: f32) -> Vec<u8> {
        let largest = weights.iter().fold(smallest, |m, w| m.max(w.abs()));
        let ratio = (largest / smallest)
            .powf(1.0 / f32::from(LEVELS - 1))
            .max(1.0001);
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
            let code = steps.clamp(1, i32::from(LEVELS)) as i8;
            (if w < 0.0 { -code } else { code }) as u8
        }));
        out
    }

    fn add(&self, feature: u32, scores: &mut [i32; LABELS]) {
        let bucket = match self.mask {
            Some(mask) => feature & mask,
            None => feature % self.buckets,
        };
        let row = bucket as usize * LABELS;
        for (score, &code) in scores.iter_mut().zip(&self.codes[row..row + LABELS]) {
            *score += self.values[usize::from(code)];
        }
    }

    /// The scores of the features that read the previous label, for each previous label, at a
    /// token of shape `shape` ([`history_features`]).
    fn moves(&self, shape: u32) -> [[i32; LABELS]; LABELS] {
        let mut moves = self.after;
        for (previous, scores) in moves.iter_mut().enumerate() {
            self.add(prev_shape_feature(previous as u8, shape), scores);
        }
        moves
    }

    /// The sentence's labels: O outside the [`regions`] where a name can be, the best sequence
    /// (Viterbi) inside each, and the rules' labels inside a region too long to be read
    /// (48 tokens).
    pub fn tag(&self, view: &SentenceView) -> Vec<u8> {
        self.tag_with(view, &mut Scratch::default())
    }

    /// [`Model::tag`] with buffers and memos kept from the article's sentences before.
    pub(crate) fn tag_with(&self, view: &SentenceView, scratch: &mut Scratch) -> Vec<u8> {
        let n = view.tokens.len();
        let mut labels = vec![OUTSIDE; n];
        let Scratch {
            facts,
            emissions,
            slots,
            moves_by_shape,
            region_moves,
        } = scratch;
        facts.start_sentence(view);
        for region in regions(view.tokens) {
            if region.len() > LONGEST_REGION {
                for i in region {
                    labels[i] = view.rule_labels[i].0;
                }
                continue;
            }
            // Features read two tokens either side of each token they describe.
            facts.read(
                view,
                region.start.saturating_sub(2)..(region.end + 2).min(n),
            );
            emissions.clear();
            emissions.extend(region.clone().map(|i| {
                let mut scores = [0i32; LABELS];
                token_features(view, facts, i, &mut |f| self.add(f, &mut scores));
                scores
            }));
            slots.clear();
            slots.extend(region.clone().map(|i| slot(view, i)));
            region_moves.clear();
            region_moves.extend(region.clone().map(|i| {
                let shape = facts.shape(i);
                match moves_by_shape.get(&shape) {
                    Some(&moves) => moves,
                    None => {
                        let moves = self.moves(shape);
                        if moves_by_shape.len() < KEPT_SHAPES {
                            moves_by_shape.insert(shape, moves);
                        }
                        moves
                    }
                }
            }));
            viterbi_into(
                emissions,
                slots,
                |k, previous| region_moves[k][usize::from(previous)],
                &mut labels[region],
            );
        }
        labels
    }
}

/// The label-history scores depend only on a token's shape, and an article has few; a pasted
/// list of codes has a new one at every word, so only the first ones are kept.
const KEPT_SHAPES: usize = 256;

/// What [`Model::tag_with`] keeps from one sentence of an article to the next: its buffers, and
/// the label-history scores of the word shapes seen so far.
#[derive(Default)]
pub(crate) struct Scratch {
    facts: Facts,
    emissions: Vec<[i32; LABELS]>,
    slots: Vec<Slot>,
    moves_by_shape: FastMap<u32, [[i32; LABELS]; LABELS]>,
    region_moves: Vec<[[i32; LABELS]; LABELS]>,
}

/// The most tokens of a region the tagger reads. A longer run of capitals is a shouted or
/// title-case passage, or a flood of initials pasted by accident, where capitals say nothing:
/// the rules' names stand there, and the tagger's far higher cost per token is not paid for a
/// megabyte of "A.-A.-A.-".
const LONGEST_REGION: usize = 48;
/// The runs of tokens that may hold a name: capitalised words, and the numbers, connectors
/// ("of", "al", "&") and inner punctuation between two of them. Everything else is O, so the
/// tagger reads only a fraction of an article's tokens.
pub fn regions(tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !opens_name(&tokens[i]) {
            i += 1;
            continue;
        }
        if i + 1 < tokens.len() && !opens_name(&tokens[i + 1]) && is_function_word(&tokens[i]) {
            // "The", "But", "In" before a lower-case word: never a name on their own ("US" is).
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        loop {
            if end < tokens.len() && opens_name(&tokens[end]) {
                end += 1;
                continue;
            }
            // Up to two joining tokens ("of the", "bin", "'s", "-") followed by a capitalised word.
            let joined = (end..tokens.len().min(end + 2))
                .take_while(|&j| joins_names(&tokens[j]))
                .last();
            match joined {
                Some(j) if j + 1 < tokens.len() && opens_name(&tokens[j + 1]) => end = j + 2,
                _ => break,
            }
        }
        out.push(start..end);
        i = end;
    }
    out
}

/// A closed-class word (`data/tagger/function-words.txt`), in any case.
fn is_function_word(token: &Token) -> bool {
    static WORDS: OnceLock<FastSet<&'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        crate::hash::lines(include_str!("../../../data/tagger/function-words.txt")).collect()
    });
    token.text.len() <= 12
        && with_lowercase(token.text, |lower| words.contains(lower))
        && !token.is_acronym()
}

/// A word that can begin or continue a name on its own: "Okafor", "SCO", "G20", "iPhone".
fn opens_name(token: &Token) -> bool {
    token.is_capitalised()
        || (token.is_word()
            && if token.ascii_alnum {
                token.text.bytes().any(|b| b.is_ascii_uppercase())
            } else {
                token.text.chars().any(char::is_uppercase)
            })
}

/// A token that can stand between two capitalised words inside one name.
fn joins_names(token: &Token) -> bool {
    token.kind == TokenKind::Number
        || matches!(
            token.text,
            "of" | "and"
                | "the"
                | "for"
                | "on"
                | "de"
                | "del"
                | "della"
                | "di"
                | "da"
                | "do"
                | "dos"
                | "das"
                | "du"
                | "des"
                | "la"
                | "le"
                | "al"
                | "el"
                | "bin"
                | "bint"
                | "ibn"
                | "abu"
                | "von"
                | "van"
                | "der"
                | "den"
                | "ter"
                | "y"
                | "e"
                | "'s"
                | "&"
                | "-"
                | "."
                | "'"
                | "’s"
        )
}

/// The best label sequence: `emissions[k]` scores each label of token k, `transition(k,
/// previous)` adds what depends on the label before. Labels obey [`allowed`] and a name never
/// begins with punctuation; the sequence starts after O.
pub fn viterbi<S>(
    emissions: &[[S; LABELS]],
    slots: &[Slot],
    transition: impl Fn(usize, u8) -> [S; LABELS],
) -> Vec<u8>
where
    S: Copy + PartialOrd + std::ops::Add<Output = S> + Default,
{
    let mut labels = vec![OUTSIDE; emissions.len()];
    viterbi_into(emissions, slots, transition, &mut labels);
    labels
}

/// [`viterbi`] into `labels` (as long as `emissions`).
pub(crate) fn viterbi_into<S>(
    emissions: &[[S; LABELS]],
    slots: &[Slot],
    transition: impl Fn(usize, u8) -> [S; LABELS],
    labels: &mut [u8],
) where
    S: Copy + PartialOrd + std::ops::Add<Output = S> + Default,
{
    let n = emissions.len();
    if n == 1 {
        // Most names are one word: the best label after O, without the tables.
        let moves = transition(0, OUTSIDE);
        let mut label = OUTSIDE;
        let mut best = emissions[0][0] + moves[0];
        for l in 1..LABELS as u8 {
            let score = emissions[0][usize::from(l)] + moves[usize::from(l)];
            if allowed(OUTSIDE, l) && slots[0].admits(l) && score > best {
                (label, best) = (l, score);
            }
        }
        labels[0] = label;
        return;
    }
    let mut best: Vec<[Option<S>; LABELS]> = vec![[None; LABELS]; n];
    let mut back = vec![[OUTSIDE; LABELS]; n];
    for k in 0..n {
        let previous_labels: &[u8] = if k == 0 { &[OUTSIDE] } else { &ALL_LABELS };
        for &previous in previous_labels {
            let before = if k == 0 {
                Some(S::default())
            } else {
                best[k - 1][usize::from(previous)]
            };
            let Some(before) = before else { continue };
            let moves = transition(k, previous);
            for label in 0..LABELS as u8 {
                if !allowed(previous, label) || !slots[k].admits(label) {
                    continue;
                }
                let l = usize::from(label);
                let score = before + emissions[k][l] + moves[l];
                if best[k][l].is_none_or(|b| score > b) {
                    best[k][l] = Some(score);
                    back[k][l] = previous;
                }
            }
        }
    }
    labels.fill(OUTSIDE);
    let Some(last) = best.last() else {
        return;
    };
    let mut label = OUTSIDE;
    for l in 0..LABELS {
        if last[l].is_some()
            && (last[usize::from(label)].is_none() || last[l] > last[usize::from(label)])
        {
            label = l as u8;
        }
    }
    for k in (0..n).rev() {
        labels[k] = label;
        label = back[k][usize::from(label)];
    }
}

const ALL_LABELS: [u8; LABELS] = {
    let mut all = [0u8; LABELS];
    let mut i = 0;
    while i < LABELS {
        all[i] = i as u8;
        i += 1;
    }
    all
};

/// What a token may be labelled besides O.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    /// May begin a name: not punctuation.
    pub begin: bool,
    /// May continue the name before it: not where the rules begin a name right after another
    /// ("Japan Hatori Takashi", "China Kyrgyzstan Uzbekistan"), which the tagger alone glues.
    pub inside: bool,
}

impl Slot {
    fn admits(self, label: u8) -> bool {
        match class_of(label) {
            None => true,
            Some((_, true)) => self.inside,
            Some((_, false)) => self.begin,
        }
    }
}

/// The [`Slot`] of every token of the sentence.
pub fn slots(view: &SentenceView) -> Vec<Slot> {
    (0..view.tokens.len()).map(|i| slot(view, i)).collect()
}

fn slot(view: &SentenceView, i: usize) -> Slot {
    let rules = view.rule_labels;
    let rule_begins = class_of(rules[i].0).is_some_and(|(_, inside)| !inside);
    let after_a_rule_name = i > 0 && rules[i - 1].0 != OUTSIDE;
    Slot {
        begin: view.tokens[i].kind != TokenKind::Punct,
        inside: !(rule_begins && after_a_rule_name),
    }
}

/// The rules' label for every token of a sentence, from their mentions in it (in text order).
pub fn rule_labels(tokens: &[Token], mentions: &[Mention]) -> Vec<(u8, Option<EntityType>)> {
    let mut next = 0;
    tokens
        .iter()
        .map(|t| {
            while next < mentions.len() && mentions[next].span.end <= t.span.start {
                next += 1;
            }
            match mentions.get(next) {
                Some(m) if m.span.start <= t.span.start && t.span.end <= m.span.end => {
                    (label(m.kind, m.span.start < t.span.start), Some(m.kind))
                }
                _ => (OUTSIDE, None),
            }
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

    /// `(sentence, the regions it reads as the words in them)`.
    const REGION_CASES: &[(&str, &[&str])] = &[
        (
            "Talks with Sadir Japarov in Xi'an ended.",
            &["Talks", "Sadir Japarov", "Xi'an"],
        ),
        // One region may hold several names: the tagger splits it.
        (
            "the Bank of England and the Bank for International Settlements",
            &["Bank of England and the Bank for International Settlements"],
        ),
        ("Abu Bakr al-Baghdadi spoke", &["Abu Bakr al-Baghdadi"]),
        (
            "Ludwig van der Berg met G20 leaders",
            &["Ludwig van der Berg", "G20"],
        ),
        ("a band from iPhone land", &["iPhone"]),
        // Connectors and numbers between names only, never at either end.
        ("talks of the week in Paris of", &["Paris"]),
        ("no names here at all.", &[]),
    ];

    #[test]
    fn regions_hold_capitalised_runs_and_what_joins_them() {
        for (sentence, expected) in REGION_CASES {
            let tokens = crate::token::tokenize(sentence, 0);
            let found: Vec<&str> = regions(&tokens)
                .into_iter()
                .map(|r| &sentence[tokens[r.start].span.start..tokens[r.end - 1].span.end])
                .collect();
            assert_eq!(&found, expected, "{sentence}");
        }
    }

    #[test]
    fn viterbi_finds_the_best_allowed_sequence() {
        let b_person = label(EntityType::Person, false);
        let i_person = label(EntityType::Person, true);
        let (b_org, i_org) = (label(EntityType::Org, false), label(EntityType::Org, true));
        let free = Slot {
            begin: true,
            inside: true,
        };
        let score = |pairs: &[(u8, i32)]| {
            let mut s = [0i32; LABELS];
            for &(l, v) in pairs {
                s[usize::from(l)] = v;
            }
            s
        };
        // Token 2 prefers I-ORG on its own, which cannot follow a person (and an organisation
        // cannot begin at token 1): the best allowed path continues the person instead.
        let emissions = [
            score(&[(b_person, 5)]),
            score(&[(i_person, 3), (b_org, -100)]),
            score(&[(i_org, 9), (i_person, 2)]),
        ];
        let none = |_: usize, _: u8| [0i32; LABELS];
        assert_eq!(
            viterbi(&emissions, &[free; 3], none),
            [b_person, i_person, i_person]
        );
        // A slot that may not continue a name splits it there.
        let split = [
            free,
            Slot {
                begin: true,
                inside: false,
            },
            free,
        ];
        assert_ne!(viterbi(&emissions, &split, none)[1], i_person);
        // Transitions count: a large reward for O after a person ends the name.
        let end_after_person = |_: usize, previous: u8| {
            if previous == b_person {
                score(&[(OUTSIDE, 100)])
            } else {
                [0; LABELS]
            }
        };
        assert_eq!(
            viterbi(&emissions, &[free; 3], end_after_person)[..2],
            [b_person, OUTSIDE]
        );
        assert!(viterbi::<i32>(&[], &[], none).is_empty());
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("Xi'an"), "Xx'x");
        assert_eq!(shape("SCO"), "X");
        assert_eq!(shape("G20"), "Xd");
    }

    #[test]
    fn the_model_format_keeps_weights_within_half_a_step() {
        let weights: Vec<f32> = (0..2 * LABELS).map(|i| (i as f32 - 9.0) * 37.5).collect();
        let bytes = Model::write(2, &weights, 1.0);
        let model = Model::parse(&bytes).expect("parses");
        // Magnitudes from 1 to 337.5 on LEVELS steps of one ratio: a weight is off by at most
        // half a step (10% with 31 levels), plus the rounding of scores to sixteenths.
        let ratio = 337.5f32.powf(1.0 / f32::from(LEVELS - 1));
        let mut scores = [0i32; LABELS];
        model.add(1, &mut scores);
        for (score, weight) in scores.iter().zip(&weights[LABELS..]) {
            let restored = *score as f32 / 16.0;
            assert!(
                (restored - weight).abs() <= (ratio.sqrt() - 1.0) * weight.abs() + 0.05,
                "{restored} for {weight}"
            );
        }
        assert!(Model::parse(&bytes[..bytes.len() - 1]).is_none());
    }
}
