//! dateline: named entities, dates and a timeline from a pasted news article, with no server.
//!
//! The data flows one way, one module a step:
//! text → `segment` (paragraphs, sentences, page chrome) → `token` → mentions (`entities`, using
//! the `gazetteer`) and time expressions (`time`) → entities with variants merged → dated events
//! (`timeline`). [`analysis`] runs the steps and shapes the result that the CLI prints and the
//! WebAssembly binding returns; the steps themselves are the crate's own.
//!
//! ```
//! let text = "BEIJING, May 20 (Xinhua) -- Chinese President Xi Jinping met Kyrgyz President \
//!             Sadyr Japarov on Friday.";
//! let result = dateline::analyse(text, &dateline::Options::with_today("2023-06-01").unwrap());
//! assert_eq!(result.reference_date.unwrap().value, "2023-05-20");
//! assert!(result.mentions.iter().any(|m| m.text == "Xi Jinping" && m.kind == "PERSON"));
//! assert!(result.dates.iter().any(|d| d.text == "Friday" && d.value == "2023-05-19"));
//! ```

#[cfg(any(target_arch = "wasm32", test))]
pub(crate) mod alloc;
pub mod analysis;
pub(crate) mod bytes;
pub(crate) mod entities;
pub(crate) mod gazetteer;
pub(crate) mod hash;
pub(crate) mod offsets;
pub(crate) mod segment;
pub(crate) mod structure;
pub(crate) mod text;
pub(crate) mod time;
pub(crate) mod timeline;
pub(crate) mod token;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use analysis::{
    analyse, analyse_with_rules_only, analyse_with_tagger, Analysis, Options, OptionsError,
};
/// A tagger model for [`analyse_with_tagger`]: `Model::parse` reads one that
/// `scripts/train-tagger.mjs` wrote.
pub use entities::tagger::Model;
/// A calendar date, as [`Options`] holds the reference date and today.
pub use time::calendar::Date;

/// The steps inside [`analyse`], for the tagger's trainer (`src/bin/train.rs`), the stage bench
/// (`benches/stages.rs`) and the CLI: no stable interface, so not documented as one.
#[doc(hidden)]
pub mod internals {
    pub use crate::entities::merge::merge;
    pub use crate::entities::recognise::{recognise, recognise_with_tagger};
    pub use crate::entities::{tagger, EntityType};
    pub use crate::gazetteer::Kind;
    pub use crate::offsets::Utf16Offsets;
    pub use crate::segment::segment;
    pub use crate::time::{find_times, reference::article_dates};
    pub use crate::timeline::build_timeline;
}

/// A byte range into the analysed text, end exclusive. Output converts these to UTF-16 offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// This span moved `by` bytes later: from offsets in a line to offsets in the text.
    pub fn shifted(self, by: usize) -> Span {
        Span::new(self.start + by, self.end + by)
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}
