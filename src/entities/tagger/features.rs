//! The features the tagger reads of a token: the word, its lower-case form, shape and affixes,
//! its neighbours, the gazetteer, and the rules' labels; hashed into the model's buckets.

use super::clusters::{cluster_of, Cluster};
use super::*;
use crate::gazetteer::Entry;
use crate::token::with_lowercase;

/// The start of the hash of the feature called `$name`, computed at compile time.
macro_rules! named {
    ($name:literal) => {
        const { Fnv::named($name) }
    };
}

/// What the features read of the tokens of a window of a sentence, worked out once per token
/// rather than once per feature that reads it: hashes of its lower-case form and shape, its
/// gazetteer entries. The tagger reads a window around each place a name can be, so the tokens
/// far from any cost nothing.
#[derive(Default)]
pub struct Facts {
    /// The index in the sentence of the window's first token.
    first: usize,
    /// By token of the window: the hashes of its lower-case form and shape, its gazetteer
    /// entries, its word cluster.
    tokens: Vec<(u32, u32, &'static [Entry], Cluster)>,
    /// A title-case line (a headline, a heading): capitals there say little.
    titlecase: bool,
}

impl Facts {
    /// The facts of the tokens of `window` in `view`'s sentence.
    pub fn of(view: &SentenceView, window: std::ops::Range<usize>) -> Facts {
        let mut facts = Facts::for_sentence(view);
        facts.read(view, window);
        facts
    }

    /// Facts that know the sentence, and no token yet ([`Facts::read`]).
    pub(crate) fn for_sentence(view: &SentenceView) -> Facts {
        let mut facts = Facts::default();
        facts.start_sentence(view);
        facts
    }

    /// Forgets the sentence before (keeping the buffer) and learns `view`'s.
    pub(crate) fn start_sentence(&mut self, view: &SentenceView) {
        let (mut words, mut capitalised) = (0, 0);
        for token in view.tokens {
            words += usize::from(token.is_word());
            capitalised += usize::from(token.is_capitalised());
        }
        self.first = 0;
        self.tokens.clear();
        self.titlecase = words >= 3 && capitalised * 4 >= words * 3;
    }

    /// Works out the facts of the tokens of `window`, keeping those of the last window that it
    /// shares (windows come in text order, and the windows of nearby names overlap). The
    /// features of token `i` read those of `i - 2 ..= i + 2`.
    pub(crate) fn read(&mut self, view: &SentenceView, window: std::ops::Range<usize>) {
        let known_end = self.first + self.tokens.len();
        if (self.first..known_end).contains(&window.start) {
            self.tokens.drain(..window.start - self.first);
        } else {
            self.tokens.clear();
        }
        self.first = window.start;
        self.tokens.truncate(window.len());
        let new = &view.tokens[window.start + self.tokens.len()..window.end];
        self.tokens.extend(new.iter().map(|t| {
            let listed = view.gazetteer.lookup(std::slice::from_ref(t));
            let lower = lower_hash(t.text);
            (lower, shape_hash(t.text), listed, cluster_of(lower))
        }));
    }

    /// The hash of token `i`'s [`shape`], which [`history_features`] reads.
    pub fn shape(&self, i: usize) -> u32 {
        self.tokens[i - self.first].1
    }

    fn lower(&self, i: usize) -> u32 {
        self.tokens[i - self.first].0
    }

    fn listed(&self, i: usize) -> &'static [Entry] {
        self.tokens[i - self.first].2
    }

    fn cluster(&self, i: usize) -> Cluster {
        self.tokens[i - self.first].3
    }
}

/// The features of token `i` that depend on the previous label: the label, and the label with
/// this token's shape ([`Facts::shape`]).
pub fn history_features(previous: u8, token_shape: u32, emit: &mut dyn FnMut(u32)) {
    emit(prev_feature(previous));
    emit(prev_shape_feature(previous, token_shape));
}

pub(crate) fn prev_feature(previous: u8) -> u32 {
    feature(named!(b"prev"), &[u32::from(previous)])
}

pub(crate) fn prev_shape_feature(previous: u8, token_shape: u32) -> u32 {
    feature(named!(b"prev+shape"), &[u32::from(previous), token_shape])
}

