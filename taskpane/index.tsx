/**
 * Task pane placeholder: the real pane (validate, templates, 说明) is a later issue. It shares
 * its page and runtime with the BUDGET custom functions (manifest <Runtimes>, lifetime long).
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, Text, webLightTheme } from '@fluentui/react-components';

function App(): React.JSX.Element {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16, display: 'flex', flexDirection: 'column', gap: 12 }}>
        <Text as="h1" size={500} weight="semibold">
          预算公开校验
        </Text>
        <Text>可在单元格中使用 BUDGET.* 函数，例如 =BUDGET.EXECRATE(2964.05,3001.01)。</Text>
        <Button appearance="primary" disabled>
          校验工作簿（即将提供）
        </Button>
      </main>
    </FluentProvider>
  );
}

function mount(): void {
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<App />);
}

const office = (globalThis as { Office?: { onReady?: (cb: () => void) => unknown } }).Office;
if (office && typeof office.onReady === 'function') office.onReady(mount);
else mount();
