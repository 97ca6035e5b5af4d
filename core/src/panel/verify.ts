import { isDeepStrictEqual } from './equal.js';
import { panelDrawFileSchema, type PanelDrawFile, type PanelDrawOutput } from '../schemas/panel.js';
import { drawPanel } from './draw.js';
import { sha256Hex } from './sha256.js';

export type PanelDrawCheck = {
  /** True when the recomputed output equals the published one in every part. */
  matches: boolean;
  /** The parts that differ, in words (`selected`, `reserves`, `strata[2].selected`, …). */
  differences: string[];
  recomputed: PanelDrawOutput;
  /** SHA-256 of the file's text as published: compare with the hash the round's page shows. */
  sha256: string;
  /** SHA-256 of the file's `input.candidates` as JSON: the pool hash the round's page showed. */
  poolSha256: string;
};

/** The pool hash: SHA-256 of the JSON array of candidates (as in a draw file's input). */
export function panelPoolHash(candidates: PanelDrawFile['input']['candidates']): string {
  return sha256Hex(JSON.stringify(candidates));
}

/**
 * Redoes a published draw from its input and compares it with its output. `text` is the file as
 * downloaded; a file that is not a draw file throws a zod error.
 */
export function checkPanelDraw(text: string): PanelDrawCheck {
  const file: PanelDrawFile = panelDrawFileSchema.parse(JSON.parse(text));
  const recomputed = drawPanel(file.input);
  const published = file.output;
  const differences: string[] = [];
  for (const part of ['selected', 'reserves', 'unfilled'] as const) {
    if (!isDeepStrictEqual(recomputed[part], published[part])) differences.push(part);
  }
  if (recomputed.strata.length !== published.strata.length) differences.push('strata');
  else {
    recomputed.strata.forEach((stratum, i) => {
      const other = published.strata[i];
      for (const field of ['stratum', 'weight', 'target', 'available', 'selected'] as const) {
        if (!isDeepStrictEqual(stratum[field], other?.[field]))
          differences.push(`strata[${i}].${field}`);
      }
    });
  }
  return {
    matches: differences.length === 0,
    differences,
    recomputed,
    sha256: sha256Hex(text),
    poolSha256: panelPoolHash(file.input.candidates),
  };
}
