import { expect, test } from 'vitest'
import { findOrganizations } from '../../src/tag/organizations.js'

test('companies and bodies are found by how their names end', () => {
  expect(findOrganizations('调研组先后来到东方红机械有限公司和县人民医院，听取汇报。')).toEqual(['东方红机械有限公司', '县人民医院'])
})

test('an industry word ends a company name only where the name clearly ends', () => {
  expect(findOrganizations('在星光科技，企业负责人介绍了坚持科技创新的做法。')).toEqual(['星光科技'])
})

test('verbs before a body are not part of its name', () => {
  expect(findOrganizations('会议听取了全县防汛指挥部的汇报')).toEqual(['全县防汛指挥部'])
})
