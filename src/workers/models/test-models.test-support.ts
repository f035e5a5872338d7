// The generated test models (scripts/lib, plain JavaScript outside the type-checked program), typed for unit tests.
// @ts-expect-error -- an untyped .mjs module
import { tinyChatModel as chat } from '../../../scripts/lib/tiny-chat-model.mjs';
// @ts-expect-error -- an untyped .mjs module
import { tinyEmbedder as embedder } from '../../../scripts/lib/tiny-embedder.mjs';

type ModelFiles = Record<string, Uint8Array>;

const asBytes = (files: Record<string, Uint8Array | string>): ModelFiles =>
  Object.fromEntries(Object.entries(files).map(([path, content]) => [path, typeof content === 'string' ? new TextEncoder().encode(content) : content]));

/** The files of the generated test embedder, each as bytes. */
export const tinyEmbedder = (): ModelFiles => asBytes(embedder());
/** The files of the generated test chat model, each as bytes. */
export const tinyChatModel = (): ModelFiles => asBytes(chat());
