/**
 * The floor under the widgets' size targets: what the parts the brief prescribes cost before any
 * widget code, built the way the widgets are built (vite, minified, gzip level 9, one file each).
 *
 * - Lit 3 (LitElement, html, css) with `@lit/context` (a provider and a consumer);
 * - plus zod/mini with core's light response schemas (round, proposals, Strapi's error), what
 *   every widget checks the API's answers with;
 * - plus core's input schemas the proposal form and deliberation board validate with before
 *   sending (the issue asks for "the same core schema"): widgets share one zod copy, and a bundler
 *   splits chunks by module, not by function, so the zod parts those schemas use (e-mail, dates,
 *   pipes, defaults, refinements) sit in the shared chunk every page loads.
 *
 * Used by test/bench/widgets.ts; each part is a tiny entry that really uses what it imports (an
 * element is defined, a value parsed), so nothing is tree-shaken away.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const LIT = `
import { LitElement, css, html } from 'lit';
import { ContextConsumer, ContextProvider, createContext } from '@lit/context';
const key = createContext(Symbol.for('floor'));
class FloorElement extends LitElement {
  static styles = css\`:host{display:block}\`;
  static properties = { value: {} };
  provider = new ContextProvider(this, { context: key, initialValue: 1 });
  consumer = new ContextConsumer(this, { context: key, subscribe: true });
  render() { return html\`<p>\${this.value}</p>\`; }
}
customElements.define('floor-element', FloorElement);
`;

const PAGE_SCHEMAS = `
import {
  lightErrorResponseSchema,
  lightProposalPublicViewSchema,
  lightRoundPublicViewSchema,
} from '@begroot/core';
const input = JSON.parse(document.body.dataset.floor ?? '{}');
globalThis.floor = [
  lightRoundPublicViewSchema.safeParse(input),
  lightProposalPublicViewSchema.safeParse(input),
  lightErrorResponseSchema.safeParse(input),
];
`;

/** In a chunk of its own, as the form's and board's schemas are: only its zod share is counted. */
const FORM_SCHEMAS = `
globalThis.floorForms = import('./forms.ts');
`;

const FORMS_MODULE = `
import { argumentInputSchema, imageUploadFieldsSchema, proposalInputSchema } from '@begroot/core';
export const results = [
  proposalInputSchema.safeParse(globalThis.floor),
  argumentInputSchema.safeParse(globalThis.floor),
  imageUploadFieldsSchema.safeParse(globalThis.floor),
];
`;

export interface Floor {
  /** Lit + @lit/context. */
  lit: number;
  /** … + zod/mini with the light response schemas. */
  litZod: number;
  /** … + the zod parts the form's and board's input schemas need (in their chunk of their own). */
  litZodForms: number;
}

/** The gzip size of the entry chunk and the chunks it imports statically (not dynamic ones). */
async function gzipOfEntry(widgetsDir: string, source: string): Promise<number> {
  // Inside widgets/ so that 'lit', '@lit/context' and '@begroot/core' resolve as for the widgets.
  const dir = fs.mkdtempSync(path.join(widgetsDir, '.floor-'));
  try {
    const entry = path.join(dir, 'entry.ts');
    fs.writeFileSync(entry, source);
    fs.writeFileSync(path.join(dir, 'forms.ts'), FORMS_MODULE);
    const result = await build({
      configFile: false,
      root: widgetsDir,
      logLevel: 'silent',
      build: {
        write: false,
        target: 'es2022',
        minify: true,
        lib: { entry, formats: ['es'], fileName: () => 'entry.js' },
        rolldownOptions: { output: { comments: { legal: true, annotation: false, jsdoc: false } } },
      },
    });
    const outputs = Array.isArray(result) ? result : [result];
    const chunks = new Map<string, { code: string; imports: string[]; isEntry: boolean }>();
    for (const output of outputs) {
      if (!('output' in output)) throw new Error('Unexpected watcher from vite build');
      for (const file of output.output) {
        if (file.type === 'chunk') chunks.set(file.fileName, file);
      }
    }
    const seen = new Set<string>();
    const stack = [...chunks.entries()].filter(([, c]) => c.isEntry).map(([name]) => name);
    let total = 0;
    while (stack.length > 0) {
      const name = stack.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      const chunk = chunks.get(name)!;
      total += gzipSync(chunk.code, { level: 9 }).length;
      stack.push(...chunk.imports);
    }
    return total;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureFloor(widgetsDir: string): Promise<Floor> {
  return {
    lit: await gzipOfEntry(widgetsDir, LIT),
    litZod: await gzipOfEntry(widgetsDir, LIT + PAGE_SCHEMAS),
    litZodForms: await gzipOfEntry(widgetsDir, LIT + PAGE_SCHEMAS + FORM_SCHEMAS),
  };
}
