/** Kept for existing imports: the .xlsx reader lives in read-xlsx.ts. */
export { readWorkbook, sniffFormat } from './read-xlsx';
