import { expose } from 'comlink';
import { WORKER_STARTED } from '../core/protocol';
import { ModelCacheService } from './models/model-cache-service';

expose(new ModelCacheService());
postMessage(WORKER_STARTED);
