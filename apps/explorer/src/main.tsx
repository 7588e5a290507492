import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { App } from './app';
import './styles.css';
import './phone.css';
import { client, startLiveUpdates } from './urql';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

startLiveUpdates();
createRoot(root).render(
  <StrictMode>
    <Provider value={client}>
      <App />
    </Provider>
  </StrictMode>,
);
