// The demo's last chapter: one release to prod played twice under load, `strategy: recreate`
// (compose replaces the container) and `strategy: blue-green` (the new slot is started beside the
// old one and HAProxy switches when it is healthy), to show the requests each drops. The load is
// the bounded loopback client (16 keep-alive clients, GET and POST); the deploys go through the
// real ssh-deploy bundle (deploy-under-load.mjs, shared with the benchmark). The chapter's own
// apps are removed from the host afterwards; the story's app there is not touched.
import { startLoad } from '../test/harness/load.js'
import { deployer } from './deploy-under-load.mjs'

// Off the story's port (the story's app keeps the host's APP_ADDR, :8080).
const RECREATE_PORT = 8090

/**
 * @param {{ sandbox: import('../test/sandbox/description.js').SandboxDescription, log?: (line: string) => void }} options
 */
export async function playBlueGreen({ sandbox, log = () => {} }) {
  const host = sandbox.hosts[2] ?? sandbox.hosts[0]
  const started = Date.now()
  const { deploy, clean, dispose } = deployer(sandbox, host, {
    recreateAddr: `${host.address}:${RECREATE_PORT}`
  })
  const scenarios = [
    {
      name: 'recreate',
      app: 'demorc',
      url: `http://${host.address}:${RECREATE_PORT}`,
      inputs: { 'COMPOSE-FILE': 'recreate.yml' }
    },
    {
      name: 'blue-green (HAProxy)',
      app: 'demobg',
      url: host.proxyUrl,
      inputs: { 'COMPOSE-FILE': 'blue-green.yml', STRATEGY: 'blue-green', 'DRAIN-TIMEOUT': '5s' }
    }
  ]
  const rows = []
  try {
    for (const s of scenarios) {
      clean(s.app)
      log(`▶ ${s.name}: v1 on ${host.address}, then v2 under 16 keep-alive clients`)
      await deploy(s.app, sandbox.images.v1, s.inputs)
      const t0 = Date.now()
      const load = startLoad({ url: s.url, clients: 16, paceMs: 40, maxMs: 60_000 })
      let r
      try {
        await deploy(s.app, sandbox.images.v2, s.inputs)
      } finally {
        r = await load.stop()
      }
      const ms = Date.now() - t0
      log(`  ✓ upgraded in ${(ms / 1000).toFixed(1)} s: ${r.requests} requests, ${r.failed} failed`)
      rows.push({
        name: s.name,
        requests: r.requests,
        failed: r.failed,
        // by kind, e.g. "12 ECONNREFUSED, 3 ECONNRESET"
        failures: failureKinds(r.failures),
        p50Ms: r.p50Ms,
        p99Ms: r.p99Ms,
        ms
      })
    }
  } finally {
    for (const s of scenarios) clean(s.app)
    dispose()
  }
  return { host: `${host.user}@${host.address}`, rows, ms: Date.now() - started }
}

/** The rows as a terminal table. */
export function blueGreenTable(chapter) {
  const head = ['strategy', 'requests', 'failed', 'failures', 'p50', 'p99', 'upgrade']
  const body = chapter.rows.map((r) => [
    r.name,
    String(r.requests),
    String(r.failed),
    r.failures,
    `${r.p50Ms} ms`,
    `${r.p99Ms} ms`,
    `${(r.ms / 1000).toFixed(1)} s`
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)))
  return [head, ...body]
    .map(
      (row) =>
        '  ' +
        row
          .map((c, i) => (i === 0 || i === 3 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
          .join('  ')
    )
    .join('\n')
}

const failureKinds = (failures) =>
  Object.entries(failures)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ') || '—'
