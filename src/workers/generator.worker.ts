import { expose } from 'comlink';
import { WORKER_STARTED } from '../core/protocol';
import { AnswerWriter } from './generator/answer-writer';

expose(new AnswerWriter());
postMessage(WORKER_STARTED);
