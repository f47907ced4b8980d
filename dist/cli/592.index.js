export const id = 592;
export const ids = [592];
export const modules = {

/***/ 13249:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cl: () => (/* binding */ readBuildFacts),
/* harmony export */   om: () => (/* binding */ gitCommit)
/* harmony export */ });
/* unused harmony export eventFacts */
/* harmony import */ var _io_git_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47500);
/* harmony import */ var _core_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86153);
/* harmony import */ var _lib_context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(31980);
/**
 * What the notification says about the build, from the CI's variables (src/lib/context.ts), the
 * GitHub event payload (GITHUB_EVENT_PATH: the commit message and author of a push, the pull
 * request of a pull_request event) and, when neither says (CircleCI, workflow_dispatch,
 * schedule), `git log -1` of the checkout. Anything unknown is left out of the message.
 */



function gitCommit(cwd = process.cwd()) {
    const git = (0,_io_git_js__WEBPACK_IMPORTED_MODULE_0__/* .gitInfo */ .V)(cwd);
    return (sha) => git.commit(sha);
}
const object = (v) => ((0,_core_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlainObject */ .Q)(v) ? v : undefined);
const text = (v) => typeof v === 'string' && v.trim() !== '' ? v : undefined;
/** The parts of a GitHub event payload a notification shows. */
function eventFacts(payload) {
    const event = object(payload) ?? {};
    const headCommit = object(event.head_commit);
    if (headCommit) {
        const author = object(headCommit.author);
        return {
            commitMessage: text(headCommit.message),
            author: text(author?.name) ?? text(author?.username)
        };
    }
    const pr = object(event.pull_request);
    if (pr && typeof pr.number === 'number') {
        return {
            // The run's GITHUB_SHA is a merge commit GitHub made; the head is what the author pushed.
            sha: text(object(pr.head)?.sha),
            author: text(object(pr.user)?.login),
            pullRequest: { number: pr.number, title: text(pr.title), url: text(pr.html_url) }
        };
    }
    return {};
}
async function readBuildFacts(env, deps) {
    const ci = (0,_lib_context_js__WEBPACK_IMPORTED_MODULE_1__/* .readCiContext */ .OW)(env);
    let event = {};
    if (ci.provider === 'github' && env.GITHUB_EVENT_PATH) {
        const json = await deps.readFile(env.GITHUB_EVENT_PATH);
        try {
            event = json === undefined ? {} : eventFacts(JSON.parse(json));
        }
        catch {
            event = {}; // an unreadable event file only costs the commit line
        }
    }
    const sha = event.sha ?? ci.sha;
    // A pull request's checkout is GitHub's merge commit: its message would mislead.
    const commit = event.commitMessage === undefined && event.pullRequest === undefined
        ? await deps.readCommit(sha)
        : {};
    return {
        provider: ci.provider,
        project: ci.repository?.split('/').pop(),
        repository: ci.repository,
        repositoryUrl: ci.repositoryUrl,
        branch: ci.branch,
        tag: ci.tag,
        pullRequest: event.pullRequest ?? (ci.pullRequest !== undefined ? { number: ci.pullRequest } : undefined),
        sha,
        commitMessage: event.commitMessage ?? commit.message,
        author: event.author ?? commit.author ?? ci.actor,
        actor: ci.actor,
        runUrl: ci.runUrl,
        buildNumber: ci.buildNumber,
        eventName: ci.provider === 'local' ? undefined : ci.eventName
    };
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

/***/ 93812:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bg: () => (/* binding */ commitUrl),
/* harmony export */   Fu: () => (/* binding */ shortSha),
/* harmony export */   TM: () => (/* binding */ firstLine),
/* harmony export */   cW: () => (/* binding */ withFactInputs)
/* harmony export */ });
/* harmony import */ var _lib_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(82543);
/* harmony import */ var _time_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34950);
/** What a notification can say about the build: from the CI, the event, git and the inputs. */


const shortSha = (sha) => sha.slice(0, 7);
function firstLine(text) {
    return (text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '').trim();
}
/** `https://github.com/acme/shop/commit/<sha>` for GitHub-style hosts, else undefined. */
function commitUrl(facts) {
    if (!facts.repositoryUrl || !facts.sha)
        return undefined;
    return `${facts.repositoryUrl}/commit/${facts.sha}`;
}
/** The facts with what the step's inputs say (version, environment, URL, duration). */
function withFactInputs(facts, inputs, nowMs) {
    const duration = inputs.duration !== undefined
        ? (0,_time_js__WEBPACK_IMPORTED_MODULE_0__/* .durationText */ .S)(inputs.duration)
        : inputs.startedAt !== undefined
            ? (0,_lib_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(nowMs - inputs.startedAt)
            : undefined;
    return {
        ...facts,
        version: inputs.version,
        environment: inputs.environment,
        url: inputs.url,
        duration
    };
}


/***/ }),

/***/ 24820:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ae: () => (/* binding */ factFields),
/* harmony export */   QL: () => (/* binding */ defaultTitle),
/* harmony export */   Ur: () => (/* binding */ buildNotification),
/* harmony export */   ZF: () => (/* binding */ whereText),
/* harmony export */   _Q: () => (/* binding */ factLinks),
/* harmony export */   _y: () => (/* binding */ plainValue),
/* harmony export */   pO: () => (/* binding */ runContext)
/* harmony export */ });
/* unused harmony exports COMMIT_LINE_MAX, runLinkLabel */
/* harmony import */ var _facts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(93812);
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82041);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46540);



