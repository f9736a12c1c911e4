// The alternative reader measured in docs/reader.md: SheetJS Community Edition into the same
// grid as src/cli/read-xlsx.ts. Not a dependency of the project; to run it:
//   npm install --no-save @e965/xlsx@0.20.3
//   node scripts/bench/sheetjs-read.js FILE.xlsx
const XLSX = require('@e965/xlsx');

function toGrid(file) {
  const wb = XLSX.readFile(file, { dense: true, cellFormula: true, cellNF: true, cellDates: false, cellText: false, cellStyles: false });
  const sheets = wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name];
    const rows = [];
    (ws['!data'] || []).forEach((row, r) => {
      if (!row) return;
      rows[r] = row.map((c) => {
        if (!c) return undefined;
        const cell = { value: c.t === 'e' ? { error: c.w } : c.v === undefined ? null : c.v };
        if (c.z && c.z !== 'General') cell.numFmt = c.z;
        if (c.f !== undefined) cell.formula = c.f;
        return cell;
      });
    });
    const merges = (ws['!merges'] || []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
    return { name, rows, merges };
  });
  return { name: file, sheets };
}

const wb = toGrid(process.argv[2]);
process.stdout.write(`${wb.sheets.length} sheets, ${wb.sheets.reduce((n, s) => n + s.rows.length, 0)} rows\n`);
