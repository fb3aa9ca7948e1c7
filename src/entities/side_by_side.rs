//! Two names side by side, parted by nothing but a space, are nearly always one: annotated
//! text almost never puts two names there, while the tagger and the rules often cut one name at
//! a place inside it ("Toronto | Blue Jays", "Quebec | Human Rights Tribunal", "Frank |
//! Messina"). Only the pairings whose whole is predictable are joined. So are a person's name
//! and the name after it parted by lower-case particles alone ("Ludwig | van der | Berg"), and
//! an organisation's or a building's head word and what it is of ("Great Hall | of the |
//! People").

use crate::entities::lexicon::{
    head_type, FEATURE_FIRST_WORDS, NAME_PARTICLES, SETTLEMENT_FIRST_WORDS,
};
use crate::entities::{in_text_order, EntityType, Key, Mention};
use crate::gazetteer::Gazetteer;
use crate::token::{tokens_within, Token, TokenLists};
use crate::Span;

/// Joins each such pair in `found` (in text order, without overlaps; it stays so) into one
/// mention of the type [`joined_type`] gives; whether it joined any (those have no key yet).
pub(crate) fn join_side_by_side(
    text: &str,
    sentences: &TokenLists,
    gazetteer: &Gazetteer,
    found: &mut Vec<Mention>,
) -> bool {
    let before = found.len();
    let mut joined: Vec<Mention> = Vec::with_capacity(found.len());
    // A pair is joined once, never into a chain: a megabyte of "Acme Inc. " stays names of
    // two words, and each check reads two names of their own length.
    let mut last_joined = false;
    for mention in found.drain(..) {
        let Some(last) = joined.last_mut() else {
            joined.push(mention);
            continue;
        };
        let apart =
            !last_joined && last.sentence == mention.sentence && last.span.end < mention.span.start;
        let kind = if apart {
            let gap = &text[last.span.end..mention.span.start];
            sentences
                .get(mention.sentence)
                .and_then(|tokens| pair_type(tokens, gazetteer, last, &mention, gap))
        } else {
            None
        };
        last_joined = kind.is_some();
        match kind {
            Some(kind) => {
                *last = Mention::found(
                    Span::new(last.span.start, mention.span.end),
                    kind,
                    last.sentence,
                );
            }
            None => joined.push(mention),
        }
    }
    *found = joined;
    found.len() < before
}

/// Takes a surname with an Arabic article ("al-Masri", "el-Sisi"), which the tagger and the
/// rules pass over for its lower-case opening, into the person's name before it, or reads the
/// one to three capitalised words before it and it as a person's name where no name stands
/// ("Noor al-Mansouri", "Abdel Fattah el-Sisi"), or a place's by its first word ("Ras
/// al-Khaimah"). `found` is in text order without overlaps and stays so; whether any changed
/// (those have no key yet).
pub(crate) fn take_in_article_surnames(sentences: &TokenLists, found: &mut Vec<Mention>) -> bool {
    /// The most words a given name with an article surname takes.
    const LONGEST_GIVEN: usize = 3;
    let mut added = Vec::new();
    let mut changed = false;
    for (index, tokens) in sentences.iter().enumerate() {
        for k in 1..tokens.len() {
            let (before, surname) = (&tokens[k - 1], &tokens[k]);
            if !surname.is_article_name()
                || !before.is_capitalised()
                || before.span.end + 1 != surname.span.start
            {
                continue;
            }
            let at = found.partition_point(|m| m.span.end <= before.span.start);
            let surname_free = |m: &Mention| m.span.start >= surname.span.end;
            match found.get(at) {
                // The name ends at the word before; nothing holds the surname.
                Some(m) if m.span.start <= before.span.start => {
                    let next_free = found.get(at + 1).is_none_or(surname_free);
                    if m.kind == EntityType::Person && m.span.end == before.span.end && next_free {
                        let m = &mut found[at];
                        m.span = Span::new(m.span.start, surname.span.end);
                        m.key = Key::default();
                        changed = true;
                    }
                }
                next if next.is_none_or(surname_free) => {
                    let mut first = k - 1;
                    while first > 0
                        && k - first < LONGEST_GIVEN
                        && tokens[first - 1].is_capitalised()
                        && tokens[first - 1].span.end + 1 == tokens[first].span.start
                        && (at == 0 || found[at - 1].span.end <= tokens[first - 1].span.start)
                    {
                        first -= 1;
                    }
                    // "Ras al-Khaimah", "Wadi al-Hitan": a place's first word.
                    let opening = tokens[first].text;
                    let kind = if SETTLEMENT_FIRST_WORDS.contains(opening) {
                        EntityType::Gpe
                    } else if FEATURE_FIRST_WORDS.contains(opening) {
                        EntityType::Loc
                    } else {
                        EntityType::Person
                    };
                    added.push(Mention::found(
                        Span::new(tokens[first].span.start, surname.span.end),
                        kind,
                        index,
                    ));
                }
                _ => {}
            }
        }
    }
    if !added.is_empty() {
        found.extend(added);
        in_text_order(found);
        changed = true;
    }
    changed
}

