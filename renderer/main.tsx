import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { client } from './ipc/client';
import { createVerifyStore } from './store/verify';
import { VerifyStoreProvider } from './store/verify-context';
import './styles/app.css';

const verifyStore = createVerifyStore({ client });
client.on('clipboard:did-clear', () => verifyStore.getState().clipboardCleared());

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <VerifyStoreProvider store={verifyStore}>
      <App />
    </VerifyStoreProvider>
  </StrictMode>,
);
