export const id = 511;
export const ids = [511];
export const modules = {

/***/ 39511:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  INPUTS: () => (/* reexport */ INPUTS),
  readSettings: () => (/* reexport */ readSettings),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml = __webpack_require__(33243);
// EXTERNAL MODULE: ./src/core/docker-reference.ts
var docker_reference = __webpack_require__(58003);
;// CONCATENATED MODULE: ./src/core/k8s/manifests.ts
/**
 * Kubernetes manifests as data: parsed from YAML (many documents, `List`s flattened), checked,
 * given one namespace, the image of named containers replaced and the run recorded in
 * annotations. Pure: the text comes in, objects go out; values are never interpolated into text.
 */


/** Kinds whose rollout is followed. */
const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'];
const isWorkload = (o) => o.apiVersion === 'apps/v1' && WORKLOAD_KINDS.includes(o.kind);
/** Kinds that never live in a namespace (the common ones; the API says for the rest). */
const CLUSTER_SCOPED = new Set([
    'Namespace',
    'Node',
    'PersistentVolume',
    'ClusterRole',
    'ClusterRoleBinding',
    'CustomResourceDefinition',
    'StorageClass',
    'PriorityClass',
    'ValidatingWebhookConfiguration',
    'MutatingWebhookConfiguration',
    'APIService',
    'IngressClass',
    'RuntimeClass'
]);
const isClusterScoped = (o) => CLUSTER_SCOPED.has(o.kind);
/** DNS-1123 subdomain (object names) and label (namespaces). */
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const failed = (r) => typeof r === 'object' && r !== null && 'error' in r && Object.keys(r).length === 1;
const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Every object in one file: `---`-separated documents, empty ones skipped, `List`s flattened. */
function parseManifests(text, file) {
    let docs;
    try {
        docs = (0,js_yaml/* loadAll */.gh)(text, null, { schema: js_yaml/* CORE_SCHEMA */.OU });
    }
    catch (error) {
        if (error instanceof js_yaml/* YAMLException */.tB) {
            return { error: `${file}:${error.mark.line + 1}: invalid YAML: ${error.reason}` };
        }
        throw error;
    }
    const out = [];
    for (const [i, doc] of docs.entries()) {
        if (doc === null || doc === undefined)
            continue;
        const source = docs.length > 1 ? `${file}#${i + 1}` : file;
        const items = isRecord(doc) &&
            typeof doc.kind === 'string' &&
            doc.kind.endsWith('List') &&
            Array.isArray(doc.items)
            ? doc.items
            : [doc];
        for (const [j, item] of items.entries()) {
            const where = items.length > 1 || items[0] !== doc ? `${source} items[${j}]` : source;
            const checked = checkObject(item, where);
            if (failed(checked))
                return checked;
            out.push({ object: checked, source: where });
        }
    }
    return out;
}
function checkObject(value, where) {
    if (!isRecord(value))
        return { error: `${where}: a Kubernetes object (a mapping), not ${JSON.stringify(value)}` };
    const { apiVersion, kind, metadata } = value;
    if (typeof apiVersion !== 'string' || apiVersion === '')
        return { error: `${where}: no \`apiVersion\`` };
    if (typeof kind !== 'string' || !/^[A-Z][A-Za-z0-9]*$/.test(kind))
        return { error: `${where}: no \`kind\` (or not a kind: ${JSON.stringify(kind)})` };
    if (!isRecord(metadata) || typeof metadata.name !== 'string') {
        return {
            error: `${where}: ${kind} without \`metadata.name\` (generateName is not supported: an apply needs a name)`
        };
    }
    if (!SUBDOMAIN.test(metadata.name) || metadata.name.length > 253) {
        return {
            error: `${where}: ${kind} name ${JSON.stringify(metadata.name)} is not a valid Kubernetes name (lower case letters, digits, \`-\` and \`.\`)`
        };
    }
    if (metadata.namespace !== undefined &&
        (typeof metadata.namespace !== 'string' || !NAMESPACE.test(metadata.namespace))) {
        return {
            error: `${where}: ${kind}/${metadata.name} has namespace ${JSON.stringify(metadata.namespace)}, not a valid namespace name`
        };
    }
    return value;
}
const objectName = (o) => `${o.kind}/${o.metadata.name}`;
/**
 * The one namespace of the deploy: the input's, else the manifests' (which must agree), else the
 * kubeconfig context's. Never a guess: a manifest naming another namespace than the input is an
 * error, not something to override silently.
 */
function resolveNamespace(manifests, input, contextNamespace) {
    const named = manifests.filter((m) => !isClusterScoped(m.object) && m.object.metadata.namespace !== undefined);
    if (input !== undefined) {
        const other = named.find((m) => m.object.metadata.namespace !== input);
        if (other) {
            return {
                error: `${other.source}: ${objectName(other.object)} is in namespace \`${other.object.metadata.namespace}\`, but \`namespace\` is \`${input}\`; remove the namespace from the manifest or make them agree`
            };
        }
        return { namespace: input, from: 'input' };
    }
    const distinct = [...new Set(named.map((m) => m.object.metadata.namespace))];
    if (distinct.length > 1) {
        return {
            error: `the manifests name several namespaces (${distinct.map((n) => `\`${n}\``).join(', ')}); one deploy goes to one namespace: split them, or set \`namespace\``
        };
    }
    if (distinct.length === 1) {
        const without = manifests.find((m) => !isClusterScoped(m.object) && m.object.metadata.namespace === undefined);
        if (without) {
            return {
                error: `${without.source}: ${objectName(without.object)} has no namespace while others are in \`${distinct[0]}\`; set \`namespace\` so every object goes to the same one`
            };
        }
        return { namespace: distinct[0], from: 'manifests' };
    }
    if (contextNamespace !== undefined)
        return { namespace: contextNamespace, from: 'kubeconfig' };
    return {
        error: 'no namespace: set `namespace`, put `metadata.namespace` in the manifests, or give the kubeconfig context a namespace'
    };
}
/** The pod spec of a workload or a Pod, where containers live. */
function podSpecOf(o) {
    if (o.kind === 'Pod')
        return isRecord(o.spec) ? o.spec : undefined;
    const spec = o.spec;
    if (!isRecord(spec))
        return undefined;
    if (o.kind === 'CronJob') {
        const job = isRecord(spec.jobTemplate) ? spec.jobTemplate.spec : undefined;
        const template = isRecord(job) ? job.template : undefined;
        return isRecord(template) && isRecord(template.spec) ? template.spec : undefined;
    }
    const template = spec.template;
    return isRecord(template) && isRecord(template.spec) ? template.spec : undefined;
}
function containersOf(o) {
    const spec = podSpecOf(o);
    if (!spec)
        return [];
    return ['initContainers', 'containers'].flatMap((key) => {
        const list = spec[key];
        if (!Array.isArray(list))
            return [];
        return list
            .filter(isRecord)
            .map((c) => ({ container: c, name: String(c.name ?? ''), image: String(c.image ?? '') }));
    });
}
/** An image reference's name as written (without tag and digest), its tag and digest; or what was expected. */
function parseImage(text) {
    const parsed = (0,docker_reference/* parseImageReference */.o_)(text);
    if ('error' in parsed)
        return { error: parsed.error };
    const { tag, digest } = parsed.reference;
    return {
        name: parsed.name,
        ...(tag === undefined ? {} : { tag }),
        ...(digest === undefined ? {} : { digest })
    };
}
/** `registry/team/shop:1.2` and `registry/team/shop@sha256:…` share the repository `registry/team/shop`. */
const repositoryOf = (image) => {
    const parsed = parseImage(image);
    return failed(parsed) ? image : parsed.name;
};
/**
 * Puts `image` into the named containers of every object (or, with no names, into the containers
 * whose image is of the same repository, as Azure/k8s-deploy matches them). Copies the objects.
 * Nothing matched is an error: a deploy that changes no image is not what was asked for.
 */
function substituteImage(manifests, image, containers) {
    const parsed = parseImage(image);
    if (failed(parsed))
        return parsed;
    const copies = manifests.map((m) => ({ ...m, object: structuredClone(m.object) }));
    const changes = [];
    const wanted = new Set(containers);
    const found = new Set();
    for (const m of copies) {
        for (const c of containersOf(m.object)) {
            const match = wanted.size > 0 ? wanted.has(c.name) : repositoryOf(c.image) === parsed.name;
            if (!match)
                continue;
            found.add(c.name);
            changes.push({
                object: objectName(m.object),
                container: c.name,
                before: c.image,
                after: image
            });
            c.container.image = image;
        }
    }
    const missing = [...wanted].filter((n) => !found.has(n));
    if (missing.length > 0) {
        const known = [...new Set(copies.flatMap((m) => containersOf(m.object).map((c) => c.name)))];
        return {
            error: `no container named ${missing.map((n) => `\`${n}\``).join(', ')} in the manifests (containers: ${known.map((n) => `\`${n}\``).join(', ') || 'none'})`
        };
    }
    if (changes.length === 0) {
        return {
            error: `no container in the manifests runs an image of \`${parsed.name}\`; name the containers to update in \`containers\``
        };
    }
    return { manifests: copies, changes };
}
const ANNOTATION = {
    version: 'gantry.dev/version',
    runUrl: 'gantry.dev/run-url',
    actor: 'gantry.dev/actor',
    changeCause: 'kubernetes.io/change-cause'
};
/**
 * Records the run on every object's metadata (never the pod template: a new run URL alone must
 * not restart pods); workloads also get `kubernetes.io/change-cause`, which `kubectl rollout
 * history` shows and the Deployment copies to its ReplicaSet.
 */
function annotate(manifests, run) {
    return manifests.map((m) => {
        const object = structuredClone(m.object);
        const annotations = { ...(object.metadata.annotations ?? {}) };
        if (run.version)
            annotations[ANNOTATION.version] = run.version;
        if (run.runUrl)
            annotations[ANNOTATION.runUrl] = run.runUrl;
        if (run.actor)
            annotations[ANNOTATION.actor] = run.actor;
        if (isWorkload(object)) {
            annotations[ANNOTATION.changeCause] = [
                'gantry k8s-deploy',
                run.version,
                run.actor ? `by ${run.actor}` : undefined,
                run.runUrl
            ]
                .filter(Boolean)
                .join(' ');
        }
        object.metadata = { ...object.metadata, annotations };
        return { ...m, object };
    });
}
/** Every object in `namespace` (cluster-scoped ones left as they are). */
function withNamespace(manifests, namespace) {
    return manifests.map((m) => isClusterScoped(m.object)
        ? m
        : { ...m, object: { ...m.object, metadata: { ...m.object.metadata, namespace } } });
}
/**
 * `protocol: TCP` on Service and container ports that leave it out. TCP is the API's own default,
 * but servers before 1.22 refuse a server-side apply whose port list omits a key of the list
 * ("associative list with keys has an element that omits key field protocol").
 */
function withDefaultProtocols(manifests) {
    const fill = (ports) => {
        if (!Array.isArray(ports))
            return;
        for (const p of ports)
            if (isRecord(p) && p.protocol === undefined)
                p.protocol = 'TCP';
    };
    return manifests.map((m) => {
        const object = structuredClone(m.object);
        if (object.kind === 'Service' && isRecord(object.spec))
            fill(object.spec.ports);
        for (const c of containersOf(object))
            fill(c.container.ports);
        return { ...m, object };
    });
}

// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(97268);
// EXTERNAL MODULE: ./src/lib/retry.ts
var retry = __webpack_require__(61737);
;// CONCATENATED MODULE: ./src/io/k8s.ts
/**
 * The Kubernetes API through `@kubernetes/client-node`: its KubeConfig reads the kubeconfig
 * (clusters, users, client certificates, tokens, exec plugins) and puts the credentials and TLS
 * trust on each request; the requests themselves are plain REST so that manifests go to the
 * server exactly as written (the typed models would drop fields they do not know). Resource paths
 * come from the API's discovery, cached per group version. Loaded lazily: an input error costs
 * no client load.
 */



class KubeError extends errors/* ConfigurationError */.j1 {
    status;
    reason;
    body;
    constructor(message, status, reason, body) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.body = body;
    }
}
/** A client for the cluster the credentials name; fails with a clear message on a bad kubeconfig. */
async function k8sApi(credentials, onRetry) {
    const { KubeConfig } = await __webpack_require__.e(/* import() */ 991).then(__webpack_require__.bind(__webpack_require__, 21991));
    const kc = new KubeConfig();
    if (credentials.kind === 'kubeconfig') {
        try {
            kc.loadFromString(credentials.content);
        }
        catch (error) {
            throw new errors/* ConfigurationError */.j1(`The kubeconfig cannot be read: ${error.message}`);
        }
        if (credentials.context) {
            if (!kc.getContexts().some((c) => c.name === credentials.context)) {
                throw new errors/* ConfigurationError */.j1(`The kubeconfig has no context \`${credentials.context}\` (it has: ${kc
                    .getContexts()
                    .map((c) => `\`${c.name}\``)
                    .join(', ') || 'none'})`);
            }
            kc.setCurrentContext(credentials.context);
        }
    }
    else {
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
        });
    }
    const cluster = kc.getCurrentCluster();
    if (!cluster)
        throw new errors/* ConfigurationError */.j1('The kubeconfig has no current context with a cluster (set `current-context`, or pass `context`)');
    if (cluster.skipTLSVerify) {
        throw new errors/* ConfigurationError */.j1(`The kubeconfig's cluster \`${cluster.name}\` sets insecure-skip-tls-verify: a deploy must know it talks to its cluster; give its certificate-authority-data instead`);
    }
    const server = cluster.server.replace(/\/+$/, '');
    const contextName = kc.getCurrentContext();
    const contextNamespace = kc.getContexts().find((c) => c.name === contextName)?.namespace || undefined;
    const agent = new (external_node_https_default()).Agent({ keepAlive: true });
    async function send(method, path, body, contentType) {
        const url = new URL(server + path);
        const options = {
            method,
            agent,
            headers: {
                accept: 'application/json',
                ...(body !== undefined ? { 'content-type': contentType ?? 'application/json' } : {})
            }
        };
        await kc.applyToHTTPSOptions(options);
        return new Promise((resolve, reject) => {
            const req = external_node_https_default().request(url, options);
            req.setTimeout(30_000, () => req.destroy(new Error(`no answer from ${server} within 30 s`)));
            req.on('error', reject);
            req.on('response', (res) => {
                let text = '';
                res.setEncoding('utf8');
                res.on('data', (d) => (text += d));
                res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
                res.on('error', reject);
            });
            req.end(body);
        });
    }
    async function request(method, path, options = {}) {
        const query = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
        const body = options.body === undefined ? undefined : JSON.stringify(options.body);
        const { status, text } = await (0,retry/* retry */.L5)(async () => {
            const r = await send(method, path + query, body, options.contentType);
            if (r.status === 429 || r.status === 503 || r.status === 504)
                throw Object.assign(new Error(`${r.status}`), { transient: r });
            return r;
        }, {
            attempts: 4,
            baseDelayMs: 500,
            retryable: (e) => Boolean(e.transient) ||
                ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE'].includes(e.code ?? ''),
            onRetry: (e, attempt, delay) => onRetry?.(`Kubernetes API ${method} ${path}: ${e.message}; attempt ${attempt + 1} in ${delay} ms`)
        }).catch((error) => {
            if (error.transient)
                return error.transient;
            throw new errors/* ConfigurationError */.j1(`Cannot reach the Kubernetes API at ${server}: ${error.message}`);
        });
        let parsed;
        try {
            parsed = text ? JSON.parse(text) : undefined;
        }
        catch {
            parsed = undefined;
        }
        if (status >= 200 && status < 300)
            return parsed;
        if (method === 'GET' && status === 404)
            return undefined;
        const said = typeof parsed?.message === 'string' ? parsed.message : text.slice(0, 500);
        const reason = typeof parsed?.reason === 'string' ? parsed.reason : undefined;
        const hint = status === 401
            ? ' (the credentials were refused: check the kubeconfig or the EKS access entry)'
            : status === 403
                ? ' (the credentials lack the permission: grant it with RBAC)'
                : '';
        throw new KubeError(`Kubernetes API ${method} ${path}: ${status} ${reason ?? ''}: ${said}${hint}`.replace(/ {2}/g, ' '), status, reason, parsed);
    }
    const discovery = new Map();
    async function resource(apiVersion, kind) {
        const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
        if (!discovery.has(base)) {
            discovery.set(base, request('GET', base).then((list) => (list?.resources ?? [])
                .filter((r) => typeof r.name === 'string' && !r.name.includes('/'))
                .map((r) => ({
                kind: String(r.kind),
                name: String(r.name),
                namespaced: r.namespaced === true
            }))));
        }
        const found = (await discovery.get(base)).find((r) => r.kind === kind);
        if (!found)
            throw new errors/* ConfigurationError */.j1(`The cluster does not serve ${kind} in ${apiVersion} (is the apiVersion right for this Kubernetes version?)`);
        return { base, ...found };
    }
    async function pathOf(apiVersion, kind, namespace, name) {
        const r = await resource(apiVersion, kind);
        const ns = r.namespaced ? `/namespaces/${encodeURIComponent(namespace ?? '')}` : '';
        return `${r.base}${ns}/${r.name}${name === undefined ? '' : `/${encodeURIComponent(name)}`}`;
    }
    return {
        server,
        ...(contextNamespace ? { contextNamespace } : {}),
        request,
        async namespaced(apiVersion, kind) {
            return (await resource(apiVersion, kind)).namespaced;
        },
        pathOf,
        get: (path) => request('GET', path),
        async apply(object, namespace, options) {
            const o = object;
            const path = await pathOf(o.apiVersion, o.kind, namespace, o.metadata.name);
            const query = {
                fieldManager: options.fieldManager,
                ...(options.force ? { force: 'true' } : {}),
                ...(options.dryRun ? { dryRun: 'All' } : {})
            };
            // JSON is YAML: the apply content type takes the object as it is.
            const result = await request('PATCH', path, {
                body: object,
                contentType: 'application/apply-patch+yaml',
                query
            });
            if (!result)
                throw new KubeError(`Kubernetes API PATCH ${path}: an empty answer`, 0);
            return result;
        }
    };
}
/**
 * An EKS bearer token as `aws eks get-token` makes it: a SigV4-presigned STS GetCallerIdentity
 * URL with the cluster name in the signed `x-k8s-aws-id` header, valid 60 s, base64url-encoded
 * behind `k8s-aws-v1.`. Credentials from the SDK's default chain (environment, web identity…).
 */
async function eksToken(cluster, region) {
    const [{ SignatureV4 }, { Sha256 }, { defaultProvider }] = await Promise.all([
        __webpack_require__.e(/* import() */ 118).then(__webpack_require__.t.bind(__webpack_require__, 75118, 19)),
        __webpack_require__.e(/* import() */ 156).then(__webpack_require__.t.bind(__webpack_require__, 23156, 23)),
        Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(861)]).then(__webpack_require__.t.bind(__webpack_require__, 5861, 19))
    ]);
    const hostname = `sts.${region}.amazonaws.com`;
    const signer = new SignatureV4({
        credentials: defaultProvider(),
        region,
        service: 'sts',
        sha256: Sha256,
        uriEscapePath: true,
        applyChecksum: false
    });
    let signed;
    try {
        signed = await signer.presign({
            method: 'GET',
            protocol: 'https:',
            hostname,
            path: '/',
            query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
            headers: { host: hostname, 'x-k8s-aws-id': cluster }
        }, { expiresIn: 60 });
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`No AWS credentials for the EKS token (set them with aws-actions/configure-aws-credentials, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY): ${error.message}`);
    }
    const query = Object.entries(signed.query ?? {})
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
        .join('&');
    return `k8s-aws-v1.${Buffer.from(`https://${hostname}/?${query}`).toString('base64url')}`;
}
/** What `aws eks update-kubeconfig` reads: the cluster's endpoint and CA, from DescribeCluster. */
async function describeEksCluster(cluster, region, options = {}) {
    const [{ EKSClient, DescribeClusterCommand }, { awsCall, explainAwsError }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(861), __webpack_require__.e(524)]).then(__webpack_require__.t.bind(__webpack_require__, 24524, 19)),
        __webpack_require__.e(/* import() */ 773).then(__webpack_require__.bind(__webpack_require__, 9773))
    ]);
    const client = new EKSClient({
        region,
        maxAttempts: 1,
        customUserAgent: 'gantry-k8s-deploy',
        ...options.clientConfig
    });
    const attempts = 5;
    let output;
    try {
        output = await awsCall('EKS DescribeCluster', () => client.send(new DescribeClusterCommand({ name: cluster })), {
            attempts,
            ...(options.sleep ? { sleep: options.sleep } : {}),
            ...(options.onRetry ? { onRetry: options.onRetry } : {})
        });
    }
    catch (error) {
        if (error.name === 'ResourceNotFoundException') {
            throw new errors/* ConfigurationError */.j1(`EKS has no cluster \`${cluster}\` in ${region} (check eks-cluster and region)`);
        }
        throw explainAwsError('EKS', `DescribeCluster for ${cluster}`, error, attempts, '`eks:DescribeCluster` on the cluster');
    }
    const endpoint = output.cluster?.endpoint;
    const caData = output.cluster?.certificateAuthority?.data;
    if (!endpoint || !caData) {
        throw new errors/* ConfigurationError */.j1(`EKS cluster \`${cluster}\` has no endpoint or CA yet (status ${output.cluster?.status ?? 'unknown'}): is it still being created?`);
    }
    return { server: endpoint.replace(/\/+$/, ''), caData };
}

