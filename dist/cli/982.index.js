export const id = 982;
export const ids = [982];
export const modules = {

/***/ 91982:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_CONFIG: () => (/* binding */ DEFAULT_CONFIG),
  INPUTS: () => (/* binding */ INPUTS),
  readSettings: () => (/* binding */ readSettings),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/core/glob.ts
var glob = __webpack_require__(16085);
;// CONCATENATED MODULE: ./src/core/environment.ts
/**
 * Branch → environment, as GitFlow does it. The settings file and the `map` input are parsed in
 * environment-config.ts, which loads the YAML parser: kept apart so a run without them never
 * pays for it.
 */

const DEFAULT_BRANCH_MAP = [
    { pattern: 'develop', environment: 'sandbox' },
    { pattern: 'preprod', environment: 'staging' },
    { pattern: 'master', environment: 'prod' },
    { pattern: 'main', environment: 'prod' }
];
/** Environments that require approval unless the settings file says otherwise. */
const PRODUCTION_NAMES = new Set(['prod', 'production']);
function decideEnvironment(input) {
    const rules = input.rules?.length
        ? input.rules
        : input.config.branches?.length
            ? input.config.branches
            : DEFAULT_BRANCH_MAP;
    const none = (reason) => ({
        deploy: false,
        requiresApproval: false,
        settings: {},
        reason
    });
    if (input.branch === undefined) {
        return none(input.noBranchReason ??
            'This build is not on a branch (a tag or a detached commit): nothing to deploy.');
    }
    const branch = input.branch;
    const rule = rules.find((r) => (0,glob/* matchesGlob */.k)(r.pattern, branch));
    if (!rule) {
        return none(`Branch '${branch}' matches no environment (${rules.map((r) => r.pattern).join(', ')}): nothing to deploy.`);
    }
    const settings = input.config.environments[rule.environment] ?? {};
    const requiresApproval = settings['requires-approval'] ?? PRODUCTION_NAMES.has(rule.environment);
    return {
        deploy: true,
        environment: rule.environment,
        rule,
        requiresApproval,
        settings,
        reason: `Branch '${branch}' matches '${rule.pattern}': deploy to ${rule.environment}.`
    };
}

// EXTERNAL MODULE: ./src/io/files.ts
var files = __webpack_require__(33839);
// EXTERNAL MODULE: ./src/io/git.ts
var io_git = __webpack_require__(47500);
// EXTERNAL MODULE: ./src/lib/action.ts
var action = __webpack_require__(35577);
// EXTERNAL MODULE: ./src/lib/context.ts
var context = __webpack_require__(31980);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(97268);
// EXTERNAL MODULE: ./src/lib/inputs.ts
var inputs = __webpack_require__(51662);
// EXTERNAL MODULE: ./src/lib/markdown.ts
var markdown = __webpack_require__(33862);
// EXTERNAL MODULE: ./src/lib/runner.ts
var lib_runner = __webpack_require__(39445);
;// CONCATENATED MODULE: ./src/actions/environment/main.ts
/** Action `environment`: which environment this branch deploys to, and that environment's settings. */









const INPUTS = {
    branch: 'branch',
    map: 'map',
    config: 'config'
};
/** The settings file's default path: absent is fine there, but not when named explicitly. */
const DEFAULT_CONFIG = '.github/gantry.yml';
/** The YAML parser loads only when there is YAML to parse (see the README's performance section). */
const loadYamlParsers = () => Promise.all(/* import() */[__webpack_require__.e(243), __webpack_require__.e(501)]).then(__webpack_require__.bind(__webpack_require__, 41501));
async function readSettings(inputs) {
    const mapText = inputs.optional(INPUTS.map);
    return {
        branch: inputs.optional(INPUTS.branch),
        rules: mapText === undefined
            ? undefined
            : await (await loadYamlParsers()).parseBranchMap(mapText, `input '${INPUTS.map}'`),
        configPath: inputs.optional(INPUTS.config) ?? DEFAULT_CONFIG
    };
}
async function run(deps = {}) {
    const runner = deps.runner ?? (0,lib_runner/* githubRunner */.O)();
    const git = deps.git ?? (0,io_git/* gitInfo */.V)();
    const readFile = deps.readFile ?? files/* readOptionalFile */.p;
    await (0,action/* runAction */.C)(runner, async () => {
        const settings = await readSettings(new inputs/* InputReader */.i_(runner.getInput, runner.setSecret));
        const ctx = (0,context/* readCiContext */.OW)(runner.env);
        // A pull request's head branch (pull_request_target's base branch too) must not deploy as if
        // it had been pushed; a merge group is a check before the merge; a tag has no branch.
        const pullRequestEvent = ctx.pullRequest !== undefined ||
            ctx.eventName === 'pull_request' ||
            ctx.eventName === 'pull_request_target';
        const mergeGroup = ctx.eventName === 'merge_group';
        const onBranch = ctx.tag === undefined && !pullRequestEvent && !mergeGroup;
        const branch = settings.branch ??
            (onBranch ? ctx.branch : undefined) ??
            (ctx.provider === 'local' ? await git.currentBranch() : undefined);
        const noBranchReason = pullRequestEvent
            ? `Pull request${ctx.pullRequest === undefined ? '' : ` #${ctx.pullRequest}`} builds do not deploy.`
            : mergeGroup
                ? `Merge group builds (checks before the merge into ${ctx.branch ?? 'the base branch'}) do not deploy.`
                : undefined;
        const text = await readFile(settings.configPath);
        if (text === undefined && settings.configPath !== DEFAULT_CONFIG) {
            throw new errors/* ConfigurationError */.j1(`Input '${INPUTS.config}' is ${JSON.stringify(settings.configPath)}: no such file.`);
        }
        const config = text === undefined
            ? { environments: {} }
            : await (await loadYamlParsers()).parseConfig(text, settings.configPath);
        const decision = decideEnvironment({ branch, noBranchReason, rules: settings.rules, config });
        runner.setOutput('environment', decision.environment ?? '');
        runner.setOutput('deploy', String(decision.deploy));
        runner.setOutput('requires-approval', String(decision.requiresApproval));
        runner.setOutput('hosts', JSON.stringify(decision.settings.hosts ?? []));
        runner.setOutput('url', decision.settings.url ?? '');
        runner.setOutput('config', JSON.stringify(decision.settings));
        if (decision.deploy)
            runner.info(decision.reason);
        else
            runner.notice(decision.reason);
        runner.appendSummary(renderSummary(decision, branch, text === undefined ? undefined : settings.configPath));
    });
}
function renderSummary(decision, branch, configFile) {
    const s = decision.settings;
    const rows = [
        ['Branch', { raw: (0,markdown/* code */.aY)(branch ?? '') }],
        ['Environment', decision.environment ?? '(none)'],
        ['Deploy', decision.deploy ? 'yes' : 'no'],
        ['Matched', decision.rule ? { raw: (0,markdown/* code */.aY)(decision.rule.pattern) } : '—'],
        ['Requires approval', decision.requiresApproval ? 'yes' : 'no'],
        ['Hosts', { raw: (s.hosts ?? []).map(markdown/* code */.aY).join('<br>') || '—' }],
        ['URL', s.url ?? '—'],
        ['Settings from', configFile ?? 'defaults (no settings file)']
    ];
    return (0,markdown/* summary */.z)('Environment', `${(0,markdown/* table */.tp)(['', ''], rows)}\n\n${decision.reason}`);
}


/***/ }),

