import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { count, countInWorker, electionFromPabulib, Rational } from '../src/counting/index.js';
import { parsePabulib } from '../src/pabulib/index.js';
import { sharedDir, sorted } from './helpers.js';

describe('countInWorker', () => {
  it('gives the official Świecie 2023 result off the main thread, which stays responsive', async () => {
    const text = readFileSync(join(sharedDir, 'Poland_Swiecie_2023.pb'), 'utf8');
    const expected = JSON.parse(
      readFileSync(join(sharedDir, 'Poland_Swiecie_2023.expected.json'), 'utf8')
    ) as {
      file_selected: string[];
    };
    let ticks = 0;
    let maxGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
      ticks++;
    }, 5);
    const outcome = await countInWorker(
      { pabulib: text },
      { rule: 'mes', sat: 'cost', completion: 'add1', tieBreak: 'id' }
    );
    clearInterval(timer);
    assert.deepEqual(sorted(outcome.selected), sorted(expected.file_selected));
    const direct = count(electionFromPabulib(parsePabulib(text)), {
      rule: 'mes',
      sat: 'cost',
      completion: 'add1',
      tieBreak: 'id',
    });
    assert.deepEqual(outcome.projects, direct.projects);
    assert.ok(ticks > 0, 'the main thread never ran a timer while the worker counted');
    assert.ok(maxGap < 1000, `main thread blocked for ${maxGap} ms`);
  });
  it('accepts elections built in code, exact fractions included', async () => {
    const outcome = await countInWorker(
      {
        election: {
          budget: Rational.of(1n, 3n),
          projects: [{ id: 'a', cost: '1/3' }],
          ballots: [{ projects: ['a'] }],
        },
      },
      { rule: 'mes' }
    );
    assert.deepEqual(outcome.selected, ['a']);
  });
  it('rejects a malformed file with the reader error', async () => {
    await assert.rejects(countInWorker({ pabulib: 'META\nkey;value\n' }, { rule: 'greedy' }), {
      name: 'PabulibError',
      message: /^line 3: expected/,
    });
  });
  it('can be aborted', async () => {
    const controller = new AbortController();
    const text = readFileSync(join(sharedDir, 'Poland_Warszawa_2023_Mokotow.pb'), 'utf8');
    const pending = countInWorker(
      { pabulib: text },
      { rule: 'mes', completion: 'add1' },
      { signal: controller.signal }
    );
    setTimeout(() => controller.abort(new Error('stop')), 50);
    await assert.rejects(pending, { message: 'stop' });
  });
});
