/**
 * A bounded zip reader for Office files (.xlsx, .docx): the central directory names the parts,
 * and each part is inflated on demand, chunk by chunk (fflate), straight into its consumer.
 * Nothing holds a whole decompressed part unless the consumer keeps it, and every byte that
 * comes out is counted against the limits, so a zip bomb stops at the first limit it passes.
 */
import { closeSync, openSync, readSync } from 'fs';
import { Inflate } from 'fflate';
import { ByteBudget, FormatError, LimitError, ReadLimits, count, mib } from './limits';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** Decompressed size as the directory declares it (a hostile file may lie; we count anyway). */
  size: number;
  localOffset: number;
}

/** Random access to the archive's bytes: a file descriptor or a buffer already in memory. */
interface ByteSource {
  size: number;
  read(position: number, length: number): Buffer;
  close(): void;
}

function fileSource(file: string, size: number): ByteSource {
  const fd = openSync(file, 'r');
  return {
    size,
    read(position, length) {
      const buf = Buffer.allocUnsafe(length);
      const n = readSync(fd, buf, 0, length, position);
      return n === length ? buf : buf.subarray(0, n);
    },
    close: () => closeSync(fd),
  };
}

function bufferSource(data: Uint8Array): ByteSource {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return { size: buf.length, read: (p, n) => buf.subarray(p, p + n), close() {} };
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Compressed bytes fed to the inflater at once: one push yields at most ~1,000× this. */
const CHUNK = 4 * 1024;

export class ZipArchive {
  readonly entries = new Map<string, ZipEntry>();
  private readonly lower = new Map<string, ZipEntry>();
  readonly budget: ByteBudget;

  private constructor(
    private readonly src: ByteSource,
    readonly limits: Readonly<ReadLimits>,
  ) {
    this.budget = new ByteBudget(limits);
  }

  static openFile(file: string, size: number, limits: Readonly<ReadLimits>): ZipArchive {
    return ZipArchive.open(fileSource(file, size), limits);
  }

  static fromBytes(data: Uint8Array, limits: Readonly<ReadLimits>): ZipArchive {
    return ZipArchive.open(bufferSource(data), limits);
  }

  private static open(src: ByteSource, limits: Readonly<ReadLimits>): ZipArchive {
    const zip = new ZipArchive(src, limits);
    try {
      zip.readDirectory();
    } catch (e) {
      src.close();
      throw e;
    }
    return zip;
  }

  close(): void {
    this.src.close();
  }

  /** The entry of a part name (Office part names are case-insensitive). */
  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name) ?? this.lower.get(name.toLowerCase());
  }

  private readDirectory(): void {
    const { size } = this.src;
    const tailLen = Math.min(size, 22 + 65535);
    const tail = this.src.read(size - tailLen, tailLen);
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new FormatError('找不到压缩包目录（文件不完整或已截断）');
    let total = tail.readUInt16LE(at + 10);
    let cdSize = tail.readUInt32LE(at + 12);
    let cdOffset = tail.readUInt32LE(at + 16);
    const eocdPos = size - tailLen + at;
    if ((total === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocdPos >= 20) {
      const loc = this.src.read(eocdPos - 20, 20);
      if (loc.readUInt32LE(0) === ZIP64_LOCATOR) {
        const rec = this.src.read(safeNumber(loc.readBigUInt64LE(8)), 56);
        if (rec.length < 56 || rec.readUInt32LE(0) !== ZIP64_EOCD) throw new FormatError('ZIP64 目录损坏');
        total = safeNumber(rec.readBigUInt64LE(32));
        cdSize = safeNumber(rec.readBigUInt64LE(40));
        cdOffset = safeNumber(rec.readBigUInt64LE(48));
      }
    }
    if (total > this.limits.entries) throw new LimitError(`压缩包内有 ${count(total)} 个部件，超过 ${count(this.limits.entries)} 个的上限`);
    if (cdOffset + cdSize > size) throw new FormatError('压缩包目录超出文件末尾（文件不完整或已截断）');
    const cd = this.src.read(cdOffset, cdSize);
    let p = 0;
    for (let i = 0; i < total; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw new FormatError('压缩包目录损坏');
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      if (p + 46 + nameLen + extraLen > cd.length) throw new FormatError('压缩包目录损坏');
      const e: ZipEntry = {
        name: cd.toString('utf8', p + 46, p + 46 + nameLen),
        flags: cd.readUInt16LE(p + 8),
        method: cd.readUInt16LE(p + 10),
        compressedSize: cd.readUInt32LE(p + 20),
        size: cd.readUInt32LE(p + 24),
        localOffset: cd.readUInt32LE(p + 42),
      };
      applyZip64(e, cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen));
      if (!this.entries.has(e.name)) {
        this.entries.set(e.name, e);
        this.lower.set(e.name.toLowerCase(), e);
      }
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  /**
   * Streams an entry's decompressed bytes to `sink`, counting them against the per-part limit
   * (`partLimit`, default the limits' partBytes) and the whole-file limit.
   */
  inflate(e: ZipEntry, sink: (chunk: Uint8Array) => void, partLimit = this.limits.partBytes): void {
    if (e.flags & 1) throw new FormatError(`${e.name} 已加密`);
    if (e.method !== 0 && e.method !== 8) throw new FormatError(`${e.name} 使用了不支持的压缩方式（${e.method}）`);
    if (e.size > partLimit) throw new LimitError(`${e.name} 解压后 ${mib(e.size)}，超过 ${mib(partLimit)}（单个部件上限），可能是“压缩炸弹”`);
    const head = this.src.read(e.localOffset, 30);
    if (head.length < 30 || head.readUInt32LE(0) !== LOCAL) throw new FormatError(`${e.name} 的位置信息损坏`);
    const start = e.localOffset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
    const end = start + e.compressedSize;
    let pos = start;
    if (end > this.src.size) throw new FormatError(`${e.name} 不完整（文件已截断）`);
    let produced = 0;
    const take = (chunk: Uint8Array) => {
      produced += chunk.length;
      this.budget.add(e.name, produced, pos - start, chunk.length, partLimit);
      sink(chunk);
    };
    const inflater = e.method === 8 ? new Inflate((chunk) => take(chunk)) : undefined;
    while (pos < end) {
      const n = Math.min(CHUNK, end - pos);
      const data = this.src.read(pos, n);
      pos += n;
      if (!inflater) take(data);
      else pushInflate(inflater, data, pos >= end, e.name);
    }
    if (inflater && e.compressedSize === 0) pushInflate(inflater, new Uint8Array(0), true, e.name);
  }

  /** A whole (small) entry as bytes, within `partLimit`. */
  bytes(e: ZipEntry, partLimit = this.limits.partBytes): Uint8Array {
    const parts: Uint8Array[] = [];
    let n = 0;
    this.inflate(e, (c) => {
      parts.push(c);
      n += c.length;
    }, partLimit);
    return Buffer.concat(parts, n);
  }
}

function pushInflate(inflater: Inflate, data: Uint8Array, final: boolean, name: string): void {
  try {
    inflater.push(data, final);
  } catch (e) {
    if (e instanceof LimitError || e instanceof FormatError) throw e;
    // fflate's own errors (invalid block type, unexpected EOF …) mean damaged data; anything
    // thrown by the consumer (an XML limit) is passed through above.
    if (e instanceof Error && typeof (e as { code?: unknown }).code === 'number') throw new FormatError(`${name} 的压缩数据已损坏`);
    throw e;
  }
}

/** ZIP64 extra field: the 64-bit values of the fields the directory marks 0xFFFFFFFF. */
function applyZip64(e: ZipEntry, extra: Buffer): void {
  if (e.size !== 0xffffffff && e.compressedSize !== 0xffffffff && e.localOffset !== 0xffffffff) return;
  for (let p = 0; p + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = (): number => {
        if (q + 8 > p + 4 + len || q + 8 > extra.length) throw new FormatError('ZIP64 扩展字段损坏');
        const v = safeNumber(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (e.size === 0xffffffff) e.size = next();
      if (e.compressedSize === 0xffffffff) e.compressedSize = next();
      if (e.localOffset === 0xffffffff) e.localOffset = next();
      return;
    }
    p += 4 + len;
  }
}

function safeNumber(v: bigint): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new FormatError('压缩包中的大小或位置数值无效');
  return Number(v);
}
