/**
 * The built slack-notify bundle against the sandbox's Slack-compatible endpoint (real HTTP, the
 * real SDKs, failure injection), on the runner's Node 24. The endpoint is shared with other test
 * files running at the same time: each test finds its own requests by a unique project name,
 * never clears them, and scopes injected failures to one path.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readSandbox, type SandboxSlackRequest } from '../sandbox/description.js'
import {
  NODES,
  type RunOptions,
  type RunResult,
  runAction,
  secretLeaks
} from '../harness/run-action.js'

const { slack } = readSandbox()
const node = NODES[NODES.length - 1]!.path // the runner's Node 24
const marker = randomBytes(3).toString('hex')
let scratch: string

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'gantry-slack-it-'))
})
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true })
})

let runs = 0
/** A project name of its own, so this run's requests can be told from everyone else's. */
function project(): { name: string; repository: string } {
  const name = `shop-${marker}-${++runs}`
  return { name, repository: `acme/${name}` }
}

async function notify(options: RunOptions & { repository: string }): Promise<RunResult> {
  const r = await runAction('slack-notify', { node, timeoutMs: 15_000, ...options })
  // Whatever happened, neither secret may appear in the step's output.
  expect(
    secretLeaks(r, [slack.token, slack.webhookUrl, slack.webhookUrl.split('/').pop()!])
  ).toEqual([])
  expect(r.summary).not.toContain(slack.token)
  expect(r.summary).not.toContain(slack.webhookUrl.split('/').pop())
  return r
}

const api = (inputs: Record<string, string>) => ({
  token: slack.token,
  'api-url': slack.apiUrl,
  channel: '#deploys',
  ...inputs
})

async function requestsOf(
  name: string,
  path = '/api/chat.postMessage'
): Promise<SandboxSlackRequest[]> {
  const res = await fetch(`${slack.requestsUrl}?path=${encodeURIComponent(path)}`)
  const all = (await res.json()) as SandboxSlackRequest[]
  return all.filter((r) => JSON.stringify(r.body ?? r.rawBody).includes(name))
}

