//! Finding mentions: gazetteer names, titles before names, keyword heads ("... Ministry",
//! "... Airport"), capitalised spans shaped like personal names, and, in a second pass, names the
//! article has already introduced ("Li" after "Li Qiang", "Zaparov" after "Sadyr Japarov").

use crate::entities::in_text_order;
use std::cell::Cell;

use crate::hash::{map_with_capacity, packed_ascii, FastMap, FastSet, WordSet, WordShapes};

use super::names::{phrase_key, push_spelling_key, spelling_key};
use super::tagger::{self, Model, SentenceView};
use super::{aliases, context, evidence};
use super::{overlaps_any, EntityType, Mention};
use crate::gazetteer::{gazetteer, Entry, Gazetteer, Kind, LONGEST_TITLE};
use crate::segment::Segments;
use crate::time::calendar::is_calendar_name;
use crate::token::{tokens_within, with_lowercase, Token, TokenLists};
use crate::Span;

/// Every mention in the content sentences of `text`, in text order, without overlaps.
pub fn recognise(text: &str, segments: &Segments) -> Vec<Mention> {
    let sentences = tokenize_sentences(text, segments);
    rule_mentions(text, &sentences)
}

/// The tokens of each content sentence: the one tokenisation every reader of the article shares.
pub fn tokenize_sentences<'a>(text: &'a str, segments: &Segments) -> TokenLists<'a> {
    TokenLists::of(text, segments.sentences.iter().map(|s| s.span))
}

/// The mentions the tagger finds, reading the rules' mentions as features: its spans, with the
/// rules' fine type and canonical name where they found the same span as the same class. Where
/// the tagger found nothing, a rule's name stands on evidence the tagger cannot weigh as well
/// (`rule_evidence_stands`). Events stay the rules' alone (no corpus annotates them).
pub fn recognise_with_tagger(text: &str, segments: &Segments, model: &Model) -> Vec<Mention> {
    let sentences = tokenize_sentences(text, segments);
    let rules = rule_mentions(text, &sentences);
    let common_words = CommonWords::of(text, &sentences);
    let mut found = Vec::new();
    let mut events = Vec::new();
    let mut left_out = Vec::new();
    let mut opening_words = Vec::new();
    visit_sentences(
        &sentences,
        &rules,
        &common_words,
        &mut |view, index, rules| {
            events.extend(
                rules
                    .iter()
                    .filter(|m| m.kind == EntityType::Event)
                    .cloned(),
            );
            let labels = model.tag(view);
            let mut tagged = tagged_mentions(view, &labels, index, rules);
            if let Some(at) = tagged
                .iter()
                .position(|m| opens_headline_alone(view, m, rules))
            {
                opening_words.push(tagged.remove(at));
            }
            for rule in rules.iter().filter(|r| !overlaps_any(&tagged, r.span)) {
                if rule_evidence_stands(view, rule) {
                    found.push(rule.clone());
                } else if rule.kind == EntityType::Person {
                    left_out.push(rule.clone());
                }
            }
            found.extend(tagged);
        },
    );
    key_mentions(text, &mut found);
    // The article's own evidence: a person the rules found that the tagger left out stands when
    // the article names the same person elsewhere ("Caparov" after "Sadir Japarov").
    let people: FastSet<&str> = found
        .iter()
        .filter(|m| m.kind == EntityType::Person)
        .flat_map(|m| [m.key.as_str(), m.key.rsplit(' ').next().unwrap_or("")])
        .collect();
    let named_elsewhere: Vec<Mention> = left_out
        .into_iter()
        .filter(|m| people.contains(m.key.as_str()))
        .collect();
    found.extend(named_elsewhere);
    // A lone word that opens a headline, which no rule found, is a name only if the article
    // names it elsewhere too: capitals there may be the position's alone.
    key_mentions(text, &mut opening_words);
    let words: FastSet<&str> = found.iter().flat_map(|m| m.key.split(' ')).collect();
    let confirmed: Vec<Mention> = opening_words
        .into_iter()
        .filter(|m| words.contains(m.key.as_str()))
        .collect();
    found.extend(confirmed);
    found.retain(|m: &Mention| !overlaps_any(&events, m.span));
    found.extend(events);
    in_text_order(&mut found);
    aliases::join_nicknames(&sentences, &mut found);
    evidence::repeat_names(
        text,
        &sentences,
        |w| common_words.contains(w),
        &rules,
        &mut found,
    );
    context::read_context(text, &sentences, &mut found);
    aliases::second_names(text, &sentences, &mut found);
    aliases::share_types(text, &mut found);
    key_mentions(text, &mut found);
    found
}

/// A one-word name the tagger found at the start of a headline (a line with no closing stop)
/// and no rule found ("Storm cuts power to thousands in Bangladesh").
fn opens_headline_alone(view: &SentenceView, mention: &Mention, rules: &[Mention]) -> bool {
    let headline = view.tokens.len() >= 4
        && view
            .tokens
            .last()
            .is_some_and(|t| !matches!(t.text, "." | "!" | "?" | "\"" | "”" | ":"));
    headline && view.tokens[0].span == mention.span && !rules.iter().any(|r| r.span == mention.span)
}

/// A rule's name the tagger left out stands when its evidence is strong: a person after a title
/// ("President Sadir Japarov", "Ambassador of Japan Hatori Takashi") or a credit ("Photo: Rao
/// Aimin/Xinhua") or a full name; a place the gazetteer lists that is no ordinary English word
/// ("Uzbekistan"); an acronym defined in parentheses after a name. Every other kind of rule
/// name kept this way cost more precision than it gave recall.
fn rule_evidence_stands(view: &SentenceView, mention: &Mention) -> bool {
    let within = tokens_within(view.tokens, mention.span);
    let (first, tokens) = (within.start, &view.tokens[within]);
    match mention.kind {
        EntityType::Person => {
            after_title(view, first)
                || after_credit(&view.tokens[..first])
                // A full name of two or three words the rules read ("Xi Jinping met Li Qiang"):
                // transliterated names the tagger's training text hardly has. Costs about a
                // point of precision on the corpora; our articles are full of such names.
                || (2..=3).contains(&tokens.len())
        }
        EntityType::Gpe => view
            .gazetteer
            .lookup(tokens)
            .iter()
            .any(|e| e.kind == Kind::Gpe && !e.ambiguous && e.matches_case(tokens)),
        // An acronym the text defines: "Japan International Cooperation Agency (JICA)".
        EntityType::Org => {
            tokens.len() == 1
                && tokens[0].is_acronym()
                && first >= 2
                && view.tokens[first - 1].text == "("
                && view.rule_labels[first - 2].0 != tagger::OUTSIDE
        }
        _ => false,
    }
}

