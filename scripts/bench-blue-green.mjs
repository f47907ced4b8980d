#!/usr/bin/env node
// Requests dropped by a deploy, side by side: `strategy: recreate` (compose replaces the
// container; the load goes straight to the app's port, as today), `blue-green` through HAProxy
// (runtime API switch) and `blue-green` through nginx (reload switch). Each: N deploys
// (v1 → v2 → v1 …, default 20, `--deploys N`) of the sandbox demo app to host h01 under a bounded
// loopback load of 16 keep-alive clients (GET /version and POST /cgi-bin/echo). Prints requests,
// failed requests (socket errors, timeouts, non-2xx), p50/p99 latency during the deploys and,
// for blue-green, the time from healthy to switched (from the deploy's log). Needs root and the
// sandbox; on a shared machine run it under the sandbox lock (flock /work/.sandbox.lock …).
import { startLoad } from '../test/harness/load.js'
import { deployer } from './deploy-under-load.mjs'
import { sandboxUp } from './sandbox.mjs'

const at = process.argv.indexOf('--deploys')
const DEPLOYS = at > 0 ? Number(process.argv[at + 1]) : 20
// `up` (idempotent): this checkout's sandbox code describes the proxies (proxyUrl, nginxUrl).
const sb = sandboxUp()
const host = sb.hosts[0]
const { deploy, clean, dispose } = deployer(sb, host)

const scenarios = [
  {
    name: 'recreate',
    app: 'benchrc',
    url: host.appUrl,
    inputs: { 'COMPOSE-FILE': 'recreate.yml' }
  },
  {
    name: 'blue-green, HAProxy (runtime API)',
    app: 'benchbg',
    url: host.proxyUrl,
    inputs: { 'COMPOSE-FILE': 'blue-green.yml', STRATEGY: 'blue-green', 'DRAIN-TIMEOUT': '10s' }
  },
  {
    name: 'blue-green, nginx (reload)',
    app: 'benchng',
    url: host.nginxUrl,
    inputs: {
      'COMPOSE-FILE': 'blue-green.yml',
      STRATEGY: 'blue-green',
      PROXY: 'nginx',
      'DRAIN-TIMEOUT': '10s'
    }
  }
]

const rows = []
for (const s of scenarios) {
  clean(s.app)
  await deploy(s.app, sb.images.v1, s.inputs)
  const load = startLoad({ url: s.url, clients: 16, paceMs: 40, maxMs: 590_000 })
  const switched = []
  try {
    for (let i = 0; i < DEPLOYS; i++) {
      const log = await deploy(s.app, i % 2 ? sb.images.v1 : sb.images.v2, s.inputs)
      const m = /switched to slot \w+ (\d+) ms after it was healthy/.exec(log)
      if (m) switched.push(Number(m[1]))
    }
  } finally {
    await load.stop()
  }
  const r = await load.done
  clean(s.app)
  switched.sort((a, b) => a - b)
  rows.push({
    ...s,
    r,
    switched: switched.length
      ? `${switched[Math.floor(switched.length / 2)]} ms (max ${switched.at(-1)} ms)`
      : 'n/a'
  })
}

console.log(
  `${DEPLOYS} deploys each to one host under 16 keep-alive clients (GET and POST), loopback:\n`
)
console.log('| strategy | requests | failed | failures | p50 | p99 | healthy → switched (median) |')
console.log('| --- | --- | --- | --- | --- | --- | --- |')
for (const { name, r, switched } of rows) {
  const kinds = Object.entries(r.failures)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ')
  console.log(
    `| ${name} | ${r.requests} | ${r.failed} | ${kinds || '—'} | ${r.p50Ms} ms | ${r.p99Ms} ms | ${switched} |`
  )
}
dispose()
