// A real Kubernetes API server on loopback (testbed §12): etcd, kube-apiserver and
// kube-controller-manager built from Debian's source (k8s-build.js, cached per machine), a
// stand-in kubelet (k8s-kubelet.js) and an EKS-style token authenticator (k8s-eks-auth.js) the
// apiserver's token webhook calls. Everything listens on 127.0.0.1; the service range is set
// (the apiserver needs one) and nothing sends traffic to it. Additive: its own directory, its
// own description file (kubernetes.json) next to the sandbox's, pids in the shared state.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import https from 'node:https'
import { join } from 'node:path'
import process from 'node:process'
import { SOURCE_DIR } from './config.js'
import { ensureKubernetesBinaries, findCached } from './k8s-build.js'
import { ensurePackages } from './packages.js'
import { assertPortFree, httpRequest, portIsFree } from './lib/net.js'
import { cleanEnv, isOurs, run, spawnDaemon, stopProcess } from './lib/proc.js'
import {
  fatal,
  logTail,
  randomToken,
  sleep,
  waitFor,
  writeIfChanged,
  writeJsonAtomic
} from './lib/util.js'

export const K8S = {
  address: '127.0.0.1',
  etcdClientPort: 23790,
  etcdPeerPort: 23800,
  apiserverPort: 16443,
  controllerManagerPort: 10257,
  eksAuthPort: 16444,
  serviceRange: '10.96.0.0/24',
  /** What the EKS tests pass as `cluster-name`; only its form is checked (it is signed). */
  eksClusterName: 'gantry-sandbox'
}

export function k8sLayout(stateDirectory) {
  const dir = join(stateDirectory, 'kubernetes')
  return {
    dir,
    description: join(dir, 'kubernetes.json'),
    certs: join(dir, 'certs'),
    caCert: join(dir, 'certs', 'ca.crt'),
    caKey: join(dir, 'certs', 'ca.key'),
    serverCert: join(dir, 'certs', 'apiserver.crt'),
    serverKey: join(dir, 'certs', 'apiserver.key'),
    saKey: join(dir, 'certs', 'sa.key'),
    saPub: join(dir, 'certs', 'sa.pub'),
    tokens: join(dir, 'tokens.csv'),
    adminToken: join(dir, 'admin.token'),
    kubeconfig: join(dir, 'admin.kubeconfig'),
    webhookConfig: join(dir, 'eks-webhook.kubeconfig'),
    etcdData: join(dir, 'etcd-data'),
    kubeletConfig: join(dir, 'kubelet.json'),
    eksAuthConfig: join(dir, 'eks-auth.json'),
    logs: {
      etcd: join(dir, 'etcd.log'),
      apiserver: join(dir, 'apiserver.log'),
      controllerManager: join(dir, 'controller-manager.log'),
      kubelet: join(dir, 'kubelet.log'),
      eksAuth: join(dir, 'eks-auth.log')
    },
    server: `https://${K8S.address}:${K8S.apiserverPort}`,
    eksAuthUrl: `http://${K8S.address}:${K8S.eksAuthPort}`
  }
}

const openssl = (args, cwd) => run('openssl', args, { cwd, timeoutMs: 60000 })

/** A CA, the apiserver's serving certificate (IP SAN 127.0.0.1), the service-account key pair. */
async function ensureCertificates(k) {
  await mkdir(k.certs, { recursive: true, mode: 0o700 })
  if (!existsSync(k.caCert)) {
    await openssl([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '3650',
      '-subj',
      '/CN=gantry-sandbox-kubernetes-ca',
      '-keyout',
      k.caKey,
      '-out',
      k.caCert
    ])
  }
  if (!existsSync(k.serverCert)) {
    const ext = join(k.certs, 'apiserver.ext')
    await writeFile(
      ext,
      'subjectAltName=IP:127.0.0.1,DNS:localhost,IP:10.96.0.1,DNS:kubernetes.default.svc\n'
    )
    const csr = join(k.certs, 'apiserver.csr')
    await openssl([
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      '/CN=kube-apiserver',
      '-keyout',
      k.serverKey,
      '-out',
      csr
    ])
    await openssl([
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      k.caCert,
      '-CAkey',
      k.caKey,
      '-CAcreateserial',
      '-days',
      '3650',
      '-extfile',
      ext,
      '-out',
      k.serverCert
    ])
  }
  if (!existsSync(k.saPub)) {
    await openssl(['genrsa', '-out', k.saKey, '2048'])
    await openssl(['rsa', '-in', k.saKey, '-pubout', '-out', k.saPub])
  }
}

