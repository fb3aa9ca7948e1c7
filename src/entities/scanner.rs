use crate::entities::common_words::CommonWords;
use crate::entities::lexicon::{
    entity_type, has_head_before_remit, is_connector, is_entity_kind, is_roman_numeral,
    is_sentence_starter, law_name_start, ABBREVIATED_ORG_FORMS, CREDIT_WORDS, EVENT_FIRST_WORDS,
    EVENT_HEADS, FAC_HEADS, FEATURE_FIRST_WORDS, GPE_HEADS, LOC_HEADS, NOUN_ENDINGS,
    ORG_DESCRIPTORS, ORG_HEADS, SETTLEMENT_FIRST_WORDS, SPEECH_VERBS,
};

use crate::entities::{EntityType, Key, Mention};
use crate::gazetteer::{Entry, Gazetteer, Kind, LONGEST_TITLE};
use crate::hash::WordSet;
use crate::time::calendar::is_calendar_name;
use crate::token::{with_lowercase, Token, TokenKind, TokenLists};
use crate::Span;
use std::cell::Cell;

/// A capitalised span no rule could type, kept until the whole article has been read.
pub(crate) struct Unresolved<'t, 'a> {
    /// Its tokens, borrowed from the article's sentences.
    pub(crate) run: &'t [Token<'a>],
    pub(crate) sentence: usize,
    /// What the span's shape suggests ("Sadir Japarov" looks like a person): its type unless
    /// the article types the same name otherwise ("the computer company Apple", then "said Apple").
    pub(crate) guess: Option<EntityType>,
    /// A person if its words look like a name ([`looks_like_a_name`]): asked once every
    /// sentence has been read, of the words of these spans alone.
    pub(crate) person_if_name_like: bool,
    /// Followed by a version number ("Internet Explorer 6"): the article uses the name for a
    /// product, so no guess of a person by that name stands.
    pub(crate) product: bool,
}

/// Settles the guesses that wait on a span's words ([`Unresolved::person_if_name_like`]).
pub(crate) fn guess_people_by_their_words(
    text: &str,
    sentences: &TokenLists,
    common: Option<&CommonWords>,
    unresolved: &mut [Unresolved],
) {
    let waiting = || unresolved.iter().filter(|u| u.person_if_name_like);
    if waiting().next().is_none() {
        return;
    }
    let asked;
    let common_words = match common {
        Some(all) => all,
        None => {
            asked = CommonWords::among(text, sentences, waiting().flat_map(|u| u.run));
            &asked
        }
    };
    for u in unresolved.iter_mut() {
        if u.person_if_name_like && looks_like_a_name(u.run, common_words) {
            u.guess = Some(EntityType::Person);
        }
    }
}

/// "Sadir Japarov" but not "Airbus A380", "Software Development Kit" or "Air Show": no digits,
/// no word the article also writes in lower case, no ending of an ordinary noun.
pub(crate) fn looks_like_a_name(run: &[Token], common_words: &CommonWords) -> bool {
    run.iter().all(|t| {
        let ordinary = with_lowercase(t.text, |lower| {
            common_words.contains(lower)
                || NOUN_ENDINGS
                    .words()
                    .iter()
                    .any(|e| lower.len() > e.len() + 2 && lower.ends_with(e))
        });
        let has_digit = t.text.chars().any(|c| c.is_ascii_digit());
        let acronym = t.is_acronym() && t.text.len() > 1 && !t.text.ends_with('.');
        !(has_digit || ordinary || acronym)
    })
}

pub(crate) struct Scanner<'t, 'a> {
    pub(crate) tokens: &'t [Token<'a>],
    pub(crate) sentence: usize,
    /// Title-case lines ("Xi Jinping Talks with President Zaparov"): capitals say nothing there.
    pub(crate) headline: bool,
    pub(crate) gazetteer: &'static Gazetteer,
    /// The last gazetteer name and title asked for, by where they were asked: a run asks for
    /// both at its start two or three times over (whole, by head word, split).
    pub(crate) last_name: LastAnswer<(usize, usize), Option<(usize, Entry)>>,
    pub(crate) last_title: LastAnswer<(usize, usize), Option<usize>>,
}

