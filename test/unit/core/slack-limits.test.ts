import { describe, expect, test } from '@jest/globals'
import { blockKitProblems } from '../../../src/core/slack/block-kit.js'
import { ELLIPSIS, truncate } from '../../../src/core/message/text.js'
import { LIMITS, enforceLimits } from '../../../src/core/slack/limits.js'

describe('truncate', () => {
  test.each([
    ['short text stays', 'abc', 5, 'abc'],
    ['exactly the limit stays', 'abcde', 5, 'abcde'],
    ['cut with an ellipsis within the limit', 'abcdefgh', 5, 'abcd…'],
    ['a surrogate pair is not split', 'abc😀def', 5, 'abc…'],
    ['an entity is not split', 'ab &amp; cd', 6, 'ab …'],
    ['a link is not split', 'see <https://x.example/abc|label> now', 20, 'see …'],
    ['a mention is not split', 'hi <!subteam^S0123> all', 10, 'hi …']
  ])('%s', (_, text, max, expected) => {
    const result = truncate(text, max)
    expect(result).toBe(expected)
    expect(result.length).toBeLessThanOrEqual(max)
  })
})

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } })

/** The string at a path such as `blocks.0.text.text`. */
const at =
  (path: string) =>
  (value: unknown): string =>
    path
      .split('.')
      .reduce<unknown>((v, key) => (v as Record<string, unknown>)[key], value) as string

describe('enforceLimits on any payload', () => {
  test.each([
    [
      'header text 150',
      { blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }] },
      at('blocks.0.text.text'),
      150
    ],
    ['section text 3000', { blocks: [section('s'.repeat(3001))] }, at('blocks.0.text.text'), 3000],
    [
      'field text 2000',
      { blocks: [{ type: 'section', fields: [{ type: 'mrkdwn', text: 'f'.repeat(2500) }] }] },
      at('blocks.0.fields.0.text'),
      2000
    ],
    [
      'button text 75',
      {
        blocks: [
          {
            type: 'actions',
            elements: [
              {
                type: 'button',
                text: { type: 'plain_text', text: 'b'.repeat(80) },
                url: 'https://x.example'
              }
            ]
          }
        ]
      },
      at('blocks.0.elements.0.text.text'),
      75
    ],
    ['fallback text 4000', { text: 't'.repeat(40_000) }, at('text'), 4000],
    [
      'blocks inside attachments',
      { attachments: [{ color: '#000000', blocks: [section('a'.repeat(5000))] }] },
      at('attachments.0.blocks.0.text.text'),
      3000
    ]
  ])('%s', (_, payload, pick, max) => {
    const { message, truncated } = enforceLimits(payload)
    expect(pick(message)).toHaveLength(max)
    expect(pick(message).endsWith(ELLIPSIS)).toBe(true)
    expect(truncated).toHaveLength(1)
    expect(pick(payload).length).toBeGreaterThan(max) // the input is left alone
  })

  test('at most 10 fields: the tenth says how many more', () => {
    const fields = Array.from({ length: 13 }, (_, i) => ({ type: 'mrkdwn', text: `f${i}` }))
    const { message, truncated } = enforceLimits({ blocks: [{ type: 'section', fields }] })
    const kept = (message.blocks[0] as { fields: { text: string }[] }).fields
    expect(kept.map((f) => f.text)).toEqual([...fields.slice(0, 9).map((f) => f.text), '… 4 more'])
    expect(truncated).toEqual(['blocks[0].fields: 13 → 10 items'])
  })

  test('at most 50 blocks, counting attachments; the last says how many are not shown', () => {
    const blocks = Array.from({ length: 30 }, (_, i) => section(`b${i}`))
    const { message, truncated } = enforceLimits({ blocks, attachments: [{ blocks }] })
    expect(message.blocks).toHaveLength(30)
    expect(message.attachments[0]?.blocks).toHaveLength(20)
    expect(message.attachments[0]?.blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '… 11 more blocks not shown' }]
    })
    expect(truncated).toEqual(['attachments[0].blocks: 30 → 20 blocks (50 per message)'])
    expect(blockKitProblems(message)).toEqual([])
  })

  test('60 top-level blocks', () => {
    const blocks = Array.from({ length: 60 }, (_, i) => section(`b${i}`))
    const { message } = enforceLimits({ text: 'x', blocks })
    expect(message.blocks).toHaveLength(LIMITS.blocks)
    expect(blockKitProblems(message)).toEqual([])
  })

  test('a payload within the limits is unchanged', () => {
    const payload = { text: 'hi', blocks: [section('ok')], unfurl_links: false }
    expect(enforceLimits(payload)).toEqual({ message: payload, truncated: [] })
  })
})

describe('blockKitProblems names the place', () => {
  test.each([
    [
      { blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'x' } }] },
      'blocks[0].text.type: expected `plain_text`'
    ],
    [{ blocks: [{ type: 'section' }] }, 'blocks[0]: expected `text` or `fields`'],
    [
      { blocks: [{ type: 'section', text: 'plain string' }] },
      'blocks[0].text: expected a text object ({ type, text })'
    ],
    [
      { blocks: [{ type: 'context', elements: [] }] },
      'blocks[0].elements: expected at least 1 item'
    ],
    [
      {
        blocks: [
          {
            type: 'actions',
            elements: [{ type: 'button', text: { type: 'plain_text', text: 'x' }, url: 'ftp://x' }]
          }
        ]
      },
      'blocks[0].elements[0].url: expected an http(s) URL'
    ],
    [
      { attachments: [{ color: 'red' }] },
      'attachments[0].color: expected #RRGGBB, `good`, `warning` or `danger`'
    ],
    [{ blocks: {} }, 'blocks: expected a list']
  ])('%j', (payload, problem) => {
    expect(blockKitProblems(payload)).toContain(problem)
  })

  test('unknown block types are left to Slack', () => {
    expect(blockKitProblems({ blocks: [{ type: 'rich_text', elements: [] }] })).toEqual([])
  })
})
