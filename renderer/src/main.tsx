import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api, bridge } from './api/api';
import { App } from './app/App';
import { AppStoreContext, createAppStore } from './store/app-store';
// The tokens first: every other stylesheet uses their variables.
import './styles/tokens.css';
import './styles/buttons.css';
import './styles/app.css';
import './styles/shell.css';
import './styles/review-table.css';
import './styles/booth-layout.css';
import './styles/crm-and-dashboard.css';
import './styles/exchange.css';

const store = createAppStore({ api, bridge, draftSaveDelayMs: 300, searchDelayMs: 150, preferences: window.localStorage });
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
