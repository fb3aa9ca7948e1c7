//! Words, numbers and punctuation with their byte spans.
//!
//! Entity recognition works on tokens so that "Kyrgyzstan's" yields "Kyrgyzstan", "U.S." stays one
//! word and names in any script are words (`char::is_alphabetic`).

use crate::{hash, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub span: Span,
    pub kind: TokenKind,
    /// The text is ASCII letters and digits only, as most words are: known from reading it, so
    /// that later steps need not read it again to choose their byte-wise path.
    pub ascii_alnum: bool,
}

impl<'a> Token<'a> {
    /// "Japarov", "SCO", "G20", "McDonald": starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        // Asked of most tokens: an ASCII first letter is tested as a byte, not decoded.
        self.kind == TokenKind::Word
            && match self.text.as_bytes().first() {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => self.text.chars().next().is_some_and(char::is_uppercase),
            }
    }

    /// "al-Masri", "el-Sisi", "ud-Din": an Arabic article joined to a capitalised name, a
    /// person's word though it opens in lower case.
    pub(crate) fn is_article_name(&self) -> bool {
        const ARTICLES: &[&str] = &[
            "al", "el", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ud", "ul", "ur",
        ];
        let bytes = self.text.as_bytes();
        // The article is two or three letters: the hyphen stands third or fourth.
        matches!(bytes.first(), Some(b'a' | b'e' | b'u'))
            && (bytes.get(2) == Some(&b'-') || bytes.get(3) == Some(&b'-'))
            && self.text.split_once('-').is_some_and(|(article, name)| {
                ARTICLES.contains(&article)
                    && name.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
            })
    }

    /// "SCO", "U.S.": two or more letters, all upper case.
    pub fn is_acronym(&self) -> bool {
        if self.kind != TokenKind::Word {
            return false;
        }
        if self.text.is_ascii() {
            // Most words: bytes, not decoded characters and Unicode tables.
            let bytes = self.text.as_bytes();
            return bytes.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2
                && !bytes.iter().any(u8::is_ascii_lowercase);
        }
        let letters = self.text.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2 && !self.text.chars().any(char::is_lowercase)
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is(&self, text: &str) -> bool {
        self.text.eq_ignore_ascii_case(text)
    }

    /// [`hash::packed_ascii`] of the text, which is not read for ASCII first when the tokenizer
    /// already found it ASCII letters and digits.
    pub fn packed_ascii(&self) -> Option<(u64, u64)> {
        if self.ascii_alnum {
            hash::packed(self.text.as_bytes())
        } else {
            hash::packed_ascii(self.text)
        }
    }
}

/// The indices of the `tokens` (in text order) that lie within `span`.
pub(crate) fn tokens_within(tokens: &[Token], span: Span) -> std::ops::Range<usize> {
    let first = tokens.partition_point(|t| t.span.start < span.start);
    let end = tokens.partition_point(|t| t.span.end <= span.end);
    first..end.max(first)
}

/// [`tokens_within`] for spans asked in text order: each search gallops on from where the last
/// one ended, so the names of a sentence a megabyte long are found in one pass over it, not by
/// a search from the top for each.
pub(crate) struct TokenWalk<'a, 't> {
    tokens: &'a [Token<'t>],
    from: usize,
}

impl<'a, 't> TokenWalk<'a, 't> {
    pub(crate) fn new(tokens: &'a [Token<'t>]) -> Self {
        TokenWalk { tokens, from: 0 }
    }

    pub(crate) fn within(&mut self, span: Span) -> std::ops::Range<usize> {
        let first = self.gallop(self.from, |t| t.span.start < span.start);
        let end = self.gallop(first, |t| t.span.end <= span.end).max(first);
        self.from = first;
        first..end
    }

    /// The index of the first token that starts at or after byte `at`.
    pub(crate) fn first_from(&mut self, at: usize) -> usize {
        self.from = self.gallop(self.from, |t| t.span.start < at);
        self.from
    }

    /// The first index where `before` turns false (it is true, then false, over the tokens),
    /// searched from `from` on in growing steps; from the top if that index lies before `from`.
    fn gallop(&self, from: usize, before: impl Fn(&Token) -> bool) -> usize {
        let tokens = self.tokens;
        if from > tokens.len() || (from > 0 && !before(&tokens[from - 1])) {
            return tokens.partition_point(before);
        }
        let (mut low, mut high, mut step) = (from, from, 1);
        while high < tokens.len() && before(&tokens[high]) {
            low = high + 1;
            high += step;
            step *= 2;
        }
        let high = high.min(tokens.len());
        low + tokens[low..high].partition_point(before)
    }
}