/***/ 16085:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ matchesGlob)
/* harmony export */ });
/* unused harmony export globToRegExp */
/**
 * Branch patterns: `*` matches within one path segment, `**` across segments, `?` one character;
 * everything else is literal. `release/*` matches `release/1.2`, not `release/1.2/hotfix`.
 */
function globToRegExp(pattern) {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '*' && pattern[i + 1] === '*') {
            source += '.*';
            i++;
        }
        else if (c === '*')
            source += '[^/]*';
        else if (c === '?')
            source += '[^/]';
        else
            source += c.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
    }
    return new RegExp(`^${source}$`);
}
function matchesGlob(pattern, value) {
    return globToRegExp(pattern).test(value);
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

/***/ 47500:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ gitInfo)
/* harmony export */ });
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81260);
/**
 * What git knows about the checkout, for when the CI does not say. Each call is one `git` process
 * with an argument array (no shell); any failure (no git, not a repository, a shallow clone with
 * no tags) is "unknown", never an error: the callers fall back and say so.
 */

/** One git process through @actions/exec, silent (its output is data, never printed raw). */
async function git(args, cwd) {
    let timer;
    const timeout = new Promise((resolve) => {
        timer = setTimeout(resolve, 10_000, undefined);
        timer.unref();
    });
    try {
        const result = await Promise.race([
            (0,_actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H)('git', args, { cwd, silent: true, ignoreReturnCode: true }),
            timeout
        ]);
        return result && result.exitCode === 0 ? result.stdout.trim() : undefined;
    }
    catch {
        return undefined; // no git on PATH
    }
    finally {
        clearTimeout(timer);
    }
}
function gitInfo(cwd = process.cwd()) {
    return {
        async mergedTags() {
            const out = await git(['tag', '--merged', 'HEAD'], cwd);
            return out === undefined ? undefined : out.split('\n').filter(Boolean);
        },
        async allTags() {
            const out = await git(['tag', '--list'], cwd);
            return out === undefined ? undefined : out.split('\n').filter(Boolean);
        },
        async isShallow() {
            return (await git(['rev-parse', '--is-shallow-repository'], cwd)) === 'true';
        },
        headSha: () => git(['rev-parse', '--verify', 'HEAD'], cwd),
        async commit(ref = 'HEAD') {
            const out = await git(['log', '-1', '--format=%an%x00%B', ref, '--'], cwd);
            if (out === undefined)
                return {};
            const [author, ...message] = out.split('\0');
            return {
                author: author?.trim() || undefined,
                message: message.join('\0').trim() || undefined
            };
        },
        async currentBranch() {
            const out = await git(['symbolic-ref', '--quiet', '--short', 'HEAD'], cwd);
            return out || undefined;
        }
    };
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
