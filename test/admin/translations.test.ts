/** Every text of the admin pages exists in Dutch and English. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  COMPLETIONS,
  OPTIONAL_PROPOSAL_FIELDS,
  PHASE_KINDS,
  PROPOSAL_STATUSES,
  SATISFACTIONS,
  TIE_BREAKS,
  VERIFICATION_METHODS,
  VOTING_METHODS,
} from '@begroot/core';
import { TEMPLATES } from '../../cms-plugin/admin/src/lib/templates.ts';
import { WIDGETS } from '../../cms-plugin/admin/src/lib/embed.ts';

const src = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../cms-plugin/admin/src'
);
const load = (locale: string): Record<string, string> =>
  JSON.parse(fs.readFileSync(path.join(src, 'translations', `${locale}.json`), 'utf8'));
const locales = { nl: load('nl'), en: load('en') };

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
}

describe('admin translations', () => {
  it('every message id written in the pages is translated', () => {
    const ids = new Set<string>();
    for (const text of sources(src)) {
      for (const match of text.matchAll(/\bt\(\s*'([^']+)'/g)) ids.add(match[1]!);
    }
    assert.ok(ids.size > 100, `found only ${ids.size} ids`);
    for (const id of ids) {
      for (const [locale, messages] of Object.entries(locales)) {
        assert.ok(messages[id], `${locale} lacks ${id}`);
      }
    }
  });

  it('every option, phase, status, template and widget name is translated', () => {
    const ids = [
      ...PHASE_KINDS.map((kind) => `phase.${kind}`),
      ...PROPOSAL_STATUSES.map((status) => `status.${status}`),
      ...TEMPLATES.map((kind) => `template.${kind}`),
      ...WIDGETS.map(({ tag }) => `embed.widget.${tag}`),
      ...OPTIONAL_PROPOSAL_FIELDS.map((field) => `form.field.${field}`),
      ...VOTING_METHODS.map((method) => `option.voting.method.${method}`),
      ...['own', 'any', 'all'].map((scope) => `option.voting.districtScope.${scope}`),
      ...['forbid', 'replace'].map((revote) => `option.voting.revote.${revote}`),
      ...['mes', 'greedy'].map((rule) => `option.counting.rule.${rule}`),
      ...SATISFACTIONS.map((value) => `option.counting.satisfaction.${value}`),
      ...COMPLETIONS.map((value) => `option.counting.completion.${value}`),
      ...TIE_BREAKS.map((value) => `option.counting.tieBreak.${value}`),
      ...VERIFICATION_METHODS.map((method) => `option.verification.${method}`),
      ...['decide', 'advise'].map((mode) => `option.mode.${mode}`),
      ...['nl', 'en'].map((language) => `option.language.${language}`),
      ...['for', 'against', 'question'].map((stance) => `stance.${stance}`),
      'timeline.gap',
      'timeline.overlap',
      'districts.under',
      'districts.over',
      'nav.rounds',
      'nav.review',
      'nav.moderation',
    ];
    for (const id of ids) {
      for (const [locale, messages] of Object.entries(locales)) {
        assert.ok(messages[id], `${locale} lacks ${id}`);
      }
    }
  });

  it('Dutch and English use the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
    for (const [id, text] of Object.entries(locales.en)) {
      assert.deepEqual(placeholders(locales.nl[id] ?? ''), placeholders(text), id);
    }
  });
});
