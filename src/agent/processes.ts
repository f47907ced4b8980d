/**
 * The process groups an agent's run started (each batch of steps is one, see the local runner),
 * named so that a later agent can tell them from whatever reuses their pid: pid, start time (in
 * clock ticks after boot) and the boot's id, from /proc. An agent killed outright (not under
 * systemd, whose control group takes them along) leaves its running step behind; recovery stops
 * it before it looks at the release, so nothing of the old run changes the host afterwards.
 */
import { readFileSync } from 'node:fs'
import type { Clock } from '../lib/clock.js'

export interface ProcessIdentity {
  pid: number
  /** /proc/<pid>/stat field 22. */
  start: string
  boot: string
}

function stat(pid: number): { pgrp: number; start: string } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // After the command name (which may hold spaces and parentheses): field 3 onwards.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
    if (fields[0] === 'Z') return undefined
    return { pgrp: Number(fields[2]), start: fields[19] ?? '' }
  } catch {
    return undefined
  }
}

function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
  } catch {
    return undefined
  }
}

/** The identity of a live process; undefined where /proc cannot say (not Linux). */
export function identify(pid: number): ProcessIdentity | undefined {
  const s = stat(pid)
  const boot = bootId()
  if (!s || !boot || !s.start) return undefined
  return { pid, start: s.start, boot }
}

/** Still the same process, still leading its own group (this boot, same start time). */
export function stillLeading(id: ProcessIdentity): boolean {
  const s = stat(id.pid)
  return s !== undefined && s.pgrp === id.pid && s.start === id.start && bootId() === id.boot
}

/**
 * Ends a group left behind: SIGTERM, SIGKILL after the grace. Only a group whose leader is still
 * the process recorded (never one that merely reuses the pid). True when it was there to end.
 */
export async function endGroup(
  id: ProcessIdentity,
  clock: Clock,
  graceMs = 5000
): Promise<boolean> {
  if (!stillLeading(id)) return false
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-id.pid, name)
    } catch {
      // Gone meanwhile.
    }
  }
  signal('SIGTERM')
  for (let waited = 0; waited < graceMs && stillLeading(id); waited += 100) await clock.sleep(100)
  // The rest of the group too (a member ignoring SIGTERM), even once its leader is gone: a
  // group id is not reused while the group has members.
  signal('SIGKILL')
  return true
}
