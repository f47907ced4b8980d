// A real process supervisor on each deploy host (Debian's `supervisor`, what the reference
// "git pull + restart" setups use): one supervisord per host, run as that host's user, with its
// own config, socket and logs under ~/supervisor. It runs the git demo app `blog` from
// ~/gantry/blog/current (not started until a release exists), bound to the host's APP_ADDR, so
// `target: git` can restart it with `supervisorctl -c ~/supervisor/supervisord.conf restart blog`.
import { chown, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { GIT_APP } from './config.js'
import { run, isOurs, spawnDaemon, stopProcess } from './lib/proc.js'
import { fatal, logTail, waitFor, writeIfChanged } from './lib/util.js'

const SUPERVISORD = '/usr/bin/supervisord'

export function supervisorLayout(h) {
  const dir = join(h.home, 'supervisor')
  return {
    dir,
    config: join(dir, 'supervisord.conf'),
    socket: join(dir, 'supervisor.sock'),
    log: join(dir, 'supervisord.log'),
    pidfile: join(dir, 'supervisord.pid'),
    appLog: join(dir, `${GIT_APP.name}.log`),
    key: `${h.name}.supervisord`
  }
}

/** The config, generated from the layout (paths under the sandbox dir are plain, no quoting needed). */
function supervisorConfig(h, s) {
  const current = join(h.home, GIT_APP.path.replace(/^~\//, ''), 'current')
  return [
    `; Gantry sandbox supervisord of ${h.name} (written by test/sandbox/supervisor.js)`,
    '[unix_http_server]',
    `file=${s.socket}`,
    'chmod=0700',
    `chown=${h.user}:${h.user}`,
    '',
    '[supervisord]',
    'nodaemon=true',
    `user=${h.user}`,
    `identifier=${h.name}`,
    `logfile=${s.log}`,
    'logfile_maxbytes=1MB',
    'logfile_backups=1',
    `pidfile=${s.pidfile}`,
    `childlogdir=${s.dir}`,
    `directory=${h.home}`,
    '',
    '[rpcinterface:supervisor]',
    'supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface',
    '',
    '[supervisorctl]',
    `serverurl=unix://${s.socket}`,
    '',
    `[program:${GIT_APP.name}]`,
    // cd at each start: the program runs whatever release `current` points at then.
    `command=/bin/sh -c 'cd ${current} && exec /usr/bin/python3 -u app.py'`,
    `environment=APP_ADDR="${h.appAddr}",HOME="${h.home}",USER="${h.user}"`,
    'autostart=false',
    'autorestart=unexpected',
    'startsecs=1',
    'startretries=1',
    'stopwaitsecs=5',
    'stopasgroup=true',
    'killasgroup=true',
    `stdout_logfile=${s.appLog}`,
    'stdout_logfile_maxbytes=1MB',
    'stdout_logfile_backups=1',
    'redirect_stderr=true',
    ''
  ].join('\n')
}

const ctl = (s, args) =>
  run('/usr/bin/supervisorctl', ['-c', s.config, ...args], { allowFail: true })

async function answers(s) {
  // `pid` prints supervisord's pid when its socket answers.
  const { code, stdout } = await ctl(s, ['pid'])
  return code === 0 && /^\d+$/.test(stdout.trim())
}

/** Starts the host's supervisord (again when its config changed); returns its pid. */
export async function ensureSupervisor(h, { pids, log, savePids }) {
  const s = supervisorLayout(h)
  const { stdout } = await run('getent', ['passwd', h.user])
  const [, , uid, gid] = stdout.trim().split(':').map(Number)
  await mkdir(s.dir, { recursive: true })
  await chown(s.dir, uid, gid)
  const changed = await writeIfChanged(s.config, supervisorConfig(h, s))
  const pid = pids[s.key]
  if (await isOurs(pid, s.config)) {
    if (!changed && (await answers(s))) return pid
    log(`${h.name}: supervisord config changed, restarting it`)
    await stopProcess(pid, s.config)
  }
  // -n: in the foreground, so the pid we spawned is supervisord's (it drops to the host's user).
  const newPid = spawnDaemon(SUPERVISORD, ['-n', '-c', s.config], {
    logFile: join(s.dir, 'stdout.log')
  })
  await savePids({ [s.key]: newPid })
  await waitFor(
    `supervisord of ${h.name}`,
    async () => {
      if (!(await isOurs(newPid, s.config))) throw fatal(`supervisord (pid ${newPid}) exited`)
      return answers(s)
    },
    { timeoutMs: 20000, intervalMs: 100, describe: () => logTail(s.log) }
  )
  return newPid
}

export const supervisorRunning = async (h, pid) => {
  const s = supervisorLayout(h)
  return (await isOurs(pid, s.config)) && answers(s)
}

export const stopSupervisor = (h, pids) =>
  stopProcess(pids[supervisorLayout(h).key], supervisorLayout(h).config)

/** The host's `supervisor` entry in the description. */
export function describeSupervisor(h) {
  const s = supervisorLayout(h)
  const config = `~/supervisor/supervisord.conf`
  return {
    config: s.config,
    socket: s.socket,
    program: GIT_APP.name,
    appLog: s.appLog,
    ctl: `supervisorctl -c ${config}`,
    restart: `supervisorctl -c ${config} restart ${GIT_APP.name}`
  }
}
