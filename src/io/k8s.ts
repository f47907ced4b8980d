/**
 * The Kubernetes API through `@kubernetes/client-node`: its KubeConfig reads the kubeconfig
 * (clusters, users, client certificates, tokens, exec plugins) and puts the credentials and TLS
 * trust on each request; the requests themselves are plain REST so that manifests go to the
 * server exactly as written (the typed models would drop fields they do not know). Resource paths
 * come from the API's discovery, cached per group version. Loaded lazily: an input error costs
 * no client load.
 */
import https from 'node:https'
import { ConfigurationError } from '../lib/errors.js'
import { retry } from '../lib/retry.js'

type Dict = Record<string, unknown>

export class KubeError extends ConfigurationError {
  constructor(
    message: string,
    readonly status: number,
    readonly reason?: string,
    readonly body?: Dict
  ) {
    super(message)
  }
}

export interface ApplyOptions {
  fieldManager: string
  force: boolean
  dryRun?: boolean
}

export interface K8sApi {
  readonly server: string
  /** The namespace of the kubeconfig's current context, if it sets one. */
  readonly contextNamespace?: string
  request(
    method: string,
    path: string,
    options?: { body?: unknown; contentType?: string; query?: Record<string, string> }
  ): Promise<Dict | undefined>
  /** `/apis/apps/v1/namespaces/shop/deployments/web`, from discovery; also says whether it is namespaced. */
  pathOf(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name?: string
  ): Promise<string>
  namespaced(apiVersion: string, kind: string): Promise<boolean>
  /** The object, or undefined when the server says 404. */
  get(path: string): Promise<Dict | undefined>
  apply(object: Dict, namespace: string | undefined, options: ApplyOptions): Promise<Dict>
}

export type Credentials =
  | { kind: 'kubeconfig'; content: string; context?: string }
  | { kind: 'token'; server: string; caData?: string; token: string; insecure?: false }

