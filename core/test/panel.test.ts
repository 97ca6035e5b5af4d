import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  checkPanelDraw,
  drawPanel,
  largestRemainder,
  PANEL_ALGORITHM,
  panelDrawInputSchema,
  panelShuffle,
  SeededStream,
  sha256Hex,
  type PanelCandidate,
  type PanelDrawFile,
  type PanelDrawInput,
} from '../src/index.js';
import { repoRoot } from './helpers.js';

const DISTRICTS = ['noord', 'oost', 'zuid', 'west'];
const BANDS = ['16-24', '25-44', '45-64', '65+'];

/** `n` candidates spread over districts and age bands by a fixed pattern. */
function candidates(n: number, districts = DISTRICTS, bands = BANDS): PanelCandidate[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `k${String(i).padStart(4, '0')}`,
    strata: {
      district: districts[i % districts.length] as string,
      ageBand: bands[Math.floor(i / districts.length) % bands.length] as string,
    },
  }));
}

const base = (overrides: Partial<PanelDrawInput> = {}): PanelDrawInput => ({
  seed: '2027-03-14 lottery 48213',
  seats: 12,
  stratifyBy: ['district', 'ageBand'],
  candidates: candidates(200),
  targets: null,
  ...overrides,
});

const byStratum = (out: ReturnType<typeof drawPanel>) =>
  Object.fromEntries(out.strata.map((s) => [Object.values(s.stratum).join('/'), s]));

describe('SHA-256 in core', () => {
  it('matches the FIPS 180-4 examples and node:crypto on many inputs', () => {
    assert.equal(
      sha256Hex('abc'),
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    );
    assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (let length = 0; length < 300; length += 7) {
      const text = 'zé😀'.repeat(length).slice(0, length);
      assert.equal(sha256Hex(text), crypto.createHash('sha256').update(text).digest('hex'));
    }
  });
});

describe('seeded stream', () => {
  it('gives the same numbers for the same seed, others for another, all in range', () => {
    const a = SeededStream.for('seed', 'shuffle', '["oost"]');
    const b = SeededStream.for('seed', 'shuffle', '["oost"]');
    const c = SeededStream.for('seed!', 'shuffle', '["oost"]');
    const xs = Array.from({ length: 50 }, () => a.below(7));
    assert.deepEqual(
      xs,
      Array.from({ length: 50 }, () => b.below(7))
    );
    assert.notDeepEqual(
      xs,
      Array.from({ length: 50 }, () => c.below(7))
    );
    assert.ok(xs.every((x) => Number.isInteger(x) && x >= 0 && x < 7));
    assert.throws(() => a.below(0), RangeError);
  });

  it('block 0 is SHA-256 of the documented text', () => {
    const stream = SeededStream.for('s', 'shuffle', 'k');
    const digest = crypto
      .createHash('sha256')
      .update(`${PANEL_ALGORITHM}\nshuffle\ns\nk\n0`)
      .digest();
    assert.equal(stream.nextUint32(), digest.readUInt32BE(0));
    assert.equal(stream.nextUint32(), digest.readUInt32BE(4));
  });

  it('shuffles without a visible bias (each item first about equally often)', () => {
    const firsts = new Map<string, number>();
    for (let i = 0; i < 4000; i++) {
      const [first] = panelShuffle(['a', 'b', 'c', 'd', 'e'], SeededStream.for(`s${i}`, 'x', ''));
      firsts.set(first!, (firsts.get(first!) ?? 0) + 1);
    }
    // 800 expected each; 5 standard deviations is ±126.
    for (const count of firsts.values()) assert.ok(Math.abs(count - 800) < 126, String(count));
  });
});

describe('largest remainder', () => {
  it('apportions by floors, then the largest remainders', () => {
    assert.deepEqual(largestRemainder(10, [5, 3, 2], [0, 1, 2]), [5, 3, 2]);
    // Quotas 4.7 1.6 1.5 1.2 0.7 0.3: floors give 7, remainders .7 .7 .6 take the other 3.
    assert.deepEqual(
      largestRemainder(10, [4700, 1600, 1500, 1200, 700, 300], [0, 1, 2, 3, 4, 5]),
      [5, 2, 1, 1, 1, 0]
    );
  });
  it('breaks equal remainders by the tie order', () => {
    assert.deepEqual(largestRemainder(7, [1, 1, 1], [0, 1, 2]), [3, 2, 2]);
    assert.deepEqual(largestRemainder(7, [1, 1, 1], [2, 0, 1]), [2, 2, 3]);
    assert.deepEqual(largestRemainder(8, [1, 1, 1], [1, 2, 0]), [2, 3, 3]);
  });
  it('stays exact with weights past 2^53 / seats', () => {
    const big = Number.MAX_SAFE_INTEGER;
    assert.deepEqual(largestRemainder(3, [big, big, big - 1], [0, 1, 2]), [1, 1, 1]);
    assert.deepEqual(largestRemainder(2, [big, big, big - 1], [2, 1, 0]), [1, 1, 0]);
  });
});