/** A commit's first line is a summary: more than this is noise in a field. */
const COMMIT_LINE_MAX = 300;
function buildNotification(facts, options) {
    const fields = factFields(facts);
    for (const [label, value] of options.fields ?? []) {
        const at = fields.findIndex((f) => f.label.toLowerCase() === label.toLowerCase());
        if (at >= 0 && value === '')
            fields.splice(at, 1);
        else if (at >= 0)
            fields[at] = { label: fields[at].label, value: [{ text: value }] };
        else if (value !== '')
            fields.push({ label, value: [{ text: value }] });
    }
    return {
        status: options.status,
        look: _status_js__WEBPACK_IMPORTED_MODULE_0__/* .STATUS_LOOK */ .Fh[options.status],
        title: options.title ?? defaultTitle(facts, options.status),
        ...(options.text !== undefined ? { text: options.text } : {}),
        fields,
        links: factLinks(facts, options.status),
        context: runContext(facts),
        where: whereText(facts),
        facts
    };
}
function defaultTitle(facts, status) {
    const line = (0,_status_js__WEBPACK_IMPORTED_MODULE_0__/* .headline */ .Pl)(status, facts.environment, facts.version);
    return facts.project ? `${facts.project}: ${line}` : line.charAt(0).toUpperCase() + line.slice(1);
}
/** `develop @ 1a2b3c4` */
function whereText(facts) {
    const where = [facts.branch ?? facts.tag, facts.sha && (0,_facts_js__WEBPACK_IMPORTED_MODULE_1__/* .shortSha */ .Fu)(facts.sha)]
        .filter(Boolean)
        .join(' @ ');
    return where || undefined;
}
/** Each fact that is known, in reading order. */
function factFields(facts) {
    const fields = [
        [
            'Repository',
            facts.repository ? [{ text: facts.repository, url: facts.repositoryUrl }] : undefined
        ],
        [
            'Branch',
            facts.pullRequest === undefined && facts.branch
                ? [{ text: facts.branch, code: true }]
                : undefined
        ],
        ['Tag', facts.tag ? [{ text: facts.tag, code: true }] : undefined],
        ['Pull request', facts.pullRequest && pullRequestSegments(facts.pullRequest, facts.branch)],
        ['Commit', commitSegments(facts)],
        ['Author', facts.author ? [{ text: facts.author }] : undefined],
        ['Version', facts.version ? [{ text: facts.version, code: true }] : undefined],
        ['Environment', facts.environment ? [{ text: facts.environment }] : undefined],
        [
            'URL',
            facts.url ? [{ text: facts.url.replace(/^https?:\/\//, ''), url: facts.url }] : undefined
        ],
        ['Duration', facts.duration ? [{ text: facts.duration }] : undefined]
    ];
    return fields
        .filter((f) => f[1] !== undefined)
        .map(([label, value]) => ({ label, value: value.map(clean) }));
}
/** Drops an undefined url so segments compare and serialize cleanly. */
const clean = ({ url, ...rest }) => (url === undefined ? rest : { ...rest, url });
function pullRequestSegments(pr, branch) {
    const out = [{ text: `#${pr.number}`, url: pr.url }];
    if (pr.title)
        out.push({ text: ` ${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)((0,_facts_js__WEBPACK_IMPORTED_MODULE_1__/* .firstLine */ .TM)(pr.title), COMMIT_LINE_MAX)}` });
    if (branch)
        out.push({ text: ' (' }, { text: branch, code: true }, { text: ')' });
    return out;
}
function commitSegments(facts) {
    if (!facts.sha)
        return undefined;
    const url = (0,_facts_js__WEBPACK_IMPORTED_MODULE_1__/* .commitUrl */ .Bg)(facts);
    const sha = url
        ? { text: (0,_facts_js__WEBPACK_IMPORTED_MODULE_1__/* .shortSha */ .Fu)(facts.sha), url }
        : { text: (0,_facts_js__WEBPACK_IMPORTED_MODULE_1__/* .shortSha */ .Fu)(facts.sha), code: true };
    const line = facts.commitMessage ? (0,_facts_js__WEBPACK_IMPORTED_MODULE_1__/* .firstLine */ .TM)(facts.commitMessage) : '';
    return line ? [sha, { text: ` ${(0,_text_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(line, COMMIT_LINE_MAX)}` }] : [sha];
}
/** The label of the link to the run. */
function runLinkLabel(facts, status) {
    if (status === 'approval-needed')
        return 'Review deployment';
    return facts.provider === 'circleci' ? 'View job' : 'View workflow';
}
function factLinks(facts, status) {
    const links = [];
    if (facts.runUrl)
        links.push({ label: runLinkLabel(facts, status), url: facts.runUrl, primary: true });
    if (facts.url)
        links.push({ label: `Open ${facts.environment ?? 'app'}`, url: facts.url });
    return links;
}
/** `GitHub Actions run #42 · push by octocat` */
function runContext(facts) {
    const ci = facts.provider === 'circleci'
        ? 'CircleCI build'
        : facts.provider === 'github'
            ? 'GitHub Actions run'
            : undefined;
    const run = ci && facts.buildNumber ? `${ci} #${facts.buildNumber}` : ci;
    const by = facts.actor ? `by ${facts.actor}` : '';
    const trigger = [facts.eventName && facts.eventName !== 'local' ? facts.eventName : '', by]
        .filter(Boolean)
        .join(' ');
    const text = [run, trigger].filter(Boolean).join(' · ');
    return text || undefined;
}
/** The plain text of a field's value. */
const plainValue = (value) => value.map((s) => s.text).join('');


/***/ }),

/***/ 82041:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fh: () => (/* binding */ STATUS_LOOK),
/* harmony export */   Oy: () => (/* binding */ STATUS_LIST),
/* harmony export */   Pl: () => (/* binding */ headline),
/* harmony export */   f: () => (/* binding */ STATUSES),
/* harmony export */   i$: () => (/* binding */ parseStatus)
/* harmony export */ });
/* unused harmony export STATUS_ALIASES */
/**
 * The pipeline states a notification can report, their headlines, and how each looks in any
 * service: every sink (Slack, Discord, Teams, ntfy, bark, JSON webhooks) reads this one table.
 */
