import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, BASENAME } from './App';
import { prefetchRoute } from './prefetchRoute';
import 'antd/dist/antd.css';
import './styles.css';

prefetchRoute(window.location.pathname, BASENAME);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
