/** An input problem the user must fix: printed as one Chinese line, exit code 2, no stack trace. */
export class UserError extends Error {
  constructor(
    readonly userMessage: string,
    readonly exitCode = 2,
  ) {
    super(userMessage);
    this.name = 'UserError';
  }
}
