// A rebuild keys a story's search texts by the key its page job made (pipeline.ts
// StoryTerms.keyOf) instead of making and hashing its texts again — only while the story is as
// its page job made it (cache/as-made.ts): an editor's correction may retitle it after the job.
import { expect, test } from 'vitest'
import { StoryTerms } from '../../src/pipeline.js'
import { docTermsKey } from '../../src/search/doc-terms.js'
import { storySearchFields } from '../../src/search/search-docs.js'
import { changedAfterJob, markAsMade } from '../../src/cache/as-made.js'
import { packStory } from '../../src/segment/packed-paragraphs.js'
import type { SegmentedPage, Story } from '../../src/types.js'
import { makeStory } from '../search/fixtures/site-model.js'

const story = (title: string): Story =>
  makeStory('2023-03-16', 1, {
    title,
    column: '要闻',
    headline: ['章旭升调研工业发展思路时强调', title],
    body: ['本报讯 12月9日上午，市委书记章旭升与多家涉企重点部门负责人座谈交流。', '他强调，工业是永康最重要的支柱。'],
    bodyLine: 10,
  })

const keyOfTexts = (s: Story): string => {
  const { title, body } = storySearchFields(s)
  return docTermsKey([title, body])
}

/** Stories as a build holds them once their page has settled: marked as their page job made them. */
const settled = (...stories: Story[]): Story[] => {
  markAsMade({ stories } as unknown as SegmentedPage)
  return stories
}

test("a noted story's key is given while the story is as its page job made it, and is the key of its texts", () => {
  const terms = new StoryTerms()
  const stories = settled(packStory(story('精准细致谋思路')), story('脚踏实地干实事'))
  terms.noteKeys(stories, stories.map(keyOfTexts))
  for (const s of stories) expect(terms.keyOf(s)).toBe(keyOfTexts(s))
})

test('a story changed after its page job (retitled), one not marked as made, or one never noted, has no key from its page job: its texts are keyed afresh', () => {
  const terms = new StoryTerms()
  const [retitled] = settled(story('精准细致谋思路'))
  terms.noteKeys([retitled!], [keyOfTexts(retitled!)])
  // What an editor's correction does (corrections/apply.ts), before it changes the title.
  changedAfterJob(retitled!)
  retitled!.title = '打造世界五金之都'
  retitled!.headline = [retitled!.title]
  expect(terms.keyOf(retitled!)).toBeUndefined()
  const unmarked = story('脚踏实地干实事')
  terms.noteKeys([unmarked], [keyOfTexts(unmarked)])
  expect(terms.keyOf(unmarked)).toBeUndefined()
  expect(terms.keyOf(settled(story('脚踏实地干实事'))[0]!)).toBeUndefined()
})
