import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 5325:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6637);

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .eF)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 6637:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  eF: () => (/* binding */ run)
});

// UNUSED EXPORTS: DEFAULT_CONFIG, INPUTS, readSettings

;// CONCATENATED MODULE: ./src/core/glob.ts
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
    const rule = rules.find((r) => matchesGlob(r.pattern, branch));
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

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
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

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/io/git.ts
/**
 * What git knows about the checkout, for when the CI does not say. Each call is one `git` process
 * with an argument array (no shell); any failure (no git, not a repository, a shallow clone with
 * no tags) is "unknown", never an error: the callers fall back and say so.
 */

function git(args, cwd) {
    return new Promise((resolve) => {
        (0,external_node_child_process_namespaceObject.execFile)('git', args, { cwd, timeout: 10_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => resolve(error ? undefined : stdout.trim()));
    });
}
function gitInfo(cwd = process.cwd()) {
    return {
        async mergedTags() {
            const out = await git(['tag', '--merged', 'HEAD'], cwd);
            return out === undefined ? undefined : out.split('\n').filter(Boolean);
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

// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __nccwpck_require__(7268);
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
        if (error instanceof errors/* ConfigurationError */.j1) {
            runner.setFailed(error.message);
            return;
        }
        if (error instanceof Error && error.stack)
            runner.debug(error.stack);
        runner.setFailed(`Unexpected error: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/lib/context.ts
const nonEmpty = (v) => v === undefined || v.trim() === '' ? undefined : v.trim();
function readCiContext(env) {
    if (env.GITHUB_ACTIONS === 'true')
        return githubContext(env);
    if (env.CIRCLECI === 'true')
        return circleContext(env);
    return { provider: 'local', eventName: 'local' };
}
function githubContext(env) {
    const ref = env.GITHUB_REF ?? '';
    const server = nonEmpty(env.GITHUB_SERVER_URL) ?? 'https://github.com';
    const repository = nonEmpty(env.GITHUB_REPOSITORY);
    const runId = nonEmpty(env.GITHUB_RUN_ID);
    const pr = /^refs\/pull\/(\d+)\//.exec(ref);
    return {
        provider: 'github',
        eventName: nonEmpty(env.GITHUB_EVENT_NAME) ?? 'push',
        branch: pr
            ? nonEmpty(env.GITHUB_HEAD_REF)
            : ref.startsWith('refs/heads/')
                ? ref.slice('refs/heads/'.length)
                : undefined,
        tag: ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined,
        pullRequest: pr ? Number(pr[1]) : undefined,
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
    const prNumber = nonEmpty(env.CIRCLE_PR_NUMBER) ?? /\/pull\/(\d+)/.exec(env.CIRCLE_PULL_REQUEST ?? '')?.[1];
    return {
        provider: 'circleci',
        eventName: prNumber ? 'pull_request' : 'push',
        branch: nonEmpty(env.CIRCLE_BRANCH),
        tag: nonEmpty(env.CIRCLE_TAG),
        pullRequest: prNumber ? Number(prNumber) : undefined,
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

// EXTERNAL MODULE: ./src/lib/inputs.ts
var inputs = __nccwpck_require__(1662);
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

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
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
const loadYamlParsers = () => Promise.all(/* import() */[__nccwpck_require__.e(243), __nccwpck_require__.e(292)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2292));
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
    const runner = deps.runner ?? githubRunner();
    const git = deps.git ?? gitInfo();
    const readFile = deps.readFile ?? readOptionalFile;
    await runAction(runner, async () => {
        const settings = await readSettings(new inputs/* InputReader */.i_(runner.getInput, runner.setSecret));
        const ctx = readCiContext(runner.env);
        // A pull request's head branch must not deploy as if it had been pushed; a tag has no branch.
        const onBranch = ctx.tag === undefined && ctx.pullRequest === undefined;
        const branch = settings.branch ??
            (onBranch ? ctx.branch : undefined) ??
            (ctx.provider === 'local' ? await git.currentBranch() : undefined);
        const noBranchReason = ctx.pullRequest !== undefined
            ? `Pull request #${ctx.pullRequest} builds do not deploy.`
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
        ['Branch', { raw: code(branch ?? '') }],
        ['Environment', decision.environment ?? '(none)'],
        ['Deploy', decision.deploy ? 'yes' : 'no'],
        ['Matched', decision.rule ? { raw: code(decision.rule.pattern) } : '—'],
        ['Requires approval', decision.requiresApproval ? 'yes' : 'no'],
        ['Hosts', { raw: (s.hosts ?? []).map(code).join('<br>') || '—' }],
        ['URL', s.url ?? '—'],
        ['Settings from', configFile ?? 'defaults (no settings file)']
    ];
    return summary('Environment', `${table(['', ''], rows)}\n\n${decision.reason}`);
}


/***/ }),

/***/ 7268:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
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

/***/ 1662:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   i_: () => (/* binding */ InputReader),
/* harmony export */   q$: () => (/* binding */ isHttpUrl)
/* harmony export */ });
/* unused harmony exports splitList, parseDuration */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7268);
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

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

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
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
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
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
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
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(5325);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
