export const id = 666;
export const ids = [666];
export const modules = {

/***/ 56666:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  INPUTS: () => (/* binding */ INPUTS),
  readSettings: () => (/* binding */ readSettings),
  run: () => (/* binding */ run)
});

;// CONCATENATED MODULE: ./src/core/approval.ts
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const TEAM = /^[A-Za-z0-9_.-]{1,100}$/;
const APPROVER_EXPECTED = 'GitHub user names or `org/team` slugs, e.g. `mona, acme/release-managers`';
function parseApprover(text) {
    const value = text.trim().replace(/^@/, '');
    const slash = value.indexOf('/');
    if (slash < 0)
        return LOGIN.test(value) ? { kind: 'user', login: value } : undefined;
    const org = value.slice(0, slash);
    const team = value.slice(slash + 1);
    return LOGIN.test(org) && TEAM.test(team) ? { kind: 'team', org, team } : undefined;
}
function formatApprover(a) {
    return a.kind === 'user' ? a.login : `${a.org}/${a.team}`;
}
/** Listed by name (GitHub logins are case-insensitive). Teams need an API call. */
function listedByName(approvers, login) {
    return approvers.some((a) => a.kind === 'user' && a.login.toLowerCase() === login.toLowerCase());
}
/** The first word of a comment decides: `approve`/`approved`/`lgtm` or `deny`/`denied`/`reject`. */
function commentVerdict(body) {
    const word = body
        .trim()
        .split(/\s+/)[0]
        ?.toLowerCase()
        .replace(/[.!:,]+$/, '');
    if (word === undefined)
        return undefined;
    if (['approve', 'approved', 'lgtm', '/approve'].includes(word))
        return 'approve';
    if (['deny', 'denied', 'reject', 'rejected', '/deny'].includes(word))
        return 'deny';
    return undefined;
}
/** The newest deployment whose newest status is `success`. */
function lastSuccessful(records) {
    return [...records]
        .filter((r) => r.state === 'success')
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}
function approvalIssueBody(input) {
    const who = input.approvers.map((a) => `@${formatApprover(a)}`).join(', ');
    return [
        `**${input.actor ?? 'Someone'}** asks to deploy **${input.version}** to **${input.environment}**.`,
        '',
        input.digest ? `Image digest: \`${input.digest}\`` : '',
        input.runUrl ? `Run: ${input.runUrl}` : '',
        '',
        `${who}: comment \`approve\` or \`deny\`. Comments from anyone else are ignored.`,
        `This request expires in ${input.timeoutMinutes} minute(s).`
    ]
        .filter((line, i, all) => line !== '' || all[i - 1] !== '')
        .join('\n');
}

// EXTERNAL MODULE: ./src/core/docker-reference.ts
var docker_reference = __webpack_require__(58003);
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
// EXTERNAL MODULE: ./src/lib/poll.ts
var poll = __webpack_require__(43962);
// EXTERNAL MODULE: ./src/lib/retry.ts
var retry = __webpack_require__(61737);
// EXTERNAL MODULE: ./src/lib/runner.ts
var lib_runner = __webpack_require__(39445);
;// CONCATENATED MODULE: ./src/actions/approval/main.ts
/**
 * Action `approval`: guards a production release before anything is deployed. The dispatching
 * user must be an approver (or, with `mode: issue`, an approver must answer an issue); the
 * version must exist in the registry; with `require-stage`, the very image (by digest) must be
 * what the previous stage runs.
 */










