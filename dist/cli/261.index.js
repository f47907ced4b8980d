export const id = 261;
export const ids = [261];
export const modules = {

/***/ 2261:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  INPUTS: () => (/* binding */ INPUTS),
  readSettings: () => (/* binding */ readSettings),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/core/docker-reference.ts
var docker_reference = __webpack_require__(8003);
;// CONCATENATED MODULE: ./src/core/semver.ts
const NUM = '0|[1-9]\\d*';
const PRE_ID = `(?:${NUM}|\\d*[a-zA-Z-][0-9a-zA-Z-]*)`;
const SEMVER = new RegExp(`^v?(${NUM})\\.(${NUM})\\.(${NUM})` +
    `(?:-(${PRE_ID}(?:\\.${PRE_ID})*))?` +
    `(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?$`);
function parseSemVer(text) {
    const m = SEMVER.exec(text.trim());
    if (!m)
        return undefined;
    const num = (s) => Number(s);
    const major = num(m[1]);
    const minor = num(m[2]);
    const patch = num(m[3]);
    if (![major, minor, patch].every(Number.isSafeInteger))
        return undefined;
    return {
        major,
        minor,
        patch,
        prerelease: m[4] ? m[4].split('.') : [],
        build: m[5] ? m[5].split('.') : []
    };
}
/** `MAJOR.MINOR` or a full version (whose patch is ignored), `v` prefix allowed. */
function parseBaseVersion(text) {
    const short = new RegExp(`^v?(${NUM})\\.(${NUM})$`).exec(text.trim());
    if (short)
        return { major: Number(short[1]), minor: Number(short[2]) };
    const full = parseSemVer(text);
    return full && full.prerelease.length === 0 ? { major: full.major, minor: full.minor } : undefined;
}
function formatSemVer(v) {
    const pre = v.prerelease.length ? `-${v.prerelease.join('.')}` : '';
    const build = v.build.length ? `+${v.build.join('.')}` : '';
    return `${v.major}.${v.minor}.${v.patch}${pre}${build}`;
}
/** Precedence per semver.org §11 (build metadata ignored). */
function compareSemVer(a, b) {
    for (const k of ['major', 'minor', 'patch'])
        if (a[k] !== b[k])
            return a[k] - b[k];
    if (!a.prerelease.length || !b.prerelease.length) {
        return b.prerelease.length - a.prerelease.length;
    }
    for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
        const x = a.prerelease[i];
        const y = b.prerelease[i];
        if (x === undefined)
            return -1;
        if (y === undefined)
            return 1;
        if (x === y)
            continue;
        const xn = /^\d+$/.test(x);
        const yn = /^\d+$/.test(y);
        if (xn && yn)
            return Number(x) - Number(y);
        if (xn !== yn)
            return xn ? -1 : 1;
        return x < y ? -1 : 1;
    }
    return 0;
}
/** The highest stable `vX.Y.Z`/`X.Y.Z` among tag names, if any. */
function newestRelease(tagNames) {
    return tagNames
        .map(parseSemVer)
        .filter((v) => v !== undefined && v.prerelease.length === 0)
        .sort(compareSemVer)
        .at(-1);
}

// EXTERNAL MODULE: ./src/core/glob.ts
var glob = __webpack_require__(6085);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
;// CONCATENATED MODULE: ./src/core/version.ts
/**
 * The version of a build and every image tag to push: `MAJOR.MINOR.BUILD` for branch builds,
 * the tag itself for tag builds (with `X.Y`, `X` and `latest` for stable releases), a fixed tag
 * for long-lived branches and a short commit tag. Pure: everything it needs is passed in.
 */




