import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from './App.js';
import { ToastProvider } from './errors/ToastContext.js';
import { SessionProvider } from './features/session/SessionProvider.js';
import { PreferencesProvider } from './features/settings/PreferencesProvider.js';
import { I18nProvider } from './i18n/I18nProvider.js';
import { ApiClient } from './transport/api-client.js';
import { ClientProvider } from './transport/ClientContext.js';
import { createTransport } from './transport/create-transport.js';
import { ThemeController } from './theme/ThemeController.js';
import './styles/global.css';

const client = new ApiClient(createTransport());
// No silent retries and no refetch on focus: an operator sees failures at once, and data changes only
// when they ask or when the server says it changed (watch events).
const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
    mutations: { retry: false },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
createRoot(root).render(
  <StrictMode>
    <ClientProvider client={client}>
      <QueryClientProvider client={queryClient}>
        <PreferencesProvider>
          <ThemeController />
          <I18nProvider>
            <ToastProvider>
              <SessionProvider>
                <App />
              </SessionProvider>
            </ToastProvider>
          </I18nProvider>
        </PreferencesProvider>
      </QueryClientProvider>
    </ClientProvider>
  </StrictMode>,
);
