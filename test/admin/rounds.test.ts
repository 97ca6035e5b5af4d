/** The round pages' logic: templates, JSON documents, timeline, budgets, explanations, snippets. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { roundDocumentSchema, roundDocumentWarnings } from '@begroot/core';
import {
  TEMPLATES,
  buildTemplate,
  slugFromTitle,
} from '../../cms-plugin/admin/src/lib/templates.ts';
import { computeTimeline } from '../../cms-plugin/admin/src/lib/timeline.ts';
import { checkBudgets, splitEvenly } from '../../cms-plugin/admin/src/lib/budget.ts';
import {
  errorsByPath,
  errorsFromResponse,
  errorsUnder,
  parseRoundJson,
} from '../../cms-plugin/admin/src/lib/issues.ts';
import {
  EXPLANATION_IDS,
  explainCounting,
  explainProposalForm,
  explainVerification,
  explainVoting,
} from '../../cms-plugin/admin/src/lib/explain.ts';
import { WIDGETS, embedSnippet } from '../../cms-plugin/admin/src/lib/embed.ts';
import { previewDocument, previewLanguage } from '../../cms-plugin/admin/src/lib/preview.ts';
import { currentPhaseEnd, phaseState } from '../../cms-plugin/admin/src/lib/phases.ts';

const translations = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../cms-plugin/admin/src/translations'
);
const messages = (locale: string): Record<string, string> =>
  JSON.parse(fs.readFileSync(path.join(translations, `${locale}.json`), 'utf8'));

const start = new Date('2027-01-10T09:30:00Z');

describe('round templates', () => {
  for (const kind of TEMPLATES) {
    it(`${kind}: passes core's schema and leaves nothing to warn about`, () => {
      const document = buildTemplate(kind, { slug: 'noord-2027', title: 'Noord 2027', start });
      const round = roundDocumentSchema.parse(document);
      assert.deepEqual(roundDocumentWarnings(round), []);
      assert.equal(round.phases[0]!.start, '2027-01-10T00:00:00.000Z');
    });
  }

  it('per district: district budgets add up to the total, voters vote in their own district', () => {
    const round = roundDocumentSchema.parse(
      buildTemplate('districts', { slug: 'x', title: 'X', start, language: 'en' })
    );
    assert.equal(round.districts.length, 4);
    assert.equal(checkBudgets(round.budget, round.districts).difference, 0);
    assert.equal(round.voting.districtScope, 'own');
    assert.equal(round.districts[0]!.name, 'North');
  });

  it('advisory poll: advises, approval voting, no cost asked', () => {
    const round = roundDocumentSchema.parse(
      buildTemplate('advisory', { slug: 'x', title: 'X', start })
    );
    assert.equal(round.mode, 'advise');
    assert.equal(round.voting.method, 'approval');
    assert.equal(round.proposalForm.askCost, false);
  });

  it('slugs from titles', () => {
    assert.equal(slugFromTitle('Buurtbudget Noord 2027'), 'buurtbudget-noord-2027');
    assert.equal(slugFromTitle('  Café & Één!  '), 'cafe-een');
    assert.ok(slugFromTitle('a'.repeat(100)).length <= 60);
  });
});

describe('round JSON documents', () => {
  it('a valid document parses with defaults filled in', () => {
    const parsed = parseRoundJson(
      JSON.stringify({
        slug: 'noord-2027',
        title: 'Noord',
        budget: 1000,
        phases: [{ kind: 'ideas', start: '2027-01-10T00:00:00Z', end: '2027-02-10T00:00:00Z' }],
      })
    );
    assert.ok(parsed.ok);
    assert.equal(parsed.round.voting.method, 'approval');
  });

  it('a syntax error is one error for the whole document', () => {
    const parsed = parseRoundJson('{ "slug": ');
    assert.ok(!parsed.ok);
    assert.equal(parsed.errors.length, 1);
    assert.equal(parsed.errors[0]!.path, '');
  });

  it('schema errors come at the field path', () => {
    const parsed = parseRoundJson(
      JSON.stringify({
        slug: 'Not A Slug',
        title: 'Noord',
        budget: 1000,
        phases: [{ kind: 'ideas', start: '2027-02-10T00:00:00Z', end: '2027-01-10T00:00:00Z' }],
        voting: { method: 'points' },
        surprise: true,
      })
    );
    assert.ok(!parsed.ok);
    const byPath = errorsByPath(parsed.errors);
    assert.ok(byPath['slug'], JSON.stringify(parsed.errors));
    assert.ok(byPath['phases.0.end']);
    assert.ok(byPath['voting.points']);
    assert.ok(byPath['']);
    assert.deepEqual(
      errorsUnder(parsed.errors, 'phases').map((error) => error.path),
      ['phases.0.end']
    );
  });

  it("errors from Strapi's error response", () => {
    assert.deepEqual(
      errorsFromResponse({
        error: {
          message: 'The round is not valid.',
          details: { errors: [{ path: ['districts', 0, 'budget'], message: 'Too small' }] },
        },
      }),
      [{ path: 'districts.0.budget', message: 'Too small' }]
    );
    assert.deepEqual(errorsFromResponse({ error: { message: 'Conflict' } }), [
      { path: '', message: 'Conflict' },
    ]);
    assert.deepEqual(errorsFromResponse(null), []);
  });
});

describe('phase timeline', () => {
  const phase = (kind: 'ideas' | 'review' | 'voting' | 'results', start: string, end: string) => ({
    kind,
    start: `${start}T00:00:00Z`,
    end: `${end}T00:00:00Z`,
  });

  it('consecutive phases: bars side by side, no issues', () => {
    const timeline = computeTimeline([
      phase('review', '2027-02-01', '2027-03-01'),
      phase('ideas', '2027-01-01', '2027-02-01'),
    ]);
    assert.deepEqual(timeline.issues, []);
    assert.deepEqual(
      timeline.bars.map((bar) => bar.kind),
      ['ideas', 'review']
    );
    assert.equal(timeline.bars[0]!.offset, 0);
    assert.ok(Math.abs(timeline.bars[1]!.offset + timeline.bars[1]!.width - 100) < 1e-9);
    assert.equal(timeline.bars[0]!.days, 31);
  });

  it('a gap and an overlap, with their days', () => {
    const timeline = computeTimeline([
      phase('ideas', '2027-01-01', '2027-02-01'),
      phase('review', '2027-02-11', '2027-03-01'),
      phase('voting', '2027-02-25', '2027-03-15'),
    ]);
    assert.deepEqual(timeline.issues, [
      { type: 'gap', phases: ['ideas', 'review'], days: 10 },
      { type: 'overlap', phases: ['review', 'voting'], days: 4 },
    ]);
  });

  it('a long phase overlapping two later ones is compared with both', () => {
    const timeline = computeTimeline([
      phase('ideas', '2027-01-01', '2027-04-01'),
      phase('review', '2027-02-01', '2027-02-10'),
      phase('voting', '2027-03-01', '2027-03-10'),
      phase('results', '2027-04-05', '2027-04-10'),
    ]);
    assert.deepEqual(
      timeline.issues.map((issue) => [issue.type, ...issue.phases]),
      [
        ['overlap', 'ideas', 'review'],
        ['overlap', 'ideas', 'voting'],
        ['gap', 'ideas', 'results'],
      ]
    );
  });

  it('a phase ending before it starts is flagged, not drawn', () => {
    const timeline = computeTimeline([
      phase('ideas', '2027-02-01', '2027-01-01'),
      { kind: 'voting', start: 'soon', end: '2027-01-01T00:00:00Z' },
    ]);
    assert.deepEqual(
      timeline.issues.map((issue) => issue.type),
      ['invalid', 'invalid']
    );
    assert.deepEqual(timeline.bars, []);
  });

  it("agrees with core's warnings", () => {
    const round = roundDocumentSchema.parse({
      slug: 'x',
      title: 'X',
      budget: 1,
      phases: [
        phase('ideas', '2027-01-01', '2027-02-01'),
        phase('review', '2027-02-03', '2027-03-01'),
      ],
    });
    assert.equal(roundDocumentWarnings(round).length, computeTimeline(round.phases).issues.length);
  });
});

describe('district budgets', () => {
  it('shows the difference from the total in both directions, exactly', () => {
    assert.deepEqual(checkBudgets(300_000, [{ budget: 100_000 }, { budget: 150_000 }]), {
      sum: 250_000,
      difference: 50_000,
      applies: true,
    });
    assert.equal(checkBudgets(0.3, [{ budget: 0.1 }, { budget: 0.2 }]).difference, 0);
    assert.equal(checkBudgets(100, [{ budget: 60 }, { budget: 60 }]).difference, -20);
    assert.equal(checkBudgets(100, []).applies, false);
  });

  it('splits a total evenly in whole units that add up', () => {
    assert.deepEqual(splitEvenly(100_000, 3), [33_334, 33_333, 33_333]);
    assert.deepEqual(splitEvenly(10, 0), []);
  });
});

describe('plain-language explanations', () => {
  const nl = messages('nl');
  const en = messages('en');

  it('every explanation has a Dutch and an English text with the same placeholders', () => {
    for (const id of EXPLANATION_IDS) {
      assert.ok(nl[id], `nl lacks ${id}`);
      assert.ok(en[id], `en lacks ${id}`);
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
      assert.deepEqual(placeholders(nl[id]!), placeholders(en[id]!), id);
    }
  });

  it('nl and en hold the same keys', () => {
    assert.deepEqual(Object.keys(nl).sort(), Object.keys(en).sort());
  });

  it('every setting a round can hold has its line', () => {
    const ids = new Set<string>(EXPLANATION_IDS);
    for (const method of ['approval', 'knapsack', 'points', 'ranking'] as const) {
      for (const districtScope of ['own', 'any', 'all'] as const) {
        const round = roundDocumentSchema.parse({
          slug: 'x',
          title: 'X',
          budget: 1,
          phases: [{ kind: 'voting', start: '2027-01-01T00:00:00Z', end: '2027-01-02T00:00:00Z' }],
          voting: {
            method,
            districtScope,
            points: method === 'points' ? 10 : null,
            minSelections: 2,
            maxSelections: 3,
            minSpendShare: 0.5,
          },
          verification: { methods: ['code', 'email', 'open'] },
        });
        for (const line of [
          ...explainVoting(round.voting),
          ...explainCounting(round.counting),
          ...explainVerification(round.verification),
          ...explainProposalForm(round.proposalForm),
        ]) {
          assert.ok(ids.has(line.id), line.id);
        }
      }
    }
  });

  it('says what a voter does and with which numbers', () => {
    const voting = roundDocumentSchema.parse({
      slug: 'x',
      title: 'X',
      budget: 1,
      phases: [{ kind: 'voting', start: '2027-01-01T00:00:00Z', end: '2027-01-02T00:00:00Z' }],
      voting: { method: 'knapsack', minSpendShare: 0.75, revote: 'replace' },
    }).voting;
    assert.deepEqual(explainVoting(voting), [
      { id: 'explain.voting.knapsack' },
      { id: 'explain.voting.minSpend', values: { percent: 75 } },
      { id: 'explain.voting.scope.own' },
      { id: 'explain.voting.revote.replace' },
    ]);
    assert.deepEqual(
      explainCounting({
        rule: 'greedy',
        satisfaction: 'cost',
        completion: 'add1',
        tieBreak: 'id',
        increment: 1,
      }).map((line) => line.id),
      ['explain.counting.rule.greedy', 'explain.counting.tieBreak.id']
    );
  });
});

describe('embed snippets', () => {
  it('one per widget, with the script from this CMS and the round', () => {
    for (const { tag } of WIDGETS) {
      const snippet = embedSnippet('https://cms.example.nl/', 'noord-2027', tag);
      assert.match(
        snippet,
        /^<script type="module" src="https:\/\/cms\.example\.nl\/begroot\/widgets\/begroot\.js"><\/script>/
      );
      assert.ok(snippet.includes(`<${tag} round="noord-2027"`), snippet);
      assert.ok(snippet.endsWith(`></${tag}>`));
    }
  });

  it('escapes what it puts in attributes', () => {
    const snippet = embedSnippet('https://cms.example.nl', 'a"b<', 'begroot-budget-meter');
    assert.ok(snippet.includes('round="a&quot;b&lt;"'));
  });
});

describe('widget previews', () => {
  it('a page with the real bundle of this CMS and the round’s element, in the chosen language', () => {
    for (const { tag } of WIDGETS) {
      const page = previewDocument('https://cms.example.nl/', 'noord-2027', tag, 'en');
      assert.match(page, /^<!doctype html>\n<html lang="en">/);
      assert.ok(
        page.includes(
          '<script type="module" src="https://cms.example.nl/begroot/widgets/begroot.js"></script>'
        )
      );
      assert.ok(page.includes(`<${tag} round="noord-2027" api-base="https://cms.example.nl"`));
      // No inline script: the admin's Content-Security-Policy would block it.
      assert.equal(page.match(/<script/g)!.length, 1);
    }
  });

  it('escapes the slug and follows the round’s language', () => {
    const page = previewDocument('https://cms.example.nl', 'a"b<', 'begroot-budget-meter', 'nl');
    assert.ok(page.includes('round="a&quot;b&lt;"'));
    assert.equal(previewLanguage('nl-BE'), 'nl');
    assert.equal(previewLanguage('en'), 'en');
    assert.equal(previewLanguage('fr-BE'), 'fr');
    assert.equal(previewLanguage('de'), 'en');
  });
});

describe('closing a phase early', () => {
  const phase = {
    kind: 'ideas' as const,
    start: '2027-01-01T00:00:00Z',
    end: '2027-02-01T00:00:00Z',
  };
  const at = (iso: string) => new Date(iso);

  it('upcoming, running, over by the dates', () => {
    assert.equal(phaseState(phase, at('2026-12-31T00:00:00Z')), 'upcoming');
    assert.equal(phaseState(phase, at('2027-01-15T00:00:00Z')), 'running');
    assert.equal(phaseState(phase, at('2027-02-01T00:00:00Z')), 'over');
  });

  it('closed early from the moment it was closed', () => {
    const closed = { ...phase, closedAt: '2027-01-10T00:00:00Z' };
    assert.equal(phaseState(closed, at('2027-01-15T00:00:00Z')), 'closedEarly');
    assert.equal(phaseState(closed, at('2027-01-05T00:00:00Z')), 'running');
    assert.equal(currentPhaseEnd([closed], 'ideas'), '2027-01-10T00:00:00.000Z');
    assert.equal(currentPhaseEnd([closed], null), null);
  });
});
