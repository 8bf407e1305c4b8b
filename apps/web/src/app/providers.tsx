import { AuthUiProvider } from '@portal/auth-ui';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { authUiConfig } from '../lib/auth-ui';

export interface AppProvidersProps {
  queryClient: QueryClient;
  i18n: I18n;
  children: ReactNode;
}

/** Everything the routes need above them; tests pass their own fresh instances. */
export function AppProviders({ queryClient, i18n, children }: AppProvidersProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <AuthUiProvider value={authUiConfig}>{children}</AuthUiProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
