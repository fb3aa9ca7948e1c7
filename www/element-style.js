// The look of <news-entities>, inside its shadow root: the host page's styles cannot reach in and
// ours cannot leak out. Applied as a constructable stylesheet, which a strict CSP allows.
//
// Each size and weight of text is a font "strike" that the browser resolves the first time it lays
// it out; on Linux that is a synchronous call to the browser process, which, busy with the page's
// first frames, took 30-80 ms in the frame that draws the first analysis. So that frame uses only
// strikes the page has drawn before: the entity group headings (h3) take the toolbar's size and
// weight, the timeline's dates the section headings' size. (5,000-word article, medians of 15-21
// alternating loads: on screen 24-64 ms sooner.)

export const STYLE = `
:host { display: block; --dateline-ink: #1b1b1b; --dateline-muted: #5a5a5a; --dateline-line: #d6d6d6; --dateline-paper: #fff; --dateline-accent: #1c5fa8; --dateline-error: #a40000; color: var(--dateline-ink); line-height: 1.5; }
/* Dark: from the system's preference, or the theme attribute ("dark" or "light") the page's toggle sets. */
@media (prefers-color-scheme: dark) {
  :host(:not([theme="light"])) { --dateline-ink: #e8e8e8; --dateline-muted: #b4b4b4; --dateline-line: #4a4a4a; --dateline-paper: #161616; --dateline-accent: #8cc2ff; --dateline-error: #ff9a9a; }
}
:host([theme="dark"]) { --dateline-ink: #e8e8e8; --dateline-muted: #b4b4b4; --dateline-line: #4a4a4a; --dateline-paper: #161616; --dateline-accent: #8cc2ff; --dateline-error: #ff9a9a; }
:host([hidden]) { display: none; }
h2 { font-size: 1.05rem; margin: 1rem 0 .4rem; }
/* Group headings in the toolbar's size and weight, dates in the headings' size: see above. */
h3 { font-size: .85rem; font-weight: normal; text-transform: uppercase; letter-spacing: .04em; color: var(--dateline-muted); margin: .6rem 0 .2rem; }
button { font: inherit; color: inherit; background: var(--dateline-paper); border: 1px solid var(--dateline-line); border-radius: 4px; padding: .1rem .45rem; cursor: pointer; min-height: 2rem; }
button:disabled { cursor: not-allowed; opacity: .55; }
/* Touch: every target at least 44 px. */
@media (pointer: coarse) { button, summary { min-height: 44px; min-width: 44px; } }
button:focus-visible, mark:focus-visible, .text:focus-visible, summary:focus-visible { outline: 3px solid var(--dateline-accent); outline-offset: 1px; }
.status, .notice { color: var(--dateline-muted); min-height: 1.5em; }
.status.error, .notice.error { color: var(--dateline-error); font-weight: 600; }
.status.busy { color: var(--dateline-accent); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.legend-row { display: flex; flex-wrap: wrap; align-items: flex-start; justify-content: space-between; gap: .4rem; }
.labels-toggle { font-size: .85rem; }
.labels-toggle[aria-pressed="true"] { outline: 2px solid var(--dateline-ink); }
.labels-toggle[aria-pressed="true"]::before { content: "✓ "; }
/* displaCy-style labels: drawn by CSS after each highlight, so they are not part of the text. */
:host([labels]) mark::after { font-size: .7em; font-weight: 700; letter-spacing: .04em; margin-left: .3em; vertical-align: .1em; }
:host([labels]) mark.PERSON::after { content: "PERSON"; } :host([labels]) mark.ORG::after { content: "ORG"; }
:host([labels]) mark.GPE::after { content: "GPE"; } :host([labels]) mark.LOC::after { content: "LOC"; }
:host([labels]) mark.FAC::after { content: "FAC"; } :host([labels]) mark.NORP::after { content: "NORP"; }
:host([labels]) mark.EVENT::after { content: "EVENT"; } :host([labels]) mark.TIME::after { content: "TIME"; }
section[hidden] { display: none; }
.help { color: var(--dateline-muted); font-size: .85rem; margin: 0 0 .3rem; }
.toolbar { display: flex; flex-wrap: wrap; gap: .3rem; margin: .3rem 0; font-size: .85rem; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; border: 1px solid var(--dateline-line); padding: .75rem; max-height: 30rem; overflow: auto; }
/* A line of its own for each block, no gap between them, no line break in copied text (inline,
   not block); laid out only near the screen (render.js, renderText), a selected mark's outline
   still painted at a block's edge. */
.text .block { display: inline-block; width: 100%; vertical-align: top; content-visibility: auto; overflow-clip-margin: 4px; }
mark { border-radius: 3px; padding: 0 1px; }
mark.selected { outline: 2px solid var(--dateline-ink); }
:host { background: var(--dateline-paper); }
::highlight(dateline-event) { background-color: #ffe066; color: #1b1b1b; }
.ignored { color: var(--dateline-muted); text-decoration: line-through; }
/* Light backgrounds keep dark text above 7:1 contrast, in both themes. */
.PERSON, .ORG, .GPE, .LOC, .FAC, .NORP, .EVENT, .TIME { color: #1b1b1b; }
.PERSON { background: #ffd8a8; } .ORG { background: #b2f2bb; } .GPE { background: #a5d8ff; }
.LOC { background: #c5f6fa; } .FAC { background: #e9ecef; } .NORP { background: #eebefa; }
.EVENT { background: #ffc9c9; } .TIME { background: #fff3bf; border-bottom: 2px dotted #8a6d00; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem; list-style: none; padding: 0; margin: 0 0 .5rem; font-size: .85rem; }
/* Legend toggles keep dark text on their colour; a hidden type is struck through and greyed. */
.legend button { color: #1b1b1b; border-color: transparent; }
.legend button[aria-pressed="false"] { background: transparent; color: var(--dateline-muted); text-decoration: line-through; border-color: var(--dateline-line); }
mark { cursor: pointer; }
.explain { position: fixed; inset: auto; margin: 0; max-width: min(22rem, calc(100vw - 1rem)); padding: .6rem .8rem; border: 1px solid var(--dateline-line); border-radius: 6px; background: var(--dateline-paper); color: var(--dateline-ink); box-shadow: 0 4px 16px rgba(0, 0, 0, .25); }
.explain p { margin: 0 0 .3rem; }
.explain .kind { color: var(--dateline-muted); font-size: .85rem; text-transform: uppercase; letter-spacing: .04em; }
.explain .name { font-weight: 700; }
.correct { border: 1px solid var(--dateline-line); border-radius: 4px; margin: .5rem 0 0; padding: .3rem .5rem .5rem; display: flex; flex-wrap: wrap; gap: .3rem; min-width: 0; }
.correct .choice { display: flex; gap: .3rem; flex-wrap: wrap; min-width: 0; max-width: 100%; }
.correct select { flex: 1 1 8rem; min-width: 0; }
.correct legend { font-size: .85rem; color: var(--dateline-muted); }
select { font: inherit; color: var(--dateline-ink); background: var(--dateline-paper); border: 1px solid var(--dateline-line); border-radius: 4px; min-height: 2rem; max-width: 100%; }
@media (pointer: coarse) { select { min-height: 44px; } }
.corrections { display: flex; flex-wrap: wrap; align-items: center; gap: .3rem; margin: .3rem 0; font-size: .85rem; }
.corrections[hidden] { display: none; }
.dates-panel summary { cursor: pointer; padding: .2rem 0; }
.dates table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
.dates caption { text-align: left; font-weight: 700; padding: .2rem 0; }
.dates th, .dates td { text-align: left; border-bottom: 1px solid var(--dateline-line); padding: .2rem .4rem; vertical-align: top; }
.dates tbody tr { content-visibility: auto; contain-intrinsic-size: auto 2rem; }
.entities ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem; }
.entities button[aria-pressed="true"], .timeline button[aria-pressed="true"] { outline: 2px solid var(--dateline-ink); }
.entities .aliases { color: #4a4a4a; font-size: .85em; }
.timeline { list-style: none; padding: 0 0 0 1rem; border-left: 3px solid var(--dateline-line); margin: 0; }
/* Days laid out only near the screen (a 5 MB paste has thousands); the clip margin lets the dot
   on the line, outside the item, be painted. */
.timeline > li { position: relative; margin: 0 0 1rem; padding-left: .75rem; content-visibility: auto; contain-intrinsic-size: auto 4rem; overflow-clip-margin: 2rem; }
.timeline > li::before { content: ""; position: absolute; left: -1.5rem; top: .45rem; width: .7rem; height: .7rem; border-radius: 50%; background: #1c7ed6; }
.timeline > li.empty::before { content: none; }
.timeline time { font-weight: 700; font-size: 1.05rem; }
.timeline .event { display: block; width: 100%; text-align: left; margin: .2rem 0; border-color: transparent; background: transparent; }
.timeline .event:hover { border-color: var(--dateline-line); }
.timeline .participants { display: flex; flex-wrap: wrap; gap: .25rem; margin-top: .15rem; font-size: .85rem; }
.chip { border-radius: 999px; padding: 0 .5rem; }
.axis { margin: 0 0 1rem; border: 1px solid var(--dateline-line); border-radius: 4px; touch-action: none; }
.axis-svg { display: block; width: 100%; cursor: grab; }
.axis-svg:focus-visible { outline: 3px solid var(--dateline-accent); outline-offset: 1px; }
.axis-line, .axis-tick { stroke: var(--dateline-muted); stroke-width: 1.5; }
.axis-break { stroke: var(--dateline-muted); stroke-width: 2; fill: none; }
.axis-label { fill: var(--dateline-muted); font-size: .85rem; text-anchor: middle; }
.axis-event { fill: #1c7ed6; stroke: #0b3d6e; stroke-width: 1; cursor: pointer; }
.axis-event.inferred { fill: var(--dateline-paper); stroke: #1c7ed6; stroke-dasharray: 3 2; stroke-width: 2; }
.axis-event.selected { stroke: var(--dateline-ink); stroke-width: 3; }
.axis-help { color: var(--dateline-muted); font-size: .85rem; margin: 0 0 .3rem; }
.timeline .inferred time { font-style: italic; }
.timeline .inferred::before { background: var(--dateline-paper); border: 2px dashed #1c7ed6; }
@media print {
  .toolbar, .help, .notice, .explain { display: none; }
  .text { max-height: none; overflow: visible; border: none; padding: 0; }
  mark, .legend li, .timeline > li::before { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .timeline .event { border: none; padding: 0; }
  section { break-inside: auto; }
  .timeline > li { break-inside: avoid; }
}
`;
