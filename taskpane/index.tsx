/**
 * Entry of the task pane page. The page also hosts the BUDGET custom functions (manifest
 * <Runtimes>, lifetime long); the pane mounts once Office is ready, with the Excel host.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { whenOfficeReady } from '../src/excel/excel';
import { App } from './App';

whenOfficeReady((host) => {
  const root = document.getElementById('root');
  if (root)
    createRoot(root).render(
      <FluentProvider theme={webLightTheme} lang="zh-CN">
        <App host={host} />
      </FluentProvider>,
    );
});
