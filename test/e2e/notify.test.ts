/**
 * The built notify bundle through the runner contract, on Node 20 and 24, against the loopback
 * stand-ins of bark, ntfy, Discord, Teams, Slack and a JSON webhook (test/fixtures/notify-servers.js):
 * every target delivered in its format with its credentials masked in every line, the Discord
 * message carried to a second run and edited, a dead target warning (green) or failing the step
 * with fail-on-error, and a bad URL stopping everything.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { createServer } from 'node:net'
import { NODES, runAction, secretLeaks } from '../harness/run-action.js'
import { type NotifyServers, startNotifyServers } from '../fixtures/notify-servers.js'
import { verifyWebhook } from '../../src/core/signature.js'

const DISCORD_TOKEN = 'e2eDiscordToken-secret'
const TEAMS_SIG = 'e2eTeamsSignatureSecret'
const BARK_KEY = 'e2eBarkDeviceKey'
const NTFY_TOKEN = 'tk_e2entfytokensecret'
const SLACK_KEY = 'e2eSlackWebhookKey'
const SIGNING = 'e2e-signing-secret'
const SECRETS = [DISCORD_TOKEN, TEAMS_SIG, BARK_KEY, NTFY_TOKEN, SLACK_KEY, SIGNING]

let servers: NotifyServers
let closedPort: number

beforeAll(async () => {
  servers = await startNotifyServers({
    discordToken: DISCORD_TOKEN,
    teamsSig: TEAMS_SIG,
    ntfyAuth: `Bearer ${NTFY_TOKEN}`
  })
  const probe = createServer()
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done))
  closedPort = (probe.address() as { port: number }).port
  await new Promise((done) => probe.close(done))
})
afterAll(() => servers.close())
beforeEach(() => servers.clear())

const urls = () => {
  const h = `127.0.0.1:${servers.port}`
  return [
    `bark://${h}/${BARK_KEY}`,
    `ntfy://${h}/deploys?token=${NTFY_TOKEN}`,
    `${servers.url}/api/webhooks/4242/${DISCORD_TOKEN}`,
    `${servers.url}/workflows/wf1/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${TEAMS_SIG}`,
    `${servers.url}/services/T0/B0/${SLACK_KEY}`,
    `json://${h}/hooks/shop`
  ].join('\n')
}

describe.each(NODES)('notify on $name', ({ path: node }) => {
  test('every service gets the message; no secret in any line, summary or output', async () => {
    const r = await runAction('notify', {
      node,
      event: { kind: 'push', branch: 'develop' },
      inputs: {
        urls: urls(),
        status: 'deployed',
        version: '1.4.57',
        environment: 'sandbox',
        'signing-secret': SIGNING
      }
    })
    expect(r.annotations).toEqual([])
    expect(r.exitCode).toBe(0)
    expect(r.outputs).toMatchObject({ ok: 'true', delivered: '6' })
    expect(servers.requests.map((q) => q.service).sort()).toEqual([
      'bark',
      'discord',
      'json',
      'ntfy',
      'slack',
      'teams'
    ])
    expect(servers.of('ntfy')[0]!.headers.authorization).toBe(`Bearer ${NTFY_TOKEN}`)
    expect(servers.of('slack')[0]!.body.text).toContain('1.4.57 deployed to sandbox')
    const hook = servers.of('json')[0]!
    expect(
      verifyWebhook({
        secrets: [SIGNING],
        headers: hook.headers,
        body: hook.text,
        nowSeconds: Math.floor(Date.now() / 1000)
      })
    ).toMatchObject({ ok: true })
    for (const s of SECRETS) expect(r.stdout).toContain(`::add-mask::${s}`)
    expect(secretLeaks(r, SECRETS)).toEqual([])
    expect(SECRETS.filter((s) => r.summary.includes(s))).toEqual([])
    expect(r.summary).toContain('discord://4242/****')
    expect(r.summary).toContain('🚀 shop: 1.4.57 deployed to sandbox')
  })

  test('Discord: the next run edits the message of the first', async () => {
    const url = `${servers.url}/api/webhooks/4242/${DISCORD_TOKEN}`
    const first = await runAction('notify', { node, inputs: { urls: url, status: 'started' } })
    const ids = first.outputs['message-ids']!
    expect(ids).toMatch(/^\{"discord:4242":"\d+"\}$/)
    const second = await runAction('notify', {
      node,
      inputs: { urls: url, status: 'failed', 'message-ids': ids }
    })
    expect(second.exitCode).toBe(0)
    expect(servers.of('discord').map((q) => q.method)).toEqual(['POST', 'PATCH'])
    expect(second.outputs['message-ids']).toBe(ids)
  })

  test('a dead target warns and the step stays green; the others are delivered', async () => {
    const r = await runAction('notify', {
      node,
      inputs: {
        urls: `${urls()}\nbark://127.0.0.1:${closedPort}/${BARK_KEY}`,
        status: 'failed',
        retries: '0'
      }
    })
    expect(r.exitCode).toBe(0)
    expect(r.outputs).toMatchObject({ ok: 'false', delivered: '6' })
    expect(r.annotations).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: expect.stringMatching(
          /^Notification not delivered to 1 of 7 targets: bark:\/\/127\.0\.0\.1:\d+\/\*\*\*\* \(could not reach it: .*ECONNREFUSED/
        )
      })
    ])
    expect(secretLeaks(r, SECRETS)).toEqual([])
  })

  test('fail-on-error: true fails the step when a target is dead', async () => {
    const r = await runAction('notify', {
      node,
      inputs: {
        urls: `json://127.0.0.1:${closedPort}/x`,
        status: 'failed',
        retries: '0',
        'fail-on-error': 'true'
      }
    })
    expect(r.exitCode).toBe(1)
    expect(r.annotations[0]).toMatchObject({
      level: 'error',
      message: expect.stringMatching(/^Notification not delivered to 1 of 1 target/)
    })
  })

  test('a malformed URL stops the step before anything is sent, without its secret', async () => {
    const r = await runAction('notify', {
      node,
      inputs: { urls: `${urls()}\ndiscord://4242`, status: 'failed' }
    })
    expect(r.exitCode).toBe(1)
    expect(servers.requests).toEqual([])
    expect(r.annotations[0]?.message).toMatch(
      /^Input 'urls': discord:\/\/4242\/… has no webhook token/
    )
    expect(secretLeaks(r, SECRETS)).toEqual([])
  })
})