// EXTERNAL MODULE: ./src/lib/clock.ts
var clock = __webpack_require__(84517);
// EXTERNAL MODULE: ./src/lib/context.ts
var context = __webpack_require__(31980);
// EXTERNAL MODULE: ./src/lib/action.ts
var action = __webpack_require__(35577);
// EXTERNAL MODULE: ./src/lib/inputs.ts
var lib_inputs = __webpack_require__(51662);
// EXTERNAL MODULE: ./src/lib/runner.ts
var lib_runner = __webpack_require__(39445);
;// CONCATENATED MODULE: ./src/core/k8s/diff.ts
const IGNORED = new Set([
    'status',
    'metadata.managedFields',
    'metadata.resourceVersion',
    'metadata.generation',
    'metadata.creationTimestamp',
    'metadata.uid',
    'metadata.selfLink'
]);
const diff_isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/** `spec.template.spec.containers[name=app].image`: list items with a name are named. */
function diffObjects(before, after, path = '') {
    if (IGNORED.has(path))
        return [];
    if (diff_isRecord(before) && diff_isRecord(after)) {
        const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
        return keys.flatMap((k) => diffObjects(before[k], after[k], path ? `${path}.${k}` : k));
    }
    if (Array.isArray(before) && Array.isArray(after)) {
        const named = (list) => list.every((x) => diff_isRecord(x) && typeof x.name === 'string') ? list : undefined;
        const b = named(before);
        const a = named(after);
        if (b && a) {
            const names = [...new Set([...b, ...a].map((x) => x.name))];
            const find = (list, name) => list.find((x) => x.name === name);
            return names.flatMap((n) => diffObjects(find(b, n), find(a, n), `${path}[name=${n}]`));
        }
        if (before.length === after.length) {
            return before.flatMap((x, i) => diffObjects(x, after[i], `${path}[${i}]`));
        }
    }
    if (JSON.stringify(before) === JSON.stringify(after))
        return [];
    return [
        { path, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) }
    ];
}
const show = (v) => v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v);
function formatChange(c) {
    return `${c.path}: ${show(c.before)} → ${show(c.after)}`;
}

;// CONCATENATED MODULE: ./src/core/k8s/lease.ts
/**
 * The per-app lock: a `coordination.k8s.io/v1` Lease named after the app, held by one run
 * (holder identity: repository, run, actor) until it is released or expires. Pure: what the
 * Lease says, and when it expires, from the object and the time.
 */
const LEASE_PREFIX = 'gantry-deploy-';
/** A valid Lease name for the app: `gantry-deploy-<app>`, cut and cleaned to 253 characters. */
function leaseName(app) {
    const clean = app
        .toLowerCase()
        .replace(/[^a-z0-9.-]+/g, '-')
        .replace(/^[-.]+|[-.]+$/g, '');
    return `${LEASE_PREFIX}${clean || 'app'}`.slice(0, 253).replace(/[-.]+$/, '');
}
const rec = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {};
function leaseView(lease) {
    const spec = rec(lease.spec);
    const holder = typeof spec.holderIdentity === 'string' && spec.holderIdentity !== ''
        ? spec.holderIdentity
        : undefined;
    const since = typeof spec.renewTime === 'string'
        ? spec.renewTime
        : typeof spec.acquireTime === 'string'
            ? spec.acquireTime
            : undefined;
    const duration = typeof spec.leaseDurationSeconds === 'number' ? spec.leaseDurationSeconds : undefined;
    const start = since ? Date.parse(since) : NaN;
    return {
        ...(holder ? { holder } : {}),
        ...(Number.isFinite(start) && duration !== undefined
            ? { expiresAt: start + duration * 1000 }
            : {})
    };
}
/** Free when nobody holds it, or the holder's time ran out (a run that died never released it). */
function leaseIsFree(view, now) {
    return view.holder === undefined || view.expiresAt === undefined || view.expiresAt <= now;
}
/** Kubernetes MicroTime: RFC 3339 with microseconds. */
const microTime = (ms) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
function leaseSpec(holder, now, durationSeconds) {
    return {
        holderIdentity: holder,
        leaseDurationSeconds: durationSeconds,
        acquireTime: microTime(now),
        renewTime: microTime(now)
    };
}

;// CONCATENATED MODULE: ./src/core/k8s/rollout.ts
const rollout_rec = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {};
const num = (v, fallback = 0) => (typeof v === 'number' ? v : fallback);
const str = (v) => (typeof v === 'string' ? v : undefined);
const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
/** The Deployment's revision (`deployment.kubernetes.io/revision`), if it has one yet. */
function revisionOf(o) {
    const annotations = rollout_rec(rollout_rec(rollout_rec(o).metadata).annotations);
    const value = str(annotations[REVISION_ANNOTATION]);
    return value && /^\d+$/.test(value) ? Number(value) : undefined;
}
function rolloutStatus(o) {
    const metadata = rollout_rec(o.metadata);
    const spec = rollout_rec(o.spec);
    const status = rollout_rec(o.status);
    const generation = num(metadata.generation);
    const observed = num(status.observedGeneration, -1);
    if (observed < generation) {
        return {
            state: 'progressing',
            message: `waiting for the ${o.kind} controller to observe generation ${generation}`
        };
    }
    switch (o.kind) {
        case 'Deployment':
            return deploymentStatus(spec, status);
        case 'StatefulSet':
            return statefulSetStatus(spec, status);
        case 'DaemonSet':
            return daemonSetStatus(status);
        default:
            return { state: 'complete', message: `${o.kind} has no rollout` };
    }
}
function deploymentStatus(spec, status) {
    const conditions = Array.isArray(status.conditions) ? status.conditions.map(rollout_rec) : [];
    const progressing = conditions.find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') {
        return {
            state: 'failed',
            message: `progress deadline exceeded: ${str(progressing.message) ?? 'no progress'}`
        };
    }
    const desired = num(spec.replicas, 1);
    const updated = num(status.updatedReplicas);
    const replicas = num(status.replicas);
    const available = num(status.availableReplicas);
    if (updated < desired)
        return {
            state: 'progressing',
            message: `${updated} of ${desired} updated replicas are available... waiting for ${desired - updated} more to be updated`
        };
    if (replicas > updated)
        return {
            state: 'progressing',
            message: `${replicas - updated} old replicas are pending termination`
        };
    if (available < updated)
        return {
            state: 'progressing',
            message: `${available} of ${updated} updated replicas are available`
        };
    return { state: 'complete', message: `${updated} of ${desired} replicas updated and available` };
}
function statefulSetStatus(spec, status) {
    const strategy = rollout_rec(spec.updateStrategy);
    if (strategy.type === 'OnDelete')
        return {
            state: 'complete',
            message: 'updateStrategy OnDelete: pods are replaced only when deleted'
        };
    const desired = num(spec.replicas, 1);
    const ready = num(status.readyReplicas);
    if (ready < desired)
        return { state: 'progressing', message: `${ready} of ${desired} pods are ready` };
    const partition = num(rollout_rec(strategy.rollingUpdate).partition);
    if (partition > 0) {
        const updated = num(status.updatedReplicas);
        if (updated < desired - partition)
            return {
                state: 'progressing',
                message: `${updated} of ${desired - partition} pods above the partition are updated`
            };
        return { state: 'complete', message: `partitioned rollout: ${updated} pods updated` };
    }
    if (status.updateRevision !== status.currentRevision) {
        return {
            state: 'progressing',
            message: `${num(status.updatedReplicas)} of ${desired} pods are at revision ${str(status.updateRevision) ?? '?'}`
        };
    }
    return {
        state: 'complete',
        message: `${ready} pods ready at revision ${str(status.currentRevision) ?? '?'}`
    };
}
function daemonSetStatus(status) {
    const desired = num(status.desiredNumberScheduled);
    const updated = num(status.updatedNumberScheduled);
    const available = num(status.numberAvailable);
    if (updated < desired)
        return { state: 'progressing', message: `${updated} of ${desired} updated pods are scheduled` };
    if (available < desired)
        return {
            state: 'progressing',
            message: `${available} of ${desired} updated pods are available`
        };
    return { state: 'complete', message: `${available} of ${desired} pods updated and available` };
}
/** Why each pod that is not ready is not ready, in the words the cluster used. */
function podProblems(pods) {
    const out = [];
    for (const pod of pods) {
        const metadata = rollout_rec(pod.metadata);
        if (metadata.deletionTimestamp)
            continue;
        const status = rollout_rec(pod.status);
        const name = str(metadata.name) ?? '?';
        const phase = str(status.phase) ?? 'Unknown';
        const conditions = Array.isArray(status.conditions) ? status.conditions.map(rollout_rec) : [];
        if (conditions.find((c) => c.type === 'Ready')?.status === 'True')
            continue;
        const scheduled = conditions.find((c) => c.type === 'PodScheduled');
        if (scheduled?.status === 'False') {
            out.push({
                pod: name,
                phase,
                reason: str(scheduled.reason) ?? 'Unschedulable',
                detail: str(scheduled.message) ?? ''
            });
            continue;
        }
        const statuses = [
            ...(Array.isArray(status.initContainerStatuses) ? status.initContainerStatuses : []),
            ...(Array.isArray(status.containerStatuses) ? status.containerStatuses : [])
        ].map(rollout_rec);
        const bad = statuses.filter((s) => s.ready !== true);
        if (bad.length === 0) {
            out.push({
                pod: name,
                phase,
                reason: phase === 'Pending' ? 'Pending' : 'NotReady',
                detail: str(conditions.find((c) => c.type === 'Ready')?.message) ??
                    'no container status reported yet'
            });
            continue;
        }
        for (const s of bad) {
            const state = rollout_rec(s.state);
            const waiting = rollout_rec(state.waiting);
            const terminated = rollout_rec(state.terminated);
            const last = rollout_rec(rollout_rec(s.lastState).terminated);
            const parts = [];
            const reason = str(waiting.reason) ?? str(terminated.reason) ?? (state.running ? 'NotReady' : 'Waiting');
            const message = str(waiting.message) ?? str(terminated.message);
            if (message)
                parts.push(message);
            if (Object.keys(last).length > 0) {
                parts.push(`last termination: ${str(last.reason) ?? 'terminated'}, exit code ${num(last.exitCode)}${str(last.message) ? `: ${str(last.message)?.trim()}` : ''}`);
            }
            out.push({
                pod: name,
                phase,
                reason,
                detail: parts.join('; '),
                container: str(s.name),
                restarts: num(s.restartCount)
            });
        }
    }
    return out;
}
/** `pod-a (app): CrashLoopBackOff, 3 restarts: back-off…; last termination: Error, exit code 1: …`. */
function describeProblem(p) {
    const who = p.container ? `${p.pod} (container ${p.container})` : p.pod;
    const restarts = p.restarts ? `, ${p.restarts} restart${p.restarts === 1 ? '' : 's'}` : '';
    return `${who}: ${p.reason}${restarts}${p.detail ? `: ${p.detail}` : ''}`;
}
/**
 * The ReplicaSet `kubectl rollout undo` goes back to: the one at `before` when given (the revision
 * that ran before this deploy), else the highest revision below the current one.
 */
function previousReplicaSet(replicaSets, current, before) {
    const withRevision = replicaSets
        .map((rs) => ({ rs, revision: revisionOf(rs) }))
        .filter((x) => x.revision !== undefined);
    if (before !== undefined && before !== current) {
        const exact = withRevision.find((x) => x.revision === before);
        if (exact)
            return exact.rs;
    }
    const below = withRevision.filter((x) => current === undefined || x.revision < current);
    below.sort((a, b) => b.revision - a.revision);
    return below[0]?.rs;
}
/** The pod template of a ReplicaSet without the hash label the controller added to it. */
function templateOf(rs) {
    const template = structuredClone(rollout_rec(rollout_rec(rs.spec).template));
    const metadata = rollout_rec(template.metadata);
    const labels = { ...rollout_rec(metadata.labels) };
    delete labels['pod-template-hash'];
    template.metadata = { ...metadata, labels };
    return template;
}
/** The ReplicaSets a Deployment owns (by owner uid), newest revision first. */
function ownedReplicaSets(deployment, replicaSets) {
    const uid = rollout_rec(deployment.metadata).uid;
    return replicaSets
        .filter((rs) => {
        const owners = rollout_rec(rs.metadata).ownerReferences;
        return (Array.isArray(owners) &&
            owners.some((o) => rollout_rec(o).uid === uid && rollout_rec(o).controller === true));
    })
        .sort((a, b) => (revisionOf(b) ?? 0) - (revisionOf(a) ?? 0));
}
/** The label selector of a workload as a query string value (`app=shop,tier=web`). */
function selectorOf(o) {
    const labels = rollout_rec(rollout_rec(rollout_rec(o.spec).selector).matchLabels);
    const pairs = Object.entries(labels).map(([k, v]) => `${k}=${String(v)}`);
    return pairs.length > 0 ? pairs.join(',') : undefined;
}

