/**
 * `notify` end to end in-process: targets parsed, rendered per service, delivered to loopback
 * servers that check what each service checks (test/fixtures/notify-servers.js), with retries on
 * 429/5xx driven by a fake sleep, masking of the URLs' credentials, Discord's edit in place, the
 * summary and the fail-on-error policy. Renderers, escaping, limits and signing on their own below.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { readSettings, run } from '../../src/actions/notify/main.js'
import { buildNotification } from '../../src/core/message/notification.js'
import type { BuildFacts } from '../../src/core/message/facts.js'
import {
  DISCORD,
  barkPayload,
  discordPayload,
  escapeDiscord,
  ntfyPayload,
  renderFor,
  teamsPayload
} from '../../src/core/notify/render.js'
import { parseTarget } from '../../src/core/notify/targets.js'
import { ReplayGuard, signWebhook, verifyWebhook } from '../../src/core/signature.js'
import { InputReader } from '../../src/lib/inputs.js'
import type { Runner } from '../../src/lib/runner.js'
import {
  type NotifyServers,
  discordProblems,
  startNotifyServers,
  teamsProblems
} from '../fixtures/notify-servers.js'
import { HOSTILE_VALUES } from '../fixtures/hostile.js'

const GITHUB_ENV = {
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_RUN_ID: '9876543210',
  GITHUB_RUN_NUMBER: '42',
  GITHUB_SHA: '0f1e2d3c4b5a69788796a5b4c3d2e1f001234567',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_ACTOR: 'octocat'
}
const DISCORD_TOKEN = 'dIsCoRdToKeN_secret-123'
const TEAMS_SIG = 'TeAmSsIgNaTuRe123'
const NTFY_PASSWORD = 'ntfy-pa55word'
const BARK_KEY = 'barkDeviceKeySecret'

function recordingRunner(inputs: Record<string, string>) {
  const r = {
    outputs: {} as Record<string, string>,
    secrets: [] as string[],
    infos: [] as string[],
    warnings: [] as string[],
    failed: [] as string[],
    summary: ''
  }
  const runner: Runner = {
    env: GITHUB_ENV,
    isDebug: false,
    getInput: (name) => (inputs[name] ?? '').trim(),
    setOutput: (name, value) => void (r.outputs[name] = value),
    setSecret: (value) => void r.secrets.push(value),
    debug: () => {},
    info: (m) => void r.infos.push(m),
    untrusted: (text, prefix = '') => void r.infos.push(prefix + text),
    notice: () => {},
    warning: (m) => void r.warnings.push(m),
    error: () => {},
    group: (_, body) => body(),
    appendSummary: (m) => void (r.summary += m),
    saveState: () => {},
    getState: () => '',
    setFailed: (m) => void r.failed.push(m)
  }
  return { runner, r }
}

let servers: NotifyServers
const sleeps: number[] = []
const deps = (runner: Runner) => ({
  runner,
  readCommit: async () => ({
    message: 'Fix totals @everyone [click](https://evil.example)\n\nbody',
    author: 'Mona Lisa'
  }),
  readFile: async () => undefined,
  sleep: async (ms: number) => void sleeps.push(ms),
  newId: () => 'delivery-1'
})

beforeAll(async () => {
  servers = await startNotifyServers({
    discordToken: DISCORD_TOKEN,
    teamsSig: TEAMS_SIG,
    ntfyAuth: `Basic ${Buffer.from(`ci:${NTFY_PASSWORD}`).toString('base64')}`
  })
})
afterAll(() => servers.close())
beforeEach(() => {
  servers.clear()
  sleeps.length = 0
})

const hostPort = () => `127.0.0.1:${servers.port}`
const allUrls = () =>
  [
    `bark://${hostPort()}/${BARK_KEY}`,
    `ntfy://ci:${NTFY_PASSWORD}@${hostPort()}/deploys`,
    `${servers.url}/api/webhooks/123456/${DISCORD_TOKEN}`,
    `${servers.url}/workflows/abc123/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${TEAMS_SIG}`,
    `json://${hostPort()}/hooks/deploy`
  ].join('\n')
const SECRETS = [DISCORD_TOKEN, TEAMS_SIG, NTFY_PASSWORD, BARK_KEY]
const leaks = (r: {
  infos: string[]
  warnings: string[]
  failed: string[]
  summary: string
  outputs: Record<string, string>
}) =>
  [...r.infos, ...r.warnings, ...r.failed, r.summary, ...Object.values(r.outputs)].filter((line) =>
    SECRETS.some((s) => line.includes(s))
  )

describe('notify run()', () => {
  test('one message to every service, each in its format, credentials masked everywhere', async () => {
    const { runner, r } = recordingRunner({
      urls: allUrls(),
      status: 'deployed',
      version: '1.4.57',
      environment: 'prod',
      url: 'https://shop.example'
    })
    await run(deps(runner))
    expect(r.failed).toEqual([])
    expect(r.warnings).toEqual([])
    expect(r.outputs).toEqual({
      ok: 'true',
      delivered: '5',
      'message-ids': expect.stringMatching(/^\{"discord:123456":"\d+"\}$/)
    })
    expect(servers.requests.map((q) => q.service).sort()).toEqual([
      'bark',
      'discord',
      'json',
      'ntfy',
      'teams'
    ])
    const bark = servers.of('bark')[0]!
    expect(bark.body).toMatchObject({
      device_key: BARK_KEY,
      title: '🚀 shop: 1.4.57 deployed to prod',
      level: 'active',
      url: 'https://github.com/acme/shop/actions/runs/9876543210'
    })
    expect(bark.body.body).toContain('Version: 1.4.57')
    const ntfy = servers.of('ntfy')[0]!
    expect(ntfy.body).toMatchObject({
      topic: 'deploys',
      title: 'shop: 1.4.57 deployed to prod',
      priority: 3,
      tags: ['rocket', 'deployed'],
      click: 'https://github.com/acme/shop/actions/runs/9876543210'
    })
    const discord = servers.of('discord')[0]!
    expect(discord.query).toEqual({ wait: 'true' })
    expect(discord.body.allowed_mentions).toEqual({ parse: [] })
    expect(discord.body.embeds[0]).toMatchObject({
      title: '🚀 shop: 1.4.57 deployed to prod',
      color: 0x2eb67d
    })
    const teams = servers.of('teams')[0]!
    expect(teams.body.attachments[0].content.type).toBe('AdaptiveCard')
    expect(servers.of('json')[0]!.body).toMatchObject({
      version: '1.0',
      title: '🚀 shop: 1.4.57 deployed to prod',
      status: 'deployed',
      type: 'success'
    })
    // Every secret was registered with the runner, and none shows in a log, summary or output.
    for (const s of SECRETS) expect(r.secrets).toContain(s)
    expect(leaks(r)).toEqual([])
    expect(r.summary).toContain('discord://123456/****')
    expect(r.summary).toContain(`ntfy://ci:****@${hostPort()}/deploys`)
    expect(r.summary.match(/✅/g)).toHaveLength(5)
  })

  test('a commit message cannot ping or forge a link in Discord, nor link in Teams', async () => {
    const { runner } = recordingRunner({ urls: allUrls(), status: 'failed' })
    await run(deps(runner))
    const embed = servers.of('discord')[0]!.body.embeds[0]
    const commit = embed.fields.find((f: { name: string }) => f.name === 'Commit').value as string
    expect(commit).not.toMatch(/(^|[^\\])\[click\]\(https/)
    expect(commit).toContain('@\u200beveryone')
    const card = JSON.stringify(servers.of('teams')[0]!.body)
    // The forged link is plain text in a TextRun; only our own URLs carry an OpenUrl action.
    expect(card).toContain(
      'Fix totals @everyone [click]\\u0028'.replace('\\u0028', '(https://evil.example)')
    )
    expect(card).not.toContain('"url":"https://evil.example"')
  })

  test('429 with Retry-After, then 503: retried and delivered; a 4xx is not retried', async () => {
    servers.fail('discord', {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: 1.5, global: false }
    })
    servers.fail('ntfy', { status: 429, retryAfter: 2 }, { status: 503 })
    servers.fail('bark', { status: 400, body: { code: 400, message: 'bad' } })
    const { runner, r } = recordingRunner({ urls: allUrls(), status: 'succeeded' })
    await run(deps(runner))
    expect(servers.of('discord')).toHaveLength(2)
    expect(servers.of('ntfy')).toHaveLength(3)
    expect(servers.of('bark')).toHaveLength(1)
    expect(sleeps.sort((a, b) => a - b)).toEqual([1500, 2000, 2000])
    expect(r.outputs.ok).toBe('false')
    expect(r.outputs.delivered).toBe('4')
    expect(r.failed).toEqual([])
    expect(r.warnings).toHaveLength(1)
    expect(r.warnings[0]).toMatch(
      /^Notification not delivered to 1 of 5 targets: bark:\/\/127\.0\.0\.1:\d+\/\*\*\*\* \(HTTP 400/
    )
    expect(r.summary).toContain('⚠️ not delivered')
    expect(leaks(r)).toEqual([])
  })

  test('retries are bounded; fail-on-error: true fails the step, naming the masked target', async () => {
    servers.fail('json', { status: 502 }, { status: 502 }, { status: 502 })
    const { runner, r } = recordingRunner({
      urls: `json://${hostPort()}/hooks/x`,
      status: 'failed',
      'fail-on-error': 'true',
      retries: '2'
    })
    await run(deps(runner))
    expect(servers.of('json')).toHaveLength(3)
    expect(r.failed).toEqual([
      expect.stringMatching(/json:\/\/127\.0\.0\.1:\d+\/hooks\/x \(HTTP 502.*after 3 attempts\)/)
    ])
  })

  test('a Retry-After longer than the wait bound gives up at once instead of stalling the pipeline', async () => {
    servers.fail('json', { status: 429, retryAfter: 3600 })
    const { runner, r } = recordingRunner({
      urls: `json://${hostPort()}/hooks/x`,
      status: 'failed'
    })
    await run(deps(runner))
    expect(servers.of('json')).toHaveLength(1)
    expect(sleeps).toEqual([])
    expect(r.warnings[0]).toContain('rate-limited: HTTP 429 (retry after 3600 s)')
  })

  test('Discord: the message-ids output edits the same message in a later step', async () => {
    const first = recordingRunner({ urls: `discord-local`, status: 'started' })
    const url = `${servers.url}/api/webhooks/123456/${DISCORD_TOKEN}`
    first.runner.getInput = (n) => ({ urls: url, status: 'started' })[n] ?? ''
    await run(deps(first.runner))
    const ids = first.r.outputs['message-ids']!
    const id = JSON.parse(ids)['discord:123456'] as string
    const second = recordingRunner({ urls: url, status: 'deployed', 'message-ids': ids })
    await run(deps(second.runner))
    const [post, patch] = servers.of('discord')
    expect(post!.method).toBe('POST')
    expect(patch!.method).toBe('PATCH')
    expect(patch!.path).toBe(`/api/webhooks/123456/${DISCORD_TOKEN}/messages/${id}`)
    expect(servers.messages.get(id)!.embeds).toEqual([
      expect.objectContaining({ title: '🚀 shop: deployed' })
    ])
    expect(second.r.outputs['message-ids']).toBe(ids)
    expect(second.r.infos.join('\n')).toContain(`updated message ${id}`)
  })

  test('Discord: a message that is gone (404 Unknown Message) is posted anew', async () => {
    const url = `${servers.url}/api/webhooks/123456/${DISCORD_TOKEN}`
    const { runner, r } = recordingRunner({
      urls: url,
      status: 'failed',
      'message-ids': '{"discord:123456":"999"}'
    })
    await run(deps(runner))
    expect(servers.of('discord').map((q) => q.method)).toEqual(['PATCH', 'POST'])
    expect(r.outputs.ok).toBe('true')
    expect(JSON.parse(r.outputs['message-ids']!)['discord:123456']).not.toBe('999')
  })

  test('signed JSON webhook: the receiver verifies it with the same module, once', async () => {
    const { runner, r } = recordingRunner({
      urls: `json://${hostPort()}/hooks/agent`,
      status: 'deployed',
      'signing-secret': 'hunter2-signing'
    })
    await run({ ...deps(runner), now: () => 1_795_791_845_000 })
    expect(r.secrets).toContain('hunter2-signing')
    const q = servers.of('json')[0]!
    const guard = new ReplayGuard()
    const check = () =>
      verifyWebhook({
        secrets: ['hunter2-signing'],
        headers: q.headers,
        body: q.text,
        nowSeconds: 1_795_791_850,
        replay: guard
      })
    expect(check()).toEqual({ ok: true, deliveryId: 'delivery-1', timestamp: 1_795_791_845 })
    expect(check()).toMatchObject({ ok: false, reason: 'replayed' })
  })

  test('a bad URL fails the step before anything is sent, without showing its secrets', async () => {
    const { runner, r } = recordingRunner({
      urls: `${allUrls()}\ndiscord://notanid/${DISCORD_TOKEN}`,
      status: 'failed'
    })
    await run(deps(runner))
    expect(servers.requests).toEqual([])
    expect(r.failed).toEqual([
      expect.stringMatching(/^Input 'urls': discord:\/\/notanid\/… has no webhook ID/)
    ])
    expect(leaks(r)).toEqual([])
  })

  test("Slack targets get slack-notify's message; plain text cannot ping or link there", async () => {
    const sent: { transport: unknown; text: string }[] = []
    const { runner, r } = recordingRunner({
      urls: 'slack://T0001/B0001/slackSecretKey/#deploys',
      status: 'failed',
      text: '<!channel> see <https://evil.example|this>'
    })
    await run({
      ...deps(runner),
      send: async (transport, request) => {
        sent.push({ transport, text: JSON.stringify(request.message) })
        return { method: 'webhook', attempts: 1 }
      }
    })
    expect(r.outputs.ok).toBe('true')
    expect(sent[0]!.transport).toEqual({
      kind: 'webhook',
      url: 'https://hooks.slack.com/services/T0001/B0001/slackSecretKey'
    })
    expect(sent[0]!.text).toContain('&lt;!channel&gt; see &lt;https://evil.example|this&gt;')
    expect(sent[0]!.text).not.toContain('<!channel>')
    expect(r.summary).toContain('slack://T0001/****/****/#deploys')
  })

  test('a bad status names the input and the expected values', async () => {
    const { runner, r } = recordingRunner({ urls: allUrls(), status: 'done' })
    await run(deps(runner))
    expect(r.failed[0]).toMatch(/^Input 'status' is "done": expected one of `started`/)
  })
})

