//! Byte offsets (what Rust slices use) to UTF-16 code units (what JavaScript's `String.slice` uses).

/// Converts byte offsets of one text to UTF-16 offsets.
///
/// Only the text's non-ASCII characters are recorded (English news has few): a byte offset is
/// itself less what the characters before it take in UTF-8 beyond their UTF-16 units, found by
/// binary search. A table entry per byte cost four bytes of memory for every byte of text.
pub struct Utf16Offsets {
    /// Each non-ASCII character: (its first byte, the byte after it, UTF-16 units before it).
    wide: Vec<(u32, u32, u32)>,
}

impl Utf16Offsets {
    pub fn new(text: &str) -> Utf16Offsets {
        let mut wide = Vec::new();
        let mut units = 0u32;
        let mut last_end = 0usize;
        let bytes = text.as_bytes();
        let mut byte = 0;
        while byte < bytes.len() {
            // Bytes below 0x80 are ASCII characters; a character is decoded only at the others.
            // Runs of ASCII are skipped eight bytes at a time.
            if let Some(chunk) = bytes.get(byte..byte + 8) {
                let eight = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
                if eight & 0x8080_8080_8080_8080 == 0 {
                    byte += 8;
                    continue;
                }
            }
            if bytes[byte] < 0x80 {
                byte += 1;
                continue;
            }
            let ch = text[byte..]
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER);
            units += (byte - last_end) as u32; // the ASCII run before it
            let end = byte + ch.len_utf8();
            wide.push((byte as u32, end as u32, units));
            units += ch.len_utf16() as u32;
            last_end = end;
            byte = end;
        }
        Utf16Offsets { wide }
    }

    /// The UTF-16 offset of byte `byte`; a byte inside a character maps to the character's start.
    pub fn at(&self, byte: usize) -> u32 {
        let byte = byte as u32;
        let before = self.wide.partition_point(|&(start, _, _)| start <= byte);
        match before.checked_sub(1).map(|i| self.wide[i]) {
            None => byte,
            Some((_, end, units)) if byte < end => units,
            Some((start, end, units)) => {
                // The wide character's own UTF-16 length: 2 for 4 UTF-8 bytes, else 1.
                let own = if end - start == 4 { 2 } else { 1 };
                units + own + (byte - end)
            }
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
    fn every_char_boundary_agrees_with_counting() {
        let mut texts = vec!["«Ürümqi» — 😀 talks, 𝒳 and ascii; €5 😀😀.".to_string()];
        // ASCII runs of every length around the eight bytes skipped at once, at every alignment.
        for run in 0..20 {
            texts.push(format!(
                "{}é{}😀{}",
                "a".repeat(run),
                "b".repeat(run % 9),
                "c".repeat(run)
            ));
        }
        for text in &texts {
            let offsets = Utf16Offsets::new(text);
            for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let counted = text[..byte].encode_utf16().count() as u32;
                assert_eq!(offsets.at(byte), counted, "byte {byte} of {text:?}");
            }
        }
    }

    #[test]
    fn ascii_is_identity() {
        assert_eq!(Utf16Offsets::new("hello").at(3), 3);
    }
}
