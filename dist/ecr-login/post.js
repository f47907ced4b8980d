import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 476:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runPost)
});

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

;// CONCATENATED MODULE: ./src/core/docker-reference.ts
/**
 * Image references as Docker reads them (the distribution/reference grammar and Docker's
 * normalisation): `[registry[:port]/]path[:tag][@digest]`. The one parser every action reads
 * image inputs with; nothing that fails it is ever output, or sent to a registry or a host.
 */
/** Docker Hub's name; `index.docker.io` is its legacy alias. */
const docker_reference_DOCKER_HUB = 'docker.io';
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
    const registry = split.domain === undefined || split.domain === 'index.docker.io' ? docker_reference_DOCKER_HUB : split.domain;
    const repository = registry === docker_reference_DOCKER_HUB && !path.includes('/') ? `library/${path}` : path;
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
function reference_isLoopback(host) {
    const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
    return (hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname ?? ''));
}
function registryBaseUrl(registry) {
    const host = apiHost(registry);
    return `${reference_isLoopback(host) ? 'http' : 'https'}://${host}`;
}

;// CONCATENATED MODULE: ./src/core/registry/auth.ts
/**
 * Registry authentication as data: the `WWW-Authenticate` challenge a registry answers 401 with,
 * the token request the Bearer scheme asks for (Docker Hub, GHCR, Harbor, …), and the header
 * Basic registries (ECR's token, htpasswd) take. The io layer sends what is planned here.
 */


class AuthError extends (/* unused pure expression or super */ null && (Error)) {
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
    return ['index.docker.io', 'registry-1.docker.io', 'docker.io'].includes(host) ? docker_reference_DOCKER_HUB : host;
}
/** The name a helper is asked about: Docker Hub's legacy URL, else the registry host. */
function docker_config_serverUrlFor(registry) {
    return registry === docker_reference_DOCKER_HUB ? DOCKER_HUB_KEY : registry;
}
/**
 * Where the registry's credentials may be, in Docker's order: the registry's own helper
 * (`credHelpers`), else the default store (`credsStore`), then an `auths` entry. The entry comes
 * last as a fallback, for files written by tools that ignore `credsStore`.
 */
function docker_config_credentialSources(config, registry) {
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
        const decoded = decodeBase64(entry.auth);
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
function docker_config_parseHelperResponse(text) {
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
function withoutAuthEntry(config, registry) {
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
    const helper = docker_config_helperFor(config, registry);
    if (helper)
        await helpers.erase(helper, docker_config_serverUrlFor(registry));
    const updated = withoutAuthEntry(config, registry);
    if (JSON.stringify(updated.auths) !== JSON.stringify(config.auths ?? {})) {
        await writeDockerConfig(dir, updated);
    }
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

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
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

;// CONCATENATED MODULE: ./src/actions/ecr-login/state.ts
/**
 * What the main step tells the post step (runner.saveState → STATE_* in the post step): the
 * registries it logged in to, and how, so the post step undoes exactly that and nothing else.
 */
const STATE = {
    /** JSON array of registry hosts, saved after each login (a later failure still logs out). */
    registries: 'registries',
    /** `docker` (docker logout) or `config` (the entry written into the Docker config). */
    logoutVia: 'logout-via',
    /** DOCKER_CONFIG at login time ('' for ~/.docker), so logout edits the same file. */
    dockerConfig: 'docker-config'
};
function parseRegistriesState(text) {
    if (text.trim() === '')
        return [];
    try {
        const value = JSON.parse(text);
        return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
    }
    catch {
        return [];
    }
}

;// CONCATENATED MODULE: ./src/actions/ecr-login/cleanup.ts
/**
 * The post step of `ecr-login`: logs out of exactly the registries the main step logged in to,
 * the way it logged in (docker logout, or the Docker config entry removed), as its saved state
 * says. No state (skip-logout, or a main step that failed before logging in): nothing to do.
 */






async function runPost(deps = {}) {
    const runner = deps.runner ?? githubRunner();
    await runAction(runner, async () => {
        const registries = parseRegistriesState(runner.getState(STATE.registries));
        if (registries.length === 0) {
            runner.info('No registry to log out of.');
            return;
        }
        const dockerConfig = runner.getState(STATE.dockerConfig);
        const env = { ...runner.env, DOCKER_CONFIG: dockerConfig || runner.env.DOCKER_CONFIG };
        if (!env.DOCKER_CONFIG)
            delete env.DOCKER_CONFIG;
        const viaDocker = runner.getState(STATE.logoutVia) !== 'config';
        const docker = deps.docker ?? dockerCli({ env });
        const helpers = deps.helpers ?? credentialHelpers(env);
        const failed = [];
        for (const registry of registries) {
            try {
                if (viaDocker)
                    await docker.logout(registry);
                else
                    await eraseDockerCredentials(registry, env, helpers);
                runner.info(`Logged out of ${registry}`);
            }
            catch (error) {
                runner.error(`Could not log out of ${registry}: ${errorMessage(error)}`);
                failed.push(registry);
            }
        }
        if (failed.length > 0)
            throw new ConfigurationError(`Failed to log out of ${failed.join(', ')}`);
    });
}


/***/ }),

/***/ 986:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cleanup_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(476);

await (0,_cleanup_js__WEBPACK_IMPORTED_MODULE_0__/* .runPost */ .a)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

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
/******/ var __webpack_exports__ = __nccwpck_require__(986);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
