// Deploy hosts. Host i is a loopback address 127.0.0.(10+i) with its own sshd on port 22, its own
// ed25519 host key, its own unix user (home under the sandbox dir) and its own dockerd whose
// socket only that user can use. sshd's SetEnv hands every session DOCKER_HOST and APP_ADDR, so
// `docker …` and `docker-compose …` over ssh reach that host's engine and one compose file fits
// every host.
import { Buffer } from 'node:buffer'
import { createHash } from 'node:crypto'
import { chmod, chown, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { HOST_APP_PORT, USER_COMMENT_PREFIX, hostIdentity } from './config.js'
import { engineLayout, ensureEngine, stopEngine } from './engine.js'
import { assertPortFree, readBanner } from './lib/net.js'
import { cmdlineOf, isOurs, run, spawnDaemon, stopProcess } from './lib/proc.js'
import { fatal, logTail, waitFor, writeIfChanged } from './lib/util.js'

const SSHD = '/usr/sbin/sshd' // sshd re-execs itself, so it must be started by absolute path

export function hostLayout(hostsDir, i) {
  const id = hostIdentity(i)
  return layoutOf(id, join(hostsDir, id.name))
}

/**
 * The paths of a host with identity `id` (name, user, address, port) under `root`;
 * `addressPool`: its engine's loopback pool (the swarm manager has its own).
 */
export function layoutOf(id, root, { addressPool } = {}) {
  const appAddr = `${id.address}:${HOST_APP_PORT}`
  return {
    ...id,
    root,
    home: join(root, 'home'),
    hostKey: join(root, 'ssh_host_ed25519_key'),
    authorizedKeys: join(root, 'authorized_keys'),
    knownHostsFile: join(root, 'known_hosts'),
    sshdConfig: join(root, 'sshd_config'),
    sshdLog: join(root, 'sshd.log'),
    sshdPid: join(root, 'sshd.pid'),
    appAddr,
    appUrl: `http://${appAddr}`,
    // The socket belongs to the host user's own group: usable by that user and root only.
    engine: engineLayout(join(root, 'docker'), { group: id.user, addressPool })
  }
}

const passwdEntry = async (user) => {
  const { code, stdout } = await run('getent', ['passwd', user], { allowFail: true })
  if (code !== 0) return null
  const [name, , uid, gid, comment, home, shell] = stdout.trim().split(':')
  return { name, uid: Number(uid), gid: Number(gid), comment, home, shell }
}

/**
 * Creates the host's unix user (or adopts one a previous sandbox created, recognised by its
 * comment). Must run one host at a time: useradd locks /etc/passwd.
 */
export async function ensureUser(h, { groups = ['docker'] } = {}) {
  const comment = `${USER_COMMENT_PREFIX} ${h.name}`
  let entry = await passwdEntry(h.user)
  if (entry && entry.comment !== comment) {
    throw new Error(
      `user ${h.user} already exists and was not created by the sandbox (comment "${entry.comment}"); remove it or free the name`
    )
  }
  if (!entry) {
    // -p '*': not locked ("!"), so sshd with UsePAM no lets it log in with a key; no password works.
    // /bin/sh: dash starts fast and reads no rc file for `ssh host cmd`.
    await run('useradd', [
      '-M',
      '-d',
      h.home,
      '-s',
      '/bin/sh',
      '-c',
      comment,
      '-U',
      ...(groups.length ? ['-G', groups.join(',')] : []),
      '-p',
      '*',
      h.user
    ])
    entry = await passwdEntry(h.user)
  } else if (entry.home !== h.home) {
    await run('usermod', ['-d', h.home, h.user])
  }
  await mkdir(h.home, { recursive: true })
  await chown(h.home, entry.uid, entry.gid)
  await chmod(h.home, 0o750)
}

/**
 * Removes a user the sandbox created (recognised by its comment). Its processes (ssh sessions
 * and what they started on this "host") are ended first, or userdel would refuse.
 */
export async function removeUser(user, log) {
  const entry = await passwdEntry(user)
  if (!entry || !entry.comment.startsWith(USER_COMMENT_PREFIX)) return
  await endProcessesOf(entry.uid, log)
  await run('userdel', [user]) // also drops its group; the home goes with the sandbox dir
}

async function endProcessesOf(uid, log) {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const owner = (await stat(`/proc/${entry}`).catch(() => null))?.uid
    const cmdline = owner === uid ? await cmdlineOf(Number(entry)) : null
    if (!cmdline) continue
    log(`ending process ${entry} of ${uid}: ${cmdline}`)
    await stopProcess(Number(entry), cmdline, { timeoutMs: 3000 })
  }
}

