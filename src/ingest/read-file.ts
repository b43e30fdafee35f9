// fs.readFile in its callback form, as a promise. fs/promises' readFile makes a round trip
// to the thread pool for each step (open, stat, read, close) with a promise between them;
// the callback form chains the steps natively. Reading 12,001 page files 32 at a time took
// 1.1–1.2 s with the first and 0.56–0.89 s with this, and readContent as a whole went from
// 2.08–2.22 to 1.53–1.61 s (warm disk cache, this 2-core machine).

import { readFile as readFileWithCallback } from 'node:fs'
import { promisify } from 'node:util'

export const readFile = promisify(readFileWithCallback)
