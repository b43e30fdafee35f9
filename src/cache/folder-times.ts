// Which folders of the output are as the last build left them, told by their modification
// times rather than by listing them. A rebuild keeps a kept page only while its file is still
// there (a file removed from the output by hand is made again); listing the ~5,000 folders of a
// decade's site and looking up each of its 180,000 files cost an added issue's build ~0.6 s of
// its main thread. Creating, removing or renaming an entry changes its folder's modification
// time, so a folder whose time is the one recorded after the last build still holds every file
// that build left in it.
//
// Recorded once a build has finished changing the output (build.ts), kept in the cache beside
// the manifest, and trusted only for the output carrying that manifest's id. Unseen: a change
// made to a folder while the build that records it runs, or within the same tick of a coarse
// file-system clock after it. A file lost that way stays missing until its page changes or
// the site is built without the cache.

import { stat as statCallback } from 'node:fs'
import { mkdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { contentKey } from './hash.js'
import { BUILD_ID_FILE } from './output-manifest.js'
import { writeAside } from './write-aside.js'

/** Folder of the output (relative, ending in `/`; '' for the output itself) → its modification time in nanoseconds. */
export type FolderTimes = ReadonlyMap<string, bigint>

const FORMAT = 1

interface Stored {
  format: number
  /** The id of the manifest (cache/output-manifest.ts) of the output these times were taken of. */
  id: string
  /** The folders, a line each. */
  folders: string
  times: BigInt64Array
}

/** Stats at once: the folders are many and each answer is small. */
const CONCURRENCY = 64

const timesFile = (cacheDir: string, outDir: string): string => path.join(cacheDir, 'outputs', `${contentKey(path.resolve(outDir))}.folders.v8`)

/**
 * The folders' modification times, null where one cannot be read (then it is not as left).
 * Through fs.stat's callback, CONCURRENCY at a time: the 5,327 folders of the 4,800-issue
 * bench site took 40–96 ms so, against 115–207 ms through fs/promises (a promise a call).
 */
function timesOf(out: string, folders: readonly string[]): Promise<(bigint | null)[]> {
  const times: (bigint | null)[] = new Array(folders.length).fill(null)
  return new Promise((resolve) => {
    let next = 0
    let running = 0
    const start = (): void => {
      if (next >= folders.length) {
        if (running === 0) resolve(times)
        return
      }
      const i = next++
      running++
      statCallback(path.join(out, folders[i]!), { bigint: true }, (error, stats) => {
        running--
        if (!error) times[i] = stats.mtimeNs
        start()
      })
    }
    for (let k = 0; k < CONCURRENCY; k++) start()
  })
}

/** The times of `folders` of the output `out` now, for those that can be read. */
export async function takeFolderTimes(out: string, folders: readonly string[]): Promise<Map<string, bigint>> {
  const found = await timesOf(out, folders)
  const times = new Map<string, bigint>()
  folders.forEach((folder, i) => {
    const time = found[i]
    if (time !== null && time !== undefined) times.set(folder, time)
  })
  return times
}

/** What the build starts from: the kept times of the output as it is (by the id it carries) and which of its folders are as they say. */
export interface FolderCheck {
  id: string
  times: FolderTimes
  asLeft: ReadonlySet<string>
}

/**
 * The output's folders checked against their kept times, or null (no output, or no times kept
 * for it). Started with the build: the folders are stat-ed while it reads the content, so the
 * site writer knows every kept file's folder before it asks.
 */
export async function checkFolders(cacheDir: string, outDir: string): Promise<FolderCheck | null> {
  const out = path.resolve(outDir)
  const id = await readFile(path.join(out, BUILD_ID_FILE), 'utf8').then((text) => text.trim(), () => null)
  const times = id === null ? undefined : await readFolderTimes(cacheDir, outDir, id)
  if (id === null || !times) return null
  const folders = [...times.keys()]
  const now = await timesOf(out, folders)
  return { id, times, asLeft: new Set(folders.filter((folder, i) => now[i] === times.get(folder))) }
}

/** The times kept for the output `outDir` whose manifest has id `id`, or undefined (none, damaged, or of another build's output). */
export async function readFolderTimes(cacheDir: string, outDir: string, id: string): Promise<FolderTimes | undefined> {
  try {
    const stored = deserialize(await readFile(timesFile(cacheDir, outDir))) as Stored
    if (stored.format !== FORMAT || stored.id !== id || !(stored.times instanceof BigInt64Array)) return undefined
    const folders = stored.folders.split('\n')
    if (folders.length !== stored.times.length) return undefined
    return new Map(folders.map((folder, i) => [folder, stored.times[i]!]))
  } catch {
    return undefined
  }
}

/** Keeps `times`, taken of the output `outDir` whose manifest has id `id`, for the next build. */
export async function writeFolderTimes(cacheDir: string, outDir: string, id: string, times: FolderTimes): Promise<void> {
  const file = timesFile(cacheDir, outDir)
  await mkdir(path.dirname(file), { recursive: true })
  const folders = [...times.keys()]
  // A folder name never holds a line break: the site writer's paths are the plan's URLs.
  if (folders.some((folder) => folder.includes('\n'))) return rm(file, { force: true })
  const stored: Stored = { format: FORMAT, id, folders: folders.join('\n'), times: BigInt64Array.from(folders, (folder) => times.get(folder)!) }
  await writeAside(file, serialize(stored))
}