describe('targets in apprise URL forms', () => {
  test.each([
    [
      'bark://h:8080/k1/k2',
      { service: 'bark', endpoint: 'http://h:8080/push', deviceKeys: ['k1', 'k2'] }
    ],
    [
      'barks://u:p@api.day.app/k?level=passive&sound=bell',
      {
        service: 'bark',
        endpoint: 'https://api.day.app/push',
        level: 'passive',
        sound: 'bell',
        auth: { user: 'u', password: 'p' }
      }
    ],
    ['ntfy://mytopic', { service: 'ntfy', endpoint: 'https://ntfy.sh', topics: ['mytopic'] }],
    [
      'ntfys://ntfy.example.com/a/b?priority=high&tags=x,y',
      {
        service: 'ntfy',
        endpoint: 'https://ntfy.example.com',
        topics: ['a', 'b'],
        priority: 4,
        tags: ['x', 'y']
      }
    ],
    ['ntfy://h/t?token=tk_abc', { service: 'ntfy', auth: { token: 'tk_abc' } }],
    ['https://ntfy.sh/secrettopic', { service: 'ntfy', topics: ['secrettopic'] }],
    [
      'discord://1234/tok-en',
      {
        service: 'discord',
        apiBase: 'https://discord.com/api',
        webhookId: '1234',
        webhookToken: 'tok-en'
      }
    ],
    ['discord://bot@1234/tok?thread=77', { service: 'discord', username: 'bot', threadId: '77' }],
    [
      'https://discord.com/api/webhooks/1234/tok',
      { service: 'discord', apiBase: 'https://discord.com/api', webhookId: '1234' }
    ],
    [
      'workflows://prod.logic.azure.com:443/wf1/sig1',
      {
        service: 'teams',
        url: 'https://prod.logic.azure.com/workflows/wf1/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=sig1'
      }
    ],
    [
      'json://h:9/p?x=1&+Authorization=Bearer%20t',
      { service: 'json', url: 'http://h:9/p?x=1', headers: { Authorization: 'Bearer t' } }
    ],
    ['jsons://h/p?method=put', { service: 'json', url: 'https://h/p', method: 'PUT' }],
    [
      'slack://T1/B1/secretC/#deploys',
      {
        service: 'slack',
        kind: 'webhook',
        url: 'https://hooks.slack.com/services/T1/B1/secretC',
        channel: '#deploys'
      }
    ],
    [
      'slack://xoxb-1-2-3/#deploys',
      { service: 'slack', kind: 'api', token: 'xoxb-1-2-3', channel: '#deploys' }
    ],
    ['https://hooks.slack.com/services/T1/B1/secretC', { service: 'slack', kind: 'webhook' }]
  ])('%s', (url, expected) => {
    expect(parseTarget(url, 'urls')).toMatchObject(expected)
  })

  test.each([
    ['bark://h:8080/key', 'bark://h:8080/****'],
    ['ntfy://secrettopic', 'ntfy://ntfy.sh/****'],
    ['ntfy://u:pw@h/t?token=tk_1', 'ntfy://u:****@h/t?token=****'],
    ['discord://1234/tok', 'discord://1234/****'],
    ['workflows://host/wf/sig', 'workflows://host/wf/****'],
    ['json://u:pw@h/p?key=v&+X-Token=t', 'json://u:****@h/p?key=****&+X-Token=****'],
    ['slack://T1/B1/secretC', 'slack://T1/****/****']
  ])('%s is shown as %s', (url, display) => {
    const t = parseTarget(url, 'urls')
    expect(t.display).toBe(display)
    for (const s of t.secrets.slice(1)) expect(t.display).not.toContain(s)
  })

  test.each([
    ['mailto://x@y', /has the scheme mailto:\/\/, which is not supported/],
    ['discord://1234', /has no webhook token/],
    ['bark://host', /has no device key/],
    ['https://example.com/hook', /use jsons:\/\/ for a JSON webhook/],
    ['ntfy://h/t?priority=loud', /priority=loud/],
    ['not a url', /is not a URL/]
  ])('%s is refused', (url, message) => {
    expect(() => parseTarget(url, 'urls')).toThrow(message)
  })

  test('the urls input: comments and blank lines skipped, every secret registered', async () => {
    const secrets: string[] = []
    const inputs: Record<string, string> = {
      urls: '# phone\nbark://h/devkey1\n\ndiscord://1/tok1',
      status: 'success'
    }
    const s = await readSettings(
      new InputReader(
        (n) => inputs[n] ?? '',
        (v) => secrets.push(v)
      ),
      (v) => secrets.push(v)
    )
    expect(s.targets.map((t) => t.service)).toEqual(['bark', 'discord'])
    expect(s.status).toBe('succeeded')
    expect(secrets).toEqual(expect.arrayContaining(['devkey1', 'tok1', 'bark://h/devkey1']))
  })
})

