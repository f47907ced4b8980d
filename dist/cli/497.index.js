export const id = 497;
export const ids = [497];
export const modules = {

/***/ 59709:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ac: () => (/* binding */ parseTokenResponse),
/* harmony export */   Bn: () => (/* binding */ scopesCover),
/* harmony export */   F7: () => (/* binding */ repositoryScope),
/* harmony export */   Gu: () => (/* binding */ planTokenRequest),
/* harmony export */   OL: () => (/* binding */ mergeScopes),
/* harmony export */   WG: () => (/* binding */ encodeBase64),
/* harmony export */   aR: () => (/* binding */ basicAuthorization),
/* harmony export */   lR: () => (/* binding */ AuthError),
/* harmony export */   tO: () => (/* binding */ pickChallenge),
/* harmony export */   uV: () => (/* binding */ parseChallenges),
/* harmony export */   y4: () => (/* binding */ decodeBase64)
/* harmony export */ });
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86153);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37882);
/**
 * Registry authentication as data: the `WWW-Authenticate` challenge a registry answers 401 with,
 * the token request the Bearer scheme asks for (Docker Hub, GHCR, Harbor, …), and the header
 * Basic registries (ECR's token, htpasswd) take. The io layer sends what is planned here.
 */


class AuthError extends Error {
    name = 'AuthError';
}
const TOKEN = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y;
/** RFC 7235 challenges; several may share one header (`Basic realm="x", Bearer realm="y"`). */
function parseChallenges(header) {
    const text = header ?? '';
    const challenges = [];
    let i = 0;
    const skip = (chars) => {
        while (i < text.length && chars.test(text[i]))
            i++;
    };
    const token = () => {
        TOKEN.lastIndex = i;
        const match = TOKEN.exec(text);
        if (!match)
            return undefined;
        i = TOKEN.lastIndex;
        return match[0];
    };
    const quoted = () => {
        let value = '';
        for (i++; i < text.length && text[i] !== '"'; i++) {
            if (text[i] === '\\' && i + 1 < text.length)
                i++;
            value += text[i];
        }
        i++;
        return value;
    };
    while (i < text.length) {
        skip(/[\s,]/);
        const scheme = token();
        if (!scheme) {
            i++;
            continue;
        }
        const params = {};
        challenges.push({ scheme: scheme.toLowerCase(), params });
        for (;;) {
            skip(/[ \t]/);
            const start = i;
            const name = token();
            if (!name)
                break;
            skip(/[ \t]/);
            if (text[i] !== '=') {
                i = start; // the scheme of the next challenge
                break;
            }
            i++;
            skip(/[ \t]/);
            params[name.toLowerCase()] = text[i] === '"' ? quoted() : (token() ?? '');
            skip(/[ \t]/);
            if (text[i] !== ',')
                break;
            i++;
        }
    }
    return challenges;
}
/** The challenge we can answer: Bearer before Basic, as Docker does. */
function pickChallenge(challenges) {
    return (challenges.find((c) => c.scheme === 'bearer') ?? challenges.find((c) => c.scheme === 'basic'));
}
function repositoryScope(repository, actions) {
    return `repository:${repository}:${actions.join(',')}`;
}
/** `type:name:actions`; names may hold colons (`registry:catalog:*` has none, ports do). */
function parseScope(scope) {
    const last = scope.lastIndexOf(':');
    if (last <= 0)
        return undefined;
    return { resource: scope.slice(0, last), actions: new Set(scope.slice(last + 1).split(',')) };
}
/** One scope per resource, actions merged and sorted: a stable key and a short token request. */
function mergeScopes(scopes) {
    const byResource = new Map();
    for (const scope of scopes.flatMap((s) => s.split(' ')).filter(Boolean)) {
        const parsed = parseScope(scope);
        if (!parsed)
            continue;
        const actions = byResource.get(parsed.resource) ?? new Set();
        parsed.actions.forEach((a) => actions.add(a));
        byResource.set(parsed.resource, actions);
    }
    return [...byResource.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([resource, actions]) => `${resource}:${[...actions].sort().join(',')}`);
}
function scopesCover(granted, needed) {
    const have = new Map(mergeScopes(granted).map((s) => [parseScope(s)?.resource, parseScope(s)?.actions]));
    return mergeScopes(needed).every((scope) => {
        const want = parseScope(scope);
        const actions = want && have.get(want.resource);
        return !!want && !!actions && [...want.actions].every((a) => actions.has(a) || actions.has('*'));
    });
}
/**
 * The token request a Bearer challenge asks for: GET with Basic credentials (or anonymous), or,
 * for an identity token, the OAuth2 refresh-token POST. Credentials go to the realm only over
 * HTTPS (or to a loopback realm): a registry cannot make us send a password in clear text.
 */
