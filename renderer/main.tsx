import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { client } from './ipc/client';
import { createInstallStore } from './store/install';
import { InstallStoreProvider } from './store/install-context';
import { createInstancesStore } from './store/instances';
import { InstancesStoreProvider } from './store/instances-context';
import { createVerifyStore } from './store/verify';
import { VerifyStoreProvider } from './store/verify-context';
import './styles/app.css';
import './styles/dashboard.css';
import './styles/dialog.css';
import './styles/install.css';

const verifyStore = createVerifyStore({ client });
const instancesStore = createInstancesStore({ client });
const installStore = createInstallStore({ client, instances: instancesStore });

// Push events, wired once for the life of the page.
client.on('clipboard:did-clear', () => verifyStore.getState().clipboardCleared());
client.on('instances:refresh-progress', (progress) => instancesStore.getState().refreshProgressed(progress));
client.on('instances:did-change', () => void instancesStore.getState().instancesChanged());

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <VerifyStoreProvider store={verifyStore}>
      <InstancesStoreProvider store={instancesStore}>
        <InstallStoreProvider store={installStore}>
          <App />
        </InstallStoreProvider>
      </InstancesStoreProvider>
    </VerifyStoreProvider>
  </StrictMode>,
);
