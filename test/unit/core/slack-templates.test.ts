import { describe, expect, test } from '@jest/globals'
import { blockKitProblems } from '../../../src/core/slack/block-kit.js'
import type { BuildFacts } from '../../../src/core/message/facts.js'
import { LIMITS, enforceLimits } from '../../../src/core/slack/limits.js'
import type { SlackMessage } from '../../../src/core/slack/message.js'
import { STATUSES, type Status } from '../../../src/core/message/status.js'
import { STATUS_STYLE } from '../../../src/core/slack/status.js'
import { buildTemplate, mergeFields } from '../../../src/core/slack/templates.js'

const SHA = '0f1e2d3c4b5a69788796a5b4c3d2e1f001234567'
const GITHUB: BuildFacts = {
  provider: 'github',
  project: 'shop',
  repository: 'acme/shop',
  repositoryUrl: 'https://github.com/acme/shop',
  branch: 'main',
  sha: SHA,
  commitMessage: 'Fix checkout totals\n\nThe long explanation.',
  author: 'Mona Lisa',
  actor: 'octocat',
  runUrl: 'https://github.com/acme/shop/actions/runs/9876543210',
  buildNumber: '42',
  eventName: 'push'
}
const DEPLOY: BuildFacts = {
  ...GITHUB,
  version: '1.4.57',
  environment: 'prod',
  url: 'https://shop.example.com/?a=1&b=2',
  duration: '3m 12s'
}
const CIRCLE: BuildFacts = {
  provider: 'circleci',
  project: 'shop',
  repository: 'acme/shop',
  repositoryUrl: 'https://github.com/acme/shop',
  branch: 'develop',
  sha: SHA,
  actor: 'circle-user',
  author: 'circle-user',
  runUrl: 'https://circleci.com/gh/acme/shop/57',
  buildNumber: '57',
  eventName: 'push'
}
const BARE: BuildFacts = { provider: 'local' }

type Json = Record<string, unknown>

/**
 * An independent reading of the Block Kit reference for the shapes the templates use: every
 * block type, text object type and limit (not the code under test's own validator).
 */