function planTokenRequest(challenge, scopes, credentials, clientId) {
    const realm = challenge.params.realm;
    let url;
    try {
        url = new URL(realm ?? '');
    }
    catch {
        throw new AuthError(`the registry's Bearer challenge has no valid realm (${JSON.stringify(realm ?? '')})`);
    }
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && (0,_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .isLoopback */ .U9)(url.host));
    if (!secure) {
        throw new AuthError(`the registry's token service ${url.origin} is not HTTPS; refusing to use it`);
    }
    const service = challenge.params.service;
    const merged = mergeScopes(scopes);
    if (credentials && 'identityToken' in credentials) {
        const form = new URLSearchParams({ grant_type: 'refresh_token', client_id: clientId });
        form.set('refresh_token', credentials.identityToken);
        if (service)
            form.set('service', service);
        if (merged.length)
            form.set('scope', merged.join(' '));
        return {
            url: url.toString(),
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: form.toString()
        };
    }
    if (service)
        url.searchParams.set('service', service);
    for (const scope of merged)
        url.searchParams.append('scope', scope);
    const headers = {};
    if (credentials) {
        url.searchParams.set('account', credentials.username);
        headers.authorization = basicAuthorization(credentials.username, credentials.password);
    }
    return { url: url.toString(), method: 'GET', headers };
}
/** The token service's answer: `token` or `access_token`, valid `expires_in` seconds (default 60). */
function parseTokenResponse(json, nowMs) {
    const body = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asObject */ .e)(json);
    const token = [body.token, body.access_token].find((t) => typeof t === 'string' && t !== '');
    if (!token)
        throw new AuthError('the token service answered without a token');
    const seconds = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60;
    const issued = typeof body.issued_at === 'string' ? Date.parse(body.issued_at) : NaN;
    const start = Number.isNaN(issued) ? nowMs : Math.min(issued, nowMs);
    return { token, expiresAtMs: start + seconds * 1000 };
}
function basicAuthorization(username, password) {
    return `Basic ${encodeBase64(`${username}:${password}`)}`;
}
/** UTF-8 base64 without Buffer, so the core stays free of Node. */
function encodeBase64(text) {
    let binary = '';
    for (const byte of new TextEncoder().encode(text))
        binary += String.fromCharCode(byte);
    return btoa(binary);
}
function decodeBase64(base64) {
    try {
        const binary = atob(base64.trim());
        return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 55408:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ parseRegistryErrors),
/* harmony export */   q: () => (/* binding */ describeRegistryErrors)
/* harmony export */ });
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


/***/ }),

/***/ 33782:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   OR: () => (/* binding */ blobsOf),
/* harmony export */   S4: () => (/* binding */ baseMediaType),
/* harmony export */   Sh: () => (/* binding */ ManifestError),
/* harmony export */   Wt: () => (/* binding */ platformsOf),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT)
/* harmony export */ });
/* unused harmony exports MEDIA_TYPES, formatPlatform */
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(86153);
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
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Q)(json))
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
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Q)(value) ||
        typeof value.digest !== 'string' ||
        typeof value.size !== 'number' ||
        typeof value.mediaType !== 'string') {
        throw new ManifestError(`the manifest's ${where} is not a descriptor`);
    }
    const result = { mediaType: value.mediaType, digest: value.digest, size: value.size };
    if (Array.isArray(value.urls) && value.urls.length > 0)
        result.urls = value.urls.map(String);
    if ((0,_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isPlainObject */ .Q)(value.platform)) {
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


/***/ }),

