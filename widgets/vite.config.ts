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
        chunkFileNames: '[name]-[hash].js',
      },
    },
  },
  plugins: [minifyLitCss()],
});
