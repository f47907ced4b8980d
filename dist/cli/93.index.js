export const id = 93;
export const ids = [93];
export const modules = {

/***/ 4093:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  INPUTS: () => (/* binding */ INPUTS),
  readSettings: () => (/* binding */ readSettings),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/core/registry/auth.ts
var auth = __webpack_require__(9709);
// EXTERNAL MODULE: ./src/core/docker-reference.ts
var docker_reference = __webpack_require__(8003);
;// CONCATENATED MODULE: ./src/core/registry/promotion.ts
/**
 * The promotion plan: which repositories receive the source manifest under which tags, and how
 * their blobs get there. Within the source repository nothing moves but the manifest; another
 * repository of the same registry mounts the blobs (no bytes travel); another registry gets
 * them copied, registry to registry, never through a Docker daemon.
 */


/** Why a reference cannot be a promotion or push target, or undefined when it can. */
function targetProblem(ref) {
    if (ref.digest)
        return 'a reference with a tag and no digest (a digest cannot be assigned)';
    if (!ref.tag)
        return 'a reference with a tag, e.g. `ghcr.io/acme/shop:1.4.2`';
    return undefined;
}
function planPromotion(source, targets) {
    const steps = [];
    for (const target of targets) {
        const problem = targetProblem(target);
        if (problem)
            throw new Error(`${(0,docker_reference/* formatReference */.FH)(target)}: expected ${problem}`);
        let step = steps.find((s) => s.registry === target.registry && s.repository === target.repository);
        if (!step) {
            step = {
                registry: target.registry,
                repository: target.repository,
                transfer: transferFor(source, target),
                tags: []
            };
            steps.push(step);
        }
        if (!step.tags.includes(target.tag))
            step.tags.push(target.tag);
    }
    return { source, steps, scopes: scopesFor(source, steps) };
}
function transferFor(source, target) {
    if (source.registry !== target.registry)
        return 'copy';
    return source.repository === target.repository ? 'none' : 'mount';
}
function scopesFor(source, steps) {
    const scopes = {
        [source.registry]: [(0,auth/* repositoryScope */.F7)(source.repository, ['pull'])]
    };
    for (const step of steps) {
        const list = (scopes[step.registry] ??= []);
        list.push((0,auth/* repositoryScope */.F7)(step.repository, ['pull', 'push']));
    }
    return Object.fromEntries(Object.entries(scopes).map(([r, s]) => [r, (0,auth/* mergeScopes */.OL)(s)]));
}
function stepReferences(step) {
    return step.tags.map((tag) => ({ registry: step.registry, repository: step.repository, tag }));
}

// EXTERNAL MODULE: ./src/io/docker-cli.ts
var docker_cli = __webpack_require__(8249);
// EXTERNAL MODULE: ./src/io/docker-config.ts + 1 modules
var docker_config = __webpack_require__(6701);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/core/registry/errors.ts
function parseRegistryErrors(text) {
    try {
        const json = JSON.parse(text);
        if (!Array.isArray(json.errors))
            return [];
        return json.errors.map((e) => ({
            ...(typeof e?.code === 'string' ? { code: e.code } : {}),
            ...(typeof e?.message === 'string' ? { message: e.message } : {})
        }));
    }
    catch {
        return [];
    }
}
/** `MANIFEST_UNKNOWN: manifest unknown; NAME_UNKNOWN: …`, for messages. */
function describeRegistryErrors(errors) {
    return errors
        .map((e) => [e.code, e.message].filter(Boolean).join(': '))
        .filter(Boolean)
        .join('; ');
}

// EXTERNAL MODULE: ./src/core/json.ts
var core_json = __webpack_require__(6153);
;// CONCATENATED MODULE: ./src/core/registry/manifest.ts
/**
 * Image manifests and indexes as the registry returns them. Promotion never rewrites a manifest:
 * it reads which blobs and child manifests a target repository needs, and puts the very same
 * bytes back with the very same media type, so the digest cannot change.
 */

const MEDIA_TYPES = {
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json'
};
/**
 * Every manifest type we can copy. Without an Accept header (or without the list types) a
 * registry may convert the manifest to schema1 or pick one platform, with a different digest.
 */
const MANIFEST_ACCEPT = [
    MEDIA_TYPES.dockerManifest,
    MEDIA_TYPES.dockerList,
    MEDIA_TYPES.ociManifest,
    MEDIA_TYPES.ociIndex
].join(', ');
const INDEX_TYPES = [MEDIA_TYPES.dockerList, MEDIA_TYPES.ociIndex];
const IMAGE_TYPES = [MEDIA_TYPES.dockerManifest, MEDIA_TYPES.ociManifest];
const SCHEMA1 = /^application\/vnd\.docker\.distribution\.manifest\.v1\+(?:prettyjws|json)$/;
class ManifestError extends Error {
    name = 'ManifestError';
}
/** `Content-Type` without parameters, lower case. */
function baseMediaType(contentType) {
    const type = contentType?.split(';')[0]?.trim().toLowerCase();
    return type ? type : undefined;
}
/** Reads a manifest or index; the media type comes from the body, else from `Content-Type`. */
function parseManifest(text, contentType) {
    const headerType = baseMediaType(contentType);
    if (headerType && SCHEMA1.test(headerType)) {
        throw new ManifestError(`the registry returned a schema1 manifest (${headerType}), which cannot be copied without ` +
            'changing its digest; push the image again with a current Docker');
    }
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        throw new ManifestError('the registry returned a manifest that is not JSON');
    }
    if (!(0,core_json/* isPlainObject */.Q)(json))
        throw new ManifestError('the registry returned a manifest that is not an object');
    const mediaType = (typeof json.mediaType === 'string' ? json.mediaType : undefined) ?? headerType;
    if (json.schemaVersion === 1) {
        throw new ManifestError('the registry returned a schema1 manifest, which cannot be copied');
    }
    const isIndex = (mediaType !== undefined && INDEX_TYPES.includes(mediaType)) ||
        (mediaType === undefined && Array.isArray(json.manifests));
    if (isIndex) {
        if (!Array.isArray(json.manifests))
            throw new ManifestError('an index without `manifests`');
        return {
            kind: 'index',
            mediaType: mediaType ?? MEDIA_TYPES.ociIndex,
            manifests: json.manifests.map((d, i) => descriptor(d, `manifests[${i}]`))
        };
    }
    if (mediaType !== undefined && !IMAGE_TYPES.includes(mediaType)) {
        throw new ManifestError(`unsupported manifest type ${mediaType}`);
    }
    if (!Array.isArray(json.layers))
        throw new ManifestError('an image manifest without `layers`');
    return {
        kind: 'image',
        mediaType: mediaType ?? MEDIA_TYPES.ociManifest,
        config: descriptor(json.config, 'config'),
        layers: json.layers.map((d, i) => descriptor(d, `layers[${i}]`))
    };
}
function descriptor(value, where) {
    if (!(0,core_json/* isPlainObject */.Q)(value) ||
        typeof value.digest !== 'string' ||
        typeof value.size !== 'number' ||
        typeof value.mediaType !== 'string') {
        throw new ManifestError(`the manifest's ${where} is not a descriptor`);
    }
    const result = { mediaType: value.mediaType, digest: value.digest, size: value.size };
    if (Array.isArray(value.urls) && value.urls.length > 0)
        result.urls = value.urls.map(String);
    if ((0,core_json/* isPlainObject */.Q)(value.platform)) {
        const p = value.platform;
        result.platform = {
            os: String(p.os ?? ''),
            architecture: String(p.architecture ?? ''),
            ...(typeof p.variant === 'string' ? { variant: p.variant } : {})
        };
    }
    return result;
}
/** The blobs a repository must hold for an image manifest: config and layers, foreign ones aside. */
function blobsOf(manifest) {
    if (manifest.kind !== 'image')
        return [];
    return [manifest.config, ...manifest.layers].filter((d) => d.urls === undefined);
}
/** `linux/arm64/v8`; `unknown/unknown` is what BuildKit gives attestation manifests. */
function formatPlatform(platform) {
    if (!platform)
        return 'unknown';
    return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}
