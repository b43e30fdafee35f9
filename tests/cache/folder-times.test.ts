import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { BUILD_ID_FILE } from '../../src/cache/output-manifest.js'
import { checkFolders, readFolderTimes, takeFolderTimes, writeFolderTimes } from '../../src/cache/folder-times.js'

const temp = (prefix: string): string => mkdtempSync(path.join(tmpdir(), prefix))

function site(id: string): string {
  const out = temp('folders-')
  mkdirSync(path.join(out, '2021', '03'), { recursive: true })
  writeFileSync(path.join(out, BUILD_ID_FILE), `${id}\n`)
  writeFileSync(path.join(out, 'index.html'), 'home')
  writeFileSync(path.join(out, '2021', '03', 'a.html'), 'a')
  writeFileSync(path.join(out, '2021', '03', 'b.html'), 'b')
  return out
}

test('a folder is as left until an entry in it is made, removed or renamed; a folder gone never is', async () => {
  const out = site('id-1')
  const cacheDir = temp('cache-')
  const times = await takeFolderTimes(out, ['', '2021/', '2021/03/', 'gone/'])
  expect([...times.keys()]).toEqual(['', '2021/', '2021/03/'])
  await writeFolderTimes(cacheDir, out, 'id-1', times)
  const asLeft = async (): Promise<string[]> => [...((await checkFolders(cacheDir, out))?.asLeft ?? [])].sort()
  expect(await asLeft()).toEqual(['', '2021/', '2021/03/'])
  // A file's bytes rewritten in place leave its folder as it was: only the entries count.
  writeFileSync(path.join(out, '2021', '03', 'a.html'), 'A')
  expect(await asLeft()).toEqual(['', '2021/', '2021/03/'])
  rmSync(path.join(out, '2021', '03', 'b.html'))
  expect(await asLeft()).toEqual(['', '2021/'])
  rmSync(path.join(out, '2021'), { recursive: true })
  expect(await asLeft()).toEqual([])
})

test('the times count only for the output carrying the build id they were taken with', async () => {
  const out = site('id-1')
  const cacheDir = temp('cache-')
  const times = await takeFolderTimes(out, ['', '2021/03/'])
  await writeFolderTimes(cacheDir, out, 'id-1', times)
  expect(await readFolderTimes(cacheDir, out, 'id-1')).toEqual(times)
  expect(await readFolderTimes(cacheDir, out, 'id-2')).toBeUndefined()
  expect(await readFolderTimes(cacheDir, temp('other-'), 'id-1')).toBeUndefined()
  expect((await checkFolders(cacheDir, out))?.id).toBe('id-1')
  writeFileSync(path.join(out, BUILD_ID_FILE), 'id-2\n')
  expect(await checkFolders(cacheDir, out)).toBeNull()
  // A damaged file is no record.
  const dir = path.join(cacheDir, 'outputs')
  for (const name of readdirSync(dir)) writeFileSync(path.join(dir, name), 'not v8')
  expect(await readFolderTimes(cacheDir, out, 'id-1')).toBeUndefined()
})