/// Whether a title ends right before token `first`, or before an "of ..." that does
/// ("Minister of Foreign Affairs of Uzbekistan Bakhtiyor Saidov").
fn after_title(view: &SentenceView, first: usize) -> bool {
    const LONGEST_OF_PHRASE: usize = 8;
    let tokens = view.tokens;
    let mut start = first;
    while start > 0
        && first - start < LONGEST_OF_PHRASE + LONGEST_TITLE
        && (tokens[start - 1].is_capitalised()
            || ["of", "the", "and"].contains(&tokens[start - 1].text))
    {
        start -= 1;
    }
    (start..first).any(|s| match view.gazetteer.title_at(&tokens[s..first]) {
        Some(n) => s + n == first || tokens[s + n].is("of"),
        None => false,
    })
}

/// "Photo: ", "Reporting by ", "Editing by ": the words before a credited name.
fn after_credit(before: &[Token]) -> bool {
    match before {
        [.., word, colon] if colon.text == ":" => ["photo", "photos", "photograph", "picture"]
            .iter()
            .any(|w| word.is(w)),
        [.., work, by] if by.is("by") => ["reporting", "editing", "writing", "photography"]
            .iter()
            .any(|w| work.is(w)),
        _ => false,
    }
}

/// Gives each mention without one its spelling key; a name an article repeats is keyed once.
fn key_mentions(text: &str, mentions: &mut [Mention]) {
    let mut keyed: FastMap<&str, usize> = map_with_capacity(mentions.len());
    for i in 0..mentions.len() {
        if !mentions[i].key.is_empty() {
            continue;
        }
        let span = mentions[i].span;
        let surface = &text[span.start..span.end];
        mentions[i].key = match keyed.get(surface) {
            Some(&j) => mentions[j].key.clone(),
            None => {
                keyed.insert(surface, i);
                phrase_key(surface)
            }
        };
    }
}

/// Walks the content sentences as the tagger sees them: `visit(view, sentence index, the rules'
/// mentions in it)`. Training (`src/bin/train.rs`) and tagging share it, so both read alike.
pub fn tagger_sentences(
    text: &str,
    segments: &Segments,
    visit: &mut dyn FnMut(&SentenceView, usize, &[Mention]),
) {
    let sentences = tokenize_sentences(text, segments);
    let rules = rule_mentions(text, &sentences);
    let common_words = CommonWords::of(text, &sentences);
    visit_sentences(&sentences, &rules, &common_words, visit);
}

/// [`tagger_sentences`] of sentences already read.
fn visit_sentences(
    sentences: &TokenLists,
    rules: &[Mention],
    common_words: &CommonWords,
    visit: &mut dyn FnMut(&SentenceView, usize, &[Mention]),
) {
    let written_lowercase = |word: &str| common_words.contains(word);
    for (index, tokens) in sentences.iter().enumerate() {
        let first = rules.partition_point(|m| m.sentence < index);
        let end = first + rules[first..].partition_point(|m| m.sentence == index);
        let in_sentence = &rules[first..end];
        let rule_labels = tagger::rule_labels(tokens, in_sentence);
        let view = SentenceView {
            tokens,
            rule_labels: &rule_labels,
            gazetteer: gazetteer(),
            written_lowercase: &written_lowercase,
        };
        visit(&view, index, in_sentence);
    }
}

/// The tagger's names as mentions.
fn tagged_mentions(
    view: &SentenceView,
    labels: &[u8],
    sentence: usize,
    rules: &[Mention],
) -> Vec<Mention> {
    tagger_spans(view, labels)
        .into_iter()
        .map(|(span, class)| {
            let same_start = &rules[rules.partition_point(|m| m.span.start < span.start)..];
            let agreeing = same_start
                .first()
                .filter(|m| m.span == span && tagger::coarse(m.kind) == class);
            agreeing.cloned().unwrap_or_else(|| {
                // Places are GPE when the gazetteer lists them so.
                let listed = view
                    .gazetteer
                    .find(&view.tokens[tokens_within(view.tokens, span)], Kind::Gpe);
                Mention {
                    span,
                    kind: if class == EntityType::Loc && listed.is_some() {
                        EntityType::Gpe
                    } else {
                        class
                    },
                    canonical: listed.and_then(|e| e.canonical),
                    sentence,
                    key: String::new(),
                }
            })
        })
        .collect()
}

/// The spans the tagger labels B(-I…) and their classes.
fn tagger_spans(view: &SentenceView, labels: &[u8]) -> Vec<(Span, EntityType)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        let Some((class, _)) = tagger::class_of(labels[i]) else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while end < labels.len() && tagger::class_of(labels[end]) == Some((class, true)) {
            end += 1;
        }
        spans.push((
            Span::new(view.tokens[i].span.start, view.tokens[end - 1].span.end),
            class,
        ));
        i = end;
    }
    spans
}

/// The rules' mentions: gazetteer, titles, keyword heads, name shapes, known names.
pub fn rule_mentions(text: &str, sentences: &TokenLists) -> Vec<Mention> {
    // The bench corpus has a name every ~15 tokens: sized for twice that, the lists seldom grow.
    let mut found = Vec::with_capacity(sentences.all().len() / 8 + 1);
    let mut unresolved = Vec::with_capacity(sentences.all().len() / 16 + 1);
    for (index, tokens) in sentences.iter().enumerate() {
        let headline = is_headline(tokens);
        let scanner = Scanner {
            tokens,
            sentence: index,
            headline,
            gazetteer: gazetteer(),
            last_name: LastAnswer::new(),
            last_title: LastAnswer::new(),
        };
        scanner.scan(&mut found, &mut unresolved);
    }
    guess_people_by_their_words(text, sentences, &mut unresolved);
    retype_places_named_as_surnames(text, &mut found);
    key_mentions(text, &mut found);
    let keyed = found.len();
    resolve_known_names(text, &mut found, &unresolved);
    key_mentions(text, &mut found[keyed..]);
    in_text_order(&mut found);
    found
}

