// Processes: run a command to completion, start a daemon detached from us, and recognise,
// stop and wait for the daemons we started (by pid, checked against /proc/<pid>/cmdline so a
// recycled pid never gets a signal meant for one of ours).
import { spawn } from 'node:child_process'
import { closeSync, openSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import process from 'node:process'
import { sleep } from './util.js'

export const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

/** A small, explicit environment: daemons must not inherit NODE_OPTIONS, proxies, DOCKER_HOST… */
export function cleanEnv(extra = {}) {
  return { PATH: SYSTEM_PATH, HOME: process.env.HOME ?? '/root', LANG: 'C.UTF-8', ...extra }
}

/**
 * Runs `cmd` with an argument array (never a shell string) and resolves with its output.
 * Rejects with the command, exit code and the end of stderr unless `allowFail` is set.
 */
export function run(
  cmd,
  args,
  { env = cleanEnv(), input, cwd, timeoutMs = 120000, allowFail = false, uid, gid } = {}
) {
  return new Promise((resolve, reject) => {
    const ids = uid === undefined ? {} : { uid, gid } // as another user (a host's proxy checks)
    const child = spawn(cmd, args, { env, cwd, ...ids, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', (err) => {
      clearTimeout(timer)
      reject(new Error(`cannot run ${cmd}: ${err.message}`))
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const result = { code, stdout, stderr }
      if (code === 0 || allowFail) return resolve(result)
      const why = signal ? `killed by ${signal}` : `exit ${code}`
      const detail = (stderr.trim() || stdout.trim()).split('\n').slice(-8).join('\n    ')
      reject(
        new Error(`${cmd} ${args.join(' ')} failed (${why})${detail ? `:\n    ${detail}` : ''}`)
      )
    })
    child.stdin.on('error', () => {}) // the command may exit before reading its input
    child.stdin.end(input ?? '')
  })
}

/**
 * Starts a long-running process in its own session (so a terminal's Ctrl-C or jest's exit does
 * not take it down), with stdout/stderr appended to `logFile`. Returns its pid.
 */
export function spawnDaemon(cmd, args, { logFile, env = cleanEnv(), cwd = '/', uid, gid }) {
  const fd = openSync(logFile, 'a')
  try {
    // uid/gid: as another user (the deploy hosts' proxies run as the host's user).
    const ids = uid === undefined ? {} : { uid, gid }
    const child = spawn(cmd, args, { env, cwd, ...ids, detached: true, stdio: ['ignore', fd, fd] })
    child.on('error', () => {}) // reported by the readiness check, with the log
    child.unref()
    if (!child.pid) throw new Error(`cannot start ${cmd} (see ${logFile})`)
    return child.pid
  } finally {
    closeSync(fd)
  }
}

/** The command line of a live (non-zombie) process, or null. */
export async function cmdlineOf(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return null
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3)
    if (state === 'Z' || state === 'X') return null
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ').trim()
  } catch {
    return null
  }
}

/** True when `pid` is alive and its command line contains `marker` (e.g. its config path). */
export async function isOurs(pid, marker) {
  const cmdline = await cmdlineOf(pid)
  return cmdline !== null && cmdline.includes(marker)
}

/** Every live process whose command line contains `marker`. */
export async function findProcesses(marker) {
  const found = []
  for (const entry of await readdir('/proc')) {
    const pid = Number(entry)
    if (!Number.isInteger(pid) || pid === process.pid) continue
    const cmdline = await cmdlineOf(pid)
    if (cmdline?.includes(marker)) found.push({ pid, cmdline })
  }
  return found
}

/**
 * Sends SIGTERM to one of our processes and waits for it to exit; SIGKILL after `timeoutMs`.
 * Does nothing when the pid is gone or now belongs to someone else.
 */
export async function stopProcess(pid, marker, { timeoutMs = 15000 } = {}) {
  if (!(await isOurs(pid, marker))) return false
  process.kill(pid, 'SIGTERM')
  const deadline = Date.now() + timeoutMs
  while (await isOurs(pid, marker)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL')
      await sleep(200)
      break
    }
    await sleep(50)
  }
  return true
}