/***/ 37882:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tn: () => (/* binding */ manifestReference),
/* harmony export */   U9: () => (/* binding */ isLoopback),
/* harmony export */   mO: () => (/* binding */ registryBaseUrl)
/* harmony export */ });
/* unused harmony exports DOCKER_HUB_API, apiHost */
/* harmony import */ var _docker_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58003);
/**
 * Where a registry's API lives for an image reference (parsed by `../docker-reference.ts`): the
 * host to call, HTTP or HTTPS, and what to ask it for.
 */

/** Where Docker Hub's registry API lives (`docker.io` is only its name). */
const DOCKER_HUB_API = 'registry-1.docker.io';
/** What to ask the registry for: the digest when there is one (it wins over a tag), else the tag. */
function manifestReference(ref) {
    return ref.digest ?? ref.tag ?? 'latest';
}
/** The host to call for a registry's API (`docker.io` is served by `registry-1.docker.io`). */
function apiHost(registry) {
    return registry === _docker_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .DOCKER_HUB */ .Xb ? DOCKER_HUB_API : registry;
}
/**
 * Loopback registries speak plain HTTP, as Docker assumes for 127.0.0.0/8; every other registry
 * is reached over HTTPS only.
 */
function isLoopback(host) {
    const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
    return (hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname ?? ''));
}
function registryBaseUrl(registry) {
    const host = apiHost(registry);
    return `${isLoopback(host) ? 'http' : 'https'}://${host}`;
}


/***/ }),