/// The answer to the last question asked, kept for when the same question comes next.
pub(crate) struct LastAnswer<K, V>(Cell<Option<(K, V)>>);

impl<K: Copy + PartialEq, V: Copy> LastAnswer<K, V> {
    pub(crate) fn new() -> Self {
        LastAnswer(Cell::new(None))
    }

    pub(crate) fn get_or(&self, key: K, answer: impl FnOnce() -> V) -> V {
        match self.0.get() {
            Some((asked, value)) if asked == key => value,
            _ => {
                let value = answer();
                self.0.set(Some((key, value)));
                value
            }
        }
    }
}

impl<'t, 'a> Scanner<'t, 'a> {
    pub(crate) fn scan(&self, found: &mut Vec<Mention>, unresolved: &mut Vec<Unresolved<'t, 'a>>) {
        let mut i = 0;
        while i < self.tokens.len() {
            // "former president Barack Obama": a lower-case title still introduces a name, so
            // one is looked for where a capitalised word follows closely enough.
            if !self.tokens[i].is_capitalised() {
                let name_may_follow = (self.tokens[i + 1..].iter())
                    .take(LONGEST_TITLE)
                    .any(Token::is_capitalised);
                let title = name_may_follow.then(|| self.title_at(i, self.tokens.len()));
                if let Some(n) = title.flatten() {
                    if self
                        .tokens
                        .get(i + n)
                        .is_some_and(|t| self.starts_name_run(t))
                    {
                        i = self.scan_run(i, found, unresolved);
                        continue;
                    }
                }
                i += 1;
                continue;
            }
            if !self.starts_name_run(&self.tokens[i]) {
                i += 1;
                continue;
            }
            i = self.scan_run(i, found, unresolved);
        }
    }

    pub(crate) fn starts_name_run(&self, token: &Token) -> bool {
        token.is_capitalised() && !is_calendar_name(token.text) && token.text != "I"
    }

    /// The end of the capitalised run starting at `start`: capitalised words, joined by connectors
    /// ("of", "the", "and", "'s", "bin") when a capitalised word follows them.
    pub(crate) fn run_end(&self, start: usize) -> usize {
        let tokens = self.tokens;
        let mut end = start + 1;
        loop {
            match tokens.get(end) {
                Some(t) if self.starts_name_run(t) => end += 1,
                Some(t)
                    if is_connector(t)
                        && tokens.get(end + 1).is_some_and(|n| self.starts_name_run(n)) =>
                {
                    end += 2
                }
                _ => return end,
            }
        }
    }

    /// Scans one run (which may begin with a lower-case title) and returns the index after it.
    pub(crate) fn scan_run(
        &self,
        start: usize,
        found: &mut Vec<Mention>,
        unresolved: &mut Vec<Unresolved<'t, 'a>>,
    ) -> usize {
        let title_len = self.title_at(start, self.tokens.len()).unwrap_or(0);
        let end = self
            .run_end(start + title_len.max(1) - 1)
            .max(start + title_len);
        let mut first = start;
        if (first == 0 || self.tokens[first - 1].text == "\"" || self.tokens[first].is("The"))
            && is_sentence_starter(self.tokens[first].text)
        {
            first += 1;
        }
        if first >= end {
            return end;
        }
        // "Finance Bill" names no one; in "Kenya's Finance Bill" the words before the law's
        // name, up to the connector, are read as a run of their own.
        let end_of_names = match law_name_start(&self.tokens[first..end]) {
            Some(0) => return end,
            Some(law) => first + law - 1,
            None => end,
        };
        if end_of_names < end {
            if first < end_of_names {
                self.type_run(first, end_of_names, found, unresolved);
            }
            return end;
        }
        match self.titled_name_after_organisation(first, end) {
            // "Central Bank of Kenya Governor Njuguna Ndung'u": the organisation, then a
            // titled name.
            Some(title) => {
                self.type_run(first, title, found, unresolved);
                self.split_run(title, end, found, unresolved);
            }
            None => self.type_run(first, end, found, unresolved),
        }
        end
    }

