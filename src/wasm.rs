//! The JavaScript binding: `analyse(text, options)` returns the same JSON object the CLI prints.
//! Thin on purpose; everything else lives in the pure Rust core.

use js_sys::JsString;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::analysis::{Analysis, PartOut};

/// Talc instead of the default dlmalloc (faster, from a smaller .wasm: see Cargo.toml), behind
/// lists of freed small blocks: an analysis makes ~90 allocations per kilobyte of text, nine in
/// ten of them small (see `src/alloc.rs`).
#[global_allocator]
static ALLOCATOR: crate::alloc::SizeClasses<talc::wasm::WasmDynamicTalc> =
    crate::alloc::SizeClasses::new(talc::wasm::new_wasm_dynamic_allocator());

/// The JSON contract as TypeScript, emitted into the package's `dateline.d.ts` so that callers
/// get checked field names; `analyse` is declared here with it. tests/package/package.test.mjs
/// holds it to `src/analysis.rs`: real analyses, written as object literals of these types, must
/// type-check (no field missing, none extra, every value in its union), as must the README's table.
#[wasm_bindgen(typescript_custom_section)]
const CONTRACT: &'static str = r#"
/** PERSON, ORG, GPE (countries, cities), LOC, FAC (facilities), NORP (nationalities), EVENT. */
export type EntityType = "PERSON" | "ORG" | "GPE" | "LOC" | "FAC" | "NORP" | "EVENT";
/** TIMEX3 types. */
export type TimeType = "DATE" | "TIME" | "DURATION" | "SET";
/** Offsets are UTF-16 code units, end exclusive: `text.slice(start, end)`. */
export interface Mention { start: number; end: number; text: string; type: EntityType; entity: number; role: CreditRole | null }
/** What the page credits a person with. */
export type CreditRole = "byline" | "reporting" | "additional reporting" | "writing" | "editing" | "photo" | "contributing";
/** A stretch of the text. */
export interface Part { start: number; end: number; text: string }
/** The page around the story: headline, standfirst, byline, publication line, dateline, credited people. */
export interface Structure {
  headline: Part | null;
  standfirst: Part | null;
  byline: Part | null;
  published: (Part & { value: string }) | null;
  dateline: (Part & { place: Part; agency: Part | null }) | null;
  credits: (Part & { role: CreditRole })[];
  /** How the article's numeric dates (03/04/2025) were read; null when it has none. */
  numeric_dates: "day-first" | "month-first" | null;
}
/** One real-world referent; `aliases` are its other spellings in the text. */
export interface Entity { id: number; type: EntityType; name: string; aliases: string[]; count: number }
/** `value` is TIMEX3: "2023-05-19", "2023-05", "2023", "2023-W20", "P31Y", "PRESENT_REF", "XXXX-05-19". */
export interface TimeExpression { start: number; end: number; text: string; type: TimeType; value: string }
/** A dated sentence; `date` is "YYYY", "YYYY-MM" or "YYYY-MM-DD"; `entities` are entity ids. */
export interface TimelineEvent { date: string; text: string; entities: number[]; start: number; end: number; inferred: boolean }
/** Where the article's own date came from; `start`/`end` are null when the user gave it. */
export interface ReferenceDate { value: string; source: "user" | "dateline" | "publication line" | "date line"; start: number | null; end: number | null }
/** Page chrome (related links, comment forms, share bars, disclaimers) left out of the analysis. */
export interface Ignored { start: number; end: number; reason: string }
export interface Analysis {
  mentions: Mention[];
  entities: Entity[];
  dates: TimeExpression[];
  timeline: TimelineEvent[];
  reference_date: ReferenceDate | null;
  structure: Structure;
  ignored: Ignored[];
}
/** Dates written YYYY-MM-DD. `referenceDate` overrides the date found in the text; `today` gives
 * the year to a dateline without one. */
export interface AnalyseOptions { referenceDate?: string; today?: string }
/** Analyses `text`; a malformed date in `options` throws an Error saying how to write it. */
export function analyse(text: string, options?: AnalyseOptions): Analysis;
"#;

