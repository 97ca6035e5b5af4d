/**
 * npm run bench:panel: time of a citizens' panel draw (core's drawPanel) and of checking its
 * published file (checkPanelDraw), from 1,000 to 100,000 candidates in 32 groups, 150 seats, and
 * the draw file's size. Target: a draw of 100,000 candidates within 2 s, its check within 10 s.
 */
import { cpus, loadavg } from 'node:os';
import { checkPanelDraw, drawPanel, PANEL_ALGORITHM } from '../../core/src/index.js';

const DISTRICTS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const BANDS = ['16-24', '25-44', '45-64', '65+'];
const TARGET_DRAW_MS = 2000;
const TARGET_CHECK_MS = 10_000;

console.log(
  `panel draw, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}, 32 groups, 150 seats`
);
console.log('candidates  draw ms  check ms  file kB');
let within = true;
for (const n of [1000, 10_000, 100_000]) {
  const candidates = Array.from({ length: n }, (_, i) => ({
    id: `${((i * 2654435761) % 2 ** 32).toString(16).padStart(8, '0')}${i}`,
    strata: { district: DISTRICTS[i % 8]!, ageBand: BANDS[(i >> 3) % 4]! },
  }));
  const input = {
    seed: 'bench 2027',
    seats: 150,
    stratifyBy: ['district', 'ageBand'],
    candidates,
    targets: null,
  };
  const started = performance.now();
  const output = drawPanel(input);
  const drawMs = performance.now() - started;
  const text = JSON.stringify({
    format: 'begroot-panel-draw',
    algorithm: PANEL_ALGORITHM,
    round: 'bench',
    drawnAt: new Date(0).toISOString(),
    input,
    output,
  });
  const checkStarted = performance.now();
  const check = checkPanelDraw(text);
  const checkMs = performance.now() - checkStarted;
  if (!check.matches) throw new Error('the check disagrees with the draw');
  console.log(
    `${String(n).padStart(10)}  ${drawMs.toFixed(0).padStart(7)}  ${checkMs.toFixed(0).padStart(8)}  ${(text.length / 1024).toFixed(0).padStart(7)}`
  );
  if (n === 100_000) within = drawMs <= TARGET_DRAW_MS && checkMs <= TARGET_CHECK_MS;
}
console.log(
  `target: 100,000 candidates drawn within ${TARGET_DRAW_MS} ms and checked within ${TARGET_CHECK_MS} ms: ${within ? 'met' : 'NOT met'}`
);
