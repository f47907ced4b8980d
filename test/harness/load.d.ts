// Types for load.js.

export interface LoadOptions {
  /** Base URL on loopback, e.g. `http://127.0.0.11:8000`. */
  url: string
  /** Keep-alive clients (16). */
  clients?: number
  getPath?: string
  postPath?: string
  headers?: Record<string, string>
  maxRequests?: number
  maxMs?: number
  paceMs?: number
  timeoutMs?: number
}

export interface LoadSample {
  method: 'GET' | 'POST'
  /** Milliseconds since the load started. */
  start: number
  end: number
  /** 0 for a socket error or timeout. */
  status: number
  error?: string
  /** The `X-Gantry-Release` header, when the proxy set one. */
  release: string | null
  body?: string
}

export interface LoadReport {
  requests: number
  failed: number
  failures: Record<string, number>
  get: number
  post: number
  byRelease: Record<string, number>
  p50Ms: number
  p99Ms: number
  durationMs: number
  samples: LoadSample[]
}

export interface Load {
  done: Promise<LoadReport>
  elapsed(): number
  stop(): Promise<LoadReport>
}

export function startLoad(options: LoadOptions): Load
export function report(samples: LoadSample[], durationMs: number): LoadReport
export function answeredByOtherThan(report: LoadReport, release: string, t: number): LoadSample[]