function platformsOf(manifest) {
    return manifest.kind === 'index' ? manifest.manifests.map((m) => formatPlatform(m.platform)) : [];
}

// EXTERNAL MODULE: ./src/core/registry/reference.ts
var reference = __webpack_require__(7882);
// EXTERNAL MODULE: ./src/lib/retry.ts
var retry = __webpack_require__(1737);
;// CONCATENATED MODULE: ./src/io/registry.ts
/**
 * An OCI distribution client on Node's fetch: manifests (GET, HEAD, PUT with the full Accept
 * list), blob existence, cross-repository mounts and registry-to-registry blob copies. Auth
 * follows the registry's challenge: Basic (ECR, htpasswd) or the Bearer token flow (Docker Hub,
 * GHCR), with credentials asked for only when a registry wants them. Transient failures (network,
 * 429, 5xx) are retried through src/lib/retry.ts, honouring `Retry-After`.
 */






/** A registry's answer we did not want; `errors` is its error body. */
class RegistryError extends Error {
    status;
    method;
    url;
    errors;
    retryAfterMs;
    name = 'RegistryError';
    constructor(status, method, url, errors, retryAfterMs) {
        const detail = describeRegistryErrors(errors);
        super(`${method} ${url} answered ${status}${detail ? ` (${detail})` : ''}`);
        this.status = status;
        this.method = method;
        this.url = url;
        this.errors = errors;
        this.retryAfterMs = retryAfterMs;
    }
}
/** The registry or its token service refused us; the message says with which credentials. */
class RegistryAuthError extends Error {
    name = 'RegistryAuthError';
}
const USER_AGENT = 'gantry-image-push';
function sha256Digest(bytes) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
}
const pull = (repository) => [(0,auth/* repositoryScope */.F7)(repository, ['pull'])];
const push = (repository) => [(0,auth/* repositoryScope */.F7)(repository, ['pull', 'push'])];
class RegistryClient {
    registry;
    baseUrl;
    options;
    fetchImpl;
    now;
    scopes;
    basic;
    challenge;
    bearer;
    found;
    pendingToken;
    constructor(options) {
        this.options = options;
        this.registry = options.registry;
        this.baseUrl = (0,reference/* registryBaseUrl */.mO)(options.registry);
        this.fetchImpl = options.fetch ?? globalThis.fetch;
        this.now = options.now ?? Date.now;
        this.scopes = (0,auth/* mergeScopes */.OL)(options.scopes ?? []);
    }
    /** GET with every manifest type accepted; throws RegistryError (404 when missing). */
    async getManifest(repository, reference) {
        const res = await this.request('GET', this.url(`/v2/${repository}/manifests/${reference}`), {
            headers: { accept: MANIFEST_ACCEPT },
            scopes: pull(repository)
        });
        const bytes = new Uint8Array(await res.arrayBuffer());
        return {
            bytes,
            text: new TextDecoder().decode(bytes),
            mediaType: baseMediaType(res.headers.get('content-type')),
            digest: sha256Digest(bytes),
            headerDigest: res.headers.get('docker-content-digest') ?? undefined
        };
    }
    /** HEAD: the digest a tag points at, or undefined when the registry has no such manifest. */
    async headManifest(repository, reference) {
        const res = await this.request('HEAD', this.url(`/v2/${repository}/manifests/${reference}`), {
            headers: { accept: MANIFEST_ACCEPT },
            scopes: pull(repository),
            allow: [404]
        });
        if (res.status === 404)
            return undefined;
        return {
            digest: res.headers.get('docker-content-digest') ?? undefined,
            mediaType: baseMediaType(res.headers.get('content-type'))
        };
    }
    /** PUT the bytes as they are, under their own media type; returns the registry's digest. */
    async putManifest(repository, reference, bytes, mediaType) {
        const res = await this.request('PUT', this.url(`/v2/${repository}/manifests/${reference}`), {
            headers: { 'content-type': mediaType },
            body: bytes,
            scopes: push(repository)
        });
        await discard(res);
        return res.headers.get('docker-content-digest') ?? undefined;
    }
    async blobExists(repository, digest) {
        const res = await this.request('HEAD', this.url(`/v2/${repository}/blobs/${digest}`), {
            scopes: pull(repository),
            allow: [404]
        });
        return res.status !== 404;
    }
    /**
     * Cross-repository mount: the registry links a blob it already has, no bytes travel. False when
     * the registry declined (it then opened an ordinary upload, which we cancel).
     */
    async mountBlob(repository, digest, fromRepository) {
        const url = this.url(`/v2/${repository}/blobs/uploads/`);
        url.searchParams.set('mount', digest);
        url.searchParams.set('from', fromRepository);
        const res = await this.request('POST', url, {
            scopes: [...push(repository), ...pull(fromRepository)]
        });
        await discard(res);
        if (res.status === 201)
            return true;
        const location = res.headers.get('location');
        if (location) {
            await this.request('DELETE', new URL(location, this.baseUrl), {
                scopes: push(repository),
                allow: [404, 405]
            })
                .then(discard)
                .catch(() => undefined); // an abandoned upload expires by itself
        }
        return false;
    }
    /** Streams a blob from another registry (or repository) into this one, as `docker push` does. */
    async copyBlobFrom(source, sourceRepository, repository, blob) {
        await (0,retry/* retry */.L5)(() => this.copyBlobOnce(source, sourceRepository, repository, blob), {
            ...this.retryOptions(),
            attempts: Math.min(3, this.options.attempts ?? 4)
        });
    }
    async copyBlobOnce(source, sourceRepository, repository, blob) {
        const started = await this.request('POST', this.url(`/v2/${repository}/blobs/uploads/`), {
            scopes: push(repository),
            retry: false
        });
        await discard(started);
        const download = await source.openBlob(sourceRepository, blob.digest);
        const patched = await this.request('PATCH', this.location(started), {
            headers: { 'content-type': 'application/octet-stream' },
            body: download.body ?? new Uint8Array(),
            scopes: push(repository),
            retry: false,
            timeoutMs: null
        });
        await discard(patched);
        const done = this.location(patched);
        done.searchParams.set('digest', blob.digest);
        const put = await this.request('PUT', done, { scopes: push(repository), retry: false });
        await discard(put);
    }
    /** GET a blob (following the registry's redirect to storage); the caller reads the body. */
    async openBlob(repository, digest) {
        return this.request('GET', this.url(`/v2/${repository}/blobs/${digest}`), {
            scopes: pull(repository),
            timeoutMs: null
        });
    }
    location(res) {
        const location = res.headers.get('location');
        if (!location) {
            throw new RegistryError(res.status, 'upload', res.url, [
                { message: 'the registry answered an upload without a Location' }
            ]);
        }
        return new URL(location, this.baseUrl);
    }
    url(path) {
        return new URL(path, this.baseUrl);
    }
    retryOptions() {
        const maxDelayMs = this.options.maxDelayMs ?? 15_000;
        return {
            attempts: this.options.attempts ?? 4,
            baseDelayMs: this.options.baseDelayMs ?? 500,
            maxDelayMs,
            sleep: this.options.sleep ?? retry/* realSleep */.uk,
            retryable: (error) => retryDecision(error, maxDelayMs),
            onRetry: (error, attempt, delayMs) => this.options.onRetry?.(`${this.registry}: ${error.message}; attempt ${attempt + 1} in ${delayMs} ms`)
        };
    }
    async request(method, url, options) {
        const attempt = () => this.authorizedRequest(method, url, options);
        return options.retry === false ? attempt() : (0,retry/* retry */.L5)(attempt, this.retryOptions());
    }
    async authorizedRequest(method, url, options) {
        const sent = await this.authorization(options.scopes);
        let res = await this.send(method, url, options, sent);
        if (res.status === 401) {
            const offered = (0,auth/* pickChallenge */.tO)((0,auth/* parseChallenges */.uV)(res.headers.get('www-authenticate')));
            const detail = describeRegistryErrors(parseRegistryErrors(await res.text()));
            if (!offered || options.body instanceof ReadableStream) {
                throw await this.refused(method, url, detail, offered);
            }
            // Another request may have authenticated meanwhile; else authenticate now, once.
            let next = await this.authorization(options.scopes);
            if (next === undefined || next === sent) {
                if (sent !== undefined && offered.scheme === 'basic') {
                    throw await this.refused(method, url, detail, offered);
                }
                await this.authenticate(offered, options.scopes);
                next = await this.authorization(options.scopes);
            }
            res = await this.send(method, url, options, next);
            if (res.status === 401) {
                const again = describeRegistryErrors(parseRegistryErrors(await res.text()));
                throw await this.refused(method, url, again, offered);
            }
        }
        if ((res.status >= 200 && res.status < 300) || options.allow?.includes(res.status))
            return res;
        const text = await res.text().catch(() => '');
        throw new RegistryError(res.status, method, url.toString(), parseRegistryErrors(text), (0,retry/* parseRetryAfter */.mu)(res.headers.get('retry-after'), this.now()));
    }
    send(method, url, options, authorization) {
        const timeoutMs = options.timeoutMs === undefined ? (this.options.timeoutMs ?? 30_000) : options.timeoutMs;
        this.options.debug?.(`${method} ${url}`);
        return this.fetchImpl(url, {
            method,
            headers: {
                'user-agent': USER_AGENT,
                ...options.headers,
                ...(authorization ? { authorization } : {})
            },
            body: options.body,
            redirect: 'follow',
            ...(options.body instanceof ReadableStream ? { duplex: 'half' } : {}),
            ...(timeoutMs === null ? {} : { signal: AbortSignal.timeout(timeoutMs) })
        });
    }
    bearerCovers(scopes) {
        return this.bearer !== undefined && (0,auth/* scopesCover */.Bn)(this.bearer.scopes, scopes);
    }
    /** The header for a request, fetching a (new) token when the current one lacks a scope. */
    async authorization(scopes) {
        if (this.basic)
            return this.basic;
        if (this.challenge === undefined)
            return undefined;
        const fresh = this.bearer && this.bearer.expiresAtMs - 10_000 > this.now();
        if (!fresh || !this.bearerCovers(scopes))
            await this.fetchToken(scopes);
        return this.bearer ? `Bearer ${this.bearer.token}` : undefined;
    }
    credentials() {
        this.found ??= this.options.credentials?.() ?? Promise.resolve({ from: 'no credentials given' });
        return this.found;
    }
    async authenticate(challenge, scopes) {
        if (challenge.scheme === 'basic') {
            const found = await this.credentials();
            const credentials = found.credentials;
            if (!credentials) {
                throw new RegistryAuthError(`${this.registry} asks for credentials and none were found (${found.from}). ${LOGIN_HINT}`);
            }
            if ('identityToken' in credentials) {
                throw new RegistryAuthError(`${this.registry} asks for a username and password, but ${found.from} holds an identity token.`);
            }
            this.basic = (0,auth/* basicAuthorization */.aR)(credentials.username, credentials.password);
            return;
        }
        this.challenge = challenge;
        // The challenge names what this request needs; it joins the scopes we asked for.
        if (challenge.params.scope)
            this.scopes = (0,auth/* mergeScopes */.OL)([...this.scopes, challenge.params.scope]);
        this.bearer = undefined;
        await this.fetchToken(scopes);
    }
    /** Concurrent requests share one token request. */
    async fetchToken(scopes) {
        while (this.pendingToken)
            await this.pendingToken;
        if (this.bearerCovers(scopes) && (this.bearer?.expiresAtMs ?? 0) - 10_000 > this.now())
            return;
        this.pendingToken = this.requestToken(scopes).finally(() => (this.pendingToken = undefined));
        await this.pendingToken;
    }
    async requestToken(scopes) {
        const challenge = this.challenge;
        this.scopes = (0,auth/* mergeScopes */.OL)([...this.scopes, ...scopes]);
        const found = await this.credentials();
        let plan;
        try {
            plan = (0,auth/* planTokenRequest */.Gu)(challenge, this.scopes, found.credentials, USER_AGENT);
        }
        catch (error) {
            if (error instanceof auth/* AuthError */.lR)
                throw new RegistryAuthError(`${this.registry}: ${error.message}`);
            throw error;
        }
        const realm = new URL(plan.url).origin;
        this.options.debug?.(`token ${plan.method} ${realm} for ${this.scopes.join(' ')}`);
        const res = await this.fetchImpl(plan.url, {
            method: plan.method,
            headers: { 'user-agent': USER_AGENT, ...plan.headers },
            body: plan.body,
            signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000)
        });
        if (res.status === 401 || res.status === 403) {
            const detail = describeRegistryErrors(parseRegistryErrors(await res.text().catch(() => '')));
            throw new RegistryAuthError(`The token service of ${this.registry} (${realm}) refused ` +
                `${found.credentials ? `the credentials from ${found.from}` : 'an anonymous token'} ` +
                `(${res.status}${detail ? ` ${detail}` : ''}).` +
                (found.credentials ? '' : ` ${LOGIN_HINT}`));
        }
        if (!res.ok) {
            throw new RegistryError(res.status, plan.method, realm, [], (0,retry/* parseRetryAfter */.mu)(res.headers.get('retry-after'), this.now()));
        }
        let json;
        try {
            json = await res.json();
        }
        catch {
            throw new RegistryAuthError(`The token service of ${this.registry} (${realm}) answered no JSON.`);
        }
        try {
            this.bearer = { ...(0,auth/* parseTokenResponse */.Ac)(json, this.now()), scopes: [...this.scopes] };
        }
        catch (error) {
            throw new RegistryAuthError(`${this.registry} (${realm}): ${error.message}`);
        }
    }
    async refused(method, url, detail, challenge) {
        const found = await this.credentials();
        const who = found.credentials
            ? `the credentials from ${found.from}`
            : `no credentials (${found.from})`;
        const scheme = challenge ? ` ${challenge.scheme === 'bearer' ? 'Bearer' : 'Basic'}` : '';
        return new RegistryAuthError(`${this.registry} refused ${method} ${url.pathname} with ${who}:${scheme} 401` +
            `${detail ? ` ${detail}` : ''}.` +
            (found.credentials ? '' : ` ${LOGIN_HINT}`));
    }
}
const LOGIN_HINT = 'Log in first (`docker login`, the `ecr-login` action) or give the `username` and `password` inputs.';
function retryDecision(error, maxDelayMs) {
    if (error instanceof RegistryError) {
        return (0,retry/* httpRetryDecision */.TK)(error.status, error.retryAfterMs, maxDelayMs);
    }
    if (error instanceof RegistryAuthError)
        return false;
    // fetch rejects with a TypeError on network failures and a TimeoutError on our deadline.
    const name = error?.name;
    return name === 'TypeError' || name === 'TimeoutError' || name === 'AbortError';
}
async function discard(res) {
    await res.body?.cancel().catch(() => undefined);
}

