//! Named entities: find mentions in sentences ([`recognise`]), then merge the mentions that name
//! the same real-world referent ([`merge`]).

mod aliases;
mod common_words;
mod companies;
mod context;
mod evidence;
mod known_names;
mod lexicon;
mod lowercase_places;
pub mod merge;
pub mod names;
pub mod recognise;
mod scanner;
mod side_by_side;
mod slot_names;
pub mod tagger;

use crate::Span;

/// The OntoNotes-style types the page colours and the JSON reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    Person,
    Org,
    Gpe,
    Loc,
    Fac,
    Norp,
    Event,
}

impl EntityType {
    /// Every type, in declaration order (`kind as usize` indexes it).
    pub(crate) const ALL: [EntityType; 7] = [
        EntityType::Person,
        EntityType::Org,
        EntityType::Gpe,
        EntityType::Loc,
        EntityType::Fac,
        EntityType::Norp,
        EntityType::Event,
    ];

    pub fn label(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Fac => "FAC",
            EntityType::Norp => "NORP",
            EntityType::Event => "EVENT",
        }
    }
}

/// One occurrence of a name in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub kind: EntityType,
    /// The gazetteer's name for this variant ("Kyrgyz Republic" → "Kyrgyzstan"), if it has one.
    pub canonical: Option<&'static str>,
    /// Index of the sentence the mention is in.
    pub sentence: usize,
    /// The spelling key of its text ([`names::phrase_key`]): made once, when recognition is
    /// done, and compared both there and when mentions are merged. Empty until then.
    pub key: Key,
}

impl Mention {
    /// A mention a rule found, without a canonical name or a spelling key yet.
    pub(crate) fn found(span: Span, kind: EntityType, sentence: usize) -> Mention {
        Mention {
            span,
            kind,
            canonical: None,
            sentence,
            key: Key::default(),
        }
    }
}

/// A mention's spelling key, shared by every mention of the same name: a copy of a mention
/// (and an article names "U.S." a hundred times) copies no text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Key(Option<std::rc::Rc<str>>);

impl Key {
    pub fn as_str(&self) -> &str {
        self.0.as_deref().unwrap_or("")
    }

    /// Forgets the key, for a mention whose span or words changed.
    pub fn clear(&mut self) {
        self.0 = None;
    }
}

impl std::ops::Deref for Key {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for Key {
    fn from(key: String) -> Key {
        Key((!key.is_empty()).then(|| key.into()))
    }
}

/// Sorts mentions by where they start, keeping the order of mentions that start together: one
/// sort for every step that adds mentions (each closure of its own would be its own copy of
/// the sort in the .wasm).
pub(crate) fn in_text_order(mentions: &mut [Mention]) {
    mentions.sort_by_key(|m| m.span.start);
}

/// Whether `span` overlaps a mention of `sorted` (in text order, without overlaps): a binary
/// search, so that a sentence of 100,000 names is not compared pair by pair.
pub(crate) fn overlaps_any(sorted: &[Mention], span: Span) -> bool {
    let next = sorted.partition_point(|m| m.span.end <= span.start);
    sorted.get(next).is_some_and(|m| m.span.start < span.end)
}

/// Adds a mention of `kind` for every token of `sentences` written as one of `words` that no
/// mention of `found` (in text order, without overlaps; it stays so) covers: a name the article
/// defined once, written again ("JTSU", "Okello").
pub(crate) fn mention_every(
    sentences: &crate::token::TokenLists,
    words: &[&str],
    kind: EntityType,
    found: &mut Vec<Mention>,
) {
    let words: crate::hash::FastSet<&str> = words.iter().copied().collect();
    let mut again = Vec::new();
    for (index, tokens) in sentences.iter().enumerate() {
        for token in tokens.iter().filter(|t| words.contains(t.text)) {
            if !overlaps_any(found, token.span) {
                again.push(Mention::found(token.span, kind, index));
            }
        }
    }
    found.extend(again);
    in_text_order(found);
}

/// Phrases (words separated by single spaces) by their first word, so that a token costs one
/// lookup however many phrases there are.
pub(crate) struct PhraseIndex<'p>(crate::hash::FastMap<&'p str, Vec<Vec<&'p str>>>);

impl<'p> PhraseIndex<'p> {
    pub(crate) fn of(phrases: impl Iterator<Item = &'p str>) -> PhraseIndex<'p> {
        let mut by_first = crate::hash::FastMap::default();
        for phrase in phrases {
            let words: Vec<&str> = phrase.split(' ').collect();
            by_first
                .entry(words[0])
                .or_insert_with(Vec::new)
                .push(words);
        }
        PhraseIndex(by_first)
    }

    /// Whether `tokens` are written exactly as one of the phrases.
    pub(crate) fn holds(&self, tokens: &[crate::token::Token]) -> bool {
        self.lengths_at(tokens, 0).any(|n| n == tokens.len())
    }

    /// How many tokens each phrase written at `tokens[i]` takes.
    fn lengths_at<'a>(
        &'a self,
        tokens: &'a [crate::token::Token],
        i: usize,
    ) -> impl Iterator<Item = usize> + 'a {
        let candidates = tokens.get(i).and_then(|t| self.0.get(t.text));
        candidates.into_iter().flatten().filter_map(move |words| {
            let run = tokens.get(i..i + words.len())?;
            run.iter()
                .zip(words)
                .all(|(t, w)| t.text == *w)
                .then_some(words.len())
        })
    }
}

