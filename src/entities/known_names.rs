use crate::entities::lexicon::ends_in_company_form;
use crate::entities::names::{push_spelling_key, spelling_key};
use crate::entities::scanner::Unresolved;
use crate::entities::{EntityType, Mention};
use crate::hash::{FastMap, FastSet};
use crate::token::Token;
use crate::Span;

/// "Henderson" after "Fritz Henderson" is the person, not the town the gazetteer lists: a
/// one-word place spelled like the surname of a person the article names is that person.
pub(crate) fn retype_places_named_as_surnames(text: &str, found: &mut [Mention]) {
    let surnames: FastSet<String> = found
        .iter()
        .filter(|m| m.kind == EntityType::Person)
        .filter_map(|m| {
            let (_, last) = text[m.span.start..m.span.end].rsplit_once(' ')?;
            Some(spelling_key(last))
        })
        .collect();
    if surnames.is_empty() {
        return;
    }
    for mention in found.iter_mut() {
        let surface = &text[mention.span.start..mention.span.end];
        let place = matches!(mention.kind, EntityType::Gpe | EntityType::Loc);
        if place && !surface.contains(' ') && surnames.contains(&spelling_key(surface)) {
            mention.kind = EntityType::Person;
            mention.canonical = None;
        }
    }
}

/// Second pass: a span no rule typed is a mention when the article named it already, whole
/// ("Japarov" after "Sadyr Japarov") or by a variant spelling ("Zaparov"); a span whose shape
/// suggested a type takes the type the article gives the same name elsewhere, else its guess.
pub(crate) fn resolve_known_names(text: &str, found: &mut Vec<Mention>, unresolved: &[Unresolved]) {
    if unresolved.is_empty() {
        return;
    }
    let mut known = KnownNames::default();
    for mention in found.iter() {
        let key = &mention.key;
        // "Apple Inc." is "Apple" from then on.
        let surface = &text[mention.span.start..mention.span.end];
        if mention.kind == EntityType::Org && ends_in_company_form(surface) {
            if let Some((without_form, _)) = key.rsplit_once(' ') {
                known.add(without_form, EntityType::Org);
            }
        }
        known.add(key, mention.kind);
    }
    // Guesses come after what the rules were sure of, so a sure type wins.
    let all_keys = SpanKeyLists::of(unresolved.iter().map(|c| c.run));
    let keys: Vec<SpanKeys> = all_keys.iter().collect();
    let products: FastSet<&str> = unresolved
        .iter()
        .zip(&keys)
        .filter(|(candidate, _)| candidate.product)
        .map(|(_, keys)| keys.whole())
        .collect();
    for (candidate, keys) in unresolved.iter().zip(&keys) {
        if let Some(guess) = candidate.guess.filter(|_| !products.contains(keys.whole())) {
            known.add(keys.whole(), guess);
        }
    }
    // Added once the names are all asked: the names borrow the keys of the mentions found.
    let mut resolved = Vec::new();
    for (candidate, keys) in unresolved.iter().zip(&keys) {
        let run = candidate.run;
        let mention = |from: usize, to: usize, kind| {
            Mention::found(
                Span::new(run[from].span.start, run[to - 1].span.end),
                kind,
                candidate.sentence,
            )
        };
        if candidate.product || (candidate.guess.is_some() && products.contains(keys.whole())) {
            continue;
        }
        if let Some(guess) = candidate.guess {
            let kind = known.names.get(keys.whole()).copied().unwrap_or(guess);
            resolved.push(mention(0, run.len(), kind));
            continue;
        }
        let mut i = 0;
        while i < run.len() {
            let hit = (i + 1..=run.len().min(i + known.longest))
                .rev()
                .find_map(|j| known.names.get(keys.words(i, j)).map(|&kind| (j, kind)));
            match hit {
                Some((j, kind)) => {
                    resolved.push(mention(i, j, kind));
                    i = j;
                }
                None => i += 1,
            }
        }
    }
    found.extend(resolved);
}

/// The spelling keys of an unresolved span's words, joined by spaces, with where each word's
/// key lies in the joined key: any run of its words is then a slice, found without joining.
#[derive(Clone, Copy)]
pub(crate) struct SpanKeys<'k> {
    /// Byte ranges of `buffer` (see [`SpanKeyLists`]), one per word (a span has one at least).
    pub(crate) words: &'k [Span],
    pub(crate) buffer: &'k str,
}

impl<'k> SpanKeys<'k> {
    pub(crate) fn whole(&self) -> &'k str {
        self.words(0, self.words.len())
    }

    /// The key of words `from..to`, as joined.
    pub(crate) fn words(&self, from: usize, to: usize) -> &'k str {
        &self.buffer[self.words[from].start..self.words[to - 1].end]
    }
}

/// The [`SpanKeys`] of many spans in one string and one vector: two allocations per span were a
/// tenth of those an analysis made.
pub(crate) struct SpanKeyLists {
    pub(crate) buffer: String,
    pub(crate) words: Vec<Span>,
    /// Where each span's words end in `words`.
    pub(crate) ends: Vec<usize>,
}

impl SpanKeyLists {
    pub(crate) fn of<'r, 'a: 'r>(
        runs: impl Iterator<Item = &'r [Token<'a>]> + Clone,
    ) -> SpanKeyLists {
        // Keys are about as long as their words: folding drops and replaces letters.
        let bytes = runs.clone().flatten().map(|t| t.text.len() + 1).sum();
        let mut lists = SpanKeyLists {
            buffer: String::with_capacity(bytes),
            words: Vec::with_capacity(runs.clone().map(<[Token]>::len).sum()),
            ends: Vec::with_capacity(runs.clone().count()),
        };
        for run in runs {
            for (i, token) in run.iter().enumerate() {
                if i > 0 {
                    lists.buffer.push(' ');
                }
                let start = lists.buffer.len();
                push_spelling_key(token.text, &mut lists.buffer);
                lists.words.push(Span::new(start, lists.buffer.len()));
            }
            lists.ends.push(lists.words.len());
        }
        lists
    }

    /// Each span's keys, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = SpanKeys<'_>> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(&self.ends).map(|(start, &end)| SpanKeys {
            words: &self.words[start..end],
            buffer: &self.buffer,
        })
    }
}

/// The names an article has typed, by the spelling keys of their words, joined by spaces
/// (borrowed from the mentions and spans keyed).
#[derive(Default)]
pub(crate) struct KnownNames<'k> {
    pub(crate) names: FastMap<&'k str, EntityType>,
    /// No known name is longer than this many words, so no longer span is looked up: without
    /// the bound a long capitalised line costs time cubic in its length.
    pub(crate) longest: usize,
}

impl<'k> KnownNames<'k> {
    /// Adds a name by its joined key (the first type given to a name stays); a person's single
    /// words too, for the surname-only mentions that follow ("Li" after "Li Qiang").
    pub(crate) fn add(&mut self, key: &'k str, kind: EntityType) {
        // Split by bytes: keys are short, and a `str` pattern search costs a call per word.
        let spaces = key.bytes().filter(|&b| b == b' ').count();
        if kind == EntityType::Person && spaces > 0 {
            let mut start = 0;
            for (at, b) in key.bytes().enumerate().chain([(key.len(), b' ')]) {
                if b == b' ' {
                    self.names.entry(&key[start..at]).or_insert(kind);
                    start = at + 1;
                }
            }
        }
        self.longest = self.longest.max(spaces + 1);
        self.names.entry(key).or_insert(kind);
    }
}