const FACTS: BuildFacts = {
  provider: 'github',
  project: 'shop',
  repository: 'acme/shop',
  repositoryUrl: 'https://github.com/acme/shop',
  branch: 'main',
  sha: '0f1e2d3c4b5a69788796a5b4c3d2e1f001234567',
  commitMessage: 'Fix totals',
  author: 'Mona',
  actor: 'octocat',
  runUrl: 'https://github.com/acme/shop/actions/runs/1',
  buildNumber: '42',
  eventName: 'push'
}

describe('renderers: limits by truncation, escaping', () => {
  test('hostile text stays within every service limit and passes each server check', () => {
    for (const value of HOSTILE_VALUES) {
      const n = buildNotification(
        { ...FACTS, commitMessage: value, branch: value, author: value },
        { status: 'failed', text: value.repeat(3), fields: [['Note', value]] }
      )
      expect(discordProblems(discordPayload(n))).toEqual([])
      const card = teamsPayload(n)
      expect(teamsProblems(card, Buffer.byteLength(JSON.stringify(card)))).toEqual([])
      expect(Buffer.byteLength(ntfyPayload(n, 't', {}).message)).toBeLessThanOrEqual(4096)
      expect(Buffer.byteLength(JSON.stringify(barkPayload(n, 'k', {})))).toBeLessThanOrEqual(4096)
    }
  })

  test('Discord: 6000 characters in all, descriptions cut, fields at most 25', () => {
    const fields = Array.from({ length: 40 }, (_, i): [string, string] => [
      `F${i}`,
      'v'.repeat(1000)
    ])
    const n = buildNotification(FACTS, { status: 'failed', text: 'x'.repeat(10_000), fields })
    const p = discordPayload(n)
    expect(discordProblems(p)).toEqual([])
    expect((p.embeds[0]!.fields as unknown[]).length).toBeLessThanOrEqual(DISCORD.fields)
  })

  test('Discord escaping: markdown and mentions neutralized', () => {
    expect(escapeDiscord('**bold** [x](https://e) @everyone @here <@123>')).toBe(
      '\\*\\*bold\\*\\* \\[x\\]\\(https\\://e\\) @\u200beveryone @\u200bhere \\<@123\\>'
    )
  })

  test('Teams: a huge text is cut to fit 28 KB', () => {
    const n = buildNotification(FACTS, {
      status: 'failed',
      text: 'y'.repeat(100_000),
      fields: Array.from({ length: 50 }, (_, i): [string, string] => [`F${i}`, 'z'.repeat(1500)])
    })
    const card = teamsPayload(n)
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(28_000)
  })

  test('ntfy: failed is priority 4 with the x tag; markdown is not switched on', () => {
    const p = ntfyPayload(buildNotification(FACTS, { status: 'failed' }), 't', {})
    expect(p).toMatchObject({ priority: 4, tags: ['x', 'failed'] })
    expect(p).not.toHaveProperty('markdown')
  })

  test('bark: approval-needed is time-sensitive and opens the review link', () => {
    const p = barkPayload(buildNotification(FACTS, { status: 'approval-needed' }), 'k', {})
    expect(p).toMatchObject({ level: 'timeSensitive', url: FACTS.runUrl, group: 'shop' })
  })

  test('one request per bark device and per ntfy topic', () => {
    const n = buildNotification(FACTS, { status: 'started' })
    expect(renderFor(parseTarget('bark://h/a/b', 'urls'), n).requests).toHaveLength(2)
    expect(
      renderFor(parseTarget('ntfy://h/a/b/c', 'urls'), n).requests.map(
        (r) => JSON.parse(r.body).topic
      )
    ).toEqual(['a', 'b', 'c'])
  })
})

