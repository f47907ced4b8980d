export const id = 709;
export const ids = [709];
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


/***/ })

};
