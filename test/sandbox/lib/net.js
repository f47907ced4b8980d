// Loopback networking helpers built on node:http / node:net: HTTP over TCP or a unix socket
// (the Docker API), "is this port free", and "does an SSH server answer here".
import http from 'node:http'
import net from 'node:net'

/**
 * One HTTP request. `url` for TCP, or `socketPath` + `path` for a unix socket. Resolves with
 * `{ status, headers, body }` (body as a string) for any status; rejects on network errors.
 */
export function httpRequest({
  url,
  socketPath,
  path,
  method = 'GET',
  headers = {},
  body,
  timeoutMs = 5000
}) {
  return new Promise((resolve, reject) => {
    const options = socketPath
      ? { socketPath, path, method, headers: { host: 'docker', ...headers } }
      : { method, headers }
    const req = socketPath ? http.request(options) : http.request(url, options)
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)))
    req.on('error', reject)
    req.on('response', (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (d) => (text += d))
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: text }))
      res.on('error', reject)
    })
    req.end(body)
  })
}

/** Docker Engine API call on a unix socket; returns parsed JSON, or null for an empty body. */
export async function dockerApi(socketPath, method, path, { timeoutMs = 10000 } = {}) {
  const res = await httpRequest({ socketPath, path, method, timeoutMs })
  if (res.status >= 400) {
    const err = new Error(`docker API ${method} ${path}: ${res.status} ${res.body.trim()}`)
    err.status = res.status
    throw err
  }
  return res.body && res.headers['content-type']?.includes('json') ? JSON.parse(res.body) : null
}

/** True when nothing listens on address:port (we could bind it). */
export function portIsFree(address, port) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once('error', () => resolve(false))
    server.listen({ host: address, port, exclusive: true }, () => server.close(() => resolve(true)))
  })
}

/** Connects and resolves with the first bytes the server sends (an SSH server sends "SSH-2.0-…"). */
export function readBanner(address, port, timeoutMs = 2000) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: address, port })
    const timer = setTimeout(() => socket.destroy(new Error('no banner')), timeoutMs)
    socket.once('data', (data) => {
      clearTimeout(timer)
      socket.destroy()
      resolve(data.toString('utf8'))
    })
    socket.once('error', (err) => {
      clearTimeout(timer)
      reject(err)
    })
  })
}

/** Throws a loud, actionable error when address:port is taken by something that is not ours. */
export async function assertPortFree(address, port, what) {
  if (await portIsFree(address, port)) return
  throw new Error(
    `${what}: ${address}:${port} is already in use by another process. ` +
      `Find it with \`ss -ltnp 'sport = :${port}'\` and stop it, then run up again.`
  )
}
