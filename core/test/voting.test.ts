import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { codeBatchInputSchema, roundResultsSchema, verificationInputSchema } from '../src/index.js';

describe('verificationInputSchema', () => {
  it('takes a code, an e-mail with or without its one-time code, or an open verification', () => {
    assert.ok(verificationInputSchema.safeParse({ method: 'code', code: 'ABCD-EFGH' }).success);
    const email = verificationInputSchema.parse({ method: 'email', email: ' Ann@Example.ORG ' });
    assert.deepEqual(email, { method: 'email', email: 'ann@example.org' });
    assert.ok(
      verificationInputSchema.safeParse({ method: 'email', email: 'a@b.nl', otp: '012345' }).success
    );
    assert.ok(verificationInputSchema.safeParse({ method: 'open' }).success);
  });

  it('refuses unknown methods, unknown fields and malformed values', () => {
    for (const input of [
      { method: 'sms', phone: '06' },
      { method: 'code', code: 'X', extra: 1 },
      { method: 'code' },
      { method: 'email', email: 'not-an-address' },
      { method: 'email', email: 'a@b.nl', otp: '12ab56' },
    ]) {
      assert.equal(verificationInputSchema.safeParse(input).success, false, JSON.stringify(input));
    }
  });
});

describe('codeBatchInputSchema', () => {
  it('takes a district and a count up to 200,000', () => {
    assert.ok(codeBatchInputSchema.safeParse({ district: 'oost', count: 1000 }).success);
    assert.equal(codeBatchInputSchema.safeParse({ district: 'oost', count: 0 }).success, false);
    assert.equal(codeBatchInputSchema.safeParse({ count: 1.5 }).success, false);
  });
});

describe('roundResultsSchema', () => {
  it('describes the published results', () => {
    const results = {
      rule: { rule: 'mes' },
      districts: [
        {
          district: 'oost',
          budget: 100000,
          spent: 95000,
          proposals: [
            {
              documentId: 'abcdefghij1234',
              title: 'Bankjes',
              cost: 30000,
              votes: 12,
              funded: true,
              explanation: {},
            },
          ],
        },
      ],
    };
    assert.ok(roundResultsSchema.safeParse(results).success);
  });
});
