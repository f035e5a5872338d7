// Downloads models for self-hosting: the files Docent's transformers.js pipelines fetch, from the Hugging Face hub
// (or a mirror laid out like it: {host}/{id}/resolve/main/{file}) into the site's models folder, so the built site
// needs no model host at all (air-gapped use). Each file is checked (an ONNX model, JSON that parses, the full
// length) and written whole or not at all.
//
//   npm run models -- Xenova/gte-small onnx-community/granite-4.0-350m-ONNX-web
//   node scripts/download-models.mjs [--host URL] [--out DIR] [--dtype q8|fp32|fp16|q4|q4f16] [--force] <model id>...
//
// --host: default https://huggingface.co. --out: default public/models (vite copies it into the build; or use
// dist/models after building). A model in Docent's catalog (src/core/models.ts) gets every weights file the catalog
// says a browser may load (CPU and GPU) unless --dtype names one; any other id is read from its config.json: a causal LM is a chat model, anything else
// an embedder, int8 (q8) unless --dtype says otherwise. Weights are named as transformers.js 4 loads them
// (onnx/model_quantized.onnx for q8, onnx/model_q4f16.onnx for q4f16...). HF_TOKEN, when set, is sent to the host.
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runnerImport } from 'vite';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Docent's own TypeScript modules, so the files fetched are exactly the ones the app asks for. */
const load = async (path) => (await runnerImport(join(repo, path), { configFile: false, logLevel: 'silent' })).module;


const megabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

export async function downloadModels(ids, { host = 'https://huggingface.co', out = join(repo, 'public/models'), dtype, force = false, log = console.log, token = process.env.HF_TOKEN } = {}) {
  const { MODEL_CATALOG, DTYPES } = await load('src/core/models.ts');
  const { plannedDtypes } = await load('src/core/runtime-plan.ts');
  const { isCausalLm } = await load('src/core/model-folder.ts');
  if (dtype && !DTYPES.includes(dtype)) throw new Error(`--dtype ${dtype} is not one of ${DTYPES.join(', ')}`);
  const { modelFiles, fileUrls } = await load('src/workers/models/model-files.ts');
  const { checkedBody } = await load('src/workers/models/validate.ts');
  const sources = { localModelsUrl: 'file:///unused/', remoteHost: host };
  const headers = token ? { Authorization: `Bearer ${token}` } : {};

  const fetchFile = async (id, path) => {
    const url = fileUrls(sources, id, path).remote;
    const response = await fetch(url, { headers }).catch((error) => {
      throw new Error(`${url} could not be reached: ${error.cause?.message ?? error.message}`, { cause: error });
    });
    return { url, response };
  };

  /** Writes one file whole or not at all (a .part file renamed at the end); false when the host has no such file. */
  const download = async (id, path, required) => {
    const target = join(out, id, path);
    if (!force && existsSync(target)) {
      log(`  ${path}: already there (${megabytes((await stat(target)).size)}), kept (--force downloads it again)`);
      return true;
    }
    const { url, response } = await fetchFile(id, path);
    if (response.status === 404 && !required) {
      log(`  ${path}: not on the host (optional)`);
      return false;
    }
    if (!response.ok) throw new Error(`${url}: the host answered ${response.status} ${response.statusText}`);
    await mkdir(dirname(target), { recursive: true });
    const part = `${target}.part`;
    const total = Number(response.headers.get('content-length')) || 0;
    let last = 0;
    const onBytes = (loaded) => {
      if (process.stdout.isTTY && Date.now() - last > 200) {
        last = Date.now();
        process.stdout.write(`\r  ${path}: ${megabytes(loaded)}${total ? ` of ${megabytes(total)}` : ''}   `);
      }
    };
    try {
      await checkedBody(path, response.headers, response.body, onBytes).pipeTo(Writable.toWeb(createWriteStream(part)));
      await rename(part, target);
    } catch (error) {
      await rm(part, { force: true });
      throw new Error(`${url}: ${error.message}`, { cause: error });
    }
    if (process.stdout.isTTY) process.stdout.write('\r');
    log(`  ${path}: ${megabytes((await stat(target)).size)}`);
    return true;
  };

  const specOf = async (id) => {
    const known = MODEL_CATALOG.find((spec) => spec.id === id);
    if (known) return dtype ? { ...known, dtype, webgpuDtype: undefined } : known;
    const { url, response } = await fetchFile(id, 'config.json');
    if (!response.ok) throw new Error(`${id}: ${url} answered ${response.status}; is the model id right?`);
    const config = await response.json();
    return { id, task: isCausalLm(config) ? 'generator' : 'embedder', label: id, dtype: dtype ?? 'q8' };
  };

  const written = [];
  for (const id of ids) {
    const spec = await specOf(id);
    const dtypes = plannedDtypes(spec);
    log(`${id} (${spec.task === 'generator' ? 'chat model' : 'search model'}, ${dtypes.join(' and ')}) -> ${join(out, id)}`);
    // config.json first: it names the weights' external data files, if any.
    if (await download(id, 'config.json', true)) written.push(join(out, id, 'config.json'));
    const config = JSON.parse(await readFile(join(out, id, 'config.json'), 'utf8'));
    const files = dtypes.flatMap((each) => modelFiles({ ...spec, dtype: each }, config));
    const paths = [...new Set(files.map((file) => file.path))].filter((path) => path !== 'config.json');
    for (const path of paths) {
      if (await download(id, path, files.find((file) => file.path === path).required)) written.push(join(out, id, path));
    }
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      host: { type: 'string', default: 'https://huggingface.co' },
      out: { type: 'string', default: join(repo, 'public/models') },
      dtype: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals.length === 0) {
    console.log('npm run models -- [--host URL] [--out DIR] [--dtype q8|fp32|fp16|q4|q4f16] [--force] <model id>...');
    console.log('e.g. npm run models -- Xenova/gte-small Xenova/Qwen1.5-0.5B-Chat');
    process.exit(values.help ? 0 : 2);
  }
  try {
    await downloadModels(positionals, { host: values.host, out: resolve(values.out), dtype: values.dtype, force: values.force });
  } catch (error) {
    console.error(`\nDownload failed: ${error.message}`);
    process.exit(1);
  }
}