/// Takes a surname after lower-case particles into the person's name before it where nothing
/// else names the surname, or only a one-word person's name does: "Ursula | von der | Leyen",
/// which the tagger ends at the given name; or a listed given name and particles before a
/// one-word name into it ("Mohammed bin | Salman"). `found` is in text order without overlaps
/// and stays so; whether any changed (those have no key yet).
pub(crate) fn take_in_particle_surnames(
    sentences: &TokenLists,
    gazetteer: &Gazetteer,
    found: &mut Vec<Mention>,
) -> bool {
    /// The most particles between a given name and a surname ("van der", "de la").
    const MOST_PARTICLES: usize = 2;
    let mut changed = false;
    let mut at = 0;
    while at < found.len() {
        let person = &found[at];
        let Some(tokens) = sentences.get(person.sentence) else {
            at += 1;
            continue;
        };
        let after = tokens.partition_point(|t| t.span.start < person.span.end);
        let particles = tokens[after..]
            .iter()
            .take(MOST_PARTICLES)
            .take_while(|t| is_particle(t))
            .count();
        let surname = tokens.get(after + particles);
        let spaced = tokens[after.saturating_sub(1)..(after + particles + 1).min(tokens.len())]
            .windows(2)
            .all(|pair| pair[0].span.end + 1 == pair[1].span.start);
        let taken = match (person.kind, surname) {
            (EntityType::Person, Some(surname))
                if particles > 0 && spaced && surname.is_capitalised() =>
            {
                match found.get(at + 1) {
                    // Nothing names the surname, or only a one-word person's name does.
                    None => Some((surname.span.end, false)),
                    Some(next) if next.span.start >= surname.span.end => {
                        Some((surname.span.end, false))
                    }
                    Some(next) if next.span == surname.span && next.kind == EntityType::Person => {
                        Some((surname.span.end, true))
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        if let Some((end, absorbs_next)) = taken {
            let person = &mut found[at];
            person.span = Span::new(person.span.start, end);
            person.key = Key::default();
            if absorbs_next {
                // Emptied here, dropped after the walk: removing from the middle of the list
                // at each name would be quadratic in a pasted list of them.
                found[at + 1].span = Span::new(end, end);
                at += 1;
            }
            changed = true;
        } else if let Some(start) = given_name_before(tokens, &found[..at], &found[at], gazetteer) {
            // "Mohammed bin | Salman": a listed given name and particles nothing names, before a
            // one-word name no table lists as a place.
            let person = &mut found[at];
            person.span = Span::new(start, person.span.end);
            person.kind = EntityType::Person;
            person.key = Key::default();
            changed = true;
        }
        at += 1;
    }
    if changed {
        found.retain(|m| m.span.start < m.span.end);
    }
    changed
}

/// A lower-case particle of a name ("von", "bin"): asked of the words around every name, so
/// the list is read only for short lower-case ones.
fn is_particle(token: &Token) -> bool {
    token.text.len() <= 4
        && token
            .text
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_lowercase)
        && NAME_PARTICLES.contains(token.text)
}

/// Where a person's name starts that ends with the one-word `name`: a listed given name, then
/// one or two particles, none in `before` (the mentions before `name`), and `name` no place
/// the gazetteer lists ("Juan de | Madrid").
fn given_name_before(
    tokens: &[Token],
    before: &[Mention],
    name: &Mention,
    gazetteer: &Gazetteer,
) -> Option<usize> {
    if matches!(name.kind, EntityType::Event | EntityType::Norp) {
        return None;
    }
    let at = tokens.partition_point(|t| t.span.start < name.span.start);
    let word = tokens.get(at).filter(|t| t.span == name.span)?;
    let particles = tokens[..at]
        .iter()
        .rev()
        .take(2)
        .take_while(|t| is_particle(t))
        .count();
    let given = &tokens[at.checked_sub(particles + 1).filter(|_| particles > 0)?];
    if gazetteer.lists_place(std::slice::from_ref(word)) {
        return None;
    }
    let spaced = tokens[at - particles - 1..=at]
        .windows(2)
        .all(|pair| pair[0].span.end + 1 == pair[1].span.start);
    let free = before.last().is_none_or(|m| m.span.end <= given.span.start);
    (spaced && free && gazetteer.is_first_name(given)).then_some(given.span.start)
}

/// The type of the one name `first` and `second` (of the sentence `tokens`, parted by `gap`)
/// make, or None to keep them apart.
fn pair_type(
    tokens: &[Token],
    gazetteer: &Gazetteer,
    first: &Mention,
    second: &Mention,
    gap: &str,
) -> Option<EntityType> {
    if first.kind == EntityType::Person && particles_only(gap) {
        return Some(EntityType::Person);
    }
    // Most names in a sentence are parted by more: the gap alone turns them away, before
    // their tokens are looked up.
    let of_gap = matches!(gap, " of " | " of the ")
        && matches!(first.kind, EntityType::Org | EntityType::Fac);
    if !of_gap && gap != " " {
        return None;
    }
    let first_at = tokens_within(tokens, first.span);
    let first_tokens = &tokens[first_at.clone()];
    let second_tokens = &tokens[tokens_within(tokens, second.span)];
    // "Great Hall | of the | People", "Central Bank | of | Kenya": an organisation's or a
    // building's head word, then what it is of.
    if of_gap
        && first_tokens.len() >= 2
        && head_type(first_tokens) == Some(first.kind)
        && second_tokens.len() <= 3
    {
        return Some(first.kind);
    }
    // "President of Kyrgyzstan | Sadir Japarov", "Ambassador of the Republic of Chad | Idriss
    // Deby": a title's place, then its holder.
    if gap != " " || after_of(&tokens[..first_at.start]) {
        return None;
    }
    let is_first_name = |t: &Token| gazetteer.is_first_name(t);
    let is_name = |t: &Token| gazetteer.is_first_name(t) || gazetteer.is_last_name(t);
    joined_type(
        (
            first.kind,
            first_tokens.last().is_some_and(is_first_name),
            matches!(first_tokens, [one] if is_first_name(one)),
        ),
        (second.kind, second_tokens.iter().any(is_name)),
    )
}

/// Whether `gap` is one to three name particles, each between single spaces (" van der ").
fn particles_only(gap: &str) -> bool {
    // Three particles of four letters at most, and their spaces.
    if gap.len() > 16 {
        return false;
    }
    let Some(words) = gap.strip_prefix(' ').and_then(|g| g.strip_suffix(' ')) else {
        return false;
    };
    let mut count = 0;
    words.split(' ').all(|word| {
        count += 1;
        count <= 3 && NAME_PARTICLES.contains(word)
    })
}

/// Whether `before` ends with "of" or "of the".
fn after_of(before: &[Token]) -> bool {
    match before {
        [.., of, the] if the.is("the") => of.is("of"),
        [.., of] => of.is("of"),
        [] => false,
    }
}

/// The type of the one name two side by side make, or None to keep them apart. `first`: its
/// type, whether its last word is a listed given name, whether it is one word and that a given
/// name; `second`: its type,
/// whether any word is a listed given or family name.
fn joined_type(
    (first, ends_given, given_name): (EntityType, bool, bool),
    (second, names_someone): (EntityType, bool),
) -> Option<EntityType> {
    use EntityType::*;
    match (first, second) {
        // "Tampa Bay | Devil Rays", "US | Federal Reserve", "American | Civil Liberties Union".
        (Gpe | Norp, Org) | (Org, Org) => Some(Org),
        // "Chad | Edward Gaudin", "Salvador | Luria": the place is a given name.
        (Gpe, Person) if given_name => Some(Person),
        // "Toronto | Blue Jays", "Quebec | Human Rights Tribunal": no one's name follows the
        // place ("Washington | Chris Gregoire" stays two).
        (Gpe, Person) if !names_someone => Some(Org),
        // "Frank | Messina": a given name, then a surname spelled like a place.
        (Person, Gpe) if ends_given => Some(Person),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::cases::assert_mentions;
    use EntityType::*;

    /// ((first type, its last word a given name, it a one-word given name), (second type, a word
    /// a listed name), the joined type).
    #[allow(clippy::type_complexity)]
    const PAIRS: &[(
        (EntityType, bool, bool),
        (EntityType, bool),
        Option<EntityType>,
    )] = &[
        ((Gpe, false, false), (Org, false), Some(Org)),
        ((Norp, false, false), (Org, true), Some(Org)),
        ((Org, false, false), (Org, false), Some(Org)),
        ((Gpe, true, true), (Person, true), Some(Person)),
        ((Gpe, false, false), (Person, false), Some(Org)),
        ((Gpe, false, false), (Person, true), None),
        ((Person, true, true), (Gpe, false), Some(Person)),
        ((Person, false, false), (Gpe, false), None),
        ((Gpe, false, false), (Gpe, false), None),
        ((Norp, false, false), (Person, false), None),
        ((Org, false, false), (Person, true), None),
        ((Gpe, false, false), (Norp, false), None),
    ];

    #[test]
    fn pairs_join_only_where_the_whole_is_predictable() {
        for &(first, second, expected) in PAIRS {
            assert_eq!(joined_type(first, second), expected, "{first:?} {second:?}");
        }
    }

    /// (article, (name, type) it must hold, names it must not).
    #[allow(clippy::type_complexity)]
    const CASES: &[(&str, &[(&str, &str)], &[&str])] = &[
        (
            "The Quebec Human Rights Tribunal ruled on Monday that the Tampa Bay Devil Rays had \
             broken the law. Chad Michael Murray, an actor, said the Toronto Blue Jays agreed.",
            &[
                ("Quebec Human Rights Tribunal", "ORG"),
                ("Tampa Bay Devil Rays", "ORG"),
                ("Chad Michael Murray", "PERSON"),
                ("Toronto Blue Jays", "ORG"),
            ],
            &[
                "Quebec",
                "Human Rights Tribunal",
                "Tampa",
                "Chad",
                "Toronto",
                "Blue Jays",
            ],
        ),
        // Two names a comma or a word parts stay two; so do a place and a person's name.
        (
            "Officials in Kenya, Uganda and Tanzania met on Friday. In Washington Chris Gregoire \
             said the talks went well.",
            &[
                ("Kenya", "GPE"),
                ("Uganda", "GPE"),
                ("Chris Gregoire", "PERSON"),
            ],
            &["Washington Chris Gregoire"],
        ),
        // A title's place, then its holder.
        (
            "The President of Kyrgyzstan Sadir Japarov met the Ambassador of the Republic of \
             Chad Idriss Deby on Friday.",
            &[
                ("Kyrgyzstan", "GPE"),
                ("Sadir Japarov", "PERSON"),
                ("Idriss Deby", "PERSON"),
            ],
            &["Kyrgyzstan Sadir Japarov", "Chad Idriss Deby"],
        ),
        // Particles inside a person's name; a head word and what it is of.
        (
            "Officials said Ludwig van der Berg and Charles de Gaulle met at the Great Hall of \
             the People, where the Central Bank of Kenya spoke.",
            &[
                ("Ludwig van der Berg", "PERSON"),
                ("Charles de Gaulle", "PERSON"),
                ("Great Hall of the People", "FAC"),
                ("Central Bank of Kenya", "ORG"),
            ],
            &["Ludwig", "Berg", "Great Hall", "People"],
        ),
        // A surname after particles that the tagger leaves out is still the person's.
        (
            "European Commission President Ursula von der Leyen met Bill de Blasio in Madrid.",
            &[
                ("Ursula von der Leyen", "PERSON"),
                ("Bill de Blasio", "PERSON"),
            ],
            &["Ursula", "Leyen"],
        ),
        // A surname with an Arabic article is the person's; a place's first word makes it a
        // place's.
        (
            "Police said Abdel-Rahman al-Masri was held, and Noor al-Mansouri flew to Ras \
             al-Khaimah.",
            &[
                ("Abdel-Rahman al-Masri", "PERSON"),
                ("Noor al-Mansouri", "PERSON"),
                ("Ras al-Khaimah", "GPE"),
            ],
            &["Abdel-Rahman", "Noor"],
        ),
    ];

    #[test]
    fn names_side_by_side_are_read_as_one() {
        for &(text, names, not) in CASES {
            assert_mentions(text, names, not);
        }
    }
}
