import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { seededShuffle } from '../src/index.js';

const items = Array.from({ length: 60 }, (_, i) => `p${i}`);

describe('seededShuffle', () => {
  it('gives the same order for the same seed and keeps every item once', () => {
    const first = seededShuffle(items, 'visitor-1');
    assert.deepEqual(seededShuffle(items, 'visitor-1'), first);
    assert.deepEqual([...first].sort(), [...items].sort());
    assert.notDeepEqual(first, items);
  });

  it('gives different seeds different orders', () => {
    assert.notDeepEqual(seededShuffle(items, 'visitor-1'), seededShuffle(items, 'visitor-2'));
  });

  it('puts each item first about equally often over many seeds', () => {
    const firsts = new Map<string, number>();
    const seeds = 60_000;
    for (let s = 0; s < seeds; s++) {
      const first = seededShuffle(items, `seed-${s}`)[0]!;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    // Expected 1000 each; a fair shuffle stays well within ±20% for every item.
    for (const item of items) {
      const count = firsts.get(item) ?? 0;
      assert.ok(count > 800 && count < 1200, `${item} came first ${count} times`);
    }
  });

  it('leaves the input untouched and handles empty and single lists', () => {
    const copy = [...items];
    seededShuffle(items, 'x');
    assert.deepEqual(items, copy);
    assert.deepEqual(seededShuffle([], 'x'), []);
    assert.deepEqual(seededShuffle(['only'], 'x'), ['only']);
  });
});
