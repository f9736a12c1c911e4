/**
 * `npm start`'s server (scripts/start.ts): the built add-in over https with certificates made by
 * office-addin-dev-certs (generated here into a temporary folder, not installed), trusted
 * through their own CA; the files the manifest names are served, nothing outside dist-web/ is.
 */
import { mkdtempSync, readFileSync } from 'fs';
import * as https from 'https';
import type { AddressInfo } from 'net';
import { tmpdir } from 'os';
import * as path from 'path';
import { generateCertificates } from 'office-addin-dev-certs';

process.env.OFFICE_ADDIN_USAGE_DATA_OPT_OUT = 'true';
import { SIDELOAD_HELP, serveAddin } from '../scripts/start';

const DIST = path.join(__dirname, '..', 'dist-web');

function get(port: number, ca: Buffer, p: string): Promise<{ status: number; type?: string; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get({ host: 'localhost', port, path: p, ca, servername: 'localhost' }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
      })
      .on('error', reject);
  });
}

test('serves the built add-in over https to a client that trusts the development CA', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dev-certs-'));
  const [ca, cert, key] = ['ca.crt', 'localhost.crt', 'localhost.key'].map((f) => path.join(dir, f));
  await generateCertificates(ca, cert, key, 1);
  const server = await serveAddin(DIST, { cert: readFileSync(cert), key: readFileSync(key) }, 0);
  try {
    const { port } = server.address() as AddressInfo;
    const caPem = readFileSync(ca);
    const page = await get(port, caPem, '/taskpane.html');
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    expect(page.body).toContain('Content-Security-Policy');
    for (const f of ['/functions.js', '/functions.json', '/taskpane.js', '/assets/icon-32.png']) expect([f, (await get(port, caPem, f)).status]).toEqual([f, 200]);
    expect((await get(port, caPem, '/../package.json')).status).toBe(404);
    expect((await get(port, caPem, '/%2e%2e/package.json')).status).toBe(404);
    expect((await get(port, caPem, '/nothing.js')).status).toBe(404);
  } finally {
    server.close();
  }
  expect(SIDELOAD_HELP).toMatch(/上传我的加载项/);
});
