import { expose } from 'comlink';
import { ModelCacheService } from './models/model-cache-service';

expose(new ModelCacheService());
