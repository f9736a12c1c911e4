/**
 * The yardstick of the pane's first render (scripts/bench/pane.ts): a bare React + FluentProvider
 * page that, like the pane, waits for Office.onReady and marks its first render.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, Text, webLightTheme } from '@fluentui/react-components';

function Bare(): React.JSX.Element {
  React.useEffect(() => void performance.mark('pane-first-render'), []);
  return <Text>预算公开校验</Text>;
}

const office = (globalThis as unknown as { Office: { onReady(cb: () => void): unknown } }).Office;
office.onReady(() =>
  createRoot(document.getElementById('root')!).render(
    <FluentProvider theme={webLightTheme}>
      <Bare />
    </FluentProvider>,
  ),
);
