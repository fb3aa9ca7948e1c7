//! Where the analysis spends its time, stage by stage, natively: `cargo bench --bench stages
//! [FILE]`. FILE holds documents separated by U+001E; `node scripts/bench.mjs` writes the bench
//! corpus to target/bench/corpus.txt and runs this on it after the WebAssembly rows.
//! Timings vary with the machine's load: compare runs made side by side.

use std::time::Instant;

use dateline::internals::{
    article_dates, build_timeline, find_times, merge, recognise, recognise_with_tagger, segment,
    tagger,
};
use dateline::{analyse, Options};

const PASSES: usize = 10;

fn main() {
    let file = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_else(|| "target/bench/corpus.txt".to_string());
    let Ok(corpus) = std::fs::read_to_string(&file) else {
        eprintln!("stages: cannot read {file}; run node scripts/bench.mjs first, or pass a file");
        std::process::exit(2);
    };
    let docs: Vec<&str> = corpus.split('\u{1e}').collect();
    let options = Options::parse(Some("2013-03-22"), None).expect("a valid date");
    let mut seconds = [0f64; 8];
    let mut clock =
        |stage: usize, started: Instant| seconds[stage] += started.elapsed().as_secs_f64();
    for _ in 0..PASSES {
        for text in &docs {
            let t = Instant::now();
            let segments = segment(text);
            clock(0, t);
            let t = Instant::now();
            let stamps = article_dates(text, &segments, None);
            clock(1, t);
            let t = Instant::now();
            let mentions = recognise_with_tagger(text, &segments, tagger::shipped());
            clock(2, t);
            let t = Instant::now();
            std::hint::black_box(recognise(text, &segments));
            clock(7, t);
            let t = Instant::now();
            let merged = merge(text, &mentions);
            clock(3, t);
            let t = Instant::now();
            let (times, _) = find_times(text, &segments, options.reference_date, None);
            clock(4, t);
            let t = Instant::now();
            let reference = options.reference_date;
            let events = build_timeline(
                text,
                &segments,
                &times,
                &mentions,
                &merged.entity_of,
                &stamps.stamps(),
                reference,
                None,
            );
            clock(5, t);
            std::hint::black_box(events);
            let t = Instant::now();
            std::hint::black_box(analyse(text, &options));
            clock(6, t);
        }
    }
    let bytes = (corpus.len() * PASSES) as f64;
    println!(
        "native, {} documents, {:.2} MB, {PASSES} passes",
        docs.len(),
        corpus.len() as f64 / 1e6
    );
    println!("stage                       ms/pass    MB/s");
    let names = [
        "segment",
        "article dates",
        "names (recognise)",
        "merge",
        "time expressions",
        "timeline",
        "whole analyse()",
        "  names by the rules alone",
    ];
    for (name, s) in names.iter().zip(seconds) {
        println!(
            "{name:<26} {:>8.1} {:>7.1}",
            s * 1000.0 / PASSES as f64,
            bytes / s / 1e6
        );
    }
}
