/**
 * The per-app lock: a `coordination.k8s.io/v1` Lease named after the app, held by one run
 * (holder identity: repository, run, actor) until it is released or expires. Pure: what the
 * Lease says, and when it expires, from the object and the time.
 */
export const LEASE_PREFIX = 'gantry-deploy-'

/** A valid Lease name for the app: `gantry-deploy-<app>`, cut and cleaned to 253 characters. */
export function leaseName(app: string): string {
  const clean = app
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
  return `${LEASE_PREFIX}${clean || 'app'}`.slice(0, 253).replace(/[-.]+$/, '')
}

export interface LeaseView {
  holder?: string
  /** ms since the epoch; undefined when the Lease has no renew or acquire time. */
  expiresAt?: number
}

type Dict = Record<string, unknown>
const rec = (v: unknown): Dict =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Dict) : {}

export function leaseView(lease: Dict): LeaseView {
  const spec = rec(lease.spec)
  const holder =
    typeof spec.holderIdentity === 'string' && spec.holderIdentity !== ''
      ? spec.holderIdentity
      : undefined
  const since =
    typeof spec.renewTime === 'string'
      ? spec.renewTime
      : typeof spec.acquireTime === 'string'
        ? spec.acquireTime
        : undefined
  const duration =
    typeof spec.leaseDurationSeconds === 'number' ? spec.leaseDurationSeconds : undefined
  const start = since ? Date.parse(since) : NaN
  return {
    ...(holder ? { holder } : {}),
    ...(Number.isFinite(start) && duration !== undefined
      ? { expiresAt: start + duration * 1000 }
      : {})
  }
}

/** Free when nobody holds it, or the holder's time ran out (a run that died never released it). */
export function leaseIsFree(view: LeaseView, now: number): boolean {
  return view.holder === undefined || view.expiresAt === undefined || view.expiresAt <= now
}

/** Kubernetes MicroTime: RFC 3339 with microseconds. */
export const microTime = (ms: number): string =>
  new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')

export function leaseSpec(holder: string, now: number, durationSeconds: number): Dict {
  return {
    holderIdentity: holder,
    leaseDurationSeconds: durationSeconds,
    acquireTime: microTime(now),
    renewTime: microTime(now)
  }
}