function assertBlockKit(message: SlackMessage) {
  expect(typeof message.text).toBe('string')
  expect((message.text ?? '').length).toBeGreaterThan(0)
  expect((message.text ?? '').length).toBeLessThanOrEqual(4000)
  const all = [
    ...(message.blocks ?? []),
    ...(message.attachments ?? []).flatMap((a) => a.blocks ?? [])
  ]
  expect(all.length).toBeLessThanOrEqual(50)
  const text = (t: unknown, max: number, type?: string) => {
    const o = t as Json
    expect(['plain_text', 'mrkdwn']).toContain(o.type)
    if (type) expect(o.type).toBe(type)
    expect(typeof o.text).toBe('string')
    expect((o.text as string).length).toBeGreaterThan(0)
    expect((o.text as string).length).toBeLessThanOrEqual(max)
  }
  for (const block of all as Json[]) {
    expect(['header', 'section', 'context', 'actions', 'divider']).toContain(block.type)
    if (block.type === 'header') text(block.text, 150, 'plain_text')
    if (block.type === 'section') {
      expect(block.text !== undefined || block.fields !== undefined).toBe(true)
      if (block.text) text(block.text, 3000)
      const fields = (block.fields ?? []) as unknown[]
      expect(fields.length).toBeLessThanOrEqual(10)
      for (const f of fields) text(f, 2000)
    }
    if (block.type === 'context') {
      const elements = block.elements as unknown[]
      expect(elements.length).toBeGreaterThan(0)
      expect(elements.length).toBeLessThanOrEqual(10)
      for (const e of elements) text(e, 3000)
    }
    if (block.type === 'actions') {
      const elements = block.elements as Json[]
      expect(elements.length).toBeGreaterThan(0)
      expect(elements.length).toBeLessThanOrEqual(25)
      for (const b of elements) {
        expect(b.type).toBe('button')
        text(b.text, 75, 'plain_text')
        expect(b.url).toMatch(/^https?:\/\//)
        if (b.style !== undefined) expect(['primary', 'danger']).toContain(b.style)
      }
    }
  }
  for (const a of message.attachments ?? []) expect(a.color).toMatch(/^#[0-9A-F]{6}$/)
  expect(blockKitProblems(message)).toEqual([])
  expect(enforceLimits(message).truncated).toEqual([])
}

const fieldsOf = (message: SlackMessage): string[] =>
  (message.attachments ?? [])
    .flatMap((a) => a.blocks ?? [])
    .flatMap((b) => (b.type === 'section' ? (b.fields ?? []) : []))
    .map((f) => f.text)
const header = (message: SlackMessage) => {
  const first = message.blocks?.[0]
  return first?.type === 'header' ? first.text.text : undefined
}
const buttons = (message: SlackMessage) =>
  (message.attachments ?? [])
    .flatMap((a) => a.blocks ?? [])
    .flatMap((b) => (b.type === 'actions' ? b.elements : []))

describe.each(STATUSES.map((s) => [s]))('template %s', (status: Status) => {
  test.each([
    ['GitHub push', GITHUB],
    ['deploy with version, environment, URL, duration', DEPLOY],
    ['CircleCI', CIRCLE],
    ['nothing known', BARE]
  ])('%s: valid Block Kit within limits', (_, facts) => {
    const message = buildTemplate(facts, { status })
    assertBlockKit(message)
    expect(header(message)).toContain(STATUS_STYLE[status].emoji)
    expect(message.text).toContain(STATUS_STYLE[status].emoji)
    if (facts.runUrl || facts.url || facts.sha || facts.repository) {
      expect(message.attachments?.[0]?.color).toBe(STATUS_STYLE[status].color)
    }
  })

  test('shows project, branch, commit, author, version, environment, URL, duration and the run', () => {
    const message = buildTemplate(DEPLOY, { status })
    const fields = fieldsOf(message)
    expect(fields).toEqual([
      '*Repository*\n<https://github.com/acme/shop|acme/shop>',
      '*Branch*\n`main`',
      `*Commit*\n<https://github.com/acme/shop/commit/${SHA}|0f1e2d3> Fix checkout totals`,
      '*Author*\nMona Lisa',
      '*Version*\n`1.4.57`',
      '*Environment*\nprod',
      '*URL*\n<https://shop.example.com/?a=1&b=2|shop.example.com/?a=1&amp;b=2>',
      '*Duration*\n3m 12s'
    ])
    expect(header(message)).toMatch(/^:\w+: shop: /)
    expect(buttons(message).map((b) => [b.text.text, b.url])).toEqual([
      [status === 'approval-needed' ? 'Review deployment' : 'View workflow', GITHUB.runUrl],
      ['Open prod', DEPLOY.url]
    ])
  })
})

test.each([
  ['started', GITHUB, ':arrow_forward: shop: build started'],
  ['succeeded', GITHUB, ':white_check_mark: shop: build succeeded'],
  ['failed', DEPLOY, ':x: shop: deploy to prod failed'],
  ['cancelled', GITHUB, ':no_entry_sign: shop: build cancelled'],
  ['approval-needed', DEPLOY, ':raised_hand: shop: deploy to prod needs approval'],
  ['deployed', DEPLOY, ':rocket: shop: 1.4.57 deployed to prod'],
  ['rolled-back', DEPLOY, ':rewind: shop: prod rolled back'],
  ['deployed', BARE, ':rocket: Deployed']
] as const)('headline of %s', (status, facts, expected) => {
  expect(header(buildTemplate(facts, { status }))).toBe(expected)
})

test('CircleCI: the button opens the job', () => {
  const message = buildTemplate(CIRCLE, { status: 'failed' })
  expect(buttons(message)).toEqual([
    expect.objectContaining({
      text: expect.objectContaining({ text: 'View job' }),
      url: CIRCLE.runUrl,
      style: 'danger'
    })
  ])
  expect(JSON.stringify(message)).toContain('CircleCI build #57')
})

test('a pull request shows its number, title and branch instead of a branch field', () => {
  const message = buildTemplate(
    {
      ...GITHUB,
      branch: 'feature/cart',
      pullRequest: { number: 12, title: 'Cart & <b>', url: 'https://github.com/acme/shop/pull/12' }
    },
    { status: 'succeeded' }
  )
  expect(fieldsOf(message)).toContain(
    '*Pull request*\n<https://github.com/acme/shop/pull/12|#12> Cart &amp; &lt;b&gt; (`feature/cart`)'
  )
  expect(fieldsOf(message).some((f) => f.startsWith('*Branch*'))).toBe(false)
})

describe('escaping of user-controlled text', () => {
  const evil = '<!channel> deploy & <https://evil.example|approve here> <@U0123ABCD>'
  const message = buildTemplate(
    { ...GITHUB, commitMessage: evil, branch: 'feat/<!here>', author: '<!everyone>' },
    { status: 'failed' }
  )
  const json = JSON.stringify(message)

  test('no mention and no link comes from a commit message, branch or author', () => {
    expect(json).not.toContain('<!channel>')
    expect(json).not.toContain('<!here>')
    expect(json).not.toContain('<!everyone>')
    expect(json).not.toContain('<@U0123ABCD>')
    expect(json).not.toContain('<https://evil')
  })

  test('they show as text', () => {
    expect(fieldsOf(message)).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          '&lt;!channel&gt; deploy &amp; &lt;https://evil.example|approve here&gt;'
        ),
        '*Branch*\n`feat/&lt;!here&gt;`',
        '*Author*\n&lt;!everyone&gt;'
      ])
    )
  })

  test('mrkdwn objects are verbatim (no automatic parsing of names)', () => {
    const objects = json.match(/"type":"mrkdwn"[^}]*/g) ?? []
    expect(objects.length).toBeGreaterThan(0)
    for (const o of objects) expect(o).toContain('"verbatim":true')
  })

  test('the text input keeps links but not mentions; mentions come from `mention`', () => {
    const m = buildTemplate(GITHUB, {
      status: 'failed',
      text: 'See <https://grafana.example.com/d/1?a=1|the dashboard> <!channel>',
      mentions: ['<!subteam^S0123ABCD>']
    })
    const section = m.blocks?.[1]
    expect(section).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        verbatim: true,
        text: '<!subteam^S0123ABCD> See <https://grafana.example.com/d/1?a=1|the dashboard> &lt;!channel&gt;'
      }
    })
    expect(m.text).toMatch(/^<!subteam\^S0123ABCD> :x: shop: build failed/)
  })
})

