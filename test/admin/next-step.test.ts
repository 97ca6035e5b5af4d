/** The round overview's logic: where a round stands and which section its work is in now. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { nextStep } from '../../cms-plugin/admin/src/lib/nextStep.ts';

const phase = (kind: string, start: string, end: string, closedAt: string | null = null) =>
  ({ kind, start: `${start}T00:00:00.000Z`, end: `${end}T00:00:00.000Z`, closedAt }) as never;

const phases = [
  phase('ideas', '2027-01-01', '2027-02-01'),
  phase('review', '2027-02-01', '2027-03-01'),
  phase('deliberation', '2027-03-01', '2027-03-15'),
  phase('voting', '2027-04-01', '2027-05-01'),
  phase('results', '2027-05-01', '2027-05-15'),
  phase('execution', '2027-05-15', '2028-05-15'),
];
const at = (day: string) => new Date(`${day}T12:00:00.000Z`);

describe('nextStep', () => {
  it('sends each running phase to the section where its work is done', () => {
    const sections = [
      ['2027-01-10', 'ideas', 'review'],
      ['2027-02-10', 'review', 'review'],
      ['2027-03-10', 'deliberation', 'moderation'],
      ['2027-04-10', 'voting', 'voting'],
      ['2027-05-10', 'results', 'results'],
      ['2027-06-10', 'execution', 'execution'],
    ];
    for (const [day, kind, section] of sections) {
      const step = nextStep(phases, at(day!));
      assert.equal(step.stage, 'running', day);
      assert.equal(step.phase, kind, day);
      assert.equal(step.section, section, day);
    }
  });

  it('gives the end of the running phase and the phase after it', () => {
    const step = nextStep(phases, at('2027-03-10'));
    assert.equal(step.until, '2027-03-15T00:00:00.000Z');
    assert.deepEqual(step.upcoming, { kind: 'voting', start: '2027-04-01T00:00:00.000Z' });
  });

  it('keeps the work in the round settings before the first phase and between phases', () => {
    const before = nextStep(phases, at('2026-12-01'));
    assert.deepEqual(
      [before.stage, before.section, before.upcoming?.kind],
      ['before', 'rounds', 'ideas']
    );
    const between = nextStep(phases, at('2027-03-20'));
    assert.deepEqual(
      [between.stage, between.phase, between.section, between.upcoming?.kind],
      ['between', null, 'rounds', 'voting']
    );
  });

  it('counts a phase closed early as over, and points to execution once all are over', () => {
    const closed = [phase('ideas', '2027-01-01', '2027-02-01', '2027-01-05T00:00:00.000Z')];
    assert.equal(nextStep(closed, at('2027-01-10')).stage, 'after');
    const after = nextStep(phases, at('2029-01-01'));
    assert.deepEqual([after.stage, after.section, after.upcoming], ['after', 'execution', null]);
  });

  it('treats a round without phases as not started', () => {
    assert.equal(nextStep([], at('2027-01-01')).stage, 'before');
  });
});