// EXTERNAL MODULE: ./src/lib/poll.ts
var poll = __webpack_require__(43962);
;// CONCATENATED MODULE: ./src/deploy/targets/k8s.ts
/**
 * The Kubernetes target (an ApiTarget of the deploy-target seam, ../target.ts): take the app's
 * Lease, apply every object server-side, follow each workload's rollout until the cluster says it
 * completed or failed (progress deadline, or the step's timeout), undo a failed Deployment to the
 * revision that ran before and follow that too, release the Lease. It returns one RolloutOutcome
 * per workload (unit `namespace/Kind/name`, revisions before and after) with its own account
 * beside it (objects applied, failing pods). Decisions come from src/core/k8s; this file only
 * talks to the API.
 */







/** On the ReplicaSet of a revision whose rollout failed and was undone. */
const FAILED_ANNOTATION = 'gantry.dev/rollout-failed';
const keyOf = (o) => `${o.kind}/${o.metadata.name}`;
const meta = (o) => (o?.metadata ?? {});
/** Takes the app's Lease, waiting up to lock-timeout while another run holds it. */
async function acquireLease(ctx, settings) {
    const { api, clock, runner, namespace, holder } = ctx;
    const name = leaseName(settings.app);
    const collection = await api.pathOf('coordination.k8s.io/v1', 'Lease', namespace);
    const path = `${collection}/${encodeURIComponent(name)}`;
    // Long enough for the rollout and its rollback; a run that dies leaves a Lease that expires.
    const durationSeconds = Math.ceil((2 * settings.timeoutMs + 120_000) / 1000);
    const deadline = clock.now() + settings.lockTimeoutMs;
    let announced = '';
    for (;;) {
        const now = clock.now();
        const spec = leaseSpec(holder, now, durationSeconds);
        const existing = await api.get(path);
        try {
            if (!existing) {
                await api.request('POST', collection, {
                    body: {
                        apiVersion: 'coordination.k8s.io/v1',
                        kind: 'Lease',
                        metadata: { name, namespace, labels: { 'app.kubernetes.io/managed-by': 'gantry' } },
                        spec
                    }
                });
                break;
            }
            const view = leaseView(existing);
            if (leaseIsFree(view, now)) {
                await api.request('PUT', path, { body: { ...existing, spec } });
                break;
            }
            const expires = view.expiresAt ? new Date(view.expiresAt).toISOString() : 'never';
            if (now >= deadline) {
                throw new errors/* ConfigurationError */.j1(`Lease ${namespace}/${name} is held by ${view.holder} (until ${expires}); waited ${Math.round(settings.lockTimeoutMs / 1000)} s (lock-timeout). Another deploy of ${settings.app} is under way: let it finish, or raise lock-timeout.`);
            }
            if (announced !== view.holder) {
                runner.info(`Waiting for Lease ${namespace}/${name}, held by ${view.holder} until ${expires}`);
                announced = view.holder ?? '';
            }
        }
        catch (error) {
            // Someone else created or renewed it between our read and write: read again.
            if (!(error instanceof KubeError && error.status === 409))
                throw error;
        }
        await clock.sleep(Math.min(2000, Math.max(0, deadline - clock.now())) || 200);
    }
    runner.info(`Lease ${namespace}/${name} taken by ${holder}`);
    return {
        async release() {
            const current = await api.get(path).catch(() => undefined);
            if (!current || leaseView(current).holder !== holder)
                return;
            const m = meta(current);
            await api
                .request('DELETE', path, {
                body: {
                    apiVersion: 'v1',
                    kind: 'DeleteOptions',
                    preconditions: { uid: m.uid, resourceVersion: m.resourceVersion }
                }
            })
                .catch((error) => runner.warning(`Lease ${namespace}/${name} not released (it expires on its own): ${error.message}`));
        }
    };
}
// ---------------------------------------------------------------------------------------------
// apply
async function livePath(api, o, namespace) {
    return api.pathOf(o.apiVersion, o.kind, namespace, o.metadata.name);
}
/** Server-side apply of every object, in the order given; what each did, and the live workloads before. */
async function applyAll(ctx, settings, manifests) {
    const { api, runner, namespace } = ctx;
    const applied = [];
    const before = new Map();
    const after = new Map();
    await runner.group(`Apply ${manifests.length} object(s) to namespace ${namespace} (server-side, field manager ${settings.fieldManager})`, async () => {
        for (const m of manifests) {
            const live = await api.get(await livePath(api, m.object, namespace));
            before.set(keyOf(m.object), live);
            let result;
            try {
                result = await api.apply(m.object, namespace, {
                    fieldManager: settings.fieldManager,
                    force: settings.forceConflicts
                });
            }
            catch (error) {
                if (error instanceof KubeError && error.status === 409) {
                    throw new errors/* ConfigurationError */.j1(`${m.source}: applying ${objectName(m.object)} conflicts with another field manager: ${error.body?.message ?? error.message}\nSet force-conflicts: true to take the fields over, or remove them from the manifest.`);
                }
                if (error instanceof KubeError)
                    throw new errors/* ConfigurationError */.j1(`${m.source}: applying ${objectName(m.object)} failed: ${error.message}`);
                throw error;
            }
            after.set(keyOf(m.object), result);
            const action = !live
                ? 'created'
                : meta(live).resourceVersion === meta(result).resourceVersion
                    ? 'unchanged'
                    : 'configured';
            applied.push({ object: objectName(m.object), action });
            runner.info(`${objectName(m.object)} ${action}`);
        }
    });
    return { applied, before, after };
}
/** The dry run: the server's own dry-run apply of each object, and what it would change. */
async function dryRunAll(ctx, settings, manifests) {
    const { api, namespace } = ctx;
    const out = [];
    for (const m of manifests) {
        const live = await api.get(await livePath(api, m.object, namespace));
        const result = await api
            .apply(m.object, namespace, {
            fieldManager: settings.fieldManager,
            force: settings.forceConflicts,
            dryRun: true
        })
            .catch((error) => {
            if (error instanceof KubeError)
                throw new errors/* ConfigurationError */.j1(`${m.source}: the server's dry run of ${objectName(m.object)} failed: ${error.message}`);
            throw error;
        });
        out.push({
            object: objectName(m.object),
            live: Boolean(live),
            changes: live ? diffObjects(live, result) : []
        });
    }
    return out;
}
/** Polls every workload (pollUntil) until none is progressing or the deadline passes; logs each change. */
async function follow(ctx, targets, deadline, label) {
    const { api, clock, runner } = ctx;
    const state = new Map(targets.map((t) => [
        `${t.kind}/${t.name}`,
        { ...t, status: { state: 'progressing', message: 'waiting for the first status' } }
    ]));
    const settled = () => [...state.values()].every((f) => f.status.state !== 'progressing');
    await runner.group(label, () => (0,poll/* pollUntil */.g)(async () => {
        for (const f of state.values()) {
            if (f.status.state !== 'progressing')
                continue;
            const object = await api.get(f.path);
            if (!object) {
                f.status = { state: 'failed', message: `${f.kind}/${f.name} no longer exists` };
                continue;
            }
            const status = rolloutStatus(object);
            if (status.message !== f.status.message)
                runner.info(`${f.kind}/${f.name}: ${status.message}`);
            f.object = object;
            f.status = status;
        }
        return settled();
    }, {
        clock,
        timeoutMs: Math.max(0, deadline - clock.now()),
        interval: { initialMs: Math.min(500, ctx.pollMs), maxMs: ctx.pollMs },
        done: (done) => done
    }));
    return new Map([...state].map(([k, f]) => [k, { ...f, timedOut: f.status.state === 'progressing' }]));
}
/** The ReplicaSets of a Deployment (owned by it), newest revision first. */
async function replicaSetsOf(ctx, deployment) {
    const path = await ctx.api.pathOf('apps/v1', 'ReplicaSet', ctx.namespace);
    const selector = selectorOf(deployment);
    const list = await ctx.api.request('GET', path, {
        query: selector ? { labelSelector: selector } : {}
    });
    return ownedReplicaSets(deployment, list?.items ?? []);
}
/** Why the current revision's pods are not ready, and the Warning events of its ReplicaSet. */
async function failureDetails(ctx, kind, object) {
    if (!object)
        return { problems: [], events: [] };
    const podsPath = await ctx.api.pathOf('v1', 'Pod', ctx.namespace);
    let selector = selectorOf(object);
    let eventsFor = meta(object).name;
    if (kind === 'Deployment') {
        const current = revisionOf(object);
        const rs = (await replicaSetsOf(ctx, object)).find((r) => revisionOf(r) === current);
        const hash = rs
            ? meta(rs).labels?.['pod-template-hash']
            : undefined;
        if (hash)
            selector = `${selector ? `${selector},` : ''}pod-template-hash=${hash}`;
        if (rs)
            eventsFor = meta(rs).name;
    }
    const pods = await ctx.api.request('GET', podsPath, {
        query: selector ? { labelSelector: selector } : {}
    });
    const problems = podProblems(pods?.items ?? []);
    const eventsPath = await ctx.api.pathOf('v1', 'Event', ctx.namespace);
    const events = await ctx.api
        .request('GET', eventsPath, {
        query: { fieldSelector: `involvedObject.name=${eventsFor},type=Warning` }
    })
        .then((list) => (list?.items ?? [])
        .map((e) => `${String(e.reason)}: ${String(e.message)}`)
        .slice(-5))
        .catch(() => []);
    return { problems, events };
}
/**
 * What `kubectl rollout undo` does: the Deployment's pod template replaced by that of the
 * ReplicaSet at `before` (else the revision below the current one). A JSON patch under our field
 * manager, so the next apply by the same manager does not conflict with it.
 */
/**
 * What `kubectl rollout undo` does (the Deployment's pod template replaced by that of the
 * ReplicaSet at `before`, else the last good revision below the current one), but as a
 * server-side apply under our own field manager: the manifest with the old template. A plain
 * patch would leave the fields to an "Update" manager, and the next deploy would conflict with it.
 * The ReplicaSet of the failed revision is marked, so `rollback-to: previous` never goes back to it.
 */
