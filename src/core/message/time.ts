/** Durations for humans, and the start times users can pass in (ISO 8601 or Unix time). */
import { formatDuration } from '../../lib/duration.js'

/**
 * Epoch milliseconds of `2026-11-22T15:04:05Z`, Unix seconds (`1795791845`, as `date +%s`
 * prints) or milliseconds (13 digits, as `Date.now()`); undefined when it is none of these.
 */
export function parseStartTime(text: string): number | undefined {
  const value = text.trim()
  if (/^\d{9,11}$/.test(value)) return Number(value) * 1000
  if (/^\d{12,14}$/.test(value)) return Number(value)
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value)) return undefined
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? undefined : ms
}

/** A `duration` input: whole seconds become `3m 12s`; any other text is shown as given. */
export function durationText(text: string): string {
  return /^\d+$/.test(text.trim()) ? formatDuration(Number(text.trim()) * 1000) : text.trim()
}