/// A capitalised span no rule could type, kept until the whole article has been read.
struct Unresolved<'t, 'a> {
    /// Its tokens, borrowed from the article's sentences.
    run: &'t [Token<'a>],
    sentence: usize,
    /// What the span's shape suggests ("Sadir Japarov" looks like a person): its type unless
    /// the article types the same name otherwise ("the computer company Apple", then "said Apple").
    guess: Option<EntityType>,
    /// A person if its words look like a name ([`looks_like_a_name`]): asked once every
    /// sentence has been read, of the words of these spans alone.
    person_if_name_like: bool,
    /// Followed by a version number ("Internet Explorer 6"): the article uses the name for a
    /// product, so no guess of a person by that name stands.
    product: bool,
}

/// Settles the guesses that wait on a span's words ([`Unresolved::person_if_name_like`]).
fn guess_people_by_their_words(text: &str, sentences: &TokenLists, unresolved: &mut [Unresolved]) {
    let waiting = || unresolved.iter().filter(|u| u.person_if_name_like);
    if waiting().next().is_none() {
        return;
    }
    let common_words = CommonWords::among(text, sentences, waiting().flat_map(|u| u.run));
    for u in unresolved.iter_mut() {
        if u.person_if_name_like && looks_like_a_name(u.run, &common_words) {
            u.guess = Some(EntityType::Person);
        }
    }
}

/// "Sadir Japarov" but not "Airbus A380", "Software Development Kit" or "Air Show": no digits,
/// no word the article also writes in lower case, no ending of an ordinary noun.
fn looks_like_a_name(run: &[Token], common_words: &CommonWords) -> bool {
    run.iter().all(|t| {
        let ordinary = with_lowercase(t.text, |lower| {
            common_words.contains(lower)
                || NOUN_ENDINGS
                    .iter()
                    .any(|e| lower.len() > e.len() + 2 && lower.ends_with(e))
        });
        let has_digit = t.text.chars().any(|c| c.is_ascii_digit());
        let acronym = t.is_acronym() && t.text.len() > 1 && !t.text.ends_with('.');
        !(has_digit || ordinary || acronym)
    })
}

struct Scanner<'t, 'a> {
    tokens: &'t [Token<'a>],
    sentence: usize,
    /// Title-case lines ("Xi Jinping Talks with President Zaparov"): capitals say nothing there.
    headline: bool,
    gazetteer: &'static Gazetteer,
    /// The last gazetteer name and title asked for, by where they were asked: a run asks for
    /// both at its start two or three times over (whole, by head word, split).
    last_name: LastAnswer<(usize, usize), Option<(usize, Entry)>>,
    last_title: LastAnswer<(usize, usize), Option<usize>>,
}

/// The answer to the last question asked, kept for when the same question comes next.
struct LastAnswer<K, V>(Cell<Option<(K, V)>>);

impl<K: Copy + PartialEq, V: Copy> LastAnswer<K, V> {
    fn new() -> Self {
        LastAnswer(Cell::new(None))
    }

