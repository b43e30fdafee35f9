// Whether the tool runs from its TypeScript sources (tsx: `npm run dev`, scripts; the test
// runner) or compiled (dist/, as `npm run build` runs it: bin/compile.mjs). Every module is
// in the same place either way, so this module's own name tells: it ends in .ts only in src/.
// Worker modules, the prebuilt browser scripts and the code fingerprint depend on it.

export const FROM_SOURCE = import.meta.url.endsWith('.ts')
