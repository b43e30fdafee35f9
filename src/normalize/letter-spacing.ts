/**
 * Undoes letter spacing: `勤 物 资 保 障` → `勤物资保障`. Only runs of single characters
 * separated by single spaces are joined, so `稳住基本盘 激发新动能` (two multi-character
 * parts) keeps its space. Wider gaps stay as one space: they separate headline parts.
 */
export function undoLetterSpacing(line: string): string {
  // A bullet glued to the first letter (`■通 讯 员`) must not hide that letter's spacing.
  const bullet = /^[□■◆●▲◎]\s*/u.exec(line)?.[0] ?? ''
  const parts = line.slice(bullet.length).split(/( +)/u)
  // parts alternates token, gap, token, gap…
  const out: string[] = []
  for (let i = 0; i < parts.length; i += 2) {
    const token = parts[i] ?? ''
    const gap = parts[i + 1]
    out.push(token)
    if (gap === undefined) break
    const next = parts[i + 2] ?? ''
    const joinable = gap.length === 1 && isSingle(token) && isSingle(next)
    out.push(joinable ? '' : gap)
  }
  return bullet.trimEnd() + out.join('')
}

function isSingle(token: string): boolean {
  return [...token].length === 1
}
