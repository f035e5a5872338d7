// scripts/download-models.mjs against a local stand-in for the Hugging Face hub (127.0.0.1), serving the generated
// test models in the hub's URL layout: {host}/{id}/resolve/main/{file}.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- an untyped .mjs module
import { writeTestModels } from './make-test-models.mjs';

const run = promisify(execFile);
const TIMEOUT = 60_000;
let models = '';
let host = '';
let server: Server;
const requests: string[] = [];
/** Paths the stand-in answers with a web page (a misconfigured mirror), as some hosts do for missing files. */
const htmlInstead = new Set<string>();

beforeAll(async () => {
  models = await mkdtemp(join(tmpdir(), 'docent-hub-models-'));
  await writeTestModels(models);
  // A model outside Docent's catalog: its kind is read from its config.json, and it ships the hub's int8 names.
  await cp(join(models, 'docent-test/tiny-chat'), join(models, 'someone/tiny-chat'), { recursive: true });
  await rename(join(models, 'someone/tiny-chat/onnx/model.onnx'), join(models, 'someone/tiny-chat/onnx/model_quantized.onnx'));
  server = createServer(async (request, response) => {
    requests.push(request.url!);
    const match = request.url!.match(/^\/(.+?)\/resolve\/main\/(.+)$/);
    if (match && htmlInstead.has(match[2])) {
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Mirror</title>');
      return;
    }
    try {
      const body = await readFile(join(models, match![1], match![2]));
      response.writeHead(200, { 'Content-Length': body.length }).end(body);
    } catch {
      response.writeHead(404).end('Entry not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, TIMEOUT);

afterAll(async () => {
  server?.close();
  if (models) await rm(models, { recursive: true, force: true });
});

async function download(args: string[]) {
  const out = await mkdtemp(join(tmpdir(), 'docent-site-models-'));
  try {
    const { stdout } = await run(process.execPath, ['scripts/download-models.mjs', '--host', host, '--out', out, ...args]);
    return { out, stdout, code: 0, stderr: '' };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { out, stdout: failure.stdout, stderr: failure.stderr, code: failure.code };
  }
}

const listFiles = async (folder: string) => (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1)).sort();

describe('npm run models', () => {
  it(
    'downloads the files the app fetches for catalog models into the models folder, byte for byte',
    async () => {
      const { out, stdout, code } = await download(['docent-test/tiny-embedder', 'docent-test/tiny-chat']);
      expect(code).toBe(0);
      expect(await listFiles(out)).toEqual([
        'docent-test/tiny-chat/config.json',
        'docent-test/tiny-chat/generation_config.json',
        'docent-test/tiny-chat/onnx/model.onnx',
        'docent-test/tiny-chat/tokenizer.json',
        'docent-test/tiny-chat/tokenizer_config.json',
        'docent-test/tiny-embedder/config.json',
        'docent-test/tiny-embedder/onnx/model.onnx',
        'docent-test/tiny-embedder/tokenizer.json',
        'docent-test/tiny-embedder/tokenizer_config.json',
      ]);
      for (const file of await listFiles(out)) expect((await readFile(join(out, file))).equals(await readFile(join(models, file))), file).toBe(true);
      expect(stdout).toContain('docent-test/tiny-embedder (search model, fp32)');
      await rm(out, { recursive: true });
    },
    TIMEOUT,
  );

  it(
    'reads what a model outside the catalog is from its config.json, and takes the int8 (q8) weights by default',
    async () => {
      const { out, stdout, code } = await download(['someone/tiny-chat']);
      expect(code).toBe(0);
      expect(stdout).toContain('someone/tiny-chat (chat model, q8)');
      expect(await listFiles(out)).toContain('someone/tiny-chat/onnx/model_quantized.onnx');
      await rm(out, { recursive: true });
    },
    TIMEOUT,
  );

  it(
    'fails with the reason and leaves no file half written when the host lacks a file or answers with a web page',
    async () => {
      const missing = await download(['someone/tiny-chat', '--dtype', 'fp32']);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/someone\/tiny-chat\/resolve\/main\/onnx\/model\.onnx: the host answered 404/);
      expect((await listFiles(missing.out)).filter((file) => file.endsWith('.part') || file.endsWith('.onnx'))).toEqual([]);
      await rm(missing.out, { recursive: true });

      htmlInstead.add('onnx/model.onnx');
      const html = await download(['docent-test/tiny-embedder']);
      htmlInstead.clear();
      expect(html.code).toBe(1);
      expect(html.stderr).toMatch(/onnx\/model\.onnx is damaged: it is a web page/);
      expect((await listFiles(html.out)).filter((file) => file.includes('onnx'))).toEqual([]);
      await rm(html.out, { recursive: true });

      const unknownDtype = await download(['docent-test/tiny-embedder', '--dtype', 'int4']);
      expect(unknownDtype.code).toBe(1);
      expect(unknownDtype.stderr).toMatch(/--dtype int4 is not one of fp32, fp16, q8, q4, q4f16/);
      expect(await listFiles(unknownDtype.out)).toEqual([]);
      await rm(unknownDtype.out, { recursive: true });
    },
    TIMEOUT,
  );
});
