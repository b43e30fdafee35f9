// Types of compile.mjs (plain JavaScript: it runs before anything is compiled).

/** Makes `out` the compiled form of `source` (default: src/ and dist/) unless it already is; whether it compiled. */
export function compile(options?: { source?: string; out?: string }): Promise<boolean>

/** The URL of compiled module `file` (relative to dist/), compiling first if the sources changed. */
export function compiled(file: string): Promise<string>
