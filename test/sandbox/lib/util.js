// Small shared helpers: logging with timings, files written only when their content changes,
// JSON state files written atomically, and polling with a deadline.
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, writeFile, chmod } from 'node:fs/promises'
import { dirname } from 'node:path'
import process from 'node:process'
import { setTimeout as sleep } from 'node:timers/promises'

export { sleep }

/** A logger that prefixes each line with the seconds elapsed since it was created (stderr). */
export function createLog({ quiet = false, write = (s) => process.stderr.write(s) } = {}) {
  const start = process.hrtime.bigint()
  const elapsed = () => Number(process.hrtime.bigint() - start) / 1e9
  const log = (msg) => {
    if (!quiet) write(`[sandbox ${elapsed().toFixed(2).padStart(6)}s] ${msg}\n`)
  }
  log.elapsed = elapsed
  return log
}

export const sha256 = (data) => createHash('sha256').update(data).digest('hex')
export const randomToken = (bytes = 12) => randomBytes(bytes).toString('hex')

/**
 * Writes `content` only when the file differs, so an unchanged `up` does not touch anything and
 * callers can restart a daemon exactly when its config changed. Returns true when it wrote.
 */
export async function writeIfChanged(path, content, mode = 0o644) {
  const current = await readFile(path, 'utf8').catch(() => null)
  if (current === content) return false
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, content, { mode })
  await chmod(path, mode) // writeFile's mode only applies when it creates the file
  return true
}

export async function readJson(path, fallback) {
  try {
    return JSON.parse(await readFile(path, 'utf8'))
  } catch (err) {
    if (err.code === 'ENOENT') return fallback
    throw new Error(`cannot read ${path}: ${err.message}`)
  }
}

/** Write-then-rename so a reader never sees half a file. */
export async function writeJsonAtomic(path, value, mode = 0o644) {
  await mkdir(dirname(path), { recursive: true })
  const tmp = `${path}.${process.pid}.tmp`
  await writeFile(tmp, JSON.stringify(value, null, 2) + '\n', { mode })
  await rename(tmp, path)
}

/**
 * Polls `check` until it returns a truthy value or the deadline passes. `describe` (optional,
 * async) adds context such as a log tail to the error. A check that throws an error marked
 * `fatal` (see `fatal()`) stops the wait at once: e.g. the daemon we wait for has exited.
 */
export async function waitFor(what, check, { timeoutMs = 30000, intervalMs = 50, describe } = {}) {
  const deadline = Date.now() + timeoutMs
  let lastError
  for (;;) {
    try {
      const value = await check()
      if (value) return value
    } catch (err) {
      if (err.fatal) {
        const extra = describe ? await describe().catch(() => '') : ''
        throw new Error(`${what}: ${err.message}${extra}`)
      }
      lastError = err
    }
    if (Date.now() > deadline) {
      const extra = describe ? await describe().catch(() => '') : ''
      const cause = lastError ? ` (last error: ${lastError.message})` : ''
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}${extra}`)
    }
    await sleep(intervalMs)
  }
}

/** An error that makes `waitFor` give up immediately. */
export function fatal(message) {
  const err = new Error(message)
  err.fatal = true
  return err
}

/** The last lines of a log file, indented, for error messages. */
export async function logTail(path, lines = 15) {
  const text = await readFile(path, 'utf8').catch(() => '')
  const tail = text.trimEnd().split('\n').slice(-lines).join('\n    ')
  return tail ? `\n  last lines of ${path}:\n    ${tail}` : `\n  (${path} is empty)`
}

/** Runs async `tasks` and waits for all of them; throws one error listing every failure. */
export async function allOrReport(tasks) {
  const results = await Promise.allSettled(tasks)
  const failures = results.filter((r) => r.status === 'rejected').map((r) => r.reason)
  if (failures.length === 1) throw failures[0]
  if (failures.length > 1) {
    throw new Error(failures.map((e) => `- ${e.message}`).join('\n'))
  }
  return results.map((r) => r.value)
}