/// Whether a name read as `kind` is read again as `wanted` where its slot or a list says so: a
/// person or an organisation becomes a place, a person or a place an organisation.
pub(crate) fn retypes(kind: EntityType, wanted: EntityType) -> bool {
    match wanted {
        EntityType::Gpe => matches!(kind, EntityType::Person | EntityType::Org),
        EntityType::Org => matches!(kind, EntityType::Person | EntityType::Gpe | EntityType::Loc),
        _ => false,
    }
}

/// Makes each place where `sentences` write a phrase of `index`, where the tokens after it let
/// it `stand`, a mention of `kind`: a new one where no mention of `found` overlaps it, or the
/// mention of exactly its span retyped ([`retypes`]). `found` is in text order without overlaps
/// and stays so.
pub(crate) fn mention_phrases(
    sentences: &crate::token::TokenLists,
    index: &PhraseIndex,
    kind: EntityType,
    stands: impl Fn(&[crate::token::Token]) -> bool,
    found: &mut Vec<Mention>,
) {
    if index.0.is_empty() {
        return;
    }
    let mut added = Vec::new();
    for (sentence, tokens) in sentences.iter().enumerate() {
        for i in 0..tokens.len() {
            for n in index.lengths_at(tokens, i) {
                if !stands(&tokens[i + n..]) {
                    continue;
                }
                let span = Span::new(tokens[i].span.start, tokens[i + n - 1].span.end);
                match found.binary_search_by_key(&span.start, |m| m.span.start) {
                    Ok(at) if found[at].span == span => {
                        let m = &mut found[at];
                        if retypes(m.kind, kind) {
                            m.kind = kind;
                            m.canonical = None;
                        }
                    }
                    _ if !overlaps_any(found, span) => {
                        added.push(Mention::found(span, kind, sentence));
                    }
                    _ => {}
                }
            }
        }
    }
    if !added.is_empty() {
        found.extend(added);
        in_text_order(found);
    }
}

/// One real-world referent with all its mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity<'t> {
    /// 1-based, in order of first mention (0 would be falsy in JavaScript).
    pub id: u32,
    pub kind: EntityType,
    /// A spelling in the text or the gazetteer's name: borrowed from either, never copied.
    pub name: &'t str,
    /// Other spellings found in the text, in order of appearance.
    pub aliases: Vec<&'t str>,
    /// Indices into the mention list.
    pub mentions: Vec<usize>,
}

/// What the case tables of the rule files share: an article analysed as of 12 March 2024, and
/// the check that it holds some mentions and no name spelled as others.
#[cfg(test)]
pub(crate) mod cases {
    use crate::{analyse, Options};

    /// The mentions of `text`, as (text, type).
    pub(crate) fn mentions_of(text: &str) -> Vec<(String, &'static str)> {
        let options = Options::parse(Some("2024-03-12"), None).unwrap();
        let analysis = analyse(text, &options);
        analysis
            .mentions
            .iter()
            .map(|m| (m.text.to_string(), m.kind))
            .collect()
    }

    /// Asserts that `text` holds each of `wanted` (text, type) and no mention spelled as one
    /// of `no_names`.
    pub(crate) fn assert_mentions(text: &str, wanted: &[(&str, &str)], no_names: &[&str]) {
        let found = mentions_of(text);
        for &(name, kind) in wanted {
            assert!(
                found.iter().any(|(t, k)| t == name && *k == kind),
                "{name:?} {kind} in {text:?}: {found:?}"
            );
        }
        for word in no_names {
            assert!(
                found.iter().all(|(t, _)| t != word),
                "{word:?} in {text:?}: {found:?}"
            );
        }
    }

    /// A table of (article, mentions that must be found, mentions that must not be) rows.
    pub(crate) type TypedCases<'a> =
        &'a [(&'a str, &'a [(&'a str, &'a str)], &'a [(&'a str, &'a str)])];

    /// Asserts each row of `cases`: its article holds the wanted mentions (text and type) and
    /// none of the unwanted ones.
    pub(crate) fn assert_typed_cases(cases: TypedCases) {
        for &(text, wanted, unwanted) in cases {
            assert_mentions(text, wanted, &[]);
            let found = mentions_of(text);
            for &(name, kind) in unwanted {
                assert!(
                    !found.iter().any(|(t, k)| t == name && *k == kind),
                    "{name:?} {kind} in {text:?}: {found:?}"
                );
            }
        }
    }
}
