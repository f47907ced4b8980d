export const id = 701;
export const ids = [701];
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


/***/ }),

/***/ 28249:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R3: () => (/* binding */ runProcess),
/* harmony export */   RK: () => (/* binding */ dockerCli),
/* harmony export */   b1: () => (/* binding */ DockerCliError)
/* harmony export */ });
/* unused harmony export findOnPath */
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81260);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/**
 * The Docker CLI: login (password on stdin only), logout, tag, push. Every call is one process
 * with an argument array, never a shell string. DOCKER_HOST and DOCKER_CONFIG come from the
 * environment given, so tests and the post step point it where they need.
 */



/**
 * Runs a program through @actions/exec, silent (exec would otherwise echo the command and copy
 * the program's output to stdout, where the runner would read it as commands: callers print it
 * through the runner's untrusted channel instead); rejects only when it cannot start. The
 * program is found on the PATH of the environment given, not of this process. exec cannot kill
 * a program, so a timeout rejects and leaves the program to the job's own timeout.
 */
async function runProcess(command, args, options) {
    const program = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(command) ? command : findOnPath(command, options.env);
    if (!program)
        throw Object.assign(new Error(`${command}: not found on PATH`), { code: 'ENOENT' });
    let partial = '';
    const lines = (chunk) => {
        if (!options.onLine)
            return;
        const parts = (partial + chunk.toString()).split(/\r?\n/);
        partial = parts.pop() ?? '';
        parts.filter(Boolean).forEach(options.onLine);
    };
    let timer;
    const timeoutMs = options.timeoutMs ?? 10 * 60_000;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`\`${command} ${args.join(' ')}\` did not finish within ${timeoutMs / 1000} s`)), timeoutMs);
        timer.unref();
    });
    try {
        const result = await Promise.race([
            (0,_actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H)(program, [...args], {
                env: Object.fromEntries(Object.entries(options.env).filter((e) => e[1] !== undefined)),
                input: Buffer.from(options.input ?? ''),
                silent: true,
                ignoreReturnCode: true,
                listeners: { stdout: lines, stderr: lines }
            }),
            timeout
        ]);
        if (partial && options.onLine)
            options.onLine(partial);
        return { code: result.exitCode, stdout: result.stdout, stderr: result.stderr };
    }
    finally {
        clearTimeout(timer);
    }
}
/** The path of an executable on PATH, without running anything. */
function findOnPath(name, env) {
    for (const dir of (env.PATH ?? '').split(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter).filter(Boolean)) {
        const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, name);
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.accessSync)(candidate, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.X_OK);
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


/***/ }),

/***/ 76701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rl: () => (/* binding */ credentialHelpers),
  kG: () => (/* binding */ dockerConfigDir),
  lookupDockerCredentials: () => (/* binding */ lookupDockerCredentials),
  TO: () => (/* binding */ readDockerConfig),
  uG: () => (/* binding */ storeDockerCredentials),
  _D: () => (/* binding */ writeDockerConfig)
});

