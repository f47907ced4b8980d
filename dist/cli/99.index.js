export const id = 99;
export const ids = [99];
export const modules = {

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

/***/ 86153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ isPlainObject),
/* harmony export */   e: () => (/* binding */ asObject)
/* harmony export */ });
/** Parsed JSON or YAML, read safely: which values are objects, and fields read from any value. */
/** An object with fields (a JSON object, a YAML mapping): not null, not an array. */
function isPlainObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The value as an object to read fields from; `{}` when it is none (a body of the wrong shape). */
function asObject(value) {
    return isPlainObject(value) ? value : {};
}


/***/ }),

/***/ 24181:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bs: () => (/* binding */ decodeAuthorizationToken),
/* harmony export */   F1: () => (/* binding */ untaggedExpiryPolicy),
/* harmony export */   JA: () => (/* binding */ outputSuffix),
/* harmony export */   JG: () => (/* binding */ isAccountId),
/* harmony export */   PE: () => (/* binding */ isImmutableTagRefusal),
/* harmony export */   U$: () => (/* binding */ registryHost),
/* harmony export */   en: () => (/* binding */ isRepositoryName)
/* harmony export */ });
/* harmony import */ var _auth_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(59709);
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
    const decoded = (0,_auth_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeBase64 */ .y4)(token);
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


/***/ }),

/***/ 35577:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ runAction)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97268);
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
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1) {
            runner.setFailed(error.message);
            return;
        }
        if (error instanceof Error && error.stack)
            runner.debug(error.stack);
        runner.setFailed(`Unexpected error: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`);
    }
}


/***/ }),

/***/ 97268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   j1: () => (/* binding */ ConfigurationError)
/* harmony export */ });
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


/***/ }),

/***/ 51662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   i_: () => (/* binding */ InputReader),
/* harmony export */   q$: () => (/* binding */ isHttpUrl),
/* harmony export */   ry: () => (/* binding */ splitList)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97268);
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, '', expected);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, value, '`true` or `false`');
    }
    integer(name, range = {}) {
        const value = this.optional(name);
        if (value === undefined)
            return undefined;
        const { min = 0, max = Number.MAX_SAFE_INTEGER } = range;
        const n = /^\d+$/.test(value) ? Number(value) : NaN;
        if (!Number.isSafeInteger(n) || n < min || n > max) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, value, `a whole number from ${min} to ${max}`);
        }
        return n;
    }
    choice(name, options, fallback) {
        const value = this.optional(name);
        if (value === undefined)
            return fallback;
        if (options.includes(value))
            return value;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, value, `one of ${options.map((o) => `\`${o}\``).join(', ')}`);
    }
    /** A duration: `90` (seconds), `90s`, `5m`, `1h`, `1m30s`; in milliseconds. */
    duration(name, fallbackMs) {
        const value = this.optional(name);
        if (value === undefined)
            return fallbackMs;
        const ms = parseDuration(value);
        if (ms === undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, value, 'a duration such as `90s`, `5m` or `1h` (a bare number is seconds)');
        return ms;
    }
    /** An http(s) URL (`isHttpUrl`), or undefined when empty. */
    url(name, expected = 'an http(s) URL') {
        const value = this.optional(name);
        if (value !== undefined && !isHttpUrl(value))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, value, expected);
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


/***/ }),

/***/ 33862:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AS: () => (/* binding */ pre),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   z: () => (/* binding */ summary)
/* harmony export */ });
/* unused harmony export escapeCell */
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


/***/ }),

/***/ 61737:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ retry),
/* harmony export */   TK: () => (/* binding */ httpRetryDecision),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   uk: () => (/* binding */ realSleep)
/* harmony export */ });
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


/***/ }),

/***/ 39445:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ githubRunner)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62398);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(40881);
/**
 * The runner port every action talks to, and its GitHub adapter over `@actions/core`. The port
 * stays so that the same run() serves the `gantry` CLI (src/cli/runner.ts) and tests; on GitHub
 * (and under `@github/local-action`, which stands in for `@actions/core`) the adapter below is used.
 */




function githubRunner(env = process.env, actionsCore = _actions_core__WEBPACK_IMPORTED_MODULE_0__) {
    const c = actionsCore;
    const untrusted = (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_3__/* .untrustedChannel */ ._)((text) => c.info(text));
    // Anything of Gantry's own ends an open untrusted region first, so the runner reads it.
    const own = (f) => (...args) => {
        untrusted.close();
        return f(...args);
    };
    return {
        env,
        get isDebug() {
            return c.isDebug();
        },
        getInput: (name) => c.getInput(name),
        setOutput: own((name, value) => c.setOutput(name, value)),
        saveState: own((name, value) => c.saveState(name, value)),
        getState: (name) => c.getState(name),
        setSecret: own((value) => {
            if (value)
                c.setSecret(value);
        }),
        debug: own((message) => c.debug(message)),
        info: own((message) => c.info(message)),
        untrusted: (text, prefix) => untrusted.print(text, prefix),
        notice: own((message, props) => c.notice(message, props)),
        warning: own((message, props) => c.warning(message, props)),
        error: own((message, props) => c.error(message, props)),
        group: own((name, body) => c.group(name, async () => {
            try {
                return await body();
            }
            finally {
                untrusted.close(); // before core's ::endgroup::
            }
        })),
        appendSummary(markdown) {
            // core.summary writes asynchronously only; the summary is appended markdown in the file
            // core.summary would write (GITHUB_STEP_SUMMARY, which local-action sets too), so the port
            // stays synchronous. No file (an old runner, a local run): nothing to append to.
            const path = env.GITHUB_STEP_SUMMARY;
            if (path)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(path, markdown.endsWith(node_os__WEBPACK_IMPORTED_MODULE_2__.EOL) ? markdown : markdown + node_os__WEBPACK_IMPORTED_MODULE_2__.EOL, 'utf8');
        },
        setFailed: own((message) => c.setFailed(message))
    };
}


/***/ })

};
