// Vitest global setup: the tests build many sites into temp folders (hundreds of megabytes
// a run). They all go under one folder, made here and removed when the run ends, by
// pointing TMPDIR (which os.tmpdir() and Chromium read) at it before any test starts.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'archive-tests-'))
  const before = process.env.TMPDIR
  process.env.TMPDIR = root
  return () => {
    if (before === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = before
    rmSync(root, { recursive: true, force: true })
  }
}