#[wasm_bindgen(start)]
fn start() {
    // A panic shows its message in the console instead of "unreachable executed".
    console_error_panic_hook::set_once();
}

#[wasm_bindgen(module = "/src/build_analysis.js")]
extern "C" {
    /// Builds the contract's objects from [`Flat`]: see `src/build_analysis.js`.
    #[wasm_bindgen(js_name = buildAnalysis)]
    fn build_analysis(text: &JsValue, numbers: &[u32], strings: &str) -> JsValue;

    /// `options.referenceDate` for 0, `options.today` for 1; throws what a getter throws.
    #[wasm_bindgen(js_name = dateOption, catch)]
    fn date_option(options: &JsValue, which: u32) -> Result<JsValue, JsValue>;

    /// Writes `text` as UTF-8 into `into` (3 bytes per UTF-16 unit always fit); returns the bytes
    /// written.
    #[wasm_bindgen(js_name = encodeText)]
    fn encode_text(text: &JsString, into: &mut [u8]) -> usize;
}

/// Analyses `text`. `options` may be `undefined` or `{ referenceDate?: "YYYY-MM-DD", today?: "YYYY-MM-DD" }`;
/// a malformed date throws an `Error` that says what to write instead.
#[wasm_bindgen(skip_typescript)] // declared with its types in CONTRACT
pub fn analyse(text: &JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let text = text
        .dyn_ref::<JsString>()
        .ok_or_else(|| JsError::new("the text to analyse must be a string"))?;
    let source = utf8_of(text);
    let options = parse_options(&options)?;
    let flat = Flat::of(&crate::analyse(&source, &options));
    let analysis = build_analysis(text, &flat.numbers, &flat.strings);
    if source.len() > LARGE_TEXT {
        drop((flat, source));
        // SAFETY: nothing else runs on the module's one thread meanwhile.
        unsafe { ALLOCATOR.release() };
    }
    Ok(analysis)
}

/// A text after which the allocator's kept small blocks are given back: far longer than an
/// article (the benchmark's longest is 10 KB), far shorter than a pasted book, whose tens of
/// megabytes of small blocks would otherwise stay apart from the large ones.
const LARGE_TEXT: usize = 256 * 1024;