// UNUSED EXPORTS: eraseDockerCredentials

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/core/json.ts
var core_json = __webpack_require__(86153);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(97268);
// EXTERNAL MODULE: ./src/core/registry/auth.ts
var auth = __webpack_require__(59709);
// EXTERNAL MODULE: ./src/core/docker-reference.ts
var docker_reference = __webpack_require__(58003);
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
        throw new errors/* ConfigurationError */.j1(`${path} is not valid JSON (${error.message}); fix or remove it.`);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw new errors/* ConfigurationError */.j1(`${path} is not a JSON object; fix or remove it.`);
    }
    return json;
}
/** Docker's `ConvertToHostname`: `https://host:5000/v2/` → `host:5000`. */
function hostnameOfKey(key) {
    const withoutScheme = key.replace(/^[a-z]+:\/\//i, '');
    const host = withoutScheme.split('/')[0] ?? '';
    return ['index.docker.io', 'registry-1.docker.io', 'docker.io'].includes(host) ? docker_reference/* DOCKER_HUB */.Xb : host;
}
/** The name a helper is asked about: Docker Hub's legacy URL, else the registry host. */
function docker_config_serverUrlFor(registry) {
    return registry === docker_reference/* DOCKER_HUB */.Xb ? DOCKER_HUB_KEY : registry;
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
        throw new errors/* ConfigurationError */.j1(`The Docker config names the credential helper ${JSON.stringify(helper)}: expected a name such as \`ecr-login\` (run as docker-credential-<name>).`);
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
        const decoded = (0,auth/* decodeBase64 */.y4)(entry.auth);
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
    const body = (0,core_json/* asObject */.e)(json);
    const username = typeof body.Username === 'string' ? body.Username : '';
    const secret = typeof body.Secret === 'string' ? body.Secret : '';
    if (secret === '')
        return undefined;
    return username === '<token>' ? { identityToken: secret } : { username, password: secret };
}
/** What `docker login` writes when no helper applies: the entry under the registry's host. */
function withAuthEntry(config, registry, username, password) {
    const auths = Object.fromEntries(Object.entries(config.auths ?? {}).filter(([key]) => hostnameOfKey(key) !== registry));
    auths[docker_config_serverUrlFor(registry)] = { auth: (0,auth/* encodeBase64 */.WG)(`${username}:${password}`) };
    return { ...config, auths };
}
/** What `docker logout` leaves: the registry's entries gone, everything else untouched. */
function docker_config_withoutAuthEntry(config, registry) {
    const auths = Object.fromEntries(Object.entries(config.auths ?? {}).filter(([key]) => hostnameOfKey(key) !== registry));
    return { ...config, auths };
}

// EXTERNAL MODULE: ./src/io/docker-cli.ts
var docker_cli = __webpack_require__(28249);
// EXTERNAL MODULE: ./src/io/files.ts
var files = __webpack_require__(33839);
;// CONCATENATED MODULE: ./src/io/docker-config.ts
/**
 * The Docker config file and credential helpers: where `docker login` (or `ecr-login`) left a
 * registry's credentials, and the same edits `docker login`/`logout` make, for runners without a
 * Docker CLI. Helpers speak Docker's protocol: `docker-credential-<name> get|store|erase`, with
 * the request on stdin and the answer as JSON on stdout.
 */







/** `$DOCKER_CONFIG`, else `~/.docker`, as the Docker CLI decides. */
function dockerConfigDir(env) {
    return env.DOCKER_CONFIG || (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.docker');
}
async function readDockerConfig(dir) {
    const path = (0,external_node_path_.join)(dir, 'config.json');
    const text = await (0,files/* readOptionalFile */.p)(path);
    if (text === undefined || text.trim() === '')
        return { path, config: {}, exists: false };
    return { path, config: parseDockerConfig(text, path), exists: true };
}
/** Written whole to a temporary file, then renamed: a reader never sees half a file. */
async function writeDockerConfig(dir, config) {
    await (0,promises_.mkdir)(dir, { recursive: true, mode: 0o700 });
    const path = (0,external_node_path_.join)(dir, 'config.json');
    const temporary = `${path}.${process.pid}.tmp`;
    await (0,promises_.writeFile)(temporary, JSON.stringify(config, null, '\t') + '\n', { mode: 0o600 });
    await (0,promises_.chmod)(temporary, 0o600);
    await (0,promises_.rename)(temporary, path);
}
/** Helpers as programs on PATH. Their stderr may be shown; their stdout (secrets) never is. */
function credentialHelpers(env) {
    const call = async (helper, action, input) => {
        const program = `docker-credential-${helper}`;
        let result;
        try {
            result = await (0,docker_cli/* runProcess */.R3)(program, [action], { env, input, timeoutMs: 60_000 });
        }
        catch (error) {
            if (error.code === 'ENOENT') {
                throw new errors/* ConfigurationError */.j1(`The Docker config names the credential helper '${helper}', but ${program} is not on PATH.`);
            }
            throw error;
        }
        return result;
    };
    const failed = (helper, action, result) => new errors/* ConfigurationError */.j1(`docker-credential-${helper} ${action} failed (exit ${result.code}): ${(result.stderr || result.stdout).trim().slice(0, 300)}`);
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
    const helper = docker_config_helperFor(config, registry);
    if (helper) {
        await helpers.store(helper, docker_config_serverUrlFor(registry), username, password);
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


/***/ }),

/***/ 33839:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ readOptionalFile)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);

/** The file's text, or undefined when it does not exist; other errors (permissions) throw. */
async function readOptionalFile(path) {
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
}


/***/ })

};