function planVersion(req) {
    const notices = [];
    const tagList = [];
    const add = (tag) => {
        if (tag !== undefined && (0,docker_reference/* isValidTag */.r_)(tag) && !tagList.includes(tag))
            tagList.push(tag);
    };
    const branchBuild = () => {
        if (req.buildNumber === undefined)
            throw new errors/* ConfigurationError */.j1('No build number for a branch build.');
        return `${req.base.major}.${req.base.minor}.${req.buildNumber}`;
    };
    let version;
    let kind = 'branch';
    if (req.ref.kind === 'tag') {
        const semver = parseSemVer(req.ref.tag);
        if (semver && semver.prerelease.length === 0) {
            kind = 'release';
            version = formatSemVer({ ...semver, build: [] });
            add(version);
            add(`${semver.major}.${semver.minor}`);
            // A 0.x major promises nothing (semver §4), so it gets no floating `0` tag.
            if (semver.major > 0)
                add(`${semver.major}`);
            add('latest');
        }
        else if (semver) {
            kind = 'prerelease';
            version = formatSemVer({ ...semver, build: [] });
            add(version);
        }
        else {
            kind = 'tag';
            const tag = (0,docker_reference/* sanitizeTag */.iP)(req.ref.tag);
            if (tag === undefined) {
                notices.push(`The git tag ${JSON.stringify(req.ref.tag)} leaves no valid image tag; using the build number.`);
                version = branchBuild();
            }
            else {
                notices.push(`The git tag ${JSON.stringify(req.ref.tag)} is not semver; it is used as the version as is.`);
                version = tag;
            }
            add(version);
        }
    }
    else {
        version = branchBuild();
        add(version);
        const branch = req.ref.branch;
        if (req.ref.kind === 'pull_request') {
            kind = 'pull_request';
            add(`pr-${req.ref.number}`);
        }
        else if (branch !== undefined && req.fixedBranchTags.some((p) => (0,glob/* matchesGlob */.k)(p, branch))) {
            const tag = (0,docker_reference/* sanitizeTag */.iP)(branch);
            if (tag === undefined)
                notices.push(`The branch ${JSON.stringify(branch)} leaves no valid image tag.`);
            add(tag);
        }
    }
    if (req.shaTag && req.sha)
        add(`sha-${req.sha.slice(0, 7)}`);
    const labels = {};
    const label = (key, value) => {
        if (value)
            labels[`org.opencontainers.image.${key}`] = value;
    };
    label('title', req.title);
    label('source', req.source);
    label('version', version);
    label('created', req.created);
    label('revision', req.sha);
    const tags = req.images.length
        ? req.images.flatMap((image) => tagList.map((tag) => `${image}:${tag}`))
        : [...tagList];
    return { version, kind, tagList, tags, labels, notices };
}

// EXTERNAL MODULE: ./src/io/git.ts
var io_git = __webpack_require__(7500);
// EXTERNAL MODULE: ./src/lib/action.ts
var action = __webpack_require__(5577);
// EXTERNAL MODULE: ./src/lib/context.ts
var context = __webpack_require__(1980);
// EXTERNAL MODULE: ./src/lib/inputs.ts
var inputs = __webpack_require__(1662);
// EXTERNAL MODULE: ./src/lib/markdown.ts
var markdown = __webpack_require__(3862);
// EXTERNAL MODULE: ./src/lib/runner.ts
var lib_runner = __webpack_require__(9445);
;// CONCATENATED MODULE: ./src/actions/version/main.ts
/** Action `version`: the version of this build and every image tag to push. */