const INPUTS = {
    approvers: 'approvers',
    version: 'version',
    environment: 'environment',
    image: 'image',
    registryUsername: 'registry-username',
    registryPassword: 'registry-password',
    requireStage: 'require-stage',
    stageTag: 'stage-tag',
    mode: 'mode',
    timeoutMinutes: 'timeout-minutes',
    pollInterval: 'poll-interval',
    githubToken: 'github-token'
};
function readSettings(inputs) {
    const approvers = inputs.list(INPUTS.approvers).map((text) => {
        const approver = parseApprover(text);
        if (!approver)
            throw new errors/* InputError */.dz(INPUTS.approvers, text, APPROVER_EXPECTED);
        return approver;
    });
    if (approvers.length === 0)
        throw new errors/* InputError */.dz(INPUTS.approvers, '', APPROVER_EXPECTED);
    const version = inputs.required(INPUTS.version, 'the version to release, e.g. `1.4.57`');
    if (!(0,docker_reference/* isValidTag */.r_)(version))
        throw new errors/* InputError */.dz(INPUTS.version, version, docker_reference/* TAG_EXPECTATION */.mL);
    const imageText = inputs.optional(INPUTS.image);
    let image;
    if (imageText !== undefined) {
        const parsed = (0,docker_reference/* parseImageReference */.o_)(imageText, { foldCase: true });
        if ('error' in parsed)
            throw new errors/* InputError */.dz(INPUTS.image, imageText, parsed.error);
        if (parsed.reference.tag || parsed.reference.digest) {
            throw new errors/* InputError */.dz(INPUTS.image, imageText, 'the image repository without a tag, e.g. `ghcr.io/acme/shop` (the tag is `version`)');
        }
        image = parsed.reference;
    }
    const username = inputs.optional(INPUTS.registryUsername);
    const password = inputs.secret(INPUTS.registryPassword);
    if ((username === undefined) !== (password === undefined)) {
        throw new errors/* InputError */.dz(INPUTS.registryUsername, username ?? '', `'${INPUTS.registryUsername}' and '${INPUTS.registryPassword}' together`);
    }
    const requireStage = inputs.optional(INPUTS.requireStage);
    if (requireStage !== undefined && image === undefined) {
        throw new errors/* InputError */.dz(INPUTS.requireStage, requireStage, `an '${INPUTS.image}' too: the stage check compares image digests`);
    }
    const stageTag = inputs.optional(INPUTS.stageTag);
    if (stageTag !== undefined && !(0,docker_reference/* isValidTag */.r_)(stageTag))
        throw new errors/* InputError */.dz(INPUTS.stageTag, stageTag, docker_reference/* TAG_EXPECTATION */.mL);
    const token = inputs.secret(INPUTS.githubToken);
    const mode = inputs.choice(INPUTS.mode, ['environment', 'issue'], 'environment');
    return {
        approvers,
        version,
        environment: inputs.optional(INPUTS.environment) ?? 'prod',
        image,
        registryCredentials: username && password ? { username, password } : undefined,
        requireStage,
        stageTag,
        mode,
        timeoutMs: (inputs.integer(INPUTS.timeoutMinutes, { min: 1, max: 10080 }) ?? 60) * 60_000,
        pollMs: inputs.duration(INPUTS.pollInterval, 15_000),
        token
    };
}
class Refused extends errors/* ConfigurationError */.j1 {
}
async function run(deps = {}) {
    const runner = deps.runner ?? (0,lib_runner/* githubRunner */.O)();
    const now = deps.now ?? Date.now;
    await (0,action/* runAction */.C)(runner, async () => {
        const settings = readSettings(new inputs/* InputReader */.i_(runner.getInput, runner.setSecret));
        const ctx = (0,context/* readCiContext */.OW)(runner.env);
        const needsGitHub = settings.mode === 'issue' ||
            settings.approvers.some((a) => a.kind === 'team') ||
            (settings.requireStage !== undefined && settings.stageTag === undefined);
        if (needsGitHub && !settings.token)
            throw new errors/* InputError */.dz(INPUTS.githubToken, '', 'a token (the default `${{ github.token }}` is enough for issues and deployments; teams need read:org)');
        if (needsGitHub && !ctx.repository)
            throw new errors/* ConfigurationError */.j1('GITHUB_REPOSITORY is not set: cannot reach the repository on GitHub.');
        const github = needsGitHub
            ? await (deps.github ??
                ((token) => __webpack_require__.e(/* import() */ 557).then(__webpack_require__.bind(__webpack_require__, 76557)).then((m) => m.githubApi({
                    token,
                    repository: ctx.repository,
                    apiUrl: runner.env.GITHUB_API_URL
                }))))(settings.token)
            : undefined;
        const digestOf = deps.digestOf ??
            (await __webpack_require__.e(/* import() */ 32).then(__webpack_require__.bind(__webpack_require__, 93032))).registryDigest(runner.env, settings.registryCredentials);
        const checks = [];
        let digest;
        if (settings.image) {
            const image = `${settings.image.registry}/${settings.image.repository}`;
            digest = await digestOf(settings.image, settings.version);
            if (!digest)
                throw new Refused(`Refused: ${image}:${settings.version} does not exist in the registry; nothing to release.`);
            checks.push(['Image', `${image}:${settings.version} exists (${digest})`]);
            if (settings.requireStage) {
                const stage = await stageDigest(settings, github, digestOf);
                if (stage.digest !== digest) {
                    throw new Refused(`Refused: ${settings.requireStage} runs ${stage.digest ?? 'nothing known'} (${stage.from}), not ${digest} (${settings.version}). Release what was verified in ${settings.requireStage}.`);
                }
                checks.push([`Same as ${settings.requireStage}`, `yes (${stage.from})`]);
            }
        }
        const approval = settings.mode === 'issue'
            ? await approveByIssue(settings, github, runner, digest, deps.sleep ?? retry/* realSleep */.uk, now)
            : await approveByActor(settings, github, ctx.actor);
        checks.push(['Approved by', `${approval.by}${approval.via ? ` (${approval.via})` : ''}`]);
        const at = new Date(now()).toISOString();
        runner.setOutput('approved-by', approval.by);
        runner.setOutput('approved-at', at);
        runner.setOutput('digest', digest ?? '');
        runner.setOutput('issue-url', approval.issueUrl ?? '');
        runner.info(`Approved: ${settings.version} to ${settings.environment} by ${approval.by} at ${at}.`);
        runner.appendSummary((0,markdown/* summary */.z)(`Approval: ${settings.version} → ${settings.environment}`, (0,markdown/* table */.tp)(['Check', 'Result'], checks.map(([k, v]) => [k, { raw: (0,markdown/* code */.aY)(v) }]))));
    });
}
/** What the previous stage runs: its fixed tag's digest, or the last successful deployment's record. */
async function stageDigest(settings, github, digestOf) {
    if (settings.stageTag) {
        return {
            digest: await digestOf(settings.image, settings.stageTag),
            from: `its tag ${settings.stageTag}`
        };
    }
    const last = lastSuccessful(await github.deployments(settings.requireStage));
    if (!last)
        return { from: `no successful deployment to ${settings.requireStage} is recorded` };
    return {
        digest: last.payload.digest,
        from: `deployment #${last.id} of ${last.payload.version ?? 'an unknown version'} on ${last.createdAt}`
    };
}
async function isApprover(settings, github, login) {
    if (listedByName(settings.approvers, login))
        return 'listed';
    for (const a of settings.approvers) {
        if (a.kind === 'team' && github && (await github.isTeamMember(a.org, a.team, login)))
            return `member of ${a.org}/${a.team}`;
    }
    return undefined;
}
async function approveByActor(settings, github, actor) {
    if (!actor)
        throw new Refused('Refused: no actor (GITHUB_ACTOR) to check against the approvers.');
    const via = await isApprover(settings, github, actor);
    if (!via) {
        throw new Refused(`Refused: ${actor} is not an approver (${settings.approvers.map(formatApprover).join(', ')}).`);
    }
    return { by: actor, via, issueUrl: undefined };
}
async function approveByIssue(settings, github, runner, digest, sleep, now) {
    const ctx = (0,context/* readCiContext */.OW)(runner.env);
    const minutes = Math.round(settings.timeoutMs / 60_000);
    const issue = await github.createIssue(`Approve deploying ${settings.version} to ${settings.environment}?`, approvalIssueBody({
        version: settings.version,
        environment: settings.environment,
        approvers: settings.approvers,
        actor: ctx.actor,
        runUrl: ctx.runUrl,
        digest,
        timeoutMinutes: minutes
    }));
    runner.info(`Waiting up to ${minutes} min for an approver to answer ${issue.url}`);
    const seen = new Set();
    // Each poll reads the comments and judges the new ones; the first approver's verdict ends it.
    const answered = await (0,poll/* pollUntil */.g)(async () => {
        for (const c of await github.comments(issue.number)) {
            if (seen.has(c.id))
                continue;
            seen.add(c.id);
            const verdict = commentVerdict(c.body);
            if (!verdict)
                continue;
            const via = await isApprover(settings, github, c.login);
            if (via)
                return { verdict, login: c.login, via };
            runner.info(`Ignoring "${verdict}" from ${c.login}: not an approver.`);
        }
        return undefined;
    }, {
        clock: { now, sleep },
        timeoutMs: settings.timeoutMs,
        interval: settings.pollMs,
        done: Boolean
    });
    const answer = answered.value;
    if (!answer) {
        await github.comment(issue.number, `No approver answered within ${minutes} minute(s). Nothing was deployed.`);
        await github.closeIssue(issue.number, 'not_planned');
        throw new Refused(`Refused: no approver answered ${issue.url} within ${minutes} minute(s).`);
    }
    if (answer.verdict === 'deny') {
        await github.comment(issue.number, `Denied by @${answer.login}. Nothing was deployed.`);
        await github.closeIssue(issue.number, 'not_planned');
        throw new Refused(`Refused: ${answer.login} denied deploying ${settings.version} to ${settings.environment} (${issue.url}).`);
    }
    await github.comment(issue.number, `Approved by @${answer.login}. Deploying ${settings.version} to ${settings.environment}.`);
    await github.closeIssue(issue.number, 'completed');
    return { by: answer.login, via: `${answer.via}, ${issue.url}`, issueUrl: issue.url };
}


/***/ }),

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
