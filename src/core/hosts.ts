/** Deploy targets written as `user@host[:port]` (IPv6 as `user@[::1]:22`). */
export interface HostSpec {
  user: string
  host: string
  port: number
}

const USER = /^[a-z_][a-z0-9_.-]*\$?$/i
const HOSTNAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/

export const HOST_SPEC_EXPECTED = '`user@host` or `user@host:port`, e.g. `deploy@10.0.1.5:22`'

export function parseHostSpec(text: string): HostSpec | undefined {
  const m = /^([^@\s]+)@(\[[0-9A-Fa-f:.]+\]|[^:@\s[\]]+)(?::(\d{1,5}))?$/.exec(text.trim())
  if (!m) return undefined
  const [, user = '', rawHost = '', rawPort] = m
  const port = rawPort === undefined ? 22 : Number(rawPort)
  const host = rawHost.startsWith('[') ? rawHost.slice(1, -1) : rawHost
  if (!USER.test(user) || port < 1 || port > 65535) return undefined
  if (!rawHost.startsWith('[') && !HOSTNAME.test(host)) return undefined
  return { user, host, port }
}

export function formatHostSpec(spec: HostSpec): string {
  const host = spec.host.includes(':') ? `[${spec.host}]` : spec.host
  return `${spec.user}@${host}${spec.port === 22 ? '' : `:${spec.port}`}`
}
