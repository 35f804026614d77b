import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { unstableSetRender } from 'antd';
import './i18n';
import { App } from './app/App';
import './app/global.css';

// antd 5 renders some pieces (button wave, static message/modal) itself with the React 18
// render API; hand it React 19's createRoot instead (see https://u.ant.design/v5-for-19).
unstableSetRender((node, container) => {
  const host = container as (Element | DocumentFragment) & { _ecogovRoot?: Root };
  host._ecogovRoot ??= createRoot(container);
  const root = host._ecogovRoot;
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    if (host._ecogovRoot === root) delete host._ecogovRoot;
  };
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
