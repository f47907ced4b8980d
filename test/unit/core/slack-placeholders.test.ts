import { describe, expect, test } from '@jest/globals'
import type { BuildFacts } from '../../../src/core/message/facts.js'
import { checkPayloadContent, parseFields, parsePayload } from '../../../src/core/slack/payload.js'
import { fillPlaceholders, placeholderValues } from '../../../src/core/slack/placeholders.js'
import { ConfigurationError } from '../../../src/lib/errors.js'

const FACTS: BuildFacts = {
  provider: 'github',
  project: 'shop',
  repository: 'acme/shop',
  repositoryUrl: 'https://github.com/acme/shop',
  branch: 'main',
  sha: '0f1e2d3c4b5a69788796a5b4c3d2e1f001234567',
  commitMessage: 'Say "hi" \\ to C:\\temp\nsecond line',
  author: 'Mona',
  actor: 'octocat',
  runUrl: 'https://github.com/acme/shop/actions/runs/1',
  buildNumber: '42',
  eventName: 'push',
  version: '1.4.57',
  environment: 'prod',
  url: 'https://shop.example.com/?a=1&b=2'
}
const values = placeholderValues(FACTS, { status: 'deployed', mention: '<!here>' })
const fill = (payload: unknown, env: Record<string, string> = {}) =>
  fillPlaceholders(payload, { values, env, source: 'payload.json' })

test('the names the issue promises, with their values', () => {
  expect(values).toMatchObject({
    version: '1.4.57',
    environment: 'prod',
    branch: 'main',
    sha: '0f1e2d3c4b5a69788796a5b4c3d2e1f001234567',
    short_sha: '0f1e2d3',
    actor: 'octocat',
    run_url: 'https://github.com/acme/shop/actions/runs/1',
    commit_message: 'Say "hi" \\ to C:\\temp',
    status: 'deployed',
    color: '#2EB67D',
    mention: '<!here>'
  })
})

describe('placeholders are filled into parsed values', () => {
  const tricky = 'quote " backslash \\ newline \n tab \t end } {{ not a placeholder'
  test.each([
    [
      'JSON',
      `{"text": "{{ env.MSG }}", "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "*{{env.MSG}}*"}}]}`
    ],
    [
      'YAML',
      `text: "{{ env.MSG }}"\nblocks:\n  - type: section\n    text: { type: mrkdwn, text: "*{{env.MSG}}*" }\n`
    ]
  ])('%s: quotes, backslashes and newlines stay characters of their string', (_, text) => {
    const filled = fill(parsePayload(text, 'payload'), { MSG: tricky }) as {
      text: string
      blocks: { text: { text: string } }[]
    }
    expect(filled.text).toBe(tricky)
    expect(filled.blocks[0]?.text.text).toBe(`*${tricky}*`)
    expect(JSON.parse(JSON.stringify(filled))).toEqual(filled)
  })

  test('a placeholder in a key or a number is left alone; types are kept', () => {
    expect(fill({ '{{ sha }}': 1, n: 2, b: true, nil: null })).toEqual({
      '{{ sha }}': 1,
      n: 2,
      b: true,
      nil: null
    })
  })

  test('mrkdwn is escaped, except in URLs and plain_text', () => {
    const filled = fill(
      {
        text: '{{ url }} {{ mention }}',
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: '{{ url }}' } },
          {
            type: 'actions',
            elements: [
              { type: 'button', text: { type: 'plain_text', text: 'Go' }, url: '{{ url }}' }
            ]
          }
        ],
        attachments: [{ title_link: '{{ run_url }}&x=1', image_url: '{{ url }}' }]
      },
      {}
    )
    expect(filled).toEqual({
      text: 'https://shop.example.com/?a=1&amp;b=2 &lt;!here&gt;',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'https://shop.example.com/?a=1&b=2' } },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              text: { type: 'plain_text', text: 'Go' },
              url: 'https://shop.example.com/?a=1&b=2'
            }
          ]
        }
      ],
      attachments: [
        {
          title_link: 'https://github.com/acme/shop/actions/runs/1&x=1',
          image_url: 'https://shop.example.com/?a=1&b=2'
        }
      ]
    })
  })

  test('a commit message cannot ping or link', () => {
    const v = placeholderValues({ ...FACTS, commitMessage: '<!channel> <https://evil|approve>' })
    expect(
      fillPlaceholders({ text: '{{ commit_message }}' }, { values: v, env: {}, source: 'p' })
    ).toEqual({
      text: '&lt;!channel&gt; &lt;https://evil|approve&gt;'
    })
  })

  test('env.NAME: unset is empty', () => {
    expect(fill({ text: '[{{ env.NOPE }}]' })).toEqual({ text: '[]' })
  })

  test('an unknown name is an error that names it and the known ones', () => {
    expect(() => fill({ text: '{{ versoin }} {{ branch }} {{ nope }}' })).toThrow(
      new ConfigurationError(
        `payload.json: unknown placeholder {{ versoin }}, {{ nope }}: expected one of ${Object.keys(values).join(', ')}, or env.NAME.`
      )
    )
  })
})

describe('payload shape', () => {
  test.each([
    [
      '[1, 2]',
      'payload: expected a JSON or YAML object (with `text`, `blocks` or `attachments`), got a list.'
    ],
    [
      'just text',
      'payload: expected a JSON or YAML object (with `text`, `blocks` or `attachments`), got a string.'
    ],
    ['{"text": "a",\n "blocks": [}', 'payload:2: invalid YAML'],
    ['text: a\n  b: c\n', 'payload:2: invalid YAML']
  ])('%j is refused', (text, message) => {
    expect(() => parsePayload(text, 'payload')).toThrow(message)
  })

  test.each([
    [
      { username: 'bot' },
      'p: the payload has no `text`, `blocks` or `attachments`: Slack would refuse it (no_text).'
    ],
    [
      { text: '  ', blocks: [] },
      'p: the payload has no `text`, `blocks` or `attachments`: Slack would refuse it (no_text).'
    ],
    [{ text: 'x', blocks: { a: 1 } }, 'p: `blocks` must be a list.']
  ])('%j has nothing to show', (payload, message) => {
    expect(() => checkPayloadContent(payload, 'p')).toThrow(new ConfigurationError(message))
  })
})

describe('fields input', () => {
  test('YAML Label: value lines, in order, values as written', async () => {
    expect(
      await parseFields(
        'Replicas: 3\nVersion: 1.10\nRegion: eu-west-1\nCanary: true\nNotes:\n',
        "input 'fields'"
      )
    ).toEqual([
      ['Replicas', '3'],
      ['Version', '1.10'],
      ['Region', 'eu-west-1'],
      ['Canary', 'true'],
      ['Notes', '']
    ])
  })

  test.each([
    ['- a\n- b', "input 'fields':1: expected `Label: value` lines"],
    ['A: 1\nB:\n  c: d\n', "input 'fields':3: the value of 'B' must be text, not a mapping"],
    ['A: 1\nB: [1\nC: 3', "input 'fields':3: invalid YAML"]
  ])('%j is refused with its line', async (text, message) => {
    await expect(parseFields(text, "input 'fields'")).rejects.toThrow(message)
  })
})
