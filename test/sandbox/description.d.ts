// Types for description.js: the JSON written by `npm run sandbox -- up` (see README.md).

/** `{ v1, v2, broken }` image references, e.g. `127.0.0.1:5000/demo-app:v1`. */
export interface SandboxImages {
  v1: string
  v2: string
  broken: string
}

export interface SandboxHost {
  /** `h01`, `h02`, … */
  name: string
  /** Loopback address of host i: `127.0.0.(10+i)`. */
  address: string
  /** sshd port (22). */
  port: number
  /** Unix user to log in as (`gantry01`, …); key-only. */
  user: string
  /** The one client private key accepted by every host. */
  privateKeyPath: string
  /** One known_hosts line for this host, e.g. `127.0.0.11 ssh-ed25519 AAAA…`. */
  knownHosts: string
  /** A file holding just that line. */
  knownHostsFile: string
  /** Host key fingerprint as `ssh-keygen -lf` prints it: `SHA256:…`. */
  fingerprint: string
  /** `unix:///…/docker.sock` of this host's own engine (what its ssh sessions get as DOCKER_HOST). */
  dockerHost: string
  /** `address:8080`: APP_ADDR in this host's ssh sessions. */
  appAddr: string
  /** `http://address:8080`. */
  appUrl: string
  /** The user's home (deploy directories go under it). */
  home: string
  /** Deploy hosts (`hosts`) only, not the swarm manager: the host's supervisord. */
  supervisor?: SandboxSupervisor
}

/** The host's own supervisord (run as its user), which runs the git demo app `blog`. */
export interface SandboxSupervisor {
  /** Absolute path of its config (`~/supervisor/supervisord.conf` on the host). */
  config: string
  socket: string
  /** `blog`: runs `python3 app.py` in ~/gantry/blog/current, bound to APP_ADDR; not autostarted. */
  program: string
  /** The app's stdout/stderr. */
  appLog: string
  /** `supervisorctl -c ~/supervisor/supervisord.conf`, as a command on the host. */
  ctl: string
  /** `supervisorctl -c ~/supervisor/supervisord.conf restart blog`: the demo's `restart`. */
  restart: string
}

/** The sandbox's git server: bare repositories over SSH, its own host key. */
export interface SandboxGit {
  host: {
    name: string
    address: string
    port: number
    user: string
    /** One known_hosts line, e.g. `127.0.0.230 ssh-ed25519 AAAA…`. */
    knownHosts: string
    knownHostsFile: string
    fingerprint: string
  }
  /** Read-only (fetch and archive only, like a deploy key without write access). */
  deployKey: { privateKeyPath: string; publicKey: string }
  /** May push (tests move refs with it). */
  pushKey: { privateKeyPath: string }
  /** One line per SSH command the server ran: `<epoch> read|write <git command>`. */
  accessLog: string
  repositories: {
    blog: {
      /** `gantrygit@127.0.0.230:repos/blog.git` (scp form). */
      url: string
      /** The same as `ssh://…`. */
      sshUrl: string
      /** The bare repository on disk (owned by the git user). */
      path: string
      defaultBranch: string
      /** Tags of the same names: v1 ← v2 on main; broken (its /health answers 500) after v2. */
      commits: { v1: string; v2: string; broken: string }
    }
  }
}

/** A deploy host (not the swarm manager): it also runs the blue-green proxies (proxy.js). */
export interface SandboxDeployHost extends SandboxHost {
  /** `http://address:8000`: the host's apps through its HAProxy (the default blue-green proxy). */
  proxyUrl: string
  /** `http://address:8001`: the same through its nginx (the reload-based driver). */
  nginxUrl: string
  /** `<home>/gantry-proxy`: host.json, haproxy/ and nginx/ (configs, admin socket, pid files). */
  proxyDir: string
  /** HAProxy's runtime API socket (mode 600, the host's user). */
  haproxyAdminSocket: string
}

export interface SandboxDescription {
  version: 1
  stateDir: string
  updatedAt: string
  /** The runner's engine: `unix:///…/docker.sock`. Holds `images`. */
  dockerHost: string
  images: SandboxImages
  /** Registry with basic auth. `url` is host:port, no scheme (as docker uses it). */
  registry: {
    url: string
    httpUrl: string
    username: string
    password: string
    images: SandboxImages
  }
  /** Registry without auth, host:port. */
  registryNoAuth: { url: string; httpUrl: string; images: SandboxImages }
  slack: {
    /** Ends with `/api/`: `${apiUrl}chat.postMessage`. */
    apiUrl: string
    webhookUrl: string
    /** Bot token expected as `Authorization: Bearer <token>`. */
    token: string
    /** GET: recorded requests (JSON array); DELETE: clear them. */
    requestsUrl: string
    /** Base of the control API (`failures`, `messages`, `reset`, `health`). */
    controlUrl: string
    teamId: string
  }
  /** Absolute path of the demo compose file (`IMAGE=… docker-compose up -d`). */
  composeFile: string
  ssh: { privateKeyPath: string; publicKey: string; knownHostsFile: string }
  hosts: SandboxDeployHost[]
  /** The git server for `target: git`. */
  git: SandboxGit
  /** The git demo app on the hosts: `blog` in `~/gantry/blog`, built by `sh build.sh`. */
  gitApp: { name: string; path: string; build: string; healthPath: string }
  /** The swarm manager `hs1` (not one of `hosts`): a single-node swarm on loopback pools. */
  swarm: SandboxSwarm
  /** The Kubernetes API server (null until its component ran); prefer readKubernetes(). */
  kubernetes: SandboxKubernetes | null
}

export interface SandboxKubernetes {
  /** `https://127.0.0.1:16443`. */
  server: string
  /** The Debian source version the binaries were built from, e.g. `1.20.5+really1.20.2-1.1+deb12u1`. */
  version: string
  binaries: string
  /** A kubeconfig for `gantry-admin` (system:masters, bearer token), the CA inline. */
  kubeconfigPath: string
  caFile: string
  token: string
  /** The token webhook accepts tokens shaped as `aws eks get-token` makes them. */
  eks: { clusterName: string; authenticatorUrl: string }
  serviceRange: string
  logs: Record<string, string>
}

export interface SandboxSwarm {
  /** `hs1`, `gantrys1@127.0.0.200`; its ssh sessions get DOCKER_HOST (a swarm manager) and APP_ADDR. */
  host: SandboxHost
  /** Absolute path of the demo stack file (`IMAGE=… docker stack deploy -c <stackFile> demo`). */
  stackFile: string
}

/** One recorded Slack request (GET requestsUrl). */
export interface SandboxSlackRequest {
  id: number
  time: string
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string | string[] | undefined>
  body: unknown
  rawBody: string
  injected: {
    status: number | null
    retryAfter: number | null
    delayMs: number
    error: string | null
    path: string | null
  } | null
  response: { status: number; headers: Record<string, string>; body: unknown } | null
}

export function sandboxDir(): string
export function descriptionPath(dir?: string): string
export function readSandbox(dir?: string): SandboxDescription
export function readKubernetes(dir?: string): SandboxKubernetes