async function inject(rule: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${slack.controlUrl}failures`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(rule)
  })
  expect(res.status).toBe(200)
}

interface StoredMessage {
  channel: string
  ts: string
  text: string
  blocks?: unknown[]
  attachments?: { color?: string; blocks?: unknown[] }[]
  edited?: unknown
  thread_ts?: string
}
async function messagesOf(name: string): Promise<StoredMessage[]> {
  const all = (await (await fetch(`${slack.controlUrl}messages`)).json()) as StoredMessage[]
  return all.filter((m) => JSON.stringify(m).includes(name))
}

type Json = Record<string, unknown>
/** Block Kit shapes and limits, read from the reference (independently of the action's code). */
function expectValidBlockKit(body: unknown) {
  const message = body as Json
  expect(typeof message.text).toBe('string')
  expect((message.text as string).length).toBeLessThanOrEqual(4000)
  const attachments = (message.attachments ?? []) as Json[]
  const blocks = [
    ...((message.blocks ?? []) as Json[]),
    ...attachments.flatMap((a) => (a.blocks ?? []) as Json[])
  ]
  expect(blocks.length).toBeGreaterThan(0)
  expect(blocks.length).toBeLessThanOrEqual(50)
  const textObject = (t: unknown, max: number, only?: string) => {
    const o = t as Json
    expect(o.type === 'plain_text' || o.type === 'mrkdwn').toBe(true)
    if (only) expect(o.type).toBe(only)
    expect((o.text as string).length).toBeGreaterThan(0)
    expect((o.text as string).length).toBeLessThanOrEqual(max)
  }
  for (const b of blocks) {
    switch (b.type) {
      case 'header':
        textObject(b.text, 150, 'plain_text')
        break
      case 'section':
        if (b.text) textObject(b.text, 3000)
        expect(((b.fields ?? []) as unknown[]).length).toBeLessThanOrEqual(10)
        for (const f of (b.fields ?? []) as unknown[]) textObject(f, 2000)
        break
      case 'context':
        expect((b.elements as unknown[]).length).toBeLessThanOrEqual(10)
        for (const e of b.elements as unknown[]) textObject(e, 3000)
        break
      case 'actions':
        for (const e of b.elements as Json[]) {
          expect(e.type).toBe('button')
          textObject(e.text, 75, 'plain_text')
          expect(e.url).toMatch(/^https:\/\//)
        }
        break
      default:
        throw new Error(`unexpected block type ${String(b.type)}`)
    }
  }
  for (const a of attachments) expect(a.color).toMatch(/^#[0-9A-F]{6}$/)
}

describe('templates', () => {
  const statuses = [
    'started',
    'succeeded',
    'failed',
    'cancelled',
    'approval-needed',
    'deployed',
    'rolled-back'
  ]
  test.each(statuses)('%s posts valid Block Kit, and outputs ts and channel', async (status) => {
    const p = project()
    const r = await notify({
      repository: p.repository,
      inputs: api({
        status,
        version: '1.4.57',
        environment: 'prod',
        url: 'https://shop.example.com',
        duration: '192'
      })
    })
    expect(r.exitCode).toBe(0)
    expect(r.annotations).toEqual([])
    const [request, ...more] = await requestsOf(p.name)
    expect(more).toEqual([])
    expect(request?.response?.body).toMatchObject({ ok: true })
    expectValidBlockKit(request?.body)
    const answer = request?.response?.body as { channel: string; ts: string }
    expect(r.outputs).toEqual({
      ok: 'true',
      ts: answer.ts,
      channel: answer.channel,
      'thread-ts': answer.ts
    })
    expect(answer.channel).toMatch(/^C[0-9A-F]{10}$/)
    expect(r.summary).toContain(`delivered, ts ${answer.ts}`)
    expect(r.summary).toContain(`${p.name}:`)
  })
})

test('started, then updated in place to succeeded: one message, two states', async () => {
  const p = project()
  const started = await notify({
    repository: p.repository,
    inputs: api({ status: 'started', environment: 'prod' })
  })
  expect(started.exitCode).toBe(0)
  const { ts, channel } = started.outputs
  const before = await messagesOf(p.name)
  expect(before).toHaveLength(1)
  expect(before[0]?.attachments?.[0]?.color).toBe('#1D9BD1')

  const done = await notify({
    repository: p.repository,
    inputs: api({
      status: 'success',
      environment: 'prod',
      channel: channel!,
      'update-ts': ts!,
      duration: '75'
    })
  })
  expect(done.exitCode).toBe(0)
  expect(done.outputs).toMatchObject({ ok: 'true', ts, channel })
  const after = await messagesOf(p.name)
  expect(after).toHaveLength(1)
  expect(after[0]).toMatchObject({ ts, channel, edited: expect.anything() })
  expect(after[0]?.text).toContain('deploy to prod succeeded')
  expect(after[0]?.attachments?.[0]?.color).toBe('#2EB67D')
  expect(JSON.stringify(after[0])).toContain('1m 15s')
  const [update] = await requestsOf(p.name, '/api/chat.update')
  expectValidBlockKit(update?.body)
})

test('a reply in the thread of the first message', async () => {
  const p = project()
  const first = await notify({ repository: p.repository, inputs: api({ status: 'started' }) })
  const reply = await notify({
    repository: p.repository,
    inputs: api({ status: 'approval-needed', 'thread-ts': first.outputs['thread-ts']! })
  })
  expect(reply.exitCode).toBe(0)
  expect(reply.outputs['thread-ts']).toBe(first.outputs.ts)
  const messages = await messagesOf(p.name)
  expect(messages.map((m) => m.thread_ts)).toEqual([undefined, first.outputs.ts])
})

test('429 with Retry-After: 1, then success', async () => {
  const p = project()
  await inject({ status: 429, retryAfter: 1, times: 1, path: '/api/chat.postMessage' })
  const r = await notify({ repository: p.repository, inputs: api({ status: 'failed' }) })
  expect(r.exitCode).toBe(0)
  expect(r.outputs.ok).toBe('true')
  expect(r.stdout).toContain(
    'Slack rate-limited the request (Retry-After: 1 s); trying again in 1 s (attempt 2 of 3).'
  )
  const [limited, ok, ...more] = await requestsOf(p.name)
  expect(more).toEqual([])
  expect(limited?.response).toMatchObject({ status: 429, headers: { 'Retry-After': '1' } })
  expect(ok?.response).toMatchObject({ status: 200, body: { ok: true } })
  const waited = Date.parse(ok!.time) - Date.parse(limited!.time)
  expect(waited).toBeGreaterThanOrEqual(950)
  expect(waited).toBeLessThan(3000)
})

describe('500 three times (retries 2: three attempts)', () => {
  test('fail-on-error false: a warning, a green step', async () => {
    const p = project()
    await inject({ status: 500, times: 3, path: '/api/chat.postMessage' })
    const started = Date.now()
    const r = await notify({ repository: p.repository, inputs: api({ status: 'failed' }) })
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(r.exitCode).toBe(0)
    expect(r.outputs).toEqual({ ok: 'false', ts: '', channel: '', 'thread-ts': '' })
    expect(r.annotations).toEqual([
      expect.objectContaining({
        level: 'warning',
        message:
          "Slack notification not delivered after 3 attempts: Slack answered HTTP 500 `internal_error`. The step stays green ('fail-on-error' is false)."
      })
    ])
    const attempts = await requestsOf(p.name)
    expect(attempts.map((a) => a.response?.status)).toEqual([500, 500, 500])
    expect(r.summary).toContain('| Result | Slack notification not delivered after 3 attempts')
  })

  test('fail-on-error true: the step fails', async () => {
    const p = project()
    await inject({ status: 500, times: 3, path: '/api/chat.postMessage' })
    const r = await notify({
      repository: p.repository,
      inputs: api({ status: 'failed', 'fail-on-error': 'true' })
    })
    expect(r.exitCode).toBe(1)
    expect(r.annotations[0]).toMatchObject({
      level: 'error',
      message:
        'Slack notification not delivered after 3 attempts: Slack answered HTTP 500 `internal_error`.'
    })
  })
})

test('Slack errors are not retried and say what to fix', async () => {
  const p = project()
  const r = await notify({
    repository: p.repository,
    inputs: api({ status: 'failed', channel: '#missing-channel' })
  })
  expect(r.exitCode).toBe(0)
  expect(r.annotations[0]?.message).toMatch(
    /^Slack notification not delivered: Slack answered `channel_not_found` — check input 'channel'/
  )
  expect(await requestsOf(p.name)).toHaveLength(1)
})

test('a wrong token: invalid_auth, and the token is not shown', async () => {
  const p = project()
  const wrong = `${slack.token}-wrong`
  const r = await runAction('slack-notify', {
    node,
    repository: p.repository,
    inputs: api({ status: 'failed', token: wrong, 'fail-on-error': 'true' })
  })
  expect(r.exitCode).toBe(1)
  expect(r.annotations[0]?.message).toContain('Slack answered `invalid_auth`')
  expect(secretLeaks(r, [wrong])).toEqual([])
})

describe('incoming webhook', () => {
  const webhookPath = new URL(slack.webhookUrl).pathname

  test('posts the template; no ts', async () => {
    const p = project()
    const r = await notify({
      repository: p.repository,
      circleci: { branch: 'develop', repo: p.name, buildNum: '57' },
      inputs: {
        'webhook-url': slack.webhookUrl,
        status: 'deployed',
        environment: 'sandbox',
        version: '0.9.57'
      }
    })
    expect(r.exitCode).toBe(0)
    expect(r.outputs).toEqual({ ok: 'true', ts: '', channel: '', 'thread-ts': '' })
    const [request] = await requestsOf(p.name, webhookPath)
    expect(request?.response).toMatchObject({ status: 200, body: 'ok' })
    expectValidBlockKit(request?.body)
    expect(JSON.stringify(request?.body)).toContain(`https://circleci.com/gh/acme/${p.name}/57`)
    expect(r.stdout).toContain('Slack notification sent with the incoming webhook.')
  })

  test('429 with Retry-After, read by our own fetch, then success', async () => {
    const p = project()
    await inject({ status: 429, retryAfter: 1, times: 1, path: webhookPath })
    const r = await notify({
      repository: p.repository,
      inputs: { 'webhook-url': slack.webhookUrl, status: 'started' }
    })
    expect(r.exitCode).toBe(0)
    expect((await requestsOf(p.name, webhookPath)).map((q) => q.response?.status)).toEqual([
      429, 200
    ])
  })
})