async function undoDeployment(ctx, settings, manifest, deployment, before, failed) {
    const current = revisionOf(deployment);
    const sets = await replicaSetsOf(ctx, deployment);
    const currentSet = sets.find((rs) => revisionOf(rs) === current);
    if (failed && currentSet) {
        const rsPath = await ctx.api.pathOf('apps/v1', 'ReplicaSet', ctx.namespace, String(meta(currentSet).name));
        await ctx.api
            .request('PATCH', rsPath, {
            body: { metadata: { annotations: { [FAILED_ANNOTATION]: 'true' } } },
            contentType: 'application/merge-patch+json'
        })
            .catch(() => undefined); // only a hint for a later rollback-to; the undo matters more
    }
    const candidates = sets.filter((rs) => meta(rs).annotations?.[FAILED_ANNOTATION] !== 'true' ||
        revisionOf(rs) === before);
    const previous = previousReplicaSet(candidates, current, before);
    if (!previous)
        return {
            result: 'impossible',
            message: `no earlier good revision than ${current ?? 'the current one'} to go back to`
        };
    const annotations = {
        ...(manifest.metadata.annotations ?? {}),
        [ANNOTATION.changeCause]: `gantry k8s-deploy: rollback to revision ${revisionOf(previous) ?? '?'}`
    };
    const object = {
        apiVersion: manifest.apiVersion,
        kind: manifest.kind,
        metadata: { ...manifest.metadata, namespace: ctx.namespace, annotations },
        spec: { ...manifest.spec, template: templateOf(previous) }
    };
    await ctx.api.apply(object, ctx.namespace, { fieldManager: settings.fieldManager, force: true });
    return { patched: revisionOf(previous) };
}
async function rollBack(ctx, settings, w, object, before, failed) {
    if (w.kind !== 'Deployment') {
        return {
            result: 'impossible',
            message: `automatic rollback is implemented for Deployments; roll ${w.kind}/${w.name} back by deploying the previous version`
        };
    }
    const live = object ?? (await ctx.api.get(w.path));
    if (!live)
        return { result: 'impossible', message: `${w.kind}/${w.name} no longer exists` };
    const undone = await undoDeployment(ctx, settings, w.manifest, live, before, failed);
    if ('result' in undone)
        return undone;
    ctx.runner.info(`${w.kind}/${w.name}: rolling back to the template of revision ${undone.patched}`);
    const followed = (await follow(ctx, [w], ctx.clock.now() + settings.timeoutMs, `Follow the rollback of ${w.kind}/${w.name}`)).get(`${w.kind}/${w.name}`);
    return {
        ...(undone.patched !== undefined ? { toRevision: undone.patched } : {}),
        ...(revisionOf(followed.object) !== undefined ? { revision: revisionOf(followed.object) } : {}),
        result: followed.timedOut
            ? 'timed-out'
            : followed.status.state === 'complete'
                ? 'complete'
                : 'failed',
        message: followed.status.message
    };
}
/** The whole deploy (lock held by the caller). */
async function deploy(ctx, settings) {
    const started = ctx.clock.now();
    const manifests = withDefaultProtocols(withNamespace(settings.manifests, ctx.namespace));
    const { applied, before, after } = await applyAll(ctx, settings, manifests);
    const targets = await Promise.all(manifests
        .filter((m) => isWorkload(m.object))
        .map(async (m) => ({
        kind: m.object.kind,
        name: m.object.metadata.name,
        path: await livePath(ctx.api, m.object, ctx.namespace),
        manifest: m.object
    })));
    const followed = await follow(ctx, targets, started + settings.timeoutMs, `Follow the rollout of ${targets.map((t) => `${t.kind}/${t.name}`).join(', ') || 'nothing (no workloads)'}`);
    const workloads = [];
    for (const t of targets) {
        const key = `${t.kind}/${t.name}`;
        const f = followed.get(key);
        const revisionBefore = revisionOf(before.get(key));
        const result = f.timedOut
            ? 'timed-out'
            : f.status.state === 'complete'
                ? 'complete'
                : 'failed';
        const outcome = {
            kind: t.kind,
            name: t.name,
            ...(revisionBefore !== undefined ? { revisionBefore } : {}),
            ...(revisionOf(f.object ?? after.get(key)) !== undefined
                ? { revisionAfter: revisionOf(f.object ?? after.get(key)) }
                : {}),
            result,
            message: f.timedOut
                ? `not complete within ${Math.round(settings.timeoutMs / 1000)} s (timeout): ${f.status.message}`
                : f.status.message,
            problems: [],
            events: []
        };
        if (result !== 'complete') {
            const details = await failureDetails(ctx, t.kind, f.object);
            outcome.problems = details.problems;
            outcome.events = details.events;
            for (const p of details.problems)
                ctx.runner.info(`  ${p.pod}: ${p.reason}${p.detail ? `: ${p.detail}` : ''}`);
            if (settings.autoRollback) {
                outcome.rollback = before.get(key)
                    ? await rollBack(ctx, settings, t, f.object, revisionBefore, true)
                    : {
                        result: 'impossible',
                        message: `${key} was created by this deploy: there is no earlier revision`
                    };
            }
        }
        workloads.push(outcome);
    }
    const failedOnes = workloads.filter((w) => w.result !== 'complete');
    const result = failedOnes.length === 0
        ? 'completed'
        : failedOnes.every((w) => w.rollback?.result === 'complete')
            ? 'rolled-back'
            : 'failed';
    return {
        namespace: ctx.namespace,
        applied,
        workloads,
        result,
        durationMs: ctx.clock.now() - started
    };
}
/** `rollback-to: previous`: each workload undone to the revision before its current one, followed. */
async function rollbackToPrevious(ctx, settings) {
    const started = ctx.clock.now();
    const workloads = [];
    for (const m of settings.manifests.filter((x) => isWorkload(x.object))) {
        const path = await livePath(ctx.api, m.object, ctx.namespace);
        const live = await ctx.api.get(path);
        if (!live)
            throw new errors/* ConfigurationError */.j1(`${objectName(m.object)} does not exist in namespace ${ctx.namespace}: nothing to roll back`);
        const manifest = withDefaultProtocols(withNamespace([m], ctx.namespace))[0].object;
        const w = { kind: m.object.kind, name: m.object.metadata.name, path, manifest };
        const rollback = await rollBack(ctx, settings, w, live, undefined, false);
        const details = rollback.result === 'complete' || rollback.result === 'impossible'
            ? { problems: [], events: [] }
            : await failureDetails(ctx, w.kind, await ctx.api.get(path));
        workloads.push({
            kind: w.kind,
            name: w.name,
            ...(revisionOf(live) !== undefined ? { revisionBefore: revisionOf(live) } : {}),
            ...(rollback.revision !== undefined ? { revisionAfter: rollback.revision } : {}),
            result: rollback.result === 'impossible' ? 'failed' : rollback.result,
            message: rollback.message,
            ...details,
            rollback
        });
    }
    const result = workloads.every((w) => w.result === 'complete') ? 'completed' : 'failed';
    return {
        namespace: ctx.namespace,
        applied: [],
        workloads,
        result,
        durationMs: ctx.clock.now() - started
    };
}
/** Each workload's rollout as the seam's RolloutOutcome: revisions before and after, what was tried. */
function rolloutOutcomes(outcome, rollbackOnly) {
    const rev = (n) => (n === undefined ? undefined : `revision ${n}`);
    return outcome.workloads.map((w) => {
        const unit = `${outcome.namespace}/${w.kind}/${w.name}`;
        const common = {
            unit,
            durationMs: outcome.durationMs,
            ...(w.revisionBefore !== undefined ? { before: rev(w.revisionBefore) } : {})
        };
        if (w.result === 'complete') {
            return {
                ...common,
                status: 'deployed',
                ...(w.revisionAfter !== undefined ? { after: rev(w.revisionAfter) } : {}),
                message: rollbackOnly ? `rolled back: ${w.message}` : w.message
            };
        }
        if (!rollbackOnly && w.rollback?.result === 'complete') {
            return {
                ...common,
                status: 'rolled-back',
                ...(w.revisionAfter !== undefined ? { attempted: rev(w.revisionAfter) } : {}),
                ...(w.rollback.revision !== undefined ? { after: rev(w.rollback.revision) } : {}),
                message: w.message
            };
        }
        return {
            ...common,
            status: 'failed',
            ...(w.revisionAfter !== undefined ? { after: rev(w.revisionAfter) } : {}),
            message: w.rollback && w.rollback.result !== 'complete'
                ? `${w.message}; not rolled back: ${w.rollback.message}`
                : w.message
        };
    });
}
/** The Kubernetes target: a deploy (or `rollback-to: previous`) under the app's Lease. */
const k8sTarget = {
    name: 'kubernetes',
    async deploy({ settings, ctx }) {
        const lease = await acquireLease(ctx, settings);
        let k8s;
        try {
            k8s = settings.rollback
                ? await rollbackToPrevious(ctx, settings)
                : await deploy(ctx, settings);
        }
        finally {
            await lease.release();
        }
        const outcomes = rolloutOutcomes(k8s, settings.rollback);
        const worst = outcomes.find((o) => o.status === 'failed') ??
            outcomes.find((o) => o.status === 'rolled-back') ??
            outcomes[0];
        return {
            unit: `${ctx.namespace}/${settings.app}`,
            status: worst?.status ?? 'deployed',
            durationMs: k8s.durationMs,
            ...(worst?.before ? { before: worst.before } : {}),
            ...(worst?.after ? { after: worst.after } : {}),
            ...(worst?.attempted ? { attempted: worst.attempted } : {}),
            ...(worst?.message ? { message: worst.message } : {}),
            k8s,
            outcomes
        };
    }
};

// EXTERNAL MODULE: ./src/deploy/outcome.ts
var deploy_outcome = __webpack_require__(84535);
// EXTERNAL MODULE: ./src/lib/markdown.ts
var markdown = __webpack_require__(33862);
// EXTERNAL MODULE: ./src/lib/duration.ts
var duration = __webpack_require__(82543);
;// CONCATENATED MODULE: ./src/actions/k8s-deploy/report.ts
/** What `k8s-deploy` tells the user: the failure message, the job summary, the dry run. Pure. */





