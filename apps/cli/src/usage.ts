/** A usage error (exit code 2): a bad flag value, named in the message. */
export class UsageError extends Error {}
