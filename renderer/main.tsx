import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { client } from './ipc/client';
import { createBillingStore } from './store/billing';
import { BillingStoreProvider } from './store/billing-context';
import { createEditInstanceStore } from './store/edit-instance';
import { EditInstanceStoreProvider } from './store/edit-instance-context';
import { createInstallStore } from './store/install';
import { InstallStoreProvider } from './store/install-context';
import { createInstancePageStore } from './store/instance-page';
import { InstancePageStoreProvider } from './store/instance-page-context';
import { createInstancesStore } from './store/instances';
import { InstancesStoreProvider } from './store/instances-context';
import { createKeychainAuditStore } from './store/keychain-audit';
import { PortalStoresProvider } from './store/portal-context';
import { PortalLicensesStoresProvider } from './store/portal-licenses-context';
import { createPortalLicensesStores, portalLicensesEventsWired } from './store/portal-licenses-stores';
import { createPortalStores, portalChanged } from './store/portal-stores';
import { KeychainAuditStoreProvider } from './store/keychain-audit-context';
import { createVerifyStore } from './store/verify';
import { VerifyStoreProvider } from './store/verify-context';
import './styles/app.css';
import './styles/dashboard.css';
import './styles/dialog.css';
import './styles/install.css';
import './styles/instance.css';
import './features/portal/portal.css';

const verifyStore = createVerifyStore({ client });
const instancesStore = createInstancesStore({ client });
const auditStore = createKeychainAuditStore({ client });
const instancePageStore = createInstancePageStore({ client, instances: instancesStore });
const installStore = createInstallStore({ client, instances: instancesStore, instancePage: instancePageStore });
const editStore = createEditInstanceStore({ client, instances: instancesStore, instancePage: instancePageStore, audit: auditStore });
const portalStores = createPortalStores({ client });
const billingStore = createBillingStore({ client });
const portalLicensesStores = createPortalLicensesStores({ client, instances: instancesStore, instancePage: instancePageStore });

// Push events, wired once for the life of the page.
client.on('clipboard:did-clear', ({ clearsAt }) => verifyStore.getState().clipboardCleared(clearsAt));
client.on('instances:refresh-progress', (progress) => instancesStore.getState().refreshProgressed(progress));
client.on('instances:did-change', () => {
  void instancesStore.getState().instancesChanged();
  // An instance added or removed changes which keychain entries belong to one.
  void auditStore.getState().auditRequested();
});
client.on('portal:did-change', () => {
  portalChanged(portalStores);
  void billingStore.getState().portalChanged();
});
portalLicensesEventsWired(client, portalLicensesStores, instancesStore);

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <VerifyStoreProvider store={verifyStore}>
      <InstancesStoreProvider store={instancesStore}>
        <KeychainAuditStoreProvider store={auditStore}>
          <InstancePageStoreProvider store={instancePageStore}>
            <InstallStoreProvider store={installStore}>
              <EditInstanceStoreProvider store={editStore}>
                <PortalStoresProvider stores={portalStores}>
                  <BillingStoreProvider store={billingStore}>
                    <PortalLicensesStoresProvider stores={portalLicensesStores}>
                      <App />
                    </PortalLicensesStoresProvider>
                  </BillingStoreProvider>
                </PortalStoresProvider>
              </EditInstanceStoreProvider>
            </InstallStoreProvider>
          </InstancePageStoreProvider>
        </KeychainAuditStoreProvider>
      </InstancesStoreProvider>
    </VerifyStoreProvider>
  </StrictMode>,
);
