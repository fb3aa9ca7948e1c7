use crate::hash::{map_with_capacity, packed_ascii, FastMap, WordShapes};
use crate::token::{with_lowercase, Token, TokenLists};

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
pub(crate) type Seen = u8;

pub(crate) const CAPITALISED: Seen = 1;

pub(crate) const LOWER_CASE: Seen = 2;

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
    pub(crate) fn keep(&mut self, lower: &str, seen: Seen) {
        self.shapes.add(lower.as_bytes());
        match packed_ascii(lower) {
            Some(key) => self.packed.insert(key, seen),
            None => self.other.insert(lower.to_string(), seen),
        };
    }

    /// What was seen of `lower`, if it is kept.
    pub(crate) fn seen_mut(&mut self, lower: &str) -> Option<&mut Seen> {
        match packed_ascii(lower) {
            Some(key) => self.packed.get_mut(&key),
            None => self.other.get_mut(lower),
        }
    }

    pub(crate) fn with_capacity(capacity: usize) -> CommonWords {
        CommonWords {
            packed: map_with_capacity(capacity),
            other: FastMap::default(),
            shapes: WordShapes::new(),
        }
    }

    /// Reads the words of `sentences` that start in lower case.
    pub(crate) fn see_lowercase_words(&mut self, text: &str, sentences: &TokenLists) {
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
    pub(crate) fn see_lowercase(&mut self, word: &str) {
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
pub(crate) fn capitalised_words<'s, 'a>(
    sentences: &'s TokenLists<'a>,
) -> impl Iterator<Item = &'s Token<'a>> {
    sentences.all().iter().filter(|t| t.is_capitalised())
}

/// Whether `token` continues a run of letters and digits that began before it.
pub(crate) fn glued_on(text: &str, token: &Token) -> bool {
    match text.as_bytes()[..token.span.start].last() {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[..token.span.start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::recognise::tokenize_sentences;
    use crate::token::with_lowercase;

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
}
