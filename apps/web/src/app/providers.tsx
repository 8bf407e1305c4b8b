import { AuthUiProvider } from '@portal/auth-ui';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { authUiConfig } from '../lib/auth-ui';
import type { I18n } from '../lib/i18n';
import { I18nextProvider } from '../lib/react-i18n';

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