describe('long input is cut, never refused', () => {
  test('a 10,000-character commit message', () => {
    const message = buildTemplate(
      { ...GITHUB, commitMessage: 'x'.repeat(10_000) },
      { status: 'failed' }
    )
    assertBlockKit(message)
    const commit = fieldsOf(message).find((f) => f.startsWith('*Commit*')) ?? ''
    expect(commit.endsWith('x…')).toBe(true)
    expect(commit.length).toBeLessThan(400)
  })

  test('a 10,000-character commit message of `<` (escaping quadruples it)', () => {
    const message = buildTemplate(
      { ...GITHUB, commitMessage: '<'.repeat(10_000) },
      { status: 'failed' }
    )
    assertBlockKit(message)
    expect(JSON.stringify(message)).not.toMatch(/&l…|&lt…?[^;&]/)
  })

  test('a 500-character title', () => {
    const message = buildTemplate(GITHUB, { status: 'started', title: 't'.repeat(500) })
    assertBlockKit(message)
    expect(header(message)).toHaveLength(150)
    expect(header(message)?.endsWith('…')).toBe(true)
  })

  test('a 10,000-character text and 10,000-character field values', () => {
    const message = buildTemplate(GITHUB, {
      status: 'succeeded',
      text: 'y'.repeat(10_000),
      fields: [['Notes', 'z'.repeat(10_000)]]
    })
    const { message: limited, truncated } = enforceLimits(message)
    assertBlockKit(limited)
    expect(truncated).toEqual([
      'blocks[1].text.text: 10000 → 3000 characters',
      'attachments[0].blocks[0].fields[4].text: 10008 → 2000 characters'
    ])
  })

  test('25 fields become three sections of at most 10', () => {
    const fields = Array.from({ length: 25 }, (_, i): [string, string] => [`F${i}`, `v${i}`])
    const message = buildTemplate(GITHUB, { status: 'succeeded', fields })
    assertBlockKit(message)
    const sections = (message.attachments?.[0]?.blocks ?? []).filter((b) => b.type === 'section')
    expect(sections.map((s) => (s.type === 'section' ? s.fields?.length : 0))).toEqual([10, 10, 9])
  })
})

test('fields: a built-in label replaces (any case), an empty value removes, others are added', () => {
  const builtIn: [string, string][] = [
    ['Branch', '`main`'],
    ['Author', 'Mona']
  ]
  expect(
    mergeFields(builtIn, [
      ['author', 'The <!here> team'],
      ['Branch', ''],
      ['Replicas', '3'],
      ['Empty', '']
    ])
  ).toEqual([
    ['Author', 'The &lt;!here&gt; team'],
    ['Replicas', '3']
  ])
})

test('LIMITS are the documented ones', () => {
  expect(LIMITS).toMatchObject({
    headerText: 150,
    sectionText: 3000,
    sectionFields: 10,
    fieldText: 2000,
    blocks: 50,
    buttonText: 75
  })
})
