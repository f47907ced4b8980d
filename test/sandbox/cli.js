#!/usr/bin/env node
// npm run sandbox -- up [--hosts N] | down | status [--json]
// Progress goes to stderr; stdout carries only the JSON of `status --json` / `up --json`.
import process from 'node:process'
import { down, status, up } from './sandbox.js'
import { ensureKubernetesBinaries } from './k8s-build.js'
import { ensurePackages } from './packages.js'
import { createLog } from './lib/util.js'
import { stateDir } from './config.js'

const USAGE = `usage: npm run sandbox -- <command>
  up [--hosts N] [--json]  start what is not running (N deploy hosts; default: as now, 3 at first)
  down                     stop everything the sandbox started and remove ${stateDir()}
  status [--json]          what runs; --json prints the sandbox description with a status field
  k8s-build                build the Kubernetes binaries into the machine's cache (no lock needed;
                           \`up\` builds them too when they are missing, which takes minutes)
state dir: ${stateDir()} (env GANTRY_SANDBOX_DIR)`

function parseArgs(argv) {
  const [command, ...rest] = argv
  const opts = { command, json: false, hosts: undefined, quiet: false }
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]
    if (arg === '--json') opts.json = true
    else if (arg === '--quiet' || arg === '-q') opts.quiet = true
    else if (arg === '--hosts' || arg.startsWith('--hosts=')) {
      const value = arg.includes('=') ? arg.split('=')[1] : rest[++i]
      if (!/^\d+$/.test(value ?? ''))
        throw new Error(`--hosts needs a number, got ${value ?? 'nothing'}`)
      opts.hosts = Number(value)
    } else throw new Error(`unknown option ${arg}\n${USAGE}`)
  }
  return opts
}

function printStatus(s) {
  const lines = [
    `Gantry sandbox in ${s.stateDir}: ${s.status.ok ? 'running' : 'NOT fully running'}`
  ]
  if (s.status.error) lines.push(`  ${s.status.error}`)
  for (const p of s.status.parts) {
    lines.push(
      `  ${p.running ? 'up  ' : 'DOWN'}  ${p.part.padEnd(28)} ${p.pid ? `pid ${p.pid}` : ''}`
    )
  }
  if (s.hosts) {
    lines.push('', `runner engine  DOCKER_HOST=${s.dockerHost}`)
    lines.push(`images         ${Object.values(s.images).join('  ')}`)
    lines.push(
      `registry       ${s.registry.url} (user ${s.registry.username}), open: ${s.registryNoAuth.url}`
    )
    lines.push(`slack          ${s.slack.apiUrl}  requests: ${s.slack.requestsUrl}`)
    lines.push(`compose file   ${s.composeFile}`)
    lines.push(`ssh key        ${s.ssh.privateKeyPath}  known_hosts: ${s.ssh.knownHostsFile}`)
    for (const h of s.hosts)
      lines.push(
        `${h.name.padEnd(14)} ${h.user}@${h.address}:${h.port}  app ${h.appUrl}  ${h.dockerHost}`
      )
    if (s.kubernetes) {
      lines.push(
        `kubernetes     ${s.kubernetes.server} (${s.kubernetes.version})  kubeconfig: ${s.kubernetes.kubeconfigPath}`
      )
    }
    if (s.swarm) {
      const h = s.swarm.host
      lines.push(
        `${`${h.name} (swarm)`.padEnd(14)} ${h.user}@${h.address}:${h.port}  app ${h.appUrl}  ${h.dockerHost}`,
        `stack file     ${s.swarm.stackFile}`
      )
    }
  }
  console.log(lines.join('\n'))
}

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  const log = createLog({ quiet: opts.quiet })
  switch (opts.command) {
    case 'up': {
      const description = await up({ hosts: opts.hosts, log })
      if (opts.json) console.log(JSON.stringify(description, null, 2))
      return 0
    }
    case 'down':
      await down({ log })
      return 0
    case 'status': {
      const s = await status()
      if (opts.json) console.log(JSON.stringify(s, null, 2))
      else printStatus(s)
      return s.status.ok ? 0 : 1
    }
    case 'k8s-build': {
      const bins = await ensureKubernetesBinaries({
        log,
        ensurePackages: (names) => ensurePackages(log, names)
      })
      log(`kubernetes ${bins.meta.version}: ${bins.bin}`)
      return 0
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE)
      return opts.command ? 0 : 2
    default:
      throw new Error(`unknown command ${opts.command}\n${USAGE}`)
  }
}

main().then(
  (code) => (process.exitCode = code),
  (err) => {
    console.error(`sandbox: ${process.env.DEBUG ? err.stack : err.message}`)
    process.exitCode = 1
  }
)
