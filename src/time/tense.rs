//! Which way a time expression points: the tense of the words nearest to it in its sentence.
//! "Xi met Japarov on Friday" looks back; "Xi will travel to Astana on Friday" looks ahead; in
//! "officials said the talks will resume on Friday" the nearer "will" wins over "said".

use std::sync::OnceLock;

use crate::hash::{packed, FastMap, WordShapes};
use crate::token::is_ascii_alnum;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Tense {
    Past,
    Future,
    #[default]
    Unknown,
}

/// The tense markers of one sentence, found once and asked for each expression in it. One
/// reader serves every sentence of an article ([`SentenceTenses::read`]), keeping its buffers.
#[derive(Default)]
pub struct SentenceTenses {
    /// Where each word starts (bytes).
    starts: Vec<usize>,
    /// The words that mark a tense, in order, as (word index, tense): each question is two
    /// binary searches, not a walk (a long sentence holds many expressions).
    markers: Vec<(usize, Tense)>,
    /// Verbs of saying ("said", "told", "added"): they date the saying, not what was said, so
    /// they count only where no other marker does ("X will visit on Friday, he said").
    reporting: Vec<(usize, Tense)>,
    /// Where "by" stands: "due by January 15" is a deadline ahead.
    bys: Vec<usize>,
}

impl SentenceTenses {
    #[cfg(test)]
    pub fn new(sentence: &str) -> SentenceTenses {
        let mut tenses = SentenceTenses::default();
        tenses.read(sentence);
        tenses
    }

    /// Forgets the sentence read before and reads `sentence`.
    pub fn read(&mut self, sentence: &str) {
        self.starts.clear();
        self.markers.clear();
        self.reporting.clear();
        self.bys.clear();
        // A word and the byte after it take two bytes: room for every word before reading them.
        self.starts.reserve(sentence.len().div_ceil(2));
        if sentence.is_ascii() {
            self.read_words(ascii_words(sentence));
        } else {
            self.read_words(any_words(sentence));
        }
    }

    /// Reads the words (with where each starts) one ahead: a word's tense can depend on its
    /// neighbours ("has signed", "going to").
    fn read_words<'s>(&mut self, mut words: impl Iterator<Item = (usize, &'s str)>) {
        let table = marker_words();
        // Only words shaped like a listed one need their key: the others match no list.
        let key = |word: (usize, &str)| {
            Some(word.1.as_bytes())
                .filter(|w| table.shapes.may_hold(w))
                .and_then(packed)
        };
        let mut current = words.next();
        let (mut previous_key, mut current_key) = (None, current.and_then(key));
        while let Some((start, word)) = current {
            let next = words.next();
            let next_key = next.and_then(key);
            if word.eq_ignore_ascii_case("by") {
                self.bys.push(self.starts.len());
            }
            if let Some(tense) = marker(table, previous_key, word, current_key, next_key) {
                let reports = current_key.is_some_and(|k| table.reporting.contains(&k));
                let list = if reports {
                    &mut self.reporting
                } else {
                    &mut self.markers
                };
                list.push((self.starts.len(), tense));
            }
            self.starts.push(start);
            (previous_key, current, current_key) = (current_key, next, next_key);
        }
    }

    /// The tense nearest to byte `at` (where the expression starts); markers before the
    /// expression count a little nearer than those after it.
    pub fn at(&self, at: usize) -> Tense {
        let here = self.starts.partition_point(|&start| start < at);
        // "by" + a date is a deadline, ahead unless the verbs say it is past ("had fallen by
        // March").
        if here > 0 && self.bys.binary_search(&(here - 1)).is_ok() {
            return match nearest(&self.markers, here) {
                Tense::Past => Tense::Past,
                _ => Tense::Future,
            };
        }
        // "said on Sunday" dates the saying: a verb of saying just before the expression
        // counts as any marker does.
        let first_after = self.reporting.partition_point(|&(i, _)| i < here);
        let saying_just_before = first_after
            .checked_sub(1)
            .map(|k| self.reporting[k])
            .filter(|&(i, _)| here - 1 - i <= SAYING_REACH);
        if let Some((i, tense)) = saying_just_before {
            let stronger = self.markers.iter().any(|&(j, _)| j > i && j < here);
            if !stronger {
                return tense;
            }
        }
        match nearest(&self.markers, here) {
            Tense::Unknown => nearest(&self.reporting, here),
            tense => tense,
        }
    }
}

