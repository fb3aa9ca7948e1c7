//! Second names the article itself gives a referent: "X, also known as Y", "Y (born X)", "X,
//! formerly Y" (the phrases: `data/entities/alias-phrases.tsv`), and a nickname in quotes inside
//! a name ('Mohamed "Tiger" Okello'). Recognition reads them to type both names alike and to
//! keep a quoted nickname inside its name; merging reads them to make one entity.

use crate::entities::in_text_order;
use std::sync::OnceLock;

use super::lexicon::{entity_type, is_entity_kind};
use super::{mention_every, overlaps_any, EntityType, Mention};
use crate::gazetteer::gazetteer;
use crate::time::calendar::is_calendar_name;
use crate::token::{tokens_within, Token, TokenKind, TokenLists, TokenWalk};
use crate::Span;

/// How the second name relates to the first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
    /// "also known as", "aka": the entity is listed under the first name.
    Alias,
    /// "formerly": the current name comes first, and the entity is listed under it.
    Former,
    /// "born", "née": the entity is listed under the fuller name.
    Birth,
}

/// Mention `second` names what mention `first` names, in the given form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Definition {
    pub first: usize,
    pub second: usize,
    pub form: Form,
}

/// The longest text between two names that can hold a defining phrase.
const LONGEST_BETWEEN: usize = 40;

/// Every definition between two mentions side by side (`mentions` in text order).
pub(crate) fn defined(text: &str, mentions: &[Mention]) -> Vec<Definition> {
    mentions
        .windows(2)
        .enumerate()
        .filter_map(|(first, pair)| {
            let (a, b) = (&pair[0], &pair[1]);
            let form = defining_phrase(text.get(a.span.end..b.span.start)?)?;
            Some(Definition {
                first,
                second: first + 1,
                form,
            })
            .filter(|_| names_alike(a.kind) && names_alike(b.kind))
        })
        .collect()
}

/// People, organisations and places have second names; nationalities and events are not named
/// so.
fn names_alike(kind: EntityType) -> bool {
    !matches!(kind, EntityType::Norp | EntityType::Event)
}

/// The form of the defining phrase `between` two names is, if it is one: ", also known as ",
/// " (born ", " aka ", ", formerly known as the ". Asked between most pairs of names side by
/// side, so it compares words in place, without a lower-cased copy.
fn defining_phrase(between: &str) -> Option<Form> {
    if between.len() > LONGEST_BETWEEN || !between.starts_with([' ', ',', '(']) {
        return None;
    }
    let phrase = between.trim_start();
    let phrase = phrase.strip_prefix([',', '(']).unwrap_or(phrase).trim();
    // Most text between names is turned away by its first letter.
    if !phrase
        .bytes()
        .next()
        .is_some_and(|b| PHRASE_OPENERS.contains(&b.to_ascii_lowercase()))
    {
        return None;
    }
    const MOST_WORDS: usize = 5;
    let mut words = [""; MOST_WORDS];
    let mut count = 0;
    for word in phrase.split_whitespace() {
        *words.get_mut(count)? = word;
        count += 1;
    }
    if count > 1 && words[count - 1].eq_ignore_ascii_case("the") {
        count -= 1;
    }
    let words = &words[..count];
    phrases()
        .iter()
        .find(|(known, _)| {
            known.len() == words.len()
                && known
                    .iter()
                    .zip(words)
                    .all(|(k, w)| k.eq_ignore_ascii_case(w))
        })
        .map(|&(_, form)| form)
}

/// `data/entities/alias-phrases.tsv`: each phrase's words and form.
fn phrases() -> &'static [(Vec<&'static str>, Form)] {
    static PHRASES: OnceLock<Vec<(Vec<&'static str>, Form)>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        crate::hash::lines(include_str!("../../data/entities/alias-phrases.tsv"))
            .filter_map(|l| {
                let (form, phrase) = l.split_once('\t')?;
                let form = match form {
                    "alias" => Form::Alias,
                    "former" => Form::Former,
                    "birth" => Form::Birth,
                    _ => return None,
                };
                Some((phrase.split(' ').collect(), form))
            })
            .collect()
    })
}

