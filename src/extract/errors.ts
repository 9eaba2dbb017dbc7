/** Why an input cannot be turned into a policy graph; the CLI and API map each code to a clear message. */
export type ExtractErrorCode = 'EMPTY' | 'BINARY' | 'TOO_LARGE' | 'NOT_A_POLICY';

export class ExtractError extends Error {
  constructor(
    readonly code: ExtractErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExtractError';
  }
}
