import { expose } from 'comlink';
import { AnswerWriter } from './generator/answer-writer';

expose(new AnswerWriter());