describe('signed webhooks', () => {
  const body = '{"a":1}'
  const headers = signWebhook({ secret: 's3', body, timestamp: 1000, deliveryId: 'd-1' })
  const verify = (over: Partial<Parameters<typeof verifyWebhook>[0]> = {}) =>
    verifyWebhook({ secrets: ['s3'], headers, body, nowSeconds: 1010, ...over })

  test('the signature is HMAC-SHA256 over timestamp, delivery id and body', async () => {
    const { createHmac } = await import('node:crypto')
    expect(headers['X-Gantry-Signature']).toBe(
      `sha256=${createHmac('sha256', 's3').update('1000.d-1.{"a":1}').digest('hex')}`
    )
    expect(verify()).toEqual({ ok: true, deliveryId: 'd-1', timestamp: 1000 })
  })
  test.each([
    ['another body', { body: '{"a":2}' }, 'bad-signature'],
    ['another secret', { secrets: ['nope'] }, 'bad-signature'],
    [
      'a changed delivery id',
      { headers: { ...headers, 'X-Gantry-Delivery': 'd-2' } },
      'bad-signature'
    ],
    ['too old', { nowSeconds: 1000 + 301 }, 'stale'],
    ['from the future', { nowSeconds: 1000 - 301 }, 'stale'],
    [
      'no signature',
      { headers: { 'x-gantry-timestamp': '1000', 'x-gantry-delivery': 'd-1' } },
      'missing-header'
    ],
    [
      'a short signature',
      { headers: { ...headers, 'X-Gantry-Signature': 'sha256=abc' } },
      'bad-signature'
    ]
  ])('refused: %s', (_, over, reason) => {
    expect(verify(over as Partial<Parameters<typeof verifyWebhook>[0]>)).toMatchObject({
      ok: false,
      reason
    })
  })
  test('a rotated secret: the previous one still verifies; lower-case headers work', () => {
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
    expect(verify({ secrets: ['new', 's3'], headers: lower }).ok).toBe(true)
  })
  test('replays are refused within the window, and the guard forgets old ids', () => {
    const guard = new ReplayGuard(300)
    expect(verify({ replay: guard }).ok).toBe(true)
    expect(verify({ replay: guard })).toMatchObject({ reason: 'replayed' })
    guard.accept('other', 2000)
    expect(guard.size).toBe(1)
  })
})
