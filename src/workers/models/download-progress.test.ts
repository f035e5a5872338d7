import { describe, expect, it } from 'vitest';
import { DownloadProgress } from './download-progress';

describe('DownloadProgress', () => {
  it('sums the files of a model, with each file bytes done of its total', () => {
    const progress = new DownloadProgress();
    progress.update({ status: 'progress', file: 'config.json', loaded: 300, total: 300 });
    const status = progress.update({ status: 'progress', file: 'onnx/model.onnx', loaded: 1000, total: 4000 });
    expect(status).toEqual({
      kind: 'downloading',
      loadedBytes: 1300,
      totalBytes: 4300,
      file: 'onnx/model.onnx',
      files: [
        { file: 'config.json', loadedBytes: 300, totalBytes: 300 },
        { file: 'onnx/model.onnx', loadedBytes: 1000, totalBytes: 4000 },
      ],
    });
  });

  it('names a file still coming rather than a small one that just finished', () => {
    const progress = new DownloadProgress();
    progress.update({ status: 'progress', file: 'onnx/model.onnx', loaded: 1000, total: 4000 });
    expect(progress.update({ status: 'progress', file: 'tokenizer.json', loaded: 500, total: 500 })).toMatchObject({ file: 'onnx/model.onnx' });
    expect(progress.update({ status: 'progress', file: 'onnx/model.onnx', loaded: 4000, total: 4000 })).toMatchObject({ file: 'onnx/model.onnx' });
  });

  it('never reports a total below the bytes done (a host that sends no Content-Length)', () => {
    const progress = new DownloadProgress();
    // transformers.js, with no Content-Length, reports a total that grows with the bytes read.
    expect(progress.update({ status: 'progress', file: 'onnx/model.onnx', loaded: 65536, total: 65536 })).toMatchObject({ loadedBytes: 65536, totalBytes: 65536 });
    expect(progress.update({ status: 'progress', file: 'onnx/model.onnx', loaded: 131072, total: 0 })).toMatchObject({ loadedBytes: 131072, totalBytes: 131072 });
  });

  it('ignores other events', () => {
    const progress = new DownloadProgress();
    expect(progress.update({ status: 'initiate', file: 'config.json' })).toBeUndefined();
    expect(progress.update({ status: 'done', file: 'config.json' })).toBeUndefined();
    expect(progress.update({ status: 'ready' })).toBeUndefined();
  });
});