const rev = (n) => (n === undefined ? '—' : String(n));
function revisionCell(w) {
    const base = `${rev(w.revisionBefore)} → ${rev(w.revisionAfter)}`;
    if (!w.rollback || w.rollback.result === 'impossible')
        return base;
    return `${base}, rolled back to the template of ${rev(w.rollback.toRevision)} (now ${rev(w.rollback.revision)})`;
}
function resultCell(w, rollbackOnly) {
    if (rollbackOnly)
        return w.result === 'complete'
            ? `rolled back: ${w.message}`
            : `rollback ${w.result}: ${w.message}`;
    if (w.result === 'complete')
        return `complete: ${w.message}`;
    const why = `${w.result === 'timed-out' ? 'timed out' : 'failed'}: ${w.message}`;
    if (!w.rollback)
        return `${why} (auto-rollback is off)`;
    if (w.rollback.result === 'impossible')
        return `${why}; not rolled back: ${w.rollback.message}`;
    return `${why}; rollback ${w.rollback.result === 'complete' ? 'complete' : `${w.rollback.result}: ${w.rollback.message}`}`;
}
/** The step's failure: each failed workload, what happened to its rollback, and its pods' reasons. */
function failureMessage(settings, outcome) {
    const lines = [];
    for (const w of outcome.workloads.filter((x) => x.result !== 'complete')) {
        const what = `${w.kind}/${w.name} in ${outcome.namespace}`;
        if (settings.rollback)
            lines.push(`The rollback of ${what} did not complete: ${w.message}`);
        else {
            const verb = w.result === 'timed-out'
                ? `did not complete within ${(0,duration/* formatDuration */.a)(settings.timeoutMs)} (timeout)`
                : 'failed';
            lines.push(`The rollout of ${what} (revision ${rev(w.revisionBefore)} → ${rev(w.revisionAfter)}) ${verb}: ${w.message}`);
            if (w.rollback?.result === 'complete')
                lines.push(`It was rolled back to the template of revision ${rev(w.rollback.toRevision)}, which is healthy again (now revision ${rev(w.rollback.revision)}).`);
            else if (w.rollback)
                lines.push(`It was NOT rolled back: ${w.rollback.result === 'impossible' ? w.rollback.message : `the rollback ${w.rollback.result}: ${w.rollback.message}`}`);
        }
        if (w.problems.length > 0)
            lines.push('Pods of the new revision:', ...w.problems.map((p) => `  ${describeProblem(p)}`));
        if (w.events.length > 0)
            lines.push('Warning events:', ...w.events.map((e) => `  ${e}`));
    }
    return lines.join('\n');
}
/** The seam's rollout table (one row per workload), then what only Kubernetes reports. */
function renderSummary(settings, outcome, report) {
    const title = settings.rollback
        ? `Kubernetes rollback: ${settings.app}`
        : `Kubernetes deploy: ${settings.app}`;
    const head = [
        ['Namespace', { raw: (0,markdown/* code */.aY)(outcome.namespace) }],
        ['Result', outcome.result],
        ['Duration', (0,duration/* formatDuration */.a)(outcome.durationMs)]
    ];
    if (settings.image) {
        head.push([
            'Image',
            {
                raw: `${(0,markdown/* code */.aY)(settings.image.reference)}${settings.image.byDigest ? '' : ' (by tag: a digest pins it)'}`
            }
        ]);
    }
    let body = (0,markdown/* table */.tp)(['', ''], head);
    if (outcome.workloads.length > 0) {
        body +=
            '\n\n' +
                (0,markdown/* table */.tp)(['Workload', 'Revision', 'Result'], outcome.workloads.map((w) => [
                    { raw: (0,markdown/* code */.aY)(`${w.kind}/${w.name}`) },
                    revisionCell(w),
                    resultCell(w, settings.rollback)
                ]));
    }
    if (outcome.applied.length > 0) {
        body +=
            '\n\n' +
                (0,markdown/* table */.tp)(['Applied', 'Action'], outcome.applied.map((a) => [{ raw: (0,markdown/* code */.aY)(a.object) }, a.action]));
    }
    const problems = outcome.workloads.flatMap((w) => w.problems.map((p) => `${w.kind}/${w.name} ${describeProblem(p)}`));
    if (problems.length > 0)
        body += `\n\n**Failing pods**\n\n${(0,markdown/* pre */.AS)(problems.join('\n'))}`;
    return (report ? (0,deploy_outcome/* renderSummary */.Br)(report) + '\n' : '') + (0,markdown/* summary */.z)(title, body);
}
function renderDryRun(settings, namespace, plan) {
    const lines = [
        `Dry run (the server's own dry-run apply; nothing changed) in namespace ${namespace}:`
    ];
    const rows = [];
    for (const p of plan) {
        const what = !p.live
            ? 'would be created'
            : p.changes.length === 0
                ? 'unchanged'
                : `would change ${p.changes.length} field(s)`;
        lines.push(`${p.object}: ${what}`, ...p.changes.map((c) => `  ${formatChange(c)}`));
        rows.push([{ raw: (0,markdown/* code */.aY)(p.object) }, what, p.changes.map(formatChange).join('\n')]);
    }
    return {
        log: lines.join('\n'),
        summary: (0,markdown/* summary */.z)(`Kubernetes deploy (dry run): ${settings.app}`, (0,markdown/* table */.tp)(['Object', 'Would', 'Changes'], rows))
    };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/core/aws-region.ts
var aws_region = __webpack_require__(15507);
;// CONCATENATED MODULE: ./src/actions/k8s-deploy/settings.ts
/**
 * The inputs of `k8s-deploy`, read once and validated before anything reaches the cluster: the
 * manifests are read, parsed, given the new image and the run's annotations here.
 */






const INPUTS = {
    manifests: 'manifests',
    namespace: 'namespace',
    image: 'image',
    containers: 'containers',
    version: 'version',
    kubeconfig: 'kubeconfig',
    context: 'context',
    eksCluster: 'eks-cluster',
    region: 'region',
    server: 'server',
    certificateAuthorityData: 'certificate-authority-data',
    app: 'app',
    fieldManager: 'field-manager',
    forceConflicts: 'force-conflicts',
    timeout: 'timeout',
    lockTimeout: 'lock-timeout',
    autoRollback: 'auto-rollback',
    rollbackTo: 'rollback-to',
    dryRun: 'dry-run'
};
const EKS_NAME = /^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/;
const FIELD_MANAGER = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const MAX_TIMEOUT_MS = 6 * 3_600_000;
function readSettings(inputs, env, ci, workspace) {
    const access = readAccess(inputs, env);
    const namespaceInput = inputs.optional(INPUTS.namespace);
    if (namespaceInput !== undefined &&
        (!NAMESPACE.test(namespaceInput) || namespaceInput.length > 63)) {
        throw new errors/* InputError */.dz(INPUTS.namespace, namespaceInput, 'a namespace name (lower case letters, digits and `-`, up to 63)');
    }
    const rollbackTo = inputs.optional(INPUTS.rollbackTo);
    if (rollbackTo !== undefined && rollbackTo !== 'previous') {
        throw new errors/* InputError */.dz(INPUTS.rollbackTo, rollbackTo, '`previous` (undo each workload to the revision before its current one, as `kubectl rollout undo` does), or empty to deploy');
    }
    const rollback = rollbackTo === 'previous';
    const imageRef = inputs.optional(INPUTS.image);
    const containers = inputs.list(INPUTS.containers);
    if (rollback && imageRef !== undefined) {
        throw new errors/* InputError */.dz(INPUTS.rollbackTo, 'previous', `no \`${INPUTS.image}\` with it: a rollback goes back to what ran before, as it was`);
    }
    if (imageRef === undefined && containers.length > 0) {
        throw new errors/* InputError */.dz(INPUTS.image, '', `the image to put in container(s) ${containers.map((c) => `\`${c}\``).join(', ')}`);
    }
    let byDigest = false;
    if (imageRef !== undefined) {
        const parsed = parseImage(imageRef);
        if (failed(parsed))
            throw new errors/* InputError */.dz(INPUTS.image, imageRef, parsed.error);
        byDigest = parsed.digest !== undefined;
    }
    for (const c of containers) {
        if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(c))
            throw new errors/* InputError */.dz(INPUTS.containers, c, 'container names (lower case letters, digits and `-`)');
    }
    const fieldManager = inputs.optional(INPUTS.fieldManager) ?? 'gantry';
    if (!FIELD_MANAGER.test(fieldManager))
        throw new errors/* InputError */.dz(INPUTS.fieldManager, fieldManager, 'a field manager name (letters, digits, `.`, `_`, `:`, `-`, up to 128)');
    const timeoutMs = inputs.duration(INPUTS.timeout, 600_000);
    if (timeoutMs < 1000 || timeoutMs > MAX_TIMEOUT_MS)
        throw new errors/* InputError */.dz(INPUTS.timeout, inputs.optional(INPUTS.timeout) ?? '', 'a duration from `1s` to `6h`');
    const lockTimeoutMs = inputs.duration(INPUTS.lockTimeout, 300_000);
    if (lockTimeoutMs > MAX_TIMEOUT_MS)
        throw new errors/* InputError */.dz(INPUTS.lockTimeout, inputs.optional(INPUTS.lockTimeout) ?? '', 'a duration up to `6h` (`0`: do not wait)');
    const forceConflicts = inputs.boolean(INPUTS.forceConflicts, false);
    const autoRollback = inputs.boolean(INPUTS.autoRollback, true);
    const dryRun = inputs.boolean(INPUTS.dryRun, false);
    const paths = inputs.list(INPUTS.manifests);
    if (paths.length === 0)
        throw new errors/* InputError */.dz(INPUTS.manifests, '', 'manifest files, directories or a kustomization directory (relative to the workspace), one per line');
    // Last: the files are read only once every other input is known to be good.
    const { manifests: read, sources } = readManifests(paths, workspace);
    let manifests = read;
    let image;
    if (imageRef !== undefined) {
        const substituted = substituteImage(read, imageRef, containers);
        if (failed(substituted))
            throw new errors/* InputError */.dz(containers.length ? INPUTS.containers : INPUTS.image, containers.length ? containers.join(',') : imageRef, substituted.error);
        manifests = substituted.manifests;
        image = { reference: imageRef, changes: substituted.changes, byDigest };
    }
    const runVersion = inputs.optional(INPUTS.version) ?? tagOf(imageRef);
    if (!rollback)
        manifests = annotate(manifests, { version: runVersion, runUrl: ci.runUrl, actor: ci.actor });
    const workloads = manifests.filter((m) => isWorkload(m.object));
    if (rollback && workloads.length === 0) {
        throw new errors/* InputError */.dz(INPUTS.manifests, paths.join(', '), 'manifests with a Deployment, StatefulSet or DaemonSet to roll back');
    }
    const app = inputs.optional(INPUTS.app) ??
        workloads[0]?.object.metadata.name ??
        manifests[0].object.metadata.name;
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(app))
        throw new errors/* InputError */.dz(INPUTS.app, app, 'an app name (letters, digits, `.`, `_`, `-`): the lock is named after it');
    return {
        access,
        ...(namespaceInput ? { namespaceInput } : {}),
        manifests,
        sources,
        ...(image ? { image } : {}),
        ...(runVersion ? { version: runVersion } : {}),
        app,
        fieldManager,
        forceConflicts,
        timeoutMs,
        lockTimeoutMs,
        autoRollback,
        rollback,
        dryRun
    };
}
function tagOf(reference) {
    if (!reference)
        return undefined;
    const parsed = parseImage(reference);
    return failed(parsed) ? undefined : (parsed.tag ?? parsed.digest);
}
function readAccess(inputs, env) {
    const kubeconfig = inputs.secret(INPUTS.kubeconfig);
    const cluster = inputs.optional(INPUTS.eksCluster);
    const context = inputs.optional(INPUTS.context);
    if (kubeconfig !== undefined && cluster !== undefined) {
        throw new errors/* InputError */.dz(INPUTS.eksCluster, cluster, `no \`${INPUTS.kubeconfig}\` with it: either a kubeconfig, or an EKS cluster (name and region)`);
    }
    if (kubeconfig !== undefined)
        return { kind: 'kubeconfig', content: kubeconfig, ...(context ? { context } : {}) };
    if (cluster === undefined) {
        throw new errors/* InputError */.dz(INPUTS.kubeconfig, '', `a kubeconfig (its content, from a secret), or \`${INPUTS.eksCluster}\` and \`${INPUTS.region}\` for EKS`);
    }
    if (!EKS_NAME.test(cluster))
        throw new errors/* InputError */.dz(INPUTS.eksCluster, cluster, 'an EKS cluster name (letters, digits, `-` and `_`, up to 100)');
    const region = (0,aws_region/* resolveRegion */.Zv)(INPUTS.region, inputs.optional(INPUTS.region), env);
    // Both or neither: without them, DescribeCluster gives them, as `aws eks update-kubeconfig` does.
    const server = inputs.optional(INPUTS.server);
    const caData = inputs.optional(INPUTS.certificateAuthorityData);
    if (server === undefined && caData === undefined)
        return { kind: 'eks', cluster, region };
    if (server === undefined || !/^https:\/\/[^\s/?#]+(:\d+)?\/?$/.test(server)) {
        throw new errors/* InputError */.dz(INPUTS.server, server ?? '', "the cluster's API endpoint, `https://…`, with `certificate-authority-data` (or neither: then they come from EKS DescribeCluster)");
    }
    if (caData === undefined ||
        !/^[A-Za-z0-9+/=\s]+$/.test(caData) ||
        !Buffer.from(caData, 'base64').toString('latin1').includes('-----BEGIN CERTIFICATE-----')) {
        throw new errors/* InputError */.dz(INPUTS.certificateAuthorityData, caData ?? '', "the cluster's CA certificate, base64 as EKS gives it, with `server` (or neither: then they come from EKS DescribeCluster)");
    }
    return {
        kind: 'eks',
        cluster,
        region,
        server: server.replace(/\/$/, ''),
        caData: caData.replace(/\s+/g, '')
    };
}
const MANIFEST_FILE = /\.(ya?ml|json)$/i;
const KUSTOMIZATION = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
function readManifests(paths, workspace) {
    const manifests = [];
    const sources = [];
    for (const path of paths) {
        const absolute = (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(workspace, path);
        if (!(0,external_node_fs_.existsSync)(absolute))
            throw new errors/* InputError */.dz(INPUTS.manifests, path, `manifest files or directories; ${absolute} does not exist`);
        if ((0,external_node_fs_.statSync)(absolute).isDirectory()) {
            if (KUSTOMIZATION.some((k) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(absolute, k)))) {
                const parsed = parseManifests(kustomize(absolute, path), `${path} (kustomize)`);
                if (failed(parsed))
                    throw new errors/* InputError */.dz(INPUTS.manifests, path, parsed.error);
                manifests.push(...parsed);
                sources.push(`${path} (kustomization)`);
                continue;
            }
            const files = (0,external_node_fs_.readdirSync)(absolute)
                .filter((f) => MANIFEST_FILE.test(f))
                .sort();
            if (files.length === 0)
                throw new errors/* InputError */.dz(INPUTS.manifests, path, `a directory with .yaml, .yml or .json manifests; ${absolute} has none`);
            for (const f of files)
                manifests.push(...readFile((0,external_node_path_.join)(absolute, f), (0,external_node_path_.join)(path, f)));
            sources.push(path);
        }
        else {
            manifests.push(...readFile(absolute, path));
            sources.push(path);
        }
    }
    if (manifests.length === 0)
        throw new errors/* InputError */.dz(INPUTS.manifests, paths.join(', '), 'at least one Kubernetes object (the files are empty)');
    const seen = new Map();
    for (const m of manifests) {
        const key = `${m.object.apiVersion.split('/')[0]}/${m.object.kind}/${m.object.metadata.namespace ?? ''}/${m.object.metadata.name}`;
        const first = seen.get(key);
        if (first)
            throw new errors/* InputError */.dz(INPUTS.manifests, paths.join(', '), `each object once; ${m.object.kind}/${m.object.metadata.name} is in ${first} and ${m.source}`);
        seen.set(key, m.source);
    }
    return { manifests, sources };
}
function readFile(absolute, shown) {
    const parsed = parseManifests((0,external_node_fs_.readFileSync)(absolute, 'utf8'), shown);
    if (failed(parsed))
        throw new errors/* InputError */.dz(INPUTS.manifests, shown, parsed.error);
    return parsed;
}
/** The machine's kubectl renders the kustomization (argv, no shell); none installed is an error. */
function kustomize(dir, shown) {
    try {
        return (0,external_node_child_process_.execFileSync)('kubectl', ['kustomize', dir], {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
            maxBuffer: 64 * 1024 * 1024
        });
    }
    catch (error) {
        const e = error;
        if (e.code === 'ENOENT')
            throw new errors/* InputError */.dz(INPUTS.manifests, shown, 'plain manifests: this directory is a kustomization, and rendering it needs `kubectl` on the PATH, which this machine has not got');
        throw new errors/* InputError */.dz(INPUTS.manifests, shown, `a kustomization \`kubectl kustomize\` can render; it said: ${(e.stderr ?? e.message).trim().split('\n').slice(-3).join(' ')}`);
    }
}

