export const id = 859;
export const ids = [859];
export const modules = {

/***/ 2859:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  INPUTS: () => (/* binding */ INPUTS),
  readSettings: () => (/* binding */ readSettings),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/core/json.ts
var json = __webpack_require__(6153);
;// CONCATENATED MODULE: ./src/core/slack/limits.ts
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
const more = (n) => ({ type: 'mrkdwn', text: `${ELLIPSIS} ${n} more` });
const contextNote = (text) => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });
/** A copy of the message within Slack's limits; the input is not modified. */
function enforceLimits(message) {
    const truncated = [];
    const copy = structuredClone(message);
    const cutText = (owner, key, max, path) => {
        const value = owner[key];
        if (typeof value === 'string' && value.length > max) {
            owner[key] = truncate(value, max);
            truncated.push(`${path}: ${value.length} → ${max} characters`);
        }
    };
    const cutTextObject = (owner, key, max, path) => {
        const value = owner[key];
        if ((0,json/* isPlainObject */.Q)(value))
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
        if (!(0,json/* isPlainObject */.Q)(el))
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
        if (!(0,json/* isPlainObject */.Q)(b))
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
                    b.fields.forEach((f, i) => (0,json/* isPlainObject */.Q)(f) && cutText(f, 'text', LIMITS.fieldText, `${path}.fields[${i}].text`));
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
            const note = `${ELLIPSIS} ${list.length - kept.length} more blocks not shown`;
            owner.blocks = budget > 0 ? [...kept, contextNote(note)] : [];
        }
        const blocks = owner.blocks;
        budget -= blocks.length;
        blocks.forEach((b, i) => block(b, `${prefix}blocks[${i}]`));
    };
    blockList(copy, '');
    if (Array.isArray(copy.attachments))
        copy.attachments.forEach((a, i) => (0,json/* isPlainObject */.Q)(a) && blockList(a, `attachments[${i}].`));
    return { message: copy, truncated };
}

;// CONCATENATED MODULE: ./src/core/slack/block-kit.ts
/**
 * Structural checks of a message against the Block Kit reference, for the block types a CI
 * message uses: what Slack would answer `invalid_blocks` or `invalid_attachments` for. Custom
 * payloads are checked before sending so the warning names the place (`blocks[2].text`) instead
 * of Slack's bare error code. Block types not listed here are left to Slack.
 */