/** The admin token (system:masters), a token file, kubeconfigs for the admin and the webhook. */
async function ensureCredentials(k) {
  let token = (await readFile(k.adminToken, 'utf8').catch(() => '')).trim()
  if (!token) {
    token = `gantry-admin-${randomToken(16)}`
    await writeFile(k.adminToken, token + '\n', { mode: 0o600 })
  }
  await writeIfChanged(k.tokens, `${token},gantry-admin,gantry-admin,system:masters\n`, 0o600)
  const ca = Buffer.from(await readFile(k.caCert)).toString('base64')
  await writeIfChanged(
    k.kubeconfig,
    kubeconfig({ server: k.server, ca, user: 'gantry-admin', token, context: 'gantry-sandbox' }),
    0o600
  )
  // The apiserver calls the authenticator with the kubeconfig format; plain http on loopback.
  await writeIfChanged(
    k.webhookConfig,
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: eks-auth',
      '  cluster:',
      `    server: ${k.eksAuthUrl}/authenticate`,
      'users:',
      '- name: apiserver',
      'contexts:',
      '- name: webhook',
      '  context: {cluster: eks-auth, user: apiserver}',
      'current-context: webhook',
      ''
    ].join('\n')
  )
  return token
}

export function kubeconfig({ server, ca, user, token, context, namespace }) {
  return (
    JSON.stringify(
      {
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: context, cluster: { server, 'certificate-authority-data': ca } }],
        users: [{ name: user, user: { token } }],
        contexts: [
          {
            name: context,
            context: { cluster: context, user, ...(namespace ? { namespace } : {}) }
          }
        ],
        'current-context': context
      },
      null,
      2
    ) + '\n'
  )
}

function apiGet(k, token, path, ca) {
  return new Promise((resolve, reject) => {
    const req = https.request(`${k.server}${path}`, {
      ca,
      headers: { authorization: `Bearer ${token}` },
      timeout: 3000
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', reject)
    req.on('response', (res) => {
      let body = ''
      res.on('data', (d) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode, body }))
    })
    req.end()
  })
}

/**
 * Starts the daemon `key` unless our process with the same arguments runs. Arguments are
 * recorded in `<dir>/<key>.args.json`: a change (new binary, new flag) restarts it.
 */
async function ensureDaemon(
  k,
  key,
  { cmd, args, marker, log, pids, onSpawn, logFile, ready, port }
) {
  const argsFile = join(k.dir, `${key}.args.json`)
  const changed = await writeIfChanged(argsFile, JSON.stringify([cmd, ...args]) + '\n')
  const pid = pids[key]
  if (await isOurs(pid, marker)) {
    if (!changed && (await ready().catch(() => false))) return pid
    log(`${key}: ${changed ? 'arguments changed' : 'not answering'}, restarting`)
    await stopProcess(pid, marker)
  }
  if (port) {
    // A daemon just stopped may still hold its port for a moment (seen with the stand-ins).
    for (let i = 0; i < 40 && !(await portIsFree(K8S.address, port)); i++) await sleep(100)
    await assertPortFree(K8S.address, port, key)
  }
  const newPid = spawnDaemon(cmd, args, { logFile, env: cleanEnv() })
  await onSpawn(newPid)
  await waitFor(
    key,
    async () => {
      if (!(await isOurs(newPid, marker))) throw fatal(`${key} (pid ${newPid}) exited`)
      return ready()
    },
    { timeoutMs: 90000, intervalMs: 250, describe: async () => `\n${await logTail(logFile)}` }
  )
  return newPid
}

