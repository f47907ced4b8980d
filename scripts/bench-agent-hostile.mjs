#!/usr/bin/env node
// Part of `npm run bench` (alone: `node scripts/bench-agent-hostile.mjs`). A benchmark, not a
// test: it prints figures and asserts nothing.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { clearInterval, setInterval } from 'node:timers'
import ncc from '@vercel/ncc'

const dir = mkdtempSync(join(tmpdir(), 'gantry-bench-hostile-'))
await hostileRequests()

// The agent under hostile requests, on loopback, no sandbox: its real HTTP server, queue, store
// and registry lookup, bundled from src/ and run as a child whose runs do nothing (what is
// measured is the HTTP side). At once, from a worker thread: one chunked body of a million 1-byte
// chunks without credentials and one with the URL token, 200 connections sending their headers a
// byte every 500 ms, 2,000 forged GitHub deliveries (50 at a time); meanwhile, from this thread,
// a valid delivery every 200 ms, each a new tag looked up in a registry stand-in (another worker).
// Targets: the agent's peak RSS under 100 MiB; every valid delivery answered 202 in under 200 ms.
// Bounded: everything stops after BENCH_HOSTILE_MS (15 s).

async function bundleHostileAgent(work, HOSTILE) {
  const root = process.cwd()
  const { mkdirSync, symlinkSync } = await import('node:fs')
  mkdirSync(work)
  writeFileSync(
    join(work, 'agent.ts'),
    `import { monitorEventLoopDelay } from 'node:perf_hooks'
import { startAgentServer } from '${root}/src/agent/server.js'
import { AgentStore } from '${root}/src/agent/store.js'
import { createDeployer } from '${root}/src/agent/deployer.js'
import { eventLogger } from '${root}/src/agent/main.js'
import { realClock } from '${root}/src/lib/clock.js'
const registry = process.env.BENCH_REGISTRY!
const stateDir = process.env.BENCH_STATE!
const app = {
  name: 'shop', target: 'compose', strategy: 'recreate',
  inputs: { app: 'shop', target: 'compose', strategy: 'recreate' },
  image: { registry, repository: 'shop', reference: registry + '/shop' },
  tags: ['v*'], stepTimeoutMs: 600_000, notify: [],
  triggers: { github: { secret: '${HOSTILE.secret}' }, token: { secret: '${HOSTILE.token}' } }
}
const config = {
  file: 'bench.yml', listen: { host: '127.0.0.1', port: 0 }, stateDir, token: 'bench-bearer',
  logFormat: 'text', maxBodyBytes: 1024 * 1024, maxPending: 32, apps: [app]
}
const real = createDeployer({ stateDir, configDir: stateDir })
const deployer = {
  resolve: real.resolve,
  status: async () => ({}),
  run: async () => ({ state: 'succeeded' as const })
}
const store = await AgentStore.open(stateDir, { clock: realClock })
const log = eventLogger('text', (line) => process.stderr.write(line))
const server = await startAgentServer(config as never, { deployer, store, clock: realClock, log })
// How long the agent's one thread was busy at a stretch.
const delay = monitorEventLoopDelay({ resolution: 10 })
delay.enable()
// And the most of each part of its memory (MiB), sampled.
const most: Record<string, number> = {}
setInterval(() => {
  for (const [k, v] of Object.entries(process.memoryUsage())) most[k] = Math.max(most[k] ?? 0, v / 1048576)
}, 20).unref()
process.stdout.write(JSON.stringify({ port: server.port }) + '\\n')
process.on('SIGTERM', () =>
  process.stdout.write(JSON.stringify({ loopDelayMaxMs: delay.max / 1e6, most }) + '\\n', () => process.exit(0))
)
`
  )
  // ncc reads the tsconfig and package.json beside the entry: the project's, for this one file.
  writeFileSync(
    join(work, 'tsconfig.json'),
    JSON.stringify({
      extends: join(root, 'tsconfig.json'),
      compilerOptions: { rootDir: '/' },
      include: ['agent.ts']
    })
  )
  writeFileSync(join(work, 'package.json'), '{ "type": "module" }\n')
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'))
  const { code } = await ncc(join(work, 'agent.ts'), { quiet: true, transpileOnly: true })
  writeFileSync(join(work, 'agent.mjs'), code)
  return join(work, 'agent.mjs')
}