describe('drawPanel', () => {
  it('is a pure function of its input: the same input in another order gives the same draw', () => {
    const input = base();
    const shuffled = { ...input, candidates: [...input.candidates].reverse() };
    assert.deepEqual(drawPanel(input), drawPanel(shuffled));
    assert.notDeepEqual(drawPanel(input).selected, drawPanel({ ...input, seed: 'other' }).selected);
  });

  it('selects each stratum its share of the population when there are candidates enough', () => {
    const targets = DISTRICTS.flatMap((district, d) =>
      BANDS.map((ageBand, b) => ({
        stratum: { district, ageBand },
        weight: (d + 1) * 1000 + b * 250,
      }))
    );
    const out = drawPanel(base({ seats: 40, targets }));
    assert.equal(out.selected.length, 40);
    assert.equal(out.unfilled, 0);
    const total = targets.reduce((sum, t) => sum + t.weight, 0);
    for (const s of out.strata) {
      const weight = targets.find(
        (t) => t.stratum.district === s.stratum.district && t.stratum.ageBand === s.stratum.ageBand
      )!.weight;
      assert.equal(s.selected, s.target);
      // Largest remainder never strays a whole seat from the exact quota.
      assert.ok(Math.abs(s.target - (40 * weight) / total) < 1, JSON.stringify(s));
    }
    // Every selected and reserve candidate appears once, and together they are everyone.
    const all = [...out.selected, ...out.reserves];
    assert.equal(new Set(all).size, 200);
  });

  it('selected candidates match their strata counts', () => {
    const input = base({ seats: 30 });
    const out = drawPanel(input);
    const stratumOf = new Map(input.candidates.map((c) => [c.id, JSON.stringify(c.strata)]));
    for (const s of out.strata) {
      const key = JSON.stringify(s.stratum);
      assert.equal(out.selected.filter((id) => stratumOf.get(id) === key).length, s.selected);
    }
  });

  it('gives the seats of a stratum without candidates enough to the others, by the same rule', () => {
    const pool: PanelCandidate[] = [
      { id: 'z1', strata: { district: 'zuid' } },
      ...Array.from({ length: 20 }, (_, i) => ({ id: `n${i}`, strata: { district: 'noord' } })),
      ...Array.from({ length: 20 }, (_, i) => ({ id: `o${i}`, strata: { district: 'oost' } })),
    ];
    const out = drawPanel({
      seed: 'x',
      seats: 10,
      stratifyBy: ['district'],
      candidates: pool,
      targets: [
        { stratum: { district: 'noord' }, weight: 3 },
        { stratum: { district: 'oost' }, weight: 1 },
        { stratum: { district: 'zuid' }, weight: 4 },
        { stratum: { district: 'west' }, weight: 2 },
      ],
    });
    const s = byStratum(out);
    // Targets: 10 × 3/10, 1/10, 4/10, 2/10.
    assert.deepEqual(
      ['noord', 'oost', 'west', 'zuid'].map((d) => [s[d]!.target, s[d]!.available]),
      [
        [3, 20],
        [1, 20],
        [2, 0],
        [4, 1],
      ]
    );
    // Zuid fills 1 of 4, west (empty) none: 5 seats go to noord and oost 3:1 (3.75 → 3 + 1.25 → 1,
    // the last seat to the larger remainder, noord's .75).
    assert.equal(s['zuid']!.selected, 1);
    assert.equal(s['west']!.selected, 0);
    assert.equal(s['noord']!.selected, 7);
    assert.equal(s['oost']!.selected, 2);
    assert.equal(out.selected.length, 10);
  });

  it('fills seats from strata without a target only when the weighted ones run out', () => {
    const pool: PanelCandidate[] = [
      ...Array.from({ length: 3 }, (_, i) => ({ id: `n${i}`, strata: { district: 'noord' } })),
      ...Array.from({ length: 5 }, (_, i) => ({ id: `x${i}`, strata: { district: '' } })),
    ];
    const input = {
      seed: 'x',
      seats: 2,
      stratifyBy: ['district'],
      candidates: pool,
      targets: [{ stratum: { district: 'noord' }, weight: 100 }],
    };
    assert.ok(drawPanel(input).selected.every((id) => id.startsWith('n')));
    const more = drawPanel({ ...input, seats: 5 });
    assert.equal(more.selected.filter((id) => id.startsWith('n')).length, 3);
    assert.equal(more.selected.filter((id) => id.startsWith('x')).length, 2);
    assert.equal(byStratum(more)['']!.target, 0);
  });

  it('selects everyone when there are fewer candidates than seats, and nobody from nobody', () => {
    const few = drawPanel(base({ seats: 50, candidates: candidates(7) }));
    assert.equal(few.selected.length, 7);
    assert.equal(few.unfilled, 43);
    assert.deepEqual(few.reserves, []);
    const none = drawPanel(base({ seats: 5, candidates: [] }));
    assert.deepEqual(none.selected, []);
    assert.equal(none.unfilled, 5);
    assert.deepEqual(none.strata, []);
  });

  it('without strata is a simple draw', () => {
    const pool = Array.from({ length: 9 }, (_, i) => ({ id: `p${i}`, strata: {} }));
    const out = drawPanel({ seed: 's', seats: 4, stratifyBy: [], candidates: pool, targets: null });
    assert.equal(out.selected.length, 4);
    assert.equal(out.reserves.length, 5);
    assert.deepEqual(out.strata, [
      { stratum: {}, weight: 9, target: 4, available: 9, selected: 4 },
    ]);
  });

  it('breaks ties between equal strata by the seeded order, not by name', () => {
    const pool = ['a', 'b', 'c'].flatMap((d) =>
      Array.from({ length: 3 }, (_, i) => ({ id: `${d}${i}`, strata: { district: d } }))
    );
    const winners = new Set<string>();
    for (const seed of ['1', '2', '3', '4', '5', '6', '7', '8']) {
      const out = drawPanel({
        seed,
        seats: 1,
        stratifyBy: ['district'],
        candidates: pool,
        targets: null,
      });
      winners.add(out.strata.find((s) => s.selected === 1)!.stratum.district!);
    }
    assert.ok(winners.size > 1, 'the same stratum won every tie');
  });

  it('refuses input the schema refuses', () => {
    const dup = base({ candidates: [...candidates(2), ...candidates(1)] });
    assert.throws(() => drawPanel(dup), /once/);
    const missing = base({ candidates: [{ id: 'a', strata: { district: 'noord' } }] });
    assert.equal(panelDrawInputSchema.safeParse(missing).success, false);
    const twice = base({
      targets: [
        { stratum: { district: 'noord', ageBand: '65+' }, weight: 1 },
        { stratum: { ageBand: '65+', district: 'noord' }, weight: 2 },
      ],
    });
    assert.equal(panelDrawInputSchema.safeParse(twice).success, false);
    assert.equal(panelDrawInputSchema.safeParse(base({ seats: 0 })).success, false);
  });

  it('gives the golden draw (fixed for every machine and every future version of this algorithm)', () => {
    const out = drawPanel(
      base({
        seats: 8,
        candidates: candidates(40),
        targets: [
          { stratum: { district: 'noord', ageBand: '16-24' }, weight: 1200 },
          { stratum: { district: 'noord', ageBand: '65+' }, weight: 800 },
          { stratum: { district: 'oost', ageBand: '25-44' }, weight: 2100 },
          { stratum: { district: 'zuid', ageBand: '45-64' }, weight: 1700 },
          { stratum: { district: 'west', ageBand: '65+' }, weight: 900 },
          { stratum: { district: 'west', ageBand: '16-24' }, weight: 1300 },
        ],
      })
    );
    assert.deepEqual(out.selected, GOLDEN.selected);
    assert.deepEqual(out.reserves.slice(0, 10), GOLDEN.firstReserves);
    assert.deepEqual(
      out.strata.map((s) => [
        s.stratum.district,
        s.stratum.ageBand,
        s.target,
        s.available,
        s.selected,
      ]),
      GOLDEN.strata
    );
  });
});