const INPUTS = {
    images: 'images',
    baseVersion: 'base-version',
    buildNumber: 'build-number',
    fixedBranchTags: 'fixed-branch-tags',
    shaTag: 'sha-tag'
};
/** What `images` expects, by the part of a reference that was wrong or was not wanted. */
const NAME_EXPECTED = {
    tag: 'an image name without a tag (tags are computed), e.g. `ghcr.io/org/app`',
    digest: 'an image name without a digest, e.g. `ghcr.io/org/app`',
    name: 'an image name such as `ghcr.io/org/app` or `123456789012.dkr.ecr.eu-west-1.amazonaws.com/app`'
};
function readSettings(inputs) {
    const images = inputs.list(INPUTS.images).map((text) => {
        const parsed = (0,docker_reference/* parseImageReference */.o_)(text, { foldCase: true });
        if ('error' in parsed)
            throw new errors/* InputError */.dz(INPUTS.images, text, NAME_EXPECTED[parsed.part]);
        const extra = parsed.reference.digest ? 'digest' : parsed.reference.tag ? 'tag' : undefined;
        if (extra)
            throw new errors/* InputError */.dz(INPUTS.images, text, NAME_EXPECTED[extra]);
        return parsed.name;
    });
    const baseText = inputs.optional(INPUTS.baseVersion);
    const baseVersion = baseText === undefined ? undefined : parseBaseVersion(baseText);
    if (baseText !== undefined && baseVersion === undefined) {
        throw new errors/* InputError */.dz(INPUTS.baseVersion, baseText, 'a semantic version such as `1.4` or `v1.4.0`');
    }
    return {
        images,
        baseVersion,
        buildNumber: inputs.integer(INPUTS.buildNumber),
        fixedBranchTags: inputs.list(INPUTS.fixedBranchTags),
        shaTag: inputs.boolean(INPUTS.shaTag, true)
    };
}
async function run(deps = {}) {
    const runner = deps.runner ?? (0,lib_runner/* githubRunner */.O)();
    const git = deps.git ?? (0,io_git/* gitInfo */.V)();
    const now = deps.now ?? (() => new Date());
    await (0,action/* runAction */.C)(runner, async () => {
        const settings = readSettings(new inputs/* InputReader */.i_(runner.getInput, runner.setSecret));
        const ctx = (0,context/* readCiContext */.O)(runner.env);
        const ref = await buildRef(ctx, git);
        // Tag builds take their version from the tag; only the others need a build number.
        const buildNumber = settings.buildNumber ??
            (ref.kind === 'tag' && !ctx.buildNumber ? undefined : parseBuildNumber(ctx));
        const sha = ctx.sha ?? (await git.headSha());
        let base = settings.baseVersion;
        let baseSource = `input '${INPUTS.baseVersion}'`;
        if (base === undefined) {
            const newest = newestRelease((await git.mergedTags()) ?? []);
            base = newest ?? { major: 0, minor: 1 };
            baseSource = newest
                ? `git tag v${newest.major}.${newest.minor}.${newest.patch}`
                : 'default (no vX.Y.Z tag reachable)';
        }
        const plan = planVersion({
            ref,
            base,
            buildNumber,
            sha,
            images: settings.images,
            fixedBranchTags: settings.fixedBranchTags,
            shaTag: settings.shaTag,
            source: ctx.repositoryUrl,
            title: ctx.repository?.split('/').pop(),
            created: now().toISOString()
        });
        for (const notice of plan.notices)
            runner.notice(notice);
        runner.setOutput('version', plan.version);
        runner.setOutput('tags', plan.tags.join('\n'));
        runner.setOutput('tag-list', plan.tagList.join('\n'));
        runner.setOutput('labels', Object.entries(plan.labels)
            .map(([k, v]) => `${k}=${v}`)
            .join('\n'));
        runner.setOutput('json', JSON.stringify({ version: plan.version, tags: plan.tags, labels: plan.labels }));
        runner.info(`Version ${plan.version} (${describeKind(plan, ref)}); tags:\n  ${plan.tags.join('\n  ')}`);
        runner.appendSummary(renderSummary(plan, ref, base, baseSource, buildNumber));
    });
}
function parseBuildNumber(ctx) {
    const raw = ctx.buildNumber;
    const variable = ctx.provider === 'circleci' ? 'CIRCLE_BUILD_NUM' : 'GITHUB_RUN_NUMBER';
    if (raw === undefined) {
        throw new errors/* ConfigurationError */.j1(`No build number: ${variable} is not set. Set input '${INPUTS.buildNumber}' to a whole number.`);
    }
    if (!/^\d+$/.test(raw)) {
        throw new errors/* ConfigurationError */.j1(`${variable} is ${JSON.stringify(raw)}: expected a whole number. Set input '${INPUTS.buildNumber}'.`);
    }
    return Number(raw);
}
async function buildRef(ctx, git) {
    if (ctx.tag !== undefined)
        return { kind: 'tag', tag: ctx.tag };
    if (ctx.pullRequest !== undefined)
        return { kind: 'pull_request', number: ctx.pullRequest, branch: ctx.branch };
    const branch = ctx.branch ?? (ctx.provider === 'local' ? await git.currentBranch() : undefined);
    if (branch === undefined)
        throw new errors/* ConfigurationError */.j1('Cannot tell the branch or tag of this build: neither the CI nor git says.');
    return { kind: 'branch', branch };
}
function describeKind(plan, ref) {
    switch (plan.kind) {
        case 'release':
            return `release ${ref.kind === 'tag' ? ref.tag : ''}`.trim();
        case 'prerelease':
            return `prerelease ${ref.kind === 'tag' ? ref.tag : ''}`.trim();
        case 'tag':
            return `tag ${ref.kind === 'tag' ? ref.tag : ''}`.trim();
        case 'pull_request':
            return `pull request #${ref.kind === 'pull_request' ? ref.number : ''}`;
        default:
            return `branch ${ref.kind === 'branch' ? ref.branch : ''}`.trim();
    }
}
function renderSummary(plan, ref, base, baseSource, buildNumber) {
    const rows = [
        ['Version', { raw: (0,markdown/* code */.aY)(plan.version) }],
        ['Build', describeKind(plan, ref)]
    ];
    if (plan.kind === 'branch' || plan.kind === 'pull_request') {
        rows.push(['Base', `${base.major}.${base.minor} from ${baseSource}`], ['Build number', String(buildNumber)]);
    }
    rows.push(['Tags', { raw: plan.tags.map(markdown/* code */.aY).join('<br>') }]);
    rows.push([
        'Labels',
        {
            raw: Object.entries(plan.labels)
                .map(([k, v]) => (0,markdown/* code */.aY)(`${k}=${v}`))
                .join('<br>')
        }
    ]);
    return (0,markdown/* summary */.z)('Version', (0,markdown/* table */.tp)(['', ''], rows));
}


/***/ }),

/***/ 8003:
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

/***/ 6085:
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

/***/ 7500:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ gitInfo)
/* harmony export */ });
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1260);
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

/***/ 5577:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ runAction)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7268);
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

/***/ 1980:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ readCiContext)
/* harmony export */ });
/* unused harmony export httpsRepositoryUrl */
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


/***/ }),

/***/ 7268:
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

/***/ 1662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i_: () => (/* binding */ InputReader),
/* harmony export */   q$: () => (/* binding */ isHttpUrl),
/* harmony export */   ry: () => (/* binding */ splitList)
/* harmony export */ });
/* unused harmony export parseDuration */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7268);
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

/***/ 3862:
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

/***/ 9445:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ githubRunner)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2398);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(881);
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