const STATUSES = [
    'started',
    'succeeded',
    'failed',
    'cancelled',
    'approval-needed',
    'deployed',
    'rolled-back'
];
/** GitHub's `job.status` values (and the US spelling), so `status: ${{ job.status }}` works. */
const STATUS_ALIASES = {
    success: 'succeeded',
    failure: 'failed',
    canceled: 'cancelled'
};
function parseStatus(text) {
    const value = text.trim().toLowerCase();
    return STATUSES.includes(value) ? value : STATUS_ALIASES[value];
}
const STATUS_LIST = `one of ${STATUSES.map((s) => `\`${s}\``).join(', ')} (or GitHub's \`success\`, \`failure\`)`;
/** Colours from Slack's own palette: blue, green, red, grey, yellow, orange. */
const STATUS_LOOK = {
    started: {
        color: '#1D9BD1',
        emoji: '▶️',
        slackEmoji: ':arrow_forward:',
        urgency: 'low',
        cardColor: 'Accent'
    },
    succeeded: {
        color: '#2EB67D',
        emoji: '✅',
        slackEmoji: ':white_check_mark:',
        urgency: 'normal',
        cardColor: 'Good'
    },
    failed: {
        color: '#E01E5A',
        emoji: '❌',
        slackEmoji: ':x:',
        urgency: 'high',
        cardColor: 'Attention'
    },
    cancelled: {
        color: '#9E9EA6',
        emoji: '🚫',
        slackEmoji: ':no_entry_sign:',
        urgency: 'low',
        cardColor: 'Default'
    },
    'approval-needed': {
        color: '#ECB22E',
        emoji: '✋',
        slackEmoji: ':raised_hand:',
        urgency: 'high',
        cardColor: 'Warning'
    },
    deployed: {
        color: '#2EB67D',
        emoji: '🚀',
        slackEmoji: ':rocket:',
        urgency: 'normal',
        cardColor: 'Good'
    },
    'rolled-back': {
        color: '#E8912D',
        emoji: '⏪',
        slackEmoji: ':rewind:',
        urgency: 'high',
        cardColor: 'Warning'
    }
};
/** `build failed`, `deploy to prod failed`, `1.4.57 deployed to prod`, … */
function headline(status, environment, version) {
    const subject = environment ? `deploy to ${environment}` : 'build';
    switch (status) {
        case 'approval-needed':
            return environment ? `deploy to ${environment} needs approval` : 'approval needed';
        case 'deployed':
            return [version, 'deployed', environment && `to ${environment}`].filter(Boolean).join(' ');
        case 'rolled-back':
            return environment ? `${environment} rolled back` : 'rolled back';
        default:
            return `${subject} ${status}`;
    }
}


/***/ }),

/***/ 46540:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gr: () => (/* binding */ ELLIPSIS),
/* harmony export */   QY: () => (/* binding */ truncateBytes),
/* harmony export */   o4: () => (/* binding */ truncateMarkdown),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/** Cutting text to a service's limit: never a failed post, never a broken character or markup. */
const ELLIPSIS = '…';
/**
 * At most `max` UTF-16 units, ending in an ellipsis when cut. The cut never splits a surrogate
 * pair, an entity such as `&amp;`, or a `<…>` link or mention (which would show as raw markup).
 */
function truncate(text, max) {
    if (text.length <= max)
        return text;
    let cut = Math.max(0, max - ELLIPSIS.length);
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        cut--;
    let kept = text.slice(0, cut);
    const open = kept.lastIndexOf('<');
    if (open > kept.lastIndexOf('>'))
        kept = kept.slice(0, open);
    const amp = kept.lastIndexOf('&');
    if (amp >= 0 && amp > kept.lastIndexOf(';') && kept.length - amp <= 5)
        kept = kept.slice(0, amp);
    return kept + ELLIPSIS;
}
/** truncate() for backslash-escaped markdown: the cut never leaves half an escape (`\\…`). */
function truncateMarkdown(text, max) {
    const cut = truncate(text, max);
    if (cut === text)
        return cut;
    const kept = cut.slice(0, -ELLIPSIS.length);
    const slashes = /\\+$/.exec(kept)?.[0].length ?? 0;
    return slashes % 2 === 1 ? kept.slice(0, -1) + ELLIPSIS : cut;
}
/** At most `max` UTF-8 bytes (ntfy counts bytes), cut on a character boundary. */
function truncateBytes(text, max) {
    const bytes = new TextEncoder().encode(text);
    if (bytes.length <= max)
        return text;
    let out = '';
    let used = 0;
    const budget = max - 3; // the ellipsis is 3 bytes
    for (const char of text) {
        const size = new TextEncoder().encode(char).length;
        if (used + size > budget)
            break;
        out += char;
        used += size;
    }
    return out + ELLIPSIS;
}


