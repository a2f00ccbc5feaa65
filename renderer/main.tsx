import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { client } from './ipc/client';
import { auditEventsWired, clipboardEventsWired, portalEventsWired } from './ipc/events';
import { createAppQueryClient } from './queries/query-client';
import { createEditInstanceStore } from './store/edit-instance';
import { EditInstanceStoreProvider } from './store/edit-instance-context';
import { createInstallStore } from './store/install';
import { InstallStoreProvider } from './store/install-context';
import { createInstancePageStore } from './store/instance-page';
import { InstancePageStoreProvider } from './store/instance-page-context';
import { createInstancesStore } from './store/instances';
import { InstancesStoreProvider } from './store/instances-context';
import { createKeychainAuditStore } from './store/keychain-audit';
import { createPortalAccountsStore } from './store/portal-accounts';
import { PortalAccountsProvider } from './store/portal-context';
import { PortalLicensesStoresProvider } from './store/portal-licenses-context';
import { createPortalLicensesStores } from './store/portal-licenses-stores';
import { KeychainAuditStoreProvider } from './store/keychain-audit-context';
import './styles/app.css';
import './styles/dashboard.css';
import './styles/dialog.css';
import './styles/install.css';
import './styles/instance.css';
import './features/portal/portal.css';
import './features/audit/audit.css';

const instancesStore = createInstancesStore({ client });
const auditStore = createKeychainAuditStore({ client });
const instancePageStore = createInstancePageStore({ client, instances: instancesStore });
const installStore = createInstallStore({ client, instances: instancesStore, instancePage: instancePageStore });
const editStore = createEditInstanceStore({ client, instances: instancesStore, instancePage: instancePageStore, audit: auditStore });
const queryClient = createAppQueryClient(client);
const portalAccountsStore = createPortalAccountsStore({ client });
const portalLicensesStores = createPortalLicensesStores({ client, instances: instancesStore, instancePage: instancePageStore });

// Push events, wired once for the life of the page.
clipboardEventsWired(client);
client.on('instances:refresh-progress', (progress) => instancesStore.getState().refreshProgressed(progress));
client.on('instances:did-change', () => {
  void instancesStore.getState().instancesChanged();
  // An instance added or removed changes which tokens in the vault belong to one.
  void auditStore.getState().auditRequested();
});
portalEventsWired(client, queryClient, {
  accounts: portalAccountsStore,
  portalLicenses: portalLicensesStores,
  instances: instancesStore,
});
// Changes main records invalidate the audit queries; the header's verdict query checks the chain as the app starts.
auditEventsWired(client, queryClient);

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <InstancesStoreProvider store={instancesStore}>
        <KeychainAuditStoreProvider store={auditStore}>
          <InstancePageStoreProvider store={instancePageStore}>
            <InstallStoreProvider store={installStore}>
              <EditInstanceStoreProvider store={editStore}>
                <PortalAccountsProvider store={portalAccountsStore}>
                  <PortalLicensesStoresProvider stores={portalLicensesStores}>
                    <App />
                  </PortalLicensesStoresProvider>
                </PortalAccountsProvider>
              </EditInstanceStoreProvider>
            </InstallStoreProvider>
          </InstancePageStoreProvider>
        </KeychainAuditStoreProvider>
      </InstancesStoreProvider>
    </QueryClientProvider>
  </StrictMode>,
);
