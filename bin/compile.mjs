// Compiles src/ (TypeScript) to dist/ (plain ES modules, same layout, the data files copied
// beside them, the browser scripts bundled), so `npm run build` starts in plain Node:
// importing ~150 modules through tsx's hooks cost ~0.8 s a build and as much again in every
// worker thread. Our modules are not bundled together, so each keeps its place and the paths
// it reads relative to itself; the packages they import are (into dist/vendor/, shared
// chunks): Node loading the few hundred small modules of the unified, yaml and zod packages
// one by one took 0.15 s of every build's start and 0.1 s of each render thread's.
//
// dist/ is recompiled whenever the sources differ from the ones it was made from (a content
// hash, source-stamp.mjs, so a checkout, an edit or an upgrade is never run stale), into a
// folder of its own that is then renamed into place: two builds started together never see
// half a dist/.
//
//   node bin/compile.mjs           compile if stale, print what happened
//   import { compiled } from './compile.mjs'; await import(await compiled('cli/build.js'))

import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ROOT, SOURCE, sourceFiles, sourceHash } from './source-stamp.mjs'

const STAMP = '.source-hash'

function readStamp(out) {
  try {
    return readFileSync(path.join(out, STAMP), 'utf8')
  } catch {
    return null
  }
}

/**
 * Makes `out` the compiled form of `source` unless it already is. Returns whether it compiled.
 * @param {{ source?: string, out?: string }} [options] folders (default: src/ and dist/)
 */
export async function compile({ source = SOURCE, out = path.join(ROOT, 'dist') } = {}) {
  const files = sourceFiles(source)
  const hash = sourceHash(source, files)
  if (readStamp(out) === hash) return false
  const work = `${out}.tmp-${process.pid}`
  rmSync(work, { recursive: true, force: true })
  try {
    await compileInto(source, work, files)
  } catch (error) {
    rmSync(work, { recursive: true, force: true })
    throw error
  }
  writeFileSync(path.join(work, STAMP), hash)
  rmSync(out, { recursive: true, force: true })
  try {
    renameSync(work, out)
  } catch (error) {
    // Another build compiled the same sources at the same moment and renamed its folder first.
    rmSync(work, { recursive: true, force: true })
    if (readStamp(out) !== hash) throw error
  }
  return true
}

async function compileInto(source, work, files) {
  mkdirSync(work, { recursive: true })
  const scripts = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  // Loaded only to compile: importing esbuild took every build ~0.1 s, and most builds find dist/ up to date.
  const { build } = await import('esbuild')
  const ours = source + path.sep
  await build({
    entryPoints: scripts.map((f) => path.join(source, f)),
    outdir: work,
    outbase: source,
    // Packages bundled, split into chunks our modules share; an import of one of our modules stays an import.
    bundle: true,
    splitting: true,
    chunkNames: 'vendor/[name]-[hash]',
    // esbuild (which bundles the browser scripts) starts its own binary from where it is installed.
    external: ['esbuild'],
    plugins: [
      {
        name: 'our-modules-apart',
        setup(compiler) {
          compiler.onResolve({ filter: /^\.\.?\// }, (args) => (args.kind !== 'entry-point' && args.importer.startsWith(ours) ? { path: args.path, external: true } : undefined))
        },
      },
    ],
    // A CommonJS package's require of a Node module, in an ES module.
    banner: { js: "import { createRequire as __archiveRequire } from 'node:module'; const require = __archiveRequire(import.meta.url);" },
    format: 'esm',
    platform: 'node',
    // Node 20.19 (package.json's engines) has import attributes: esbuild keeps `with { type: 'json' }`.
    target: 'node20.19',
    logLevel: 'silent',
  })
  for (const file of files.filter((f) => !f.endsWith('.ts'))) cpSync(path.join(source, file), path.join(work, file))
  // The browser scripts, bundled now so that a build does not (src/search/bundle-client.ts).
  const bundler = path.join(work, 'search', 'bundle-client.js')
  if (existsSync(bundler)) (await import(pathToFileURL(bundler).href)).writeClientBundles(path.join(work, 'search', 'client-bundles'))
}

/** The URL of compiled module `file` (relative to dist/), compiling first if the sources changed. */
export async function compiled(file) {
  await compile()
  const target = path.join(ROOT, 'dist', file)
  if (!existsSync(target)) throw new Error(`No compiled module ${file}: is there a src/${file.replace(/\.js$/u, '.ts')}?`)
  return pathToFileURL(target).href
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now()
  const did = await compile()
  process.stdout.write(`[archive] ${did ? 'compiled src/ to dist/' : 'dist/ is up to date'} (${Math.round(performance.now() - started)} ms)\n`)
}