function blockKitProblems(message) {
    const problems = [];
    const problem = (path, text) => problems.push(`${path}: ${text}`);
    const textObject = (value, path, max, only) => {
        if (!(0,json/* isPlainObject */.Q)(value))
            return problem(path, 'expected a text object ({ type, text })');
        if (value.type !== 'plain_text' && value.type !== 'mrkdwn')
            return problem(`${path}.type`, 'expected `plain_text` or `mrkdwn`');
        if (only && value.type !== only)
            problem(`${path}.type`, `expected \`${only}\``);
        if (typeof value.text !== 'string' || value.text === '')
            return problem(`${path}.text`, 'expected non-empty text');
        if (value.text.length > max)
            problem(`${path}.text`, `longer than ${max} characters`);
    };
    const list = (value, path, max, min = 1) => {
        if (!Array.isArray(value)) {
            problem(path, 'expected a list');
            return [];
        }
        if (value.length < min)
            problem(path, `expected at least ${min} item${min > 1 ? 's' : ''}`);
        if (value.length > max)
            problem(path, `more than ${max} items`);
        return value;
    };
    const button = (el, path) => {
        textObject(el.text, `${path}.text`, LIMITS.buttonText, 'plain_text');
        if (el.url !== undefined && (typeof el.url !== 'string' || !/^https?:\/\//.test(el.url)))
            problem(`${path}.url`, 'expected an http(s) URL');
        if (typeof el.url === 'string' && el.url.length > 3000)
            problem(`${path}.url`, 'longer than 3000 characters');
        if (el.style !== undefined && el.style !== 'primary' && el.style !== 'danger')
            problem(`${path}.style`, 'expected `primary` or `danger`');
    };
    const block = (b, path) => {
        if (!(0,json/* isPlainObject */.Q)(b) || typeof b.type !== 'string')
            return problem(path, 'expected a block ({ type, … })');
        switch (b.type) {
            case 'header':
                return textObject(b.text, `${path}.text`, LIMITS.headerText, 'plain_text');
            case 'section':
                if (b.text === undefined && b.fields === undefined)
                    return problem(path, 'expected `text` or `fields`');
                if (b.text !== undefined)
                    textObject(b.text, `${path}.text`, LIMITS.sectionText);
                if (b.fields !== undefined)
                    list(b.fields, `${path}.fields`, LIMITS.sectionFields).forEach((f, i) => textObject(f, `${path}.fields[${i}]`, LIMITS.fieldText));
                if ((0,json/* isPlainObject */.Q)(b.accessory) && b.accessory.type === 'button')
                    button(b.accessory, `${path}.accessory`);
                return;
            case 'context':
                return list(b.elements, `${path}.elements`, LIMITS.contextElements).forEach((e, i) => {
                    if ((0,json/* isPlainObject */.Q)(e) && e.type === 'image')
                        return;
                    textObject(e, `${path}.elements[${i}]`, LIMITS.contextText);
                });
            case 'actions':
                return list(b.elements, `${path}.elements`, LIMITS.actionsElements).forEach((e, i) => {
                    if ((0,json/* isPlainObject */.Q)(e) && e.type === 'button')
                        button(e, `${path}.elements[${i}]`);
                });
            case 'divider':
                return;
            case 'image':
                if (typeof b.image_url !== 'string' && !(0,json/* isPlainObject */.Q)(b.slack_file))
                    problem(`${path}.image_url`, 'expected a URL');
                if (typeof b.alt_text !== 'string' || b.alt_text === '')
                    problem(`${path}.alt_text`, 'expected text');
                return;
        }
    };
    if (!(0,json/* isPlainObject */.Q)(message))
        return ['message: expected an object'];
    let count = 0;
    const blocks = (value, path) => {
        if (value === undefined)
            return;
        const items = list(value, path, LIMITS.blocks, 0);
        count += items.length;
        items.forEach((b, i) => block(b, `${path}[${i}]`));
    };
    if (message.text !== undefined && typeof message.text !== 'string')
        problem('text', 'expected text');
    if (typeof message.text === 'string' && message.text.length > LIMITS.text)
        problem('text', `longer than ${LIMITS.text} characters`);
    blocks(message.blocks, 'blocks');
    if (message.attachments !== undefined)
        list(message.attachments, 'attachments', 100, 0).forEach((a, i) => {
            if (!(0,json/* isPlainObject */.Q)(a))
                return problem(`attachments[${i}]`, 'expected an object');
            if (a.color !== undefined &&
                (typeof a.color !== 'string' || !/^(#[0-9A-Fa-f]{6}|good|warning|danger)$/.test(a.color)))
                problem(`attachments[${i}].color`, 'expected #RRGGBB, `good`, `warning` or `danger`');
            blocks(a.blocks, `attachments[${i}].blocks`);
        });
    if (count > LIMITS.blocks)
        problem('blocks', `${count} blocks in all: more than ${LIMITS.blocks}`);
    return problems;
}

;// CONCATENATED MODULE: ./src/core/slack/hints.ts
/** What to do about Slack's error codes, in the words of this action's inputs. */
const HINTS = {
    not_authed: "no token reached Slack: check input 'token'",
    invalid_auth: "Slack does not accept the token: check input 'token' (a bot token, xoxb-…)",
    account_inactive: "the token's app or user was deactivated: check input 'token'",
    token_revoked: "the token was revoked: check input 'token'",
    missing_scope: 'the app lacks the `chat:write` scope: add it and reinstall the app',
    channel_not_found: "check input 'channel'; for a private channel, invite the app first; `update-ts` needs the channel ID (the `channel` output of the step that posted)",
    not_in_channel: 'invite the app to the channel (`/invite @app`) or give it `chat:write.public`',
    is_archived: "the channel is archived: check input 'channel'",
    message_not_found: "no message with that ts in that channel: check 'update-ts' and 'channel' (the `ts` and `channel` outputs of the step that posted)",
    cant_update_message: 'only messages posted by this app (with this token) can be updated',
    edit_window_closed: 'the message is too old to be updated',
    invalid_blocks: 'Slack refused the blocks: check the payload against the Block Kit reference',
    invalid_attachments: 'Slack refused the attachments: check the payload',
    no_text: 'the payload has nothing to show: give `text`, `blocks` or `attachments`',
    msg_too_long: 'the message text is too long',
    msg_blocks_too_long: 'the blocks hold too much text in all: shorten the payload',
    invalid_payload: 'Slack could not read the payload',
    invalid_token: "the webhook was revoked or its URL is wrong: check input 'webhook-url'",
    no_service: "the webhook was removed or its URL is wrong: check input 'webhook-url'",
    action_prohibited: 'a workspace admin restricted posting to this channel'
};
function hintFor(slackError) {
    return slackError === undefined ? undefined : HINTS[slackError];
}

;// CONCATENATED MODULE: ./src/core/slack/mrkdwn.ts
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
function mrkdwn_link(url, label) {
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

;// CONCATENATED MODULE: ./src/core/slack/facts.ts
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

// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
;// CONCATENATED MODULE: ./src/core/slack/status.ts
/** The pipeline states a notification can report, and how each looks. */
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
/** Colours from Slack's own palette: blue, green, red, grey, yellow, orange. */
const STATUS_STYLE = {
    started: { emoji: ':arrow_forward:', color: '#1D9BD1' },
    succeeded: { emoji: ':white_check_mark:', color: '#2EB67D' },
    failed: { emoji: ':x:', color: '#E01E5A', buttonStyle: 'danger' },
    cancelled: { emoji: ':no_entry_sign:', color: '#9E9EA6' },
    'approval-needed': { emoji: ':raised_hand:', color: '#ECB22E', buttonStyle: 'primary' },
    deployed: { emoji: ':rocket:', color: '#2EB67D' },
    'rolled-back': { emoji: ':rewind:', color: '#E8912D', buttonStyle: 'danger' }
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

;// CONCATENATED MODULE: ./src/core/slack/placeholders.ts




const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g;
/** Every name a payload can use (besides `env.NAME`), with its value ('' when unknown). */
function placeholderValues(facts, extras = {}) {
    const style = extras.status ? STATUS_STYLE[extras.status] : undefined;
    return {
        status: extras.status ?? '',
        status_emoji: style?.emoji ?? '',
        color: style?.color ?? '',
        title: extras.title ?? '',
        text: extras.text ?? '',
        mention: extras.mention ?? '',
        project: facts.project ?? '',
        repository: facts.repository ?? '',
        repository_url: facts.repositoryUrl ?? '',
        branch: facts.branch ?? '',
        tag: facts.tag ?? '',
        ref: facts.tag ?? facts.branch ?? '',
        sha: facts.sha ?? '',
        short_sha: facts.sha ? shortSha(facts.sha) : '',
        commit_url: commitUrl(facts) ?? '',
        commit_message: facts.commitMessage ? firstLine(facts.commitMessage) : '',
        author: facts.author ?? '',
        actor: facts.actor ?? '',
        run_url: facts.runUrl ?? '',
        run_number: facts.buildNumber ?? '',
        event_name: facts.eventName ?? '',
        pull_request: facts.pullRequest ? String(facts.pullRequest.number) : '',
        pull_request_url: facts.pullRequest?.url ?? '',
        version: facts.version ?? '',
        environment: facts.environment ?? '',
        url: facts.url ?? '',
        duration: facts.duration ?? ''
    };
}
/** Keys whose values Slack reads as URLs: raw values there (escaping would break `&` in queries). */
const isUrlKey = (key) => key !== undefined && /(^url$|_url$|_link$)/.test(key);
/** A copy of the payload with its placeholders filled; unknown names are a ConfigurationError. */
function fillPlaceholders(payload, options) {
    const unknown = new Set();
    const lookup = (name) => {
        if (name.startsWith('env.'))
            return options.env[name.slice(4)] ?? '';
        return Object.hasOwn(options.values, name) ? options.values[name] : undefined;
    };
    const fillString = (text, raw) => text.replace(PLACEHOLDER, (whole, name) => {
        const value = lookup(name);
        if (value === undefined) {
            unknown.add(name);
            return whole;
        }
        return raw ? value : escapeMrkdwn(value);
    });
    const walk = (node, key, parent) => {
        if (typeof node === 'string') {
            const raw = isUrlKey(key) || (key === 'text' && parent?.type === 'plain_text');
            return fillString(node, raw);
        }
        if (Array.isArray(node))
            return node.map((item) => walk(item, key, parent));
        if (typeof node === 'object' && node !== null) {
            const object = node;
            return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, walk(v, k, object)]));
        }
        return node;
    };
    const filled = walk(payload, undefined, undefined);
    if (unknown.size > 0) {
        const names = [...unknown].map((n) => `{{ ${n} }}`).join(', ');
        const known = Object.keys(options.values).join(', ');
        throw new errors/* ConfigurationError */.j1(`${options.source}: unknown placeholder ${names}: expected one of ${known}, or env.NAME.`);
    }
    return filled;
}

;// CONCATENATED MODULE: ./src/core/slack/render.ts
/**
 * A message as a reader would see it, as plain text: for the job summary and the log, so the
 * workflow shows what was sent without anyone opening Slack.
 */


const textOf = (v) => (0,json/* isPlainObject */.Q)(v) && typeof v.text === 'string' ? unescapeMrkdwn(v.text) : '';
function blockLines(b) {
    if (!(0,json/* isPlainObject */.Q)(b))
        return [];
    switch (b.type) {
        case 'header':
            return [textOf(b.text)];
        case 'section': {
            const lines = b.text ? [textOf(b.text)] : [];
            if (Array.isArray(b.fields))
                for (const f of b.fields)
                    lines.push(textOf(f).replace(/^\*([^*\n]+)\*\n/, '$1: '));
            return lines;
        }
        case 'context':
            return [Array.isArray(b.elements) ? b.elements.map(textOf).filter(Boolean).join(' ') : ''];
        case 'actions':
            return Array.isArray(b.elements)
                ? b.elements
                    .filter(json/* isPlainObject */.Q)
                    .map((e) => `[${textOf(e.text)}]${typeof e.url === 'string' ? ` ${e.url}` : ''}`)
                : [];
        case 'divider':
            return ['---'];
        case 'markdown':
            return typeof b.text === 'string' ? [b.text] : [];
        default:
            return [`(${String(b.type)} block)`];
    }
}
function renderText(message) {
    if (!(0,json/* isPlainObject */.Q)(message))
        return '';
    const lines = [];
    const blocks = (value) => {
        if (Array.isArray(value))
            for (const b of value)
                lines.push(...blockLines(b));
    };
    blocks(message.blocks);
    if (!Array.isArray(message.blocks) && typeof message.text === 'string')
        lines.push(unescapeMrkdwn(message.text));
    if (Array.isArray(message.attachments)) {
        for (const a of message.attachments) {
            if (!(0,json/* isPlainObject */.Q)(a))
                continue;
            for (const key of ['pretext', 'title', 'text'])
                if (typeof a[key] === 'string')
                    lines.push(unescapeMrkdwn(a[key]));
            blocks(a.blocks);
        }
    }
    return lines.filter((l) => l !== '').join('\n');
}

;// CONCATENATED MODULE: ./src/core/slack/message.ts
const plain = (text) => ({ type: 'plain_text', text, emoji: true });
const mrkdwn = (text) => ({ type: 'mrkdwn', text, verbatim: true });

;// CONCATENATED MODULE: ./src/core/slack/templates.ts





/** A commit's first line is a summary: more than this is noise in a field. */
const COMMIT_LINE_MAX = 300;
function buildTemplate(facts, options) {
    const style = STATUS_STYLE[options.status];
    const title = options.title ?? defaultTitle(facts, options.status);
    const mentions = (options.mentions ?? []).join(' ');
    const top = [
        { type: 'header', text: plain(truncate(`${style.emoji} ${title}`, LIMITS.headerText)) }
    ];
    const body = [mentions, options.text === undefined ? '' : sanitizeMrkdwn(options.text)]
        .filter(Boolean)
        .join(' ');
    if (body)
        top.push({ type: 'section', text: mrkdwn(body) });
    const details = [];
    const fields = mergeFields(builtInFields(facts), options.fields ?? []);
    for (let i = 0; i < fields.length; i += LIMITS.sectionFields) {
        details.push({
            type: 'section',
            fields: fields
                .slice(i, i + LIMITS.sectionFields)
                .map(([label, value]) => mrkdwn(`*${escapeMrkdwn(label)}*\n${value}`))
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
function defaultTitle(facts, status) {
    const line = headline(status, facts.environment, facts.version);
    return facts.project ? `${facts.project}: ${line}` : line.charAt(0).toUpperCase() + line.slice(1);
}
function fallbackText(facts, options, title, mentions) {
    const where = [facts.branch ?? facts.tag, facts.sha && shortSha(facts.sha)]
        .filter(Boolean)
        .join(' @ ');
    const line = `${STATUS_STYLE[options.status].emoji} ${escapeMrkdwn(title)}${where ? ` (${escapeMrkdwn(where)})` : ''}`;
    return [mentions, line].filter(Boolean).join(' ');
}
/** Label and mrkdwn value of each fact that is known, in reading order. */
function builtInFields(facts) {
    const fields = [
        [
            'Repository',
            facts.repository &&
                (facts.repositoryUrl
                    ? mrkdwn_link(facts.repositoryUrl, facts.repository)
                    : escapeMrkdwn(facts.repository))
        ],
        [
            'Branch',
            facts.pullRequest === undefined && facts.branch ? inlineCode(facts.branch) : undefined
        ],
        ['Tag', facts.tag && inlineCode(facts.tag)],
        ['Pull request', facts.pullRequest && pullRequestText(facts.pullRequest, facts.branch)],
        ['Commit', commitText(facts)],
        ['Author', facts.author && escapeMrkdwn(facts.author)],
        ['Version', facts.version && inlineCode(facts.version)],
        ['Environment', facts.environment && escapeMrkdwn(facts.environment)],
        ['URL', facts.url && mrkdwn_link(facts.url, facts.url.replace(/^https?:\/\//, ''))],
        ['Duration', facts.duration && escapeMrkdwn(facts.duration)]
    ];
    return fields.filter((f) => Boolean(f[1]));
}
function pullRequestText(pr, branch) {
    const number = pr.url ? mrkdwn_link(pr.url, `#${pr.number}`) : `#${pr.number}`;
    const title = pr.title ? ` ${escapeMrkdwn(truncate(firstLine(pr.title), COMMIT_LINE_MAX))}` : '';
    return `${number}${title}${branch ? ` (${inlineCode(branch)})` : ''}`;
}
function commitText(facts) {
    if (!facts.sha)
        return undefined;
    const url = commitUrl(facts);
    const sha = url ? mrkdwn_link(url, shortSha(facts.sha)) : inlineCode(shortSha(facts.sha));
    const line = facts.commitMessage ? firstLine(facts.commitMessage) : '';
    return line ? `${sha} ${escapeMrkdwn(truncate(line, COMMIT_LINE_MAX))}` : sha;
}
/** Built-in fields, then the user's: same label (any case) replaces in place, '' removes. */
function mergeFields(builtIn, overrides) {
    const result = [...builtIn];
    for (const [label, raw] of overrides) {
        const value = sanitizeMrkdwn(raw);
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
    const buttons = [];
    if (facts.runUrl) {
        const label = status === 'approval-needed'
            ? 'Review deployment'
            : facts.provider === 'circleci'
                ? 'View job'
                : 'View workflow';
        const style = STATUS_STYLE[status].buttonStyle;
        buttons.push({
            type: 'button',
            text: plain(label),
            url: facts.runUrl,
            action_id: 'gantry-run',
            ...(style ? { style } : {})
        });
    }
    if (facts.url) {
        buttons.push({
            type: 'button',
            text: plain(truncate(`Open ${facts.environment ?? 'app'}`, LIMITS.buttonText)),
            url: facts.url,
            action_id: 'gantry-url'
        });
    }
    return buttons;
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
    return text ? escapeMrkdwn(text) : undefined;
}

// EXTERNAL MODULE: ./src/lib/duration.ts
var lib_duration = __webpack_require__(2543);
;// CONCATENATED MODULE: ./src/core/slack/time.ts
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
    return /^\d+$/.test(text.trim()) ? (0,lib_duration/* formatDuration */.a)(Number(text.trim()) * 1000) : text.trim();
}

// EXTERNAL MODULE: ./src/io/files.ts
var files = __webpack_require__(3839);
// EXTERNAL MODULE: ./src/lib/retry.ts
var retry = __webpack_require__(1737);
// EXTERNAL MODULE: ./src/lib/redact.ts
var redact = __webpack_require__(310);
;// CONCATENATED MODULE: ./src/io/slack.ts


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
        const answer = await (0,retry/* retry */.L5)(async () => {
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
            return (0,retry/* httpRetryDecision */.TK)(429, failure.retryAfterMs, maxDelayMs);
        case 'http':
            return (failure.status !== undefined &&
                (0,retry/* httpRetryDecision */.TK)(failure.status, failure.retryAfterMs, maxDelayMs));
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
    return { ...failure, detail: (0,redact/* redact */.E)(failure.detail, secrets) };
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
                return rateLimited((0,retry/* parseRetryAfter */.mu)(header));
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
    const log = (...parts) => debug((0,redact/* redact */.E)(`slack: ${parts.map(String).join(' ')}`, secrets));
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
        const { IncomingWebhook } = await __webpack_require__.e(/* import() */ 443).then(__webpack_require__.t.bind(__webpack_require__, 4443, 23));
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
    const { WebClient } = await __webpack_require__.e(/* import() */ 105).then(__webpack_require__.t.bind(__webpack_require__, 5105, 23));
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

// EXTERNAL MODULE: ./src/lib/action.ts
var action = __webpack_require__(5577);
// EXTERNAL MODULE: ./src/lib/inputs.ts
var inputs = __webpack_require__(1662);
// EXTERNAL MODULE: ./src/lib/markdown.ts
var markdown = __webpack_require__(3862);
// EXTERNAL MODULE: ./src/lib/runner.ts
var lib_runner = __webpack_require__(9445);
// EXTERNAL MODULE: ./src/io/git.ts
var io_git = __webpack_require__(7500);
// EXTERNAL MODULE: ./src/lib/context.ts
var context = __webpack_require__(1980);
;// CONCATENATED MODULE: ./src/actions/slack-notify/context.ts
/**
 * What the notification says about the build, from the CI's variables (src/lib/context.ts), the
 * GitHub event payload (GITHUB_EVENT_PATH: the commit message and author of a push, the pull
 * request of a pull_request event) and, when neither says (CircleCI, workflow_dispatch,
 * schedule), `git log -1` of the checkout. Anything unknown is left out of the message.
 */



function gitCommit(cwd = process.cwd()) {
    const git = (0,io_git/* gitInfo */.V)(cwd);
    return (sha) => git.commit(sha);
}
const object = (v) => ((0,json/* isPlainObject */.Q)(v) ? v : undefined);
const context_text = (v) => typeof v === 'string' && v.trim() !== '' ? v : undefined;
/** The parts of a GitHub event payload a notification shows. */
function eventFacts(payload) {
    const event = object(payload) ?? {};
    const headCommit = object(event.head_commit);
    if (headCommit) {
        const author = object(headCommit.author);
        return {
            commitMessage: context_text(headCommit.message),
            author: context_text(author?.name) ?? context_text(author?.username)
        };
    }
    const pr = object(event.pull_request);
    if (pr && typeof pr.number === 'number') {
        return {
            // The run's GITHUB_SHA is a merge commit GitHub made; the head is what the author pushed.
            sha: context_text(object(pr.head)?.sha),
            author: context_text(object(pr.user)?.login),
            pullRequest: { number: pr.number, title: context_text(pr.title), url: context_text(pr.html_url) }
        };
    }
    return {};
}
async function readBuildFacts(env, deps) {
    const ci = (0,context/* readCiContext */.O)(env);
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

;// CONCATENATED MODULE: ./src/actions/slack-notify/main.ts


















const INPUTS = {
    webhookUrl: 'webhook-url',
    token: 'token',
    channel: 'channel',
    apiUrl: 'api-url',
    status: 'status',
    title: 'title',
    text: 'text',
    fields: 'fields',
    mention: 'mention',
    mentionOn: 'mention-on',
    payload: 'payload',
    payloadFile: 'payload-file',
    updateTs: 'update-ts',
    threadTs: 'thread-ts',
    version: 'version',
    environment: 'environment',
    url: 'url',
    duration: 'duration',
    startedAt: 'started-at',
    failOnError: 'fail-on-error',
    retries: 'retries'
};
const DEFAULT_API_URL = 'https://slack.com/api/';
/** The YAML parser loads only when there is YAML (fields, a payload) to parse. */
const loadPayloadParsers = () => Promise.all(/* import() */[__webpack_require__.e(243), __webpack_require__.e(514)]).then(__webpack_require__.bind(__webpack_require__, 8514));
const STATUS_LIST = `one of ${STATUSES.map((s) => `\`${s}\``).join(', ')} (or GitHub's \`success\`, \`failure\`)`;
const TS_EXPECTED = 'a Slack message ts such as `1712345678.123456` (the `ts` output of the step that posted)';
async function readSettings(inputs) {
    const transport = readTransport(inputs);
    const payloadText = inputs.optional(INPUTS.payload);
    const payloadFile = inputs.optional(INPUTS.payloadFile);
    if (payloadText !== undefined && payloadFile !== undefined) {
        throw new errors/* ConfigurationError */.j1(`Inputs '${INPUTS.payload}' and '${INPUTS.payloadFile}' are both set: expected one of them.`);
    }
    const custom = payloadText !== undefined || payloadFile !== undefined;
    const status = readStatus(inputs, INPUTS.status, !custom);
    const updateTs = readTs(inputs, INPUTS.updateTs);
    if (updateTs !== undefined && transport?.kind === 'webhook') {
        throw new errors/* ConfigurationError */.j1(`Input '${INPUTS.updateTs}' needs '${INPUTS.token}' and '${INPUTS.channel}': an incoming webhook cannot update a message.`);
    }
    const fieldsText = inputs.optional(INPUTS.fields);
    const startedText = inputs.optional(INPUTS.startedAt);
    const startedAt = startedText === undefined ? undefined : parseStartTime(startedText);
    if (startedText !== undefined && startedAt === undefined) {
        throw new errors/* InputError */.dz(INPUTS.startedAt, startedText, 'an ISO 8601 time (`2026-11-22T15:04:05Z`) or Unix time in seconds (`date +%s`)');
    }
    return {
        transport,
        channel: inputs.optional(INPUTS.channel),
        status,
        title: inputs.optional(INPUTS.title),
        text: inputs.optional(INPUTS.text),
        fields: fieldsText === undefined
            ? []
            : await (await loadPayloadParsers()).parseFields(fieldsText, `input '${INPUTS.fields}'`),
        mentions: inputs.list(INPUTS.mention).map((m) => {
            const mention = normalizeMention(m);
            if (mention === undefined) {
                throw new errors/* InputError */.dz(INPUTS.mention, m, '`@here`, `@channel`, a user ID (`U…` or `<@U…>`) or a user group ID (`S…` or `<!subteam^S…>`): Slack only pings IDs');
            }
            return mention;
        }),
        mentionOn: readMentionOn(inputs),
        payload: payloadFile !== undefined
            ? { file: payloadFile }
            : payloadText !== undefined
                ? { text: payloadText, source: `input '${INPUTS.payload}'` }
                : undefined,
        updateTs,
        threadTs: readTs(inputs, INPUTS.threadTs),
        version: inputs.optional(INPUTS.version),
        environment: inputs.optional(INPUTS.environment),
        url: inputs.url(INPUTS.url),
        duration: inputs.optional(INPUTS.duration),
        startedAt,
        failOnError: inputs.boolean(INPUTS.failOnError, false),
        retries: inputs.integer(INPUTS.retries, { min: 0, max: 10 }) ?? 2
    };
}
function readTransport(inputs) {
    const webhookUrl = inputs.secret(INPUTS.webhookUrl)?.trim();
    const token = inputs.secret(INPUTS.token)?.trim();
    if (webhookUrl !== undefined && token !== undefined) {
        throw new errors/* ConfigurationError */.j1(`Inputs '${INPUTS.webhookUrl}' and '${INPUTS.token}' are both set: expected one (a webhook, or a token with a channel).`);
    }
    if (webhookUrl !== undefined) {
        // Never in the message: the URL is the secret.
        if (!/^https?:\/\/[^\s/]+\/\S+$/.test(webhookUrl)) {
            throw new errors/* ConfigurationError */.j1(`Input '${INPUTS.webhookUrl}' is not a webhook URL (https://hooks.slack.com/services/…); its value is a secret and not shown.`);
        }
        return { kind: 'webhook', url: webhookUrl };
    }
    if (token !== undefined) {
        const apiUrl = inputs.url(INPUTS.apiUrl) ?? DEFAULT_API_URL;
        return { kind: 'api', token, apiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/` };
    }
    return undefined;
}
function readStatus(inputs, name, required) {
    const value = inputs.optional(name);
    if (value === undefined) {
        if (required)
            throw new errors/* InputError */.dz(name, '', `${STATUS_LIST}, or a custom '${INPUTS.payload}'`);
        return undefined;
    }
    const status = parseStatus(value);
    if (status === undefined)
        throw new errors/* InputError */.dz(name, value, STATUS_LIST);
    return status;
}
function readMentionOn(inputs) {
    const items = inputs.list(INPUTS.mentionOn);
    if (items.length === 0 || items.includes('always'))
        return 'always';
    return items.map((item) => {
        const status = parseStatus(item);
        if (status === undefined)
            throw new errors/* InputError */.dz(INPUTS.mentionOn, item, `${STATUS_LIST} or \`always\``);
        return status;
    });
}
function readTs(inputs, name) {
    const value = inputs.optional(name);
    if (value !== undefined && !/^\d+\.\d+$/.test(value))
        throw new errors/* InputError */.dz(name, value, TS_EXPECTED);
    return value;
}
async function run(deps = {}) {
    const runner = deps.runner ?? (0,lib_runner/* githubRunner */.O)();
    const readFile = deps.readFile ?? files/* readOptionalFile */.p;
    const now = deps.now ?? Date.now;
    const send = deps.send ?? sendToSlack;
    await (0,action/* runAction */.C)(runner, async () => {
        const settings = await readSettings(new inputs/* InputReader */.i_(runner.getInput, maskSecret(runner)));
        const facts = withInputs(await readBuildFacts(runner.env, { readFile, readCommit: deps.readCommit ?? gitCommit() }), settings, now());
        const { message, custom } = await composeMessage(settings, facts, runner.env, readFile);
        const { message: limited, truncated } = enforceLimits(message);
        if (truncated.length > 0)
            runner.info(`Cut to Slack's limits: ${truncated.join('; ')}`);
        if (custom) {
            const problems = blockKitProblems(limited);
            if (problems.length > 0)
                runner.warning(`The payload may be refused by Slack: ${problems.slice(0, 10).join('; ')}`);
        }
        const request = {
            message: limited,
            channel: settings.channel,
            updateTs: settings.updateTs,
            threadTs: settings.threadTs
        };
        const outcome = await deliver(runner, settings, request, send, deps.sleep);
        const ts = outcome.delivery?.ts ?? '';
        runner.setOutput('ok', String(outcome.delivery !== undefined));
        runner.setOutput('ts', ts);
        runner.setOutput('channel', outcome.delivery?.channel ?? '');
        runner.setOutput('thread-ts', settings.threadTs ?? ts);
        runner.appendSummary(renderSummary(settings, limited, outcome, truncated));
        if (outcome.delivery)
            runner.info(describeDelivery(outcome.delivery));
        else if (settings.failOnError)
            runner.setFailed(outcome.problem ?? 'not sent');
        else
            runner.warning(`${outcome.problem} The step stays green ('${INPUTS.failOnError}' is false).`);
    });
}
/** A webhook URL's last path segment: the part that is the key. */
const webhookKey = (url) => /^https?:\/\/.+\/([^/\s]{6,})\/?$/.exec(url.trim())?.[1];
/** Masks a secret and, for a webhook URL, its key on its own too. */
function maskSecret(runner) {
    return (value) => {
        runner.setSecret(value);
        const key = webhookKey(value);
        if (key)
            runner.setSecret(key);
    };
}
function withInputs(facts, settings, nowMs) {
    const duration = settings.duration !== undefined
        ? durationText(settings.duration)
        : settings.startedAt !== undefined
            ? (0,lib_duration/* formatDuration */.a)(nowMs - settings.startedAt)
            : undefined;
    return {
        ...facts,
        version: settings.version,
        environment: settings.environment,
        url: settings.url,
        duration
    };
}
function appliesTo(settings) {
    const { mentionOn, status } = settings;
    if (mentionOn === 'always' || status === undefined || mentionOn.includes(status))
        return settings.mentions;
    return [];
}
async function composeMessage(settings, facts, env, readFile) {
    const mentions = appliesTo(settings);
    if (settings.payload === undefined) {
        const status = settings.status; // readSettings requires it without a payload
        const message = buildTemplate(facts, {
            status,
            title: settings.title,
            text: settings.text,
            fields: settings.fields,
            mentions
        });
        return { message, custom: false };
    }
    const { text, source } = await payloadSource(settings.payload, readFile);
    const values = placeholderValues(facts, {
        status: settings.status,
        title: settings.title,
        text: settings.text,
        mention: mentions.join(' ')
    });
    const { checkPayloadContent, parsePayload } = await loadPayloadParsers();
    const filled = fillPlaceholders(parsePayload(text, source), {
        values,
        env: placeholderEnv(env, settings),
        source
    });
    const message = checkPayloadContent(filled, source);
    if (message.text === undefined) {
        // The notification (and screen readers) need a text; the first line shown is the best one.
        const first = renderText(message).split('\n')[0];
        if (first)
            message.text = truncate(first, 150);
    }
    return { message, custom: true };
}
async function payloadSource(payload, readFile) {
    if ('text' in payload)
        return payload;
    const text = await readFile(payload.file);
    if (text === undefined) {
        throw new errors/* ConfigurationError */.j1(`Input '${INPUTS.payloadFile}' is ${JSON.stringify(payload.file)}: no such file.`);
    }
    return { text, source: payload.file };
}
/** `{{ env.NAME }}`: the environment, minus what holds this step's inputs and the runner's tokens. */
function placeholderEnv(env, settings) {
    const t = settings.transport;
    const secrets = t === undefined ? [] : t.kind === 'webhook' ? [t.url] : [t.token];
    return Object.fromEntries(Object.entries(env).filter(([name, value]) => !/^(INPUT_|ACTIONS_)/.test(name) &&
        !secrets.some((s) => value !== undefined && value.includes(s))));
}
async function deliver(runner, settings, request, send, sleep) {
    const transport = settings.transport;
    if (transport === undefined) {
        return {
            problem: `Slack notification not sent: neither '${INPUTS.webhookUrl}' nor '${INPUTS.token}' is set (secrets are not passed to workflows of pull requests from forks).`
        };
    }
    if (transport.kind === 'api' &&
        request.channel === undefined &&
        typeof request.message.channel !== 'string') {
        throw new errors/* ConfigurationError */.j1(`Input '${INPUTS.channel}' is empty: expected a channel ID or #name to post to with '${INPUTS.token}' (or a \`channel\` in the payload).`);
    }
    const total = settings.retries + 1;
    try {
        return {
            delivery: await send(transport, request, {
                retries: settings.retries,
                secrets: transport.kind === 'webhook'
                    ? [transport.url, webhookKey(transport.url) ?? transport.url]
                    : [transport.token],
                sleep,
                // The SDK logs every request: worth it only when the user asked for debug logs.
                debug: runner.isDebug ? (message) => runner.debug(message) : undefined,
                // The detail is the server's answer: printed as untrusted text.
                onRetry: (failure, attempt, delayMs) => runner.untrusted(`${failure.detail}; trying again in ${seconds(delayMs)} (attempt ${attempt + 1} of ${total}).`)
            })
        };
    }
    catch (error) {
        if (!(error instanceof SlackDeliveryError))
            throw error;
        const hint = hintFor(error.failure.slackError);
        const tries = error.attempts === 1 ? '' : ` after ${error.attempts} attempts`;
        return {
            problem: `Slack notification not delivered${tries}: ${error.failure.detail}${hint ? ` — ${hint}` : ''}.`
        };
    }
}
const seconds = (ms) => `${Math.round(ms / 100) / 10} s`;
function describeDelivery(d) {
    if (d.method === 'webhook')
        return 'Slack notification sent with the incoming webhook.';
    const verb = d.method === 'chat.update' ? 'updated' : 'posted';
    return `Slack message ${verb} in ${d.channel ?? '?'} (ts ${d.ts ?? '?'}).`;
}
function renderSummary(settings, message, outcome, truncated) {
    const d = outcome.delivery;
    const via = settings.transport?.kind === 'webhook'
        ? 'incoming webhook'
        : settings.updateTs
            ? 'chat.update'
            : 'chat.postMessage';
    const rows = [
        ['Status', settings.status ?? 'custom payload'],
        ['Sent with', settings.transport === undefined ? '—' : via],
        [
            'Channel',
            d?.channel ??
                settings.channel ??
                (settings.transport?.kind === 'webhook' ? "the webhook's" : '—')
        ],
        ['Result', d ? (d.ts ? `delivered, ts ${d.ts}` : 'delivered') : (outcome.problem ?? 'not sent')]
    ];
    if (truncated.length > 0)
        rows.push(['Cut to limits', truncated.join('; ')]);
    return (0,markdown/* summary */.z)('Slack notification', `${(0,markdown/* table */.tp)(['', ''], rows)}\n\n${(0,markdown/* pre */.AS)(renderText(message))}`);
}


/***/ }),

/***/ 6153:
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

/***/ 3839:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ readOptionalFile)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
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

/***/ 2543:
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

/***/ 1737:
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
