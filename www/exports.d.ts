// Types of the export functions (www/exports.js).
import type { Analysis } from './pkg/dateline.js';

/** The analysis as indented JSON, with the text it came from. */
export declare function analysisJSON(result: Analysis, text: string): string;
/** RFC 4180 CSV, one row per entity. */
export declare function entitiesCSV(result: Analysis): string;
/** RFC 4180 CSV, one row per dated event. */
export declare function timelineCSV(result: Analysis): string;
/** TimelineJS3 JSON, with the article's words HTML-escaped. */
export declare function timelineJS(result: Analysis, title?: string): string;
export declare function csv(rows: (string | number)[][]): string;
export declare function csvCell(value: string | number | null | undefined): string;
export declare function escapeHTML(text: string): string;
