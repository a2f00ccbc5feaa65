import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { client } from './ipc/client';
import { createAppQueryClient } from './queries/query-client';
import { createInstancesStore } from './store/instances';
import { PortalLicensesStoresProvider } from './store/portal-licenses-context';
import { createPortalLicensesStores, portalLicensesEventsWired } from './store/portal-licenses-stores';
import './styles/app.css';
import './styles/dashboard.css';
import './styles/dialog.css';
import './styles/install.css';
import './styles/instance.css';
import './features/portal/portal.css';
import './features/audit/audit.css';

const queryClient = createAppQueryClient(client);
// Until the stores that still take it are migrated: the instance list over the query cache.
const instancesStore = createInstancesStore({ client, queryClient });
const portalLicensesStores = createPortalLicensesStores({ client, queryClient, instances: instancesStore });
// The pending installs follow the portal's and the instances' events themselves until they are a query too.
portalLicensesEventsWired(client, portalLicensesStores);

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <PortalLicensesStoresProvider stores={portalLicensesStores}>
        <App />
      </PortalLicensesStoresProvider>
    </QueryClientProvider>
  </StrictMode>,
);
