export const id = 684;
export const ids = [684];
export const modules = {

/***/ 2684:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   malformedFinding: () => (/* binding */ malformedFinding),
/* harmony export */   parseValueFrom: () => (/* binding */ parseValueFrom)
/* harmony export */ });
/**
 * A secret's `valueFrom`, as ECS reads it: an SSM parameter name (in the task's region), an SSM parameter ARN, or a
 * Secrets Manager secret ARN with the optional `:json-key:version-stage:version-id` suffixes. Text that starts as an
 * ARN but is none of these (no account, another service, no parameter or secret in it) is `malformed`: ECS cannot
 * read a secret from it, and verify says so instead of reading nothing.
 */
/** Parses `valueFrom`: a Secrets Manager ARN (with optional suffixes), an SSM ARN, or an SSM parameter name. */
function parseValueFrom(valueFrom, taskRegion) {
    if (!valueFrom.startsWith('arn:')) {
        return { kind: 'ssm', region: taskRegion, name: valueFrom, candidates: [valueFrom], text: valueFrom };
    }
    const problem = arnProblem(valueFrom);
    if (problem)
        return { kind: 'malformed', problem, text: valueFrom };
    const parts = valueFrom.split(':');
    const region = parts[3] || taskRegion;
    if (parts[2] === 'secretsmanager') {
        // arn:aws:secretsmanager:region:account:secret:name-AbCdEf[:json-key[:version-stage[:version-id]]]
        return { kind: 'secretsmanager', region, secretId: parts.slice(0, 7).join(':'), text: valueFrom };
    }
    // arn:aws:ssm:region:account:parameter/name: a name with a path keeps its leading slash in the API.
    const rest = parts
        .slice(5)
        .join(':')
        .replace(/^parameter\//, '');
    const candidates = rest.includes('/') ? [`/${rest}`] : [rest, `/${rest}`];
    return { kind: 'ssm', region, name: candidates[0] ?? rest, candidates, text: valueFrom };
}
/** What makes an ARN unusable as a secret's `valueFrom`, or undefined when it is an SSM or Secrets Manager ARN. */
function arnProblem(arn) {
    const [, partition, service, , account, ...resource] = arn.split(':');
    if (resource.length === 0)
        return 'it is not arn:<partition>:<service>:<region>:<account>:<resource>';
    if (!partition)
        return 'it has no partition (aws)';
    if (service !== 'ssm' && service !== 'secretsmanager') {
        return `it names the service ${service || '(none)'}; ECS reads secrets only from ssm and secretsmanager ARNs`;
    }
    if (!account)
        return 'it has no account';
    if (!/^\d{12}$/.test(account))
        return `its account ${account} is not 12 digits`;
    if (service === 'ssm' && !/^parameter\/./.test(resource.join(':')))
        return 'it names no parameter/<name>';
    if (service === 'secretsmanager' && (resource[0] !== 'secret' || !resource[1]))
        return 'it names no secret:<name>';
    return undefined;
}
/** A `valueFrom` that starts as an ARN but is none ECS can read a secret from: no read can find it. */
function malformedFinding(label, ref) {
    return {
        check: 'secret-malformed',
        what: `secret ${label}: valueFrom ${ref.text} is not a valid ARN: ${ref.problem}`,
        why: 'ECS cannot read a secret from it: each task stops with "ResourceInitializationError: unable to pull secrets or registry auth"',
        fix: "give the full ARN (arn:aws:ssm:<region>:<account>:parameter/<name>, or arn:aws:secretsmanager:<region>:<account>:secret:<name>), or the parameter's name in the task's region",
        certain: true,
    };
}


/***/ })

};
