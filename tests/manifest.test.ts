/**
 * manifest.xml, checked offline: the add-in manifest schema's structure for a shared runtime
 * hosting the task pane and the BUDGET custom functions, and URLs that match what webpack
 * writes into dist-web/. (The online validator of office-addin-manifest needs the network.)
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { NAMESPACE } from '../src/core/functions/registry';

// xml2js comes with office-addin-manifest (no type declarations are installed for it).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseStringPromise } = require('xml2js') as { parseStringPromise: (xml: string) => Promise<Record<string, any>> };

const ROOT = path.join(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');

type Node = Record<string, any>;
let app: Node;

/** Child elements by name (xml2js keeps them as arrays). */
const kids = (n: Node | undefined, name: string): Node[] => (n && Array.isArray(n[name]) ? n[name] : []);
const one = (n: Node | undefined, name: string): Node => {
  const k = kids(n, name);
  if (k.length !== 1) throw new Error(`expected one <${name}>, found ${k.length}`);
  return k[0];
};
const attr = (n: Node, name: string): string | undefined => n.$?.[name];

beforeAll(async () => {
  const doc = await parseStringPromise(fs.readFileSync(MANIFEST, 'utf8'));
  app = doc.OfficeApp;
});

function resources(): { urls: Map<string, string>; short: Map<string, string>; long: Map<string, string>; images: Map<string, string> } {
  const res = one(one(app, 'VersionOverrides'), 'Resources');
  const table = (group: string, item: string): Map<string, string> =>
    new Map(kids(one(res, group), item).map((n) => [attr(n, 'id') as string, attr(n, 'DefaultValue') as string]));
  return { urls: table('bt:Urls', 'bt:Url'), short: table('bt:ShortStrings', 'bt:String'), long: table('bt:LongStrings', 'bt:String'), images: table('bt:Images', 'bt:Image') };
}

function workbookHost(): Node {
  const hosts = kids(one(one(app, 'VersionOverrides'), 'Hosts'), 'Host');
  const wb = hosts.find((h) => attr(h, 'xsi:type') === 'Workbook');
  if (!wb) throw new Error('no <Host xsi:type="Workbook"> in VersionOverrides');
  return wb;
}