    /// A whole run by its head word, else split into the names it holds.
    fn type_run(
        &self,
        first: usize,
        end: usize,
        found: &mut Vec<Mention>,
        unresolved: &mut Vec<Unresolved<'t, 'a>>,
    ) {
        let whole_run_is_known = self
            .gazetteer_match(first, end)
            .is_some_and(|(n, _)| first + n == end);
        match self
            .keyword_type(first, end)
            .filter(|_| !whole_run_is_known)
        {
            Some(kind) => self.emit(found, first, end, kind, None),
            None => self.split_run(first, end, found, unresolved),
        }
    }

    /// Where a title starts inside the run, after an organisation's name and before a
    /// person's ("European Commission President Ursula von der Leyen"), not after a connector
    /// ("Department of Justice").
    fn titled_name_after_organisation(&self, first: usize, end: usize) -> Option<usize> {
        if self.headline {
            return None;
        }
        // An organisation's name is a few words: the search stops there, so a pasted run of
        // titles costs each of them the same.
        const LONGEST_ORGANISATION: usize = 12;
        (first + 2..end.saturating_sub(1).min(first + LONGEST_ORGANISATION)).find(|&t| {
            !is_connector(&self.tokens[t - 1])
                && self
                    .title_at(t, end)
                    .is_some_and(|n| t + n < end && self.starts_name_run(&self.tokens[t + n]))
                && matches!(
                    self.keyword_type(first, t),
                    Some(EntityType::Org | EntityType::Fac)
                )
        })
    }

    /// Types a whole run by its head word: "Foreign Ministry", "Manas Airport", "Ministry of ...".
    pub(crate) fn keyword_type(&self, first: usize, end: usize) -> Option<EntityType> {
        let run = &self.tokens[first..end];
        if self.headline || run.len() < 2 {
            return None;
        }
        // "President Xi" is a title and a name; but "General Motors", a title and nothing but a
        // head word, names an organisation, and so does "General Motors Corporation", where a
        // listed name longer than the title starts the run.
        if let Some(title) = self.title_at(first, end) {
            let known = self.gazetteer_match(first, end).map_or(0, |(n, _)| n);
            if title + 1 != run.len() && title >= known {
                return None;
            }
        }
        // "Jim Press": a given name before a lone head word is a person with an unlucky surname.
        if run.len() == 2 && self.is_only_a_given_name(first) {
            return None;
        }
        let last = run[run.len() - 1].text;
        let head_before_remit = has_head_before_remit(run);
        // A place's first word types only a plain run: "Deir Hafer for Wadi Qandil" is two places.
        let plain = !run.iter().any(is_connector);
        let opens_with = |words: &WordSet| plain && words.contains(run[0].text);
        if ORG_HEADS.contains(last) || head_before_remit {
            Some(EntityType::Org)
        } else if FAC_HEADS.contains(last) {
            Some(EntityType::Fac)
        } else if EVENT_HEADS.contains(last)
            || EVENT_FIRST_WORDS.contains(run[0].text)
            || numbered_event(run)
        {
            Some(EntityType::Event)
        } else if GPE_HEADS.contains(last) || opens_with(&SETTLEMENT_FIRST_WORDS) {
            Some(EntityType::Gpe)
        } else if LOC_HEADS.contains(last) || opens_with(&FEATURE_FIRST_WORDS) {
            Some(EntityType::Loc)
        } else {
            None
        }
    }

