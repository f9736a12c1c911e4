/** What the office.js stub reports about the fake workbook after the pane has worked on it. */
export interface PaneReport {
  marks: { sheet: string; cell: string; severity: string; fill: string | undefined }[];
  notes: number;
  sheets: string[];
  narrativeText: string;
  syncs: number;
  maxSyncBytes: number;
  selection?: { sheet: string; cells: string[] };
}