test('root: a task pane app for Excel, zh-CN, named 预算公开校验', () => {
  expect(app).toBeDefined();
  expect(attr(app, 'xmlns')).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
  expect(attr(app, 'xsi:type')).toBe('TaskPaneApp');
  expect(one(app, 'Id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  expect(one(app, 'Version')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(one(app, 'DefaultLocale')).toBe('zh-CN');
  expect(attr(one(app, 'DisplayName'), 'DefaultValue')).toBe('预算公开校验');
  expect(attr(one(one(app, 'Hosts'), 'Host'), 'Name')).toBe('Workbook');
  const sets = kids(one(one(app, 'Requirements'), 'Sets'), 'Set').map((s) => attr(s, 'Name'));
  expect(sets).toContain('SharedRuntime');
  expect(one(app, 'Permissions')).toBe('ReadWriteDocument');
  // Element order of OfficeApp as the schema requires it.
  const order = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
  const xml = fs.readFileSync(MANIFEST, 'utf8');
  const positions = order.map((tag) => xml.indexOf(`<${tag}`));
  expect(positions.every((p) => p > 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
});

test('VersionOverrides: shared runtime with lifetime long', () => {
  const vo = one(app, 'VersionOverrides');
  expect(attr(vo, 'xmlns')).toBe('http://schemas.microsoft.com/office/taskpaneappversionoverrides');
  expect(attr(vo, 'xsi:type')).toBe('VersionOverridesV1_0');
  const runtimes = kids(one(workbookHost(), 'Runtimes'), 'Runtime');
  expect(runtimes).toHaveLength(1);
  expect(attr(runtimes[0], 'lifetime')).toBe('long');
  expect(attr(runtimes[0], 'resid')).toBe('Taskpane.Url');
});

test('CustomFunctions extension point: namespace BUDGET, script and metadata, page = the shared runtime', () => {
  const { urls, short } = resources();
  const ep = kids(one(workbookHost(), 'AllFormFactors'), 'ExtensionPoint').find((e) => attr(e, 'xsi:type') === 'CustomFunctions');
  expect(ep).toBeDefined();
  const resid = (parent: string): string => attr(one(one(ep, parent), 'SourceLocation'), 'resid') as string;
  expect(short.get(attr(one(ep, 'Namespace'), 'resid') as string)).toBe(NAMESPACE);
  expect(urls.get(resid('Script'))).toBe('https://localhost:3000/functions.js');
  expect(urls.get(resid('Metadata'))).toBe('https://localhost:3000/functions.json');
  // The functions live in the task pane's page: the same runtime.
  expect(resid('Page')).toBe(attr(one(one(workbookHost(), 'Runtimes'), 'Runtime'), 'resid'));
  expect(urls.get(resid('Page'))).toBe('https://localhost:3000/taskpane.html');
});

test('a TaskPane button on the Home tab, and every resid defined', () => {
  const { urls, short, long, images } = resources();
  const desktop = one(workbookHost(), 'DesktopFormFactor');
  expect(attr(one(desktop, 'FunctionFile'), 'resid')).toBe('Taskpane.Url');
  const surface = kids(desktop, 'ExtensionPoint').find((e) => attr(e, 'xsi:type') === 'PrimaryCommandSurface');
  expect(surface).toBeDefined();
  const tab = one(surface, 'OfficeTab');
  expect(attr(tab, 'id')).toBe('TabHome');
  const button = kids(one(tab, 'Group'), 'Control').find((c) => attr(c, 'xsi:type') === 'Button');
  expect(button).toBeDefined();
  const action = one(button, 'Action');
  expect(attr(action, 'xsi:type')).toBe('ShowTaskpane');
  expect(urls.get(attr(one(action, 'SourceLocation'), 'resid') as string)).toBe('https://localhost:3000/taskpane.html');
  expect(short.get(attr(one(button, 'Label'), 'resid') as string)).toBe('预算公开校验');

  // Every resid anywhere resolves to a resource of the right kind.
  const xml = fs.readFileSync(MANIFEST, 'utf8');
  const all = new Set([...urls.keys(), ...short.keys(), ...long.keys(), ...images.keys()]);
  for (const m of xml.matchAll(/resid="([^"]+)"/g)) expect([m[1], all.has(m[1])]).toEqual([m[1], true]);
  for (const v of short.values()) expect(v.length).toBeLessThanOrEqual(125);
  for (const v of long.values()) expect(v.length).toBeLessThanOrEqual(250);
});

test('URLs match the webpack output and the icons exist', () => {
  // webpack.config.js: entries → [name].js, functions.json from the metadata plugin, taskpane.html.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(path.join(ROOT, 'webpack.config.js'))({}, { mode: 'production' });
  expect(path.relative(ROOT, config.output.path)).toBe('dist-web');
  expect(config.output.filename).toBe('[name].js');
  expect(Object.keys(config.entry)).toEqual(expect.arrayContaining(['functions', 'taskpane']));
  const names = config.plugins.map((p: { constructor: { name: string } }) => p.constructor.name);
  const meta = config.plugins[names.indexOf('CustomFunctionsMetadataPlugin')];
  expect(meta.options.output).toBe('functions.json');
  const html = config.plugins[names.indexOf('HtmlWebpackPlugin')];
  expect(html.userOptions.filename).toBe('taskpane.html');
  expect(html.userOptions.chunks).toEqual(expect.arrayContaining(['functions', 'taskpane']));

  const { urls, images } = resources();
  const xml = fs.readFileSync(MANIFEST, 'utf8');
  const every = [...urls.values(), ...images.values(), ...[...xml.matchAll(/DefaultValue="(https:[^"]+)"/g)].map((m) => m[1])];
  for (const u of every) {
    expect(u.startsWith('https://localhost:3000/')).toBe(true);
    const file = u.slice('https://localhost:3000/'.length);
    if (file.startsWith('assets/')) expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
    else expect(['functions.js', 'functions.json', 'taskpane.html']).toContain(file);
  }
});

test('`npx office-addin-manifest info manifest.xml` reads it', () => {
  const bin = path.join(ROOT, 'node_modules', '.bin', 'office-addin-manifest');
  const out = execFileSync(bin, ['info', 'manifest.xml'], { cwd: ROOT, encoding: 'utf8', timeout: 60000, env: { ...process.env, OFFICE_ADDIN_USAGE_DATA_OPT_OUT: 'true' } });
  expect(out).toContain('Name: 预算公开校验');
  expect(out).toContain('Type: TaskPaneApp');
  expect(out).toContain('Hosts: Workbook');
  expect(out).toContain('Default Locale: zh-CN');
});
