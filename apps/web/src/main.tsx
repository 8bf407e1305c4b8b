import '@portal/ui/styles.css';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createAppRouter } from './app/router';
import { createI18n } from './lib/i18n';
import { createQueryClient } from './lib/query-client';
import { sessionQueryOptions } from './lib/session';

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html must contain <div id="root">');
}

const queryClient = createQueryClient();
// Ask who is signed in now, while the router is still fetching the page's own code.
void queryClient.prefetchQuery(sessionQueryOptions());

createRoot(container).render(
  <StrictMode>
    <App router={createAppRouter()} queryClient={queryClient} i18n={createI18n()} />
  </StrictMode>,
);
