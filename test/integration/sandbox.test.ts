// Acceptance tests of the local sandbox (test/sandbox): real sshd, Docker engines, registry,
// compose and the Slack endpoint; no mocks. The integration project's global setup brings the
// sandbox up first; if it cannot, the run fails (never skips).
//
// Sharing: other integration test files may run in parallel against the same sandbox. These
// tests deploy only on the LAST two hosts, name their compose project `sandboxtest`, and find
// their Slack requests by a unique marker instead of clearing the recorded requests.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readSandbox } from '../sandbox/description.js'
import type { SandboxDeployHost, SandboxHost, SandboxSlackRequest } from '../sandbox/description.js'

const sandbox = readSandbox()
if (sandbox.hosts.length < 2) {
  throw new Error('sandbox.test.ts needs at least 2 deploy hosts: npm run sandbox -- up --hosts 3')
}
const marker = randomBytes(4).toString('hex')
const PROJECT = 'sandboxtest'
const DEPLOY_DIR = '~/gantry/sandboxtest'

interface Result {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a command with an argument array; resolves with its exit code and output. */
function run(
  cmd: string,
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}
): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: options.env ?? process.env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
    child.stdin.end(options.input ?? '')
  })
}

/** POSIX single-quoting for the remote shell (ssh always runs a command string). */
const shq = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`

let scratch: string

/** OpenSSH to a host, checking its key against exactly the line the description gives for it. */
async function ssh(
  host: SandboxHost,
  command: string,
  options: { input?: string; knownHosts?: string } = {}
): Promise<Result> {
  const knownHostsFile = join(scratch, `known_hosts.${host.name}.${randomBytes(3).toString('hex')}`)
  await writeFile(knownHostsFile, `${options.knownHosts ?? host.knownHosts}\n`)
  // prettier-ignore
  const args = [
    '-i', host.privateKeyPath, '-o', 'IdentitiesOnly=yes', '-o', 'BatchMode=yes',
    '-o', 'StrictHostKeyChecking=yes', '-o', `UserKnownHostsFile=${knownHostsFile}`,
    '-o', 'ConnectTimeout=10', '-p', String(host.port), `${host.user}@${host.address}`, command
  ]
  return run('ssh', args, { input: options.input, timeoutMs: 90000 })
}

async function sshOk(host: SandboxHost, command: string, input?: string): Promise<string> {
  const result = await ssh(host, command, { input })
  if (result.code !== 0)
    throw new Error(`ssh ${host.name} \`${command}\` failed (${result.code}): ${result.stderr}`)
  return result.stdout
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'gantry-sandbox-test-'))
})

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

describe('deploy hosts', () => {
  test('an ssh session to every host runs docker ps against that host’s own engine', async () => {
    const outputs = await Promise.all(
      sandbox.hosts.map((h) =>
        sshOk(
          h,
          `printf '%s\\n' "$(id -un)" "$DOCKER_HOST" "$APP_ADDR" && docker info --format '{{.ID}}' && docker ps --format '{{.ID}}' >/dev/null && echo ps-ok`
        )
      )
    )
    const engineIds = outputs.map((out, i) => {
      const host = sandbox.hosts[i]!
      const [user, dockerHost, appAddr, engineId, psOk] = out.trim().split('\n')
      expect({ user, dockerHost, appAddr, psOk }).toEqual({
        user: host.user,
        dockerHost: host.dockerHost,
        appAddr: host.appAddr,
        psOk: 'ps-ok'
      })
      expect(host.appUrl).toBe(`http://${host.appAddr}`)
      return engineId
    })
    expect(new Set(engineIds).size).toBe(sandbox.hosts.length) // no two hosts share an engine
  }, 120000)

  test('each deploy host runs HAProxy and nginx as its own user on its address, with the runtime API in its home', async () => {
    for (const h of sandbox.hosts) {
      const out = await sshOk(
        h,
        `ps -o user= -p "$(cat ~/gantry-proxy/haproxy/haproxy.pid)","$(cat ~/gantry-proxy/nginx/nginx.pid)" | sort -u | tr -d ' ' ; ` +
          `printf 'show info\\n' | socat -t 2 stdio UNIX-CONNECT:${h.haproxyAdminSocket} | grep -c '^Pid: ' ; ` +
          `cat ~/gantry-proxy/host.json`
      )
      const [owners, infos, ...json] = out.trim().split('\n')
      expect([owners, infos]).toEqual([h.user, '1'])
      expect(JSON.parse(json.join('\n'))).toEqual({
        upstreamHost: h.address,
        haproxy: { listen: `${h.address}:8000` },
        nginx: { listen: `${h.address}:8001` }
      })
      expect([h.proxyUrl, h.nginxUrl]).toEqual([
        `http://${h.address}:8000`,
        `http://${h.address}:8001`
      ])
    }
  }, 120000)

  test('the fingerprint matches ssh-keygen and a wrong host key is refused', async () => {
    const [first, second] = sandbox.hosts as [SandboxDeployHost, SandboxDeployHost]
    const keyFile = join(scratch, 'first.pub')
    await writeFile(keyFile, first.knownHosts.split(' ').slice(1).join(' ') + '\n')
    const keygen = await run('ssh-keygen', ['-lf', keyFile])
    expect(keygen.stdout.split(' ')[1]).toBe(first.fingerprint)

    const impostor = `${first.address} ${second.knownHosts.split(' ').slice(1).join(' ')}`
    const refused = await ssh(first, 'true', { knownHosts: impostor })
    expect(refused.code).toBe(255)
    expect(refused.stderr).toMatch(/Host key verification failed/)
  }, 60000)
})

