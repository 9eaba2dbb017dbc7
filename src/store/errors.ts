// Domain errors of ingestion. The GraphQL layer exposes each as a typed member of the
// ingestPolicy result union; the CLI prints their messages.

export type InvalidInputCode = 'EMPTY' | 'BINARY' | 'TOO_LARGE' | 'TOO_COMPLEX' | 'BAD_REQUEST' | 'BAD_URL';

export class InvalidInputError extends Error {
  readonly name = 'InvalidInputError';
  constructor(
    readonly code: InvalidInputCode,
    message: string,
  ) {
    super(message);
  }
}

export class NotAPolicyError extends Error {
  readonly name = 'NotAPolicyError';
}

export type FetchFailureCode = 'TIMEOUT' | 'HTTP_STATUS' | 'CONTENT_TYPE' | 'TOO_LARGE' | 'NETWORK' | 'BLOCKED';

export class FetchFailedError extends Error {
  readonly name = 'FetchFailedError';
  constructor(
    readonly code: FetchFailureCode,
    readonly url: string,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}
