import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/** pdf.js's data folders: CMaps (CJK text), standard fonts (non-embedded fonts), wasm image decoders. */
const FOLDERS = ['cmaps', 'standard_fonts', 'wasm'];
export const PDFJS_ASSETS_PATH = 'pdfjs';

const packageRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * Serves pdf.js's data folders from the site itself, at `pdfjs/<folder>/` (in dev, and as build assets), so
 * documents that need them open offline and without requests to any CDN.
 */
export function pdfjsAssets(): Plugin {
  return {
    name: 'docent-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const match = request.url?.match(new RegExp(`/${PDFJS_ASSETS_PATH}/(${FOLDERS.join('|')})/([\\w.-]+)$`));
        if (!match) return next();
        try {
          response.end(readFileSync(join(packageRoot, match[1], match[2])));
        } catch {
          next();
        }
      });
    },
    generateBundle() {
      for (const folder of FOLDERS) {
        for (const file of readdirSync(join(packageRoot, folder))) {
          this.emitFile({ type: 'asset', fileName: `${PDFJS_ASSETS_PATH}/${folder}/${file}`, source: readFileSync(join(packageRoot, folder, file)) });
        }
      }
    },
  };
}
