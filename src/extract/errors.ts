/** Why an input cannot be turned into a policy graph; the CLI and API map each code to a clear message. */
/** TOO_COMPLEX: extraction ran past its time budget (a hostile or pathological document). */
export type ExtractErrorCode = 'EMPTY' | 'BINARY' | 'TOO_LARGE' | 'NOT_A_POLICY' | 'TOO_COMPLEX';

export class ExtractError extends Error {
  constructor(
    readonly code: ExtractErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExtractError';
  }
}
