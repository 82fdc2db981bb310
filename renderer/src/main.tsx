import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api, bridge } from './api/api';
import { App } from './app/App';
import { AppStoreContext, createAppStore } from './store/app-store';
import './styles/app.css';
import './styles/crm-and-dashboard.css';

const store = createAppStore({ api, bridge, draftSaveDelayMs: 300, searchDelayMs: 150 });
void store.getState().start();
// The last keystrokes before the window closes are written at once instead of after the pause.
window.addEventListener('pagehide', () => {
  store.getState().flushDraft();
  void store.getState().flushCriterionEdits();
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <AppStoreContext.Provider value={store}>
      <App />
    </AppStoreContext.Provider>
  </StrictMode>,
);
