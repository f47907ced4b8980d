/**
 * The action's shell: inputs to settings (and their errors), context from the event payload,
 * template or custom payload, outputs, summary and the fail-on-error policy, with a recording
 * runner and a fake transport (the real transport is tested against the sandbox).
 */
import { describe, expect, test } from '@jest/globals'
import { INPUTS, readSettings, run } from '../../src/actions/slack-notify/main.js'
import {
  type SlackDelivery,
  SlackDeliveryError,
  type SlackRequest,
  type SlackTransport
} from '../../src/io/slack.js'
import { InputReader } from '../../src/lib/inputs.js'
import type { Runner } from '../../src/lib/runner.js'

const TOKEN = 'xoxb-1111-2222-secrettoken'
const WEBHOOK = 'https://hooks.slack.com/services/T0001/B0001/s3cr3tWebhookKey'

const GITHUB_ENV = {
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_RUN_ID: '9876543210',
  GITHUB_RUN_NUMBER: '42',
  GITHUB_SHA: '0f1e2d3c4b5a69788796a5b4c3d2e1f001234567',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_ACTOR: 'octocat',
  GITHUB_EVENT_PATH: '/event.json'
}
const PUSH_EVENT = JSON.stringify({
  head_commit: { message: 'Fix totals\n\nbody', author: { name: 'Mona Lisa', username: 'mona' } }
})

function recordingRunner(inputs: Record<string, string>, env: Record<string, string> = GITHUB_ENV) {
  const r = {
    outputs: {} as Record<string, string>,
    secrets: [] as string[],
    infos: [] as string[],
    warnings: [] as string[],
    failed: [] as string[],
    summary: '',
    log: [] as string[]
  }
  const runner: Runner = {
    env,
    isDebug: false,
    getInput: (name) => (inputs[name] ?? '').trim(),
    setOutput: (name, value) => void (r.outputs[name] = value),
    setSecret: (value) => void r.secrets.push(value),
    debug: (m) => void r.log.push(m),
    info: (m) => void r.infos.push(m),
    untrusted: (text, prefix = '') => void r.infos.push(prefix + text),
    notice: (m) => void r.log.push(m),
    warning: (m) => void r.warnings.push(m),
    error: (m) => void r.log.push(m),
    group: (_, body) => body(),
    appendSummary: (m) => void (r.summary += m),
    saveState: () => {},
    getState: () => '',
    setFailed: (m) => void r.failed.push(m)
  }
  return { runner, r }
}

interface Sent {
  transport: SlackTransport
  request: SlackRequest
}

function fakeSend(answer: Partial<SlackDelivery> | SlackDeliveryError = {}) {
  const sent: Sent[] = []
  const send = async (transport: SlackTransport, request: SlackRequest) => {
    sent.push({ transport, request })
    if (answer instanceof SlackDeliveryError) throw answer
    const method =
      transport.kind === 'webhook'
        ? 'webhook'
        : request.updateTs
          ? 'chat.update'
          : 'chat.postMessage'
    return { method, attempts: 1, ...answer } as SlackDelivery
  }
  return { sent, send }
}

const files = (map: Record<string, string>) => async (path: string) => map[path]

async function runWith(
  inputs: Record<string, string>,
  options: {
    env?: Record<string, string>
    files?: Record<string, string>
    answer?: Partial<SlackDelivery> | SlackDeliveryError
  } = {}
) {
  const { runner, r } = recordingRunner(inputs, options.env)
  const { sent, send } = fakeSend(
    options.answer ?? { channel: 'C0123ABCD', ts: '1712345678.000100' }
  )
  await run({
    runner,
    send,
    readFile: files({ '/event.json': PUSH_EVENT, ...options.files }),
    readCommit: async () => ({ message: 'from git', author: 'Git Author' }),
    now: () => Date.UTC(2026, 10, 22, 15, 10, 0)
  })
  return { r, sent, output: r.outputs }
}

const allText = (x: unknown) => JSON.stringify(x)

