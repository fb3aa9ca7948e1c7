//! One entity per referent: mentions are merged when they spell the same name (up to
//! transliteration), when a surname or given name refers back to a full name ("Li" → "Li Qiang"),
//! when an acronym is defined or spelled by initials ("SCO"), when the gazetteer says one is a
//! variant of the other ("Kyrgyz Republic" → "Kyrgyzstan"), or when the article says so
//! ("X, also known as Y": `aliases.rs`).

use crate::hash::{map_with_capacity, FastMap};
use std::borrow::Cow;

use super::aliases::{self, Form};
use super::lexicon::ends_in_company_form;
use super::names::{phrase_key, push_initials};
use super::{Entity, EntityType, Mention};

/// An article's entities, and which one each mention names.
pub struct Merged<'t> {
    pub entities: Vec<Entity<'t>>,
    /// By mention index, the id of its entity.
    pub entity_of: Vec<u32>,
}

/// Groups `mentions` (in text order, with the keys recognition gave them) into entities, numbered
/// in order of first mention.
pub fn merge<'t>(text: &'t str, mentions: &[Mention]) -> Merged<'t> {
    let mut groups = UnionFind::new(mentions.len());
    // The whole-name keys, made once per distinct name: an article names "U.S." a hundred times.
    let mut whole_names: FastMap<&str, String> = FastMap::default();
    for m in mentions {
        if let Some(name) = Keys::whole_name_of(text, m) {
            whole_names.entry(name).or_insert_with(|| name_key(name));
        }
    }
    let keyed: Vec<Keys> = mentions
        .iter()
        .map(|m| Keys::of(text, m, &whole_names))
        .collect();

    // Same name, up to case and spelling variants; the gazetteer's canonical name counts as the name.
    let mut by_name: FastMap<(EntityType, &str), usize> = map_with_capacity(mentions.len());
    for (i, m) in mentions.iter().enumerate() {
        match by_name.get(&(m.kind, keyed[i].name())) {
            Some(&j) => groups.union(j, i),
            None => {
                by_name.insert((m.kind, keyed[i].name()), i);
            }
        }
    }

    // "Orbital Lantern Corp" is "Orbital Lantern": a company named with and without its form.
    for (i, m) in mentions.iter().enumerate() {
        if m.kind != EntityType::Org || !ends_in_company_form(&text[m.span.start..m.span.end]) {
            continue;
        }
        if let Some((without_form, _)) = keyed[i].words.rsplit_once(' ') {
            if let Some(&j) = by_name.get(&(EntityType::Org, without_form)) {
                groups.union(j, i);
            }
        }
    }

    let full_names = FullNames::index(mentions, &keyed);
    let mut acronyms = Acronyms::default();
    for (i, m) in mentions.iter().enumerate() {
        if m.kind == EntityType::Person && keyed[i].is_one_word() {
            if let Some(full) = full_names.nearest(&keyed[i].words, i) {
                groups.union(full, i);
            }
        }
        if let Some(expansion) = acronym_expansion(text, mentions, &keyed, i, &mut acronyms) {
            groups.union(expansion, i);
        }
    }
    // The names an article gives itself; an alias or former name is listed under the first.
    let mut listed_under = Vec::new();
    for d in aliases::defined(text, mentions) {
        groups.union(d.first, d.second);
        if d.form != Form::Birth {
            listed_under.push(d.first);
        }
    }
    let entities = build_entities(text, mentions, &mut groups, &listed_under);
    let mut entity_of = vec![0; mentions.len()];
    for entity in &entities {
        for &m in &entity.mentions {
            entity_of[m] = entity.id;
        }
    }
    Merged {
        entities,
        entity_of,
    }
}

/// A mention's comparison keys, computed once.
struct Keys<'m> {
    /// The spelling key of each word of the surface, joined by single spaces: the one
    /// recognition gave the mention, else made here.
    words: Cow<'m, str>,
    /// The whole name when it is not `words`: the gazetteer's canonical name, or the surface
    /// without "the"; lower-cased and spelling-folded.
    other_name: Option<&'m str>,
}