;// CONCATENATED MODULE: ./src/actions/k8s-deploy/main.ts
/**
 * Action `k8s-deploy`: manifests applied server-side (the new image in the named containers, the
 * run recorded in annotations), every Deployment, StatefulSet and DaemonSet followed until the
 * cluster says its rollout completed; a rollout past its progress deadline or the step's timeout
 * is undone to the revision before and followed back to healthy, and the step fails with the
 * pods' reasons. One deploy per app at a time (a Lease). Credentials: a kubeconfig, or EKS.
 */














async function run(deps = {}) {
    const runner = deps.runner ?? (0,lib_runner/* githubRunner */.O)();
    await (0,action/* runAction */.C)(runner, async () => {
        const workspace = deps.workspace ?? runner.env.GITHUB_WORKSPACE ?? process.cwd();
        const inputs = new lib_inputs/* InputReader */.i_(runner.getInput, runner.setSecret);
        const ci = (0,context/* readCiContext */.OW)(runner.env);
        const settings = readSettings(inputs, runner.env, ci, workspace);
        if (settings.image && !settings.image.byDigest) {
            runner.notice(`Input '${INPUTS.image}' is ${JSON.stringify(settings.image.reference)}: a tag can be moved; deploy by digest (\`repo@sha256:…\`, image-push's output) so a rollback brings back exactly what ran.`, { title: 'Image by tag' });
        }
        const credentials = await credentialsFor(settings, runner, deps);
        if (credentials.kind === 'token')
            runner.setSecret(credentials.token);
        const api = await (deps.api ?? ((c, r) => k8sApi(c, (m) => r.info(m))))(credentials, runner);
        const resolved = resolveNamespace(settings.manifests, settings.namespaceInput, api.contextNamespace);
        if (failed(resolved))
            throw new errors/* InputError */.dz(INPUTS.namespace, settings.namespaceInput ?? '', resolved.error);
        runner.info(`Cluster ${api.server}, namespace ${resolved.namespace} (from ${resolved.from})`);
        const ctx = {
            api,
            runner,
            clock: deps.clock ?? clock/* realClock */.d,
            pollMs: deps.pollMs ?? 2000,
            namespace: resolved.namespace,
            holder: holderIdentity(runner.env, ci.actor)
        };
        if (settings.dryRun) {
            const plan = await dryRunAll(ctx, settings, withDefaultProtocols(settings.manifests));
            const dry = renderDryRun(settings, resolved.namespace, plan);
            runner.info(dry.log);
            runner.appendSummary(dry.summary);
            return;
        }
        const rollout = await k8sTarget.deploy({ settings, ctx });
        const outcome = rollout.k8s;
        const report = {
            action: 'k8s-deploy',
            app: settings.app,
            what: settings.rollback ? 'rollback to previous' : (settings.version ?? 'the manifests'),
            version: settings.rollback ? '' : (settings.version ?? ''),
            ...(settings.rollback ? { rollbackTo: 'previous' } : {}),
            scope: `namespace ${outcome.namespace}`,
            rolledBackBy: 'Gantry',
            outcomes: rollout.outcomes
        };
        setOutputs(runner, settings, outcome);
        runner.appendSummary(renderSummary(settings, outcome, report));
        if (outcome.result !== 'completed') {
            for (const a of (0,deploy_outcome/* failureAnnotations */.rb)(report))
                runner.error(a.message, { title: a.title });
            throw new errors/* ConfigurationError */.j1(failureMessage(settings, outcome));
        }
        for (const w of outcome.workloads) {
            runner.info(`${w.kind}/${w.name}: revision ${w.revisionBefore ?? '—'} → ${w.revisionAfter ?? '—'}, ${settings.rollback ? 'rolled back' : 'rollout complete'}`);
        }
    });
}
/** The kubeconfig as given, or for EKS a fresh token (and the endpoint from DescribeCluster if not given). */
async function credentialsFor(settings, runner, deps) {
    const access = settings.access;
    if (access.kind === 'kubeconfig') {
        return {
            kind: 'kubeconfig',
            content: access.content,
            ...(access.context ? { context: access.context } : {})
        };
    }
    const endpoint = access.server && access.caData
        ? { server: access.server, caData: access.caData }
        : await (deps.describeEks ?? describeEksCluster)(access.cluster, access.region, {
            onRetry: (m) => runner.info(m)
        });
    if (!(access.server && access.caData))
        runner.info(`EKS cluster ${access.cluster} (${access.region}): ${endpoint.server}`);
    return { kind: 'token', ...endpoint, token: await eksToken(access.cluster, access.region) };
}
/** Who holds the Lease: repository, run and attempt, actor, and a nonce so two jobs of one run differ. */
function holderIdentity(env, actor) {
    const run = env.GITHUB_RUN_ID
        ? `run ${env.GITHUB_RUN_ID}/${env.GITHUB_RUN_ATTEMPT ?? '1'}`
        : env.CIRCLE_BUILD_NUM
            ? `build ${env.CIRCLE_BUILD_NUM}`
            : 'local';
    const repo = env.GITHUB_REPOSITORY ?? env.CIRCLE_PROJECT_REPONAME ?? 'gantry';
    return `${repo} ${run}${env.GITHUB_JOB ? ` job ${env.GITHUB_JOB}` : ''}${actor ? ` by ${actor}` : ''} [${(0,external_node_crypto_.randomBytes)(3).toString('hex')}]`;
}
/** Set before a failure is reported too, so later steps (`if: failure()`) can tell what happened. */
function setOutputs(runner, settings, outcome) {
    const first = outcome.workloads[0];
    runner.setOutput('result', outcome.result);
    runner.setOutput('namespace', outcome.namespace);
    runner.setOutput('revision', first?.rollback?.revision !== undefined
        ? String(first.rollback.revision)
        : first?.revisionAfter !== undefined
            ? String(first.revisionAfter)
            : '');
    runner.setOutput('previous-revision', first?.revisionBefore !== undefined ? String(first.revisionBefore) : '');
    runner.setOutput('rolled-back', String(settings.rollback || outcome.workloads.some((w) => w.rollback?.result === 'complete')));
    runner.setOutput('resources', JSON.stringify(outcome.workloads.map((w) => ({
        kind: w.kind,
        name: w.name,
        revisionBefore: w.revisionBefore ?? null,
        revisionAfter: w.rollback?.revision ?? w.revisionAfter ?? null,
        result: w.result,
        rolledBack: w.rollback?.result === 'complete'
    }))));
}


/***/ }),

/***/ 15507:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zv: () => (/* binding */ resolveRegion)
/* harmony export */ });
/* unused harmony exports regionPartition, isRegion, REGION_EXPECTED */
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97268);
/**
 * AWS regions: the one rule every action that talks to AWS checks its region with. A region
 * belongs to a partition, and each partition names its regions by its own pattern (the
 * `regionRegex` of the AWS SDKs' partitions table); new regions of a partition fit its pattern
 * before any SDK lists them, so the patterns decide, not a list of today's regions.
 */

