// Shared by `npm run bench` (bench-blue-green.mjs) and `npm run demo` (demo-blue-green.mjs): the
// sandbox demo app deployed to one sandbox host through the real ssh-deploy bundle, with
// `strategy: recreate` (load straight to the app's port) or `blue-green` (load through the host's
// proxy), and the host left as it was found afterwards.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onHost } from '../test/harness/hosts.js'

const ROOT = join(import.meta.dirname, '..')

/**
 * A workspace with the demo app's two compose files (blue-green.yml, recreate.yml) and
 * `deploy(app, image, inputs)` (resolves with the action's log, rejects with its tail),
 * `clean(app)` (removes the app's containers, releases and proxy routes on the host) and
 * `dispose()` (removes the workspace). `recreateAddr` (host:port) binds the recreate app elsewhere
 * than the host's APP_ADDR, which another app may hold (the story's, in the demo).
 */
export function deployer(sb, host, { recreateAddr } = {}) {
  if (recreateAddr !== undefined && !/^127\.\d+\.\d+\.\d+:\d+$/.test(recreateAddr))
    throw new Error(`recreateAddr must be a loopback host:port, got ${recreateAddr}`)
  const key = readFileSync(sb.ssh.privateKeyPath, 'utf8')
  const work = mkdtempSync(join(tmpdir(), 'gantry-bg-'))
  const blueGreenCompose = readFileSync(
    join(ROOT, 'test/sandbox/demo-app/docker-compose.blue-green.yml'),
    'utf8'
  )
  writeFileSync(join(work, 'blue-green.yml'), blueGreenCompose)
  // The same app for recreate, bound to the host's APP_ADDR (its ssh session sets it).
  writeFileSync(
    join(work, 'recreate.yml'),
    blueGreenCompose.replace(
      '${GANTRY_ADDR:-}',
      recreateAddr ?? '${APP_ADDR:?the host session sets APP_ADDR}'
    )
  )

  async function deploy(app, image, inputs) {
    for (const f of ['out', 'summary']) writeFileSync(join(work, f), '')
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: work,
      GITHUB_OUTPUT: join(work, 'out'),
      GITHUB_STEP_SUMMARY: join(work, 'summary'),
      INPUT_HOSTS: `${host.user}@${host.address}`,
      INPUT_KEY: key,
      'INPUT_KNOWN-HOSTS': host.knownHosts,
      INPUT_APP: app,
      INPUT_ENV: `IMAGE=${image}`,
      'INPUT_HEALTH-TIMEOUT': '60s',
      'INPUT_KEEP-RELEASES': '3',
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))
    }
    const r = await run(process.execPath, [join(ROOT, 'dist/ssh-deploy/index.js')], env)
    if (r.code !== 0) throw new Error(`ssh-deploy failed:\n${r.stdout.slice(-3000)}`)
    return r.stdout
  }

  const clean = (app) =>
    onHost(
      sb,
      host,
      `for p in ${app} ${app}-blue ${app}-green; do ids=$(docker ps -aq --filter label=com.docker.compose.project=$p); [ -z "$ids" ] || docker rm -f $ids >/dev/null; done; rm -rf ~/gantry/${app} ~/gantry-proxy/apps/${app}.json ~/gantry-proxy/haproxy/maps/${app}.map; true`
    )

  return { deploy, clean, dispose: () => rmSync(work, { recursive: true, force: true }) }
}

function run(cmd, args, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env })
    let stdout = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stdout += d))
    child.on('close', (code) => resolve({ code, stdout }))
  })
}
