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
