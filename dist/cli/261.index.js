export const id = 261;
export const ids = [261];
export const modules = {

/***/ 92261:
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
var docker_reference = __webpack_require__(58003);
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
    if (short) {
        // Number('9999999999999999999999') is 1e+22: only exact integers are versions.
        const [major, minor] = [Number(short[1]), Number(short[2])];
        return Number.isSafeInteger(major) && Number.isSafeInteger(minor) ? { major, minor } : undefined;
    }
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
var glob = __webpack_require__(16085);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(97268);
;// CONCATENATED MODULE: ./src/core/version.ts
/**
 * The version of a build and every image tag to push. Pure: everything it needs is passed in.
 *
 * - Branch builds: `MAJOR.MINOR.BUILD` while the project has no release tag (the reference
 *   `TAG=0.1.$BUILD`); once a release `vX.Y.Z` is reachable, a prerelease of the next patch,
 *   `X.Y.(Z+1)-<branch>.<BUILD>`, which no release can take and which sorts below that release.
 * - Tag builds: the tag itself; stable releases also get `X.Y`, `X` and `latest`, each only when
 *   this release is the newest of what the tag names (a hotfix of an old line moves none back).
 * - Pull requests and merge groups never get a fixed branch tag, an extra tag or `latest`.
 */




/** The events whose branch build is that branch's own code, so it may get its fixed tag. */
const BRANCH_EVENTS = [
    'push',
    'workflow_dispatch',
    'schedule',
    'repository_dispatch',
    'create',
    'local'
];
const MAX_TAG_LENGTH = 128;
/** Why a text is not a Docker tag, or undefined when it is one. */
function tagProblem(tag) {
    if ((0,docker_reference/* isValidTag */.r_)(tag))
        return undefined;
    if (tag.length > MAX_TAG_LENGTH)
        return `it has ${tag.length} characters, and a tag has at most ${MAX_TAG_LENGTH}`;
    if (tag === '')
        return 'it is empty';
    const bad = [...new Set(tag.replace(/[A-Za-z0-9_.-]/g, ''))];
    if (bad.length)
        return `a tag has only A-Z a-z 0-9 _ . - (not ${bad.map((c) => `'${c}'`).join(' ')})`;
    return 'a tag may not start with . or -';
}
/** FNV-1a (32 bits), 8 hex digits: a short, stable suffix that tells two long names apart. */
function shortHash(text) {
    let h = 0x811c9dc5;
    for (const byte of new TextEncoder().encode(text)) {
        h ^= byte;
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
}
/**
 * A name (branch, non-semver git tag) as a tag: runs of characters outside the grammar become
 * `-`, leading `.`/`-` are dropped; a name longer than a tag is cut to 119 characters plus `-`
 * and a hash of the whole name, so two names that differ only after the cut keep two tags.
 */
function nameToTag(name) {
    const changes = [];
    let tag = name.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[.-]+/, '');
    if (tag !== name)
        changes.push('replaced');
    if (tag.length > MAX_TAG_LENGTH) {
        tag = `${tag.slice(0, MAX_TAG_LENGTH - 9).replace(/[.-]+$/, '')}-${shortHash(name)}`;
        changes.push('cut');
    }
    else {
        tag = tag.replace(/[.-]+$/, '');
    }
    return { tag: (0,docker_reference/* isValidTag */.r_)(tag) ? tag : undefined, changes };
}
/** Tags Gantry gives meanings of its own; a branch of that name must not take them. */
function reservedTag(tag) {
    if (tag === 'latest')
        return 'Gantry gives `latest` only to the newest release';
    if (/^v?\d+(\.\d+){0,2}([-+].*)?$/.test(tag))
        return 'it looks like a release version tag';
    if (/^pr-\d+$/.test(tag))
        return 'it is the tag of a pull request';
    if (/^sha-[0-9a-f]{7,}$/.test(tag))
        return 'it is a commit tag';
    return undefined;
}
/** A semver prerelease identifier from a name: only `[0-9A-Za-z-]`, never a leading-zero number. */
function identifier(name, max) {
    let id = name
        .replace(/[^0-9A-Za-z-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, Math.max(1, max))
        .replace(/-+$/, '');
    if (id === '')
        id = 'build';
    if (/^\d+$/.test(id))
        id = `b${id}`.slice(0, Math.max(1, max));
    return id;
}
function stableReleases(tagNames) {
    return tagNames
        .map(parseSemVer)
        .filter((v) => v !== undefined && v.prerelease.length === 0);
}
function newest(versions) {
    return [...versions].sort(compareSemVer).at(-1);
}
const show = (v) => `v${formatSemVer({ ...v, build: [] })}`;
function planVersion(req) {
    const notices = [];
    const tagList = [];
    const add = (tag) => {
        if (!tagList.includes(tag))
            tagList.push(tag);
    };
    const ref = req.ref;
    let version;
    let kind;
    let form;
    let base;
    const branchLike = (label) => {
        if (req.buildNumber === undefined)
            throw new errors/* ConfigurationError */.j1('No build number for a branch build.');
        const reachable = newest(stableReleases(req.reachableTags));
        const major = req.baseVersion?.major ?? reachable?.major ?? 0;
        const minor = req.baseVersion?.minor ?? reachable?.minor ?? 1;
        base = {
            major,
            minor,
            from: req.baseVersion
                ? "input 'base-version'"
                : reachable
                    ? `git tag ${show(reachable)}`
                    : 'default (no vX.Y.Z tag reachable)'
        };
        if (!reachable) {
            form = 'reference';
            return `${major}.${minor}.${req.buildNumber}`;
        }
        // The next patch of this line, so the build sorts below the release it leads to.
        const line = newest(stableReleases([...req.allTags, ...req.reachableTags]).filter((v) => v.major === major && v.minor === minor));
        const patch = line ? line.patch + 1 : 0;
        form = 'prerelease';
        const head = `${major}.${minor}.${patch}-`;
        const tail = `.${req.buildNumber}`;
        return `${head}${identifier(label, MAX_TAG_LENGTH - head.length - tail.length)}${tail}`;
    };
    if (ref.kind === 'tag') {
        const semver = parseSemVer(ref.tag);
        const semverText = semver && formatSemVer({ ...semver, build: [] });
        const problem = semverText === undefined ? undefined : tagProblem(semverText);
        if (problem)
            throw new errors/* ConfigurationError */.j1(`The git tag ${JSON.stringify(ref.tag)} (${ref.source}) gives the version ${JSON.stringify(semverText)}, which is not a valid image tag: ${problem}.`);
        if (semver && semverText && semver.prerelease.length === 0) {
            kind = 'release';
            version = semverText;
            add(version);
            const releases = [...stableReleases(req.allTags), semver];
            const top = (filter, what, tag) => {
                const best = newest(releases.filter(filter));
                if (compareSemVer(semver, best) >= 0)
                    return add(tag);
                notices.push(`${show(semver)} is not the newest release${what} (${show(best)} is): no \`${tag}\` tag, so it keeps pointing at ${show(best)}.`);
            };
            top((v) => v.major === semver.major && v.minor === semver.minor, ` of ${semver.major}.${semver.minor}`, `${semver.major}.${semver.minor}`);
            // A 0.x major promises nothing (semver §4), so it gets no floating `0` tag.
            if (semver.major > 0)
                top((v) => v.major === semver.major, ` of ${semver.major}`, `${semver.major}`);
            if (req.latestTag === 'auto')
                top(() => true, '', 'latest');
        }
        else if (semverText) {
            kind = 'prerelease';
            version = semverText;
            add(version);
        }
        else {
            kind = 'tag';
            // The version carries no `v` (v2026.11 → 2026.11), as for semver tags.
            const name = /^v\d/.test(ref.tag) ? ref.tag.slice(1) : ref.tag;
            const { tag, changes } = nameToTag(name);
            if (tag === undefined) {
                notices.push(`The git tag ${JSON.stringify(ref.tag)} is not semver and leaves no valid image tag; the version is the build number.`);
                if (req.buildNumber === undefined)
                    throw new errors/* ConfigurationError */.j1(`The git tag ${JSON.stringify(ref.tag)} (${ref.source}) leaves no valid image tag and there is no build number to use instead.`);
                version = `0.1.${req.buildNumber}`;
            }
            else {
                version = tag;
                const how = [
                    name !== ref.tag ? 'without its `v`' : '',
                    changes.includes('replaced')
                        ? 'characters outside A-Z a-z 0-9 _ . - replaced by `-`'
                        : '',
                    changes.includes('cut')
                        ? `cut to ${MAX_TAG_LENGTH} characters with a hash of the whole tag at the end`
                        : ''
                ].filter(Boolean);
                notices.push(how.length
                    ? `The git tag ${JSON.stringify(ref.tag)} is not semver; the version is ${JSON.stringify(tag)} (${how.join('; ')}).`
                    : `The git tag ${JSON.stringify(ref.tag)} is not semver; it is the version as is.`);
            }
            add(version);
        }
    }
    else if (ref.kind === 'pull_request') {
        kind = 'pull_request';
        version = branchLike(`pr-${ref.number}`);
        add(version);
        add(`pr-${ref.number}`);
    }
    else if (ref.kind === 'merge_group') {
        kind = 'merge_group';
        version = branchLike('merge-queue');
        add(version);
    }
    else {
        kind = 'branch';
        const branch = ref.branch;
        version = branchLike(branch);
        add(version);
        if (req.fixedBranchTags.some((p) => (0,glob/* matchesGlob */.k)(p, branch))) {
            if (!BRANCH_EVENTS.includes(ref.event)) {
                notices.push(`The event ${JSON.stringify(ref.event)} is not a push, dispatch or schedule of ${JSON.stringify(branch)}: no fixed branch tag.`);
            }
            else {
                const { tag, changes } = nameToTag(branch);
                const reserved = tag === undefined ? undefined : reservedTag(tag);
                if (tag === undefined) {
                    notices.push(`The branch ${JSON.stringify(branch)} leaves no valid image tag.`);
                }
                else if (reserved) {
                    notices.push(`The branch ${JSON.stringify(branch)} matches 'fixed-branch-tags', but ${JSON.stringify(tag)} is not given as a branch tag: ${reserved}.`);
                }
                else {
                    if (changes.includes('cut'))
                        notices.push(`The branch ${JSON.stringify(branch)} is longer than a tag: its tag is ${JSON.stringify(tag)}, cut with a hash of the whole name at the end so that no other branch shares it.`);
                    add(tag);
                }
            }
        }
        for (const pr of req.openPullRequests ?? [])
            add(`pr-${pr}`);
    }
    if (kind === 'branch' || kind === 'release' || kind === 'prerelease' || kind === 'tag')
        for (const tag of req.extraTags)
            add(tag);
    if (req.shaTag && req.sha)
        add(`sha-${req.sha.slice(0, 7)}`);
    const finalTags = tagList.map((tag) => `${req.tagPrefix}${tag}${req.tagSuffix}`);
    for (const tag of finalTags) {
        const problem = tagProblem(tag);
        if (problem)
            throw new errors/* ConfigurationError */.j1(`The tag ${JSON.stringify(tag)} (with inputs 'tag-prefix' and 'tag-suffix') is not a valid image tag: ${problem}.`);
    }
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
        ? req.images.flatMap((image) => finalTags.map((tag) => `${image}:${tag}`))
        : [...finalTags];
    return { version, kind, form, base, tagList: finalTags, tags, labels, notices };
}

// EXTERNAL MODULE: ./src/io/git.ts
var io_git = __webpack_require__(47500);
// EXTERNAL MODULE: ./src/lib/action.ts
var action = __webpack_require__(35577);
// EXTERNAL MODULE: ./src/lib/context.ts
var context = __webpack_require__(31980);
// EXTERNAL MODULE: ./src/lib/inputs.ts
var inputs = __webpack_require__(51662);
// EXTERNAL MODULE: ./src/lib/markdown.ts
var markdown = __webpack_require__(33862);
// EXTERNAL MODULE: ./src/lib/runner.ts
var lib_runner = __webpack_require__(39445);
;// CONCATENATED MODULE: ./src/actions/version/main.ts
/** Action `version`: the version of this build and every image tag to push. */










const INPUTS = {
    images: 'images',
    baseVersion: 'base-version',
    buildNumber: 'build-number',
    fixedBranchTags: 'fixed-branch-tags',
    shaTag: 'sha-tag',
    latestTag: 'latest-tag',
    extraTags: 'extra-tags',
    tagPrefix: 'tag-prefix',
    tagSuffix: 'tag-suffix',
    prHeadSha: 'pr-head-sha'
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
        throw new errors/* InputError */.dz(INPUTS.baseVersion, baseText, /^v?\d+\.\d+(\.\d+)?$/.test(baseText.trim())
            ? `a semantic version whose numbers are at most ${Number.MAX_SAFE_INTEGER}`
            : 'a semantic version such as `1.4` or `v1.4.0`');
    }
    const extraTags = inputs.list(INPUTS.extraTags);
    for (const tag of extraTags) {
        const problem = tag === 'latest' ? `\`latest\` is set by input '${INPUTS.latestTag}'` : tagProblem(tag);
        if (problem)
            throw new errors/* InputError */.dz(INPUTS.extraTags, tag, `image tags (${problem})`);
    }
    const tagPrefix = inputs.optional(INPUTS.tagPrefix) ?? '';
    if (tagPrefix && !/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(tagPrefix))
        throw new errors/* InputError */.dz(INPUTS.tagPrefix, tagPrefix, 'the start of a tag: A-Z a-z 0-9 _ . - and not starting with . or -');
    const tagSuffix = inputs.optional(INPUTS.tagSuffix) ?? '';
    if (!/^[A-Za-z0-9_.-]*$/.test(tagSuffix))
        throw new errors/* InputError */.dz(INPUTS.tagSuffix, tagSuffix, 'the end of a tag: A-Z a-z 0-9 _ . -');
    return {
        images,
        baseVersion,
        buildNumber: inputs.integer(INPUTS.buildNumber),
        fixedBranchTags: inputs.list(INPUTS.fixedBranchTags),
        shaTag: inputs.boolean(INPUTS.shaTag, true),
        latestTag: inputs.choice(INPUTS.latestTag, ['auto', 'false'], 'auto'),
        extraTags,
        tagPrefix,
        tagSuffix,
        prHeadSha: inputs.boolean(INPUTS.prHeadSha, false)
    };
}
async function run(deps = {}) {
    const runner = deps.runner ?? (0,lib_runner/* githubRunner */.O)();
    const git = deps.git ?? (0,io_git/* gitInfo */.V)();
    const now = deps.now ?? (() => new Date());
    await (0,action/* runAction */.C)(runner, async () => {
        const settings = readSettings(new inputs/* InputReader */.i_(runner.getInput, runner.setSecret));
        const ctx = (0,context/* readCiContext */.OW)(runner.env);
        const ref = await buildRef(ctx, git);
        // Tag builds take their version from the tag; only the others need a build number.
        const buildNumber = settings.buildNumber ??
            (ref.kind === 'tag' && !ctx.buildNumber ? undefined : parseBuildNumber(ctx, runner.env));
        // GitHub builds a pull request's merge commit; `pr-head-sha` names the commit pushed instead.
        const headSha = settings.prHeadSha && ref.kind === 'pull_request' ? ctx.pullRequestHeadSha : undefined;
        const sha = headSha ?? ctx.sha ?? (await git.headSha());
        // Branch-like builds need the tags for their form and base; a stable release for its
        // floating tags. A prerelease or a non-semver tag needs none.
        const needsTags = ref.kind !== 'tag' || parseSemVer(ref.tag)?.prerelease.length === 0;
        const [reachableTags, allTags, shallow] = await Promise.all([
            git.mergedTags(),
            git.allTags(),
            needsTags ? git.isShallow() : Promise.resolve(false)
        ]);
        if (shallow) {
            runner.warning(ref.kind === 'tag'
                ? `This checkout is shallow, so the other release tags are not visible: ${settings.latestTag === 'auto' ? '`latest`, ' : ''}\`X.Y\` and \`X\` were given without checking for a newer release. Check out with \`fetch-depth: 0\` (actions/checkout) so that a hotfix of an older line cannot move them back.`
                : `This checkout is shallow, so git tags are not visible: the version ${settings.baseVersion ? 'cannot tell whether releases exist' : 'uses the base 0.1 instead of the newest release'}. Check out with \`fetch-depth: 0\` (actions/checkout) to version from the release tags.`, { title: 'Shallow checkout' });
        }
        const plan = planVersion({
            ref,
            baseVersion: settings.baseVersion,
            reachableTags: reachableTags ?? [],
            allTags: allTags ?? [],
            buildNumber,
            sha,
            images: settings.images,
            fixedBranchTags: settings.fixedBranchTags,
            shaTag: settings.shaTag,
            latestTag: settings.latestTag,
            extraTags: settings.extraTags,
            tagPrefix: settings.tagPrefix,
            tagSuffix: settings.tagSuffix,
            openPullRequests: ctx.openPullRequests,
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
        runner.info(`Version ${plan.version} (${describeKind(plan, ref, ctx)}); tags:\n  ${plan.tags.join('\n  ')}`);
        runner.appendSummary(renderSummary(plan, ref, ctx, buildNumber, shallow));
    });
}
function parseBuildNumber(ctx, env) {
    const raw = ctx.buildNumber;
    if (ctx.provider === 'local') {
        const set = ['GITHUB_RUN_NUMBER', 'CIRCLE_BUILD_NUM'].filter((v) => env[v]?.trim());
        throw new errors/* ConfigurationError */.j1(`No build number: this is not a GitHub Actions or CircleCI build (GITHUB_ACTIONS and CIRCLECI are not \`true\`)${set.length ? `, so ${set.join(' and ')} ${set.length > 1 ? 'are' : 'is'} not read` : ''}. Set input '${INPUTS.buildNumber}' to a whole number.`);
    }
    const variable = ctx.provider === 'circleci' ? 'CIRCLE_BUILD_NUM' : 'GITHUB_RUN_NUMBER';
    if (raw === undefined) {
        throw new errors/* ConfigurationError */.j1(`No build number: ${variable} is not set. Set input '${INPUTS.buildNumber}' to a whole number.`);
    }
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
        throw new errors/* ConfigurationError */.j1(`${variable} is ${JSON.stringify(raw)}: expected a whole number up to ${Number.MAX_SAFE_INTEGER}. Set input '${INPUTS.buildNumber}'.`);
    }
    return Number(raw);
}
async function buildRef(ctx, git) {
    const source = ctx.provider === 'circleci' ? 'CIRCLE_TAG' : 'GITHUB_REF';
    if (ctx.eventName === 'pull_request' || ctx.eventName === 'pull_request_target') {
        if (ctx.pullRequest === undefined)
            throw new errors/* ConfigurationError */.j1(`A ${ctx.eventName} build without a pull request number: neither GITHUB_REF nor the event payload (GITHUB_EVENT_PATH) gives one.`);
        return { kind: 'pull_request', number: ctx.pullRequest, branch: ctx.branch };
    }
    if (ctx.tag !== undefined)
        return { kind: 'tag', tag: ctx.tag, source };
    if (ctx.pullRequest !== undefined)
        return { kind: 'pull_request', number: ctx.pullRequest, branch: ctx.branch };
    if (ctx.eventName === 'merge_group')
        return { kind: 'merge_group', branch: ctx.branch };
    const branch = ctx.branch ?? (ctx.provider === 'local' ? await git.currentBranch() : undefined);
    if (branch === undefined)
        throw new errors/* ConfigurationError */.j1('Cannot tell the branch or tag of this build: neither the CI nor git says.');
    return { kind: 'branch', branch, event: ctx.eventName };
}
function describeKind(plan, ref, ctx) {
    const event = ctx.provider === 'local'
        ? ''
        : ` (${ctx.provider === 'circleci' ? 'CircleCI ' : ''}${ctx.eventName})`;
    switch (ref.kind) {
        case 'tag':
            return `${plan.kind} ${ref.tag}${event}`;
        case 'pull_request':
            return `pull request #${ref.number}${ref.branch ? ` from ${ref.branch}` : ''}${event}`;
        case 'merge_group':
            return `merge group${ref.branch ? ` for ${ref.branch}` : ''}${event}`;
        default:
            return `branch ${ref.branch}${event}`;
    }
}
function renderSummary(plan, ref, ctx, buildNumber, shallow) {
    const rows = [
        ['Version', { raw: (0,markdown/* code */.aY)(plan.version) }],
        ['Build', describeKind(plan, ref, ctx)]
    ];
    if (plan.base) {
        rows.push(['Base', `${plan.base.major}.${plan.base.minor} from ${plan.base.from}`], [
            'Form',
            plan.form === 'prerelease'
                ? 'prerelease of the next patch (releases exist)'
                : 'MAJOR.MINOR.BUILD (no release tag yet)'
        ], ['Build number', String(buildNumber)]);
    }
    if (shallow)
        rows.push(['Checkout', 'shallow: git tags not visible (use `fetch-depth: 0`)']);
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