/// Splits `text` (which starts at byte `offset` of the document) into tokens. Spaces are dropped.
pub fn tokenize(text: &str, offset: usize) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    tokenize_into(text, offset, &mut tokens);
    tokens
}

/// [`tokenize`], appending to `tokens`.
pub fn tokenize_into<'a>(text: &'a str, offset: usize, tokens: &mut Vec<Token<'a>>) {
    let bytes = text.as_bytes();
    let mut pos = 0;
    while let Some(&b) = bytes.get(pos) {
        // Most characters are ASCII: classed by one table lookup, the others decoded.
        let class = match ASCII_CLASS.get(usize::from(b)) {
            Some(&class) => class,
            None => {
                let ch = text[pos..]
                    .chars()
                    .next()
                    .expect("pos is on a char boundary");
                if ch.is_whitespace() {
                    Class::Space(ch.len_utf8())
                } else if ch.is_alphabetic() {
                    Class::Letter
                } else {
                    Class::Mark(ch)
                }
            }
        };
        let (len, kind, ascii_alnum) = match class {
            Class::Space(width) => {
                pos += width;
                continue;
            }
            Class::Letter => {
                let (len, ascii_alnum) = word_len(&text[pos..]);
                (len, TokenKind::Word, ascii_alnum)
            }
            Class::Digit => {
                let len = number_len(&text[pos..]);
                let ascii_alnum = bytes[pos..pos + len].iter().all(|&b| is_ascii_alnum(b));
                (len, TokenKind::Number, ascii_alnum)
            }
            Class::Mark(ch) => apostrophe_or_mark(text, pos, ch),
        };
        tokens.push(Token {
            text: &text[pos..pos + len],
            span: Span::new(offset + pos, offset + pos + len),
            kind,
            ascii_alnum,
        });
        pos += len;
    }
}

/// The token at `pos`, where `ch` is neither space, letter nor digit: the possessive "'s" (a
/// word), else the one character as punctuation.
fn apostrophe_or_mark(text: &str, pos: usize, ch: char) -> (usize, TokenKind, bool) {
    let width = ch.len_utf8();
    if (ch == '\'' || ch == '’') && is_possessive(&text[pos + width..]) {
        (width + 1, TokenKind::Word, false)
    } else {
        (width, TokenKind::Punct, false)
    }
}

/// How a token starts: white space of this many bytes (skipped), a letter, an ASCII digit, or
/// another character. `char::is_whitespace`, `char::is_alphabetic` and `char::is_ascii_digit`
/// decide (a test holds the ASCII table to them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Space(usize),
    Letter,
    Digit,
    Mark(char),
}

static ASCII_CLASS: [Class; 128] = {
    let mut table = [Class::Letter; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphabetic() {
            Class::Letter
        } else if c.is_ascii_digit() {
            Class::Digit
        } else if c == b' ' || (c >= 0x09 && c <= 0x0D) {
            Class::Space(1)
        } else {
            Class::Mark(c as char)
        };
        b += 1;
    }
    table
};

/// The tokens of several pieces of one text (its sentences), kept in one vector: a vector per
/// sentence was an allocation per sentence.
pub struct TokenLists<'a> {
    tokens: Vec<Token<'a>>,
    /// Where each piece's tokens end in `tokens`.
    ends: Vec<usize>,
}

