import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { client } from './ipc/client';
import { createAppQueryClient } from './queries/query-client';
import { applyTheme, savedTheme } from './ui/theme';
import './styles/tokens.css';
import './styles/app.css';
import './styles/checks.css';
import './styles/terms.css';
import './styles/dashboard.css';
import './styles/fleet-cells.css';
import './styles/dialog.css';
import './styles/install.css';
import './styles/instance.css';
import './styles/instance-sections.css';
import './styles/timeline-chart.css';
import './features/portal/portal.css';
import './features/audit/audit.css';
import './styles/toasts.css';
// Last: the target-size floor wins over every screen's own styles.
import './styles/targets.css';

// The chosen theme before anything is drawn, so the window never flashes the other one.
applyTheme(savedTheme());

const queryClient = createAppQueryClient(client);

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