/***/ 93497:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RegistryClient: () => (/* binding */ RegistryClient),
/* harmony export */   gl: () => (/* binding */ RegistryError),
/* harmony export */   w4: () => (/* binding */ RegistryAuthError)
/* harmony export */ });
/* unused harmony export sha256Digest */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_registry_auth_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(59709);
/* harmony import */ var _core_registry_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(55408);
/* harmony import */ var _core_registry_manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(33782);
/* harmony import */ var _core_registry_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(37882);
/* harmony import */ var _lib_retry_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(61737);
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
        const detail = (0,_core_registry_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeRegistryErrors */ .q)(errors);
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
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex')}`;
}
const pull = (repository) => [(0,_core_registry_auth_js__WEBPACK_IMPORTED_MODULE_1__/* .repositoryScope */ .F7)(repository, ['pull'])];
const push = (repository) => [(0,_core_registry_auth_js__WEBPACK_IMPORTED_MODULE_1__/* .repositoryScope */ .F7)(repository, ['pull', 'push'])];
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
        this.baseUrl = (0,_core_registry_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .registryBaseUrl */ .mO)(options.registry);
        this.fetchImpl = options.fetch ?? globalThis.fetch;
        this.now = options.now ?? Date.now;
        this.scopes = (0,_core_registry_auth_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeScopes */ .OL)(options.scopes ?? []);
    }
    /** GET with every manifest type accepted; throws RegistryError (404 when missing). */
    async getManifest(repository, reference) {
        const res = await this.request('GET', this.url(`/v2/${repository}/manifests/${reference}`), {
            headers: { accept: _core_registry_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .MANIFEST_ACCEPT */ .dY },
            scopes: pull(repository)
        });
        const bytes = new Uint8Array(await res.arrayBuffer());
        return {
            bytes,
            text: new TextDecoder().decode(bytes),
            mediaType: (0,_core_registry_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .baseMediaType */ .S4)(res.headers.get('content-type')),
            digest: sha256Digest(bytes),
            headerDigest: res.headers.get('docker-content-digest') ?? undefined
        };
    }
    /** HEAD: the digest a tag points at, or undefined when the registry has no such manifest. */
    async headManifest(repository, reference) {
        const res = await this.request('HEAD', this.url(`/v2/${repository}/manifests/${reference}`), {
            headers: { accept: _core_registry_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .MANIFEST_ACCEPT */ .dY },
            scopes: pull(repository),
            allow: [404]
        });
        if (res.status === 404)
            return undefined;
        return {
            digest: res.headers.get('docker-content-digest') ?? undefined,
            mediaType: (0,_core_registry_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .baseMediaType */ .S4)(res.headers.get('content-type'))
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
        await (0,_lib_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .retry */ .L5)(() => this.copyBlobOnce(source, sourceRepository, repository, blob), {
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
            sleep: this.options.sleep ?? _lib_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .realSleep */ .uk,
            retryable: (error) => retryDecision(error, maxDelayMs),
            onRetry: (error, attempt, delayMs) => this.options.onRetry?.(`${this.registry}: ${error.message}; attempt ${attempt + 1} in ${delayMs} ms`)
        };
    }
    async request(method, url, options) {
        const attempt = () => this.authorizedRequest(method, url, options);
        return options.retry === false ? attempt() : (0,_lib_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .retry */ .L5)(attempt, this.retryOptions());
    }
    async authorizedRequest(method, url, options) {
        const sent = await this.authorization(options.scopes);
        let res = await this.send(method, url, options, sent);
        if (res.status === 401) {
            const offered = (0,_core_registry_auth_js__WEBPACK_IMPORTED_MODULE_1__/* .pickChallenge */ .tO)((0,_core_registry_auth_js__WEBPACK_IMPORTED_MODULE_1__/* .parseChallenges */ .uV)(res.headers.get('www-authenticate')));
            const detail = (0,_core_registry_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeRegistryErrors */ .q)((0,_core_registry_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .parseRegistryErrors */ .k)(await res.text()));
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
                const again = (0,_core_registry_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeRegistryErrors */ .q)((0,_core_registry_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .parseRegistryErrors */ .k)(await res.text()));
                throw await this.refused(method, url, again, offered);
            }
        }
        if ((res.status >= 200 && res.status < 300) || options.allow?.includes(res.status))
            return res;
        const text = await res.text().catch(() => '');
        throw new RegistryError(res.status, method, url.toString(), (0,_core_registry_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .parseRegistryErrors */ .k)(text), (0,_lib_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .parseRetryAfter */ .mu)(res.headers.get('retry-after'), this.now()));
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
        return this.bearer !== undefined && (0,_core_registry_auth_js__WEBPACK_IMPORTED_MODULE_1__/* .scopesCover */ .Bn)(this.bearer.scopes, scopes);
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
            this.basic = (0,_core_registry_auth_js__WEBPACK_IMPORTED_MODULE_1__/* .basicAuthorization */ .aR)(credentials.username, credentials.password);
            return;
        }
        this.challenge = challenge;
        // The challenge names what this request needs; it joins the scopes we asked for.
        if (challenge.params.scope)
            this.scopes = (0,_core_registry_auth_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeScopes */ .OL)([...this.scopes, challenge.params.scope]);
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
        this.scopes = (0,_core_registry_auth_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeScopes */ .OL)([...this.scopes, ...scopes]);
        const found = await this.credentials();
        let plan;
        try {
            plan = (0,_core_registry_auth_js__WEBPACK_IMPORTED_MODULE_1__/* .planTokenRequest */ .Gu)(challenge, this.scopes, found.credentials, USER_AGENT);
        }
        catch (error) {
            if (error instanceof _core_registry_auth_js__WEBPACK_IMPORTED_MODULE_1__/* .AuthError */ .lR)
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
            const detail = (0,_core_registry_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeRegistryErrors */ .q)((0,_core_registry_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .parseRegistryErrors */ .k)(await res.text().catch(() => '')));
            throw new RegistryAuthError(`The token service of ${this.registry} (${realm}) refused ` +
                `${found.credentials ? `the credentials from ${found.from}` : 'an anonymous token'} ` +
                `(${res.status}${detail ? ` ${detail}` : ''}).` +
                (found.credentials ? '' : ` ${LOGIN_HINT}`));
        }
        if (!res.ok) {
            throw new RegistryError(res.status, plan.method, realm, [], (0,_lib_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .parseRetryAfter */ .mu)(res.headers.get('retry-after'), this.now()));
        }
        let json;
        try {
            json = await res.json();
        }
        catch {
            throw new RegistryAuthError(`The token service of ${this.registry} (${realm}) answered no JSON.`);
        }
        try {
            this.bearer = { ...(0,_core_registry_auth_js__WEBPACK_IMPORTED_MODULE_1__/* .parseTokenResponse */ .Ac)(json, this.now()), scopes: [...this.scopes] };
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
        return (0,_lib_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .httpRetryDecision */ .TK)(error.status, error.retryAfterMs, maxDelayMs);
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


/***/ })

};
