/**
 * `gantry agent install`: the systemd unit that runs the agent as an unprivileged user in the
 * docker group, written to --unit-dir. It prints what it wrote and the commands to run; it runs
 * no systemctl itself (installing a service is the operator's decision, and needs root).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import { quote } from '../lib/shell.js'
import type { AgentConfig } from './contract.js'

export const UNIT_NAME = 'gantry-agent.service'

export interface UnitOptions {
  /** Absolute path of the config file. */
  configFile: string
  config: Pick<AgentConfig, 'stateDir' | 'apps'>
  user: string
  /** The node binary and the gantry CLI script, absolute. */
  node: string
  bin: string
  /** The user's home (for the docker client's config when an app logs in to a registry). */
  home?: string
}

/**
 * An argument as systemd reads ExecStart= words: `%` doubled (a specifier otherwise), `$` doubled
 * (a variable otherwise), quoted when needed.
 */
export function systemdWord(word: string): string {
  return systemdQuoted(word.replaceAll('%', '%%').replaceAll('$', () => '$$'))
}

/** A path in ReadWritePaths=: specifiers apply (`%` doubled), variables do not. */
const pathWord = (path: string) => systemdQuoted(path.replaceAll('%', '%%'))

/** Double-quoted, with `"` and `\` escaped, unless nothing in it needs quoting. */
function systemdQuoted(word: string): string {
  if (/^[A-Za-z0-9_./:@+=,%$-]+$/.test(word)) return word
  return `"${word.replace(/(["\\])/g, '\\$1')}"`
}

/**
 * Where each app's releases live, absolute: ssh-deploy's `path` (default `~/gantry/<app>`), `~`
 * being the service user's home. Under ProtectSystem=strict a missing one would make every
 * deploy of that app fail with a read-only file system.
 */
function appDirs(config: UnitOptions['config'], home: string | undefined): string[] {
  return config.apps.map((a) => {
    const dir = a.inputs.path ?? `~/gantry/${a.name}`
    if (!home || isAbsolute(dir)) return dir
    // As over SSH, a path that is not absolute is in the user's home.
    return dir === '~' || dir.startsWith('~/') ? join(home, dir.slice(1)) : join(home, dir)
  })
}

/**
 * Where a git app's `build` keeps its caches (npm's, pip's and most tools' under ~/.cache): under
 * ProtectSystem=strict the home is read-only, and `npm ci` fails without them.
 */
function cacheDirs(options: Pick<UnitOptions, 'config' | 'home'>): string[] {
  const { home, config } = options
  if (!home || !config.apps.some((a) => a.target === 'git')) return []
  return [join(home, '.npm'), join(home, '.cache')]
}

export function unitFile(options: UnitOptions): string {
  const { config } = options
  const writable = [
    config.stateDir,
    ...appDirs(config, options.home),
    // `docker login` (apps with registry credentials) writes the client's config.
    ...(options.home && config.apps.some((a) => a.inputs['registry-username'] !== undefined)
      ? [join(options.home, '.docker')]
      : [])
  ]
  const paths = [
    ...[...new Set(writable)].map(pathWord),
    // `-`: a missing one is skipped instead of failing the start.
    ...cacheDirs(options).map((dir) => pathWord(`-${dir}`))
  ]
  return [
    '# Written by `gantry agent install`. The agent: webhooks and registry polling that deploy',
    '# on this host through the same engine, releases and lock as ssh-deploy.',
    '[Unit]',
    'Description=Gantry agent (pull-mode deploys)',
    'After=network-online.target docker.service',
    'Wants=network-online.target',
    '',
    '[Service]',
    'Type=simple',
    `User=${options.user}`,
    'Group=docker',
    `ExecStart=${[options.node, options.bin, 'agent', '--config', options.configFile].map(systemdWord).join(' ')}`,
    'Restart=on-failure',
    'RestartSec=2',
    // No NoNewPrivileges=: it makes every setuid program fail, `sudo` in a `restart:` command
    // first; the docker group gives the user root's power already, sudo only what sudoers grants.
    'ProtectSystem=strict',
    // Git's credentials and compose's temp files go to /tmp, read-only under ProtectSystem=strict.
    'PrivateTmp=yes',
    // Each path must exist when the service starts (systemd refuses a missing one).
    `ReadWritePaths=${paths.join(' ')}`,
    // SIGTERM to the agent alone: it lets a running step finish for up to 30 s, then ends the
    // step's process group (SIGTERM, SIGKILL 5 s later) and exits; what is left then (a daemon a
    // step started) gets SIGKILL. control-group would signal the step at once.
    'KillMode=mixed',
    // Above those 35 s: systemd's own SIGKILL to the whole group comes only after.
    'TimeoutStopSec=45',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    ''
  ].join('\n')
}

const USER_NAME = /^[a-z_][a-z0-9_-]{0,31}\$?$/

export function userProblem(user: string): string | undefined {
  return USER_NAME.test(user)
    ? undefined
    : `--user ${JSON.stringify(user)}: expected a user name (lowercase letters, digits, _ and -)`
}

/** Writes the unit; returns the lines to print. */
export async function installUnit(options: UnitOptions & { unitDir: string }): Promise<string[]> {
  await mkdir(options.unitDir, { recursive: true })
  const path = join(options.unitDir, UNIT_NAME)
  await writeFile(path, unitFile(options), { mode: 0o644 })
  const dirs = [
    options.config.stateDir,
    ...appDirs(options.config, options.home),
    ...cacheDirs(options)
  ]
  return [
    `wrote ${path} (User=${options.user}, Group=docker, ExecStart=${options.node} ${options.bin} agent --config ${options.configFile})`,
    ...(options.user === 'root'
      ? [
          'warning: the agent would run as root; give it an unprivileged user in the docker group (--user)'
        ]
      : []),
    'The directories it may write must exist and belong to that user:',
    `  install -d -o ${options.user} -g docker -m 0700 ${[...new Set(dirs)].map(quote).join(' ')}`,
    'Then start it:',
    '  systemctl daemon-reload && systemctl enable --now gantry-agent',
    '  journalctl -u gantry-agent -f'
  ]
}
