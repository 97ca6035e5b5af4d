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
  plugins: [gzipReport()],
});
