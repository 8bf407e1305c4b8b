import { lazy, Suspense, type ComponentType } from 'react';
import { loadMessages, type MessageBundle } from '../lib/i18n';

/**
 * A route's `lazy`: the page's code and the message bundles it shows, fetched side by side, so
 * the page renders with its words already there.
 */
export function page<M>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType,
  ...bundles: MessageBundle[]
): () => Promise<{ Component: ComponentType }> {
  return async () => {
    const [module] = await Promise.all([load(), loadMessages(...bundles)]);
    return { Component: pick(module) };
  };
}

/**
 * Sign-in is not in the first download either, but it is not a router `lazy` route: signing
 * out (SignOutButton, the idle logoff) must land on it within the same navigation, so that the
 * signed-in guard is gone before the session is forgotten. The signed-in shell fetches it once
 * it has rendered (RequireSession), so by then it renders at once; a visitor who opens it
 * first sees the public frame for the moment its code takes.
 */
let SignIn: ComponentType | null = null;
export async function loadSignInPage(): Promise<ComponentType> {
  if (!SignIn) {
    const [module] = await Promise.all([
      import('../features/auth/routes/SignInPage'),
      loadMessages('sign-in'),
    ]);
    SignIn = module.SignInPage;
  }
  return SignIn;
}
const LazySignIn = lazy(async () => ({ default: await loadSignInPage() }));

export function SignInRoute() {
  return SignIn ? (
    <SignIn />
  ) : (
    <Suspense fallback={null}>
      <LazySignIn />
    </Suspense>
  );
}