/// How many words may stand between a verb of saying and the expression it dates ("told
/// reporters on Monday").
const SAYING_REACH: usize = 3;

/// The tense of the marker of `markers` nearest to word `here`.
fn nearest(markers: &[(usize, Tense)], here: usize) -> Tense {
    {
        let first_after = markers.partition_point(|&(i, _)| i < here);
        let before = first_after
            .checked_sub(1)
            .map(|k| markers[k])
            .map(|(i, tense)| ((here - 1 - i) * 2 + 1, tense));
        let after = markers
            .get(first_after)
            .map(|&(i, tense)| ((i - here) * 2 + 2, tense));
        match (before, after) {
            (Some(b), Some(a)) => {
                if b.0 < a.0 {
                    b.1
                } else {
                    a.1
                }
            }
            (b, a) => b.or(a).map_or(Tense::Unknown, |(_, tense)| tense),
        }
    }
}

/// The tense nearest to byte `at` (where the expression starts) in `sentence`.
#[cfg(test)]
pub fn tense_at(sentence: &str, at: usize) -> Tense {
    SentenceTenses::new(sentence).at(at)
}

/// The words (runs of letters and digits) of `sentence`, with where each starts.
fn any_words(sentence: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = sentence.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let mut start = None;
        while at <= bytes.len() {
            // ASCII bytes are tested as bytes; other characters decoded (most text is ASCII).
            let (is_word, len) = match bytes.get(at) {
                None => (false, 1),
                Some(b) if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
                Some(_) => {
                    let c = sentence[at..].chars().next().unwrap_or(' ');
                    (crate::text::is_word_char(c), c.len_utf8())
                }
            };
            match (is_word, start) {
                (true, None) => start = Some(at),
                (false, Some(s)) => return Some((s, &sentence[s..at])),
                _ => {}
            }
            at += len;
        }
        None
    })
}

/// [`any_words`] of an ASCII sentence (most of them), a run of bytes at a time.
fn ascii_words(sentence: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = sentence.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let start = at
                + bytes[at..]
                    .iter()
                    .take_while(|&&b| !is_ascii_alnum(b))
                    .count();
            at = start
                + bytes[start..]
                    .iter()
                    .take_while(|&&b| is_ascii_alnum(b))
                    .count();
            if at > start {
                return Some((start, &sentence[start..at]));
            }
        }
        None
    })
}

/// The tense `word` (packed into `key`) marks, between the words before and after it.
fn marker(
    table: &MarkerWords,
    previous: Option<(u64, u64)>,
    word: &str,
    key: Option<(u64, u64)>,
    next: Option<(u64, u64)>,
) -> Option<Tense> {
    // "to be published", "will be paid", "has signed": a participle after an auxiliary is no
    // past tense of its own.
    let after_auxiliary = previous.is_some_and(|p| table.auxiliaries.contains(&p));
    if let Some(listed) = key.and_then(|k| table.words.get(&k)) {
        let tense = if next == Some(table.to) {
            listed.before_to
        } else {
            listed.alone
        };
        return tense.filter(|&t| !(t == Tense::Past && after_auxiliary));
    }
    let bytes = word.as_bytes();
    let ends_with = |end: &[u8]| {
        bytes.len() >= end.len() && bytes[bytes.len() - end.len()..].eq_ignore_ascii_case(end)
    };
    (bytes.len() >= 5 && ends_with(b"ed") && !ends_with(b"eed") && !after_auxiliary)
        .then_some(Tense::Past)
}

/// What a listed word marks: alone, and before "to" ("due to", "set to", "plans to").
#[derive(Clone, Copy)]
struct Listed {
    alone: Option<Tense>,
    before_to: Option<Tense>,
}

