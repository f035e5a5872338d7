// Builds the eval page (scripts/eval/page) with the bench page's settings (scripts/bench/vite.bench.config.ts: the
// app's modules bundled as the app's vite.config.ts gives them, pdf.js assets, ES workers), into its own folder.
import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vite';
import bench from '../bench/vite.bench.config';

const outDir = process.env.DOCENT_EVAL_DIST ?? fileURLToPath(new URL('../../node_modules/.cache/docent-eval/dist', import.meta.url));

export default mergeConfig(bench, { root: fileURLToPath(new URL('./page', import.meta.url)), build: { outDir } });