    fn get_or(&self, key: K, answer: impl FnOnce() -> V) -> V {
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
    fn scan(&self, found: &mut Vec<Mention>, unresolved: &mut Vec<Unresolved<'t, 'a>>) {
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

    fn starts_name_run(&self, token: &Token) -> bool {
        token.is_capitalised() && !is_calendar_name(token.text) && token.text != "I"
    }

    /// The end of the capitalised run starting at `start`: capitalised words, joined by connectors
    /// ("of", "the", "and", "'s", "bin") when a capitalised word follows them.
    fn run_end(&self, start: usize) -> usize {
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
    fn scan_run(
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
        if first < end {
            let whole_run_is_known = self
                .gazetteer_match(first, end)
                .is_some_and(|(n, _)| first + n == end);
            if let Some(kind) = self
                .keyword_type(first, end)
                .filter(|_| !whole_run_is_known)
            {
                self.emit(found, first, end, kind, None);
                return end;
            }
            self.split_run(first, end, found, unresolved);
        }
        end
    }

    /// Types a whole run by its head word: "Foreign Ministry", "Manas Airport", "Ministry of ...".
    fn keyword_type(&self, first: usize, end: usize) -> Option<EntityType> {
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
        // "Ministry of Transport", "Kyrgyz Ministry of Transport": an organisation head before "of".
        let head_before_of = run
            .windows(2)
            .any(|w| w[1].is("of") && ORG_HEADS.contains(w[0].text));
        // A place's first word types only a plain run: "Deir Hafer for Wadi Qandil" is two places.
        let plain = !run.iter().any(is_connector);
        let opens_with = |words: &WordSet| plain && words.contains(run[0].text);
        if ORG_HEADS.contains(last) || head_before_of {
            Some(EntityType::Org)
        } else if FAC_HEADS.contains(last) {
            Some(EntityType::Fac)
        } else if EVENT_HEADS.contains(last) || EVENT_FIRST_WORDS.contains(run[0].text) {
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
    fn split_run(
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
    fn is_given_name_before_place(&self, given: usize, place: Entry) -> bool {
        matches!(place.kind, Kind::Gpe | Kind::Loc) && self.is_only_a_given_name(given)
    }

    /// Whether token `i` is a given name and no gazetteer place, nationality or organisation
    /// ("Fritz", not "Israel").
    fn is_only_a_given_name(&self, i: usize) -> bool {
        self.gazetteer.is_first_name(&self.tokens[i]) && self.gazetteer_match(i, i + 1).is_none()
    }

    /// The longest gazetteer name of an entity kind starting at `p`, within the run.
    fn gazetteer_match(&self, p: usize, end: usize) -> Option<(usize, Entry)> {
        self.last_name
            .get_or((p, end), || self.gazetteer_match_uncached(p, end))
    }

    /// The longest title of `tokens[start..end]` starting at `start`, as a token count.
    fn title_at(&self, start: usize, end: usize) -> Option<usize> {
        // Ends past the longest title ask the same question.
        let end = end.min(start + LONGEST_TITLE);
        self.last_title.get_or((start, end), || {
            self.gazetteer.title_at(&self.tokens[start..end])
        })
    }

    fn gazetteer_match_uncached(&self, p: usize, end: usize) -> Option<(usize, Entry)> {
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
    fn classify_leftover(
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
            !after_title && from > 0 && ORG_DESCRIPTORS.contains(&self.tokens[from - 1].text);
        if described_as_organisation {
            self.emit(found, from, to, EntityType::Org, None);
            return;
        }
        let next = self.tokens.get(to);
        let single_known_surname =
            run.len() == 1 && from > 0 && self.gazetteer.is_last_name(&run[0]);
        let spoke = next.is_some_and(|t| SPEECH_VERBS.contains(&t.text));
        let quoted = from > 0 && SPEECH_VERBS.contains(&self.tokens[from - 1].text);
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
    fn is_credited(&self, from: usize) -> bool {
        let before = |n: usize| from.checked_sub(n).map(|i| &self.tokens[i]);
        let after_colon = before(1).is_some_and(|t| t.text == ":")
            && before(2).is_some_and(|t| CREDIT_WORDS.iter().any(|w| t.is(w)));
        let byline = before(1).is_some_and(|t| t.is("by")) && from == 1;
        after_colon || byline
    }

    fn emit(
        &self,
        found: &mut Vec<Mention>,
        from: usize,
        to: usize,
        kind: EntityType,
        canonical: Option<&'static str>,
    ) {
        let mut span = Span::new(self.tokens[from].span.start, self.tokens[to - 1].span.end);
        // "Apple Inc.": the full stop of an abbreviated company form is part of the name.
        if kind == EntityType::Org && ABBREVIATED_ORG_FORMS.contains(&self.tokens[to - 1].text) {
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
            key: String::new(),
        });
    }
}

/// Whether `tokens`, joined by spaces, spell `surface` (either apostrophe).
fn spelled_as(tokens: &[Token], surface: &str) -> bool {
    let straight = |c: char| if c == '’' { '\'' } else { c };
    let joined = tokens.iter().enumerate().flat_map(|(i, t)| {
        let space = (i > 0).then_some(' ');
        space.into_iter().chain(t.text.chars())
    });
    joined.map(straight).eq(surface.chars().map(straight))
}

/// "Henderson" after "Fritz Henderson" is the person, not the town the gazetteer lists: a
/// one-word place spelled like the surname of a person the article names is that person.
fn retype_places_named_as_surnames(text: &str, found: &mut [Mention]) {
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
fn resolve_known_names(text: &str, found: &mut Vec<Mention>, unresolved: &[Unresolved]) {
    if unresolved.is_empty() {
        return;
    }
    let mut known = KnownNames::default();
    for mention in found.iter() {
        let key = &mention.key;
        // "Apple Inc." is "Apple" from then on.
        let company_form = || {
            let surface = &text[mention.span.start..mention.span.end];
            let last = surface.rsplit(' ').next().unwrap_or("");
            COMPANY_FORMS.contains(last.trim_end_matches('.'))
        };
        if mention.kind == EntityType::Org && company_form() {
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
        let mention = |from: usize, to: usize, kind| Mention {
            span: Span::new(run[from].span.start, run[to - 1].span.end),
            kind,
            canonical: None,
            sentence: candidate.sentence,
            key: String::new(),
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
struct SpanKeys<'k> {
    /// Byte ranges of `buffer` (see [`SpanKeyLists`]), one per word (a span has one at least).
    words: &'k [Span],
    buffer: &'k str,
}

impl<'k> SpanKeys<'k> {
    fn whole(&self) -> &'k str {
        self.words(0, self.words.len())
    }

    /// The key of words `from..to`, as joined.
    fn words(&self, from: usize, to: usize) -> &'k str {
        &self.buffer[self.words[from].start..self.words[to - 1].end]
    }
}

/// The [`SpanKeys`] of many spans in one string and one vector: two allocations per span were a
/// tenth of those an analysis made.
struct SpanKeyLists {
    buffer: String,
    words: Vec<Span>,
    /// Where each span's words end in `words`.
    ends: Vec<usize>,
}

impl SpanKeyLists {
    fn of<'r, 'a: 'r>(runs: impl Iterator<Item = &'r [Token<'a>]> + Clone) -> SpanKeyLists {
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
    fn iter(&self) -> impl Iterator<Item = SpanKeys<'_>> + '_ {
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
struct KnownNames<'k> {
    names: FastMap<&'k str, EntityType>,
    /// No known name is longer than this many words, so no longer span is looked up: without
    /// the bound a long capitalised line costs time cubic in its length.
    longest: usize,
}

impl<'k> KnownNames<'k> {
    /// Adds a name by its joined key (the first type given to a name stays); a person's single
    /// words too, for the surname-only mentions that follow ("Li" after "Li Qiang").
    fn add(&mut self, key: &'k str, kind: EntityType) {
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

/// The capitalised words of an article that it also writes in lower case: ordinary words,
/// whatever their capital says ("Development" beside "development"). Only capitalised words are
/// ever asked about, so only they are kept, each with what was seen of it: the lower-case words
/// are looked up once, where the capitalised ones are, and never stored.
pub struct CommonWords {
    /// Words whose lower case is short ASCII, packed (no copy, one number pair to hash), with
    /// their [`Seen`] bits.
    packed: FastMap<(u64, u64), Seen>,
    /// The rare others, lower-cased in full (Unicode case mapping is not byte by byte).
    other: FastMap<String, Seen>,
    /// The kept words' shapes: most words of the text are turned away by them unhashed.
    shapes: WordShapes,
}

/// What was seen of a kept word: bits of [`CAPITALISED`] and [`LOWER_CASE`].
type Seen = u8;
const CAPITALISED: Seen = 1;
const LOWER_CASE: Seen = 2;

impl CommonWords {
    /// Every capitalised word of `sentences` (of `text`), for questions about any of them.
    pub fn of(text: &str, sentences: &TokenLists) -> CommonWords {
        // Sized for a distinct capitalised word in ten tokens, so that most articles never rehash.
        let mut common = CommonWords::with_capacity(sentences.all().len() / 10);
        for token in capitalised_words(sentences) {
            match token.packed_ascii() {
                Some(key) => {
                    common.packed.insert(key, CAPITALISED);
                    common.shapes.add(token.text.as_bytes());
                }
                None => common.keep(&token.text.to_lowercase(), CAPITALISED),
            }
        }
        common.see_lowercase_words(text, sentences);
        common
    }

    /// [`CommonWords::of`] for the words of `asked` alone: the same answers about them, from a
    /// pass over the article that hashes almost none of its words (the rules ask about a few).
    pub fn among<'t, 'a: 't>(
        text: &str,
        sentences: &TokenLists,
        asked: impl Iterator<Item = &'t Token<'a>>,
    ) -> CommonWords {
        let mut common = CommonWords::with_capacity(0);
        for token in asked {
            with_lowercase(token.text, |lower| common.keep(lower, 0));
        }
        for token in capitalised_words(sentences) {
            let ascii = token.ascii_alnum || token.text.is_ascii();
            if ascii && !common.shapes.may_hold(token.text.as_bytes()) {
                continue;
            }
            let seen = match token.packed_ascii() {
                Some(key) => common.packed.get_mut(&key),
                None => common.seen_mut(&token.text.to_lowercase()),
            };
            if let Some(seen) = seen {
                *seen |= CAPITALISED;
            }
        }
        common.see_lowercase_words(text, sentences);
        common
    }

    /// Keeps `lower` (a lower-cased word) with what was `seen` of it, and its shape.
    fn keep(&mut self, lower: &str, seen: Seen) {
        self.shapes.add(lower.as_bytes());
        match packed_ascii(lower) {
            Some(key) => self.packed.insert(key, seen),
            None => self.other.insert(lower.to_string(), seen),
        };
    }

    /// What was seen of `lower`, if it is kept.
    fn seen_mut(&mut self, lower: &str) -> Option<&mut Seen> {
        match packed_ascii(lower) {
            Some(key) => self.packed.get_mut(&key),
            None => self.other.get_mut(lower),
        }
    }

    fn with_capacity(capacity: usize) -> CommonWords {
        CommonWords {
            packed: map_with_capacity(capacity),
            other: FastMap::default(),
            shapes: WordShapes::new(),
        }
    }

    /// Reads the words of `sentences` that start in lower case.
    fn see_lowercase_words(&mut self, text: &str, sentences: &TokenLists) {
        for token in sentences.all().iter().filter(|t| t.is_word()) {
            // The words are the letter-and-digit runs of the sentences. Most word tokens are one
            // run; the others ("Belt-and-Road", "U.S.") hold several, the first of them glued to
            // the end of the token before when that ends in a letter or digit ("²abc").
            let glued = glued_on(text, token);
            if token.ascii_alnum && !glued {
                // Most words are turned away here by their first letter or shape, without a call.
                let bytes = token.text.as_bytes();
                if bytes[0].is_ascii_lowercase() && self.shapes.may_hold(bytes) {
                    self.see_lowercase(token.text);
                }
            } else {
                let runs = token.text.split(|c: char| !c.is_alphanumeric());
                for run in runs.skip(usize::from(glued)) {
                    let starts_lower = match run.as_bytes().first() {
                        None => false,
                        Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
                        Some(_) => run.chars().next().is_some_and(char::is_lowercase),
                    };
                    if starts_lower && self.shapes.may_hold(run.as_bytes()) {
                        self.see_lowercase(run);
                    }
                }
            }
        }
    }

    /// Notes `word` (starting with a lower-case letter) as written in lower case. A word with a
    /// capital inside ("iPhone") is no kept word's lower case.
    fn see_lowercase(&mut self, word: &str) {
        if word.is_ascii() && word.bytes().any(|b| b.is_ascii_uppercase()) {
            return;
        }
        if let Some(seen) = self.seen_mut(word) {
            *seen |= LOWER_CASE;
        }
    }

    /// Whether `lower` (lower case) is a capitalised word of the article also written so.
    pub fn contains(&self, lower: &str) -> bool {
        let seen = match packed_ascii(lower) {
            Some(key) => self.packed.get(&key),
            None => self.other.get(lower),
        };
        seen == Some(&(CAPITALISED | LOWER_CASE))
    }
}

/// The capitalised word tokens of `sentences`.
fn capitalised_words<'s, 'a>(sentences: &'s TokenLists<'a>) -> impl Iterator<Item = &'s Token<'a>> {
    sentences.all().iter().filter(|t| t.is_capitalised())
}

/// Whether `token` continues a run of letters and digits that began before it.
fn glued_on(text: &str, token: &Token) -> bool {
    match text.as_bytes()[..token.span.start].last() {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[..token.span.start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric),
    }
}

/// A title-case line: every longer word capitalised ("Xi Jinping Talks with President Zaparov").
pub(crate) fn is_headline(tokens: &[Token]) -> bool {
    let mut long_words = tokens.iter().filter(|t| {
        t.is_word() && t.text.len() >= 4 && (t.ascii_alnum || t.text.chars().count() >= 4)
    });
    tokens.first().is_none_or(|t| t.text != "(")
        && tokens.last().is_none_or(|t| t.text != ".")
        && long_words.clone().nth(2).is_some()
        && long_words.all(|t| t.is_capitalised() || FUNCTION_WORDS.contains(&t.text))
}

/// The type a name's last word gives it: an organisation ("... Ministry") or a facility ("...
/// Convention Centre").
pub(crate) fn head_type(name: &[Token]) -> Option<EntityType> {
    /// The words that make a "Centre" a building: "Convention Centre", not "Carter Centre".
    const VENUE_CENTRES: &[&str] = &[
        "convention",
        "conference",
        "exhibition",
        "shopping",
        "trade",
        "sports",
        "congress",
        "expo",
        "aquatics",
        "leisure",
    ];
    let last = name.last()?.text;
    let centre = matches!(last, "Centre" | "Center");
    if centre && name.len() >= 2 && VENUE_CENTRES.iter().any(|w| name[name.len() - 2].is(w)) {
        Some(EntityType::Fac)
    } else if ORG_HEADS.contains(last) {
        Some(EntityType::Org)
    } else if FAC_HEADS.contains(last) {
        Some(EntityType::Fac)
    } else {
        None
    }
}

fn is_entity_kind(kind: Kind) -> bool {
    matches!(kind, Kind::Gpe | Kind::Norp | Kind::Loc | Kind::Org)
}

fn entity_type(kind: Kind) -> EntityType {
    match kind {
        Kind::Norp => EntityType::Norp,
        Kind::Loc => EntityType::Loc,
        Kind::Org => EntityType::Org,
        _ => EntityType::Gpe,
    }
}

fn is_connector(token: &Token) -> bool {
    CONNECTORS.contains(&token.text)
}

fn is_sentence_starter(word: &str) -> bool {
    match word.is_ascii() {
        true => SENTENCE_STARTERS.contains(word),
        // Unicode lower-casing can turn a non-ASCII letter into an ASCII one (the Kelvin sign).
        false => SENTENCE_STARTERS.contains(&word.to_lowercase()),
    }
}

const CONNECTORS: &[&str] = &[
    "of", "the", "and", "for", "on", "&", "'s", "’s", "de", "del", "da", "du", "al", "bin", "ibn",
    "van", "von", "la", "le",
];

/// Capitalised only because they open a sentence.
static SENTENCE_STARTERS: WordSet = WordSet::new(&[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "for",
    "from",
    "to",
    "of",
    "by",
    "with",
    "after",
    "before",
    "during",
    "as",
    "but",
    "and",
    "or",
    "so",
    "if",
    "when",
    "while",
    "since",
    "although",
    "though",
    "however",
    "meanwhile",
    "also",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "his",
    "her",
    "their",
    "our",
    "my",
    "some",
    "many",
    "most",
    "all",
    "both",
    "each",
    "every",
    "other",
    "another",
    "according",
    "speaking",
    "earlier",
    "later",
    "last",
    "next",
    "today",
    "yesterday",
    "tomorrow",
    "now",
    "then",
    "thus",
    "yet",
    "over",
    "under",
    "about",
    "among",
    "between",
    "despite",
    "following",
    "amid",
    "under",
    "what",
    "why",
    "how",
    "who",
    "where",
    "which",
    "no",
    "not",
    "more",
    "such",
    "several",
    "until",
    "through",
    "within",
    "without",
    "photo",
    "source",
    "read",
    "via",
    "image",
    "video",
    "watch",
    "see",
    "share",
    // Prepositions, conjunctions and sentence adverbs that open sentences and never names.
    "unlike",
    "like",
    "besides",
    "beyond",
    "against",
    "across",
    "along",
    "around",
    "behind",
    "near",
    "throughout",
    "toward",
    "towards",
    "upon",
    "whether",
    "once",
    "because",
    "unless",
    "instead",
    "overall",
    "still",
    "even",
    "only",
    "again",
    "already",
    "currently",
    "recently",
    "initially",
    "finally",
    "additionally",
    "furthermore",
    "moreover",
    "nevertheless",
    "nonetheless",
    "otherwise",
    "perhaps",
    "indeed",
    "similarly",
    "likewise",
    "previously",
    "subsequently",
    "eventually",
    "ultimately",
    "separately",
    "elsewhere",
    "regarding",
    "concerning",
    "whereas",
    "whilst",
    "neither",
    "either",
    "any",
    "few",
    "much",
    "asked",
    "given",
    "including",
]);

/// Endings of ordinary nouns and adjectives, rare at the end of a personal name.
const NOUN_ENDINGS: &[&str] = &[
    "tion", "sion", "ment", "ness", "ity", "ship", "ware", "ism", "ical", "ology", "ics", "able",
    "ible", "ial", "ive",
];

const CREDIT_WORDS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "credit",
    "video",
    "reporting",
    "editing",
    "author",
    "by",
];

const FUNCTION_WORDS: &[&str] = &[
    "with", "from", "into", "over", "amid", "after", "upon", "than", "that", "this", "about",
    "were", "their", "have", "will",
];

/// Verbs that follow a speaker's name.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "noted",
    "stressed",
    "stated",
    "announced",
    "explained",
    "wrote",
    "asked",
    "emphasized",
    "emphasised",
    "underlined",
    "recalled",
];

/// Lower-case nouns that, just before a capitalised name, say it names an organisation.
const ORG_DESCRIPTORS: &[&str] = &[
    "company",
    "firm",
    "maker",
    "automaker",
    "carmaker",
    "manufacturer",
    "airframer",
    "airline",
    "carrier",
    "retailer",
    "lender",
    "insurer",
    "broadcaster",
    "newspaper",
    "magazine",
    "daily",
    "giant",
    "rival",
    "conglomerate",
    "subsidiary",
    "startup",
    "operator",
    "supplier",
    "publisher",
    "brewer",
    "producer",
    "bank",
    "group",
    "outlet",
    "agency",
    "party",
    "club",
];

/// The legal forms a company's name may end with, and drop after its first mention.
static COMPANY_FORMS: WordSet = WordSet::new(&[
    "inc",
    "ltd",
    "corp",
    "co",
    "corporation",
    "company",
    "llc",
    "llp",
    "plc",
    "gmbh",
    "ag",
    "sa",
    "spa",
    "nv",
    "group",
    "holdings",
]);

/// Company forms written with a full stop that belongs to the name.
pub(crate) const ABBREVIATED_ORG_FORMS: &[&str] = &["Inc", "Ltd", "Corp", "Co", "Bros"];

static ORG_HEADS: WordSet = WordSet::new(&[
    "llc",
    "llp",
    "plc",
    "gmbh",
    "ministry",
    "department",
    "agency",
    "organisation",
    "organization",
    "company",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "council",
    "committee",
    "commission",
    "bank",
    "university",
    "institute",
    "party",
    "union",
    "association",
    "federation",
    "group",
    "army",
    "forces",
    "police",
    "court",
    "parliament",
    "assembly",
    "fund",
    "authority",
    "office",
    "service",
    "news",
    "times",
    "post",
    "press",
    "television",
    "radio",
    "airlines",
    "airways",
    "railways",
    "foundation",
    "society",
    "college",
    "school",
    "academy",
    "embassy",
    "consulate",
    "secretariat",
    "government",
    "cabinet",
    "administration",
    "bureau",
    "centre",
    "center",
    "club",
    "network",
    "league",
    "alliance",
    "movement",
    "front",
    "brigade",
    "battalion",
    "navy",
    "senate",
    "congress",
    "board",
    "exchange",
    "holdings",
    "enterprise",
    "enterprises",
    "industries",
    "motors",
    "force",
    "brothers",
    "corps",
    "telecom",
    "media",
    "gazette",
    "journal",
    "herald",
    "tribune",
    "guard",
    "ministries",
    "mission",
    "coalition",
    "chamber",
    "program",
    "programme",
]);
static FAC_HEADS: WordSet = WordSet::new(&[
    "airport",
    "station",
    "bridge",
    "stadium",
    "hall",
    "palace",
    "square",
    "hospital",
    "port",
    "railway",
    "highway",
    "road",
    "street",
    "avenue",
    "dam",
    "tower",
    "museum",
    "plant",
    "base",
    "prison",
    "temple",
    "mosque",
    "church",
    "cathedral",
    "park",
    "pipeline",
    "canal",
    "tunnel",
    "terminal",
    "checkpoint",
    "crossing",
    "building",
    "house",
    "hotel",
    "arena",
    "mall",
    "market",
    "corridor",
    "harbour",
    "harbor",
]);
static EVENT_HEADS: WordSet = WordSet::new(&[
    "summit",
    "forum",
    "games",
    "olympics",
    "cup",
    "war",
    "conference",
    "festival",
    "expo",
    "championship",
    "championships",
    "election",
    "elections",
    "revolution",
    "uprising",
    "meeting",
    "talks",
    "dialogue",
    "exhibition",
    "fair",
    "marathon",
    "tournament",
    "congress",
    "week",
    "day",
    "olympiad",
    "session",
    "crisis",
]);
/// Words that open an event's name: "Cyclone Michaung", "Operation Inherent Resolve".
static EVENT_FIRST_WORDS: WordSet = WordSet::new(&[
    "cyclone",
    "hurricane",
    "typhoon",
    "storm",
    "tropical",
    "operation",
    "battle",
    "siege",
]);
static GPE_HEADS: WordSet = WordSet::new(&[
    "province",
    "city",
    "county",
    "oblast",
    "region",
    "district",
    "state",
    "prefecture",
    "municipality",
    "republic",
    "governorate",
    "emirate",
    "kingdom",
]);
/// Words that open the names of towns: "Port Said", "Fort Worth", and in Arabic names "Deir
/// ez-Zor", "Ras al-Ain", "Kafr Nabl".
static SETTLEMENT_FIRST_WORDS: WordSet =
    WordSet::new(&["port", "fort", "deir", "dayr", "ras", "kafr"]);

/// Words that open the names of natural features: "Mount Everest", "Lake Baikal", and in Arabic
/// names "Wadi Barada", "Jabal Sinjar".
static FEATURE_FIRST_WORDS: WordSet =
    WordSet::new(&["mount", "lake", "cape", "wadi", "jabal", "jebel", "nahr"]);

static LOC_HEADS: WordSet = WordSet::new(&[
    "river",
    "mountains",
    "mountain",
    "lake",
    "sea",
    "ocean",
    "valley",
    "island",
    "islands",
    "peninsula",
    "gulf",
    "desert",
    "strait",
    "bay",
    "coast",
    "basin",
    "plateau",
    "mount",
    "range",
]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn mentions(text: &str) -> Vec<(String, &'static str)> {
        recognise(text, &segment(text))
            .into_iter()
            .map(|m| (text[m.span.start..m.span.end].to_string(), m.kind.label()))
            .collect()
    }

    fn count(found: &[(String, &str)], text: &str, kind: &str) -> usize {
        found
            .iter()
            .filter(|(t, k)| t == text && *k == kind)
            .count()
    }

    fn has(found: &[(String, &str)], text: &str, kind: &str) -> bool {
        found.iter().any(|(t, k)| t == text && *k == kind)
    }

    /// A mention, its type, and how many times a case's text must hold it (0: never).
    type Expected = (&'static str, &'static str, usize);

    /// A rule, a text, and how many times each (mention, type) must be found in it (0: never).
    /// A new case is a new row.
    const CASES: &[(&str, &str, &[Expected])] = &[
        (
            "titles are not part of names",
            "Chinese Premier Li Qiang met President of Kyrgyzstan Sadir Japarov in Bishkek.",
            &[
                ("Chinese", "NORP", 1),
                ("Li Qiang", "PERSON", 1),
                ("Kyrgyzstan", "GPE", 1),
                ("Sadir Japarov", "PERSON", 1),
                ("Bishkek", "GPE", 1),
            ],
        ),
        (
            "a title word opening a known name or before an organisation head is no title",
            "Yesterday General Motors and the US Air Force met Lehman Brothers.",
            &[
                ("General Motors", "ORG", 1),
                ("US Air Force", "ORG", 1),
                ("Lehman Brothers", "ORG", 1),
            ],
        ),
        (
            "place lists without commas split",
            "Work on the China Kyrgyzstan Uzbekistan railway began.",
            &[("China", "GPE", 1), ("Kyrgyzstan", "GPE", 1), ("Uzbekistan", "GPE", 1)],
        ),
        (
            "company forms end organisations",
            "Apple Inc. shares rose. General Motors Corporation lost ground, as did Chrysler LLC.",
            &[
                ("Apple Inc.", "ORG", 1),
                ("General Motors Corporation", "ORG", 1),
                ("Chrysler LLC", "ORG", 1),
            ],
        ),
        (
            "what follows a title and 'of' is no person; head words type leftovers",
            "Jim Press, the Vice Chairman of Chrysler, met Joe Leonard, Chairman and Chief Executive of AirTran Airways.",
            &[
                ("Jim Press", "PERSON", 1),
                ("Chrysler", "PERSON", 0),
                ("AirTran Airways", "ORG", 1),
            ],
        ),
        (
            "a noun for an organisation introduces one, and later mentions follow it",
            "The computer company Apple said it would hire. Later, automaker Chrysler said Apple was wrong.",
            &[("Apple", "ORG", 2), ("Apple", "PERSON", 0), ("Chrysler", "ORG", 1)],
        ),
        (
            "a company is named without its legal form after its first mention",
            "Shares in Apple Inc. rose on Monday. Analysts expect Apple to grow. Apple said so.",
            &[("Apple", "ORG", 2)],
        ),
        (
            "a given name before a one-word place is a person, unless it is a place itself",
            "GM chief Fritz Henderson met officials from Israel Jordan and Egypt.",
            &[
                ("Fritz Henderson", "PERSON", 1),
                ("Israel", "GPE", 1),
                ("Jordan", "GPE", 1),
            ],
        ),
        (
            "first words of place names type plain runs",
            "Rebels left Deir Hafer for Wadi Qandil and Mount Zorbal.",
            &[
                ("Deir Hafer", "GPE", 1),
                ("Wadi Qandil", "LOC", 1),
                ("Mount Zorbal", "LOC", 1),
            ],
        ),
        (
            "a name with a version number is a product's, no person's",
            "Microsoft said Internet Explorer is safe. Users of Internet Explorer 6 must upgrade, Zorbal Quenty said.",
            &[("Internet Explorer", "PERSON", 0), ("Zorbal Quenty", "PERSON", 1)],
        ),
        (
            "a place spelled like a named person's surname is that person",
            "GM chief Fritz Henderson resigned. Henderson said GM would survive.",
            &[("Henderson", "PERSON", 1), ("Henderson", "GPE", 0)],
        ),
    ];

    #[test]
    fn rules_find_the_mentions_of_each_case() {
        for (rule, text, expected) in CASES {
            let found = mentions(text);
            for &(surface, kind, times) in *expected {
                let seen = count(&found, surface, kind);
                assert_eq!(seen, times, "{rule}: {surface:?} as {kind} in {found:?}");
            }
        }
    }

    #[test]
    fn adjectives_do_not_make_names() {
        let found = mentions("Stocks fell as the Industrial Average lost and Creative Live rose.");
        assert!(found.iter().all(|(_, k)| *k != "PERSON"), "{found:?}");
    }

    #[test]
    fn common_words_are_capitalised_words_also_written_in_lower_case() {
        let text = "Development of Ürümqi. The development went on; ürümqi-bound, an iPhone. Iphone Reply.";
        let sentences = tokenize_sentences(text, &crate::segment::segment(text));
        let common = CommonWords::of(text, &sentences);
        assert!(common.contains("development") && common.contains("ürümqi"));
        // Seen only capitalised, or with a capital inside, or never capitalised.
        for word in ["reply", "iphone", "went", "the"] {
            assert!(!common.contains(word), "{word}");
        }
    }

    #[test]
    fn common_words_answer_as_their_definition() {
        // Long words, words with a capital inside, non-ASCII ones, glued runs, and a capital
        // (the Kelvin sign) whose lower case is ASCII.
        let texts = [
            "Development of Ürümqi. The development went on; ürümqi-bound, an iPhone. Iphone Reply.",
            "The Internationalisation Committee met. internationalisation is slow, said Of and of.",
            "\u{212a}elvin met us; kelvin is a unit. Belt-and-Road: belt and road, U.S. us.",
            "ÉCOLE Ecole école; İstanbul istanbul; Zhaparov, zhaparov²Ab ab.",
        ];
        let mut common = 0;
        for text in texts {
            let sentences = tokenize_sentences(text, &crate::segment::segment(text));
            let all = CommonWords::of(text, &sentences);
            let tokens = sentences.all();
            for every in [1, 2, 3] {
                let asked: Vec<&Token> = tokens.iter().step_by(every).collect();
                let some = CommonWords::among(text, &sentences, asked.iter().copied());
                for token in asked {
                    with_lowercase(token.text, |lower| {
                        let expected = written_both_ways(text, &sentences, lower);
                        assert_eq!(all.contains(lower), expected, "{lower:?} in {text:?}");
                        assert_eq!(some.contains(lower), expected, "{lower:?} in {text:?}");
                        common += usize::from(expected);
                    });
                }
            }
        }
        assert!(common > 10, "the texts hold common words: {common}");
    }

    /// What [`CommonWords::contains`] answers, by its definition: some capitalised word lower-cases
    /// to `lower`, and `lower` is written as a letter-and-digit run starting in lower case (of a
    /// word token; a run glued to the token before is not one).
    fn written_both_ways(text: &str, sentences: &TokenLists, lower: &str) -> bool {
        let words = || sentences.all().iter().filter(|t| t.is_word());
        let capitalised = words().any(|t| t.is_capitalised() && t.text.to_lowercase() == lower);
        let starts_lower = |run: &str| run.chars().next().is_some_and(char::is_lowercase);
        let written = words().any(|t| {
            let runs = t.text.split(|c: char| !c.is_alphanumeric());
            (runs.skip(usize::from(glued_on(text, t)))).any(|run| run == lower && starts_lower(run))
        });
        capitalised && written
    }

    #[test]
    fn keyword_heads_type_unknown_names() {
        let found =
            mentions("The Kyrgyz Foreign Ministry said Manas International Airport reopened.");
        assert!(has(&found, "Kyrgyz Foreign Ministry", "ORG"), "{found:?}");
        assert!(
            has(&found, "Manas International Airport", "FAC"),
            "{found:?}"
        );
    }

    #[test]
    fn surnames_and_variants_resolve_after_the_full_name() {
        let found =
            mentions("President Sadyr Japarov arrived. Later Zaparov spoke. Then Japarov left.");
        assert!(
            has(&found, "Zaparov", "PERSON") && has(&found, "Japarov", "PERSON"),
            "{found:?}"
        );
    }

    #[test]
    fn headlines_only_trust_known_names() {
        let found = mentions(
            "Xi Jinping Talks with President Zaparov\nXi Jinping met Sadyr Japarov on Friday.",
        );
        assert!(has(&found, "Xi Jinping", "PERSON"), "{found:?}");
        assert!(has(&found, "Zaparov", "PERSON"), "{found:?}");
        assert!(!found.iter().any(|(t, _)| t.contains("Talks")), "{found:?}");
    }

    #[test]
    fn sentence_starters_and_calendar_words_are_not_names() {
        let found = mentions("However, on Monday in May the talks in Astana went on.");
        assert_eq!(found, vec![("Astana".to_string(), "GPE")]);
        let found = mentions("Unlike Chrysler, the city of Livorno kept its bonds.");
        assert!(
            found.iter().all(|(t, _)| !t.contains("Unlike")),
            "{found:?}"
        );
    }

    #[test]
    fn photo_credits() {
        let found = mentions("(Photo: Rao Aimin/Xinhua)");
        assert!(
            has(&found, "Rao Aimin", "PERSON") && has(&found, "Xinhua", "ORG"),
            "{found:?}"
        );
    }
}
