// Types of the <news-entities> element (www/news-entities.js).
import type { Analysis, EntityType } from './pkg/dateline.js';

/** A type the element can show: an entity type, or TIME for dates, times and durations. */
export type ShownType = EntityType | 'TIME';

export declare class NewsEntities extends HTMLElement {
  /** Registers the element (idempotent); under another name a subclass is registered and returned. */
  static define(name?: string, registry?: CustomElementRegistry): typeof NewsEntities;
  /** The text analysed: set it to analyse a string instead of the light-DOM text. */
  get text(): string;
  set text(value: string | null);
  /** The article's date, YYYY-MM-DD; '' when found in the text. Reflects `reference-date`. */
  referenceDate: string;
  /** Gives the year to a dateline without one, YYYY-MM-DD; '' for the browser's date. */
  today: string;
  /** The types shown; all by default. Reflects `types` ("PERSON ORG TIME"). */
  get types(): ShownType[];
  set types(value: ShownType[] | string);
  /** The views shown; all by default. Reflects `views` ("text entities dates timeline"). */
  get views(): ('text' | 'entities' | 'dates' | 'timeline')[];
  set views(value: ('text' | 'entities' | 'dates' | 'timeline')[] | string);
  /** The reader's corrections (retype, merge, split, drop), applied to every analysis; in memory only. */
  readonly corrections: object[];
  /** Forgets every correction: the analysis as found. */
  clearCorrections(): void;
  /** The last analysis, with the reader's corrections, or null before the first. */
  readonly analysis: Analysis | null;
  /** Analyses now; null if it failed or newer text overtook it. */
  refresh(): Promise<Analysis | null>;
}

/** The light-DOM text of `element` as a reader sees it (white space collapsed, blocks on their own lines). */
export declare function lightText(element: Element): string;

declare global {
  interface HTMLElementTagNameMap { 'news-entities': NewsEntities }
  interface HTMLElementEventMap {
    /** Bubbles and crosses shadow roots; `detail` is the analysis. */
    analysis: CustomEvent<Analysis>;
    'analysis-error': CustomEvent<{ message: string }>;
  }
}
