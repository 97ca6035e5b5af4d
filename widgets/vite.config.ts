import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/** Prints each file's gzip size after the build: the loader and every lazily loaded chunk. */
function gzipReport(): Plugin {
  return {
    name: 'begroot-gzip-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const rows = Object.values(bundle)
        .filter((file) => file.type === 'chunk')
        .map((file) => ({
          file: file.fileName,
          raw: Buffer.byteLength(file.code),
          gzip: gzipSync(file.code, { level: 9 }).length,
        }));
      const kB = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;
      const width = Math.max(...rows.map((row) => row.file.length));
      console.log('\nBegroot widgets (gzip):');
      for (const row of rows) {
        console.log(
          `  ${row.file.padEnd(width)}  ${kB(row.gzip).padStart(9)}  (${kB(row.raw)} raw)`
        );
      }
      const total = rows.reduce((sum, row) => sum + row.gzip, 0);
      console.log(`  ${'all files'.padEnd(width)}  ${kB(total).padStart(9)}\n`);

      // What a page downloads: the loader, its widgets' chunks and every chunk they import
      // statically (Dutch; an English page adds the English texts, loaded on demand).
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const gzipOf = new Map(rows.map((row) => [row.file, row.gzip]));
      const widget = (tag: string) =>
        chunks.find((chunk) => chunk.facadeModuleId?.endsWith(`define/${tag}.ts`))?.fileName;
      const page = (tags: string[]) => {
        const seen = new Set<string>();
        const stack = ['begroot.js', ...tags.map(widget).filter((f): f is string => !!f)];
        while (stack.length > 0) {
          const name = stack.pop()!;
          if (seen.has(name)) continue;
          seen.add(name);
          stack.push(...(byName.get(name)?.imports ?? []));
        }
        return [...seen].reduce((sum, name) => sum + (gzipOf.get(name) ?? 0), 0);
      };
      const pages: [string, string[]][] = [
        ['budget meter', ['begroot-budget-meter']],
        ['proposal form', ['begroot-proposal-form']],
        ['deliberation board', ['begroot-deliberation-board']],
        ['ballot page (ballot + meter)', ['begroot-vote-ballot', 'begroot-budget-meter']],
        [
          'all four widgets',
          [
            'begroot-budget-meter',
            'begroot-proposal-form',
            'begroot-deliberation-board',
            'begroot-vote-ballot',
          ],
        ],
      ];
      console.log('Per page (loader + widgets + their static imports, Dutch):');
      for (const [name, tags] of pages) {
        console.log(`  ${name.padEnd(width)}  ${kB(page(tags)).padStart(9)}`);
      }
      console.log('');
    },
  };
}

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
        chunkFileNames: '[name]-[hash].js',
      },
    },
  },
  plugins: [minifyLitCss(), gzipReport()],
});