impl<'m> Keys<'m> {
    /// What the whole-name key of `m` is made from, when it is not its words' key: the
    /// gazetteer's canonical name, or a surface starting with "the".
    fn whole_name_of<'t>(text: &'t str, m: &Mention) -> Option<&'t str> {
        let surface = &text[m.span.start..m.span.end];
        match m.canonical {
            Some(canonical) => Some(canonical),
            None if surface.starts_with("the ") || surface.starts_with("The ") => Some(surface),
            None => None,
        }
    }

    /// `m`'s keys, its whole-name key from `whole_names` (made by [`name_key`]).
    fn of(text: &str, m: &'m Mention, whole_names: &'m FastMap<&str, String>) -> Keys<'m> {
        let surface = &text[m.span.start..m.span.end];
        let words = match m.key.is_empty() {
            false => Cow::Borrowed(m.key.as_str()),
            true => Cow::Owned(phrase_key(surface)),
        };
        let other_name =
            Keys::whole_name_of(text, m).and_then(|name| whole_names.get(name).map(String::as_str));
        Keys { words, other_name }
    }

    /// The whole name: canonical if the gazetteer has one, lower-cased, without "the",
    /// spelling-folded.
    fn name(&self) -> &str {
        self.other_name.unwrap_or(&self.words)
    }

    fn is_one_word(&self) -> bool {
        !self.words.contains(' ')
    }
}

/// Lower-cased, without "the" and possessive endings, with each word's spelling key.
fn name_key(name: &str) -> String {
    let name = name
        .strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name);
    phrase_key(name)
}

/// Multi-word person mentions by the spelling key of each of their words: (word, mention) sorted
/// by word, then in text order. One vector, not one per word.
struct FullNames<'k>(Vec<(&'k str, usize)>);

