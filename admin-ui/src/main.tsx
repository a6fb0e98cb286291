import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, BASENAME } from './App';
import { prefetchRoute } from './prefetchRoute';
import './styles.css';

prefetchRoute(window.location.pathname, BASENAME);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
