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
 * Collapses the indentation in Lit's html`…` templates (the JS minifier keeps template strings as
 * written): every run of whitespace that holds a line break becomes one space, which renders the
 * same outside `<pre>` and `white-space: pre` (no template of ours puts fixed text there). Only
 * the static parts change; `${…}` expressions, other template literals and strings are copied.
 */
export function collapseHtmlTemplates(code: string): string {
  let out = '';
  let i = 0;

  /** Copies a quoted string or a template literal starting at `i` (its quote), minifying if asked. */
  const literal = (minify: boolean) => {
    const quote = code[i]!;
    out += quote;
    i++;
    let text = '';
    const flush = () => {
      out += minify ? text.replace(/\s*\n\s*/g, ' ') : text;
      text = '';
    };
    while (i < code.length) {
      const char = code[i]!;
      if (char === '\\') {
        text += char + (code[i + 1] ?? '');
        i += 2;
      } else if (char === quote) {
        flush();
        out += char;
        i++;
        return;
      } else if (quote === '`' && char === '$' && code[i + 1] === '{') {
        flush();
        out += '${';
        i += 2;
        expression();
      } else {
        text += char;
        i++;
      }
    }
    flush();
  };

  /** Copies JavaScript up to the `}` that closes the current `${`, or to the end. */
  const expression = (topLevel = false) => {
    let depth = 0;
    while (i < code.length) {
      const char = code[i]!;
      if (char === '"' || char === "'") {
        literal(false);
      } else if (char === '`') {
        literal(/\bhtml\s*$/.test(code.slice(Math.max(0, i - 8), i)));
      } else if (char === '/' && code[i + 1] === '/') {
        const end = code.indexOf('\n', i);
        const stop = end === -1 ? code.length : end;
        out += code.slice(i, stop);
        i = stop;
      } else if (char === '/' && code[i + 1] === '*') {
        const end = code.indexOf('*/', i + 2);
        const stop = end === -1 ? code.length : end + 2;
        out += code.slice(i, stop);
        i = stop;
      } else {
        if (char === '{') depth++;
        if (char === '}') {
          if (depth === 0 && !topLevel) {
            out += char;
            i++;
            return;
          }
          depth--;
        }
        out += char;
        i++;
      }
    }
  };

  expression(true);
  return out;
}

function collapseLitHtml(): Plugin {
  return {
    name: 'begroot-collapse-lit-html',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/widgets\/src\/.*\.ts$/.test(id) || !code.includes('html`')) return null;
      return collapseHtmlTemplates(code);
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
