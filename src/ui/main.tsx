import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startWorkers } from '../rpc/workers';
import { App } from './App';
import { ConversationStore } from './conversation-store';
import { LibraryStore } from './library-store';
import { readModelChoice } from './model-settings';
import './styles.css';

const workers = startWorkers();
const models = readModelChoice();
const library = new LibraryStore(workers, models);
const chats = new ConversationStore(workers, models);
library.open();
chats.load();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App models={models} library={library} chats={chats} />
  </StrictMode>,
);
