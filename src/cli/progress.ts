import cliProgress from 'cli-progress'
import type { ProgressListener } from '../pipeline.js'

/** A bar appears only when a build runs this long, so short builds print just their summary line. */
const DEBOUNCE_MS = 250
/**
 * The bar is told at most this often: a rebuild reports each of 100,000 kept groups and files,
 * and the bar's bookkeeping per report (its ETA, its redraw timer) would cost that thread more
 * than the reports are worth (it redraws ten times a second at most anyway).
 */
const UPDATE_MS = 50
const LABEL = { segment: '切分版面 pages', write: '写出文件 files' } as const

/**
 * A progress bar for long builds in a terminal (stderr a TTY); nothing otherwise.
 * Returns the listener to give the build, and `stop` to clear the bar before the summary.
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): { listener: ProgressListener; stop: () => void } {
  const started = performance.now()
  let bar: cliProgress.SingleBar | null = null
  let stage: string | null = null
  let told = 0
  const listener: ProgressListener = (name, done, total) => {
    if (!stream.isTTY) return
    const now = performance.now()
    if (now - started < DEBOUNCE_MS || (stage === name && done < total && now - told < UPDATE_MS)) return
    told = now
    if (stage !== name) {
      bar?.stop()
      bar = new cliProgress.SingleBar({ stream, format: `[archive] ${LABEL[name]} {bar} {value}/{total}`, clearOnComplete: true, hideCursor: true }, cliProgress.Presets.shades_classic)
      bar.start(total, done)
      stage = name
    } else {
      // The writer counts some files in only when it has made them.
      if (bar && bar.getTotal() !== total) bar.setTotal(total)
      bar?.update(done)
    }
  }
  return {
    listener,
    stop: () => {
      bar?.stop()
      bar = null
    },
  }
}
