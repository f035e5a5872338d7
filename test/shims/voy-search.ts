// Node has no loader for voy-search's wasm ES module import (browsers get it through Vite); unit tests
// instantiate the same wasm the way wasm-bindgen's bundler output expects, and export the same API.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as bindings from '../../node_modules/voy-search/voy_search_bg.js';

const wasmPath = createRequire(import.meta.url).resolve('voy-search/voy_search_bg.wasm');
const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), { './voy_search_bg.js': bindings as unknown as WebAssembly.ModuleImports });
bindings.__wbg_set_wasm(instance.exports);

export * from '../../node_modules/voy-search/voy_search_bg.js';
