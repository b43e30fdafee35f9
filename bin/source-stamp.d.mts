// Types of source-stamp.mjs (plain JavaScript: compile.mjs runs it before anything is compiled).

/** What a compiled folder made from `source` (default: src/) now would be stamped with. */
export function sourceStamp(source?: string): string