impl<'k> FullNames<'k> {
    fn index(mentions: &[Mention], keyed: &'k [Keys]) -> FullNames<'k> {
        let mut index = Vec::with_capacity(mentions.len());
        for (i, m) in mentions.iter().enumerate() {
            if m.kind == EntityType::Person && !keyed[i].is_one_word() {
                index.extend(keyed[i].words.split(' ').map(|word| (word, i)));
            }
        }
        index.sort_by(|a, b| a.0.cmp(b.0)); // stable: text order within a word
        FullNames(index)
    }

    /// The full name a one-word mention refers back to: the nearest earlier one sharing the word,
    /// else the nearest later one ("Li" → "Li Qiang").
    fn nearest(&self, word: &str, index: usize) -> Option<usize> {
        let from = self.0.partition_point(|&(w, _)| w < word);
        let to = from + self.0[from..].partition_point(|&(w, _)| w == word);
        let candidates = &self.0[from..to];
        let after = candidates.partition_point(|&(_, j)| j < index);
        if after > 0 {
            Some(candidates[after - 1].1)
        } else {
            candidates.get(after).map(|&(_, j)| j)
        }
    }
}

/// Multi-word names by their initials ("SCO" → the first "Shanghai Cooperation Organisation").
fn initials_index(text: &str, mentions: &[Mention]) -> FastMap<String, usize> {
    let mut index = map_with_capacity(mentions.len());
    let mut key = String::new(); // written for each name, kept only when new
    for (i, m) in mentions.iter().enumerate() {
        let name = m.canonical.unwrap_or(&text[m.span.start..m.span.end]);
        if name.contains(' ') {
            key.clear();
            push_initials(name, &mut key);
            if !index.contains_key(&key) {
                index.insert(key.clone(), i);
            }
        }
    }
    index
}

/// The mention an acronym abbreviates: the name right before "(SCO)", else a name whose initials
/// spell it (`acronyms` holds the [`initials_index`], made here when first needed).
fn acronym_expansion(
    text: &str,
    mentions: &[Mention],
    keyed: &[Keys],
    index: usize,
    acronyms: &mut Acronyms,
) -> Option<usize> {
    let m = &mentions[index];
    let surface = &text[m.span.start..m.span.end];
    if !is_acronym(surface) {
        return None;
    }
    if index > 0 {
        let before = &mentions[index - 1];
        let between = text[before.span.end..m.span.start].trim();
        if between == "(" && text[m.span.end..].trim_start().starts_with(')') {
            let written = &text[before.span.start..before.span.end];
            // "NAIROBI, Kenya (AP)": a wire service after a place abbreviates nothing; an
            // acronym the gazetteer expands abbreviates that.
            let own = m.canonical.is_none() || keyed[index].name() == keyed[index - 1].name();
            return (own && could_abbreviate(surface, written)).then_some(index - 1);
        }
    }
    let spelled_out = acronyms
        .spelled_out
        .get_or_insert_with(|| initials_index(text, mentions));
    let found = if surface.bytes().all(|b| b.is_ascii_alphanumeric()) {
        spelled_out.get(surface) // most acronyms: "SCO", "WHO"
    } else {
        let letters = &mut acronyms.letters;
        letters.clear();
        letters.extend(surface.chars().filter(|c| c.is_alphanumeric()));
        spelled_out.get(letters.as_str())
    };
    found.copied().filter(|&j| j != index)
}

/// The article's multi-word names by their initials, made when the first acronym asks (many
/// articles have none); and one buffer for the letters of every dotted acronym ("U.S.").
#[derive(Default)]
struct Acronyms {
    spelled_out: Option<FastMap<String, usize>>,
    letters: String,
}

/// Whether `acronym`'s letters are, in order, capitals of a name of several words ("JICA":
/// "Japan International Cooperation Agency", "JTSU": "PT Jalan Tol Sumatra Utama"), or letters
/// of a one-word name that begins with the first ("BND": "Bundesnachrichtendienst").
fn could_abbreviate(acronym: &str, name: &str) -> bool {
    let same = |a: char, b: char| a.to_lowercase().eq(b.to_lowercase());
    let in_order = |within: &str| {
        let mut within = within.chars();
        acronym
            .chars()
            .filter(|c| c.is_alphanumeric())
            .all(|l| within.any(|c| same(c, l)))
    };
    if name.contains(' ') {
        let capitals: String = name
            .chars()
            .filter(|c| c.is_uppercase() || c.is_numeric())
            .collect();
        in_order(&capitals)
    } else if !name.chars().any(char::is_lowercase) {
        // "ANKARA (AA)": a dateline's place in capitals, then the wire service.
        false
    } else {
        let first = acronym.chars().find(|c| c.is_alphanumeric());
        first
            .zip(name.chars().next())
            .is_some_and(|(a, b)| same(a, b))
            && in_order(name)
    }
}

/// "SCO", "U.S.", "OPEC+": one word with two capitals or more. Asked of every mention, so an
/// ASCII surface is read as bytes and left at its first space or second capital.
fn is_acronym(surface: &str) -> bool {
    if !surface.is_ascii() {
        return !surface.contains(' ') && surface.chars().filter(|c| c.is_uppercase()).count() >= 2;
    }
    let mut capitals = 0;
    for &b in surface.as_bytes() {
        if b == b' ' {
            return false;
        }
        capitals += usize::from(b.is_ascii_uppercase());
    }
    capitals >= 2
}

/// Entities of the `groups` of mentions; one holding a mention of `listed_under` takes its
/// spelling as its name.
fn build_entities<'t>(
    text: &'t str,
    mentions: &[Mention],
    groups: &mut UnionFind,
    listed_under: &[usize],
) -> Vec<Entity<'t>> {
    // By the index of its group's root (a mention's), the entity of a group.
    let mut entity_of_root = vec![usize::MAX; mentions.len()];
    let mut entities: Vec<Entity> = Vec::with_capacity(mentions.len());
    for (i, m) in mentions.iter().enumerate() {
        let root = groups.find(i);
        if entity_of_root[root] == usize::MAX {
            entity_of_root[root] = entities.len();
            entities.push(Entity {
                id: entities.len() as u32 + 1,
                kind: m.kind,
                name: "",
                aliases: Vec::new(),
                mentions: Vec::new(),
            });
        }
        entities[entity_of_root[root]].mentions.push(i);
    }
    // Distinct spellings with their counts, in order of first appearance; one buffer for all.
    let mut spellings: Vec<(&'t str, usize)> = Vec::new();
    for entity in &mut entities {
        spellings.clear();
        for &i in &entity.mentions {
            let surface = &text[mentions[i].span.start..mentions[i].span.end];
            // Linear in mentions times spellings: an entity has few distinct spellings, even
            // when it is mentioned 50,000 times in a pasted 5 MB text.
            match spellings.iter_mut().find(|(s, _)| *s == surface) {
                Some((_, count)) => *count += 1,
                None => spellings.push((surface, 1)),
            }
        }
        let defined = entity.mentions.iter().find(|i| listed_under.contains(i));
        entity.name = match defined {
            Some(&i) => &text[mentions[i].span.start..mentions[i].span.end],
            None => display_name(text, mentions, &entity.mentions, &spellings),
        };
        let name = entity.name;
        entity.aliases = spellings
            .iter()
            .map(|&(s, _)| s)
            .filter(|&s| s != name)
            .collect();
    }
    entities
}

/// The gazetteer's name for a variant spelling ("Kyrgyz Republic" → "Kyrgyzstan"); else the
/// article's own fullest spelling; else the expansion of an acronym the article never spelled out.
fn display_name<'t>(
    text: &str,
    mentions: &[Mention],
    members: &[usize],
    spellings: &[(&'t str, usize)],
) -> &'t str {
    let in_capitals = |i: usize| {
        !text[mentions[i].span.start..mentions[i].span.end]
            .chars()
            .any(char::is_lowercase)
    };
    let variant_of = members
        .iter()
        .find_map(|&i| mentions[i].canonical.filter(|_| !in_capitals(i)));
    let fullest = best_name(spellings);
    let expansion = members.iter().find_map(|&i| mentions[i].canonical);
    match (variant_of, expansion) {
        (Some(name), _) => name,
        (None, Some(name)) if !fullest.contains(' ') => name,
        _ => fullest,
    }
}