    /// Splits a run into gazetteer names, titled names and leftovers, left to right.
    pub(crate) fn split_run(
        &self,
        first: usize,
        end: usize,
        found: &mut Vec<Mention>,
        unresolved: &mut Vec<Unresolved<'t, 'a>>,
    ) {
        let mut p = first;
        let mut after_title = false;
        let mut leftover_start = None;
        while p < end {
            let rest = &self.tokens[p..end];
            // A listed name longer than the title it starts with is the name: "General Motors".
            let known = self.gazetteer_match(p, end);
            let title = self
                .title_at(p, end)
                .filter(|&n| known.is_none_or(|(k, _)| k <= n));
            let known = if title.is_none() { known } else { None };
            // "Vladimir Putin", "Charlotte Jones": a one-word place that is also a given name,
            // before a listed surname, is the given name; the name is read as a leftover.
            let known = known.filter(|&(n, _)| n > 1 || !self.is_given_name_before_surname(p, end));
            if let (Some((1, entry)), Some(from)) = (known, leftover_start) {
                if from + 1 == p && self.is_given_name_before_place(from, entry) {
                    self.emit(found, from, p + 1, EntityType::Person, None);
                    leftover_start = None;
                    after_title = false;
                    p += 1;
                    continue;
                }
            }
            if title.is_some() || known.is_some() || is_connector(&rest[0]) {
                if let Some(from) = leftover_start.take() {
                    self.classify_leftover(from, p, after_title, found, unresolved);
                    after_title = false;
                }
            }
            if let Some(n) = title {
                after_title = true;
                p += n;
            } else if let Some((n, entry)) = known {
                // "BEIJING" is named as the table spells it, "Beijing".
                let spelled_as_listed = spelled_as(&self.tokens[p..p + n], entry.surface);
                let canonical = entry
                    .canonical
                    .or((!spelled_as_listed).then_some(entry.surface));
                self.emit(found, p, p + n, entity_type(entry.kind), canonical);
                p += n;
            } else if is_connector(&rest[0]) {
                // "the Vice Chairman of Chrysler": what follows "of" is not the title's bearer.
                after_title = false;
                p += 1;
            } else {
                leftover_start.get_or_insert(p);
                p += 1;
            }
        }
        if let Some(from) = leftover_start {
            self.classify_leftover(from, end, after_title, found, unresolved);
        }
    }

    /// "Fritz Henderson", "Jack London": a given name that names nothing else, before a
    /// one-word place, makes a person's name of it.
    pub(crate) fn is_given_name_before_place(&self, given: usize, place: Entry) -> bool {
        matches!(place.kind, Kind::Gpe | Kind::Loc) && self.is_only_a_given_name(given)
    }

    /// Whether token `i` is a listed given name followed, within the run ending at `end`, by a
    /// listed surname that names nothing else ("Vladimir | Putin", not "Victoria | Falls").
    fn is_given_name_before_surname(&self, i: usize, end: usize) -> bool {
        i + 1 < end
            && self.gazetteer.is_first_name(&self.tokens[i])
            && self.gazetteer.is_last_name(&self.tokens[i + 1])
            && self.gazetteer_match(i + 1, end).is_none()
    }

    /// Whether token `i` is a given name and no gazetteer place, nationality or organisation
    /// ("Fritz", not "Israel").
    pub(crate) fn is_only_a_given_name(&self, i: usize) -> bool {
        self.gazetteer.is_first_name(&self.tokens[i]) && self.gazetteer_match(i, i + 1).is_none()
    }

    /// The longest gazetteer name of an entity kind starting at `p`, within the run.
    pub(crate) fn gazetteer_match(&self, p: usize, end: usize) -> Option<(usize, Entry)> {
        self.last_name
            .get_or((p, end), || self.gazetteer_match_uncached(p, end))
    }

    /// The longest title of `tokens[start..end]` starting at `start`, as a token count.
    pub(crate) fn title_at(&self, start: usize, end: usize) -> Option<usize> {
        // Ends past the longest title ask the same question.
        let end = end.min(start + LONGEST_TITLE);
        self.last_title.get_or((start, end), || {
            self.gazetteer.title_at(&self.tokens[start..end])
        })
    }

    pub(crate) fn gazetteer_match_uncached(&self, p: usize, end: usize) -> Option<(usize, Entry)> {
        let (longest, alone) = self.gazetteer.starting_with(&self.tokens[p]);
        (1..=longest.min(end - p)).rev().find_map(|n| {
            let tokens = &self.tokens[p..p + n];
            let entries = if n == 1 {
                alone
            } else {
                self.gazetteer.lookup(tokens)
            };
            let entry = entries.iter().find(|e| {
                is_entity_kind(e.kind)
                    && e.matches_case(tokens)
                    && (!e.ambiguous || (p > 0 && !self.headline))
            })?;
            Some((n, *entry))
        })
    }