describe('registry', () => {
  test('an image pushed with the docker CLI to the auth registry pulls back on a host with the same digest', async () => {
    const { registry } = sandbox
    const host = sandbox.hosts[sandbox.hosts.length - 1]!
    const dockerConfig = await mkdtemp(join(scratch, 'docker-config-'))
    const env = { ...process.env, DOCKER_HOST: sandbox.dockerHost, DOCKER_CONFIG: dockerConfig }
    const docker = (args: string[], input?: string) =>
      run('docker', args, { env, input, timeoutMs: 120000 })
    const ref = `${registry.url}/sandbox-test/pushpull:${marker}`

    const login = await docker(
      ['login', registry.url, '-u', registry.username, '--password-stdin'],
      registry.password
    )
    expect(login.stdout + login.stderr).toMatch(/Login Succeeded/)
    expect((await docker(['tag', sandbox.images.v1, ref])).code).toBe(0)
    const push = await docker(['push', ref])
    expect(push.code).toBe(0)
    const digest = /digest: (sha256:[0-9a-f]{64})/.exec(push.stdout)?.[1]
    expect(digest).toBeDefined()
    await docker(['rmi', ref])

    // Without credentials the host cannot pull; with `docker login` it gets the same digest.
    const tmpConfig = 'export DOCKER_CONFIG="$(mktemp -d)" && trap \'rm -rf "$DOCKER_CONFIG"\' EXIT'
    const anonymous = await ssh(host, `${tmpConfig} && docker pull ${shq(ref)}`)
    expect(anonymous.code).not.toBe(0)
    expect(anonymous.stderr).toMatch(/no basic auth credentials/)
    const pulled = await sshOk(
      host,
      `${tmpConfig} && docker login ${shq(registry.url)} -u ${shq(registry.username)} --password-stdin >/dev/null 2>&1 && ` +
        `docker pull -q ${shq(ref)} >/dev/null && docker image inspect --format '{{join .RepoDigests " "}}' ${shq(ref)} && ` +
        `docker rmi ${shq(ref)} >/dev/null`,
      registry.password
    )
    expect(pulled.trim().split(' ')).toContain(`${registry.url}/sandbox-test/pushpull@${digest}`)
  }, 180000)
})

describe('demo app through compose over ssh', () => {
  const hostV1 = sandbox.hosts[sandbox.hosts.length - 1]!
  const hostBroken = sandbox.hosts[sandbox.hosts.length - 2]!
  const compose = (image: string, args: string) =>
    `cd ${DEPLOY_DIR} && IMAGE=${shq(image)} docker-compose -p ${PROJECT} ${args}`
  // Compose v1 has no `up --wait`: poll the health status on the host, print the last one.
  const waitForHealth = (want: string) =>
    `for i in $(seq 1 120); do s=$(docker inspect -f '{{.State.Health.Status}}' ${PROJECT}_app_1); ` +
    `[ "$s" = ${want} ] && break; sleep 0.25; done; echo "$s"`

  beforeAll(async () => {
    const composeFile = await readFile(sandbox.composeFile, 'utf8')
    // Every app binds the host's APP_ADDR: whatever an earlier test left running must go first.
    const clear = 'ids=$(docker ps -aq); [ -z "$ids" ] || docker rm -f $ids >/dev/null; '
    await Promise.all(
      [hostV1, hostBroken].map((h) =>
        sshOk(
          h,
          `${clear}mkdir -p ${DEPLOY_DIR} && cat > ${DEPLOY_DIR}/docker-compose.yml`,
          composeFile
        )
      )
    )
  }, 60000)

  afterAll(async () => {
    // Leave the hosts as found: no container, no pulled image, no deploy directory.
    const cleanup = (image: string) =>
      `${compose('', 'down')}; docker image rm -f ${shq(image)} >/dev/null 2>&1; rm -rf ${DEPLOY_DIR}`
    await Promise.all([
      ssh(hostV1, cleanup(sandbox.images.v1)),
      ssh(hostBroken, cleanup(sandbox.images.broken))
    ])
  }, 120000)

  test('v1 started by docker-compose answers /version with v1 at the host’s appUrl', async () => {
    await sshOk(hostV1, compose(sandbox.images.v1, 'up -d'))
    expect((await sshOk(hostV1, waitForHealth('healthy'))).trim()).toBe('healthy')
    const res = await fetch(`${hostV1.appUrl}/version`)
    expect(res.status).toBe(200)
    expect((await res.text()).trim()).toBe('v1')
  }, 120000)

  test('broken is reported unhealthy by docker inspect', async () => {
    await sshOk(hostBroken, compose(sandbox.images.broken, 'up -d'))
    expect((await sshOk(hostBroken, waitForHealth('unhealthy'))).trim()).toBe('unhealthy')
    expect((await fetch(`${hostBroken.appUrl}/health`)).status).toBe(404)
  }, 120000)
})

