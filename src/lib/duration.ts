/** Durations for humans, the same in job summaries, logs and Slack messages. Pure. */

/** `42s`, `3m 12s`, `3m`, `1h 4m`, `2h`; a negative duration (clocks apart) is `0s`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  if (h > 0) return m > 0 ? `${h}h ${m}m` : `${h}h`
  if (m > 0) return s > 0 ? `${m}m ${s}s` : `${m}m`
  return `${s}s`
}