describe('hostile commit messages (from the push event)', () => {
  function pushEvent(message: string): string {
    const path = join(scratch, `event-${randomBytes(3).toString('hex')}.json`)
    writeFileSync(
      path,
      JSON.stringify({
        ref: 'refs/heads/main',
        head_commit: { message, author: { name: 'Eve <!here>' } }
      })
    )
    return path
  }

  test('a 10,000-character commit message is cut; `<!channel>` is escaped', async () => {
    const p = project()
    const message = `<!channel> <https://evil.example|approve> ${'x'.repeat(10_000)}`
    const r = await notify({
      repository: p.repository,
      env: { GITHUB_EVENT_PATH: pushEvent(message) },
      inputs: api({ status: 'failed', mention: '@here', 'mention-on': 'failed' })
    })
    expect(r.exitCode).toBe(0)
    const [request] = await requestsOf(p.name)
    expect(request?.response?.body).toMatchObject({ ok: true })
    expectValidBlockKit(request?.body)
    const body = JSON.stringify(request?.body)
    expect(body).not.toContain('<!channel>')
    expect(body).not.toContain('<https://evil')
    expect(body).toContain('&lt;!channel&gt; &lt;https://evil.example|approve&gt; xxx')
    expect(body).toContain('x…')
    expect(body).toContain('Eve &lt;!here&gt;')
    // The one real ping is the mention input's.
    expect(body.match(/<!here>/g)).toHaveLength(2) // the fallback text and the section
  })

  test('payload-file (YAML) with placeholders: quotes, backslashes and newlines cannot break it', async () => {
    const p = project()
    const cwd = mkdtempSync(join(scratch, 'ws-'))
    writeFileSync(
      join(cwd, 'slack.yml'),
      [
        'text: "{{ status_emoji }} {{ project }} {{ version }}: {{ commit_message }}"',
        'attachments:',
        '  - color: "{{ color }}"',
        '    blocks:',
        '      - type: section',
        '        text: { type: mrkdwn, text: "{{ env.NOTES }}" }',
        '      - type: actions',
        '        elements:',
        '          - { type: button, text: { type: plain_text, text: "Run {{ run_number }}" }, url: "{{ run_url }}" }',
        ''
      ].join('\n')
    )
    const notes = 'He said "ship it" \\o/ C:\\temp\nsecond line } ]'
    const r = await notify({
      repository: p.repository,
      cwd,
      env: {
        GITHUB_EVENT_PATH: pushEvent('Fix "quotes" and \\backslashes\\\n\nbody'),
        NOTES: notes
      },
      inputs: api({ 'payload-file': 'slack.yml', status: 'deployed', version: '2.0.1' })
    })
    expect(r.exitCode).toBe(0)
    expect(r.annotations).toEqual([])
    const [request] = await requestsOf(p.name)
    expect(request?.response?.body).toMatchObject({ ok: true })
    expect(request?.body).toMatchObject({
      channel: '#deploys',
      text: `:rocket: ${p.name} 2.0.1: Fix "quotes" and \\backslashes\\`,
      attachments: [
        {
          color: '#2EB67D',
          blocks: [
            { type: 'section', text: { type: 'mrkdwn', text: notes } },
            {
              type: 'actions',
              elements: [
                {
                  type: 'button',
                  text: { type: 'plain_text', text: 'Run 42' },
                  url: 'https://github.com/acme/' + p.name + '/actions/runs/9876543210'
                }
              ]
            }
          ]
        }
      ]
    })
  })
})