/// Gives the two names of each definition one type where they were read as different types:
/// the first's ("Dwayne Johnson, better known as The Rock": a person, whatever "The Rock"
/// looks like alone), unless only the second is a name the gazetteer lists ("Meta, formerly
/// Facebook": an organisation, where "Meta" alone was a guess).
pub(crate) fn share_types(text: &str, sentences: &TokenLists, mentions: &mut [Mention]) {
    let listed_type = |m: &Mention| {
        let tokens = sentences.get(m.sentence)?;
        let tokens = &tokens[tokens_within(tokens, m.span)];
        let entries = gazetteer().lookup(tokens);
        let entry = entries
            .iter()
            .find(|e| e.matches_case(tokens) && !e.ambiguous)?;
        is_entity_kind(entry.kind).then(|| entity_type(entry.kind))
    };
    for d in defined(text, mentions) {
        let (first, second) = (&mentions[d.first], &mentions[d.second]);
        if first.kind == second.kind {
            continue;
        }
        let (from, to) = match (listed_type(first), listed_type(second)) {
            (None, Some(kind)) if kind == second.kind => (d.second, d.first),
            _ => (d.first, d.second),
        };
        let kind = mentions[from].kind;
        mentions[to].kind = kind;
        mentions[to].canonical = None;
    }
}

/// Adds the second name of a definition where nothing found it ("Meta Platforms, formerly
/// Facebook"): the capitalised words right after a defining phrase that follows a name, of that
/// name's type, without a leading "the". `found` is in text order, without overlaps, and stays so.
pub(crate) fn second_names(text: &str, sentences: &TokenLists, found: &mut Vec<Mention>) {
    const LONGEST_PHRASE: usize = 6;
    const LONGEST_NAME: usize = 5;
    let mut added = Vec::new();
    let mut walk: Option<(usize, TokenWalk)> = None;
    for (n, m) in found.iter().enumerate() {
        if !names_alike(m.kind) || !may_open_phrase(&text[m.span.end..]) {
            continue;
        }
        let Some(tokens) = sentences.get(m.sentence) else {
            continue;
        };
        let walk = match &mut walk {
            Some((sentence, walk)) if *sentence == m.sentence => walk,
            _ => &mut walk.insert((m.sentence, TokenWalk::new(tokens))).1,
        };
        let after = walk.first_from(m.span.end);
        let phrase_end = (after + 1..tokens.len().min(after + LONGEST_PHRASE + 1)).find(|&k| {
            tokens[k].is_capitalised()
                && defining_phrase(&text[m.span.end..tokens[k].span.start]).is_some()
        });
        let Some(mut k) = phrase_end else { continue };
        if tokens[k].is("the") {
            k += 1;
        }
        // "Claire Keim (born July 8, 1975)": a date, not a name.
        if tokens.get(k).is_some_and(|t| is_calendar_name(t.text)) {
            continue;
        }
        let words = tokens[k..]
            .iter()
            .take(LONGEST_NAME)
            .take_while(|t| t.is_capitalised())
            .count();
        if words == 0 {
            continue;
        }
        let span = Span::new(tokens[k].span.start, tokens[k + words - 1].span.end);
        if found
            .get(n + 1)
            .is_none_or(|next| next.span.start >= span.end)
        {
            added.push(Mention::found(span, m.kind, m.sentence));
        }
    }
    if !added.is_empty() {
        found.extend(added);
        in_text_order(found);
    }
}

