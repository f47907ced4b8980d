/** AppConfigs as parseAgentConfig makes them, for the server-side agent tests. */
import type { AppConfig } from '../../../src/agent/contract.js'

export const GITHUB_SECRET = 'gh-webhook-s3cret'
export const GANTRY_SECRET = 'gantry-signing-s3cret'
export const REGISTRY_SECRET = 'registry-notify-s3cret'
export const HARBOR_SECRET = 'harbor-auth-s3cret'
export const TOKEN_SECRET = 'url-token-s3cret'

export function composeApp(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    name: 'shop',
    target: 'compose',
    strategy: 'recreate',
    inputs: { app: 'shop', target: 'compose', strategy: 'recreate', path: '/srv/gantry/shop' },
    image: { registry: '127.0.0.1:5000', repository: 'shop', reference: '127.0.0.1:5000/shop' },
    tags: ['v*', 'latest'],
    stepTimeoutMs: 600_000,
    triggers: {
      github: { secret: GITHUB_SECRET },
      gantry: { secret: GANTRY_SECRET },
      registry: { header: 'Authorization', value: `Bearer ${REGISTRY_SECRET}` },
      harbor: { value: HARBOR_SECRET },
      token: { secret: TOKEN_SECRET }
    },
    notify: [],
    ...overrides
  }
}

export function gitApp(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    name: 'blog',
    target: 'git',
    strategy: 'recreate',
    inputs: { app: 'blog', target: 'git', strategy: 'recreate', repository: '/srv/git/blog.git' },
    tags: [],
    branch: 'main',
    stepTimeoutMs: 600_000,
    triggers: { github: { secret: GITHUB_SECRET }, token: { secret: TOKEN_SECRET } },
    notify: [],
    ...overrides
  }
}