/**
 * Targets by hand: 8 seats over weights 1200 800 2100 1700 900 1300 (of 8000) are quotas 1.2 0.8
 * 2.1 1.7 0.9 1.3; floors give 5 seats, the remainders .9 .8 .7 the other 3. Strata without a
 * target weigh 0 and get none. The ids follow from SHA-256 of the seed: any change is a new version.
 */
const GOLDEN = {
  selected: ['k0000', 'k0028', 'k0021', 'k0005', 'k0019', 'k0031', 'k0026', 'k0010'],
  firstReserves: [
    'k0032',
    'k0020',
    'k0024',
    'k0012',
    'k0001',
    'k0037',
    'k0025',
    'k0013',
    'k0003',
    'k0023',
  ],
  strata: [
    ['noord', '16-24', 1, 3, 1],
    ['noord', '25-44', 0, 3, 0],
    ['noord', '45-64', 0, 2, 0],
    ['noord', '65+', 1, 2, 1],
    ['oost', '16-24', 0, 3, 0],
    ['oost', '25-44', 2, 3, 2],
    ['oost', '45-64', 0, 2, 0],
    ['oost', '65+', 0, 2, 0],
    ['west', '16-24', 1, 3, 1],
    ['west', '25-44', 0, 3, 0],
    ['west', '45-64', 0, 2, 0],
    ['west', '65+', 1, 2, 1],
    ['zuid', '16-24', 0, 3, 0],
    ['zuid', '25-44', 0, 3, 0],
    ['zuid', '45-64', 2, 2, 2],
    ['zuid', '65+', 0, 2, 0],
  ],
};

