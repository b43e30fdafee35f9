// Removing the site a full build replaced. The build renames the old output folder aside,
// swaps the new one in, and then removes the old one: at a decade's archive that is 180,000
// files, and unlinking them took 18 s after the new site was already in place (`rm -rf`
// of such a site here: 18.0 s, 3.4 s of it system time). The command-line build hands that
// to a detached process, so the editor has the new site at once.

import { spawn } from 'node:child_process'
import { readdir, rm } from 'node:fs/promises'
import path from 'node:path'

/** Removes a folder set aside; resolves when it is gone, or at once when it is removed in the background. */
export type Discard = (dir: string) => Promise<void>

/** Waits until the folder is removed (tests, and any caller that wants the disk settled). */
export const discardNow: Discard = (dir) => rm(dir, { recursive: true, force: true })

// Run by the detached process: its only argument is the folder.
const REMOVE_SCRIPT = 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true, maxRetries: 3 })'

/**
 * Leaves the removal to a detached Node process that outlives this one. Its folder is hidden
 * and named for this build (workFolder), and a build finds and removes any such folder
 * that a removal cut short left behind (leftoverFolders). Falls back to waiting when no
 * process can be started.
 */
export const discardInBackground: Discard = async (dir) => {
  try {
    const child = spawn(process.execPath, ['-e', REMOVE_SCRIPT, dir], { detached: true, stdio: 'ignore', windowsHide: true })
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve)
      child.once('error', reject)
    })
    child.unref()
  } catch {
    await discardNow(dir)
  }
}

/** The folders a build keeps beside its output: the whole site being written, the changed files being staged, the replaced site. */
export type WorkFolderKind = 'tmp' | 'stage' | 'old'

const WORK_FOLDER = /^(tmp|stage|old)-(\d+)-\d+$/u

/** The `kind` folder beside `out` of the build `stamp` (`<pid>-<time>`): hidden, and named so leftoverFolders can tell whose it is. */
export function workFolder(out: string, kind: WorkFolderKind, stamp: string): string {
  return path.join(path.dirname(out), `.${path.basename(out)}.${kind}-${stamp}`)
}

/** Whether the process `pid` is running (a process of another user counts as running). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Folders beside `out` that earlier builds left: sites set aside (`old`) whose removal was
 * cut short or is still going on, and the work folders (`tmp`, `stage`: site-writer.ts) of
 * builds that were stopped — their process is gone. A build that is still running keeps its own.
 */
export async function leftoverFolders(out: string): Promise<string[]> {
  const base = path.basename(out)
  let names: string[]
  try {
    names = await readdir(path.dirname(out))
  } catch {
    return []
  }
  const left: string[] = []
  for (const name of names.sort()) {
    if (!name.startsWith(`.${base}.`)) continue
    const match = WORK_FOLDER.exec(name.slice(base.length + 2))
    if (match && (match[1] === 'old' || !isRunning(Number(match[2])))) left.push(path.join(path.dirname(out), name))
  }
  return left
}
