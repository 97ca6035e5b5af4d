import ts from 'typescript';
import { defineConfig, type Plugin } from 'vite';

/**
 * Minifies the CSS in Lit's css`…` templates of `*.styles.ts` files (the JS minifier leaves
 * template strings alone): drops comments and the whitespace that has no meaning. Templates with
 * `${…}` interpolations are left as they are.
 */
export function minifyCssTemplate(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/\(\s+/g, '(')
    .replace(/\s+\)/g, ')')
    .replace(/;}/g, '}')
    .trim();
}

function minifyLitCss(): Plugin {
  return {
    name: 'begroot-minify-lit-css',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return null;
      return code.replace(/css`([^`]*)`/g, (whole, text: string) =>
        text.includes('${') ? whole : `css\`${minifyCssTemplate(text)}\``
      );
    },
  };
}

/**
 * Drops the indentation in Lit's html`…` templates (the JS minifier keeps template strings as
 * written): the spaces around each line break go, the line break stays (so lines keep their
 * numbers for the source maps). HTML renders it the same outside `<pre>` and `white-space: pre`
 * (no template of ours puts fixed text there). Only the static parts of templates tagged `html`
 * change, found with TypeScript's parser, so strings, regular expressions and `${…}` expressions
 * are left exactly as they are.
 */
export function collapseHtmlTemplates(code: string, fileName = 'module.ts'): string {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === 'html') {
      const template = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      for (const part of parts) {
        // Between the opening ` or } and the closing ` or ${.
        const start = part.getStart(source) + 1;
        const closesTemplate = ts.isNoSubstitutionTemplateLiteral(part) || ts.isTemplateTail(part);
        const end = part.getEnd() - (closesTemplate ? 1 : 2);
        const raw = code.slice(start, end);
        if (raw.includes('\\\n')) continue; // a line continuation: leave it alone
        const text = raw.replace(/[^\S\n]*\n[^\S\n]*/g, '\n');
        if (text !== raw) edits.push({ start, end, text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  }
  return out;
}

function collapseLitHtml(): Plugin {
  return {
    name: 'begroot-collapse-lit-html',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/widgets\/src\/.*\.ts$/.test(id) || !code.includes('html`')) return null;
      // Lines stay where they were, so the incoming source map still holds.
      return { code: collapseHtmlTemplates(code, id), map: null };
    },
  };
}

// Sizes: `npm run bench:widgets` prints each widget's gzip size and the pages' totals.
// A library build of one entry, the loader (dist/begroot.js); each widget's definition is a
// dynamic import, so it becomes its own chunk beside the loader. Imports between the files are
// relative, so the folder works from any path (the CMS plugin serves it at /begroot/widgets/).
export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    copyPublicDir: false,
    lib: {
      entry: { begroot: 'src/loader.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      output: {
        minify: true,
        // Pure annotations have done their work by now; licence comments stay.
        comments: { legal: true, annotation: false, jsdoc: false },
        chunkFileNames: '[name]-[hash].js',
      },
    },
  },
  plugins: [minifyLitCss(), collapseLitHtml()],
});
