// A bounded loopback load client for the blue-green tests, the benchmark and the demo: N keep-alive
// clients (default 16), alternating GET and POST, each request recorded (when it started and
// ended, its status or socket error, which release served it). It stops by itself at `maxMs` or
// after `maxRequests`, whichever comes first, and refuses any address outside 127.0.0.0/8.
import http from 'node:http'
import { performance } from 'node:perf_hooks'

const RELEASE_HEADER = 'x-gantry-release'

/**
 * Starts the load; `stop()` ends it early. Both `stop()` and `done` resolve with the report.
 * Options: url (base, e.g. http://127.0.0.11:8000), clients (16), getPath ('/version'),
 * postPath ('/cgi-bin/echo'), headers, maxRequests (100 000), maxMs (60 000), paceMs (pause of
 * each client between its requests, 0), timeoutMs (per request, 5 000).
 */
export function startLoad(options) {
  const {
    url,
    clients = 16,
    getPath = '/version',
    postPath = '/cgi-bin/echo',
    headers = {},
    maxRequests = 100_000,
    maxMs = 60_000,
    paceMs = 0,
    timeoutMs = 5000
  } = options
  const base = new URL(url)
  if (!/^127\.\d+\.\d+\.\d+$/.test(base.hostname))
    throw new Error(`load: loopback addresses only (127.0.0.0/8), got ${base.hostname}`)
  if (!(maxMs > 0 && maxMs <= 600_000 && maxRequests > 0 && maxRequests <= 1_000_000))
    throw new Error('load: maxMs must be within 10 minutes and maxRequests within 1 000 000')
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients })
  const started = performance.now()
  const deadline = started + maxMs
  const samples = []
  let issued = 0
  let stopping = false
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

  const one = (method) =>
    new Promise((resolve) => {
      const t0 = performance.now()
      const body = method === 'POST' ? JSON.stringify({ n: issued }) : undefined
      const req = http.request(
        new URL(method === 'POST' ? postPath : getPath, base),
        {
          method,
          agent,
          headers: body
            ? { ...headers, 'content-type': 'application/json', 'content-length': body.length }
            : headers
        },
        (res) => {
          let text = ''
          res.setEncoding('utf8')
          res.on('data', (d) => (text += d))
          res.on('end', () => {
            const t1 = performance.now()
            samples.push({
              method,
              start: t0 - started,
              end: t1 - started,
              status: res.statusCode,
              release: res.headers[RELEASE_HEADER] ?? null,
              body: text.length <= 64 ? text.trim() : text.slice(0, 64)
            })
            resolve()
          })
          res.on('error', (error) => fail(error))
        }
      )
      const fail = (error) => {
        samples.push({
          method,
          start: t0 - started,
          end: performance.now() - started,
          status: 0,
          error: error.code ?? error.message,
          release: null
        })
        resolve()
      }
      req.setTimeout(timeoutMs, () =>
        req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' }))
      )
      req.on('error', fail)
      req.end(body)
    })

  const client = async (index) => {
    let method = index % 2 === 0 ? 'GET' : 'POST'
    while (!stopping && performance.now() < deadline && issued < maxRequests) {
      issued++
      await one(method)
      method = method === 'GET' ? 'POST' : 'GET'
      if (paceMs) await sleep(paceMs)
    }
  }
  const done = Promise.all(Array.from({ length: clients }, (_, i) => client(i))).then(() => {
    agent.destroy()
    return report(samples, performance.now() - started)
  })
  return {
    done,
    /** Milliseconds since the load started (the time base of the samples). */
    elapsed: () => performance.now() - started,
    stop: () => {
      stopping = true
      return done
    }
  }
}

const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0

/** Counts, failures by kind, latency percentiles and the releases that answered. */
export function report(samples, durationMs) {
  const failed = samples.filter((s) => s.status < 200 || s.status > 299)
  const failures = {}
  for (const s of failed) {
    const kind = s.error ?? `HTTP ${s.status}`
    failures[kind] = (failures[kind] ?? 0) + 1
  }
  const byRelease = {}
  for (const s of samples) if (s.release) byRelease[s.release] = (byRelease[s.release] ?? 0) + 1
  const latencies = samples.map((s) => s.end - s.start).sort((a, b) => a - b)
  return {
    requests: samples.length,
    failed: failed.length,
    failures,
    get: samples.filter((s) => s.method === 'GET').length,
    post: samples.filter((s) => s.method === 'POST').length,
    byRelease,
    p50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
    p99Ms: Math.round(percentile(latencies, 99) * 10) / 10,
    durationMs: Math.round(durationMs),
    samples
  }
}

/** Samples that started after `t` (ms on the load's clock) and were not answered by `release`. */
export function answeredByOtherThan(loadReport, release, t) {
  return loadReport.samples.filter((s) => s.start >= t && s.release !== release)
}
