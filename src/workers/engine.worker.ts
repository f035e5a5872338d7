import { expose } from 'comlink';
import { WORKER_STARTED } from '../core/protocol';
import { LibraryEngine } from './engine/library-engine';

expose(new LibraryEngine());
postMessage(WORKER_STARTED);
