import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { AppStoreContext, type AppStore } from '../../renderer/src/store/app-store';

/** Renders a screen with the given store, as main.tsx provides it. */
export function renderWithStore(store: AppStore, screen: ReactNode) {
  return render(<AppStoreContext.Provider value={store}>{screen}</AppStoreContext.Provider>);
}