function sshdConfig(h) {
  return [
    `# Gantry sandbox deploy host ${h.name} (written by test/sandbox/hosts.js)`,
    `ListenAddress ${h.address}:${h.port}`,
    `HostKey ${h.hostKey}`,
    `PidFile ${h.sshdPid}`,
    `AuthorizedKeysFile ${h.authorizedKeys}`,
    `AllowUsers ${h.user}`,
    'PermitRootLogin no',
    'PubkeyAuthentication yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'UsePAM no', // no PAM stack to configure; hence the unlocked account (see ensureUser)
    'StrictModes no', // keys live under /tmp, which is world-writable
    'MaxStartups 100:30:200', // the default 10:30:100 drops parallel deploys' connections
    'PrintMotd no',
    'PrintLastLog no',
    'X11Forwarding no',
    `SetEnv DOCKER_HOST=${h.engine.dockerHost} APP_ADDR=${h.appAddr} GANTRY_SANDBOX_HOST=${h.name}`,
    'Subsystem sftp /usr/lib/openssh/sftp-server',
    ''
  ].join('\n')
}

/** `SHA256:…` exactly as `ssh-keygen -lf` prints it: base64 of the key blob's sha256, unpadded. */
export function fingerprint(publicKeyLine) {
  const blob = Buffer.from(publicKeyLine.trim().split(/\s+/)[1], 'base64')
  return 'SHA256:' + createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')
}

/** Brings one host up (engine + sshd); `pids` holds and receives `<name>.dockerd`/`<name>.sshd`. */
export async function ensureHost(h, { clientPublicKey, pids, log, savePids }) {
  await mkdir(h.root, { recursive: true })
  await chmod(h.root, 0o755)
  if (!(await readFile(`${h.hostKey}.pub`, 'utf8').catch(() => null))) {
    await rm(h.hostKey, { force: true })
    await run('ssh-keygen', [
      '-q',
      '-t',
      'ed25519',
      '-N',
      '',
      '-C',
      `${h.name}.gantry-sandbox`,
      '-f',
      h.hostKey
    ])
  }
  const hostPub = await readFile(`${h.hostKey}.pub`, 'utf8')
  await writeIfChanged(h.authorizedKeys, clientPublicKey)
  await writeIfChanged(h.knownHostsFile, knownHostsLine(h, hostPub) + '\n')

  pids[`${h.name}.dockerd`] = await ensureEngine(h.engine, pids[`${h.name}.dockerd`], {
    log,
    onSpawn: (pid) => savePids({ [`${h.name}.dockerd`]: pid })
  })
  pids[`${h.name}.sshd`] = await ensureSshd(h, pids[`${h.name}.sshd`], { log, savePids })
}

/** Starts (or restarts, when its config changed) the sshd of `h`; `config` defaults to a deploy host's. */
export async function ensureSshd(h, pid, { log, savePids, config = sshdConfig(h) }) {
  const changed = await writeIfChanged(h.sshdConfig, config)
  if (await isOurs(pid, h.sshdConfig)) {
    if (!changed) {
      await waitSshd(h, pid)
      return pid
    }
    log(`${h.name}: sshd config changed, restarting sshd`)
    await stopProcess(pid, h.sshdConfig)
  }
  await assertPortFree(h.address, h.port, `sshd of host ${h.name}`)
  // -D: stay in the foreground so the pid we spawned is sshd's listener.
  const newPid = spawnDaemon(SSHD, ['-D', '-f', h.sshdConfig, '-E', h.sshdLog], {
    logFile: h.sshdLog
  })
  await savePids({ [`${h.name}.sshd`]: newPid })
  await waitSshd(h, newPid)
  return newPid
}

async function waitSshd(h, pid) {
  await waitFor(
    `sshd of ${h.name} on ${h.address}:${h.port}`,
    async () => {
      if (!(await isOurs(pid, h.sshdConfig))) throw fatal(`sshd (pid ${pid}) exited`)
      return (await readBanner(h.address, h.port)).startsWith('SSH-')
    },
    { timeoutMs: 20000, describe: () => logTail(h.sshdLog) }
  )
}

/** One known_hosts line (port 22 needs no [addr]:port form). */
export function knownHostsLine(h, hostPub) {
  const [type, key] = hostPub.trim().split(/\s+/)
  const target = h.port === 22 ? h.address : `[${h.address}]:${h.port}`
  return `${target} ${type} ${key}`
}

/** Stops the host's sshd and engine (containers first). Safe to run for many hosts at once. */
export async function stopHost(h, pids) {
  await stopProcess(pids[`${h.name}.sshd`], h.sshdConfig)
  await stopEngine(h.engine, pids[`${h.name}.dockerd`])
  delete pids[`${h.name}.sshd`]
  delete pids[`${h.name}.dockerd`]
}

/** Removes the host's user and directory; one host at a time (userdel locks /etc/passwd). */
export async function removeHostFiles(h, log) {
  await removeUser(h.user, log)
  await rm(h.root, { recursive: true, force: true })
}

/** The host's entry in the sandbox description. */
export async function describeHost(h, privateKeyPath) {
  const hostPub = await readFile(`${h.hostKey}.pub`, 'utf8')
  return {
    name: h.name,
    address: h.address,
    port: h.port,
    user: h.user,
    privateKeyPath,
    knownHosts: knownHostsLine(h, hostPub),
    knownHostsFile: h.knownHostsFile,
    fingerprint: fingerprint(hostPub),
    dockerHost: h.engine.dockerHost,
    appAddr: h.appAddr,
    appUrl: h.appUrl,
    home: h.home
  }
}
