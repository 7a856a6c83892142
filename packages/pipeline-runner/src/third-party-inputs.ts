/**
 * The inputs each pinned third-party action declares in its action.yml, in that file's order, at the release
 * .github/action-pins.yml lists: what the runner names in its "Unexpected input(s)" warning (action-inputs.ts).
 * Change a list together with its pin.
 */
export const THIRD_PARTY_INPUTS: Record<string, readonly string[]> = {
  // actions/checkout v7.0.1
  'actions/checkout': [
    'repository',
    'ref',
    'token',
    'ssh-key',
    'ssh-known-hosts',
    'ssh-strict',
    'ssh-user',
    'persist-credentials',
    'path',
    'clean',
    'filter',
    'sparse-checkout',
    'sparse-checkout-cone-mode',
    'fetch-depth',
    'fetch-tags',
    'show-progress',
    'lfs',
    'submodules',
    'set-safe-directory',
    'github-server-url',
    'allow-unsafe-pr-checkout',
  ],
  // aws-actions/configure-aws-credentials v6.2.3
  'aws-actions/configure-aws-credentials': [
    'aws-region',
    'aws-profile',
    'overwrite-aws-profile',
    'role-to-assume',
    'aws-access-key-id',
    'aws-secret-access-key',
    'aws-session-token',
    'web-identity-token-file',
    'role-chaining',
    'audience',
    'http-proxy',
    'no-proxy',
    'mask-aws-account-id',
    'role-duration-seconds',
    'role-external-id',
    'role-session-name',
    'role-skip-session-tagging',
    'transitive-tag-keys',
    'inline-session-policy',
    'managed-session-policies',
    'output-credentials',
    'output-env-credentials',
    'unset-current-credentials',
    'disable-retry',
    'retry-max-attempts',
    'special-characters-workaround',
    'use-existing-credentials',
    'allowed-account-ids',
    'force-skip-oidc',
    'action-timeout-s',
    'custom-tags',
    'sts-endpoint',
  ],
  // actions/upload-artifact v7.0.0
  'actions/upload-artifact': [
    'name',
    'path',
    'if-no-files-found',
    'retention-days',
    'compression-level',
    'overwrite',
    'include-hidden-files',
    'archive',
  ],
  // actions/download-artifact v8.0.1
  'actions/download-artifact': [
    'name',
    'artifact-ids',
    'path',
    'pattern',
    'merge-multiple',
    'github-token',
    'repository',
    'run-id',
    'skip-decompress',
    'digest-mismatch',
  ],
  // actions/setup-java v5.7.0
  'actions/setup-java': [
    'java-version',
    'java-version-file',
    'distribution',
    'java-package',
    'architecture',
    'jdk-file',
    'jdkFile',
    'check-latest',
    'set-default',
    'verify-signature',
    'verify-signature-public-key',
    'server-id',
    'server-username',
    'server-password',
    'settings-path',
    'overwrite-settings',
    'gpg-private-key',
    'gpg-passphrase',
    'cache',
    'cache-dependency-path',
    'job-status',
    'token',
    'mvn-toolchain-id',
    'mvn-toolchain-vendor',
    'show-download-progress',
  ],
  // actions/setup-node v7.0.0
  'actions/setup-node': [
    'node-version',
    'node-version-file',
    'architecture',
    'check-latest',
    'registry-url',
    'scope',
    'token',
    'cache',
    'package-manager-cache',
    'cache-dependency-path',
    'mirror',
    'mirror-token',
  ],
};

/**
 * The runner's warning for `with:` keys an action does not declare (actions/runner: the step still runs, the key
 * reaches the action as INPUT_<NAME>); undefined when every key is declared.
 */
export function unexpectedInputsWarning(given: readonly string[], valid: readonly string[]): string | undefined {
  const declared = new Set(valid.map((key) => key.toLowerCase()));
  // Input names are case-insensitive to the runner.
  const unexpected = given.filter((key) => !declared.has(key.toLowerCase()));
  if (unexpected.length === 0) return undefined;
  return `Unexpected input(s) '${unexpected.join("', '")}', valid inputs are ['${valid.join("', '")}']`;
}
