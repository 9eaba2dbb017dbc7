// Typed errors of the ingestPolicy result union (errors plugin). Anything else a resolver
// throws is a bug and is masked by Yoga.
import { builder } from '../builder.js';
import { FetchFailedError, InvalidInputError, NotAPolicyError } from '../../store/errors.js';
import { ForbiddenError, RateLimitedError, UnauthorizedError } from '../auth.js';

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'A problem with the request that the client can act on.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

/** An error whose message is all a client needs. */
function messageError(cls: new (message?: string) => Error, name: string, description: string): void {
  builder.objectType(cls, { name, description, interfaces: [ErrorInterface], isTypeOf: (o) => o instanceof cls });
}

builder.objectType(InvalidInputError, {
  name: 'InvalidInputError',
  description: 'The input cannot be ingested: empty, binary, too large, or not exactly one of text/html/url.',
  interfaces: [ErrorInterface],
  isTypeOf: (o) => o instanceof InvalidInputError,
  fields: (t) => ({ code: t.exposeString('code') }),
});

messageError(NotAPolicyError, 'NotAPolicyError', 'The document was read but is not a privacy policy.');

builder.objectType(FetchFailedError, {
  name: 'FetchFailedError',
  description: 'The URL could not be fetched. code: TIMEOUT, HTTP_STATUS, CONTENT_TYPE (not HTML/text), TOO_LARGE, NETWORK, or BLOCKED (a private or local address).',
  interfaces: [ErrorInterface],
  isTypeOf: (o) => o instanceof FetchFailedError,
  fields: (t) => ({
    code: t.exposeString('code'),
    url: t.exposeString('url'),
    status: t.exposeInt('status', { nullable: true }),
  }),
});

messageError(UnauthorizedError, 'UnauthorizedError', 'No API key was sent, or it is unknown or revoked. Send "Authorization: Bearer <key>".');

messageError(ForbiddenError, 'ForbiddenError', 'The API key is valid but lacks the scope this operation needs.');

builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  description: "Too many writes with this key; retry after the given number of seconds.",
  interfaces: [ErrorInterface],
  isTypeOf: (o) => o instanceof RateLimitedError,
  fields: (t) => ({ retryAfterSeconds: t.exposeInt('retryAfterSeconds') }),
});
