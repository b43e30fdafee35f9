import cliProgress from 'cli-progress'
import type { ProgressListener } from '../pipeline.js'

/** A bar appears only when a build runs this long, so short builds print just their summary line. */
const DEBOUNCE_MS = 250
const LABEL = { segment: '切分版面 pages', write: '写出文件 files' } as const

/**
 * A progress bar for long builds in a terminal (stderr a TTY); nothing otherwise.
 * Returns the listener to give the build, and `stop` to clear the bar before the summary.
 */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): { listener: ProgressListener; stop: () => void } {
  const started = performance.now()
  let bar: cliProgress.SingleBar | null = null
  let stage: string | null = null
  const listener: ProgressListener = (name, done, total) => {
    if (!stream.isTTY || performance.now() - started < DEBOUNCE_MS) return
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
