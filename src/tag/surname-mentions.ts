// A surname standing alone (`项市长`, `江主席`, `老于`, `陈小姐`) is how a story refers
// back to someone it has named, or to someone the archive knows by a title. It never
// makes a person by itself — a surname is not a name, and a person page for 项 would be
// wrong — but when the full name it stands for can be told, the mention is that
// person's.

/** Titles and forms of address printed right after a surname (`项市长`, `王书记`, `周先生`). */
const TITLE_AFTER = /^(?:副)?(?:总书记|书记|主席|总理|委员长|省长|市长|县长|区长|镇长|乡长|村长|州长|主任|部长|局长|厅长|处长|科长|司长|行长|社长|校长|院长|所长|站长|队长|厂长|会长|团长|馆长|董事长|总经理|经理|总裁|总统|首相|大使|教授|老师|医生|先生|女士|小姐|同志|师傅|将军)/u

/** The title or form of address printed right after a surname standing alone, or null. */
export function titleAfterSurname(text: string, end: number): string | null {
  return TITLE_AFTER.exec(text.slice(end, end + 4))?.[0] ?? null
}

/** Forms of address after a name (`李嘉诚先生`): no office, so not recorded as the person's title. */
const ADDRESS_ONLY = /^(?:先生|女士|小姐|同志|师傅)$/u

/**
 * The office printed right after a full name (`江泽民主席`, `李岚清副总理`), recorded as that
 * person's title so that `江主席` elsewhere resolves to the full name; null for none or
 * for a mere form of address (`先生`, `同志`).
 */
export function officeAfterName(text: string, end: number): string | null {
  const title = titleAfterSurname(text, end)
  return title && !ADDRESS_ONLY.test(title) ? title : null
}

/** The titles a found name is recorded with for resolving surnames: the one printed before it and the office right after it. */
export function titlesOf(hit: { role: string | null; titleAfter?: string }): string[] {
  return [hit.role, hit.titleAfter].filter((title): title is string => Boolean(title))
}

/** What the archive knows of a full name: the titles printed before it (or as an office right after it) anywhere. */
export type KnownRoles = ReadonlyMap<string, readonly string[]>

/**
 * The full name a surname standing alone refers to, or null when it cannot be told:
 * 1. the one full name with that surname in the same story (`…市长项明远…项市长说`);
 * 2. failing that, the one name in the archive with that surname that was printed with
 *    the same title (`市长项明远` somewhere, `项市长` here).
 * Two candidates are as good as none: a wrong person is worse than no link.
 */
export function resolveSurname(surname: string, title: string | null, storyNames: Iterable<string>, archive: KnownRoles): string | null {
  const bySurname = (name: string): boolean => name.length > surname.length && name.startsWith(surname)
  const inStory = new Set([...storyNames].filter(bySurname))
  if (inStory.size === 1) return [...inStory][0] as string
  if (inStory.size > 1 || !title) return null
  // `副市长` matches a name printed as 副市长, `市长` one printed as 市长 or 代市长, not 副市长
  const office = title.replace(/^副/u, '')
  const deputy = title.startsWith('副')
  const matches: string[] = []
  for (const [name, roles] of archive) {
    if (!bySurname(name)) continue
    if (roles.some((r) => r.endsWith(office) && r.slice(0, -office.length).endsWith('副') === deputy)) matches.push(name)
  }
  return matches.length === 1 ? (matches[0] as string) : null
}
