/**
 * The built slack-notify bundle through the runner contract, on Node 20 and 24, with nothing
 * external: input errors, the no-credentials path, and an unreachable Slack (a closed port on
 * loopback) under both fail-on-error settings. Posting to a Slack endpoint is in
 * test/integration/slack-notify.test.ts.
 */
import { beforeAll, describe, expect, test } from '@jest/globals'
import { createServer } from 'node:net'
import { NODES, runAction, secretLeaks } from '../harness/run-action.js'

const TOKEN = 'xoxb-e2e-0000-notarealtoken'
let WEBHOOK: string
let CLOSED_API: string

/** A loopback port that was free a moment ago: every attempt to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as { port: number }
  await new Promise((done) => server.close(done))
  return port
}

beforeAll(async () => {
  const port = await closedPort()
  WEBHOOK = `http://127.0.0.1:${port}/services/T0/B0/e2eWebhookSecretKey`
  CLOSED_API = `http://127.0.0.1:${port}/api/`
})

describe.each(NODES)('slack-notify on $name', ({ path: node }) => {
  test('a bad input fails the step and names the input', async () => {
    const r = await runAction('slack-notify', {
      node,
      inputs: { token: TOKEN, channel: '#d', status: 'done' }
    })
    expect(r.exitCode).toBe(1)
    expect(r.annotations).toEqual([
      expect.objectContaining({
        level: 'error',
        message: expect.stringContaining(`Input 'status' is "done": expected one of \`started\``)
      })
    ])
    expect(secretLeaks(r, [TOKEN])).toEqual([])
  })

  test('a malformed webhook URL is refused without showing it', async () => {
    const secret = 'hooks.slack.com/services/T0/B0/typoSecretKey123'
    const r = await runAction('slack-notify', {
      node,
      inputs: { 'webhook-url': secret, status: 'failed' }
    })
    expect(r.exitCode).toBe(1)
    expect(r.annotations[0]?.message).toMatch(/^Input 'webhook-url' is not a webhook URL/)
    expect(secretLeaks(r, [secret, 'typoSecretKey123'])).toEqual([])
    expect(r.stdout).toContain(`::add-mask::${secret}`)
  })

  test('no webhook and no token: a warning, a green step, the message in the summary', async () => {
    const r = await runAction('slack-notify', {
      node,
      event: { kind: 'push', branch: 'develop' },
      inputs: { status: 'deployed', version: '1.4.57', environment: 'sandbox' }
    })
    expect(r.exitCode).toBe(0)
    expect(r.outputs).toEqual({ ok: 'false', ts: '', channel: '', 'thread-ts': '' })
    expect(r.annotations).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: expect.stringMatching(/^Slack notification not sent: neither/)
      })
    ])
    expect(r.summary).toContain(':rocket: shop: 1.4.57 deployed to sandbox')
    expect(r.summary).toContain('Branch: `develop`')
  })

  test('Slack unreachable, fail-on-error false: a warning and a green step', async () => {
    const r = await runAction('slack-notify', {
      node,
      inputs: {
        token: TOKEN,
        channel: '#deploys',
        status: 'failed',
        'api-url': CLOSED_API,
        retries: '0'
      }
    })
    expect(r.exitCode).toBe(0)
    expect(r.outputs.ok).toBe('false')
    expect(r.annotations).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: expect.stringMatching(
          /^Slack notification not delivered: could not reach Slack: .*ECONNREFUSED/
        )
      })
    ])
    expect(secretLeaks(r, [TOKEN])).toEqual([])
  })

  test('Slack unreachable, fail-on-error true: the step fails', async () => {
    const r = await runAction('slack-notify', {
      node,
      inputs: { 'webhook-url': WEBHOOK, status: 'failed', retries: '0', 'fail-on-error': 'true' }
    })
    expect(r.exitCode).toBe(1)
    expect(r.annotations[0]).toMatchObject({
      level: 'error',
      message: expect.stringMatching(/^Slack notification not delivered/)
    })
    expect(secretLeaks(r, [WEBHOOK, 'e2eWebhookSecretKey'])).toEqual([])
    expect(r.summary).not.toContain('e2eWebhookSecretKey')
  })

  test('an incoming webhook cannot update a message', async () => {
    const r = await runAction('slack-notify', {
      node,
      inputs: { 'webhook-url': WEBHOOK, status: 'succeeded', 'update-ts': '1712345678.000100' }
    })
    expect(r.exitCode).toBe(1)
    expect(r.annotations[0]?.message).toBe(
      "Input 'update-ts' needs 'token' and 'channel': an incoming webhook cannot update a message."
    )
  })
})
