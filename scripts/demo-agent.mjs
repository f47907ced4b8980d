// The demo's pull-mode chapter: no CI reaches the host. `gantry agent` runs on a sandbox host as
// its unprivileged user; a distribution registry's own notifications (its `notifications.endpoints`,
// with a header secret) wake it on every push; it resolves the tag to a digest itself, deploys,
// health-checks, rolls a broken image back, and tells a phone (an ntfy-compatible endpoint on
// loopback). The chapter's registry, agent, app and files are removed afterwards.
import { execFileSync } from 'node:child_process'
import { copyFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  freePort,
  get,
  pushAs,
  removeImages,
  startAgent,
  startRegistry,
  startSink,
  userDir,
  writeUserFile
} from '../test/harness/agent.js'
import { onHost } from '../test/harness/hosts.js'

const APP = 'demoagent'
const PORT = 8095

/**
 * @param {{ sandbox: import('../test/sandbox/description.js').SandboxDescription, log?: (line: string) => void }} options
 */
export async function playAgent({ sandbox, log = () => {} }) {
  const host = sandbox.hosts[1] ?? sandbox.hosts[0]
  const addr = `${host.address}:${PORT}`
  const started = Date.now()
  const steps = []
  const dir = userDir(host, 'gantry-demo-agent-')
  const secret = 'demo-' + Math.random().toString(36).slice(2)
  const token = 'demo-token-' + Math.random().toString(36).slice(2)
  const agentPort = await freePort()
  const phone = await startSink()
  const registry = await startRegistry({
    port: await freePort(),
    notify: { url: `http://127.0.0.1:${agentPort}/hooks/${APP}`, secret }
  })
  const image = `${registry.url}/shop`
  const clean = () =>
    onHost(
      sandbox,
      host,
      `(cd ~/gantry/${APP}/current 2>/dev/null && docker-compose -p ${APP} -f compose.yml down -t 1 >/dev/null 2>&1); rm -rf ~/gantry/${APP}; true`
    )
  clean()
  copyFileSync(sandbox.composeFile, join(dir, 'docker-compose.yml'))
  execFileSync('chmod', ['644', join(dir, 'docker-compose.yml')])
  writeUserFile(host, join(dir, 'registry.secret'), secret)
  writeUserFile(host, join(dir, 'token'), token)
  const config = join(dir, 'agent.yml')
  writeUserFile(
    host,
    config,
    [
      `listen: 127.0.0.1:${agentPort}`,
      `state-dir: ${join(dir, 'state')}`,
      `token-file: ${join(dir, 'token')}`,
      'apps:',
      `  ${APP}:`,
      '    compose-file: docker-compose.yml',
      `    image: ${image}`,
      "    tags: ['v*', broken]",
      `    env: APP_ADDR=${addr}`,
      `    health-url: http://${addr}/health`,
      '    health-timeout: 20s',
      '    triggers:',
      `      registry: { secret-file: ${join(dir, 'registry.secret')} }`,
      '    notify:',
      `      - ntfy://127.0.0.1:${phone.port}/shop-deploys`,
      ''
    ].join('\n'),
    0o640
  )
  log(`▶ gantry agent on ${host.user}@${host.address}, woken by ${registry.url}'s notifications`)
  const agent = await startAgent({ host, config, port: agentPort })
  const served = async () => {
    try {
      const r = await fetch(`http://${addr}/version`, { signal: AbortSignal.timeout(3000) })
      return (await r.text()).trim()
    } catch {
      return 'nothing'
    }
  }
  /** Waits for the app's last job to be a new one that has ended; returns it. */
  const nextRun = async (previous) => {
    const deadline = Date.now() + 120_000
    for (;;) {
      const a = (await get(`${agent.url}/apps`, token)).json?.apps?.[0]
      if (a?.last?.job && a.last.job !== previous && a.last.endedAt && !a.running) return a
      if (Date.now() > deadline) throw new Error(`no run after the push:\n${agent.log()}`)
      await new Promise((r) => setTimeout(r, 300))
    }
  }
  let last
  try {
    for (const [i, tag] of ['v1', 'v2', 'broken'].entries()) {
      const t0 = Date.now()
      pushAs(sandbox.dockerHost, sandbox.images[tag], `${image}:${tag}`)
      log(`  docker push ${image}:${tag}`)
      const a = await nextRun(last)
      last = a.last.job
      const seconds = ((Date.now() - t0) / 1000).toFixed(1)
      // The run's notification: the (i+1)th the phone got.
      const note = await phone
        .waitFor((r) => phone.requests.indexOf(r) === i, 30_000)
        .catch(() => null)
      const says = note?.json?.title ?? '(no notification)'
      log(
        `  ${a.last.state === 'succeeded' ? '✓' : '↩'} ${a.last.state} in ${seconds} s; ${addr} serves ${await served()}; phone: ${says}`
      )
      steps.push({
        tag,
        state: a.last.state,
        version: a.last.version,
        serves: await served(),
        says
      })
    }
  } finally {
    await agent.stop()
    await registry.dispose()
    await phone.close()
    clean()
    removeImages(host, new RegExp(`^${registry.url.replaceAll('.', '\\.')}/shop$`))
    rmSync(dir, { recursive: true, force: true })
  }
  return { host: `${host.user}@${host.address}`, steps, ms: Date.now() - started }
}

// `node scripts/demo-agent.mjs`: the chapter alone (the sandbox must be up).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { readSandbox } = await import('../test/sandbox/description.js')
  await playAgent({ sandbox: readSandbox(), log: (line) => console.log(line) })
}
