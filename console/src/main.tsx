// The shared styles come first so a feature's own stylesheet (imported beside its components) can refine them.
import './styles/base.css';
import './styles/buttons.css';
import './styles/forms.css';
import './styles/page-parts.css';
import './styles/feedback.css';
import './styles/layout.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app.js';
import { ToastProvider } from './components/toast-provider.js';
import { SessionProvider } from './session/session-context.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');

createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <ToastProvider>
        <SessionProvider>
          <App />
        </SessionProvider>
      </ToastProvider>
    </BrowserRouter>
  </StrictMode>,
);