/** A client for the cluster the credentials name; fails with a clear message on a bad kubeconfig. */
export async function k8sApi(
  credentials: Credentials,
  onRetry?: (message: string) => void
): Promise<K8sApi> {
  const { KubeConfig } = await import('@kubernetes/client-node')
  const kc = new KubeConfig()
  if (credentials.kind === 'kubeconfig') {
    try {
      kc.loadFromString(credentials.content)
    } catch (error) {
      throw new ConfigurationError(`The kubeconfig cannot be read: ${(error as Error).message}`)
    }
    if (credentials.context) {
      if (!kc.getContexts().some((c) => c.name === credentials.context)) {
        throw new ConfigurationError(
          `The kubeconfig has no context \`${credentials.context}\` (it has: ${
            kc
              .getContexts()
              .map((c) => `\`${c.name}\``)
              .join(', ') || 'none'
          })`
        )
      }
      kc.setCurrentContext(credentials.context)
    }
  } else {
    kc.loadFromOptions({
      clusters: [
        {
          name: 'eks',
          server: credentials.server,
          ...(credentials.caData ? { caData: credentials.caData } : {}),
          skipTLSVerify: false
        }
      ],
      users: [{ name: 'eks', token: credentials.token }],
      contexts: [{ name: 'eks', cluster: 'eks', user: 'eks' }],
      currentContext: 'eks'
    })
  }
  const cluster = kc.getCurrentCluster()
  if (!cluster)
    throw new ConfigurationError(
      'The kubeconfig has no current context with a cluster (set `current-context`, or pass `context`)'
    )
  if (cluster.skipTLSVerify) {
    throw new ConfigurationError(
      `The kubeconfig's cluster \`${cluster.name}\` sets insecure-skip-tls-verify: a deploy must know it talks to its cluster; give its certificate-authority-data instead`
    )
  }
  const server = cluster.server.replace(/\/+$/, '')
  const contextName = kc.getCurrentContext()
  const contextNamespace =
    kc.getContexts().find((c) => c.name === contextName)?.namespace || undefined
  const agent = new https.Agent({ keepAlive: true })

  async function send(
    method: string,
    path: string,
    body: string | undefined,
    contentType: string | undefined
  ): Promise<{ status: number; text: string }> {
    const url = new URL(server + path)
    const options: https.RequestOptions = {
      method,
      agent,
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': contentType ?? 'application/json' } : {})
      }
    }
    await kc.applyToHTTPSOptions(options)
    return new Promise((resolve, reject) => {
      const req = https.request(url, options)
      req.setTimeout(30_000, () => req.destroy(new Error(`no answer from ${server} within 30 s`)))
      req.on('error', reject)
      req.on('response', (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (d) => (text += d))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
        res.on('error', reject)
      })
      req.end(body)
    })
  }

  async function request(
    method: string,
    path: string,
    options: { body?: unknown; contentType?: string; query?: Record<string, string> } = {}
  ): Promise<Dict | undefined> {
    const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : ''
    const body = options.body === undefined ? undefined : JSON.stringify(options.body)
    const { status, text } = await retry(
      async () => {
        const r = await send(method, path + query, body, options.contentType)
        if (r.status === 429 || r.status === 503 || r.status === 504)
          throw Object.assign(new Error(`${r.status}`), { transient: r })
        return r
      },
      {
        attempts: 4,
        baseDelayMs: 500,
        retryable: (e) =>
          Boolean((e as { transient?: unknown }).transient) ||
          ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE'].includes(
            (e as NodeJS.ErrnoException).code ?? ''
          ),
        onRetry: (e, attempt, delay) =>
          onRetry?.(
            `Kubernetes API ${method} ${path}: ${(e as Error).message}; attempt ${attempt + 1} in ${delay} ms`
          )
      }
    ).catch((error: unknown) => {
      if ((error as { transient?: { status: number; text: string } }).transient)
        return (error as { transient: { status: number; text: string } }).transient
      throw new ConfigurationError(
        `Cannot reach the Kubernetes API at ${server}: ${(error as Error).message}`
      )
    })
    let parsed: Dict | undefined
    try {
      parsed = text ? (JSON.parse(text) as Dict) : undefined
    } catch {
      parsed = undefined
    }
    if (status >= 200 && status < 300) return parsed
    if (method === 'GET' && status === 404) return undefined
    const said = typeof parsed?.message === 'string' ? parsed.message : text.slice(0, 500)
    const reason = typeof parsed?.reason === 'string' ? parsed.reason : undefined
    const hint =
      status === 401
        ? ' (the credentials were refused: check the kubeconfig or the EKS access entry)'
        : status === 403
          ? ' (the credentials lack the permission: grant it with RBAC)'
          : ''
    throw new KubeError(
      `Kubernetes API ${method} ${path}: ${status} ${reason ?? ''}: ${said}${hint}`.replace(
        / {2}/g,
        ' '
      ),
      status,
      reason,
      parsed
    )
  }

  const discovery = new Map<
    string,
    Promise<{ kind: string; name: string; namespaced: boolean }[]>
  >()
  async function resource(apiVersion: string, kind: string) {
    const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`
    if (!discovery.has(base)) {
      discovery.set(
        base,
        request('GET', base).then((list) =>
          ((list?.resources as Dict[] | undefined) ?? [])
            .filter((r) => typeof r.name === 'string' && !(r.name as string).includes('/'))
            .map((r) => ({
              kind: String(r.kind),
              name: String(r.name),
              namespaced: r.namespaced === true
            }))
        )
      )
    }
    const found = (await discovery.get(base)!).find((r) => r.kind === kind)
    if (!found)
      throw new ConfigurationError(
        `The cluster does not serve ${kind} in ${apiVersion} (is the apiVersion right for this Kubernetes version?)`
      )
    return { base, ...found }
  }

  async function pathOf(
    apiVersion: string,
    kind: string,
    namespace: string | undefined,
    name?: string
  ) {
    const r = await resource(apiVersion, kind)
    const ns = r.namespaced ? `/namespaces/${encodeURIComponent(namespace ?? '')}` : ''
    return `${r.base}${ns}/${r.name}${name === undefined ? '' : `/${encodeURIComponent(name)}`}`
  }

  return {
    server,
    ...(contextNamespace ? { contextNamespace } : {}),
    request,
    async namespaced(apiVersion, kind) {
      return (await resource(apiVersion, kind)).namespaced
    },
    pathOf,
    get: (path) => request('GET', path),
    async apply(object, namespace, options) {
      const o = object as { apiVersion: string; kind: string; metadata: { name: string } }
      const path = await pathOf(o.apiVersion, o.kind, namespace, o.metadata.name)
      const query: Record<string, string> = {
        fieldManager: options.fieldManager,
        ...(options.force ? { force: 'true' } : {}),
        ...(options.dryRun ? { dryRun: 'All' } : {})
      }
      // JSON is YAML: the apply content type takes the object as it is.
      const result = await request('PATCH', path, {
        body: object,
        contentType: 'application/apply-patch+yaml',
        query
      })
      if (!result) throw new KubeError(`Kubernetes API PATCH ${path}: an empty answer`, 0)
      return result
    }
  }
}

/**
 * An EKS bearer token as `aws eks get-token` makes it: a SigV4-presigned STS GetCallerIdentity
 * URL with the cluster name in the signed `x-k8s-aws-id` header, valid 60 s, base64url-encoded
 * behind `k8s-aws-v1.`. Credentials from the SDK's default chain (environment, web identity…).
 */
export async function eksToken(cluster: string, region: string): Promise<string> {
  const [{ SignatureV4 }, { Sha256 }, { defaultProvider }] = await Promise.all([
    import('@smithy/signature-v4'),
    import('@aws-crypto/sha256-js'),
    import('@aws-sdk/credential-provider-node')
  ])
  const hostname = `sts.${region}.amazonaws.com`
  const signer = new SignatureV4({
    credentials: defaultProvider(),
    region,
    service: 'sts',
    sha256: Sha256,
    uriEscapePath: true,
    applyChecksum: false
  })
  let signed
  try {
    signed = await signer.presign(
      {
        method: 'GET',
        protocol: 'https:',
        hostname,
        path: '/',
        query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
        headers: { host: hostname, 'x-k8s-aws-id': cluster }
      },
      { expiresIn: 60 }
    )
  } catch (error) {
    throw new ConfigurationError(
      `No AWS credentials for the EKS token (set them with aws-actions/configure-aws-credentials, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY): ${(error as Error).message}`
    )
  }
  const query = Object.entries(signed.query ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&')
  return `k8s-aws-v1.${Buffer.from(`https://${hostname}/?${query}`).toString('base64url')}`
}

/** What `aws eks update-kubeconfig` reads: the cluster's endpoint and CA, from DescribeCluster. */
export async function describeEksCluster(
  cluster: string,
  region: string,
  options: {
    sleep?: (ms: number) => Promise<void>
    onRetry?: (message: string) => void
    clientConfig?: Record<string, unknown>
  } = {}
): Promise<{ server: string; caData: string }> {
  const [{ EKSClient, DescribeClusterCommand }, { awsCall, explainAwsError }] = await Promise.all([
    import('@aws-sdk/client-eks'),
    import('./aws.js')
  ])
  const client = new EKSClient({
    region,
    maxAttempts: 1,
    customUserAgent: 'gantry-k8s-deploy',
    ...options.clientConfig
  })
  const attempts = 5
  let output
  try {
    output = await awsCall(
      'EKS DescribeCluster',
      () => client.send(new DescribeClusterCommand({ name: cluster })),
      {
        attempts,
        ...(options.sleep ? { sleep: options.sleep } : {}),
        ...(options.onRetry ? { onRetry: options.onRetry } : {})
      }
    )
  } catch (error) {
    if ((error as { name?: string }).name === 'ResourceNotFoundException') {
      throw new ConfigurationError(
        `EKS has no cluster \`${cluster}\` in ${region} (check eks-cluster and region)`
      )
    }
    throw explainAwsError(
      'EKS',
      `DescribeCluster for ${cluster}`,
      error,
      attempts,
      '`eks:DescribeCluster` on the cluster'
    )
  }
  const endpoint = output.cluster?.endpoint
  const caData = output.cluster?.certificateAuthority?.data
  if (!endpoint || !caData) {
    throw new ConfigurationError(
      `EKS cluster \`${cluster}\` has no endpoint or CA yet (status ${output.cluster?.status ?? 'unknown'}): is it still being created?`
    )
  }
  return { server: endpoint.replace(/\/+$/, ''), caData }
}
