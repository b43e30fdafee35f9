// How to cite a story: the newspaper-article form of GB/T 7714 (the Chinese reference
// standard), `责任者. 题名[N]. 报纸名, 出版日期(版次).`, e.g.
// `王明. 新桥建成通车[N]. 示例日报, 2023-05-06(1).`; without a byline the form starts at the title.

import type { Story } from '../types.js'

export interface CiteInput {
  story: Pick<Story, 'title' | 'byline'>
  paper: string
  /** Issue date, `YYYY-MM-DD`. */
  issueDate: string
  page: number
}

export function citation({ story, paper, issueDate, page }: CiteInput): string {
  const authors = [...new Set(story.byline.map((entry) => entry.name))].join(', ')
  const work = `${story.title}[N]. ${paper}, ${issueDate}(${page}).`
  return authors ? `${authors}. ${work}` : work
}