/***/ }),

/***/ 34950:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ parseStartTime),
/* harmony export */   S: () => (/* binding */ durationText)
/* harmony export */ });
/* harmony import */ var _lib_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82543);
/** Durations for humans, and the start times users can pass in (ISO 8601 or Unix time). */

/**
 * Epoch milliseconds of `2026-11-22T15:04:05Z`, Unix seconds (`1795791845`, as `date +%s`
 * prints) or milliseconds (13 digits, as `Date.now()`); undefined when it is none of these.
 */
function parseStartTime(text) {
    const value = text.trim();
    if (/^\d{9,11}$/.test(value))
        return Number(value) * 1000;
    if (/^\d{12,14}$/.test(value))
        return Number(value);
    if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value))
        return undefined;
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
}
/** A `duration` input: whole seconds become `3m 12s`; any other text is shown as given. */
function durationText(text) {
    return /^\d+$/.test(text.trim()) ? (0,_lib_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a)(Number(text.trim()) * 1000) : text.trim();
}


/***/ }),

/***/ 454:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ LIMITS),
/* harmony export */   z: () => (/* binding */ enforceLimits)
/* harmony export */ });
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86153);
/* harmony import */ var _message_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46540);
/**
 * Slack's documented limits, enforced by truncation with an ellipsis so that a long commit
 * message or a big custom payload never turns into a failed post (`invalid_blocks`). The pass
 * walks any JSON object (our templates and custom payloads alike) and returns what it cut.
 *
 * Sources: docs.slack.dev Block Kit reference (header text 150; section text 3000, at most 10
 * fields of 2000; context at most 10 elements; actions at most 25 elements; button text 75,
 * url 3000, value 2000; 50 blocks per message; markdown block 12000) and chat.postMessage
 * (`text` is truncated by Slack past 40,000 characters, and messages past 4,000 may be split
 * into several, which would break `update-ts`; so the fallback text is held to 4,000).
 */

const LIMITS = {
    text: 4000,
    blocks: 50,
    headerText: 150,
    sectionText: 3000,
    sectionFields: 10,
    fieldText: 2000,
    contextElements: 10,
    contextText: 3000,
    actionsElements: 25,
    buttonText: 75,
    buttonValue: 2000,
    markdownText: 12000,
    blockId: 255
};

const more = (n) => ({ type: 'mrkdwn', text: `${_message_text_js__WEBPACK_IMPORTED_MODULE_0__/* .ELLIPSIS */ .Gr} ${n} more` });
const contextNote = (text) => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });
/** A copy of the message within Slack's limits; the input is not modified. */
function enforceLimits(message) {
    const truncated = [];
    const copy = structuredClone(message);
    const cutText = (owner, key, max, path) => {
        const value = owner[key];
        if (typeof value === 'string' && value.length > max) {
            owner[key] = (0,_message_text_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(value, max);
            truncated.push(`${path}: ${value.length} → ${max} characters`);
        }
    };
    const cutTextObject = (owner, key, max, path) => {
        const value = owner[key];
        if ((0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Q)(value))
            cutText(value, 'text', max, `${path}.${key}.text`);
    };
    const cutList = (owner, key, max, path) => {
        const list = owner[key];
        if (Array.isArray(list) && list.length > max) {
            owner[key] = [...list.slice(0, max - 1), more(list.length - max + 1)];
            truncated.push(`${path}.${key}: ${list.length} → ${max} items`);
        }
    };
    const element = (el, path) => {
        if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Q)(el))
            return;
        if (el.type === 'button') {
            cutTextObject(el, 'text', LIMITS.buttonText, path);
            cutText(el, 'value', LIMITS.buttonValue, `${path}.value`);
        }
        else if (el.type === 'mrkdwn' || el.type === 'plain_text') {
            cutText(el, 'text', LIMITS.contextText, `${path}.text`);
        }
    };
    const block = (b, path) => {
        if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Q)(b))
            return;
        cutText(b, 'block_id', LIMITS.blockId, `${path}.block_id`);
        switch (b.type) {
            case 'header':
                cutTextObject(b, 'text', LIMITS.headerText, path);
                break;
            case 'section':
                cutTextObject(b, 'text', LIMITS.sectionText, path);
                cutList(b, 'fields', LIMITS.sectionFields, path);
                if (Array.isArray(b.fields))
                    b.fields.forEach((f, i) => (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Q)(f) && cutText(f, 'text', LIMITS.fieldText, `${path}.fields[${i}].text`));
                element(b.accessory, `${path}.accessory`);
                break;
            case 'context':
                cutList(b, 'elements', LIMITS.contextElements, path);
                if (Array.isArray(b.elements))
                    b.elements.forEach((e, i) => element(e, `${path}.elements[${i}]`));
                break;
            case 'actions':
                if (Array.isArray(b.elements) && b.elements.length > LIMITS.actionsElements) {
                    truncated.push(`${path}.elements: ${b.elements.length} → ${LIMITS.actionsElements} items`);
                    b.elements = b.elements.slice(0, LIMITS.actionsElements);
                }
                if (Array.isArray(b.elements))
                    b.elements.forEach((e, i) => element(e, `${path}.elements[${i}]`));
                break;
            case 'markdown':
                cutText(b, 'text', LIMITS.markdownText, `${path}.text`);
                break;
        }
    };
    cutText(copy, 'text', LIMITS.text, 'text');
    // The 50-block limit counts the blocks of the message and of its attachments together.
    let budget = LIMITS.blocks;
    const blockList = (owner, prefix) => {
        const list = owner.blocks;
        if (!Array.isArray(list))
            return;
        if (list.length > budget) {
            truncated.push(`${prefix}blocks: ${list.length} → ${budget} blocks (50 per message)`);
            const kept = list.slice(0, Math.max(0, budget - 1));
            const note = `${_message_text_js__WEBPACK_IMPORTED_MODULE_0__/* .ELLIPSIS */ .Gr} ${list.length - kept.length} more blocks not shown`;
            owner.blocks = budget > 0 ? [...kept, contextNote(note)] : [];
        }
        const blocks = owner.blocks;
        budget -= blocks.length;
        blocks.forEach((b, i) => block(b, `${prefix}blocks[${i}]`));
    };
    blockList(copy, '');
    if (Array.isArray(copy.attachments))
        copy.attachments.forEach((a, i) => (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlainObject */ .Q)(a) && blockList(a, `attachments[${i}].`));
    return { message: copy, truncated };
}


