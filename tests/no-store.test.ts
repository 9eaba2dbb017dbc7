// Which documents are kept out of the response cache: any selection of the webhook list or the
// delivery log, however aliased or hidden in a fragment.
import { describe, expect, it } from 'vitest';
import { selectsPrivateField } from '../src/graphql/no-store.js';

describe('selectsPrivateField', () => {
  it('finds the private fields directly, aliased and in fragments', () => {
    expect(selectsPrivateField('{ webhooks { id } }')).toBe(true);
    expect(selectsPrivateField('{ mine: webhookDeliveries(webhook: "x") { totalCount } }')).toBe(true);
    expect(selectsPrivateField('query { ...F } fragment F on Query { webhooks { url } }')).toBe(true);
    expect(selectsPrivateField('{ changes { totalCount } dashboard { policies } }')).toBe(false);
    expect(selectsPrivateField('{ not parseable')).toBe(false);
  });
});