/// Whether the text right after a name may open a defining phrase: a comma, a parenthesis or a
/// space, then a word some phrase opens with. Asked after every name, so most are turned away
/// by the word's first letter.
fn may_open_phrase(rest: &str) -> bool {
    let bytes = rest.as_bytes();
    let mut i = 0;
    while i < 3
        && bytes
            .get(i)
            .is_some_and(|b| matches!(b, b',' | b'(' | b' '))
    {
        i += 1;
    }
    let opens = i > 0
        && bytes
            .get(i)
            .is_some_and(|&b| PHRASE_OPENERS.contains(&b.to_ascii_lowercase()));
    if !opens {
        return false;
    }
    // The word ends at any space (pasted text has no-break ones); no phrase opens with a word
    // of more than twelve characters, so a text without spaces is not read on.
    let from = &rest[i..];
    let end = from
        .char_indices()
        .take(13)
        .find(|&(_, c)| c.is_whitespace())
        .map_or(from.len(), |(at, _)| at);
    let word = from.get(..end).unwrap_or("");
    phrases()
        .iter()
        .any(|(known, _)| known[0].eq_ignore_ascii_case(word))
}

/// The letters the phrases in `data/entities/alias-phrases.tsv` open with (a test holds them).
const PHRASE_OPENERS: &[u8] = b"abcfklnpw";