/**
 * In the SDKs' order; the specific patterns (`us-gov-`, `us-iso-`) come before nothing that
 * could also match them: `aws`'s pattern has one word between prefix and number, so
 * `us-gov-west-1` is not an `aws` region.
 */
const PARTITIONS = [
    {
        id: 'aws',
        dnsSuffix: 'amazonaws.com',
        pattern: /^(?:us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\d{1,2}$/
    },
    { id: 'aws-cn', dnsSuffix: 'amazonaws.com.cn', pattern: /^cn-[a-z]+-\d{1,2}$/ },
    { id: 'aws-us-gov', dnsSuffix: 'amazonaws.com', pattern: /^us-gov-[a-z]+-\d{1,2}$/ },
    { id: 'aws-iso', dnsSuffix: 'c2s.ic.gov', pattern: /^us-iso-[a-z]+-\d{1,2}$/ },
    { id: 'aws-iso-b', dnsSuffix: 'sc2s.sgov.gov', pattern: /^us-isob-[a-z]+-\d{1,2}$/ },
    { id: 'aws-iso-e', dnsSuffix: 'cloud.adc-e.uk', pattern: /^eu-isoe-[a-z]+-\d{1,2}$/ },
    { id: 'aws-iso-f', dnsSuffix: 'csp.hci.ic.gov', pattern: /^us-isof-[a-z]+-\d{1,2}$/ },
    // The AWS European Sovereign Cloud: Germany first; its pattern names the country.
    { id: 'aws-eusc', dnsSuffix: 'amazonaws.eu', pattern: /^eusc-de-[a-z]+-\d{1,2}$/ }
];
/** The partition a region belongs to; undefined when the text is no region of any partition. */
function regionPartition(region) {
    const found = PARTITIONS.find((p) => p.pattern.test(region));
    return found && { id: found.id, dnsSuffix: found.dnsSuffix };
}
function isRegion(text) {
    return regionPartition(text) !== undefined;
}
const REGION_EXPECTED = 'an AWS region such as `eu-west-1` (default: AWS_REGION or AWS_DEFAULT_REGION, as aws-actions/configure-aws-credentials sets them)';
/**
 * The region from the action's input, else from AWS_REGION or AWS_DEFAULT_REGION (empty
 * variables count as unset); an InputError naming `input` when it is no region.
 */
function resolveRegion(input, given, env) {
    const region = given ?? (env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim());
    if (region === undefined || !isRegion(region)) {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, region ?? '', REGION_EXPECTED);
    }
    return region;
}


/***/ }),

/***/ 58003:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   cO: () => (/* binding */ tagOf),
/* harmony export */   iP: () => (/* binding */ sanitizeTag),
/* harmony export */   mL: () => (/* binding */ TAG_EXPECTATION),
/* harmony export */   nA: () => (/* binding */ withoutDigest),
/* harmony export */   o_: () => (/* binding */ parseImageReference),
/* harmony export */   r_: () => (/* binding */ isValidTag)
/* harmony export */ });
/* unused harmony exports TAG_PATTERN, DIGEST_EXPECTATION, REFERENCE_EXPECTATION, isDigest, sameRepository */
/**
 * Image references as Docker reads them (the distribution/reference grammar and Docker's
 * normalisation): `[registry[:port]/]path[:tag][@digest]`. The one parser every action reads
 * image inputs with; nothing that fails it is ever output, or sent to a registry or a host.
 */
/** Docker Hub's name; `index.docker.io` is its legacy alias. */
const DOCKER_HUB = 'docker.io';
const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const TAG_EXPECTATION = 'a tag of 1 to 128 letters, digits, `_`, `.` and `-`, not starting with `.` or `-`';
const DIGEST_EXPECTATION = 'a digest such as `@sha256:` followed by 64 lowercase hex digits';
const REFERENCE_EXPECTATION = 'an image reference such as `ghcr.io/acme/shop:1.4.2` or `shop@sha256:…`';
function isValidTag(tag) {
    return TAG_PATTERN.test(tag);
}
/**
 * Turns a branch name into a tag: runs of characters outside the grammar become `-`, leading
 * characters a tag may not start with are dropped, and it is cut to 128 characters. Undefined
 * when nothing is left.
 */
function sanitizeTag(name) {
    const tag = name
        .replace(/[^A-Za-z0-9_.-]+/g, '-')
        .replace(/^[.-]+/, '')
        .slice(0, 128)
        .replace(/[.-]+$/, '');
    return isValidTag(tag) ? tag : undefined;
}
/** The digest algorithms registries verify (go-digest's), each with its length in hex. */
const DIGEST = /^(?:sha256:[a-f0-9]{64}|sha384:[a-f0-9]{96}|sha512:[a-f0-9]{128})$/;
function isDigest(text) {
    return DIGEST.test(text);
}
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const PATH = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`);
/** Docker refuses a name that could be mistaken for an image ID. */
const IMAGE_ID = /^[a-f0-9]{64}$/;
const NAME_MAX = 255;
/**
 * Parses `name[:tag][@digest]` (surrounding white space ignored). On failure, what was expected
 * and of which part, so callers can name their input and, for the name, their own example.
 */
function parseImageReference(text, options = {}) {
    const value = text.trim();
    const at = value.indexOf('@');
    const digest = at >= 0 ? value.slice(at + 1) : undefined;
    const nameAndTag = at >= 0 ? value.slice(0, at) : value;
    if (digest !== undefined && !isDigest(digest)) {
        return { error: DIGEST_EXPECTATION, part: 'digest' };
    }
    const colon = nameAndTag.indexOf(':', nameAndTag.lastIndexOf('/') + 1);
    const tag = colon >= 0 ? nameAndTag.slice(colon + 1) : undefined;
    const written = colon >= 0 ? nameAndTag.slice(0, colon) : nameAndTag;
    if (tag !== undefined && !isValidTag(tag))
        return { error: TAG_EXPECTATION, part: 'tag' };
    const split = splitDomain(written);
    const path = options.foldCase ? split.path.toLowerCase() : split.path;
    const name = split.domain === undefined ? path : `${split.domain}/${path}`;
    if (name.length > NAME_MAX ||
        (split.domain !== undefined && !DOMAIN.test(split.domain)) ||
        !PATH.test(path.toLowerCase()) ||
        IMAGE_ID.test(value)) {
        return { error: REFERENCE_EXPECTATION, part: 'name' };
    }
    if (path !== path.toLowerCase()) {
        const lowered = `${split.domain === undefined ? '' : `${split.domain}/`}${path.toLowerCase()}`;
        return {
            error: `${REFERENCE_EXPECTATION}; repository names are lower case (\`${lowered}\`)`,
            part: 'name'
        };
    }
    const registry = split.domain === undefined || split.domain === 'index.docker.io' ? DOCKER_HUB : split.domain;
    const repository = registry === DOCKER_HUB && !path.includes('/') ? `library/${path}` : path;
    return {
        reference: {
            registry,
            repository,
            ...(tag === undefined ? {} : { tag }),
            ...(digest === undefined ? {} : { digest })
        },
        name
    };
}
/**
 * Docker's rule: the first component names a registry when it has a dot or a port, or is
 * `localhost` (or an IPv6 address in brackets); else the whole name is a Docker Hub path.
 */
function splitDomain(name) {
    const slash = name.indexOf('/');
    const first = slash >= 0 ? name.slice(0, slash) : '';
    const isDomain = slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first.startsWith('['));
    return isDomain ? { domain: first, path: name.slice(slash + 1) } : { path: name };
}
/** The tag of a reference; undefined when it has none, or is none (upper case is forgiven). */
function tagOf(text) {
    const parsed = parseImageReference(text, { foldCase: true });
    return 'reference' in parsed ? parsed.reference.tag : undefined;
}
/**
 * The reference as written, without its digest: Swarm reports a service's image pinned
 * (`shop:1.4@sha256:…`) where the user wrote `shop:1.4`.
 */
function withoutDigest(text) {
    const at = text.lastIndexOf('@');
    return at >= 0 && isDigest(text.slice(at + 1)) ? text.slice(0, at) : text;
}
/** `registry/repository[:tag][@digest]`, always with the registry, so logs are unambiguous. */
function formatReference(ref) {
    return (`${ref.registry}/${ref.repository}` +
        (ref.tag ? `:${ref.tag}` : '') +
        (ref.digest ? `@${ref.digest}` : ''));
}
function sameRepository(a, b) {
    return a.registry === b.registry && a.repository === b.repository;
}


/***/ }),

/***/ 84517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ realClock),
/* harmony export */   i: () => (/* binding */ instantClock)
/* harmony export */ });
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61737);
/** Time as a dependency: the real one, or a fake that tests advance without waiting. */

const realClock = { now: () => Date.now(), sleep: _retry_js__WEBPACK_IMPORTED_MODULE_0__/* .realSleep */ .uk };
/**
 * A clock whose sleeps return at once and move its time forward: the dry run walks the real
 * deploy sequence with it (every wait and timeout plays out, nothing waits).
 */
function instantClock(start = Date.now()) {
    let now = start;
    const slept = [];
    return {
        slept,
        now: () => now,
        sleep: async (ms) => {
            slept.push(ms);
            now += ms;
        }
    };
}


/***/ }),

/***/ 82543:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
/** Durations for humans, the same in job summaries, logs and Slack messages. Pure. */
/** `42s`, `3m 12s`, `3m`, `1h 4m`, `2h`; a negative duration (clocks apart) is `0s`. */
function formatDuration(ms) {
    const total = Math.max(0, Math.round(ms / 1000));
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    if (h > 0)
        return m > 0 ? `${h}h ${m}m` : `${h}h`;
    if (m > 0)
        return s > 0 ? `${m}m ${s}s` : `${m}m`;
    return `${s}s`;
}


/***/ }),

/***/ 43962:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ pollUntil)
/* harmony export */ });
/* unused harmony export backoffWaits */
/** The waits a backoff gives, one per call: initial, initial×factor, … up to max. */
function backoffWaits(interval) {
    const b = typeof interval === 'number' ? { initialMs: interval, maxMs: interval } : interval;
    const factor = b.factor ?? 2;
    let next = Math.min(b.initialMs, b.maxMs);
    return () => {
        const wait = next;
        next = Math.min(b.maxMs, next * factor);
        return wait;
    };
}
/**
 * Observes until `done`, or until `timeoutMs` has passed; returns the last observation either
 * way (`settled` tells which). Errors thrown by `observe` propagate: a poll is no retry.
 */
async function pollUntil(observe, options) {
    const { clock } = options;
    const started = clock.now();
    const deadline = started + options.timeoutMs;
    const nextWait = backoffWaits(options.interval);
    if (options.delayFirst)
        await clock.sleep(Math.min(nextWait(), options.timeoutMs));
    for (let attempt = 1;; attempt++) {
        const value = await observe(attempt);
        const elapsedMs = clock.now() - started;
        if (options.done(value, attempt))
            return { settled: true, value, attempts: attempt, elapsedMs };
        const left = deadline - clock.now();
        if (left <= 0)
            return { settled: false, value, attempts: attempt, elapsedMs };
        await clock.sleep(Math.min(nextWait(), left));
    }
}


/***/ })

};