    /// Types a capitalised span no table knows.
    pub(crate) fn classify_leftover(
        &self,
        from: usize,
        to: usize,
        after_title: bool,
        found: &mut Vec<Mention>,
        unresolved: &mut Vec<Unresolved<'t, 'a>>,
    ) {
        let run = &self.tokens[from..to];
        // "Chief Operating Officer of AirTran Airways": a head word types the leftover.
        if let Some(kind) = self.keyword_type(from, to) {
            self.emit(found, from, to, kind, None);
            return;
        }
        // "automaker Chrysler", "the computer company Apple": a lower-case noun for a kind of
        // organisation introduces one.
        let described_as_organisation =
            !after_title && from > 0 && ORG_DESCRIPTORS.contains(self.tokens[from - 1].text);
        if described_as_organisation {
            self.emit(found, from, to, EntityType::Org, None);
            return;
        }
        let next = self.tokens.get(to);
        let single_known_surname =
            run.len() == 1 && from > 0 && self.gazetteer.is_last_name(&run[0]);
        let spoke = next.is_some_and(|t| SPEECH_VERBS.contains(t.text));
        let quoted = from > 0 && SPEECH_VERBS.contains(self.tokens[from - 1].text);
        let is_person = after_title
            || self.is_credited(from)
            || (run.len() >= 2 && self.gazetteer.is_first_name(&run[0]));
        // "Internet Explorer 6", "Windows 7": a number right after a name makes it a product's.
        let versioned = next.is_some_and(|t| t.text.bytes().all(|b| b.is_ascii_digit()));
        let surname = !versioned && single_known_surname && (spoke || !self.headline);
        let person_if_name_like = !versioned
            && !surname
            && ((!self.headline && (2..=4).contains(&run.len())) || (quoted && run.len() <= 4));
        if is_person {
            self.emit(found, from, to, EntityType::Person, None);
        } else if run.len() == 1 && run[0].is_acronym() && run[0].text.len() <= 6 && !self.headline
        {
            self.emit(found, from, to, EntityType::Org, None);
        } else {
            unresolved.push(Unresolved {
                run,
                sentence: self.sentence,
                guess: surname.then_some(EntityType::Person),
                person_if_name_like,
                product: versioned,
            });
        }
    }

    /// "(Photo: Rao Aimin/Xinhua)", "By Jane Smith": a credit names a person.
    pub(crate) fn is_credited(&self, from: usize) -> bool {
        let before = |n: usize| from.checked_sub(n).map(|i| &self.tokens[i]);
        let after_colon = before(1).is_some_and(|t| t.text == ":")
            && before(2).is_some_and(|t| CREDIT_WORDS.words().iter().any(|w| t.is(w)));
        let byline = before(1).is_some_and(|t| t.is("by")) && from == 1;
        after_colon || byline
    }

    pub(crate) fn emit(
        &self,
        found: &mut Vec<Mention>,
        from: usize,
        to: usize,
        kind: EntityType,
        canonical: Option<&'static str>,
    ) {
        let mut span = Span::new(self.tokens[from].span.start, self.tokens[to - 1].span.end);
        // "Apple Inc.": the full stop of an abbreviated company form is part of the name.
        if kind == EntityType::Org && ABBREVIATED_ORG_FORMS.contains(self.tokens[to - 1].text) {
            if let Some(stop) = self
                .tokens
                .get(to)
                .filter(|t| t.text == "." && t.span.start == span.end)
            {
                span.end = stop.span.end;
            }
        }
        found.push(Mention {
            span,
            kind,
            canonical,
            sentence: self.sentence,
            key: Key::default(),
        });
    }
}

/// An event's name with a Roman numeral after its head word: "World War II", "World War III".
fn numbered_event(run: &[Token]) -> bool {
    let [.., head, number] = run else {
        return false;
    };
    number.kind == TokenKind::Word
        && is_roman_numeral(number.text)
        && EVENT_HEADS.contains(head.text)
}

/// Whether `tokens`, joined by spaces, spell `surface` (either apostrophe).
pub(crate) fn spelled_as(tokens: &[Token], surface: &str) -> bool {
    let straight = |c: char| if c == '’' { '\'' } else { c };
    let joined = tokens.iter().enumerate().flat_map(|(i, t)| {
        let space = (i > 0).then_some(' ');
        space.into_iter().chain(t.text.chars())
    });
    joined.map(straight).eq(surface.chars().map(straight))
}