/// Makes one person's name of a name with a nickname in quotes inside it ('Mohamed "Tiger"
/// Okello', "Abdullah ‘Abu Ali’ Rahman"): capitalised words, one to three capitalised words in
/// quotes, capitalised words, where nothing but people is found. `found` is in text order,
/// without overlaps, and stays so.
pub(crate) fn join_nicknames(sentences: &TokenLists, found: &mut Vec<Mention>) {
    let mut joined = Vec::new();
    for (index, tokens) in sentences.iter().enumerate() {
        let mut i = 0;
        while i < tokens.len() {
            match nickname_at(tokens, i) {
                Some((start, end)) => {
                    let span = Span::new(tokens[start].span.start, tokens[end - 1].span.end);
                    // The names found inside it, a range of `found`: not a scan of the article.
                    let first = found.partition_point(|m| m.span.end <= span.start);
                    let mut inside = found[first..]
                        .iter()
                        .take_while(|m| m.span.start < span.end);
                    if inside.all(|m| m.kind == EntityType::Person && m.span != span) {
                        joined.push(Mention::found(span, EntityType::Person, index));
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
    }
    if joined.is_empty() {
        return;
    }
    found.retain(|m| !overlaps_any(&joined, m.span));
    // The surname alone refers back to the name ("Okello later left").
    let surnames: Vec<&str> = joined
        .iter()
        .filter_map(|m| {
            let all = sentences.all();
            all.get(all.partition_point(|t| t.span.end < m.span.end))
        })
        .map(|t| t.text)
        .collect();
    found.extend(joined);
    in_text_order(found);
    mention_every(sentences, &surnames, EntityType::Person, found);
}

/// The token range of a name with a quoted nickname whose opening quote is token `i`.
fn nickname_at(tokens: &[Token], i: usize) -> Option<(usize, usize)> {
    const LONGEST_NICKNAME: usize = 3;
    const LONGEST_PART: usize = 3;
    let close = closing_quote(tokens[i].text)?;
    let capitalised = |t: &Token| t.is_capitalised();
    let before = tokens[..i]
        .iter()
        .rev()
        .take(LONGEST_PART)
        .take_while(|t| capitalised(t))
        .count();
    let words = tokens[i + 1..]
        .iter()
        .take(LONGEST_NICKNAME + 1)
        .take_while(|t| capitalised(t))
        .count();
    let end_quote = i + 1 + words;
    if before == 0 || words == 0 || words > LONGEST_NICKNAME {
        return None;
    }
    let closing = tokens.get(end_quote)?;
    if closing.kind != TokenKind::Punct || !close.contains(&closing.text) {
        return None;
    }
    let after = tokens[end_quote + 1..]
        .iter()
        .take(LONGEST_PART)
        .take_while(|t| capitalised(t))
        .count();
    (after > 0).then_some((i - before, end_quote + 1 + after))
}

/// The quotes that close a nickname opened by `open`.
fn closing_quote(open: &str) -> Option<&'static [&'static str]> {
    match open {
        "\"" => Some(&["\""]),
        "“" => Some(&["”", "“"]),
        "‘" | "'" => Some(&["’", "'"]),
        "«" => Some(&["»"]),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::Options;

    /// (text between two names, the form it defines; None: no definition).
    const PHRASES: &[(&str, Option<Form>)] = &[
        (", also known as ", Some(Form::Alias)),
        (" (also known as ", Some(Form::Alias)),
        (", popularly known as ", Some(Form::Alias)),
        (", better known as the ", Some(Form::Alias)),
        (" aka ", Some(Form::Alias)),
        (" (born ", Some(Form::Birth)),
        (", née ", Some(Form::Birth)),
        (", who was born ", Some(Form::Birth)),
        (", formerly ", Some(Form::Former)),
        (" (formerly known as ", Some(Form::Former)),
        // No-break spaces, as text pasted from a web page has them.
        (", better\u{a0}known as ", Some(Form::Alias)),
        (", formerly\u{a0}", Some(Form::Former)),
        (" and ", None),
        (", who met ", None),
        (" ", None),
        (", known to friends as ", None),
    ];

    #[test]
    fn every_phrase_opens_with_a_letter_the_quick_check_lets_through() {
        for (words, _) in phrases() {
            let between = format!(", {} ", words.join(" "));
            assert!(defining_phrase(&between).is_some(), "{between:?}");
            assert!(may_open_phrase(&between), "{between:?}");
        }
    }

    #[test]
    fn defining_phrases_are_read() {
        for &(between, form) in PHRASES {
            assert_eq!(defining_phrase(between), form, "{between:?}");
        }
    }

    /// (article, an entity's listed name, the other names it must hold).
    const ENTITIES: &[(&str, &str, &[&str])] = &[
        (
            "Meta Platforms, formerly\u{a0}Facebook, said on Tuesday it would cut jobs.",
            "Meta Platforms",
            &["Facebook"],
        ),
        (
            "Police arrested Sandeep Kumar, also known as Sandy Kumar, on Monday.",
            "Sandeep Kumar",
            &["Sandy Kumar"],
        ),
        (
            "The rapper Marshall Mathers (born Marshall Bruce Mathers) performed in Detroit.",
            "Marshall Bruce Mathers",
            &["Marshall Mathers"],
        ),
        (
            "Meta Platforms, formerly Facebook, said on Tuesday it would cut jobs.",
            "Meta Platforms",
            &["Facebook"],
        ),
        (
            "Raila Odinga spoke on Monday. Odinga, who was born Raila Amolo Odinga, left.",
            "Raila Amolo Odinga",
            &["Raila Odinga", "Odinga"],
        ),
        (
            // A listed name types a guessed one.
            "He said Meta, formerly Facebook, would fund the program.",
            "Meta",
            &["Facebook"],
        ),
        (
            "Claire Keim (born July 8, 1975) is a French actress.",
            "Claire Keim",
            &[],
        ),
        (
            "Opposition leader Mohamed \"Tiger\" Okello spoke in Kampala. Okello later left.",
            "Mohamed \"Tiger\" Okello",
            &["Okello"],
        ),
        (
            "Opposition leader Mohamed “Tiger” Okello spoke in Kampala.",
            "Mohamed “Tiger” Okello",
            &[],
        ),
    ];

    #[test]
    fn names_the_article_defines_are_one_entity() {
        let options = Options::parse(Some("2024-03-12"), None).unwrap();
        for &(text, name, others) in ENTITIES {
            let analysis = analyse(text, &options);
            let entity = analysis.entities.iter().find(|e| e.name == name);
            let Some(entity) = entity else {
                panic!("no entity {name:?} in {text:?}: {:?}", analysis.entities);
            };
            assert_eq!(entity.aliases, others, "{text:?}");
            let kinds: Vec<&str> = analysis
                .mentions
                .iter()
                .filter(|m| m.entity == entity.id)
                .map(|m| m.kind)
                .collect();
            assert!(
                kinds.iter().all(|k| *k == entity.kind),
                "{text:?}: {kinds:?}"
            );
        }
    }
}