describe('slack endpoint', () => {
  const { slack } = sandbox
  interface SlackAnswer {
    ok: boolean
    error?: string
    channel?: string
    ts?: string
    text?: string
    message?: { text: string; ts: string }
  }
  const api = async (
    method: string,
    body: Record<string, unknown>,
    token: string | null = slack.token
  ) => {
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' }
    if (token) headers.authorization = `Bearer ${token}`
    const res = await fetch(`${slack.apiUrl}${method}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body)
    })
    return { res, json: (await res.json()) as SlackAnswer }
  }

  test('chat.postMessage with the token is answered like Slack and recorded', async () => {
    const text = `sandbox test ${marker}`
    const { res, json } = await api('chat.postMessage', { channel: '#deploys', text })
    expect(res.status).toBe(200)
    expect(json).toMatchObject({
      ok: true,
      channel: expect.stringMatching(/^C[A-Z0-9]+$/),
      ts: expect.stringMatching(/^\d+\.\d{6}$/)
    })
    expect(json.message).toMatchObject({ text, ts: json.ts })

    const recorded = (await (
      await fetch(`${slack.requestsUrl}?path=/api/chat.postMessage`)
    ).json()) as SandboxSlackRequest[]
    const mine = recorded.find((r) => (r.body as { text?: string } | null)?.text === text)
    expect(mine).toMatchObject({
      method: 'POST',
      path: '/api/chat.postMessage',
      body: { channel: '#deploys', text }
    })
    expect(mine?.headers.authorization).toBe(`Bearer ${slack.token}`)
    expect(Date.parse(mine!.time)).not.toBeNaN()
  })

  test('chat.update edits a stored message and gives message_not_found for an unknown ts', async () => {
    const form = new URLSearchParams({ channel: '#deploys', text: `to edit ${marker}` })
    const posted = (await (
      await fetch(`${slack.apiUrl}chat.postMessage`, {
        method: 'POST',
        headers: { authorization: `Bearer ${slack.token}` },
        body: form
      })
    ).json()) as SlackAnswer
    expect(posted.ok).toBe(true)
    const updated = await api('chat.update', {
      channel: posted.channel,
      ts: posted.ts,
      text: `edited ${marker}`
    })
    expect(updated.json).toMatchObject({
      ok: true,
      channel: posted.channel,
      ts: posted.ts,
      text: `edited ${marker}`
    })
    const unknown = await api('chat.update', { channel: posted.channel, ts: '1.000001', text: 'x' })
    expect(unknown.json).toEqual({ ok: false, error: 'message_not_found' })
  })

  test('answers 429 with Retry-After when told to, then recovers', async () => {
    const inject = await fetch(`${slack.controlUrl}failures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 429, retryAfter: 2, times: 1, path: '/api/chat.postMessage' })
    })
    expect(inject.status).toBe(200)
    const limited = await api('chat.postMessage', {
      channel: '#deploys',
      text: `limited ${marker}`
    })
    expect(limited.res.status).toBe(429)
    expect(limited.res.headers.get('retry-after')).toBe('2')
    expect(limited.json).toEqual({ ok: false, error: 'ratelimited' })
    const after = await api('chat.postMessage', { channel: '#deploys', text: `after ${marker}` })
    expect(after.json.ok).toBe(true)
  })

  test('rejects a bad token with invalid_auth and a missing one with not_authed', async () => {
    expect(
      (await api('chat.postMessage', { channel: '#deploys', text: 'x' }, 'xoxb-wrong')).json
    ).toEqual({ ok: false, error: 'invalid_auth' })
    expect((await api('auth.test', {}, null)).json).toEqual({ ok: false, error: 'not_authed' })
    expect((await api('auth.test', {})).json).toMatchObject({
      ok: true,
      team_id: slack.teamId,
      user_id: expect.any(String),
      bot_id: expect.any(String)
    })
  })

  test('incoming webhook answers ok, and Slack’s error bodies for bad payloads', async () => {
    const post = (body: string) =>
      fetch(slack.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body
      })
    const ok = await post(JSON.stringify({ text: `webhook ${marker}` }))
    expect([ok.status, await ok.text()]).toEqual([200, 'ok'])
    const noText = await post(JSON.stringify({ username: 'x' }))
    expect([noText.status, await noText.text()]).toEqual([400, 'no_text'])
    const invalid = await post('{"text":')
    expect([invalid.status, await invalid.text()]).toEqual([400, 'invalid_payload'])
  })
})