// EXTERNAL MODULE: ./src/lib/action.ts
var action = __webpack_require__(5577);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/lib/inputs.ts
var inputs = __webpack_require__(1662);
// EXTERNAL MODULE: ./src/lib/markdown.ts
var markdown = __webpack_require__(3862);
// EXTERNAL MODULE: ./src/lib/runner.ts
var lib_runner = __webpack_require__(9445);
// EXTERNAL MODULE: ./src/core/registry/ecr.ts
var ecr = __webpack_require__(4181);
;// CONCATENATED MODULE: ./src/actions/image-push/promote.ts
/**
 * Promotion, as planned by src/core/registry/promotion.ts: the source manifest fetched once with
 * every manifest type accepted, the blobs (and an index's child manifests) made present in each
 * target repository, then the same bytes PUT under each tag and the tag checked with a HEAD.
 */







async function promote(plan, sourceText, clientFor, runner, onResult) {
    const source = plan.source;
    const fetched = await fetchSource(plan, sourceText, clientFor);
    const manifest = parseSource(fetched, sourceText);
    const platforms = platformsOf(manifest);
    runner.info(`${(0,docker_reference/* formatReference */.FH)(source)} is ${fetched.digest}` +
        (platforms.length ? ` (index of ${platforms.join(', ')})` : ''));
    for (const step of plan.steps) {
        const target = clientFor(step.registry);
        await withAuthMessages(async () => {
            // What each tag points at now, asked while the blobs move (round trips dominate).
            const before = new Map(step.tags.map((tag) => [tag, settle(target.headManifest(step.repository, tag))]));
            if (step.transfer !== 'none') {
                const from = { client: clientFor(source.registry), repository: source.repository };
                const counts = await ensureContent(manifest, from, target, step, 0);
                runner.info(describeTransfer(step, source.repository, source.registry, counts));
            }
            const outcomes = await Promise.all(step.tags.map(async (tag) => settle(putTag(target, step, tag, fetched, manifest, await unwrap(before.get(tag))))));
            // Reported in the order given; the first failure (if any) after what succeeded.
            for (const [i, tag] of step.tags.entries()) {
                const outcome = outcomes[i];
                if ('error' in outcome)
                    continue;
                const reference = (0,docker_reference/* formatReference */.FH)({
                    registry: step.registry,
                    repository: step.repository,
                    tag
                });
                runner.info(`${outcome.value === 'promoted' ? 'Promoted' : 'Already there'}: ${reference}@${fetched.digest}`);
                onResult({
                    reference,
                    digest: fetched.digest,
                    outcome: outcome.value,
                    ...(platforms.length ? { platforms } : {})
                });
            }
            const failed = outcomes.find((o) => 'error' in o);
            if (failed && 'error' in failed)
                throw failed.error;
        });
    }
}
/** A promise that never rejects (started early, awaited later, never unhandled). */
function settle(promise) {
    return promise.then((value) => ({ value }), (error) => ({ error }));
}
async function unwrap(settled) {
    const result = await settled;
    if ('error' in result)
        throw result.error;
    return result.value;
}
async function fetchSource(plan, sourceText, clientFor) {
    const source = plan.source;
    let fetched;
    try {
        fetched = await withAuthMessages(() => clientFor(source.registry).getManifest(source.repository, (0,reference/* manifestReference */.Tn)(source)));
    }
    catch (error) {
        if (error instanceof RegistryError && error.status === 404) {
            throw new errors/* InputError */.dz('source', sourceText, `an image that exists: ${source.registry} has no ${(0,docker_reference/* formatReference */.FH)(source)} (404 ${describeRegistryErrors(error.errors) || 'not found'})`);
        }
        throw error;
    }
    if (source.digest && fetched.digest !== source.digest && !source.digest.startsWith('sha512:')) {
        throw new errors/* ConfigurationError */.j1(`${source.registry} answered ${(0,docker_reference/* formatReference */.FH)(source)} with a manifest whose digest is ${fetched.digest}.`);
    }
    const header = fetched.headerDigest;
    if (header?.startsWith('sha256:') && header !== fetched.digest) {
        throw new errors/* ConfigurationError */.j1(`${source.registry} says ${(0,docker_reference/* formatReference */.FH)(source)} is ${header}, but its bytes hash to ${fetched.digest}.`);
    }
    return fetched;
}
function parseSource(fetched, sourceText) {
    try {
        return parseManifest(fetched.text, fetched.mediaType);
    }
    catch (error) {
        if (error instanceof ManifestError)
            throw new errors/* InputError */.dz('source', sourceText, `an image whose manifest can be copied: ${error.message}`);
        throw error;
    }
}
/** PUT under the tag unless it already points at the digest; then check it does. */
async function putTag(target, step, tag, fetched, manifest, before) {
    const reference = (0,docker_reference/* formatReference */.FH)({ registry: step.registry, repository: step.repository, tag });
    if (before?.digest === fetched.digest)
        return 'unchanged';
    try {
        await target.putManifest(step.repository, tag, fetched.bytes, fetched.mediaType ?? manifest.mediaType);
    }
    catch (error) {
        if (error instanceof RegistryError && (0,ecr/* isImmutableTagRefusal */.PE)(error.status, error.errors)) {
            throw new errors/* ConfigurationError */.j1(`Cannot promote to ${reference}: the tag '${tag}' already exists in ${step.repository}` +
                (before?.digest ? ` (as ${before.digest})` : '') +
                ` and ${step.registry} keeps tags immutable (${error.status} ${describeRegistryErrors(error.errors)}). ` +
                'Promote under a tag that does not exist yet.');
        }
        throw error;
    }
    const after = await resolvedDigest(target, step.repository, tag);
    if (after !== fetched.digest) {
        throw new errors/* ConfigurationError */.j1(`Promotion to ${reference} did not hold: the tag resolves to ${after ?? 'nothing'}, expected ${fetched.digest}.`);
    }
    return 'promoted';
}
/** The digest a tag resolves to: HEAD's header, else (a registry that omits it) the bytes' hash. */
async function resolvedDigest(target, repository, tag) {
    const head = await target.headManifest(repository, tag);
    if (!head)
        return undefined;
    return head.digest ?? (await target.getManifest(repository, tag)).digest;
}
/**
 * Makes the manifest's blobs present in the target repository (mounted or copied), and for an
 * index, each child manifest with its blobs, pushed by digest before the index refers to it.
 */