/// Calls `emit` with the hashed features of token `i` that do not depend on other labels. The
/// facts of tokens `i - 2 ..= i + 2` must have been worked out.
pub fn token_features(view: &SentenceView, facts: &Facts, i: usize, emit: &mut impl FnMut(u32)) {
    const NONE: u32 = u32::MAX;
    let tokens = view.tokens;
    let token = &tokens[i];
    let at = |j: isize| {
        usize::try_from(i as isize + j)
            .ok()
            .filter(|&k| k < tokens.len())
    };
    let (lower, shape) = (facts.lower(i), facts.shape(i));

    emit(feature(named!(b"bias"), &[]));
    emit(feature(named!(b"w"), &[lower]));
    emit(feature(named!(b"shape"), &[shape]));
    // The word as written: "Green" and "GREEN" and "green" differ in what they say.
    emit(feature(named!(b"wshape"), &[lower, shape]));
    affix_features(token.text, emit);
    if i == 0 {
        emit(feature(named!(b"first"), &[]));
    }
    if token.is_capitalised() && with_lowercase(token.text, |l| (view.written_lowercase)(l)) {
        emit(feature(named!(b"also-lowercase"), &[]));
    }
    for (offset, name) in [
        (-2isize, named!(b"w-2")),
        (-1, named!(b"w-1")),
        (1, named!(b"w+1")),
        (2, named!(b"w+2")),
    ] {
        emit(feature(
            name,
            &[at(offset).map_or(NONE, |k| facts.lower(k))],
        ));
    }
    // The word's cluster, fine and coarse, with its shape ("Xx" in the cluster of car makers);
    // and its neighbours' ("said" after, "in" before).
    let cluster = facts.cluster(i);
    emit(feature(named!(b"c+0"), &[u32::from(cluster.fine), shape]));
    emit(feature(named!(b"k+0"), &[u32::from(cluster.coarse), shape]));
    for (offset, name) in [(-1isize, named!(b"c-1")), (1, named!(b"c+1"))] {
        emit(feature(
            name,
            &[at(offset).map_or(NONE, |k| u32::from(facts.cluster(k).fine))],
        ));
    }
    if facts.titlecase {
        emit(feature(named!(b"titlecase"), &[shape]));
    }
    for (offset, name) in [(-1isize, named!(b"s-1")), (1, named!(b"s+1"))] {
        emit(feature(
            name,
            &[at(offset).map_or(NONE, |k| facts.shape(k)), shape],
        ));
    }
    for (offset, name) in [
        (-1isize, named!(b"r-1")),
        (0, named!(b"r+0")),
        (1, named!(b"r+1")),
    ] {
        let (rule, fine) = at(offset).map_or((u8::MAX, None), |k| view.rule_labels[k]);
        emit(feature(name, &[u32::from(rule)]));
        if offset == 0 {
            emit(feature(named!(b"fine"), &[fine.map_or(NONE, |k| k as u32)]));
            emit(feature(named!(b"rule+shape"), &[u32::from(rule), shape]));
        }
    }
    for (offset, name) in [
        (-1isize, named!(b"g-1")),
        (0, named!(b"g+0")),
        (1, named!(b"g+1")),
    ] {
        for entry in at(offset).map_or(&[][..], |k| facts.listed(k)) {
            emit(feature(
                name,
                &[entry.kind as u32, u32::from(entry.ambiguous)],
            ));
        }
    }
}

/// Prefixes of two and three letters and suffixes of two to four, of the lower-case word.
pub(crate) fn affix_features(text: &str, emit: &mut impl FnMut(u32)) {
    let mut prefix = [' '; 3];
    // The last five letters, enough for every suffix.
    let mut last = [' '; 5];
    let mut len = 0;
    if text.is_ascii() {
        // Most words: letters are bytes, read from both ends without decoding.
        let bytes = text.as_bytes();
        len = bytes.len();
        for (slot, &b) in prefix.iter_mut().zip(bytes) {
            *slot = char::from(b.to_ascii_lowercase());
        }
        for (slot, &b) in last.iter_mut().rev().zip(bytes.iter().rev()) {
            *slot = char::from(b.to_ascii_lowercase());
        }
    } else {
        for c in text.chars().flat_map(char::to_lowercase) {
            if len < 3 {
                prefix[len] = c;
            }
            last.copy_within(1.., 0);
            last[4] = c;
            len += 1;
        }
    }
    let hash_chars = |name: Fnv, part: &[char]| {
        let mut h = name;
        for &c in part {
            h.write(c as u32);
        }
        h.0
    };
    for n in [2, 3] {
        if len > n {
            emit(hash_chars(named!(b"pre"), &prefix[..n]));
        }
    }
    for n in [2, 3, 4] {
        if len > n {
            emit(hash_chars(named!(b"suf"), &last[5 - n..]));
        }
    }
}

/// FNV-1a of the lower-cased word.
pub(crate) fn lower_hash(text: &str) -> u32 {
    let mut h = named!(b"");
    if text.is_ascii() {
        for b in text.bytes() {
            h.byte(b.to_ascii_lowercase());
        }
    } else {
        for c in text.chars().flat_map(char::to_lowercase) {
            h.write(c as u32);
        }
    }
    h.0
}

/// FNV-1a of [`shape`], without building the string.
pub(crate) fn shape_hash(text: &str) -> u32 {
    let mut h = named!(b"");
    let mut last = '\0';
    for class in text.chars().map(shape_class) {
        if class != last {
            h.write(class as u32);
            last = class;
        }
    }
    h.0
}

pub(crate) fn shape_class(c: char) -> char {
    match c {
        'A'..='Z' => 'X',
        'a'..='z' => 'x',
        '0'..='9' => 'd',
        _ if c.is_ascii() => c,
        _ if c.is_uppercase() => 'X',
        _ if c.is_lowercase() => 'x',
        _ if c.is_numeric() => 'd',
        _ => c,
    }
}

/// "Xi'an" → "Xx'x", "SCO" → "X", "G20" → "Xd": character classes with runs collapsed.
pub fn shape(text: &str) -> String {
    let mut out = String::new();
    for class in text.chars().map(shape_class) {
        if !out.ends_with(class) {
            out.push(class);
        }
    }
    out
}

/// FNV-1a: stable across platforms and Rust versions, so a model trained on one machine reads
/// the same on another.
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u32);

impl Fnv {
    /// Begins with a feature's name; a `const` so that each name is hashed once, when compiled.
    const fn named(name: &[u8]) -> Fnv {
        let mut h = Fnv(0x811c_9dc5);
        let mut i = 0;
        while i < name.len() {
            h.byte(name[i]);
            i += 1;
        }
        h.byte(0xff);
        h
    }

    const fn byte(&mut self, b: u8) {
        self.0 ^= b as u32;
        self.0 = self.0.wrapping_mul(0x0100_0193);
    }

    fn write(&mut self, value: u32) {
        for b in value.to_le_bytes() {
            self.byte(b);
        }
    }
}

/// A feature: its name (`Fnv::named`, worked out when compiled) and values, hashed.
pub(crate) fn feature(name: Fnv, values: &[u32]) -> u32 {
    let mut h = name;
    for &v in values {
        h.write(v);
    }
    h.0
}
