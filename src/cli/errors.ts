/** A mistake in the command line itself: printed without a stack, exit code 2. */
export class UsageError extends Error {}
