/**
 * Signed webhooks: what `notify` sends to a json:// or jsons:// target when `signing-secret` is
 * set, and what a receiver (the host agent) checks before it acts. One module for both sides, so
 * they cannot drift. Pure: HMAC is computation, not I/O (the one node: import src/core allows).
 *
 *   X-Gantry-Timestamp: 1795791845                    Unix seconds when the delivery was signed
 *   X-Gantry-Delivery:  7c0e8e9a-…                    unique per delivery, the same on retries
 *   X-Gantry-Signature: sha256=<hex>                  HMAC-SHA256(secret, "<timestamp>.<delivery>.<body>")
 *
 * The delivery id is inside the signed text: a replay cannot pass as a new delivery by changing
 * it. A receiver refuses a timestamp outside its tolerance window and a delivery id it has seen
 * within that window, so a captured request is good once, for minutes at most.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export const SIGNATURE_HEADER = 'X-Gantry-Signature'
export const TIMESTAMP_HEADER = 'X-Gantry-Timestamp'
export const DELIVERY_HEADER = 'X-Gantry-Delivery'
export const SIGNATURE_PREFIX = 'sha256='
/** Five minutes either side: enough for clock skew and our retries, short for a replay. */
export const DEFAULT_TOLERANCE_SECONDS = 300

export function signedText(timestamp: number, deliveryId: string, body: string): string {
  return `${timestamp}.${deliveryId}.${body}`
}

function hmacHex(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex')
}

/** The three headers of one delivery. */
export function signWebhook(options: {
  secret: string
  body: string
  /** Unix seconds. */
  timestamp: number
  deliveryId: string
}): Record<string, string> {
  const { secret, body, timestamp, deliveryId } = options
  if (!/^[\w.:-]{1,128}$/.test(deliveryId))
    throw new Error('a delivery id is 1-128 of [A-Za-z0-9_.:-]')
  return {
    [TIMESTAMP_HEADER]: String(timestamp),
    [DELIVERY_HEADER]: deliveryId,
    [SIGNATURE_HEADER]: SIGNATURE_PREFIX + hmacHex(secret, signedText(timestamp, deliveryId, body))
  }
}

export type VerifyResult =
  | { ok: true; deliveryId: string; timestamp: number }
  | {
      ok: false
      reason: 'missing-header' | 'bad-timestamp' | 'stale' | 'bad-signature' | 'replayed'
      detail: string
    }

/** Remembers delivery ids for the tolerance window, so each is accepted once. */
export class ReplayGuard {
  private readonly seen = new Map<string, number>()
  constructor(private readonly windowSeconds: number = DEFAULT_TOLERANCE_SECONDS) {}

  /** True the first time an id is offered within the window; false for a replay. */
  accept(deliveryId: string, nowSeconds: number): boolean {
    for (const [id, at] of this.seen)
      if (at < nowSeconds - 2 * this.windowSeconds) this.seen.delete(id)
    if (this.seen.has(deliveryId)) return false
    this.seen.set(deliveryId, nowSeconds)
    return true
  }

  get size(): number {
    return this.seen.size
  }
}

/**
 * Checks one request. `headers` is looked up case-insensitively; `secrets` may hold the current
 * and the previous secret while one is being rotated. The signature is compared in constant time.
 * Only a request whose signature is good reaches the replay guard, so forged ids fill nothing.
 */
export function verifyWebhook(options: {
  secrets: string[]
  headers: Readonly<Record<string, string | string[] | undefined>>
  body: string
  nowSeconds: number
  toleranceSeconds?: number
  replay?: ReplayGuard
}): VerifyResult {
  const header = (name: string) => {
    const key = Object.keys(options.headers).find((k) => k.toLowerCase() === name.toLowerCase())
    const value = key === undefined ? undefined : options.headers[key]
    return Array.isArray(value) ? value[0] : value
  }
  const timestampText = header(TIMESTAMP_HEADER)
  const deliveryId = header(DELIVERY_HEADER)
  const signature = header(SIGNATURE_HEADER)
  if (timestampText === undefined || deliveryId === undefined || signature === undefined) {
    const missing = [TIMESTAMP_HEADER, DELIVERY_HEADER, SIGNATURE_HEADER].filter(
      (h) => header(h) === undefined
    )
    return { ok: false, reason: 'missing-header', detail: `missing ${missing.join(', ')}` }
  }
  if (!/^\d{1,12}$/.test(timestampText))
    return { ok: false, reason: 'bad-timestamp', detail: `${TIMESTAMP_HEADER} is not Unix seconds` }
  const timestamp = Number(timestampText)
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS
  if (Math.abs(options.nowSeconds - timestamp) > tolerance)
    return {
      ok: false,
      reason: 'stale',
      detail: `${TIMESTAMP_HEADER} is ${options.nowSeconds - timestamp} s from now (tolerance ${tolerance} s)`
    }
  const given = signature.startsWith(SIGNATURE_PREFIX)
    ? signature.slice(SIGNATURE_PREFIX.length)
    : ''
  const givenBytes = /^[0-9a-f]{64}$/.test(given) ? Buffer.from(given, 'hex') : Buffer.alloc(32)
  let match = false
  for (const secret of options.secrets) {
    const expected = Buffer.from(
      hmacHex(secret, signedText(timestamp, deliveryId, options.body)),
      'hex'
    )
    // Every secret is tried (no early exit), so timing says nothing about which one matched.
    if (timingSafeEqual(expected, givenBytes) && given.length === 64) match = true
  }
  if (!match)
    return { ok: false, reason: 'bad-signature', detail: `${SIGNATURE_HEADER} does not match` }
  if (options.replay && !options.replay.accept(deliveryId, options.nowSeconds))
    return { ok: false, reason: 'replayed', detail: `delivery ${deliveryId} was already accepted` }
  return { ok: true, deliveryId, timestamp }
}