/** Code for a worker thread: `registry` (the stand-in; posts its port) or `attack` (posts figures). */
function hostileWorker() {
  return String.raw`
const { workerData, parentPort } = require('node:worker_threads')
const http = require('node:http')
const net = require('node:net')
const { createHash, createHmac } = require('node:crypto')
const { performance } = require('node:perf_hooks')

if (workerData.role === 'registry') {
  // Every tag is a manifest whose digest is the tag's hash.
  const server = http.createServer((req, res) => {
    const tag = /^\/v2\/shop\/manifests\/([^/]+)$/.exec(req.url)?.[1]
    if (!tag) return res.writeHead(req.url === '/v2/' ? 200 : 404).end()
    res.writeHead(200, {
      'content-type': 'application/vnd.oci.image.manifest.v1+json',
      'docker-content-digest': 'sha256:' + createHash('sha256').update(tag).digest('hex'),
      'content-length': '2'
    })
    res.end(req.method === 'HEAD' ? undefined : '{}')
  })
  server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port))
} else attack().then((figures) => parentPort.postMessage(figures))

async function attack() {
  const { port, until, token } = workerData
  const started = performance.now()
  // A million 1-byte chunks in one 6 MB write; the answer's status and when the connection ended.
  const millionChunks = (path) =>
    new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1')
      let answer = ''
      socket.on('data', (c) => (answer += c.toString('latin1')))
      socket.on('error', () => undefined)
      socket.on('close', () =>
        resolve({ status: /^HTTP\/1\.1 (\d+)/.exec(answer)?.[1] ?? 'no answer', ms: performance.now() - started })
      )
      socket.write('POST ' + path + ' HTTP/1.1\r\nHost: agent\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n')
      socket.write(Buffer.from('1\r\nx\r\n'.repeat(1000000) + '0\r\n\r\n', 'latin1'))
      setTimeout(() => socket.destroy(), until - performance.now())
    })
  // Headers a byte every 500 ms; when the agent closed the connection (undefined: it did not).
  const slow = () =>
    new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1')
      const text = 'POST /hooks/shop HTTP/1.1\r\nHost: agent\r\nX-Slow: ' + 'a'.repeat(1000)
      let i = 0
      let ended = false
      const timer = setInterval(() => {
        if (performance.now() > until) {
          ended = true
          socket.destroy()
        } else socket.write(text[i++ % text.length])
      }, 500)
      socket.on('error', () => undefined)
      socket.on('close', () => {
        clearInterval(timer)
        resolve(ended ? undefined : performance.now() - started)
      })
    })
  const forged = async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 50 })
    const statuses = {}
    let next = 0
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (next < 2000 && performance.now() < until) {
          next++
          const body = JSON.stringify({ action: 'published', package: { name: 'shop', n: next } })
          const mac = createHmac('sha256', 'not-the-secret').update(body).digest('hex')
          const status = await new Promise((resolve) => {
            const req = http.request(
              { host: '127.0.0.1', port, path: '/hooks/shop', method: 'POST', agent,
                headers: { 'content-type': 'application/json', 'x-github-event': 'package', 'x-hub-signature-256': 'sha256=' + mac } },
              (res) => res.resume().on('end', () => resolve(res.statusCode))
            )
            req.on('error', () => resolve('error'))
            req.end(body)
          })
          statuses[status] = (statuses[status] ?? 0) + 1
        }
      })
    )
    agent.destroy()
    return { statuses, ms: performance.now() - started }
  }
  const on = (name) => workerData.attacks.includes(name)
  const skipped = Promise.resolve({ status: 'not sent', ms: 0 })
  const [bare, withToken, slowEnds, flood] = await Promise.all([
    on('chunks') ? millionChunks('/hooks/shop') : skipped,
    on('chunks') ? millionChunks('/hooks/shop?token=' + token) : skipped,
    Promise.all(Array.from({ length: on('slow') ? 200 : 0 }, slow)),
    on('forged') ? forged() : { statuses: {}, ms: 0 }
  ])
  return { bare, withToken, cut: slowEnds.filter((t) => t !== undefined), flood }
}
`
}