function drawFile(input: PanelDrawInput): PanelDrawFile {
  return {
    format: 'begroot-panel-draw',
    algorithm: PANEL_ALGORITHM,
    round: 'proef-2027',
    drawnAt: '2027-03-14T10:00:00.000Z',
    input,
    output: drawPanel(input),
  };
}

describe('checking a published draw', () => {
  it('recomputes a faithful file and spots a changed selection', () => {
    const file = drawFile(base());
    const text = JSON.stringify(file);
    const check = checkPanelDraw(text);
    assert.equal(check.matches, true);
    assert.equal(check.sha256, crypto.createHash('sha256').update(text).digest('hex'));

    const forged = structuredClone(file);
    forged.output.selected[0] = forged.output.reserves[0]!;
    assert.deepEqual(checkPanelDraw(JSON.stringify(forged)).differences, ['selected']);
    const reseeded = structuredClone(file);
    reseeded.input.seed = 'another seed';
    assert.equal(checkPanelDraw(JSON.stringify(reseeded)).matches, false);
  });

  const cli = (args: string[]) =>
    spawnSync(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'core/src/cli/panel-draw.ts'), ...args],
      {
        cwd: repoRoot,
        encoding: 'utf8',
      }
    );

  it('the CLI says OK for a faithful file, MISMATCH (exit 1) for a forged one, 2 for bad usage', () => {
    const dir = mkdtempSync(join(tmpdir(), 'panel-draw-'));
    const good = join(dir, 'draw.json');
    const text = JSON.stringify(drawFile(base()));
    writeFileSync(good, text);
    const ok = cli([good]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /OK: the recomputed draw equals the published one/);
    assert.ok(ok.stdout.includes(sha256Hex(text)));

    const json = cli([good, '--json']);
    assert.equal(json.status, 0, json.stderr);
    const parsed = JSON.parse(json.stdout) as { matches: boolean; selected: string[] };
    assert.equal(parsed.matches, true);
    assert.equal(parsed.selected.length, 12);

    const forged = drawFile(base());
    forged.output.strata[0]!.selected += 1;
    const bad = join(dir, 'forged.json');
    writeFileSync(bad, JSON.stringify(forged));
    const mismatch = cli([bad]);
    assert.equal(mismatch.status, 1);
    assert.match(mismatch.stdout, /MISMATCH: the published strata\[0\]\.selected differ/);

    writeFileSync(join(dir, 'junk.json'), '{"format":"x"}');
    const junk = cli([join(dir, 'junk.json')]);
    assert.equal(junk.status, 1);
    assert.match(junk.stderr, /not a draw file/);
    assert.equal(cli([]).status, 2);
    assert.equal(cli([good, '--fast']).status, 2);
  });
});
