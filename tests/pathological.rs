//! Text shaped to find quadratic work: a megabyte of one short pattern, repeated. Each must be
//! analysed, with every offset in bounds. No timing here (machines are noisy): a quadratic stage
//! turns this test from seconds into hours, and `bench/pathological.mjs` reports the MB/s.
//! The shapes are kept in one list, `tests/pathological-shapes.txt`, read by both.

use dateline::{analyse, Options};

/// One megabyte of `pattern` repeated.
fn megabyte_of(pattern: &str) -> String {
    pattern.repeat(1_000_000 / pattern.len())
}

fn shapes() -> Vec<String> {
    include_str!("pathological-shapes.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.replace("\\s", " "))
        .collect()
}

#[test]
fn a_megabyte_of_each_pathological_shape_is_analysed() {
    let options = Options::parse(Some("2024-03-12"), None).unwrap();
    for shape in shapes() {
        let text = megabyte_of(&shape);
        let analysis = analyse(&text, &options);
        let length = text.encode_utf16().count() as u32;
        for m in &analysis.mentions {
            assert!(m.start < m.end && m.end <= length, "{shape:?}: {m:?}");
        }
        for d in &analysis.dates {
            assert!(d.start < d.end && d.end <= length, "{shape:?}: {d:?}");
        }
    }
}

/// Words of ever new shapes ("Ab1B1b…", the tagger's classes of character, runs collapsed), as a
/// pasted list of product codes or identifiers has: what the tagger keeps per shape must not
/// grow into a search per token.
fn megabyte_of_distinct_shapes() -> String {
    let mut text = String::with_capacity(1_000_000 + 32);
    let mut k = 0u32;
    while text.len() < 1_000_000 {
        // A capital, then fifteen characters, each of another class than the one before it.
        let mut class = 0;
        text.push('A');
        for bit in 0..15 {
            class = (class + 1 + (k >> bit & 1)) % 3;
            text.push(['B', 'b', '1'][class as usize]);
        }
        text.push_str(" met ");
        k += 1;
    }
    text
}

#[test]
fn a_megabyte_of_distinct_word_shapes_is_analysed() {
    let options = Options::parse(Some("2024-03-12"), None).unwrap();
    let text = megabyte_of_distinct_shapes();
    let analysis = analyse(&text, &options);
    assert!(analysis.mentions.iter().all(|m| m.start < m.end));
}
