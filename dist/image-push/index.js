import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 464:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(417);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .eF)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 417:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  eF: () => (/* binding */ run)
});

// UNUSED EXPORTS: INPUTS, readSettings

;// CONCATENATED MODULE: ./src/core/json.ts
/** Parsed JSON or YAML, read safely: which values are objects, and fields read from any value. */
/** An object with fields (a JSON object, a YAML mapping): not null, not an array. */
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The value as an object to read fields from; `{}` when it is none (a body of the wrong shape). */
function asObject(value) {
    return isPlainObject(value) ? value : {};
}

;// CONCATENATED MODULE: ./src/core/docker-reference.ts
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

;// CONCATENATED MODULE: ./src/core/registry/reference.ts
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
    return registry === DOCKER_HUB ? DOCKER_HUB_API : registry;
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

;// CONCATENATED MODULE: ./src/core/registry/auth.ts
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
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.host));
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
    const body = asObject(json);
    const token = [body.token, body.access_token].find((t) => typeof t === 'string' && t !== '');
    if (!token)
        throw new AuthError('the token service answered without a token');
    const seconds = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60;
    const issued = typeof body.issued_at === 'string' ? Date.parse(body.issued_at) : NaN;
    const start = Number.isNaN(issued) ? nowMs : Math.min(issued, nowMs);
    return { token, expiresAtMs: start + seconds * 1000 };
}
function basicAuthorization(username, password) {
    return `Basic ${auth_encodeBase64(`${username}:${password}`)}`;
}
/** UTF-8 base64 without Buffer, so the core stays free of Node. */
function auth_encodeBase64(text) {
    let binary = '';
    for (const byte of new TextEncoder().encode(text))
        binary += String.fromCharCode(byte);
    return btoa(binary);
}
function auth_decodeBase64(base64) {
    try {
        const binary = atob(base64.trim());
        return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    }
    catch {
        return undefined;
    }
}

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
            throw new Error(`${formatReference(target)}: expected ${problem}`);
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
        [source.registry]: [repositoryScope(source.repository, ['pull'])]
    };
    for (const step of steps) {
        const list = (scopes[step.registry] ??= []);
        list.push(repositoryScope(step.repository, ['pull', 'push']));
    }
    return Object.fromEntries(Object.entries(scopes).map(([r, s]) => [r, mergeScopes(s)]));
}
function stepReferences(step) {
    return step.tags.map((tag) => ({ registry: step.registry, repository: step.repository, tag }));
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/io/docker-cli.ts
/**
 * The Docker CLI: login (password on stdin only), logout, tag, push. Every call is one process
 * with an argument array, never a shell string. DOCKER_HOST and DOCKER_CONFIG come from the
 * environment given, so tests and the post step point it where they need.
 */



/** Runs a program; rejects only when it cannot start (ENOENT, EACCES). */
function runProcess(command, args, options) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(command, args, {
            env: options.env,
            stdio: ['pipe', 'pipe', 'pipe']
        });
        let stdout = '';
        let stderr = '';
        let partial = '';
        const lines = (chunk) => {
            if (!options.onLine)
                return;
            const parts = (partial + chunk).split(/\r?\n/);
            partial = parts.pop() ?? '';
            parts.filter(Boolean).forEach(options.onLine);
        };
        child.stdout.on('data', (d) => {
            stdout += d.toString();
            lines(d.toString());
        });
        child.stderr.on('data', (d) => {
            stderr += d.toString();
            lines(d.toString());
        });
        const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 10 * 60_000);
        child.on('error', (error) => {
            clearTimeout(timer);
            reject(error);
        });
        child.on('close', (code) => {
            clearTimeout(timer);
            if (partial && options.onLine)
                options.onLine(partial);
            resolve({ code, stdout, stderr });
        });
        child.stdin.on('error', () => undefined); // a program that exits without reading stdin
        child.stdin.end(options.input ?? '');
    });
}
/** The path of an executable on PATH, without running anything. */
function findOnPath(name, env) {
    for (const dir of (env.PATH ?? '').split(external_node_path_namespaceObject.delimiter).filter(Boolean)) {
        const candidate = (0,external_node_path_namespaceObject.join)(dir, name);
        try {
            (0,external_node_fs_namespaceObject.accessSync)(candidate, external_node_fs_namespaceObject.constants.X_OK);
            return candidate;
        }
        catch {
            // not here
        }
    }
    return undefined;
}
class DockerCliError extends Error {
    args;
    code;
    stderr;
    name = 'DockerCliError';
    constructor(args, code, stderr) {
        const detail = stderr.trim().split('\n').slice(-3).join(' ').trim();
        super(`\`docker ${args.join(' ')}\` failed (exit ${code ?? 'killed'})${detail ? `: ${detail}` : ''}`);
        this.args = args;
        this.code = code;
        this.stderr = stderr;
    }
}
/** `v1: digest: sha256:… size: 527`, as `docker push` prints it. */
const PUSH_DIGEST = /digest: (sha(?:256|512):[a-f0-9]+)/;
function dockerCli(options) {
    const global = options.configDir ? ['--config', options.configDir] : [];
    const docker = async (args, extra = {}) => {
        const result = await runProcess('docker', [...global, ...args], { env: options.env, ...extra });
        if (result.code !== 0)
            throw new DockerCliError(args, result.code, result.stderr || result.stdout);
        return result;
    };
    return {
        available: () => findOnPath('docker', options.env) !== undefined,
        async login(registry, username, password) {
            await docker(['login', '--username', username, '--password-stdin', registry], {
                input: password
            });
        },
        async logout(registry) {
            await docker(['logout', registry]);
        },
        async imageId(reference) {
            const result = await runProcess('docker', [...global, 'image', 'inspect', '--format', '{{.Id}}', reference], { env: options.env });
            return result.code === 0 ? result.stdout.trim() || undefined : undefined;
        },
        async tag(source, target) {
            await docker(['tag', source, target]);
        },
        async push(reference) {
            const result = await docker(['push', reference], { onLine: options.onLine });
            return { digest: PUSH_DIGEST.exec(result.stdout)?.[1] };
        }
    };
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/lib/errors.ts
/**
 * Errors the user can fix (a bad input, a bad config file) are ConfigurationErrors: the action
 * prints their message as is and fails. Anything else is a bug: the message and, in debug, the stack.
 */
class ConfigurationError extends Error {
    name = 'ConfigurationError';
}
/** A bad input: names the input, the value and what was expected. */
class InputError extends ConfigurationError {
    input;
    value;
    expected;
    constructor(input, value, expected) {
        super(`Input '${input}' is ${JSON.stringify(value)}: expected ${expected}.`);
        this.input = input;
        this.value = value;
        this.expected = expected;
    }
}
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    return typeof error === 'string' ? error : JSON.stringify(error);
}

