export const id = 760;
export const ids = [760];
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

/***/ 84535:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Br: () => (/* binding */ renderSummary),
/* harmony export */   WJ: () => (/* binding */ verdict),
/* harmony export */   rb: () => (/* binding */ failureAnnotations),
/* harmony export */   xR: () => (/* binding */ hostOutputs)
/* harmony export */ });
/* harmony import */ var _lib_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33862);
/**
 * One rollout outcome per host (or per service), for every target, and everything the user is
 * told built from it: the step's outputs, the job summary, the error annotations, the final
 * verdict and the facts a notification carries.
 */

const failed = (o) => o.status === 'failed' || o.status === 'rolled-back';
/** The version the units run now: the one asked for, or for a rollback, where it went. */
function versionNow(report) {
    const ok = report.outcomes.filter((o) => o.status === 'deployed');
    return report.rollbackTo ? (ok[0]?.after ?? report.outcomes[0]?.after ?? '') : report.version;
}
/** The outputs every host target sets (ssh-deploy's). */
function hostOutputs(report) {
    const ok = report.outcomes.filter((o) => o.status === 'deployed');
    const bad = report.outcomes.filter((o) => o.status !== 'deployed');
    return {
        version: versionNow(report),
        'previous-version': report.outcomes.find((o) => o.before)?.before ?? '',
        'hosts-succeeded': JSON.stringify(ok.map((o) => o.unit)),
        'hosts-failed': JSON.stringify(bad.map((o) => o.unit)),
        'rolled-back': String(report.outcomes.some((o) => o.status === 'rolled-back'))
    };
}
function renderSummary(report) {
    const rows = report.outcomes.map((o) => [
        { raw: (0,_lib_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(o.unit) },
        o.attempted
            ? `${o.before ?? '—'} → ${o.attempted} ↩ ${o.after ?? '—'}`
            : `${o.before ?? '—'} → ${o.after ?? '—'}`,
        `${(o.durationMs / 1000).toFixed(1)} s`,
        o.status === 'rolled-back' ? 'rolled back' : o.status,
        o.message ?? ''
    ]);
    const details = report.outcomes
        .map((o) => o.details)
        .filter(Boolean)
        .join('');
    return (0,_lib_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z)(`Deploy ${report.app}`, (0,_lib_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['Host', 'Version', 'Duration', 'Result', 'Details'], rows) + details);
}
/** One error annotation per unit that failed or was rolled back. */
function failureAnnotations(report) {
    const how = report.rolledBackBy === 'Gantry' ? 'rolled back' : `rolled back by ${report.rolledBackBy}`;
    return report.outcomes.filter(failed).map((o) => ({
        message: `${o.unit}: ${o.message ?? o.status}`,
        title: `${report.action}: ${report.scope ? `${report.scope} on ` : ''}${o.unit} ${o.status === 'rolled-back' ? how : 'failed'}`
    }));
}
/** The step's last word: what failed (the step fails), or what was deployed. */
function verdict(report) {
    const { outcomes, scope } = report;
    const bad = outcomes.filter((o) => o.status !== 'deployed');
    const rolledBack = outcomes.some((o) => o.status === 'rolled-back');
    if (bad.length && scope) {
        const did = report.rollbackTo ? `roll back to ${report.rollbackTo}` : `deploy ${report.version}`;
        const by = rolledBack ? `: ${report.rolledBackBy} rolled it back` : '';
        return { failed: `${capitalize(scope)} did not ${did}${by}.` };
    }
    if (bad.length)
        return {
            failed: `${bad.length} of ${outcomes.length} host(s) did not deploy ${report.what}${rolledBack ? ' (rolled back)' : ''}.`
        };
    const now = versionNow(report);
    return {
        ok: scope
            ? `Deployed ${now || 'the previous spec'} as ${scope}.`
            : `Deployed ${now} to ${outcomes.length} host(s).`
    };
}
const capitalize = (text) => text.charAt(0).toUpperCase() + text.slice(1);


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

/***/ 31980:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OW: () => (/* binding */ readCiContext)
/* harmony export */ });
/* unused harmony exports readEventPayload, httpsRepositoryUrl */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86153);
/**
 * What the CI says about this build, from GitHub's variables or CircleCI's, read from an
 * environment object (not process.env directly, so tests pass their own). Git fills the gaps
 * elsewhere (src/io/git.ts) when neither CI says.
 */


const nonEmpty = (v) => v === undefined || v.trim() === '' ? undefined : v.trim();
/** Events whose GITHUB_REF is not the code being built: the payload says what is. */
const PAYLOAD_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group']);
/**
 * The CI context. `payload` is the GitHub event (GITHUB_EVENT_PATH); by default it is read from
 * that file, and only for the events that need it.
 */