async function ensureContent(manifest, from, target, step, depth) {
    const counts = { blobs: 0, bytes: 0, manifests: 0 };
    if (manifest.kind === 'image') {
        await mapLimit(blobsOf(manifest), 4, async (blob) => {
            if (await transferBlob(blob, from, target, step)) {
                counts.blobs++;
                counts.bytes += blob.size;
            }
        });
        return counts;
    }
    if (depth > 1)
        throw new errors/* ConfigurationError */.j1('The source index nests indexes more than two deep.');
    for (const child of manifest.manifests) {
        if (await target.headManifest(step.repository, child.digest))
            continue;
        const fetched = await from.client.getManifest(from.repository, child.digest);
        if (fetched.digest !== child.digest) {
            throw new errors/* ConfigurationError */.j1(`The source index lists ${child.digest}, but the registry answered a manifest that hashes to ${fetched.digest}.`);
        }
        const inner = await ensureContent(parseManifest(fetched.text, fetched.mediaType), from, target, step, depth + 1);
        await target.putManifest(step.repository, child.digest, fetched.bytes, fetched.mediaType ?? child.mediaType);
        counts.blobs += inner.blobs;
        counts.bytes += inner.bytes;
        counts.manifests += inner.manifests + 1;
    }
    return counts;
}
/** True when the blob had to be moved (mounted or copied), false when it was already there. */
async function transferBlob(blob, from, target, step) {
    if (step.transfer === 'mount') {
        if (await target.mountBlob(step.repository, blob.digest, from.repository))
            return true;
    }
    else if (await target.blobExists(step.repository, blob.digest)) {
        return false;
    }
    await target.copyBlobFrom(from.client, from.repository, step.repository, blob);
    return true;
}
function describeTransfer(step, sourceRepository, sourceRegistry, counts) {
    const manifests = counts.manifests ? ` and ${counts.manifests} platform manifests` : '';
    if (step.transfer === 'mount') {
        return `Mounted ${counts.blobs} blobs${manifests} from ${sourceRepository} into ${step.repository} (no bytes copied)`;
    }
    const mb = (counts.bytes / 1e6).toFixed(1);
    return `Copied ${counts.blobs} missing blobs (${mb} MB)${manifests} from ${sourceRegistry}/${sourceRepository} to ${step.registry}/${step.repository}`;
}
/** Registry auth failures are the user's to fix: their message says with which credentials. */
async function withAuthMessages(body) {
    try {
        return await body();
    }
    catch (error) {
        if (error instanceof RegistryAuthError)
            throw new errors/* ConfigurationError */.j1(error.message);
        if (error instanceof RegistryError && error.status === 403) {
            throw new errors/* ConfigurationError */.j1(`Access denied: ${error.message}`);
        }
        throw error;
    }
}
async function mapLimit(items, limit, body) {
    let next = 0;
    const worker = async () => {
        while (next < items.length)
            await body(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/actions/image-push/push.ts
/**
 * Push mode: the local image tagged and pushed under each reference with the Docker CLI. With
 * `username`/`password`, Docker logs in inside a throwaway config directory (a copy of the
 * user's), so no credential outlives the step and the user's own login is never touched.
 */








async function pushImage(image, targets, login, deps) {
    if ((await deps.docker.imageId(image)) === undefined) {
        const engine = deps.runner.env.DOCKER_HOST ?? 'the default Docker engine';
        throw new errors/* InputError */.dz('image', image, `an image that exists locally; ${engine} has none by that name`);
    }
    if (!login)
        return pushAll(image, targets, deps.docker, deps);
    const configDir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(deps.runner.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'gantry-docker-config-'));
    try {
        const docker = await loggedInDocker(configDir, targets, login, deps.runner);
        await pushAll(image, targets, docker, deps);
    }
    finally {
        await (0,promises_.rm)(configDir, { recursive: true, force: true });
    }
}
async function pushAll(image, targets, docker, deps) {
    let first;
    for (const target of targets) {
        const reference = (0,docker_reference/* formatReference */.FH)(target);
        await deps.runner.group(`docker push ${reference}`, async () => {
            await docker.tag(image, reference);
            const { digest } = await pushOne(docker, reference, target);
            if (!digest)
                throw new errors/* ConfigurationError */.j1(`docker push ${reference} printed no digest.`);
            if (first !== undefined && digest !== first) {
                deps.runner.warning(`${reference} got digest ${digest}, the first push got ${first}.`);
            }
            first ??= digest;
            deps.onResult({ reference, digest, outcome: 'pushed' });
        });
    }
}
async function pushOne(docker, reference, target) {
    try {
        return await docker.push(reference);
    }
    catch (error) {
        if (!(error instanceof docker_cli/* DockerCliError */.b1))
            throw error;
        const immutable = (0,ecr/* isImmutableTagRefusal */.PE)(400, [{ message: error.stderr }]);
        throw new errors/* ConfigurationError */.j1(immutable
            ? `Cannot push ${reference}: the tag '${target.tag}' already exists in ${target.repository} and ${target.registry} keeps tags immutable. Push under a tag that does not exist yet.`
            : `Could not push ${reference}: ${error.message}`);
    }
}
/** A copy of the user's config in which Docker logs in; helpers for those registries dropped. */
async function loggedInDocker(configDir, targets, login, runner) {
    const registries = [...new Set(targets.map((t) => t.registry))];
    const { config } = await (0,docker_config/* readDockerConfig */.TO)((0,docker_config/* dockerConfigDir */.kG)(runner.env));
    const credHelpers = Object.fromEntries(Object.entries(config.credHelpers ?? {}).filter(([host]) => !registries.includes(host)));
    const copy = { ...config, credHelpers };
    delete copy.credsStore; // the login below must land in this file, not in a shared store
    await (0,docker_config/* writeDockerConfig */._D)(configDir, copy);
    const docker = (0,docker_cli/* dockerCli */.RK)({ env: runner.env, configDir, onLine: (line) => runner.info(line) });
    for (const registry of registries) {
        try {
            await docker.login(registry, login.username, login.password);
        }
        catch (error) {
            if (error instanceof docker_cli/* DockerCliError */.b1) {
                throw new errors/* ConfigurationError */.j1(`Could not log in to ${registry} with the 'username' and 'password' inputs: ${error.message}`);
            }
            throw error;
        }
    }
    return docker;
}

;// CONCATENATED MODULE: ./src/actions/image-push/main.ts
/**
 * Action `image-push`. Push: a local image tagged and pushed under every reference in `tags`
 * (Docker CLI). Promote: an existing remote image (`source`) put under every reference in
 * `tags` through the registry API, with no pull and no daemon, its digest unchanged and checked.
 */












const INPUTS = {
    image: 'image',
    source: 'source',
    tags: 'tags',
    username: 'username',
    password: 'password'
};
/** A local image as `docker tag` takes it; never an option (`-…`), never whitespace. */
const LOCAL_IMAGE = /^[A-Za-z0-9][A-Za-z0-9._/:@-]*$/;
function readSettings(inputs) {
    const image = inputs.optional(INPUTS.image);
    const sourceText = inputs.optional(INPUTS.source);
    const targets = readTargets(inputs);
    const login = readLogin(inputs);
    if (image !== undefined && sourceText !== undefined) {
        throw new errors/* InputError */.dz(INPUTS.source, sourceText, 'no value when `image` is given (`image` pushes a local image, `source` promotes a remote one)');
    }
    if (image !== undefined) {
        if (!LOCAL_IMAGE.test(image)) {
            throw new errors/* InputError */.dz(INPUTS.image, image, 'a local image such as `shop:build` or an image ID');
        }
        return { mode: 'push', image, targets, ...(login ? { login } : {}) };
    }
    if (sourceText === undefined) {
        throw new errors/* InputError */.dz(INPUTS.image, '', 'a local image to push, or else `source`: a remote image to promote');
    }
    const parsed = (0,docker_reference/* parseImageReference */.o_)(sourceText, { foldCase: true });
    if ('error' in parsed)
        throw new errors/* InputError */.dz(INPUTS.source, sourceText, parsed.error);
    return {
        mode: 'promote',
        source: parsed.reference,
        sourceText,
        targets,
        ...(login ? { login } : {})
    };
}
function readTargets(inputs) {
    const texts = inputs.list(INPUTS.tags);
    if (texts.length === 0) {
        throw new errors/* InputError */.dz(INPUTS.tags, '', 'full image references such as `ghcr.io/acme/shop:1.4.2`, one per line or comma-separated');
    }
    return texts.map((text) => {
        const parsed = (0,docker_reference/* parseImageReference */.o_)(text, { foldCase: true });
        if ('error' in parsed)
            throw new errors/* InputError */.dz(INPUTS.tags, text, parsed.error);
        const problem = targetProblem(parsed.reference);
        if (problem)
            throw new errors/* InputError */.dz(INPUTS.tags, text, problem);
        return parsed.reference;
    });
}
function readLogin(inputs) {
    const username = inputs.optional(INPUTS.username);
    const password = inputs.secret(INPUTS.password);
    if (username !== undefined && password === undefined) {
        throw new errors/* InputError */.dz(INPUTS.password, '', 'the password or token of `username`');
    }
    if (password !== undefined && username === undefined) {
        throw new errors/* InputError */.dz(INPUTS.username, '', 'the user name that goes with `password`');
    }
    return username !== undefined && password !== undefined ? { username, password } : undefined;
}
async function run(deps = {}) {
    const runner = deps.runner ?? (0,lib_runner/* githubRunner */.OA)();
    await (0,action/* runAction */.C)(runner, async () => {
        const settings = readSettings(new inputs/* InputReader */.i_(runner.getInput, runner.setSecret));
        const results = [];
        const onResult = (result) => results.push(result);
        try {
            if (settings.mode === 'push') {
                const docker = (0,docker_cli/* dockerCli */.RK)({ env: runner.env, onLine: (line) => runner.info(line) });
                await pushImage(settings.image, settings.targets, settings.login, {
                    runner,
                    docker,
                    ...deps.push,
                    onResult
                });
            }
            else {
                const plan = planPromotion(settings.source, settings.targets);
                const clients = registryClients(settings, plan.scopes, runner, deps.registryOptions ?? {});
                await promote(plan, settings.sourceText, clients, runner, onResult);
            }
        }
        catch (error) {
            // What was done before the failure is still worth a record.
            if (results.length > 0)
                runner.appendSummary(renderSummary(settings, results, false));
            throw error;
        }
        const digest = results[0]?.digest ?? '';
        runner.setOutput('digest', digest);
        runner.setOutput('pushed', results.map((r) => r.reference).join('\n'));
        runner.appendSummary(renderSummary(settings, results, true));
    });
}
/** One client per registry; credentials looked up only when a registry challenges us. */
function registryClients(settings, scopes, runner, options) {
    const targetRegistries = new Set(settings.targets.map((t) => t.registry));
    const helpers = (0,docker_config/* credentialHelpers */.rl)(runner.env);
    const clients = new Map();
    const credentialsFor = async (registry) => {
        // The inputs are for the registries the tags name: a source elsewhere never receives them.
        if (settings.login && targetRegistries.has(registry)) {
            return { credentials: settings.login, from: "the 'username' and 'password' inputs" };
        }
        const found = await (0,docker_config/* lookupDockerCredentials */.ZH)(registry, runner.env, helpers);
        if (found.credentials)
            maskCredentials(runner, found.credentials);
        return found;
    };
    return (registry) => {
        let client = clients.get(registry);
        if (!client) {
            client = new RegistryClient({
                registry,
                scopes: scopes[registry] ?? [],
                credentials: () => credentialsFor(registry),
                debug: (message) => runner.debug(message),
                onRetry: (message) => runner.info(message),
                ...options
            });
            clients.set(registry, client);
        }
        return client;
    };
}
function maskCredentials(runner, credentials) {
    runner.setSecret('identityToken' in credentials ? credentials.identityToken : credentials.password);
}
function renderSummary(settings, results, complete) {
    const source = settings.mode === 'push'
        ? `Pushed local image ${(0,markdown/* code */.aY)(settings.image)}`
        : `Promoted ${(0,markdown/* code */.aY)((0,docker_reference/* formatReference */.FH)(settings.source))} without pulling it`;
    const rows = results.map((r) => [{ raw: (0,markdown/* code */.aY)(r.reference) }, { raw: (0,markdown/* code */.aY)(r.digest) }, r.outcome]);
    const platforms = results.find((r) => r.platforms?.length)?.platforms;
    return (0,markdown/* summary */.z)(settings.mode === 'push' ? 'Image push' : 'Image promotion', `${source}${complete ? '' : ' (stopped by an error)'}.\n\n` +
        (0,markdown/* table */.tp)(['Reference', 'Digest', 'Result'], rows) +
        (platforms ? `\n\nPlatforms: ${platforms.map(markdown/* code */.aY).join(', ')}` : ''));
}


/***/ })

};
