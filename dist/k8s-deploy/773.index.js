export const id = 773;
export const ids = [773];
export const modules = {

/***/ 9773:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   awsCall: () => (/* binding */ awsCall),
/* harmony export */   awsRetryDecision: () => (/* binding */ awsRetryDecision),
/* harmony export */   awsSaid: () => (/* binding */ awsSaid),
/* harmony export */   explainAwsError: () => (/* binding */ explainAwsError)
/* harmony export */ });
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7268);
/* harmony import */ var _lib_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1737);
/**
 * What every AWS call of ours shares: our retries (the SDK clients run with `maxAttempts: 1`, so
 * throttling is handled one way and tests drive it with a fake clock), which failures are worth
 * another attempt, and the messages a user can act on for the errors every service answers alike
 * (expired, invalid or missing credentials, access denied).
 */


const RETRYABLE = new Set([
    'ThrottlingException',
    'ThrottledException',
    'Throttling',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'ServerException',
    'ServiceUnavailable',
    'ServiceUnavailableException',
    'InternalFailure',
    'RequestTimeout',
    'RequestTimeoutException',
    'TimeoutError'
]);
const NETWORK = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNREFUSED']);
function awsRetryDecision(error) {
    const e = (error ?? {});
    const status = e.$metadata?.httpStatusCode;
    return (RETRYABLE.has(e.name ?? '') ||
        e.$retryable !== undefined ||
        (status !== undefined && (status === 429 || status >= 500)) ||
        NETWORK.has(e.code ?? ''));
}
/** `Name: message`, as AWS said it. */
function awsSaid(error) {
    const e = (error ?? {});
    return `${e.name ?? 'Error'}: ${e.message ?? String(error)}`;
}
/** One SDK call with our retries; `label` names it in retry messages (`ECR GetAuthorizationToken`). */
function awsCall(label, send, options) {
    return (0,_lib_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L5)(send, {
        attempts: options.attempts,
        baseDelayMs: 1000,
        maxDelayMs: 20_000,
        sleep: options.sleep ?? _lib_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .realSleep */ .uk,
        retryable: awsRetryDecision,
        onRetry: (error, attempt, delayMs) => options.onRetry?.(`${label}: ${awsSaid(error)}; attempt ${attempt + 1} of ${options.attempts} in ${delayMs} ms`)
    });
}
/**
 * What the user reads for a failed call: what AWS said and what to do. `permission` completes
 * "The role or user needs …" for an access denial. Service-specific errors are the caller's.
 */
function explainAwsError(service, operation, error, attempts, permission) {
    const e = (error ?? {});
    const said = awsSaid(error);
    switch (e.name ?? 'Error') {
        case 'ExpiredTokenException':
        case 'ExpiredToken':
        case 'RequestExpired':
            return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`AWS refused ${operation}: the credentials have expired (${said}). Refresh them right before this step (aws-actions/configure-aws-credentials, or new AWS_* variables on CircleCI).`);
        case 'UnrecognizedClientException':
        case 'InvalidClientTokenId':
        case 'InvalidSignatureException':
        case 'SignatureDoesNotMatch':
        case 'IncompleteSignature':
        case 'MissingAuthenticationTokenException':
            return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`AWS refused ${operation}: the credentials are not valid (${said}). Check the access key, secret and session token.`);
        case 'AccessDeniedException':
        case 'AccessDenied':
            return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`AWS denied ${operation} (${said}). The role or user needs ${permission}.`);
        case 'CredentialsProviderError':
            return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`No AWS credentials found (${e.message}). Configure them before this step: aws-actions/configure-aws-credentials (access keys or an OIDC role), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) on CircleCI.`);
    }
    if (awsRetryDecision(error)) {
        return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${service} ${operation} still failed after ${attempts} attempts (${said}).`);
    }
    return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${service} ${operation} failed (${said}).`);
}


/***/ })

};