/** Builds (once per machine) and starts the cluster; returns its description. */
export async function ensureKubernetes(k, { pids, log, onSpawn }) {
  const bins = await ensureKubernetesBinaries({
    log,
    ensurePackages: (names) => ensurePackages(log, names)
  })
  await mkdir(k.dir, { recursive: true })
  await ensureCertificates(k)
  const token = await ensureCredentials(k)
  const ca = await readFile(k.caCert)
  const recorder = (key) => (pid) => onSpawn({ [key]: pid })
  const a = K8S.address

  const etcdUrl = `http://${a}:${K8S.etcdClientPort}`
  pids['k8s.etcd'] = await ensureDaemon(k, 'k8s.etcd', {
    cmd: bins.etcd,
    args: [
      '--name',
      'gantry-sandbox',
      '--data-dir',
      k.etcdData,
      '--listen-client-urls',
      etcdUrl,
      '--advertise-client-urls',
      etcdUrl,
      '--listen-peer-urls',
      `http://${a}:${K8S.etcdPeerPort}`,
      '--initial-advertise-peer-urls',
      `http://${a}:${K8S.etcdPeerPort}`,
      '--initial-cluster',
      `gantry-sandbox=http://${a}:${K8S.etcdPeerPort}`,
      '--listen-metrics-urls',
      `http://${a}:23810`
    ],
    marker: k.etcdData,
    port: K8S.etcdClientPort,
    log,
    pids,
    onSpawn: recorder('k8s.etcd'),
    logFile: k.logs.etcd,
    ready: async () =>
      (await httpRequest({ url: `${etcdUrl}/health`, timeoutMs: 2000 })).status === 200
  })

  pids['k8s.apiserver'] = await ensureDaemon(k, 'k8s.apiserver', {
    cmd: bins.apiserver,
    args: [
      `--etcd-servers=${etcdUrl}`,
      `--bind-address=${a}`,
      `--advertise-address=${a}`,
      `--secure-port=${K8S.apiserverPort}`,
      '--insecure-port=0',
      `--cert-dir=${k.certs}`,
      `--tls-cert-file=${k.serverCert}`,
      `--tls-private-key-file=${k.serverKey}`,
      `--token-auth-file=${k.tokens}`,
      `--authentication-token-webhook-config-file=${k.webhookConfig}`,
      '--authentication-token-webhook-cache-ttl=10s',
      '--authorization-mode=RBAC',
      '--anonymous-auth=false',
      '--service-account-issuer=https://kubernetes.default.svc',
      `--service-account-key-file=${k.saPub}`,
      `--service-account-signing-key-file=${k.saKey}`,
      `--service-cluster-ip-range=${K8S.serviceRange}`,
      '--enable-admission-plugins=NamespaceLifecycle,ServiceAccount',
      '--profiling=false'
    ],
    marker: k.certs,
    port: K8S.apiserverPort,
    log,
    pids,
    onSpawn: recorder('k8s.apiserver'),
    logFile: k.logs.apiserver,
    ready: async () => (await apiGet(k, token, '/readyz', ca)).status === 200
  })

  pids['k8s.controller-manager'] = await ensureDaemon(k, 'k8s.controller-manager', {
    cmd: bins.controllerManager,
    args: [
      `--kubeconfig=${k.kubeconfig}`,
      `--bind-address=${a}`,
      `--secure-port=${K8S.controllerManagerPort}`,
      '--port=0',
      `--cert-dir=${join(k.dir, 'kcm-certs')}`,
      '--leader-elect=false',
      `--service-account-private-key-file=${k.saKey}`,
      `--root-ca-file=${k.caCert}`,
      '--controllers=deployment,replicaset,namespace,serviceaccount,serviceaccount-token,garbagecollector'
    ],
    marker: k.kubeconfig,
    port: K8S.controllerManagerPort,
    log,
    pids,
    onSpawn: recorder('k8s.controller-manager'),
    logFile: k.logs.controllerManager,
    // Ready once the default service account exists: the serviceaccount controller runs.
    ready: async () =>
      (await apiGet(k, token, '/api/v1/namespaces/default/serviceaccounts/default', ca)).status ===
      200
  })

  await writeIfChanged(
    k.kubeletConfig,
    JSON.stringify({ server: k.server, caFile: k.caCert, tokenFile: k.adminToken }) + '\n'
  )
  const kubeletScript = join(SOURCE_DIR, 'k8s-kubelet.js')
  pids['k8s.kubelet'] = await ensureDaemon(k, 'k8s.kubelet', {
    cmd: process.execPath,
    args: [kubeletScript, k.kubeletConfig, `# ${await codeHash(kubeletScript)}`],
    marker: k.kubeletConfig,
    log,
    pids,
    onSpawn: recorder('k8s.kubelet'),
    logFile: k.logs.kubelet,
    ready: async () => (await readFile(k.logs.kubelet, 'utf8')).includes('kubelet stand-in')
  })

  await writeIfChanged(
    k.eksAuthConfig,
    JSON.stringify({ address: a, port: K8S.eksAuthPort }) + '\n'
  )
  const authScript = join(SOURCE_DIR, 'k8s-eks-auth.js')
  pids['k8s.eks-auth'] = await ensureDaemon(k, 'k8s.eks-auth', {
    cmd: process.execPath,
    args: [authScript, k.eksAuthConfig, `# ${await codeHash(authScript)}`],
    marker: k.eksAuthConfig,
    port: K8S.eksAuthPort,
    log,
    pids,
    onSpawn: recorder('k8s.eks-auth'),
    logFile: k.logs.eksAuth,
    ready: async () =>
      (await httpRequest({ url: `${k.eksAuthUrl}/_sandbox/health`, timeoutMs: 2000 })).status ===
      200
  })

  const description = describeKubernetes(k, bins, token)
  await writeJsonAtomic(k.description, description, 0o600)
  return description
}

