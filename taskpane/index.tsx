/**
 * Entry of the task pane page. The page also hosts the BUDGET custom functions (manifest
 * <Runtimes>, lifetime long). The first render is a light shell (title and the primary button,
 * Fluent's Text and Button only); the pane itself (App.tsx with the engine's recognition,
 * validation and 说明) is its own chunk, fetched at once and swapped in when it arrives.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, Text, webLightTheme } from '@fluentui/react-components';
import { whenOfficeReady } from '../src/excel/excel';
import type { SpreadsheetHost } from '../src/excel/host';

const App = React.lazy(() => import(/* webpackChunkName: "pane" */ './App'));

const column: React.CSSProperties = { display: 'flex', flexDirection: 'column', gap: 12, padding: '12px 14px' };

function Shell({ host }: { host: SpreadsheetHost | undefined }): React.JSX.Element {
  React.useEffect(() => void performance.mark('pane-first-render'), []);
  const title = (
    <Text as="h1" size={500} weight="semibold">
      预算公开校验
    </Text>
  );
  if (!host) {
    return (
      <main style={column}>
        {title}
        <Text>请在 Excel 中打开此加载项（“开始”选项卡 → 预算公开校验）。单元格中可使用 BUDGET.* 函数。</Text>
      </main>
    );
  }
  const loading = (
    <main style={column} aria-busy="true">
      {title}
      <div>
        <Button appearance="primary" disabled>
          校验并生成说明
        </Button>
      </div>
      <Text size={200}>正在加载…</Text>
    </main>
  );
  return (
    <React.Suspense fallback={loading}>
      <App host={host} />
    </React.Suspense>
  );
}

whenOfficeReady((host) => {
  const root = document.getElementById('root');
  if (root)
    createRoot(root).render(
      <FluentProvider theme={webLightTheme} lang="zh-CN">
        <Shell host={host} />
      </FluentProvider>,
    );
});
