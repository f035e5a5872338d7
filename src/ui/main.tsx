import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startWorkers } from '../rpc/workers';
import { App } from './App';
import { BackupStore } from './backup/backup-store';
import { ConversationStore } from './conversation-store';
import { LibraryStore } from './library-store';
import { detectDevice, runsOnHardwareGpu } from './device';
import { readModelChoice } from './model-settings';
import { SourceStore } from './sources/source-store';
import { OcrLanguageStore } from './settings/ocr-language-store';
import { appShell } from './settings/app-shell';
import './styles.css';

async function startApp() {
  const workers = startWorkers();
  await detectDevice();
  const models = readModelChoice(runsOnHardwareGpu());
  const library = new LibraryStore(workers, models);
  const chats = new ConversationStore(workers, models.generator);
  const sources = new SourceStore(workers);
  const backup = new BackupStore(workers.engine, chats.refresh);
  const ocrLanguages = new OcrLanguageStore(workers.engine);
  library.open();
  chats.load();

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App library={library} chats={chats} sources={sources} backup={backup} ocrLanguages={ocrLanguages} />
    </StrictMode>,
  );
}

// The service worker keeps the app offline. On a host that sends no isolation headers, the first visit waits for it
// and reloads once under it, so ONNX Runtime gets threads; elsewhere the app starts at once.
const preparing = () => (document.getElementById('root')!.textContent = 'Preparing Docent to work offline…');
if (await appShell.start(preparing)) await startApp();
