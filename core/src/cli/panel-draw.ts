#!/usr/bin/env node
/**
 * npm run --silent panel-draw -- <draw.json | https://…/panel/draw.json> [--json]
 *
 * Redoes a citizens' panel draw from its published file and says whether it gives the published
 * selection. Exit status 0: it does; 1: it does not, or the file is not a draw file; 2: usage.
 */
import { readFileSync } from 'node:fs';
import { checkPanelDraw } from '../panel/index.js';
import { panelDrawFileSchema } from '../schemas/panel.js';

class UsageError extends Error {}

const USAGE = `usage: npm run --silent panel-draw -- <draw.json | URL> [--json]
  Recomputes the draw from the file's input and compares it with the file's output.
  --json   one JSON object on stdout`;

async function readSource(source: string): Promise<string> {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source);
    if (!response.ok) throw new UsageError(`${source} answered ${response.status}`);
    return response.text();
  }
  try {
    return readFileSync(source, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${source}${code ? ` (${code})` : ''}`);
  }
}

const label = (stratum: Record<string, string>) =>
  Object.values(stratum)
    .map((value) => value || '(none)')
    .join(' / ') || '(everyone)';

async function main(argv: string[]): Promise<number> {
  const flags = argv.filter((arg) => arg.startsWith('--'));
  const rest = argv.filter((arg) => !arg.startsWith('--'));
  if (flags.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const unknown = flags.find((flag) => flag !== '--json');
  if (unknown) throw new UsageError(`unknown option ${unknown}`);
  if (rest.length !== 1) throw new UsageError('give one draw file or address');
  const text = await readSource(rest[0] as string);
  let check;
  try {
    check = checkPanelDraw(text);
  } catch (e) {
    if (e instanceof SyntaxError) throw new DrawFileError(`not JSON: ${e.message}`);
    const issues = (e as { issues?: unknown } | null)?.issues;
    if (Array.isArray(issues)) {
      throw new DrawFileError(
        `not a draw file: ${(issues as Array<{ path: PropertyKey[]; message: string }>)
          .slice(0, 5)
          .map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`)
          .join('; ')}`
      );
    }
    throw e;
  }
  const file = panelDrawFileSchema.parse(JSON.parse(text));
  if (flags.includes('--json')) {
    process.stdout.write(
      `${JSON.stringify({
        matches: check.matches,
        differences: check.differences,
        sha256: check.sha256,
        poolSha256: check.poolSha256,
        round: file.round,
        seed: file.input.seed,
        seats: file.input.seats,
        selected: check.recomputed.selected,
        reserves: check.recomputed.reserves,
        strata: check.recomputed.strata,
      })}\n`
    );
  } else {
    const out: string[] = [];
    out.push(`draw of round ${file.round}, ${file.drawnAt}, ${file.algorithm}`);
    out.push(`file sha256: ${check.sha256}`);
    out.push(`pool sha256: ${check.poolSha256}`);
    out.push(
      `seed ${JSON.stringify(file.input.seed)}, ${file.input.seats} seats, ${file.input.candidates.length} candidates`
    );
    const rows = check.recomputed.strata.map((s) => [
      label(s.stratum),
      String(s.target),
      String(s.available),
      String(s.selected),
    ]);
    const head = ['stratum', 'target', 'available', 'selected'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const render = (r: string[]) =>
      r
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
        .join('  ');
    out.push(
      '',
      render(head),
      widths.map((w) => '-'.repeat(w)).join('  '),
      ...rows.map(render),
      ''
    );
    out.push(`selected: ${check.recomputed.selected.join(' ')}`);
    out.push(
      check.matches
        ? 'OK: the recomputed draw equals the published one.'
        : `MISMATCH: the published ${check.differences.join(', ')} differ from the recomputed draw.`
    );
    process.stdout.write(`${out.join('\n')}\n`);
  }
  return check.matches ? 0 : 1;
}

class DrawFileError extends Error {}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`panel-draw: ${e.message}\n${USAGE}\n`);
      process.exitCode = 2;
    } else if (e instanceof DrawFileError) {
      process.stderr.write(`panel-draw: ${e.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(
        `panel-draw: internal error: ${e instanceof Error ? e.message : String(e)}\n`
      );
      process.exitCode = 70;
    }
  }
);