/// `text` in UTF-8, copied by the browser's encoder in one call (wasm-bindgen's own copy walks the
/// string a character at a time in JavaScript first). Lone surrogates become U+FFFD, as they do
/// in any UTF-8 encoding of a JavaScript string.
fn utf8_of(text: &JsString) -> String {
    let mut bytes = vec![0u8; text.length() as usize * 3];
    let written = encode_text(text, &mut bytes);
    bytes.truncate(written);
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The analysis as numbers and one string, in the order `src/build_analysis.js` reads them: a
/// string is its length in UTF-16 units among the numbers and its text in `strings`; a list is
/// its length, then its items; `NONE` is null.
struct Flat {
    numbers: Vec<u32>,
    strings: String,
    /// The [`Flat::word`]s written so far, by index.
    words: Vec<&'static str>,
}

const NONE: u32 = u32::MAX;
/// Before a word written for the first time (its text follows, and its index is the next).
const NEW_WORD: u32 = u32::MAX - 1;

impl Flat {
    fn of(analysis: &Analysis) -> Flat {
        let mut flat = Flat {
            numbers: Vec::with_capacity(64),
            strings: String::with_capacity(256),
            words: Vec::new(),
        };
        flat.list(&analysis.mentions, |f, m| {
            f.numbers.extend([m.start, m.end]);
            f.word(m.kind);
            f.number(m.entity);
            f.optional(m.role, |f, role| f.word(role));
        });
        flat.list(&analysis.entities, |f, e| {
            f.number(e.id);
            f.word(e.kind);
            f.string(&e.name);
            f.list(&e.aliases, |f, alias| f.string(alias));
            f.number(e.count as u32);
        });
        flat.list(&analysis.dates, |f, d| {
            f.numbers.extend([d.start, d.end]);
            f.word(d.kind);
            f.string(&d.value);
        });
        flat.list(&analysis.timeline, |f, e| {
            f.string(&e.date);
            f.string(&e.text);
            f.list(&e.entities, |f, &id| f.number(id));
            f.numbers.extend([e.start, e.end, u32::from(e.inferred)]);
        });
        match &analysis.reference_date {
            Some(r) => {
                flat.number(1);
                flat.string(&r.value);
                flat.word(r.source);
                flat.number(r.start.unwrap_or(NONE));
                flat.number(r.end.unwrap_or(NONE));
            }
            None => flat.number(0),
        }
        let page = &analysis.structure;
        flat.optional(page.headline.as_ref(), Flat::part);
        flat.optional(page.standfirst.as_ref(), Flat::part);
        flat.optional(page.byline.as_ref(), Flat::part);
        flat.optional(page.published.as_ref(), |f, p| {
            f.part(&p.part);
            f.string(&p.value);
        });
        flat.optional(page.dateline.as_ref(), |f, d| {
            f.part(&d.part);
            f.part(&d.place);
            f.optional(d.agency.as_ref(), Flat::part);
        });
        flat.list(&page.credits, |f, c| {
            f.part(&c.part);
            f.word(c.role);
        });
        flat.optional(page.numeric_dates, |f, order| f.word(order));
        flat.list(&analysis.ignored, |f, i| {
            f.numbers.extend([i.start, i.end]);
            f.word(i.reason);
        });
        flat
    }

    fn number(&mut self, n: u32) {
        self.numbers.push(n);
    }

    fn string(&mut self, s: &str) {
        let units = if s.is_ascii() {
            s.len()
        } else {
            s.encode_utf16().count()
        };
        self.number(units as u32);
        self.strings.push_str(s);
    }

    /// A word of a small closed set (a type, a role, a reason): its index among the words
    /// written before, or the first time [`NEW_WORD`] and its text, so that JavaScript makes
    /// each one string, not one per mention.
    fn word(&mut self, word: &'static str) {
        // The same word is most often the same literal: its address answers before its text.
        let same = |&w: &&str| std::ptr::eq(w, word);
        let found = self.words.iter().position(same);
        match found.or_else(|| self.words.iter().position(|&w| w == word)) {
            Some(index) => self.number(index as u32),
            None => {
                self.words.push(word);
                self.number(NEW_WORD);
                self.string(word);
            }
        }
    }

    /// A stretch of the text: its offsets (the text itself is sliced in JavaScript).
    fn part(&mut self, part: &PartOut) {
        self.numbers.extend([part.start, part.end]);
    }

    /// 0 for null, else 1 and the value.
    fn optional<T>(&mut self, value: Option<T>, mut write: impl FnMut(&mut Flat, T)) {
        match value {
            Some(v) => {
                self.number(1);
                write(self, v);
            }
            None => self.number(0),
        }
    }

    fn list<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Flat, &T)) {
        self.number(items.len() as u32);
        for i in items {
            item(self, i);
        }
    }
}

fn parse_options(options: &JsValue) -> Result<crate::Options, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(crate::Options::default());
    }
    if !options.is_object() {
        return Err(JsError::new(
            "options must be an object like { referenceDate: \"2023-05-19\" }",
        ));
    }
    let field = |which: u32, name: &str| -> Result<Option<String>, JsError> {
        let value =
            date_option(options, which).map_err(|_| JsError::new("options could not be read"))?;
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        value.as_string().map(Some).ok_or_else(|| {
            JsError::new(&format!(
                "options.{name} must be a string written YYYY-MM-DD"
            ))
        })
    };
    crate::Options::parse(
        field(0, "referenceDate")?.as_deref(),
        field(1, "today")?.as_deref(),
    )
    .map_err(|e| JsError::new(&e.to_string()))
}