impl<'a> TokenLists<'a> {
    /// The tokens of `pieces` of `text`, each piece a byte span of it.
    pub fn of(text: &'a str, pieces: impl ExactSizeIterator<Item = Span>) -> TokenLists<'a> {
        let mut lists = TokenLists {
            tokens: Vec::with_capacity(text.len() / 5),
            ends: Vec::with_capacity(pieces.len()),
        };
        for piece in pieces {
            tokenize_into(
                &text[piece.start..piece.end],
                piece.start,
                &mut lists.tokens,
            );
            lists.ends.push(lists.tokens.len());
        }
        lists
    }

    /// Each piece's tokens, in order.
    pub fn iter(&self) -> impl Iterator<Item = &[Token<'a>]> + Clone + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .map(|(start, &end)| &self.tokens[start..end])
    }

    /// The tokens of piece `i`.
    pub fn get(&self, i: usize) -> Option<&[Token<'a>]> {
        let end = *self.ends.get(i)?;
        let start = i.checked_sub(1).map_or(0, |j| self.ends[j]);
        Some(&self.tokens[start..end])
    }

    /// Every token of every piece.
    pub fn all(&self) -> &[Token<'a>] {
        &self.tokens
    }
}

/// Calls `use_it` with `word` lower-cased: on the stack for a short ASCII word (most are), else
/// in a `String` (Unicode lower-casing is not byte by byte).
pub fn with_lowercase<R>(word: &str, use_it: impl FnOnce(&str) -> R) -> R {
    let mut stack = [0u8; 32];
    if word.is_ascii() && word.len() <= stack.len() {
        let lower = &mut stack[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return use_it(std::str::from_utf8(lower).expect("ASCII stays UTF-8"));
    }
    use_it(&word.to_lowercase())
}

/// [`u8::is_ascii_alphanumeric`] as one table lookup: asked of every byte of every word (the
/// three range tests it makes cost more in the scanning loops, natively and in WebAssembly).
pub fn is_ascii_alnum(b: u8) -> bool {
    ASCII_ALNUM[usize::from(b)]
}

static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// `'s` followed by a non-letter: the possessive ending, kept apart from the name.
fn is_possessive(rest: &str) -> bool {
    let mut chars = rest.chars();
    matches!(chars.next(), Some('s')) && !chars.next().is_some_and(char::is_alphanumeric)
}

/// The length of the word at the start of `text`, and whether it is ASCII letters and digits only.
fn word_len(text: &str) -> (usize, bool) {
    // Most words are ASCII letters ending at a space or a punctuation mark that never joins.
    let bytes = text.as_bytes();
    let run = bytes.iter().take_while(|&&b| is_ascii_alnum(b)).count();
    match bytes.get(run) {
        None => return (run, true),
        Some(&b) if b.is_ascii() && !matches!(b, b'\'' | b'-' | b'.' | b'&') => return (run, true),
        _ => {}
    }
    let mut end = 0;
    let mut at = 0;
    // What the word read so far is, kept as it grows: asking it of the whole prefix at each
    // "." or "-" made a run of initials ("A.A.A.…") or hyphens quadratic.
    let mut so_far = WordSoFar::default();
    while let Some(ch) = char_at(text, at) {
        let after = at + ch.len_utf8();
        let joins = match ch {
            c if crate::text::is_word_char(c) => {
                end = after;
                true
            }
            // "O'Brien" joins; "China's" stops before the possessive.
            '\'' | '’' => letter_at(text, after) && !is_possessive(&text[after..]),
            // "Belt-and-Road" joins; "U.S.-backed" splits after the initials.
            '-' => letter_at(text, after) && !so_far.is_initial_dot_run(),
            // "AT&T", "S&P": capitals joined by an ampersand are one name.
            '&' => {
                so_far.is_capitals() && text[after..].starts_with(|c: char| c.is_ascii_uppercase())
            }
            // "U.S." and "U.N.": single letters joined by dots keep their dots.
            '.' if so_far.is_initial_dot_run() => {
                end = after;
                true
            }
            _ => false,
        };
        if !joins {
            break;
        }
        so_far.push(ch);
        at = after;
    }
    (end, end == run)
}

/// Facts about the characters of a word read so far, updated a character at a time.
#[derive(Default)]
struct WordSoFar {
    /// Characters read.
    chars: usize,
    /// Every character an ASCII capital or "&" ("AT&").
    capitals: bool,
    /// The "."-separated parts before the current one are one character each, or empty after
    /// the first ("U.S", "U..S").
    whole_parts_are_initials: bool,
    /// Which part is being read, and its length in characters.
    part: usize,
    part_chars: usize,
}

impl WordSoFar {
    fn push(&mut self, ch: char) {
        if self.chars == 0 {
            self.capitals = true;
            self.whole_parts_are_initials = true;
        }
        self.chars += 1;
        self.capitals &= ch.is_ascii_uppercase() || ch == '&';
        if ch == '.' {
            self.whole_parts_are_initials &= self.part_is_initial();
            self.part += 1;
            self.part_chars = 0;
        } else {
            self.part_chars += 1;
        }
    }

    fn part_is_initial(&self) -> bool {
        self.part_chars == 1 || (self.part_chars == 0 && self.part > 0)
    }

    /// "AT&T" so far: capitals and ampersands.
    fn is_capitals(&self) -> bool {
        self.chars > 0 && self.capitals
    }

    /// "U", "U.S", "U.N": an initial, possibly after earlier initials and dots.
    fn is_initial_dot_run(&self) -> bool {
        self.chars > self.part && self.whole_parts_are_initials && self.part_is_initial()
    }
}

/// The character at byte `at`, decoding only when it is not ASCII (most text is).
fn char_at(text: &str, at: usize) -> Option<char> {
    match *text.as_bytes().get(at)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text[at..].chars().next(),
    }
}

fn letter_at(text: &str, at: usize) -> bool {
    char_at(text, at).is_some_and(char::is_alphabetic)
}

fn number_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut end = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if is_ascii_alnum(b) {
            end = i + 1;
        } else if matches!(b, b'.' | b',' | b':' | b'/')
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
        {
        } else {
            break;
        }
        i += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    /// The example its doc comment once gave, run.
    #[test]
    fn tokenize_keeps_initials_and_possessives_apart() {
        use crate::token::tokenize;
        let words: Vec<&str> = tokenize("Kyrgyzstan's U.S.-backed plan, 2023.", 0)
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            words,
            [
                "Kyrgyzstan",
                "'s",
                "U.S.",
                "-",
                "backed",
                "plan",
                ",",
                "2023",
                "."
            ]
        );
    }

    /// The example its doc comment once gave, run.
    #[test]
    fn token_lists_keep_each_piece() {
        use crate::{token::TokenLists, Span};
        let text = "Xi met Li. Talks ended.";
        let lists = TokenLists::of(text, [Span::new(0, 10), Span::new(11, 23)].into_iter());
        let words: Vec<Vec<&str>> = lists
            .iter()
            .map(|l| l.iter().map(|t| t.text).collect())
            .collect();
        assert_eq!(
            words,
            [vec!["Xi", "met", "Li", "."], vec!["Talks", "ended", "."]]
        );
        assert_eq!(lists.all().len(), 7);
        assert_eq!(lists.get(1).map(|l| l[0].text), Some("Talks"));
        assert!(lists.get(2).is_none());
    }

    #[test]
    fn a_token_walk_finds_what_a_search_does() {
        let text = "Xi Jinping met Li Qiang and U.S. envoys in Beijing on Friday .";
        let tokens = tokenize(text, 0);
        let spans: Vec<Span> = (0..text.len())
            .flat_map(|s| (s..=text.len()).map(move |e| Span::new(s, e)))
            .collect();
        // In text order, as the walk is meant to be asked; then out of order, which it must
        // still answer.
        let mut walk = TokenWalk::new(&tokens);
        for &span in &spans {
            assert_eq!(walk.within(span), tokens_within(&tokens, span), "{span:?}");
        }
        let mut walk = TokenWalk::new(&tokens);
        for &span in spans.iter().rev().step_by(7) {
            assert_eq!(walk.within(span), tokens_within(&tokens, span), "{span:?}");
        }
    }

    /// The example its doc comment once gave, run.
    #[test]
    fn with_lowercase_lowers_any_script() {
        use crate::token::with_lowercase;
        assert!(with_lowercase("Development", |w| w == "development"));
        assert!(with_lowercase("ÜRÜMQI", |w| w == "ürümqi"));
    }

    use super::*;

    /// The definitions [`WordSoFar`] keeps up to date, asked of a whole prefix at once.
    mod whole_prefix {
        /// Whether `word` is all capital letters, as the parts of "AT&T" are.
        pub fn is_capitals(word: &str) -> bool {
            !word.is_empty() && word.bytes().all(|b| b.is_ascii_uppercase() || b == b'&')
        }

        /// True for "U", "U.S", "U.N": an initial, possibly after earlier initials and dots.
        pub fn is_initial_dot_run(text: &str) -> bool {
            let mut letters = 0;
            for (i, part) in text.split('.').enumerate() {
                let count = part.chars().count();
                if count != 1 && !(count == 0 && i > 0) {
                    return false;
                }
                letters += count;
            }
            letters >= 1
        }
    }

    #[test]
    fn the_word_so_far_agrees_with_its_whole_prefix() {
        for word in [
            "U.S.",
            "U..S",
            "A.A.A.",
            "É.É.",
            "AT&T",
            "S&P-500",
            "Abu-Dhabi",
            ".U",
            "UN.",
            "A&b",
            "x.y.z.",
        ] {
            let mut so_far = WordSoFar::default();
            for (at, ch) in word.char_indices() {
                let prefix = &word[..at];
                assert_eq!(
                    so_far.is_capitals(),
                    whole_prefix::is_capitals(prefix),
                    "{prefix:?}"
                );
                assert_eq!(
                    so_far.is_initial_dot_run(),
                    whole_prefix::is_initial_dot_run(prefix),
                    "{prefix:?}"
                );
                so_far.push(ch);
            }
        }
    }

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text, 0).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn combining_marks_stay_in_their_word() {
        // Marks no letter composes with (the text layer composes the others first).
        assert_eq!(
            texts("Q\u{303}uito's T\u{331}ana met"),
            ["Q\u{303}uito", "'s", "T\u{331}ana", "met"]
        );
        assert_eq!(texts("\u{301}x"), ["\u{301}", "x"]);
    }

    #[test]
    fn tokens_know_whether_they_are_ascii_letters_and_digits() {
        let text =
            "Xi's U.S.-backed G20 O'Brien AT&T Ürümqi Belt-and-Road 5th 3.5 2023-05-19 word. \
                    end, Japarov’s naïve x";
        for token in tokenize(text, 0) {
            let expected = token.text.bytes().all(is_ascii_alnum);
            assert_eq!(token.ascii_alnum, expected, "{:?}", token.text);
        }
    }

    #[test]
    fn the_ascii_classes_are_what_char_methods_say() {
        for (b, class) in ASCII_CLASS.iter().enumerate() {
            let c = char::from(b as u8);
            let expected = if c.is_whitespace() {
                Class::Space(1)
            } else if c.is_alphabetic() {
                Class::Letter
            } else if c.is_ascii_digit() {
                Class::Digit
            } else {
                Class::Mark(c)
            };
            assert_eq!(*class, expected, "{c:?}");
        }
    }

    #[test]
    fn splits_possessives_and_keeps_hyphenated_words() {
        assert_eq!(
            texts("China's Belt-and-Road plan"),
            ["China", "'s", "Belt-and-Road", "plan"]
        );
        assert_eq!(texts("People’s Daily"), ["People", "’s", "Daily"]);
        assert_eq!(texts("O'Brien"), ["O'Brien"]);
    }

    #[test]
    fn numbers_keep_their_separators() {
        assert_eq!(
            texts("on 14/03/2025 at 10:30, 1,200 people"),
            ["on", "14/03/2025", "at", "10:30", ",", "1,200", "people"]
        );
        assert_eq!(texts("2023-05-19The"), ["2023", "-", "05", "-", "19The"]);
    }

    #[test]
    fn spans_are_byte_offsets_into_the_document() {
        let tokens = tokenize("Ürümqi, Kazakhstan", 10);
        assert_eq!(tokens[0].span, Span::new(10, 18));
        assert_eq!(tokens[2].text, "Kazakhstan");
        assert!(tokens[2].is_capitalised());
    }

    #[test]
    fn capitals_joined_by_an_ampersand_are_one_word() {
        assert_eq!(
            texts("AT&T and S&P, but rock&roll & Co"),
            ["AT&T", "and", "S&P", ",", "but", "rock", "&", "roll", "&", "Co"]
        );
    }

    #[test]
    fn acronyms_and_initials() {
        let tokens = tokenize("the U.S. and SCO", 0);
        assert_eq!(tokens[1].text, "U.S.");
        assert!(tokens[1].is_acronym() && tokens[3].is_acronym());
    }
}
