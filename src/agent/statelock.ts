/**
 * One agent per state directory: `agent.pid` names the agent that uses it (pid, and its start
 * time and boot from /proc, so that a pid reused by another process does not count). It is
 * created whole and exclusively (written aside, then hard-linked into place: link fails when the
 * name exists), before the agent reads or changes anything else there. A file whose agent is
 * gone (killed, the host rebooted) is taken over.
 */
import { link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { identify, type ProcessIdentity } from './processes.js'

export const PID_FILE = 'agent.pid'

export class StateDirBusyError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number
  ) {
    super(
      `another gantry agent (pid ${pid}) is using the state directory ${dir}: stop it first, or give this one its own state-dir (its pid file: ${join(dir, PID_FILE)})`
    )
  }
}

type Holder = Partial<ProcessIdentity> & { pid: number }

/** Still the process the file names: alive, and (where /proc says) the same start and boot. */
export function holderAlive(holder: Holder): boolean {
  try {
    process.kill(holder.pid, 0)
  } catch (error) {
    // EPERM: it exists, as another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  if (holder.start === undefined || holder.boot === undefined) return true
  const now = identify(holder.pid)
  return now === undefined || (now.start === holder.start && now.boot === holder.boot)
}

async function readHolder(file: string): Promise<Holder | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<Holder>
    return typeof parsed.pid === 'number' ? (parsed as Holder) : undefined
  } catch {
    return undefined
  }
}

export interface StateDirLock {
  /** Removes the pid file, if it is still this process's. */
  release(): Promise<void>
}

/** Takes the state directory (creating it, 0700), or throws StateDirBusyError. */
export async function lockStateDir(dir: string, pid = process.pid): Promise<StateDirLock> {
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const file = join(dir, PID_FILE)
  const me: Holder = identify(pid) ?? { pid }
  const mine = (h: Holder | undefined) => h?.pid === me.pid && h.start === me.start
  // Held by a live agent: refused before writing anything.
  const holder = await readHolder(file)
  if (holder && !mine(holder) && holderAlive(holder)) throw new StateDirBusyError(dir, holder.pid)
  const partial = join(dir, `${PID_FILE}.${randomUUID()}.partial`)
  await writeFile(partial, JSON.stringify(me) + '\n', { mode: 0o600 })
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await link(partial, file)
        break
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error
      }
      const holder = await readHolder(file)
      if (holder && !mine(holder) && holderAlive(holder))
        throw new StateDirBusyError(dir, holder.pid)
      // Gone (or unreadable): moved aside, then looked at again, so that of two agents taking
      // over the same stale file, the later one puts back what the first one wrote.
      const aside = `${partial}.stale`
      if (
        await rename(file, aside).then(
          () => true,
          () => false
        )
      ) {
        const moved = await readHolder(aside)
        if (moved && !mine(moved) && holderAlive(moved)) {
          await link(aside, file).catch(() => undefined)
          await rm(aside, { force: true })
          throw new StateDirBusyError(dir, moved.pid)
        }
        await rm(aside, { force: true })
      }
    }
  } finally {
    await rm(partial, { force: true })
  }
  return {
    async release() {
      if (mine(await readHolder(file))) await rm(file, { force: true })
    }
  }
}