/***/ }),

/***/ 81755:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H0: () => (/* binding */ sanitizeMrkdwn),
/* harmony export */   fO: () => (/* binding */ escapeMrkdwn),
/* harmony export */   gc: () => (/* binding */ normalizeMention),
/* harmony export */   nf: () => (/* binding */ link),
/* harmony export */   ti: () => (/* binding */ inlineCode),
/* harmony export */   yk: () => (/* binding */ unescapeMrkdwn)
/* harmony export */ });
/**
 * Slack's mrkdwn uses `&`, `<` and `>` as control characters: `<!channel>` pings everyone,
 * `<https://x|label>` is a link. Text the user does not control (commit messages, branch names,
 * authors) is escaped so it can do neither. Text the workflow author writes (`text`, `fields`)
 * keeps its links but not its mentions: mentions come only from the `mention` input.
 */
function escapeMrkdwn(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** The text as a reader sees it: entities decoded, mentions as `@…`, links as `label (url)`. */
function unescapeMrkdwn(text) {
    return text
        .replace(/<!subteam\^([^<>|]+)\|([^<>]*)>/g, '$2')
        .replace(/<!subteam\^([^<>|]+)>/g, '@$1')
        .replace(/<!(here|channel|everyone)(\|[^<>]*)?>/g, '@$1')
        .replace(/<[@#]([^<>|]+)\|([^<>]*)>/g, '$2')
        .replace(/<([@#])([^<>|]+)>/g, '$1$2')
        .replace(/<([^<>|]+)\|([^<>]*)>/g, '$2 ($1)')
        .replace(/<([^<>]+)>/g, '$1')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
}
const LINK = /<((?:https?:\/\/|mailto:)[^<>|\s]+)(?:\|([^<>]*))?>/g;
/** Escapes everything except explicit http(s)/mailto links, whose labels are escaped too. */
function sanitizeMrkdwn(text) {
    let out = '';
    let last = 0;
    for (const match of text.matchAll(LINK)) {
        out += escapeMrkdwn(text.slice(last, match.index));
        const [, url = '', label] = match;
        out += label === undefined ? `<${url}>` : `<${url}|${escapeMrkdwn(label)}>`;
        last = match.index + match[0].length;
    }
    return out + escapeMrkdwn(text.slice(last));
}
/** A link whose URL cannot end the link early and whose label cannot inject markup. */
function link(url, label) {
    const safeUrl = url.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E');
    return `<${safeUrl}|${escapeMrkdwn(label)}>`;
}
/** Inline code that shows the text as is (escaped; a backtick cannot close it early). */
function inlineCode(text) {
    return `\`${escapeMrkdwn(text.replace(/`/g, "'"))}\``;
}
const SPECIAL = {
    here: '<!here>',
    channel: '<!channel>',
    everyone: '<!everyone>'
};
/**
 * One mention as Slack wants it. Slack only pings IDs, so names (`@alice`) are refused:
 * `@here`/`@channel`/`@everyone`, a user ID (`U…`/`W…` or `<@U…>`), or a user group ID
 * (`S…` or `<!subteam^S…>`). Undefined when the text is none of these.
 */
function normalizeMention(text) {
    const value = text.trim();
    const special = SPECIAL[value.replace(/^[@!]/, '').toLowerCase()];
    if (special)
        return special;
    if (/^<@[UW][A-Z0-9]{2,}>$/.test(value))
        return value;
    if (/^<!subteam\^S[A-Z0-9]{2,}(\|[^<>]*)?>$/.test(value))
        return value;
    if (/^@?[UW][A-Z0-9]{6,}$/.test(value))
        return `<@${value.replace(/^@/, '')}>`;
    if (/^(!?subteam\^)?S[A-Z0-9]{6,}$/.test(value))
        return `<!subteam^${value.replace(/^!?subteam\^/, '')}>`;
    return undefined;
}


/***/ }),

/***/ 19492:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ STATUS_STYLE)
/* harmony export */ });
/* harmony import */ var _message_status_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(82041);
/** How each pipeline state looks in Slack; the states themselves are src/core/message/status.ts. */

