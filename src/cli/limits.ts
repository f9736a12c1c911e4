/**
 * What an Office file may cost us before we refuse it. A real workbook stays far below every
 * figure; a hostile one (zip bomb, a merge over the whole sheet, a cell at row 2,000,000,000,
 * entity declarations) hits one of them within seconds, with memory well under 1 GB, instead of
 * hanging or exhausting the machine. Each breach is a `LimitError` whose message names the
 * limit; the reader adds the file name and turns it into one Chinese line (exit 2).
 */

export interface ReadLimits {
  /** Decompressed bytes of one part (one sheet's XML, the shared strings, document.xml). */
  partBytes: number;
  /** Decompressed bytes of all the parts read from one file. */
  totalBytes: number;
  /**
   * Decompressed bytes per compressed byte, checked once a part has passed `ratioFrom` bytes.
   * Sheet XML compresses 5–20 times; a zip bomb about 1,000 times. With this bound the work a
   * file can cause grows with its size on disk, not with a few crafted megabytes.
   */
  ratio: number;
  ratioFrom: number;
  /** Entries in the zip's central directory. */
  entries: number;
  /** Non-empty cells in one sheet. */
  cellsPerSheet: number;
  /** Non-empty cells in the whole workbook (what the grid keeps in memory at once). */
  cells: number;
  /** Merged ranges in one sheet. */
  mergesPerSheet: number;
  /**
   * Cells covered by the merged ranges of one sheet, counted within the cells the sheet holds.
   * Excel's merges never overlap, so a real sheet stays within its own size; overlapping
   * hostile ones would make every consumer that walks merged cells pay again and again.
   */
  mergedCells: number;
  /** Entries of the shared-string table. */
  sharedStrings: number;
  /** Excel's own sheet size: rows and columns. */
  rows: number;
  columns: number;
  /** Characters in one cell's text (Excel's own limit). */
  stringLength: number;
  /** Depth of nested XML elements. */
  xmlDepth: number;
  /** Characters of one XML text, comment or attribute value (a cell's text is far shorter). */
  xmlToken: number;
  /** Custom XML parts kept (`customXml/item*.xml`), and bytes of each. */
  customXmlParts: number;
  customXmlBytes: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  partBytes: 256 * MiB,
  totalBytes: 512 * MiB,
  ratio: 100,
  ratioFrom: 8 * MiB,
  entries: 10_000,
  cellsPerSheet: 4_000_000,
  cells: 6_000_000,
  mergesPerSheet: 200_000,
  mergedCells: 4_000_000,
  sharedStrings: 4_000_000,
  rows: 1_048_576,
  columns: 16_384,
  stringLength: 32_767,
  xmlDepth: 128,
  xmlToken: 4 * MiB,
  customXmlParts: 64,
  customXmlBytes: 4 * MiB,
});

/** A limit was breached: `message` is Chinese and names the limit; the caller adds the file. */
export class LimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LimitError';
  }
}

/** The file is not a well-formed zip / XML package (corrupt, truncated, unsupported). */
export class FormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormatError';
  }
}

/** The one line a user sees for a breached limit: who (the file) and which limit. */
export function limitMessage(who: string, e: LimitError): string {
  return `${who}：超出读取限制：${e.message}，已停止读取。`;
}

export function mib(bytes: number): string {
  if (bytes >= 10 * MiB) return `${Math.round(bytes / MiB)} MB`;
  return bytes >= MiB ? `${Number((bytes / MiB).toFixed(1))} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** Thousands separators for counts in messages (1,048,576). */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** Counts decompressed bytes against the per-part, the compression-ratio and the whole-file limits. */
export class ByteBudget {
  private total = 0;
  constructor(readonly limits: Readonly<ReadLimits>) {}

  /** Called as a part inflates; throws as soon as a limit is passed. */
  add(part: string, partSoFar: number, compressedSoFar: number, bytes: number, partLimit = this.limits.partBytes): void {
    const { ratio, ratioFrom, totalBytes } = this.limits;
    this.total += bytes;
    if (partSoFar > partLimit) throw new LimitError(`${part} 解压后超过 ${mib(partLimit)}（单个部件上限），可能是“压缩炸弹”`);
    if (partSoFar > ratioFrom && partSoFar > ratio * compressedSoFar) {
      throw new LimitError(`${part} 的压缩比超过 ${ratio} 倍（${mib(compressedSoFar)} 解压出 ${mib(partSoFar)}），可能是“压缩炸弹”`);
    }
    if (this.total > totalBytes) throw new LimitError(`解压后总量超过 ${mib(totalBytes)}（整个文件上限），可能是“压缩炸弹”`);
  }
}