/// The fullest spelling: most words, then the most frequent, then the first.
fn best_name<'a>(spellings: &[(&'a str, usize)]) -> &'a str {
    let words = |s: &str| s.split_whitespace().count();
    let mut best = spellings[0];
    for &(s, n) in &spellings[1..] {
        if words(s) > words(best.0) || (words(s) == words(best.0) && n > best.1) {
            best = (s, n);
        }
    }
    best.0
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Joins the groups of `a` and `b`; the earlier mention's root stays the root.
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (keep, join) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[join] = keep;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::recognise::recognise;
    use crate::segment::segment;

    fn entities(text: &str) -> Vec<(&str, Vec<&str>)> {
        let mentions = recognise(text, &segment(text));
        merge(text, &mentions)
            .entities
            .into_iter()
            .map(|e| (e.name, e.aliases))
            .collect()
    }

    #[test]
    fn mentions_without_keys_merge_as_keyed_ones() {
        let text = "President Sadir Japarov met Li Qiang. Zaparov said yes. Li left the SCO.";
        let keyed = recognise(text, &segment(text));
        let mut unkeyed = keyed.clone();
        unkeyed.iter_mut().for_each(|m| m.key.clear());
        let (a, b) = (merge(text, &keyed), merge(text, &unkeyed));
        assert_eq!(a.entities, b.entities);
        assert_eq!(a.entity_of, b.entity_of);
        assert!(a.entities.len() < keyed.len(), "some mentions merged");
    }

    #[test]
    fn a_company_named_without_its_form_is_the_company() {
        let text = "Orbital Lantern Corp. won a licence. Orbital Lantern said the Lantern Group would not.";
        let org = |name: &str| {
            let start = text.find(name).unwrap();
            Mention {
                span: crate::Span::new(start, start + name.len()),
                kind: EntityType::Org,
                canonical: None,
                sentence: 0,
                key: Default::default(),
            }
        };
        let start = text.rfind("Orbital Lantern").unwrap();
        let short = Mention {
            span: crate::Span::new(start, start + "Orbital Lantern".len()),
            ..org("Orbital Lantern")
        };
        let mentions = [org("Orbital Lantern Corp."), short, org("Lantern Group")];
        let merged = merge(text, &mentions);
        assert_eq!(
            merged.entity_of[0], merged.entity_of[1],
            "{:?}",
            merged.entities
        );
        assert_ne!(
            merged.entity_of[0], merged.entity_of[2],
            "{:?}",
            merged.entities
        );
    }

    #[test]
    fn transliterations_of_one_president_merge() {
        let found =
            entities("President Sadir Japarov spoke. Zaparov said yes. Later Caparov left.");
        let president = found
            .iter()
            .find(|(name, _)| *name == "Sadir Japarov")
            .expect("president");
        assert_eq!(president.1, ["Zaparov", "Caparov"]);
    }

    #[test]
    fn surname_refers_back_to_the_full_name() {
        let found =
            entities("Chinese Premier Li Qiang arrived in Astana. Li said the visit went well.");
        let li = found
            .iter()
            .find(|(name, _)| *name == "Li Qiang")
            .expect("Li Qiang");
        assert_eq!(li.1, ["Li"]);
    }

    #[test]
    fn defined_acronyms_merge_with_their_expansion() {
        let found = entities("Leaders of the Shanghai Cooperation Organization (SCO) met. The SCO summit is in July.");
        let sco = found
            .iter()
            .find(|(name, _)| name.starts_with("Shanghai"))
            .expect("SCO");
        assert!(sco.1.contains(&"SCO"), "{found:?}");
    }

    #[test]
    fn acronyms_in_parentheses_abbreviate_only_what_they_spell() {
        let cases = [
            ("JICA", "Japan International Cooperation Agency", true),
            ("JTSU", "PT Jalan Tol Sumatra Utama", true),
            ("JTSU", "Jalan Tol Sumatra Utama", true),
            ("BND", "Bundesnachrichtendienst", true),
            ("U.S.", "United States", true),
            ("AP", "Kenya", false),
            ("AP", "WASHINGTON", false),
            ("AFP", "Nairobi", false),
            ("AA", "ANKARA", false),
        ];
        for (acronym, name, expected) in cases {
            assert_eq!(
                could_abbreviate(acronym, name),
                expected,
                "{acronym} {name}"
            );
        }
    }

    #[test]
    fn gazetteer_variants_merge() {
        let found = entities("The Kyrgyz Republic and Kyrgyzstan are one country.");
        let kg: Vec<_> = found
            .iter()
            .filter(|(name, _)| *name == "Kyrgyzstan")
            .collect();
        assert_eq!(kg.len(), 1, "{found:?}");
        assert_eq!(kg[0].1, ["Kyrgyz Republic"]);
    }
}