const BUTTON_STYLE = {
    failed: 'danger',
    'approval-needed': 'primary',
    'rolled-back': 'danger'
};
const STATUS_STYLE = Object.fromEntries(Object.entries(_message_status_js__WEBPACK_IMPORTED_MODULE_0__/* .STATUS_LOOK */ .Fh).map(([status, look]) => {
    const buttonStyle = BUTTON_STYLE[status];
    return [
        status,
        { emoji: look.slackEmoji, color: look.color, ...(buttonStyle ? { buttonStyle } : {}) }
    ];
}));


/***/ }),

/***/ 64625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z: () => (/* binding */ buildTemplate)
});

// UNUSED EXPORTS: COMMIT_LINE_MAX, builtInFields, mergeFields, segmentsMrkdwn

// EXTERNAL MODULE: ./src/core/message/notification.ts
var notification = __webpack_require__(24820);
// EXTERNAL MODULE: ./src/core/message/text.ts
var message_text = __webpack_require__(46540);
// EXTERNAL MODULE: ./src/core/slack/limits.ts
var limits = __webpack_require__(454);
;// CONCATENATED MODULE: ./src/core/slack/message.ts
const plain = (text) => ({ type: 'plain_text', text, emoji: true });
const mrkdwn = (text) => ({ type: 'mrkdwn', text, verbatim: true });

// EXTERNAL MODULE: ./src/core/slack/mrkdwn.ts
var slack_mrkdwn = __webpack_require__(81755);
// EXTERNAL MODULE: ./src/core/slack/status.ts
var slack_status = __webpack_require__(19492);
;// CONCATENATED MODULE: ./src/core/slack/templates.ts







function buildTemplate(facts, options) {
    const style = slack_status/* STATUS_STYLE */.D[options.status];
    const title = options.title ?? (0,notification/* defaultTitle */.QL)(facts, options.status);
    const mentions = (options.mentions ?? []).join(' ');
    const top = [
        { type: 'header', text: plain((0,message_text/* truncate */.xv)(`${style.emoji} ${title}`, limits/* LIMITS */.b.headerText)) }
    ];
    const userText = options.plainText ? slack_mrkdwn/* escapeMrkdwn */.fO : slack_mrkdwn/* sanitizeMrkdwn */.H0;
    const body = [mentions, options.text === undefined ? '' : userText(options.text)]
        .filter(Boolean)
        .join(' ');
    if (body)
        top.push({ type: 'section', text: mrkdwn(body) });
    const details = [];
    const fields = mergeFields(builtInFields(facts), options.fields ?? [], userText);
    for (let i = 0; i < fields.length; i += limits/* LIMITS */.b.sectionFields) {
        details.push({
            type: 'section',
            fields: fields
                .slice(i, i + limits/* LIMITS */.b.sectionFields)
                .map(([label, value]) => mrkdwn(`*${(0,slack_mrkdwn/* escapeMrkdwn */.fO)(label)}*\n${value}`))
        });
    }
    const buttons = actionButtons(facts, options.status);
    if (buttons.length > 0)
        details.push({ type: 'actions', elements: buttons });
    const context = runContext(facts);
    if (context)
        details.push({ type: 'context', elements: [mrkdwn(context)] });
    return {
        text: fallbackText(facts, options, title, mentions),
        blocks: top,
        attachments: details.length > 0 ? [{ color: style.color, blocks: details }] : []
    };
}
function fallbackText(facts, options, title, mentions) {
    const where = (0,notification/* whereText */.ZF)(facts);
    const line = `${slack_status/* STATUS_STYLE */.D[options.status].emoji} ${(0,slack_mrkdwn/* escapeMrkdwn */.fO)(title)}${where ? ` (${(0,slack_mrkdwn/* escapeMrkdwn */.fO)(where)})` : ''}`;
    return [mentions, line].filter(Boolean).join(' ');
}
/** A value's segments as mrkdwn: links and code kept, everything else escaped. */
function segmentsMrkdwn(value) {
    return value
        .map((s) => (s.url ? (0,slack_mrkdwn/* link */.nf)(s.url, s.text) : s.code ? (0,slack_mrkdwn/* inlineCode */.ti)(s.text) : (0,slack_mrkdwn/* escapeMrkdwn */.fO)(s.text)))
        .join('');
}
/** Label and mrkdwn value of each fact that is known, in reading order. */
function builtInFields(facts) {
    return (0,notification/* factFields */.Ae)(facts).map((f) => [f.label, segmentsMrkdwn(f.value)]);
}
/** Built-in fields, then the user's: same label (any case) replaces in place, '' removes. */
function mergeFields(builtIn, overrides, toMrkdwn = slack_mrkdwn/* sanitizeMrkdwn */.H0) {
    const result = [...builtIn];
    for (const [label, raw] of overrides) {
        const value = toMrkdwn(raw);
        const at = result.findIndex(([l]) => l.toLowerCase() === label.toLowerCase());
        if (at >= 0 && value === '')
            result.splice(at, 1);
        else if (at >= 0)
            result[at] = [result[at][0], value];
        else if (value !== '')
            result.push([label, value]);
    }
    return result;
}
function actionButtons(facts, status) {
    return (0,notification/* factLinks */._Q)(facts, status).map((l) => {
        const style = l.primary ? slack_status/* STATUS_STYLE */.D[status].buttonStyle : undefined;
        return {
            type: 'button',
            text: plain(l.primary ? l.label : (0,message_text/* truncate */.xv)(l.label, limits/* LIMITS */.b.buttonText)),
            url: l.url,
            action_id: l.primary ? 'gantry-run' : 'gantry-url',
            ...(style ? { style } : {})
        };
    });
}
/** `GitHub Actions run #42 · push by octocat` */
function runContext(facts) {
    const text = (0,notification/* runContext */.pO)(facts);
    return text ? (0,slack_mrkdwn/* escapeMrkdwn */.fO)(text) : undefined;
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

/***/ 81152:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ig: () => (/* binding */ sendToSlack),
/* harmony export */   l$: () => (/* binding */ SlackDeliveryError)
/* harmony export */ });
/* unused harmony exports SlackAttemptError, DEFAULT_BASE_DELAY_MS, DEFAULT_MAX_DELAY_MS, DEFAULT_TIMEOUT_MS, methodOf, retryDecision, failureOf, failureFromSdk, webhookPayload, apiArguments */
/* harmony import */ var _lib_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61737);
/* harmony import */ var _lib_redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(60310);