function readCiContext(env, payload) {
    if (env.GITHUB_ACTIONS === 'true') {
        const event = nonEmpty(env.GITHUB_EVENT_NAME) ?? 'push';
        return githubContext(env, payload ?? (PAYLOAD_EVENTS.has(event) ? readEventPayload(env) : undefined));
    }
    if (env.CIRCLECI === 'true')
        return circleContext(env);
    return { provider: 'local', eventName: 'local' };
}
/** The GitHub event payload, or undefined when there is none or it is not JSON. */
function readEventPayload(env) {
    const path = nonEmpty(env.GITHUB_EVENT_PATH);
    if (!path)
        return undefined;
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
    }
    catch {
        return undefined;
    }
}
const str = (v) => (typeof v === 'string' ? nonEmpty(v) : undefined);
const positive = (v) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
    return Number.isSafeInteger(n) && n > 0 ? n : undefined;
};
const stripHeads = (ref) => ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
function githubContext(env, payload) {
    const ref = env.GITHUB_REF ?? '';
    const server = nonEmpty(env.GITHUB_SERVER_URL) ?? 'https://github.com';
    const repository = nonEmpty(env.GITHUB_REPOSITORY);
    const runId = nonEmpty(env.GITHUB_RUN_ID);
    const eventName = nonEmpty(env.GITHUB_EVENT_NAME) ?? 'push';
    const event = (0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asObject */ .e)(payload);
    let branch = stripHeads(ref);
    let tag = ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined;
    let pullRequest;
    let pullRequestBase;
    let pullRequestHeadSha;
    const refPr = /^refs\/pull\/(\d+)\//.exec(ref);
    if (eventName === 'pull_request' || eventName === 'pull_request_target' || refPr) {
        // pull_request_target runs with GITHUB_REF set to the base branch: that is not this code.
        const pr = (0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asObject */ .e)(event.pull_request);
        pullRequest = positive(refPr?.[1]) ?? positive(event.number) ?? positive(pr.number);
        branch = nonEmpty(env.GITHUB_HEAD_REF) ?? str((0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asObject */ .e)(pr.head).ref);
        pullRequestBase = nonEmpty(env.GITHUB_BASE_REF) ?? str((0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asObject */ .e)(pr.base).ref);
        pullRequestHeadSha = str((0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asObject */ .e)(pr.head).sha);
        tag = undefined;
    }
    else if (eventName === 'merge_group') {
        // GITHUB_REF is the queue's temporary branch (gh-readonly-queue/<base>/pr-N-<sha>).
        const group = (0,_core_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asObject */ .e)(event.merge_group);
        branch =
            stripHeads(str(group.base_ref)) ?? /^gh-readonly-queue\/(.+)\/pr-\d+-/.exec(branch ?? '')?.[1];
    }
    return {
        provider: 'github',
        eventName,
        branch,
        tag,
        pullRequest,
        pullRequestBase,
        pullRequestHeadSha,
        sha: nonEmpty(env.GITHUB_SHA),
        buildNumber: nonEmpty(env.GITHUB_RUN_NUMBER),
        repository,
        repositoryUrl: repository ? `${server}/${repository}` : undefined,
        actor: nonEmpty(env.GITHUB_ACTOR),
        runUrl: repository && runId ? `${server}/${repository}/actions/runs/${runId}` : undefined
    };
}
function circleContext(env) {
    const owner = nonEmpty(env.CIRCLE_PROJECT_USERNAME);
    const name = nonEmpty(env.CIRCLE_PROJECT_REPONAME);
    const branch = nonEmpty(env.CIRCLE_BRANCH);
    // A forked pull request: CircleCI sets CIRCLE_PR_NUMBER and names the branch `pull/N`.
    const forkPr = positive(nonEmpty(env.CIRCLE_PR_NUMBER)) ?? positive(/^pull\/(\d+)$/.exec(branch ?? '')?.[1]);
    // CIRCLE_PULL_REQUEST(S): pull requests open for a branch of this repository, which is pushed.
    const open = [
        ...new Set(`${env.CIRCLE_PULL_REQUESTS ?? ''},${env.CIRCLE_PULL_REQUEST ?? ''}`
            .split(',')
            .map((url) => positive(/\/pull\/(\d+)\/?$/.exec(url.trim())?.[1]))
            .filter((n) => n !== undefined))
    ].sort((a, b) => a - b);
    const tag = nonEmpty(env.CIRCLE_TAG);
    return {
        provider: 'circleci',
        eventName: forkPr !== undefined && tag === undefined ? 'pull_request' : 'push',
        branch,
        tag,
        pullRequest: tag === undefined ? forkPr : undefined,
        openPullRequests: forkPr === undefined && tag === undefined && open.length ? open : undefined,
        sha: nonEmpty(env.CIRCLE_SHA1),
        buildNumber: nonEmpty(env.CIRCLE_BUILD_NUM),
        repository: owner && name ? `${owner}/${name}` : name,
        repositoryUrl: httpsRepositoryUrl(nonEmpty(env.CIRCLE_REPOSITORY_URL)),
        actor: nonEmpty(env.CIRCLE_USERNAME),
        runUrl: nonEmpty(env.CIRCLE_BUILD_URL)
    };
}
/** CircleCI gives `git@github.com:org/repo.git`; labels and links want `https://github.com/org/repo`. */
function httpsRepositoryUrl(url) {
    if (!url)
        return undefined;
    const scp = /^[\w.-]+@([\w.-]+):(.+?)(\.git)?$/.exec(url);
    if (scp)
        return `https://${scp[1]}/${scp[2]}`;
    return url.replace(/\.git$/, '');
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
/* harmony export */   i_: () => (/* binding */ InputReader),
/* harmony export */   q$: () => (/* binding */ isHttpUrl),
/* harmony export */   ry: () => (/* binding */ splitList)
/* harmony export */ });
/* unused harmony export parseDuration */
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
