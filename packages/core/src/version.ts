/** The toolkit's own version, sent in the AWS user agent. A test keeps it equal to the root package.json. */
export const ECS_ACTIONS_VERSION = '1.0.0';
