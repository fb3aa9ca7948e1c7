//! Byte offsets (what Rust slices use) to UTF-16 code units (what JavaScript's `String.slice` uses).

/// Converts byte offsets of one text to UTF-16 offsets in O(1) each.
pub struct Utf16Offsets {
    /// `None` for ASCII text, where both offsets agree; otherwise one entry per byte (and the end).
    table: Option<Vec<u32>>,
}

impl Utf16Offsets {
    pub fn new(text: &str) -> Utf16Offsets {
        if text.is_ascii() {
            return Utf16Offsets { table: None };
        }
        let mut table = vec![0u32; text.len() + 1];
        let mut units = 0u32;
        for (byte, ch) in text.char_indices() {
            for slot in &mut table[byte..byte + ch.len_utf8()] {
                *slot = units;
            }
            units += ch.len_utf16() as u32;
        }
        table[text.len()] = units;
        Utf16Offsets { table: Some(table) }
    }

    pub fn at(&self, byte: usize) -> u32 {
        match &self.table {
            None => byte as u32,
            Some(table) => table[byte],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_astral_characters_as_two_units() {
        let text = "a😀é b";
        let offsets = Utf16Offsets::new(text);
        let b = text.find('b').unwrap();
        assert_eq!(offsets.at(b), 5); // a(1) 😀(2) é(1) space(1)
        assert_eq!(offsets.at(text.len()), 6);
    }

    #[test]
    fn ascii_is_identity() {
        assert_eq!(Utf16Offsets::new("hello").at(3), 3);
    }
}