/// The listed words by their packed keys (a hash probe per word: this is asked of every word of
/// every sentence with a date in it, and comparing each word with each listed one cost more).
struct MarkerWords {
    words: FastMap<(u64, u64), Listed>,
    auxiliaries: [(u64, u64); AUXILIARIES.len()],
    reporting: [(u64, u64); REPORTING.len()],
    to: (u64, u64),
    /// The shapes of every word above, auxiliaries and "to" among them.
    shapes: WordShapes,
}

/// Words that mark the future wherever they stand.
const FUTURE: &[&str] = &[
    "will",
    "ll",
    "shall",
    "won",
    "upcoming",
    "until",
    "till",
    "tomorrow",
    "scheduled",
    "expected",
    "planned",
    "proposed",
];
/// Words that mark the future before "to"; alone, only those also in [`FUTURE`] do (none of the
/// others ends in "-ed", so the participle rule has nothing to say of them either).
const FUTURE_BEFORE_TO: &[&str] = &[
    "going",
    "due",
    "set",
    "plans",
    "plan",
    "planned",
    "scheduled",
    "expected",
];
/// Verbs of saying, past or present: weaker markers than any other (see
/// [`SentenceTenses::at`]).
const REPORTING: [&str; 10] = [
    "said",
    "says",
    "told",
    "added",
    "stated",
    "announced",
    "noted",
    "reported",
    "confirmed",
    "explained",
];
/// Present forms: no tense of their own.
const PRESENT: &[&str] = &["is", "are", "am", "has", "have", "says", "say"];
/// Auxiliaries after which a participle ("published", "signed") marks no past.
const AUXILIARIES: [&str; 8] = ["be", "been", "being", "is", "are", "am", "has", "have"];
/// Common irregular past forms in news copy.
const IRREGULAR_PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "told",
    "met",
    "made",
    "took",
    "came",
    "went",
    "rose",
    "fell",
    "held",
    "began",
    "won",
    "lost",
    "gave",
    "saw",
    "left",
    "sent",
    "spoke",
    "paid",
    "sold",
    "bought",
    "hit",
    "struck",
    "brought",
    "built",
    "chose",
    "drove",
    "flew",
    "found",
    "got",
    "grew",
    "heard",
    "kept",
    "knew",
    "led",
    "meant",
    "ran",
    "shot",
    "sought",
    "stood",
    "taught",
    "thought",
    "threw",
    "understood",
    "wrote",
    "ago",
    "yesterday",
    "earlier",
    "last",
    "killed",
    "became",
    "broke",
    "caught",
    "fought",
    "felt",
    "put",
    "quit",
    "read",
    "signed",
];