describe('inputs', () => {
  const read = (inputs: Record<string, string>) =>
    readSettings(
      new InputReader(
        (name) => inputs[name] ?? '',
        () => {}
      )
    )

  test.each([
    [{ token: TOKEN }, `Input 'status' is "": expected one of \`started\``],
    [{ status: 'done' }, `Input 'status' is "done": expected one of \`started\``],
    [
      { status: 'failed', 'webhook-url': WEBHOOK, token: TOKEN },
      "Inputs 'webhook-url' and 'token' are both set"
    ],
    [
      { status: 'failed', 'webhook-url': 'hooks.slack.com/s3cr3tWebhookKey' },
      "Input 'webhook-url' is not a webhook URL"
    ],
    [
      { status: 'failed', 'webhook-url': WEBHOOK, 'update-ts': '1.2' },
      "Input 'update-ts' needs 'token' and 'channel'"
    ],
    [
      { status: 'failed', 'update-ts': 'abc' },
      `Input 'update-ts' is "abc": expected a Slack message ts`
    ],
    [
      { status: 'failed', 'thread-ts': '12' },
      `Input 'thread-ts' is "12": expected a Slack message ts`
    ],
    [
      { status: 'failed', mention: '@here, @alice' },
      `Input 'mention' is "@alice": expected \`@here\``
    ],
    [
      { status: 'failed', 'mention-on': 'failed, red' },
      `Input 'mention-on' is "red": expected one of`
    ],
    [
      { status: 'failed', 'started-at': 'yesterday' },
      `Input 'started-at' is "yesterday": expected an ISO 8601 time`
    ],
    [
      { status: 'failed', url: 'shop.example.com' },
      `Input 'url' is "shop.example.com": expected an http(s) URL`
    ],
    [
      { status: 'failed', token: TOKEN, 'api-url': 'localhost:5380' },
      `Input 'api-url' is "localhost:5380": expected an http(s) URL`
    ],
    [
      { status: 'failed', retries: '11' },
      `Input 'retries' is "11": expected a whole number from 0 to 10`
    ],
    [
      { status: 'failed', 'fail-on-error': 'maybe' },
      `Input 'fail-on-error' is "maybe": expected \`true\` or \`false\``
    ],
    [
      { payload: '{"text":"x"}', 'payload-file': 'p.json' },
      "Inputs 'payload' and 'payload-file' are both set"
    ],
    [
      { status: 'failed', fields: 'A:\n  b: c' },
      "input 'fields':2: the value of 'A' must be text, not a mapping"
    ]
  ])('%j', async (inputs, message) => {
    const error = await read(inputs).catch((e: Error) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toContain(message)
    expect((error as Error).message).not.toContain('s3cr3t')
  })

  test('defaults and normalized values', async () => {
    const settings = await read({
      token: TOKEN,
      status: 'failure',
      mention: '@here, S0123ABCD',
      'api-url': 'http://127.0.0.1:5380/api',
      fields: 'Replicas: 3',
      'started-at': '2026-11-22T15:00:00Z'
    })
    expect(settings).toMatchObject({
      transport: { kind: 'api', token: TOKEN, apiUrl: 'http://127.0.0.1:5380/api/' },
      status: 'failed',
      mentions: ['<!here>', '<!subteam^S0123ABCD>'],
      mentionOn: 'always',
      fields: [['Replicas', '3']],
      startedAt: Date.UTC(2026, 10, 22, 15),
      failOnError: false,
      retries: 2
    })
  })

  test('INPUTS is what the code reads', () => {
    expect(Object.values(INPUTS)).toContain('webhook-url')
  })
})

describe('a template message', () => {
  test('posted with the token: outputs, summary, secrets masked and never shown', async () => {
    const { r, sent, output } = await runWith({
      token: TOKEN,
      channel: '#deploys',
      status: 'succeeded',
      version: '1.4.57'
    })
    expect(r.failed).toEqual([])
    expect(r.secrets).toContain(TOKEN)
    expect(output).toEqual({
      ok: 'true',
      ts: '1712345678.000100',
      channel: 'C0123ABCD',
      'thread-ts': '1712345678.000100'
    })
    expect(sent).toHaveLength(1)
    expect(sent[0]?.request.channel).toBe('#deploys')
    const json = allText(sent[0]?.request.message)
    expect(json).toContain('Fix totals')
    expect(json).toContain('Mona Lisa')
    expect(json).toContain('`1.4.57`')
    expect(r.summary).toContain('| Result | delivered, ts 1712345678.000100 |')
    expect(r.summary).toContain(':white_check_mark: shop: build succeeded')
    expect(r.summary).toContain('Commit: 0f1e2d3 (https://github.com/acme/shop/commit/')
    expect(allText({ ...r, secrets: [] })).not.toContain('secrettoken')
  })

  test('the webhook URL and its key are masked', async () => {
    const { r, sent, output } = await runWith(
      { 'webhook-url': WEBHOOK, status: 'started' },
      { answer: {} }
    )
    expect(r.secrets).toEqual(expect.arrayContaining([WEBHOOK, 's3cr3tWebhookKey']))
    expect(sent[0]?.transport).toEqual({ kind: 'webhook', url: WEBHOOK })
    expect(output).toMatchObject({ ok: 'true', ts: '', 'thread-ts': '' })
    expect(r.summary).not.toContain('s3cr3t')
  })

  test('update-ts updates in place; thread-ts stays the thread', async () => {
    const { sent, output } = await runWith(
      {
        token: TOKEN,
        channel: 'C0123ABCD',
        status: 'failed',
        'update-ts': '1712345678.000100',
        'thread-ts': '1712345600.000001'
      },
      { answer: { channel: 'C0123ABCD', ts: '1712345678.000100' } }
    )
    expect(sent[0]?.request).toMatchObject({
      updateTs: '1712345678.000100',
      threadTs: '1712345600.000001'
    })
    expect(output['thread-ts']).toBe('1712345600.000001')
  })

  test.each([
    ['failed', true],
    ['succeeded', false]
  ])('mention on %s: %s (mention-on failed)', async (status, pinged) => {
    const { sent } = await runWith({
      token: TOKEN,
      channel: '#d',
      status,
      mention: 'S0123ABCD',
      'mention-on': 'failed'
    })
    expect(allText(sent[0]?.request.message).includes('<!subteam^S0123ABCD>')).toBe(pinged)
  })

  test('duration from started-at', async () => {
    const { sent } = await runWith({
      token: TOKEN,
      channel: '#d',
      status: 'succeeded',
      'started-at': '2026-11-22T15:06:48Z'
    })
    expect(allText(sent[0]?.request.message)).toContain('*Duration*\\n3m 12s')
  })

  test('a pull request event shows the pull request, not the merge commit', async () => {
    const { sent } = await runWith(
      { token: TOKEN, channel: '#d', status: 'succeeded' },
      {
        env: {
          ...GITHUB_ENV,
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_REF: 'refs/pull/12/merge',
          GITHUB_HEAD_REF: 'feature/cart'
        },
        files: {
          '/event.json': JSON.stringify({
            number: 12,
            pull_request: {
              number: 12,
              title: 'Cart',
              html_url: 'https://github.com/acme/shop/pull/12',
              head: { sha: 'aaaaaaa1111111' },
              user: { login: 'mona' }
            }
          })
        }
      }
    )
    const json = allText(sent[0]?.request.message)
    expect(json).toContain('<https://github.com/acme/shop/pull/12|#12> Cart (`feature/cart`)')
    expect(json).toContain('|aaaaaaa>')
    expect(json).not.toContain('from git')
  })

  test('CircleCI: commit from git, the job URL', async () => {
    const { sent } = await runWith(
      { token: TOKEN, channel: '#d', status: 'failed' },
      {
        env: {
          CIRCLECI: 'true',
          CIRCLE_PROJECT_USERNAME: 'acme',
          CIRCLE_PROJECT_REPONAME: 'shop',
          CIRCLE_BRANCH: 'develop',
          CIRCLE_SHA1: '4f1e2d3c4b5a69788796a5b4c3d2e1f001234567',
          CIRCLE_BUILD_NUM: '57',
          CIRCLE_BUILD_URL: 'https://circleci.com/gh/acme/shop/57',
          CIRCLE_USERNAME: 'circle-user'
        }
      }
    )
    const json = allText(sent[0]?.request.message)
    expect(json).toContain('from git')
    expect(json).toContain('Git Author')
    expect(json).toContain('"url":"https://circleci.com/gh/acme/shop/57"')
    expect(json).toContain('View job')
  })

  test('a token without a channel fails before sending', async () => {
    const { r, sent } = await runWith({ token: TOKEN, status: 'failed' })
    expect(sent).toEqual([])
    expect(r.failed).toEqual([
      "Input 'channel' is empty: expected a channel ID or #name to post to with 'token' (or a `channel` in the payload)."
    ])
  })
})

describe('fail-on-error', () => {
  const failure = new SlackDeliveryError(
    {
      kind: 'http',
      status: 500,
      slackError: 'internal_error',
      detail: 'Slack answered HTTP 500 `internal_error`'
    },
    3,
    'chat.postMessage'
  )
  const invalidAuth = new SlackDeliveryError(
    { kind: 'slack', slackError: 'invalid_auth', detail: 'Slack answered `invalid_auth`' },
    1,
    'chat.postMessage'
  )

  test('false (default): a warning, a green step, ok=false', async () => {
    const { r, output } = await runWith(
      { token: TOKEN, channel: '#d', status: 'deployed' },
      { answer: failure }
    )
    expect(r.failed).toEqual([])
    expect(r.warnings).toEqual([
      "Slack notification not delivered after 3 attempts: Slack answered HTTP 500 `internal_error`. The step stays green ('fail-on-error' is false)."
    ])
    expect(output).toEqual({ ok: 'false', ts: '', channel: '', 'thread-ts': '' })
    expect(r.summary).toContain('| Result | Slack notification not delivered after 3 attempts')
  })

  test('true: the step fails, with the hint for the error', async () => {
    const { r } = await runWith(
      { token: TOKEN, channel: '#d', status: 'deployed', 'fail-on-error': 'true' },
      { answer: invalidAuth }
    )
    expect(r.failed).toEqual([
      "Slack notification not delivered: Slack answered `invalid_auth` — Slack does not accept the token: check input 'token' (a bot token, xoxb-…)."
    ])
  })

  test('no webhook and no token: a warning by default (forks get no secrets), a failure when asked', async () => {
    const green = await runWith({ status: 'failed' })
    expect(green.sent).toEqual([])
    expect(green.r.failed).toEqual([])
    expect(green.r.warnings[0]).toMatch(
      /^Slack notification not sent: neither 'webhook-url' nor 'token' is set/
    )
    expect(green.r.summary).toContain(':x: shop: build failed')
    const red = await runWith({ status: 'failed', 'fail-on-error': 'true' })
    expect(red.r.failed[0]).toMatch(/^Slack notification not sent/)
  })
})

describe('custom payloads', () => {
  const PAYLOAD_YAML = `
text: "{{ status_emoji }} {{ project }} {{ version }} on {{ environment }}"
blocks:
  - type: section
    text: { type: mrkdwn, text: "*{{ commit_message }}* by {{ author }} in {{ env.REGION }} {{ env.INPUT_TOKEN }}" }
  - type: actions
    elements:
      - type: button
        text: { type: plain_text, text: Run }
        url: "{{ run_url }}"
`

  test('payload-file (YAML) with placeholders', async () => {
    const { r, sent } = await runWith(
      {
        token: TOKEN,
        channel: '#d',
        status: 'deployed',
        version: '1.4.57',
        environment: 'prod',
        'payload-file': 'slack.yml'
      },
      {
        files: { 'slack.yml': PAYLOAD_YAML },
        env: { ...GITHUB_ENV, REGION: 'eu-west-1', INPUT_TOKEN: TOKEN }
      }
    )
    expect(r.failed).toEqual([])
    expect(r.warnings).toEqual([])
    expect(sent[0]?.request.message).toEqual({
      text: ':rocket: shop 1.4.57 on prod',
      blocks: [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: '*Fix totals* by Mona Lisa in eu-west-1 ' }
        },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              text: { type: 'plain_text', text: 'Run' },
              url: 'https://github.com/acme/shop/actions/runs/9876543210'
            }
          ]
        }
      ]
    })
  })

  test('inline JSON payload without text gets a fallback; the channel may come from the payload', async () => {
    const payload = JSON.stringify({
      channel: '#from-payload',
      blocks: [{ type: 'header', text: { type: 'plain_text', text: 'Deploy {{ sha }}' } }]
    })
    const { r, sent } = await runWith({ token: TOKEN, payload })
    expect(r.failed).toEqual([])
    expect(sent[0]?.request.message.text).toBe('Deploy 0f1e2d3c4b5a69788796a5b4c3d2e1f001234567')
    expect(sent[0]?.request.message.channel).toBe('#from-payload')
  })

  test('a missing payload-file, an unknown placeholder, a payload Slack would refuse', async () => {
    expect(
      (await runWith({ token: TOKEN, channel: '#d', 'payload-file': 'nope.json' })).r.failed
    ).toEqual([`Input 'payload-file' is "nope.json": no such file.`])
    expect(
      (await runWith({ token: TOKEN, channel: '#d', payload: '{"text": "{{ verison }}"}' })).r
        .failed[0]
    ).toMatch(/^input 'payload': unknown placeholder \{\{ verison \}\}: expected one of status,/)
    const odd = await runWith({
      token: TOKEN,
      channel: '#d',
      payload: '{"text": "x", "blocks": [{"type": "section"}]}'
    })
    expect(odd.r.warnings).toEqual([
      'The payload may be refused by Slack: blocks[0]: expected `text` or `fields`'
    ])
  })

  test('a huge payload is cut to the limits, and the log says what was cut', async () => {
    const payload = JSON.stringify({
      text: 'x'.repeat(5000),
      blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(200) } }]
    })
    const { r, sent } = await runWith({ token: TOKEN, channel: '#d', payload })
    expect(sent[0]?.request.message.text).toHaveLength(4000)
    expect(r.infos[0]).toBe(
      "Cut to Slack's limits: text: 5000 → 4000 characters; blocks[0].text.text: 200 → 150 characters"
    )
  })
})