async function hostileRequests() {
  const { Worker } = await import('node:worker_threads')
  const { spawn } = await import('node:child_process')
  const http = await import('node:http')
  const { createHmac } = await import('node:crypto')
  const HOSTILE_MS = Number(process.env.BENCH_HOSTILE_MS ?? 15_000)
  const HOSTILE = { secret: 'bench-hostile-github-secret', token: 'bench-hostile-url-token' }
  const agentFile = await bundleHostileAgent(join(dir, 'hostile'), HOSTILE)
  const worker = (data) => new Worker(hostileWorker(), { eval: true, workerData: data })
  const registry = worker({ role: 'registry' })
  const registryPort = await new Promise((resolve) => registry.once('message', resolve))
  const child = spawn(process.execPath, [agentFile], {
    env: {
      PATH: process.env.PATH,
      BENCH_REGISTRY: `127.0.0.1:${registryPort}`,
      BENCH_STATE: join(dir, 'hostile', 'state'),
      ...(process.env.MALLOC_ARENA_MAX ? { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX } : {})
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const logged = { lines: 0, rejections: 0 }
  let logStart = ''
  child.stderr.on('data', (chunk) => {
    const text = chunk.toString()
    logged.lines += text.split('\n').length - 1
    logged.rejections += text.match(/ rejected(-suppressed)? /g)?.length ?? 0
    if (logStart.length < 4000) logStart += text
  })
  const fromAgent = () =>
    new Promise((resolve, reject) => {
      child.stdout.once('data', (chunk) => resolve(JSON.parse(chunk.toString())))
      child.once('exit', (code) => reject(new Error(`the agent exited ${code}: ${logStart}`)))
    })
  const { port } = await fromAgent()
  const mib = (field) =>
    Number(
      new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]
    ) / 1024
  const sleep = (t) => new Promise((r) => setTimeout(r, t))
  await sleep(500)
  const idleRss = mib('VmRSS')
  const loggedBefore = { ...logged }
  const until = performance.now() + HOSTILE_MS
  // BENCH_ATTACKS=chunks,slow,forged (the default: all), to see what each costs alone.
  const attacks = (process.env.BENCH_ATTACKS ?? 'chunks,slow,forged').split(',')
  const attacker = worker({ role: 'attack', port, until, token: HOSTILE.token, attacks })
  const attacked = new Promise((resolve) => attacker.once('message', resolve))
  // RSS counts the node binary's own code too (file-backed, shared); RssAnon is the agent's own.
  const most = { VmRSS: 0, RssAnon: 0, RssFile: 0 }
  const sampler = setInterval(() => {
    for (const k of Object.keys(most)) most[k] = Math.max(most[k], mib(k))
  }, 50)

  // A valid delivery every 200 ms: the time to its answer.
  const valid = []
  for (let n = 1; performance.now() < until - 500; n++) {
    const body = JSON.stringify({
      action: 'published',
      package: {
        name: 'shop',
        package_version: { container_metadata: { tag: { name: `v1.${n}` } } }
      }
    })
    const headers = {
      'content-type': 'application/json',
      'x-github-event': 'package',
      'x-hub-signature-256': `sha256=${createHmac('sha256', HOSTILE.secret).update(body).digest('hex')}`
    }
    const t0 = performance.now()
    const status = await new Promise((resolve) => {
      const req = http.request(
        { host: '127.0.0.1', port, path: '/hooks/shop', method: 'POST', headers, agent: false },
        (res) => res.resume().on('end', () => resolve(res.statusCode))
      )
      req.on('error', () => resolve('error'))
      req.end(body)
    })
    valid.push({ status, ms: performance.now() - t0 })
    await sleep(200)
  }
  const { bare, withToken, cut, flood } = await attacked
  clearInterval(sampler)
  const peak = mib('VmHWM')
  const after = mib('VmRSS')
  const figures = fromAgent()
  child.kill('SIGTERM')
  const { loopDelayMaxMs, most: heap } = await figures
  await Promise.all([registry.terminate(), attacker.terminate()])

  const latencies = valid.map((a) => a.ms).sort((a, b) => a - b)
  const accepted = valid.filter((a) => a.status === 202).length
  const slowest = latencies.at(-1) ?? 0
  const f = (x) => x.toFixed(0)
  console.log(`\n## The agent under hostile requests (loopback, ${HOSTILE_MS / 1000} s)\n`)
  console.log('| measure | result | target |')
  console.log('| --- | --- | --- |')
  const row = (...cells) => console.log(`| ${cells.join(' | ')} |`)
  row('RSS idle', `${f(idleRss)} MiB`, '')
  row(
    'RSS peak (VmHWM)',
    `${f(peak)} MiB (after: ${f(after)} MiB); sampled: RssAnon ${f(most.RssAnon)} MiB, RssFile ${f(most.RssFile)} MiB`,
    `< 100 MiB: ${peak < 100 ? 'met' : 'NOT met'}`
  )
  row(
    'valid deliveries during the attacks',
    `${accepted}/${valid.length} answered 202${
      accepted < valid.length
        ? ` (others: ${valid
            .filter((a) => a.status !== 202)
            .map((a) => a.status)
            .join(' ')})`
        : ''
    }; median ${f(latencies[latencies.length >> 1] ?? 0)} ms, max ${f(slowest)} ms`,
    `each < 200 ms: ${accepted === valid.length && slowest < 200 ? 'met' : 'NOT met'}`
  )
  row("the agent's longest busy stretch (event-loop delay)", `${f(loopDelayMaxMs)} ms`, '')
  row(
    "the agent's memory, the most of each part (sampled)",
    Object.entries(heap)
      .map(([k, v]) => `${k} ${f(v)} MiB`)
      .join(', '),
    ''
  )
  row(
    'a million 1-byte chunks, no credentials',
    `${bare.status}; closed after ${f(bare.ms)} ms`,
    'refused before the body is read'
  )
  row(
    'a million 1-byte chunks, the URL token',
    `${withToken.status}; closed after ${f(withToken.ms)} ms`,
    'refused after 4,096 pieces'
  )
  row(
    '2,000 forged deliveries, 50 at a time',
    `${Object.entries(flood.statuses)
      .map(([s, n]) => `${n}× ${s}`)
      .join(', ')} in ${f(flood.ms)} ms`,
    ''
  )
  row(
    'agent log lines written meanwhile',
    `${logged.lines - loggedBefore.lines}, of which refusals: ${logged.rejections - loggedBefore.rejections}`,
    'refusals: at most 10 a minute per reason'
  )
  row(
    '200 connections sending headers a byte every 500 ms',
    `${cut.length} closed by the agent${cut.length ? ` (after ${f(Math.min(...cut))}–${f(Math.max(...cut))} ms)` : ''}`,
    'headersTimeout 10 s'
  )
}