fn marker_words() -> &'static MarkerWords {
    static TABLE: OnceLock<MarkerWords> = OnceLock::new();
    TABLE.get_or_init(|| {
        let key = |w: &str| packed(w.as_bytes()).expect("listed words are short");
        let mut words = FastMap::default();
        // Lowest precedence first, so that a later list overrides an earlier one: "won" marks
        // the future (as in "won't") before it is the past of "win".
        let mut add = |list: &[&str], marks| {
            for w in list {
                words.insert(
                    key(w),
                    Listed {
                        alone: marks,
                        before_to: marks,
                    },
                );
            }
        };
        add(IRREGULAR_PAST, Some(Tense::Past));
        add(PRESENT, None);
        add(FUTURE, Some(Tense::Future));
        for w in FUTURE_BEFORE_TO {
            let alone = words.get(&key(w)).and_then(|l: &Listed| l.alone);
            words.insert(
                key(w),
                Listed {
                    alone,
                    before_to: Some(Tense::Future),
                },
            );
        }
        let mut shapes = WordShapes::new();
        for w in [
            IRREGULAR_PAST,
            PRESENT,
            FUTURE,
            FUTURE_BEFORE_TO,
            &AUXILIARIES,
            &REPORTING,
            &["to"],
        ]
        .concat()
        {
            shapes.add(w.as_bytes());
        }
        MarkerWords {
            words,
            auxiliaries: AUXILIARIES.map(key),
            reporting: REPORTING.map(key),
            to: key("to"),
            shapes,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `tense_at` does what its documentation says.
    #[test]
    fn tense_at_as_documented() {
        let s = "Officials said the talks will resume on Friday.";
        assert_eq!(tense_at(s, s.find("Friday").unwrap()), Tense::Future);
        let s = "The talks resumed on Friday, and more will follow.";
        assert_eq!(tense_at(s, s.find("Friday").unwrap()), Tense::Past);
    }

    fn at(sentence: &str, word: &str) -> Tense {
        tense_at(sentence, sentence.find(word).unwrap())
    }

    #[test]
    fn ascii_sentences_split_alike_either_way() {
        for s in [
            "",
            " ",
            "He said: \"we'll go\" on 5/19, 2023-05-19T10:00!",
            "a1b2  --  C3d4.",
            "x",
        ] {
            assert!(ascii_words(s).eq(any_words(s)), "{s:?}");
        }
    }

    #[test]
    fn the_nearest_marker_wins() {
        assert_eq!(
            at("Russian markets will remain closed until Friday.", "Friday"),
            Tense::Future
        );
        assert_eq!(at("He arrived on Friday.", "Friday"), Tense::Past);
        assert_eq!(at("He is in Astana on Friday.", "Friday"), Tense::Unknown);
        assert_eq!(
            at("The summit is scheduled for June.", "June"),
            Tense::Future
        );
        assert_eq!(
            at("The book is due to be published in May.", "May"),
            Tense::Future
        );
        // "would" is future only from the saying, which may lie in the past ("In January the
        // minister said elections would be held in March"): it marks nothing.
        assert_eq!(
            at(
                "In January he said elections would be held in March.",
                "March"
            ),
            Tense::Past
        );
    }

    /// The nearest marker found by walking out from the expression word by word: `at`'s two
    /// binary searches over the markers must agree with it everywhere.
    fn walked(tenses: &SentenceTenses, at: usize) -> Tense {
        let mut words = vec![None; tenses.starts.len()];
        for &(i, tense) in &tenses.markers {
            words[i] = Some(tense);
        }
        let here = tenses.starts.partition_point(|&start| start < at);
        let before = (0..here).rev().find(|&i| words[i].is_some());
        let after = (here..words.len()).find(|&i| words[i].is_some());
        let nearest = match (before, after) {
            (Some(b), Some(a)) => Some(if (here - 1 - b) * 2 + 1 < (a - here) * 2 + 2 {
                b
            } else {
                a
            }),
            (b, a) => b.or(a),
        };
        nearest.and_then(|i| words[i]).unwrap_or_default()
    }

    #[test]
    fn verbs_of_saying_date_only_what_they_stand_next_to() {
        let s = "The cabinet will discuss the plan on Wednesday, a spokesperson said.";
        assert_eq!(at(s, "Wednesday"), Tense::Future);
        let s = "Work will begin in April, the director said on Sunday.";
        assert_eq!(at(s, "Sunday"), Tense::Past);
        let s = "Indonesia will cut quotas, the minister told reporters on Monday.";
        assert_eq!(at(s, "Monday"), Tense::Past);
        let s = "The arrears will be paid in December.";
        assert_eq!(at(s, "December"), Tense::Future);
        let s = "Filings are due by January 15, the regulator said.";
        assert_eq!(at(s, "January"), Tense::Future);
        let s = "Prices had fallen 5% by March.";
        assert_eq!(at(s, "March"), Tense::Past);
    }

    #[test]
    fn nearest_markers_agree_with_walking_out() {
        for sentence in [
            "Officials said the talks will resume on Friday, and more talks followed in May.",
            "He arrived on Friday.",
            "On Friday it rained, it will rain, it rained, it is raining now and then.",
            "",
            "will",
            "Markets closed. Markets will open. Nothing else.",
        ] {
            let tenses = SentenceTenses::new(sentence);
            for at in 0..=sentence.len() {
                let here = tenses.starts.partition_point(|&start| start < at);
                assert_eq!(
                    nearest(&tenses.markers, here),
                    walked(&tenses, at),
                    "{sentence:?} at {at}"
                );
            }
        }
    }
}