async function codeHash(path) {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex')
    .slice(0, 16)
}

export function describeKubernetes(k, bins, token) {
  return {
    server: k.server,
    version: bins.meta.version,
    binaries: bins.dir,
    kubeconfigPath: k.kubeconfig,
    caFile: k.caCert,
    token,
    eks: { clusterName: K8S.eksClusterName, authenticatorUrl: k.eksAuthUrl },
    serviceRange: K8S.serviceRange,
    logs: k.logs
  }
}

const DAEMONS = [
  ['k8s.eks-auth', (k) => k.eksAuthConfig],
  ['k8s.kubelet', (k) => k.kubeletConfig],
  ['k8s.controller-manager', (k) => k.kubeconfig],
  ['k8s.apiserver', (k) => k.certs],
  ['k8s.etcd', (k) => k.etcdData]
]

/** Stops what ensureKubernetes started, by recorded pid, the clients before the servers. */
export async function stopKubernetes(k, pids) {
  for (const [key, marker] of DAEMONS) await stopProcess(pids[key], marker(k))
}

/** Status parts: each daemon is ours and answers. */
export async function kubernetesParts(k, pids, check) {
  const token = (await readFile(k.adminToken, 'utf8').catch(() => '')).trim()
  const ca = await readFile(k.caCert).catch(() => null)
  const cached = await findCached()
  return Promise.all([
    check('kubernetes binaries (cache)', null, async () => Boolean(cached)),
    check('k8s etcd', pids['k8s.etcd'], async () => isOurs(pids['k8s.etcd'], k.etcdData)),
    check(
      `k8s apiserver ${k.server}`,
      pids['k8s.apiserver'],
      async () =>
        (await isOurs(pids['k8s.apiserver'], k.certs)) &&
        (await apiGet(k, token, '/readyz', ca)).status === 200
    ),
    check('k8s controller-manager', pids['k8s.controller-manager'], async () =>
      isOurs(pids['k8s.controller-manager'], k.kubeconfig)
    ),
    check('k8s kubelet stand-in', pids['k8s.kubelet'], async () =>
      isOurs(pids['k8s.kubelet'], k.kubeletConfig)
    ),
    check(
      'k8s eks token authenticator',
      pids['k8s.eks-auth'],
      async () =>
        (await isOurs(pids['k8s.eks-auth'], k.eksAuthConfig)) &&
        (await httpRequest({ url: `${k.eksAuthUrl}/_sandbox/health`, timeoutMs: 2000 })).status ===
          200
    )
  ])
}
