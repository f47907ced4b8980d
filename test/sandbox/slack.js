// Starts/stops the Slack-compatible endpoint (slack-server.js) as a background node process.
import { createHash } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import process from 'node:process'
import { SLACK, SOURCE_DIR } from './config.js'
import { assertPortFree, httpRequest } from './lib/net.js'
import { cleanEnv, isOurs, spawnDaemon, stopProcess } from './lib/proc.js'
import { fatal, logTail, waitFor, writeIfChanged } from './lib/util.js'

const SERVER = join(SOURCE_DIR, 'slack-server.js')
const TEAM_ID = 'T0SANDBOX'
const WEBHOOK_ID = 'B0SANDBOXHOOK'

export function slackLayout(dir) {
  const base = `http://${SLACK.address}:${SLACK.port}`
  return { ...SLACK, dir, base, configFile: join(dir, 'config.json'), log: join(dir, 'slack.log') }
}

async function health(s) {
  const res = await httpRequest({ url: `${s.base}/_sandbox/health`, timeoutMs: 2000 })
  return res.status === 200 ? JSON.parse(res.body) : null
}

const codeHash = async () =>
  createHash('sha256')
    .update(await readFile(SERVER))
    .digest('hex')

/** Starts the endpoint unless it runs with the same config and the same code; returns its pid. */
export async function ensureSlack(s, pid, { token, webhookSecret, log, onSpawn }) {
  await mkdir(s.dir, { recursive: true })
  const config = {
    address: s.address,
    port: s.port,
    token,
    teamId: TEAM_ID,
    webhookId: WEBHOOK_ID,
    webhookSecret,
    webhookChannel: '#deploys'
  }
  const changed = await writeIfChanged(s.configFile, JSON.stringify(config, null, 2) + '\n', 0o600)
  if (await isOurs(pid, s.configFile)) {
    const running = await health(s).catch(() => null)
    if (!changed && running?.codeHash === (await codeHash())) return pid
    log('slack endpoint: config or code changed, restarting')
    await stopProcess(pid, s.configFile)
  }
  await assertPortFree(s.address, s.port, 'slack endpoint')
  const newPid = spawnDaemon(process.execPath, [SERVER, s.configFile], {
    logFile: s.log,
    env: cleanEnv()
  })
  await onSpawn(newPid)
  await waitFor(
    `slack endpoint ${s.base}`,
    async () => {
      if (!(await isOurs(newPid, s.configFile))) throw fatal(`slack server (pid ${newPid}) exited`)
      return (await health(s))?.pid === newPid
    },
    { timeoutMs: 15000, describe: () => logTail(s.log) }
  )
  return newPid
}

export const stopSlack = (s, pid) => stopProcess(pid, s.configFile, { timeoutMs: 5000 })

export async function slackRunning(s, pid) {
  return (await isOurs(pid, s.configFile)) && (await health(s).catch(() => null))?.pid === pid
}

export function describeSlack(s, { token, webhookSecret }) {
  return {
    apiUrl: `${s.base}/api/`,
    webhookUrl: `${s.base}/services/${TEAM_ID}/${WEBHOOK_ID}/${webhookSecret}`,
    token,
    requestsUrl: `${s.base}/_sandbox/requests`,
    controlUrl: `${s.base}/_sandbox/`,
    teamId: TEAM_ID
  }
}
