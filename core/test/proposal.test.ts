import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  argumentInputSchema,
  canMoveProposal,
  proposalInputSchema,
  proposalReviewSchema,
  proposalFormSettingsSchema,
  type ProposalInputOptions,
} from '../src/index.js';

const options: ProposalInputOptions = {
  form: proposalFormSettingsSchema.parse({}),
  districts: ['noord', 'oost'],
  themes: ['groen', 'spelen'],
};

const valid = {
  title: 'Meer bankjes in het park',
  description: 'Er zijn te weinig plekken om even uit te rusten.',
  district: 'oost',
};

describe('proposalInputSchema', () => {
  it('accepts the three required fields alone', () => {
    assert.deepEqual(proposalInputSchema(options).parse(valid), valid);
  });

  it('accepts every documented field, and treats empty optional fields as not given', () => {
    const input = {
      ...valid,
      summary: 'Bankjes',
      estimatedCost: 12000,
      theme: 'groen',
      location: 'Oosterpark',
      authorName: 'Fatima',
      email: ' Fatima@Example.NL ',
    };
    const parsed = proposalInputSchema(options).parse(input);
    assert.equal(parsed.email, 'fatima@example.nl');
    const empty = proposalInputSchema(options).parse({
      ...valid,
      summary: '',
      email: '  ',
      theme: '',
    });
    assert.equal(empty.summary, undefined);
    assert.equal(empty.email, undefined);
    assert.equal(empty.theme, undefined);
  });

  it('never makes residents write a budget unless the round insists', () => {
    assert.equal(proposalInputSchema(options).safeParse(valid).success, true);
    const insisting = { ...options, form: { ...options.form, costRequired: true } };
    const result = proposalInputSchema(insisting).safeParse(valid);
    assert.equal(result.success, false);
    assert.deepEqual(result.error?.issues[0]?.path, ['estimatedCost']);
  });

  it('refuses fields the round does not ask for, unknown fields and a filled honeypot', () => {
    const noCost = { ...options, form: { ...options.form, askCost: false, optionalFields: [] } };
    for (const field of ['estimatedCost', 'summary', 'theme', 'location'] as const) {
      const value = field === 'estimatedCost' ? 100 : field === 'theme' ? 'groen' : 'x';
      const result = proposalInputSchema(noCost).safeParse({ ...valid, [field]: value });
      assert.equal(result.success, false, field);
    }
    assert.equal(proposalInputSchema(options).safeParse({ ...valid, admin: true }).success, false);
    assert.equal(proposalInputSchema(options).safeParse({ ...valid, website: 'x' }).success, false);
    assert.equal(proposalInputSchema(options).safeParse({ ...valid, website: '' }).success, true);
  });

  it('checks districts, themes, lengths, e-mail and markup', () => {
    const schema = proposalInputSchema(options);
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ district: 'west' }, 'district'],
      [{ district: undefined }, 'district'],
      [{ theme: 'sport' }, 'theme'],
      [{ title: 'x'.repeat(81) }, 'title'],
      [{ title: 'Two\nlines' }, 'title'],
      [{ description: 'short' }, 'description'],
      [{ email: 'not-an-address' }, 'email'],
      [{ description: 'Kijk <script>alert(1)</script> hier' }, 'description'],
      [{ estimatedCost: -5 }, 'estimatedCost'],
      [{ estimatedCost: '12000' }, 'estimatedCost'],
    ];
    for (const [change, path] of bad) {
      const result = schema.safeParse({ ...valid, ...change });
      assert.equal(result.success, false, path);
      assert.deepEqual(result.error?.issues[0]?.path, [path], path);
    }
  });

  it('has no district field in a round without districts', () => {
    const citywide = { ...options, districts: [] };
    const { district: _district, ...withoutDistrict } = valid;
    assert.equal(proposalInputSchema(citywide).safeParse(withoutDistrict).success, true);
    assert.equal(proposalInputSchema(citywide).safeParse(valid).success, false);
  });
});

describe('proposal review', () => {
  it('asks a public reason for a rejection and a target for a merge', () => {
    assert.equal(proposalReviewSchema.safeParse({ status: 'rejected' }).success, false);
    assert.equal(
      proposalReviewSchema.safeParse({ status: 'rejected', publicReason: 'Geen gemeentegrond.' })
        .success,
      true
    );
    assert.equal(proposalReviewSchema.safeParse({ status: 'merged' }).success, false);
    assert.equal(
      proposalReviewSchema.safeParse({ status: 'merged', mergedInto: 'abcdefghij0123456789ab' })
        .success,
      true
    );
  });

  it('allows only the documented status moves', () => {
    assert.equal(canMoveProposal('submitted', 'in_review'), true);
    assert.equal(canMoveProposal('in_review', 'admitted'), true);
    assert.equal(canMoveProposal('admitted', 'funded'), true);
    assert.equal(canMoveProposal('funded', 'in_progress'), true);
    assert.equal(canMoveProposal('submitted', 'funded'), false);
    assert.equal(canMoveProposal('rejected', 'completed'), false);
    assert.equal(canMoveProposal('not_funded', 'planned'), false);
  });
});

describe('argumentInputSchema', () => {
  it('accepts the documented body and defaults replyTo to null', () => {
    const parsed = argumentInputSchema.parse({
      stance: 'for',
      body: 'Goed plan!',
      authorName: 'Jan',
    });
    assert.equal(parsed.replyTo, null);
  });

  it('refuses unknown stances, empty names and markup', () => {
    const base = { stance: 'for', body: 'Goed plan!', authorName: 'Jan' };
    assert.equal(argumentInputSchema.safeParse({ ...base, stance: 'neutral' }).success, false);
    assert.equal(argumentInputSchema.safeParse({ ...base, authorName: '  ' }).success, false);
    assert.equal(argumentInputSchema.safeParse({ ...base, body: '<b>ja</b>' }).success, false);
    assert.equal(argumentInputSchema.safeParse({ ...base, official: true }).success, false);
  });
});
