//! Spelling keys that make transliteration variants of one name compare equal.

use crate::token::is_ascii_alnum;

/// A key that folds the spellings translators disagree on: zh/dzh/dj/j/z/c (Zhaparov, Japarov,
/// Zaparov, Caparov), y/i (Sadyr, Sadir), an i or y between vowels (Tokayev, Tokaev), kh/h, w/v,
/// ph/f, and doubled letters.
///
/// ```
/// use dateline::entities::names::spelling_key;
/// assert_eq!(spelling_key("Zaparov"), spelling_key("Japarov"));
/// assert_eq!(spelling_key("Caparov"), spelling_key("Zhaparov"));
/// assert_eq!(spelling_key("Tokayev"), spelling_key("Tokaev"));
/// assert_ne!(spelling_key("Li"), spelling_key("Lu"));
/// ```
pub fn spelling_key(word: &str) -> String {
    let mut key = String::new();
    push_spelling_key(word, &mut key);
    key
}

/// The spelling keys of the words of `phrase` (split at whitespace), joined by single spaces:
/// what whole names are compared by. One allocation, however many words.
///
/// ```
/// use dateline::entities::names::phrase_key;
/// assert_eq!(phrase_key("Sadyr  Japarov"), phrase_key("Sadir Zhaparov"));
/// assert_eq!(phrase_key("Sadyr Japarov"), "sadir japarov");
/// ```
pub fn phrase_key(phrase: &str) -> String {
    let mut key = String::with_capacity(phrase.len());
    for (i, word) in phrase.split_whitespace().enumerate() {
        if i > 0 {
            key.push(' ');
        }
        push_spelling_key(word, &mut key);
    }
    key
}

/// Appends the spelling key of `word` to `key`.
pub fn push_spelling_key(word: &str, key: &mut String) {
    // Keys are made for every word of every mention: most are short and ASCII, and their
    // letters are folded as bytes on the stack.
    if word.is_ascii() && word.len() <= 32 {
        let mut letters = [0u8; 32];
        let mut count = 0;
        for b in word.bytes().filter(|&b| is_ascii_alnum(b)) {
            letters[count] = b.to_ascii_lowercase();
            count += 1;
        }
        return fold_spelling(&mut letters[..count], key);
    }
    let mut letters: Vec<char> = word
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .map(fold_accent)
        .collect();
    fold_spelling(&mut letters, key)
}

/// A lower-case letter of a word being keyed: an ASCII byte (most words) or a char.
trait Letter: Copy + Eq + From<u8> {
    /// The letter as an ASCII byte, 0 if it is none.
    fn ascii(self) -> u8;
    fn append(letters: &[Self], key: &mut String);
}

impl Letter for u8 {
    fn ascii(self) -> u8 {
        self
    }
    fn append(letters: &[u8], key: &mut String) {
        // Folded ASCII letters and digits are always UTF-8.
        key.push_str(std::str::from_utf8(letters).unwrap_or_default());
    }
}

impl Letter for char {
    fn ascii(self) -> u8 {
        u8::try_from(self).ok().filter(u8::is_ascii).unwrap_or(0)
    }
    fn append(letters: &[char], key: &mut String) {
        key.extend(letters);
    }
}

/// Folds lower-case `letters` in place, and appends the key to `key`.
fn fold_spelling<L: Letter>(letters: &mut [L], key: &mut String) {
    let at = |letters: &[L], i: usize| letters.get(i).map_or(0, |l| l.ascii());
    // The consonants first, one pass with a look at the next two letters, in place (a fold
    // never writes ahead of what it reads).
    let mut len = 0;
    let mut i = 0;
    while i < letters.len() {
        let (c, used) = match (at(letters, i), at(letters, i + 1)) {
            (b'd', b'z') if at(letters, i + 2) == b'h' => (b'j', 3),
            (b'z', b'h') | (b'd', b'j') => (b'j', 2),
            (b'k', b'h') => (b'h', 2),
            (b'p', b'h') => (b'f', 2),
            (b'z' | b'c', _) => (b'j', 1),
            (b'y', _) => (b'i', 1),
            (b'w', _) => (b'v', 1),
            _ => {
                letters[len] = letters[i];
                len += 1;
                i += 1;
                continue;
            }
        };
        letters[len] = L::from(c);
        len += 1;
        i += used;
    }
    // Then drop an i between vowels and doubled letters, again in place.
    let vowel = |l: L| matches!(l.ascii(), b'a' | b'e' | b'i' | b'o' | b'u');
    let mut kept = 0;
    for i in 0..len {
        let c = letters[i];
        let between_vowels = i > 0 && i + 1 < len && vowel(letters[i - 1]) && vowel(letters[i + 1]);
        if (c == L::from(b'i') && between_vowels) || (kept > 0 && letters[kept - 1] == c) {
            continue;
        }
        letters[kept] = c;
        kept += 1;
    }
    L::append(&letters[..kept], key);
}

/// Folds the Latin letters with diacritics that transliterations use to their base letter.
fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ō' | 'ø' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
        'ç' | 'č' => 'c',
        'ş' | 'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ñ' | 'ń' => 'n',
        'ğ' => 'g',
        other => other,
    }
}

/// "SCO" from "Shanghai Cooperation Organisation": the initials of its capitalised words.
pub fn initials(name: &str) -> String {
    let mut initials = String::new();
    push_initials(name, &mut initials);
    initials
}

/// Appends the [`initials`] of `name` to `initials`.
pub fn push_initials(name: &str, initials: &mut String) {
    let words = name.split(|c: char| c.is_whitespace() || c == '-');
    initials.extend(
        words
            .filter_map(|w| w.chars().next())
            .filter(|c| c.is_uppercase()),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn central_asian_transliterations_fold() {
        assert_eq!(spelling_key("Sadyr"), spelling_key("Sadir"));
        assert_eq!(spelling_key("Mirziyoyev"), spelling_key("Mirziyoev"));
        assert_eq!(spelling_key("Ürümqi"), spelling_key("Urumqi"));
    }

    #[test]
    fn initials_skip_function_words() {
        assert_eq!(initials("Shanghai Cooperation Organisation"), "SCO");
        assert_eq!(
            initials("Organization of the Petroleum Exporting Countries"),
            "OPEC"
        );
        assert_eq!(initials("Asia-Pacific Economic Cooperation"), "APEC");
    }
}
