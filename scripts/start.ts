/**
 * `npm start`: serves the built add-in (dist-web/) over https on localhost:3000 — the origin
 * manifest.xml names — with Office's development certificates (office-addin-dev-certs: created
 * and trusted on first use), and says how to sideload manifest.xml into Excel. The server
 * answers only files of dist-web/, only on the loopback address; Ctrl+C stops it.
 */
import { existsSync, promises as fs, readFileSync } from 'fs';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const PORT = 3000;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'text/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** An https server for the files under `root` (nothing outside it, no directory listings). */
export function serveAddin(root: string, tls: https.ServerOptions, port = PORT): Promise<https.Server> {
  const server = https.createServer(tls, async (req, res) => {
    try {
      const rel = decodeURIComponent(new URL(req.url ?? '/', 'https://localhost').pathname).replace(/^\/+/, '') || 'taskpane.html';
      const file = path.resolve(root, rel);
      if (!file.startsWith(path.resolve(root) + path.sep) || (req.method !== 'GET' && req.method !== 'HEAD')) throw Object.assign(new Error('not found'), { code: 'ENOENT' });
      const body = await fs.readFile(file);
      // Office caches add-in files hard; during development every request should see the build.
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*', 'X-Content-Type-Options': 'nosniff' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

export const SIDELOAD_HELP = `旁加载（sideload）manifest.xml：
  • Excel 网页版：打开任一工作簿 → “开始”（或“插入”）→ 加载项 → 更多设置/我的加载项 → 上传我的加载项 → 选择 ${path.join(ROOT, 'manifest.xml')}
  • Windows 版 Excel：把 manifest.xml 所在文件夹设为共享文件夹，在 文件 → 选项 → 信任中心 → 受信任的加载项目录 中添加该共享路径并勾选“显示在菜单中”，
    重启 Excel 后在 插入 → 我的加载项 → 共享文件夹 中添加“预算公开校验”
  • Mac 版 Excel：把 manifest.xml 复制到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ 后重启 Excel
加载后在“开始”选项卡点击“预算公开校验”打开任务窗格；单元格中可输入 =BUDGET. 使用工作表函数。`;

async function main(): Promise<void> {
  const dist = path.join(ROOT, 'dist-web');
  try {
    await fs.access(path.join(dist, 'taskpane.html'));
  } catch {
    throw new Error('dist-web/ 中没有构建好的加载项：请先运行 npm run build（npm start 会自动运行）。');
  }
  process.env.OFFICE_ADDIN_USAGE_DATA_OPT_OUT ??= 'true'; // the dev tools' telemetry: off
  const certs = await import('office-addin-dev-certs');
  let tls: https.ServerOptions;
  let warning = '';
  try {
    tls = (await certs.getHttpsServerOptions()) as https.ServerOptions;
  } catch (e) {
    // Trusting the CA needs sudo; without it the certificates still serve, and the browser or
    // Office must be told to trust the CA by hand.
    const dir = path.join(os.homedir(), '.office-addin-dev-certs');
    const [ca, cert, key] = ['ca.crt', 'localhost.crt', 'localhost.key'].map((f) => path.join(dir, f));
    if (!existsSync(cert) || !existsSync(key)) await certs.generateCertificates(ca, cert, key);
    tls = { cert: readFileSync(cert), key: readFileSync(key) };
    warning = `\n注意：开发证书的根证书未能加入系统信任（${e instanceof Error ? e.message.split('\n')[0] : String(e)}）。\n请手动信任 ${ca}（Linux：复制到 /usr/local/share/ca-certificates/ 后运行 update-ca-certificates；或运行 npx office-addin-dev-certs install），否则 Excel 会拒绝加载。\n`;
  }
  const server = await serveAddin(dist, tls);
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`加载项已在 https://localhost:${port}/taskpane.html 提供（只监听本机；Ctrl+C 停止）。\n${warning}\n${SIDELOAD_HELP}\n`);
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`npm start: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
