import { expose } from 'comlink';
import { LibraryEngine } from './engine/library-engine';

expose(new LibraryEngine());
