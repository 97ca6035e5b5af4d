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
import {
  carryFigures,
  parseAgeBands,
  unlistedBands,
  withoutUnlistedFigures,
  type BandOrigins,
} from '../../cms-plugin/admin/src/lib/ageBands.ts';

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

describe('age groups in the round editor', () => {
  const figures = { '16-29': 1200, '30-64': 3400, '65+': 900 };
  const listed = ['16-29', '30-64', '65+'];

  /** The field typed into as the page applies it: one text after the other, from `listed`. */
  const type = (texts: string[], start: typeof figures | null = figures) => {
    let bands = listed;
    let origins: BandOrigins = {};
    let current: Record<string, number> | null | undefined = start;
    const steps = texts.map((text) => {
      const next = parseAgeBands(text);
      ({ figures: current, origins } = carryFigures(current, bands, next, origins));
      bands = next;
      return { bands, figures: current };
    });
    return { steps, last: steps.at(-1)! };
  };
  const total = (counts: Record<string, number> | null | undefined) =>
    Object.values(counts ?? {}).reduce((sum, n) => sum + n, 0);

  it('reads the bands from commas or spaces', () => {
    assert.deepEqual(parseAgeBands(' 16-29,30-64  65+, '), listed);
    assert.deepEqual(parseAgeBands(''), []);
  });

  it('a band renamed keystroke by keystroke keeps its figures at every step', () => {
    const { steps, last } = type(['16-2, 30-64, 65+', '16-, 30-64, 65+', '16-24, 30-64, 65+']);
    for (const step of steps) assert.equal(total(step.figures), 5500, JSON.stringify(step));
    assert.deepEqual(last.figures, { '16-24': 1200, '30-64': 3400, '65+': 900 });
  });

  it('a band typed away keeps its figures under its own name, and they come back with it', () => {
    const away = type(['16-29, 30-64, 65', '16-29, 30-64, 6', '16-29, 30-64']);
    assert.deepEqual(away.last.figures, figures);
    assert.deepEqual(unlistedBands([{ ageBands: away.last.figures }], away.last.bands), ['65+']);
    const back = type(['16-29, 30-64', '16-29, 30-64, 6', '16-29, 30-64, 65', '16-29, 30-64, 65+']);
    assert.deepEqual(back.last.figures, figures);
    assert.deepEqual(unlistedBands([{ ageBands: back.last.figures }], back.last.bands), []);
  });

  it('a rename and a band typed away in one go: each figure where the official expects it', () => {
    const { last } = type([
      '16-2, 30-64, 65+',
      '16-24, 30-64, 65+',
      '16-24, 30-64, 65',
      '16-24, 30-64, 6',
      '16-24, 30-64',
    ]);
    assert.deepEqual(last.figures, { '16-24': 1200, '30-64': 3400, '65+': 900 });
    assert.deepEqual(unlistedBands([{ ageBands: last.figures }], last.bands), ['65+']);
  });

  it('the whole field emptied and typed again loses nothing', () => {
    const { steps, last } = type(['', '1', '16', '16-29', '16-29, 30-64', '16-29, 30-64, 65+']);
    assert.deepEqual(steps[0]!.figures, figures);
    assert.deepEqual(last.figures, figures);
    // A band typed anew and typed away again leaves its figures under its own name.
    const again = type(['', '1', '16', '16-29', '16-2', '16-', '16', '1', '']);
    assert.deepEqual(again.last.figures, figures);
  });

  it('a band half typed away, then all of it, keeps its figures under the name it began with', () => {
    const gone = type(['16-2, 30-64, 65+', '1, 30-64, 65+', '30-64, 65+']);
    assert.deepEqual(gone.last.figures, figures);
  });

  it('two bands renamed in one go each keep their own figures', () => {
    assert.deepEqual(type(['16-24, 25-64, 65+']).last.figures, {
      '16-24': 1200,
      '25-64': 3400,
      '65+': 900,
    });
  });

  it('a band moved or added keeps every figure by name', () => {
    assert.deepEqual(type(['65+, 16-29, 30-64']).last.figures, figures);
    assert.deepEqual(type(['16-29, 18-24, 30-64, 65+']).last.figures, figures);
  });

  it('a rename onto a name with kept figures brings those back and keeps the others', () => {
    const kept = { ...figures, '18-24': 700 };
    assert.deepEqual(carryFigures(kept, listed, ['18-24', '30-64', '65+']).figures, kept);
  });

  it('no figures stay no figures', () => {
    assert.equal(carryFigures(undefined, listed, ['16-24']).figures, undefined);
    assert.equal(carryFigures(null, listed, ['16-24']).figures, null);
  });

  it("what is saved leaves kept figures out and passes core's schema", () => {
    const round = roundDocumentSchema.parse({
      slug: 'x',
      title: 'X',
      budget: 1000,
      phases: [{ kind: 'voting', start: '2027-01-01T00:00:00Z', end: '2027-01-02T00:00:00Z' }],
      districts: [
        { slug: 'noord', name: 'Noord', budget: 600, ageBands: figures },
        { slug: 'zuid', name: 'Zuid', budget: 400 },
      ],
      voting: { askAgeBand: true, ageBands: listed },
    });
    const edited = structuredClone(round);
    edited.voting.ageBands = ['16-29', '65+'];
    edited.districts[0]!.ageBands = carryFigures(figures, listed, edited.voting.ageBands).figures;
    assert.equal(roundDocumentSchema.safeParse(edited).success, false);
    const saved = withoutUnlistedFigures(edited);
    assert.deepEqual(saved.districts[0]!.ageBands, { '16-29': 1200, '65+': 900 });
    assert.equal(saved.districts[1]!.ageBands, undefined);
    assert.ok(roundDocumentSchema.safeParse(saved).success);
    // The editor's own state is left as it was, kept figures and all.
    assert.deepEqual(edited.districts[0]!.ageBands, figures);
    assert.equal(withoutUnlistedFigures(round), round);
  });
});
