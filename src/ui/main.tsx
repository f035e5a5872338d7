import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startWorkers } from '../rpc/workers';
import { App } from './App';
import { readModelChoice } from './model-settings';
import './styles.css';

const workers = startWorkers();
const models = readModelChoice();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App workers={workers} models={models} />
  </StrictMode>,
);