class SlackAttemptError extends Error {
    failure;
    constructor(failure) {
        super(failure.detail);
        this.failure = failure;
    }
}
class SlackDeliveryError extends Error {
    failure;
    attempts;
    method;
    constructor(failure, attempts, method) {
        super(failure.detail);
        this.failure = failure;
        this.attempts = attempts;
        this.method = method;
    }
}
const DEFAULT_BASE_DELAY_MS = 1000;
const DEFAULT_MAX_DELAY_MS = 30_000;
const DEFAULT_TIMEOUT_MS = 10_000;
function methodOf(transport, request) {
    if (transport.kind === 'webhook')
        return 'webhook';
    return request.updateTs ? 'chat.update' : 'chat.postMessage';
}
async function sendToSlack(transport, request, options, attempt) {
    const method = methodOf(transport, request);
    const once = attempt ?? (await sdkAttempt(transport, options));
    const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
    let attempts = 0;
    try {
        const answer = await (0,_lib_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .retry */ .L5)(async () => {
            attempts++;
            return await once(request);
        }, {
            attempts: options.retries + 1,
            baseDelayMs: options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS,
            maxDelayMs,
            retryable: (error) => retryDecision(failureOf(error, options.secrets), maxDelayMs),
            onRetry: (error, n, delayMs) => options.onRetry?.(failureOf(error, options.secrets), n, delayMs),
            sleep: options.sleep
        });
        return { method, attempts, ...answer };
    }
    catch (error) {
        throw new SlackDeliveryError(failureOf(error, options.secrets), attempts, method);
    }
}
/** Slack errors that say "try again": its servers' trouble, not the request's. */
const TRANSIENT = new Set([
    'internal_error',
    'fatal_error',
    'service_unavailable',
    'request_timeout',
    'ratelimited'
]);
function retryDecision(failure, maxDelayMs = DEFAULT_MAX_DELAY_MS) {
    switch (failure.kind) {
        case 'rate-limited':
            return (0,_lib_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .httpRetryDecision */ .TK)(429, failure.retryAfterMs, maxDelayMs);
        case 'http':
            return (failure.status !== undefined &&
                (0,_lib_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .httpRetryDecision */ .TK)(failure.status, failure.retryAfterMs, maxDelayMs));
        case 'network':
            return true;
        case 'slack':
            return failure.slackError !== undefined && TRANSIENT.has(failure.slackError);
    }
}
/** Any error of an attempt (ours, the SDKs', fetch's) as a SlackFailure. */
function failureOf(error, secrets) {
    const failure = error instanceof SlackAttemptError
        ? error.failure
        : { kind: 'network', detail: describeError(error) };
    return { ...failure, detail: (0,_lib_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(failure.detail, secrets) };
}
function describeError(error) {
    if (!(error instanceof Error))
        return String(error);
    const cause = error.cause;
    const code = typeof cause?.code === 'string' ? cause.code : undefined;
    const why = code ?? (typeof cause?.message === 'string' ? cause.message : undefined);
    return why && !error.message.includes(why) ? `${error.message} (${why})` : error.message;
}
/** The SDKs' errors (told apart by their documented `code`) as SlackFailures. */
function failureFromSdk(error, retryAfterHeader) {
    const e = (typeof error === 'object' && error !== null ? error : {});
    switch (e.code) {
        case 'slack_webapi_rate_limited_error':
            return rateLimited(typeof e.retryAfter === 'number' ? e.retryAfter * 1000 : undefined);
        case 'slack_webapi_platform_error': {
            const slackError = e.data?.error ?? 'unknown_error';
            return { kind: 'slack', slackError, detail: `Slack answered \`${slackError}\`` };
        }
        case 'slack_webapi_http_error':
        case 'slack_webhook_http_error': {
            const status = e.statusCode ?? 0;
            const header = e.headers?.['retry-after'] ?? retryAfterHeader;
            if (status === 429)
                return rateLimited((0,_lib_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRetryAfter */ .mu)(header));
            const slackError = slackErrorOfBody(e.body);
            return {
                kind: 'http',
                status,
                slackError,
                detail: `Slack answered HTTP ${status}${slackError ? ` \`${slackError}\`` : ''}`
            };
        }
        case 'slack_webapi_request_error':
        case 'slack_webhook_request_error':
            return {
                kind: 'network',
                detail: `could not reach Slack: ${describeError(e.original ?? error)}`
            };
        default:
            // The Web API's 429 without a usable Retry-After is a plain Error.
            if (error instanceof Error && /rate limit|retry header/i.test(error.message))
                return rateLimited(undefined);
            return { kind: 'network', detail: `could not reach Slack: ${describeError(error)}` };
    }
}
function rateLimited(retryAfterMs) {
    const wait = retryAfterMs === undefined ? '' : ` (Retry-After: ${Math.round(retryAfterMs / 1000)} s)`;
    return {
        kind: 'rate-limited',
        status: 429,
        retryAfterMs,
        detail: `Slack rate-limited the request${wait}`
    };
}
/** Webhooks answer errors as a short text (`invalid_token`); the Web API as JSON. */
function slackErrorOfBody(body) {
    if (typeof body === 'string') {
        const text = body.trim();
        if (/^[a-z_]{2,60}$/.test(text))
            return text;
        try {
            return slackErrorOfBody(JSON.parse(text));
        }
        catch {
            return undefined;
        }
    }
    if (typeof body === 'object' &&
        body !== null &&
        typeof body.error === 'string')
        return body.error;
    return undefined;
}
/** Logs of the SDKs go to debug, redacted: they are for whoever turns debug logging on. */
function sdkLogger(debug, secrets) {
    const log = (...parts) => debug((0,_lib_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(`slack: ${parts.map(String).join(' ')}`, secrets));
    return {
        debug: log,
        info: log,
        warn: log,
        error: log,
        setLevel: () => { },
        getLevel: () => 'debug',
        setName: () => { }
    };
}
async function sdkAttempt(transport, options) {
    const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const debug = options.debug ?? (() => { });
    if (transport.kind === 'webhook') {
        const { IncomingWebhook } = await __webpack_require__.e(/* import() */ 443).then(__webpack_require__.t.bind(__webpack_require__, 54443, 23));
        // The webhook SDK's errors carry no headers; keep the last answer's Retry-After ourselves.
        let retryAfter = null;
        const webhook = new IncomingWebhook(transport.url, {
            timeout,
            retryConfig: { retries: 0 },
            fetch: async (url, init) => {
                const response = await fetch(url, init);
                retryAfter = response.headers.get('retry-after');
                return response;
            }
        });
        return async (request) => {
            retryAfter = null;
            try {
                await webhook.send(webhookPayload(request));
                return {};
            }
            catch (error) {
                throw new SlackAttemptError(failureFromSdk(error, retryAfter));
            }
        };
    }
    const { WebClient } = await __webpack_require__.e(/* import() */ 105).then(__webpack_require__.t.bind(__webpack_require__, 85105, 23));
    const client = new WebClient(transport.token, {
        slackApiUrl: transport.apiUrl,
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
        timeout,
        logger: sdkLogger(debug, options.secrets)
    });
    return async (request) => {
        const method = request.updateTs ? 'chat.update' : 'chat.postMessage';
        try {
            const result = await client.apiCall(method, apiArguments(request));
            return { channel: result.channel, ts: result.ts };
        }
        catch (error) {
            throw new SlackAttemptError(failureFromSdk(error));
        }
    };
}
function webhookPayload(request) {
    return {
        ...request.message,
        ...(request.channel ? { channel: request.channel } : {}),
        ...(request.threadTs ? { thread_ts: request.threadTs } : {})
    };
}
function apiArguments(request) {
    const channel = request.channel ?? request.message.channel;
    if (request.updateTs) {
        const { text, blocks, attachments, metadata } = request.message;
        return { channel, ts: request.updateTs, text, blocks, attachments, metadata };
    }
    return {
        ...request.message,
        channel,
        ...(request.threadTs ? { thread_ts: request.threadTs } : {})
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

/***/ 82543:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
/** Durations for humans, the same in job summaries, logs and Slack messages. Pure. */
/** `42s`, `3m 12s`, `3m`, `1h 4m`, `2h`; a negative duration (clocks apart) is `0s`. */
function formatDuration(ms) {
    const total = Math.max(0, Math.round(ms / 1000));
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    if (h > 0)
        return m > 0 ? `${h}h ${m}m` : `${h}h`;
    if (m > 0)
        return s > 0 ? `${m}m ${s}s` : `${m}m`;
    return `${s}s`;
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
