/**
 * What the main step tells the post step (runner.saveState → STATE_* in the post step): the
 * registries it logged in to, and how, so the post step undoes exactly that and nothing else.
 */
export const STATE = {
  /** JSON array of registry hosts, saved after each login (a later failure still logs out). */
  registries: 'registries',
  /** `docker` (docker logout) or `config` (the entry written into the Docker config). */
  logoutVia: 'logout-via',
  /** DOCKER_CONFIG at login time ('' for ~/.docker), so logout edits the same file. */
  dockerConfig: 'docker-config'
} as const

export type LogoutVia = 'docker' | 'config'

export function parseRegistriesState(text: string): string[] {
  if (text.trim() === '') return []
  try {
    const value: unknown = JSON.parse(text)
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
  } catch {
    return []
  }
}