;// CONCATENATED MODULE: ./src/core/registry/docker-config.ts
/**
 * The Docker config file (`$DOCKER_CONFIG/config.json`) as Docker reads it: which credential
 * helper or `auths` entry holds a registry's credentials, and the edits `docker login` and
 * `docker logout` make. Reading and writing the file, and running helpers, is src/io's job.
 */




/** The key Docker uses for Docker Hub's credentials. */
const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';
/** A helper name becomes part of a program name: nothing that could leave `docker-credential-`. */
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
function parseDockerConfig(text, path) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (error) {
        throw new ConfigurationError(`${path} is not valid JSON (${error.message}); fix or remove it.`);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw new ConfigurationError(`${path} is not a JSON object; fix or remove it.`);
    }
    return json;
}
/** Docker's `ConvertToHostname`: `https://host:5000/v2/` → `host:5000`. */
function hostnameOfKey(key) {
    const withoutScheme = key.replace(/^[a-z]+:\/\//i, '');
    const host = withoutScheme.split('/')[0] ?? '';
    return ['index.docker.io', 'registry-1.docker.io', 'docker.io'].includes(host) ? DOCKER_HUB : host;
}
/** The name a helper is asked about: Docker Hub's legacy URL, else the registry host. */
function docker_config_serverUrlFor(registry) {
    return registry === DOCKER_HUB ? DOCKER_HUB_KEY : registry;
}
/**
 * Where the registry's credentials may be, in Docker's order: the registry's own helper
 * (`credHelpers`), else the default store (`credsStore`), then an `auths` entry. The entry comes
 * last as a fallback, for files written by tools that ignore `credsStore`.
 */
function credentialSources(config, registry) {
    const sources = [];
    const helper = docker_config_helperFor(config, registry);
    if (helper)
        sources.push({ kind: 'helper', helper, serverUrl: docker_config_serverUrlFor(registry) });
    const entry = findAuthEntry(config, registry);
    const credentials = entry && decodeAuthEntry(entry[1]);
    if (entry && credentials)
        sources.push({ kind: 'inline', key: entry[0], credentials });
    return sources;
}
function docker_config_helperFor(config, registry) {
    const specific = Object.entries(config.credHelpers ?? {}).find(([key]) => hostnameOfKey(key) === registry)?.[1];
    const helper = specific ?? config.credsStore;
    if (helper === undefined || helper === '')
        return undefined;
    if (!HELPER_NAME.test(helper)) {
        throw new ConfigurationError(`The Docker config names the credential helper ${JSON.stringify(helper)}: expected a name such as \`ecr-login\` (run as docker-credential-<name>).`);
    }
    return helper;
}
function findAuthEntry(config, registry) {
    const entries = Object.entries(config.auths ?? {});
    return (entries.find(([key]) => key === docker_config_serverUrlFor(registry)) ??
        entries.find(([key]) => hostnameOfKey(key) === registry));
}
/** `auth` (base64 `user:password`), or `username` + `password`, or an identity token. */
function decodeAuthEntry(entry) {
    if (typeof entry.identitytoken === 'string' && entry.identitytoken !== '') {
        return { identityToken: entry.identitytoken };
    }
    if (typeof entry.auth === 'string' && entry.auth !== '') {
        const decoded = auth_decodeBase64(entry.auth);
        const colon = decoded?.indexOf(':') ?? -1;
        if (decoded === undefined || colon < 0)
            return undefined;
        return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    if (typeof entry.username === 'string' && typeof entry.password === 'string') {
        return { username: entry.username, password: entry.password };
    }
    return undefined;
}
/**
 * A helper's `get` answer: `{"ServerURL","Username","Secret"}`. A `<token>` username marks the
 * secret as an identity (refresh) token, as in Docker.
 */
function parseHelperResponse(text) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    const body = asObject(json);
    const username = typeof body.Username === 'string' ? body.Username : '';
    const secret = typeof body.Secret === 'string' ? body.Secret : '';
    if (secret === '')
        return undefined;
    return username === '<token>' ? { identityToken: secret } : { username, password: secret };
}
/** What `docker login` writes when no helper applies: the entry under the registry's host. */
function docker_config_withAuthEntry(config, registry, username, password) {
    const auths = Object.fromEntries(Object.entries(config.auths ?? {}).filter(([key]) => hostnameOfKey(key) !== registry));
    auths[docker_config_serverUrlFor(registry)] = { auth: encodeBase64(`${username}:${password}`) };
    return { ...config, auths };
}
/** What `docker logout` leaves: the registry's entries gone, everything else untouched. */
function docker_config_withoutAuthEntry(config, registry) {
    const auths = Object.fromEntries(Object.entries(config.auths ?? {}).filter(([key]) => hostnameOfKey(key) !== registry));
    return { ...config, auths };
}

;// CONCATENATED MODULE: ./src/io/files.ts

/** The file's text, or undefined when it does not exist; other errors (permissions) throw. */
async function readOptionalFile(path) {
    try {
        return await (0,promises_namespaceObject.readFile)(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/io/docker-config.ts
/**
 * The Docker config file and credential helpers: where `docker login` (or `ecr-login`) left a
 * registry's credentials, and the same edits `docker login`/`logout` make, for runners without a
 * Docker CLI. Helpers speak Docker's protocol: `docker-credential-<name> get|store|erase`, with
 * the request on stdin and the answer as JSON on stdout.
 */







/** `$DOCKER_CONFIG`, else `~/.docker`, as the Docker CLI decides. */
function dockerConfigDir(env) {
    return env.DOCKER_CONFIG || (0,external_node_path_namespaceObject.join)(env.HOME || (0,external_node_os_namespaceObject.homedir)(), '.docker');
}
async function readDockerConfig(dir) {
    const path = (0,external_node_path_namespaceObject.join)(dir, 'config.json');
    const text = await readOptionalFile(path);
    if (text === undefined || text.trim() === '')
        return { path, config: {}, exists: false };
    return { path, config: parseDockerConfig(text, path), exists: true };
}
/** Written whole to a temporary file, then renamed: a reader never sees half a file. */
async function writeDockerConfig(dir, config) {
    await (0,promises_namespaceObject.mkdir)(dir, { recursive: true, mode: 0o700 });
    const path = (0,external_node_path_namespaceObject.join)(dir, 'config.json');
    const temporary = `${path}.${process.pid}.tmp`;
    await (0,promises_namespaceObject.writeFile)(temporary, JSON.stringify(config, null, '\t') + '\n', { mode: 0o600 });
    await (0,promises_namespaceObject.chmod)(temporary, 0o600);
    await (0,promises_namespaceObject.rename)(temporary, path);
}
/** Helpers as programs on PATH. Their stderr may be shown; their stdout (secrets) never is. */
function credentialHelpers(env) {
    const call = async (helper, action, input) => {
        const program = `docker-credential-${helper}`;
        let result;
        try {
            result = await runProcess(program, [action], { env, input, timeoutMs: 60_000 });
        }
        catch (error) {
            if (error.code === 'ENOENT') {
                throw new ConfigurationError(`The Docker config names the credential helper '${helper}', but ${program} is not on PATH.`);
            }
            throw error;
        }
        return result;
    };
    const failed = (helper, action, result) => new ConfigurationError(`docker-credential-${helper} ${action} failed (exit ${result.code}): ${(result.stderr || result.stdout).trim().slice(0, 300)}`);
    return {
        async get(helper, serverUrl) {
            const result = await call(helper, 'get', serverUrl);
            if (result.code === 0)
                return result.stdout;
            // The protocol's "nothing stored" answer, on stdout or stderr depending on the helper.
            if (/credentials not found/i.test(result.stdout + result.stderr))
                return undefined;
            throw failed(helper, 'get', result);
        },
        async store(helper, serverUrl, username, secret) {
            const input = JSON.stringify({ ServerURL: serverUrl, Username: username, Secret: secret });
            const result = await call(helper, 'store', input);
            if (result.code !== 0)
                throw failed(helper, 'store', result);
        },
        async erase(helper, serverUrl) {
            const result = await call(helper, 'erase', serverUrl);
            if (result.code !== 0 && !/credentials not found/i.test(result.stdout + result.stderr)) {
                throw failed(helper, 'erase', result);
            }
        }
    };
}
/** The registry's credentials from the Docker config (helpers first), and where they came from. */
async function lookupDockerCredentials(registry, env, helpers = credentialHelpers(env)) {
    const { path, config, exists } = await readDockerConfig(dockerConfigDir(env));
    if (!exists)
        return { from: `no Docker config at ${path}` };
    for (const source of credentialSources(config, registry)) {
        if (source.kind === 'inline') {
            return { credentials: source.credentials, from: `${path} (auths "${source.key}")` };
        }
        const answer = await helpers.get(source.helper, source.serverUrl);
        const credentials = answer === undefined ? undefined : parseHelperResponse(answer);
        if (credentials)
            return { credentials, from: `docker-credential-${source.helper}` };
    }
    return { from: `nothing for ${registry} in ${path}` };
}
/**
 * `docker login` without Docker: into the registry's helper when the config names one (where
 * Docker would look first), else into `auths`. Returns where it went, for the post step.
 */
async function storeDockerCredentials(registry, username, password, env, helpers = credentialHelpers(env)) {
    const dir = dockerConfigDir(env);
    const { path, config } = await readDockerConfig(dir);
    const helper = helperFor(config, registry);
    if (helper) {
        await helpers.store(helper, serverUrlFor(registry), username, password);
        return `docker-credential-${helper}`;
    }
    await writeDockerConfig(dir, withAuthEntry(config, registry, username, password));
    return path;
}
/** `docker logout` without Docker: the helper's entry and the `auths` entry both go. */
async function eraseDockerCredentials(registry, env, helpers = credentialHelpers(env)) {
    const dir = dockerConfigDir(env);
    const { config, exists } = await readDockerConfig(dir);
    if (!exists)
        return;
    const helper = helperFor(config, registry);
    if (helper)
        await helpers.erase(helper, serverUrlFor(registry));
    const updated = withoutAuthEntry(config, registry);
    if (JSON.stringify(updated.auths) !== JSON.stringify(config.auths ?? {})) {
        await writeDockerConfig(dir, updated);
    }
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
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
    if (!isPlainObject(json))
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
    if (!isPlainObject(value) ||
        typeof value.digest !== 'string' ||
        typeof value.size !== 'number' ||
        typeof value.mediaType !== 'string') {
        throw new ManifestError(`the manifest's ${where} is not a descriptor`);
    }
    const result = { mediaType: value.mediaType, digest: value.digest, size: value.size };
    if (Array.isArray(value.urls) && value.urls.length > 0)
        result.urls = value.urls.map(String);
    if (isPlainObject(value.platform)) {
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

;// CONCATENATED MODULE: ./src/lib/retry.ts
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function retry(operation, options) {
    const sleep = options.sleep ?? realSleep;
    const max = options.maxDelayMs ?? 30_000;
    for (let attempt = 1;; attempt++) {
        try {
            return await operation(attempt);
        }
        catch (error) {
            const decision = attempt < options.attempts ? options.retryable(error) : false;
            if (decision === false)
                throw error;
            const delayMs = decision === true
                ? Math.min(max, options.baseDelayMs * 2 ** (attempt - 1))
                : Math.min(max, decision.afterMs);
            options.onRetry?.(error, attempt, delayMs);
            await sleep(delayMs);
        }
    }
}
/**
 * Whether an HTTP answer is worth another attempt: 408, 429 and 5xx are the server's trouble,
 * any other status is the request's. A `Retry-After` is waited for exactly; one longer than
 * `maxDelayMs` is not worth waiting for (waiting less than asked only earns another 429, waiting
 * longer stalls the pipeline), so the failure is reported at once.
 */
function httpRetryDecision(status, retryAfterMs, maxDelayMs) {
    if (status !== 408 && status !== 429 && status < 500)
        return false;
    if (retryAfterMs === undefined)
        return true;
    return retryAfterMs <= maxDelayMs ? { afterMs: retryAfterMs } : false;
}
/** `Retry-After` as seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    if (/^\d+$/.test(value.trim()))
        return Number(value.trim()) * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

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
    return `sha256:${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(bytes).digest('hex')}`;
}
const pull = (repository) => [repositoryScope(repository, ['pull'])];
const push = (repository) => [repositoryScope(repository, ['pull', 'push'])];
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
        this.baseUrl = registryBaseUrl(options.registry);
        this.fetchImpl = options.fetch ?? globalThis.fetch;
        this.now = options.now ?? Date.now;
        this.scopes = mergeScopes(options.scopes ?? []);
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
        await retry(() => this.copyBlobOnce(source, sourceRepository, repository, blob), {
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
            sleep: this.options.sleep ?? realSleep,
            retryable: (error) => retryDecision(error, maxDelayMs),
            onRetry: (error, attempt, delayMs) => this.options.onRetry?.(`${this.registry}: ${error.message}; attempt ${attempt + 1} in ${delayMs} ms`)
        };
    }
    async request(method, url, options) {
        const attempt = () => this.authorizedRequest(method, url, options);
        return options.retry === false ? attempt() : retry(attempt, this.retryOptions());
    }
    async authorizedRequest(method, url, options) {
        const sent = await this.authorization(options.scopes);
        let res = await this.send(method, url, options, sent);
        if (res.status === 401) {
            const offered = pickChallenge(parseChallenges(res.headers.get('www-authenticate')));
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
        throw new RegistryError(res.status, method, url.toString(), parseRegistryErrors(text), parseRetryAfter(res.headers.get('retry-after'), this.now()));
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
        return this.bearer !== undefined && scopesCover(this.bearer.scopes, scopes);
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
            this.basic = basicAuthorization(credentials.username, credentials.password);
            return;
        }
        this.challenge = challenge;
        // The challenge names what this request needs; it joins the scopes we asked for.
        if (challenge.params.scope)
            this.scopes = mergeScopes([...this.scopes, challenge.params.scope]);
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
        this.scopes = mergeScopes([...this.scopes, ...scopes]);
        const found = await this.credentials();
        let plan;
        try {
            plan = planTokenRequest(challenge, this.scopes, found.credentials, USER_AGENT);
        }
        catch (error) {
            if (error instanceof AuthError)
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
            throw new RegistryError(res.status, plan.method, realm, [], parseRetryAfter(res.headers.get('retry-after'), this.now()));
        }
        let json;
        try {
            json = await res.json();
        }
        catch {
            throw new RegistryAuthError(`The token service of ${this.registry} (${realm}) answered no JSON.`);
        }
        try {
            this.bearer = { ...parseTokenResponse(json, this.now()), scopes: [...this.scopes] };
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
        return httpRetryDecision(error.status, error.retryAfterMs, maxDelayMs);
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

;// CONCATENATED MODULE: ./src/lib/action.ts
/**
 * The one error boundary every action runs inside: a ConfigurationError (the user can fix it) is
 * reported as its message; anything else as a bug, with the stack in debug logs. Non-Error throws
 * are caught too.
 */

async function runAction(runner, body) {
    try {
        await body();
    }
    catch (error) {
        if (error instanceof ConfigurationError) {
            runner.setFailed(error.message);
            return;
        }
        if (error instanceof Error && error.stack)
            runner.debug(error.stack);
        runner.setFailed(`Unexpected error: ${errorMessage(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/lib/inputs.ts
/**
 * The one input parser. Each action reads its inputs once, through these functions, into a typed
 * settings object; a bad value throws an InputError naming the input, the value and what was
 * expected, before the action changes anything. Defaults live in action.yml (the runner and the
 * CLI fill them in), so an empty value here means "not given".
 */

/** YAML 1.2 core-schema booleans, as the runner's users write them. */
const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);
class InputReader {
    read;
    onSecret;
    constructor(read, onSecret = () => { }) {
        this.read = read;
        this.onSecret = onSecret;
    }
    /** The trimmed value, or undefined when empty. */
    optional(name) {
        const value = this.read(name).trim();
        return value === '' ? undefined : value;
    }
    required(name, expected) {
        const value = this.optional(name);
        if (value === undefined)
            throw new InputError(name, '', expected);
        return value;
    }
    /** A secret: masked before anything else can print it. Not trimmed (keys end in newlines). */
    secret(name) {
        const value = this.read(name);
        if (value.trim() === '')
            return undefined;
        this.onSecret(value);
        for (const line of value.split(/\r?\n/))
            if (line.trim().length > 3)
                this.onSecret(line.trim());
        return value;
    }
    boolean(name, fallback) {
        const value = this.optional(name);
        if (value === undefined)
            return fallback;
        if (TRUE.has(value))
            return true;
        if (FALSE.has(value))
            return false;
        throw new InputError(name, value, '`true` or `false`');
    }
    integer(name, range = {}) {
        const value = this.optional(name);
        if (value === undefined)
            return undefined;
        const { min = 0, max = Number.MAX_SAFE_INTEGER } = range;
        const n = /^\d+$/.test(value) ? Number(value) : NaN;
        if (!Number.isSafeInteger(n) || n < min || n > max) {
            throw new InputError(name, value, `a whole number from ${min} to ${max}`);
        }
        return n;
    }
    choice(name, options, fallback) {
        const value = this.optional(name);
        if (value === undefined)
            return fallback;
        if (options.includes(value))
            return value;
        throw new InputError(name, value, `one of ${options.map((o) => `\`${o}\``).join(', ')}`);
    }
    /** A duration: `90` (seconds), `90s`, `5m`, `1h`, `1m30s`; in milliseconds. */
    duration(name, fallbackMs) {
        const value = this.optional(name);
        if (value === undefined)
            return fallbackMs;
        const ms = parseDuration(value);
        if (ms === undefined)
            throw new InputError(name, value, 'a duration such as `90s`, `5m` or `1h` (a bare number is seconds)');
        return ms;
    }
    /** An http(s) URL (`isHttpUrl`), or undefined when empty. */
    url(name, expected = 'an http(s) URL') {
        const value = this.optional(name);
        if (value !== undefined && !isHttpUrl(value))
            throw new InputError(name, value, expected);
        return value;
    }
    /** A list, one item per line or separated by commas; blank items and `#` comments dropped. */
    list(name) {
        return splitList(this.read(name));
    }
}
/** `http://` or `https://`, a host, no white space, and a URL that parses (a port in range). */
function isHttpUrl(text) {
    if (!/^https?:\/\/[^\s/?#]+\S*$/.test(text) || !URL.canParse(text))
        return false;
    return new URL(text).hostname !== '';
}
function splitList(value) {
    return value
        .split(/\r?\n/)
        .filter((line) => !line.trim().startsWith('#'))
        .flatMap((line) => line.split(','))
        .map((item) => item.trim())
        .filter((item) => item !== '');
}
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
function parseDuration(text) {
    if (/^\d+$/.test(text))
        return Number(text) * 1000;
    const parts = [...text.matchAll(/(\d+)(ms|s|m|h)/g)];
    if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text)
        return undefined;
    return parts.reduce((sum, [, n, unit]) => sum + Number(n) * (UNIT_MS[unit] ?? 0), 0);
}

;// CONCATENATED MODULE: ./src/lib/markdown.ts
/** Job-summary markdown: tables whose cells cannot break the table or inject markup. */
function escapeCell(value) {
    return value
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/\|/g, '\\|')
        .replace(/\r?\n/g, '<br>');
}
function code(value) {
    return value === '' ? '' : `<code>${escapeCell(value)}</code>`;
}
/** Cells are escaped here; pass markup (e.g. from code()) through `raw`. */
function table(header, rows) {
    const cell = (c) => (typeof c === 'string' ? escapeCell(c) : c.raw);
    const line = (cells) => `| ${cells.join(' | ')} |`;
    return [
        line(header.map(escapeCell)),
        line(header.map(() => '---')),
        ...rows.map((r) => line(r.map(cell)))
    ].join('\n');
}
function summary(title, body) {
    return `### ${escapeCell(title)}\n\n${body}\n`;
}
/** Preformatted text in a summary: HTML-escaped, newlines kept. */
function pre(text) {
    return `<pre>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</pre>`;
}

;// CONCATENATED MODULE: ./src/lib/runner.ts
/**
 * The runner contract, written directly against the files and workflow commands the GitHub
 * Actions runner documents (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV, GITHUB_STEP_SUMMARY,
 * `::error::`, `::add-mask::`, `::group::`). We do not load @actions/core for this: its import
 * alone costs about 0.9x a bare node start (it pulls in undici), and these few lines are all an
 * action needs. Every action talks to a Runner, so the CLI can supply its own.
 */



/** Escaping of workflow-command data and properties, as the runner decodes it. */
function escapeData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(value) {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function workflowCommand(command, message, properties = {}) {
    const props = Object.entries(properties)
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
        .join(',');
    return `::${command}${props ? ' ' + props : ''}::${escapeData(message)}`;
}
/** `name<<delimiter` blocks: safe for any value, multi-line included. */
function fileCommandEntry(name, value) {
    const delimiter = `ghadelimiter_${(0,external_node_crypto_namespaceObject.randomUUID)()}`;
    if (name.includes(delimiter) || value.includes(delimiter)) {
        throw new Error(`Unexpected delimiter in the value of '${name}'`);
    }
    return `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`;
}
function githubRunner(env = process.env, write = (line) => process.stdout.write(line + external_node_os_namespaceObject.EOL)) {
    const issue = (cmd, msg, props) => write(workflowCommand(cmd, msg, { title: props?.title, file: props?.file, line: props?.line }));
    const appendTo = (variable, legacyCommand, name, value) => {
        const path = env[variable];
        if (path) {
            if (!(0,external_node_fs_namespaceObject.existsSync)(path))
                throw new Error(`${variable} points to a missing file: ${path}`);
            (0,external_node_fs_namespaceObject.appendFileSync)(path, fileCommandEntry(name, value), 'utf8');
        }
        else {
            write(external_node_os_namespaceObject.EOL + workflowCommand(legacyCommand, value, { name }));
        }
    };
    const isDebug = env.RUNNER_DEBUG === '1';
    return {
        env,
        isDebug,
        getInput: (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
        setOutput: (name, value) => appendTo('GITHUB_OUTPUT', 'set-output', name, value),
        saveState: (name, value) => appendTo('GITHUB_STATE', 'save-state', name, value),
        getState: (name) => env[`STATE_${name}`] ?? '',
        setSecret: (value) => {
            if (value)
                write(workflowCommand('add-mask', value));
        },
        debug: (message) => write(workflowCommand('debug', message)),
        info: (message) => write(message),
        notice: (message, props) => issue('notice', message, props),
        warning: (message, props) => issue('warning', message, props),
        error: (message, props) => issue('error', message, props),
        async group(name, body) {
            write(workflowCommand('group', name));
            try {
                return await body();
            }
            finally {
                write('::endgroup::');
            }
        },
        appendSummary(markdown) {
            const path = env.GITHUB_STEP_SUMMARY;
            if (path)
                (0,external_node_fs_namespaceObject.appendFileSync)(path, markdown.endsWith(external_node_os_namespaceObject.EOL) ? markdown : markdown + external_node_os_namespaceObject.EOL, 'utf8');
        },
        setFailed(message) {
            process.exitCode = 1;
            issue('error', message);
        }
    };
}

;// CONCATENATED MODULE: ./src/core/registry/ecr.ts
/**
 * Amazon ECR facts as data: account IDs as ECR accepts them (regions: `../aws-region.ts`), its authorization token
 * (base64 `AWS:<password>`), the registry host, the output names amazon-ecr-login users know,
 * the untagged-image lifecycle policy, and how a PUT refusal for an immutable tag reads.
 */

const ACCOUNT_ID = /^\d{12}$/;
function isAccountId(text) {
    return ACCOUNT_ID.test(text);
}
/** `https://123456789012.dkr.ecr.eu-west-1.amazonaws.com` → the host Docker logs in to. */
function registryHost(proxyEndpoint) {
    return proxyEndpoint.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '');
}
/** GetAuthorizationToken's `authorizationToken`: base64 of `AWS:<password>`. */
function decodeAuthorizationToken(token) {
    const decoded = decodeBase64(token);
    const colon = decoded?.indexOf(':') ?? -1;
    if (decoded === undefined || colon <= 0 || colon === decoded.length - 1)
        return undefined;
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
/**
 * The suffix of amazon-ecr-login's per-registry outputs:
 * `123456789012.dkr.ecr.us-east-1.amazonaws.com` → `123456789012_dkr_ecr_us_east_1_amazonaws_com`.
 */
function outputSuffix(registry) {
    return registry.replace(/[^A-Za-z0-9]/g, '_');
}
/** Repository names as ECR takes them (`team/app`): lowercase components, 2 to 256 characters. */
const REPOSITORY = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
function isRepositoryName(text) {
    return text.length >= 2 && text.length <= 256 && REPOSITORY.test(text);
}
/** Expires untagged images (old layers of moved tags) after `days`; tagged ones stay. */
function untaggedExpiryPolicy(days) {
    return JSON.stringify({
        rules: [
            {
                rulePriority: 1,
                description: `Expire untagged images ${days} days after push`,
                selection: {
                    tagStatus: 'untagged',
                    countType: 'sinceImagePushed',
                    countUnit: 'days',
                    countNumber: days
                },
                action: { type: 'expire' }
            }
        ]
    });
}
/**
 * ECR refuses to move an immutable tag with 400 and
 * `{"errors":[{"code":"TAG_INVALID","message":"The image tag 'v1' already exists in the 'app'
 * repository and cannot be overwritten because the repository is immutable."}]}` (newer: "…
 * because the tag is immutable."). Other registries say "immutable" in some other code.
 */
function isImmutableTagRefusal(status, errors) {
    if (status !== 400 && status !== 403 && status !== 409)
        return false;
    return errors.some((e) => /immutable/i.test(e.message ?? '') &&
        (e.code === undefined || ['TAG_INVALID', 'MANIFEST_INVALID', 'DENIED'].includes(e.code)));
}

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
    runner.info(`${formatReference(source)} is ${fetched.digest}` +
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
                const reference = formatReference({
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
        fetched = await withAuthMessages(() => clientFor(source.registry).getManifest(source.repository, manifestReference(source)));
    }
    catch (error) {
        if (error instanceof RegistryError && error.status === 404) {
            throw new InputError('source', sourceText, `an image that exists: ${source.registry} has no ${formatReference(source)} (404 ${describeRegistryErrors(error.errors) || 'not found'})`);
        }
        throw error;
    }
    if (source.digest && fetched.digest !== source.digest && !source.digest.startsWith('sha512:')) {
        throw new ConfigurationError(`${source.registry} answered ${formatReference(source)} with a manifest whose digest is ${fetched.digest}.`);
    }
    const header = fetched.headerDigest;
    if (header?.startsWith('sha256:') && header !== fetched.digest) {
        throw new ConfigurationError(`${source.registry} says ${formatReference(source)} is ${header}, but its bytes hash to ${fetched.digest}.`);
    }
    return fetched;
}
function parseSource(fetched, sourceText) {
    try {
        return parseManifest(fetched.text, fetched.mediaType);
    }
    catch (error) {
        if (error instanceof ManifestError)
            throw new InputError('source', sourceText, `an image whose manifest can be copied: ${error.message}`);
        throw error;
    }
}
/** PUT under the tag unless it already points at the digest; then check it does. */
async function putTag(target, step, tag, fetched, manifest, before) {
    const reference = formatReference({ registry: step.registry, repository: step.repository, tag });
    if (before?.digest === fetched.digest)
        return 'unchanged';
    try {
        await target.putManifest(step.repository, tag, fetched.bytes, fetched.mediaType ?? manifest.mediaType);
    }
    catch (error) {
        if (error instanceof RegistryError && isImmutableTagRefusal(error.status, error.errors)) {
            throw new ConfigurationError(`Cannot promote to ${reference}: the tag '${tag}' already exists in ${step.repository}` +
                (before?.digest ? ` (as ${before.digest})` : '') +
                ` and ${step.registry} keeps tags immutable (${error.status} ${describeRegistryErrors(error.errors)}). ` +
                'Promote under a tag that does not exist yet.');
        }
        throw error;
    }
    const after = await resolvedDigest(target, step.repository, tag);
    if (after !== fetched.digest) {
        throw new ConfigurationError(`Promotion to ${reference} did not hold: the tag resolves to ${after ?? 'nothing'}, expected ${fetched.digest}.`);
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
        throw new ConfigurationError('The source index nests indexes more than two deep.');
    for (const child of manifest.manifests) {
        if (await target.headManifest(step.repository, child.digest))
            continue;
        const fetched = await from.client.getManifest(from.repository, child.digest);
        if (fetched.digest !== child.digest) {
            throw new ConfigurationError(`The source index lists ${child.digest}, but the registry answered a manifest that hashes to ${fetched.digest}.`);
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
            throw new ConfigurationError(error.message);
        if (error instanceof RegistryError && error.status === 403) {
            throw new ConfigurationError(`Access denied: ${error.message}`);
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

;// CONCATENATED MODULE: ./src/actions/image-push/push.ts
/**
 * Push mode: the local image tagged and pushed under each reference with the Docker CLI. With
 * `username`/`password`, Docker logs in inside a throwaway config directory (a copy of the
 * user's), so no credential outlives the step and the user's own login is never touched.
 */








async function pushImage(image, targets, login, deps) {
    if ((await deps.docker.imageId(image)) === undefined) {
        const engine = deps.runner.env.DOCKER_HOST ?? 'the default Docker engine';
        throw new InputError('image', image, `an image that exists locally; ${engine} has none by that name`);
    }
    if (!login)
        return pushAll(image, targets, deps.docker, deps);
    const configDir = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)(deps.runner.env.RUNNER_TEMP || (0,external_node_os_namespaceObject.tmpdir)(), 'gantry-docker-config-'));
    try {
        const docker = await loggedInDocker(configDir, targets, login, deps.runner);
        await pushAll(image, targets, docker, deps);
    }
    finally {
        await (0,promises_namespaceObject.rm)(configDir, { recursive: true, force: true });
    }
}
async function pushAll(image, targets, docker, deps) {
    let first;
    for (const target of targets) {
        const reference = formatReference(target);
        await deps.runner.group(`docker push ${reference}`, async () => {
            await docker.tag(image, reference);
            const { digest } = await pushOne(docker, reference, target);
            if (!digest)
                throw new ConfigurationError(`docker push ${reference} printed no digest.`);
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
        if (!(error instanceof DockerCliError))
            throw error;
        const immutable = isImmutableTagRefusal(400, [{ message: error.stderr }]);
        throw new ConfigurationError(immutable
            ? `Cannot push ${reference}: the tag '${target.tag}' already exists in ${target.repository} and ${target.registry} keeps tags immutable. Push under a tag that does not exist yet.`
            : `Could not push ${reference}: ${error.message}`);
    }
}
/** A copy of the user's config in which Docker logs in; helpers for those registries dropped. */
async function loggedInDocker(configDir, targets, login, runner) {
    const registries = [...new Set(targets.map((t) => t.registry))];
    const { config } = await readDockerConfig(dockerConfigDir(runner.env));
    const credHelpers = Object.fromEntries(Object.entries(config.credHelpers ?? {}).filter(([host]) => !registries.includes(host)));
    const copy = { ...config, credHelpers };
    delete copy.credsStore; // the login below must land in this file, not in a shared store
    await writeDockerConfig(configDir, copy);
    const docker = dockerCli({ env: runner.env, configDir, onLine: (line) => runner.info(line) });
    for (const registry of registries) {
        try {
            await docker.login(registry, login.username, login.password);
        }
        catch (error) {
            if (error instanceof DockerCliError) {
                throw new ConfigurationError(`Could not log in to ${registry} with the 'username' and 'password' inputs: ${error.message}`);
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
        throw new InputError(INPUTS.source, sourceText, 'no value when `image` is given (`image` pushes a local image, `source` promotes a remote one)');
    }
    if (image !== undefined) {
        if (!LOCAL_IMAGE.test(image)) {
            throw new InputError(INPUTS.image, image, 'a local image such as `shop:build` or an image ID');
        }
        return { mode: 'push', image, targets, ...(login ? { login } : {}) };
    }
    if (sourceText === undefined) {
        throw new InputError(INPUTS.image, '', 'a local image to push, or else `source`: a remote image to promote');
    }
    const parsed = parseImageReference(sourceText, { foldCase: true });
    if ('error' in parsed)
        throw new InputError(INPUTS.source, sourceText, parsed.error);
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
        throw new InputError(INPUTS.tags, '', 'full image references such as `ghcr.io/acme/shop:1.4.2`, one per line or comma-separated');
    }
    return texts.map((text) => {
        const parsed = parseImageReference(text, { foldCase: true });
        if ('error' in parsed)
            throw new InputError(INPUTS.tags, text, parsed.error);
        const problem = targetProblem(parsed.reference);
        if (problem)
            throw new InputError(INPUTS.tags, text, problem);
        return parsed.reference;
    });
}
function readLogin(inputs) {
    const username = inputs.optional(INPUTS.username);
    const password = inputs.secret(INPUTS.password);
    if (username !== undefined && password === undefined) {
        throw new InputError(INPUTS.password, '', 'the password or token of `username`');
    }
    if (password !== undefined && username === undefined) {
        throw new InputError(INPUTS.username, '', 'the user name that goes with `password`');
    }
    return username !== undefined && password !== undefined ? { username, password } : undefined;
}
async function run(deps = {}) {
    const runner = deps.runner ?? githubRunner();
    await runAction(runner, async () => {
        const settings = readSettings(new InputReader(runner.getInput, runner.setSecret));
        const results = [];
        const onResult = (result) => results.push(result);
        try {
            if (settings.mode === 'push') {
                const docker = dockerCli({ env: runner.env, onLine: (line) => runner.info(line) });
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
    const helpers = credentialHelpers(runner.env);
    const clients = new Map();
    const credentialsFor = async (registry) => {
        // The inputs are for the registries the tags name: a source elsewhere never receives them.
        if (settings.login && targetRegistries.has(registry)) {
            return { credentials: settings.login, from: "the 'username' and 'password' inputs" };
        }
        const found = await lookupDockerCredentials(registry, runner.env, helpers);
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
        ? `Pushed local image ${code(settings.image)}`
        : `Promoted ${code(formatReference(settings.source))} without pulling it`;
    const rows = results.map((r) => [{ raw: code(r.reference) }, { raw: code(r.digest) }, r.outcome]);
    const platforms = results.find((r) => r.platforms?.length)?.platforms;
    return summary(settings.mode === 'push' ? 'Image push' : 'Image promotion', `${source}${complete ? '' : ' (stopped by an error)'}.\n\n` +
        table(['Reference', 'Digest', 'Result'], rows) +
        (platforms ? `\n\nPlatforms: ${platforms.map(code).join(', ')}` : ''));
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(464);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
