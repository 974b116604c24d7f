/** A usage error the CLI prints as one line and exits 2 with. */
export class UsageError extends Error {
  override name = 'UsageError';
}
