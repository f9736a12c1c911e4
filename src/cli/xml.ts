/**
 * Streaming XML (saxes) with the limits that keep a hostile part harmless: nesting depth, no
 * DOCTYPE or entity declarations (so no "billion laughs" and no external entities), and the
 * zip's byte limits underneath. Element names reach the handler without their namespace
 * prefix (`x:c` and `c` are the same cell), which is how files written by other tools name them.
 */
import { SaxesParser, SaxesTagPlain } from 'saxes';
import { FormatError, LimitError, ReadLimits, count } from './limits';
import { ZipArchive, ZipEntry } from './zip';

export type Attributes = Record<string, string>;

export interface XmlHandler {
  open(name: string, attrs: Attributes): void;
  close?(name: string): void;
  /** Character data (text and CDATA), in pieces; whitespace between elements included. */
  text?(t: string): void;
}

export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** Bytes in, handler calls out; `end()` checks that the document was complete. */
export class XmlStream {
  private readonly parser = new SaxesParser<{ position: false; xmlns: false }>({ position: false, xmlns: false });
  private decoder: TextDecoder | undefined;
  private depth = 0;
  private rootSeen = false;
  private failure: Error | undefined;

  private readonly maxToken: number;

  constructor(
    private readonly part: string,
    handler: XmlHandler,
    limits: Pick<ReadLimits, 'xmlDepth' | 'xmlToken'>,
  ) {
    const p = this.parser;
    const maxDepth = limits.xmlDepth;
    this.maxToken = limits.xmlToken;
    p.on('opentag', (tag: SaxesTagPlain) => {
      this.rootSeen = true;
      if (++this.depth > maxDepth) throw new LimitError(`${part} 的 XML 嵌套超过 ${maxDepth} 层`);
      handler.open(localName(tag.name), tag.attributes);
    });
    p.on('closetag', (tag: SaxesTagPlain) => {
      this.depth--;
      handler.close?.(localName(tag.name));
    });
    if (handler.text) {
      const text = handler.text.bind(handler);
      p.on('text', text);
      p.on('cdata', text);
    }
    p.on('doctype', () => {
      throw doctypeError(part);
    });
    p.on('error', (e: Error) => {
      this.failure ??= e;
    });
  }

  write(chunk: Uint8Array): void {
    if (!this.decoder) {
      const bom16 = chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : 'utf-8';
      this.decoder = new TextDecoder(bom16); // drops a byte-order mark
    }
    const s = this.decoder.decode(chunk, { stream: true });
    if (s) this.feed(s);
  }

  end(): void {
    const rest = this.decoder?.decode();
    if (rest) this.feed(rest);
    if (!this.rootSeen) throw new FormatError(`${this.part} 是空的`);
    this.parser.close();
    this.check();
  }

  private feed(s: string): void {
    // Refused before saxes reads the declarations, however long they are.
    if (!this.rootSeen && (s.includes('<!DOCTYPE') || s.includes('<!ENTITY'))) throw doctypeError(this.part);
    // In slices, so that one text, comment or attribute still being collected is checked often.
    for (let i = 0; i < s.length; i += SLICE) {
      this.parser.write(s.length <= SLICE ? s : s.slice(i, i + SLICE));
      this.check();
    }
  }

  private check(): void {
    if (this.failure) throw new FormatError(`${this.part} 不是有效的 XML（${this.failure.message.split('\n')[0].slice(0, 80)}）`);
    // saxes collects a text, comment, CDATA or attribute value whole before handing it over;
    // its buffers are private, but reading their length is the only way to bound them.
    const open = this.parser as unknown as { text?: string; name?: string };
    if ((open.text?.length ?? 0) + (open.name?.length ?? 0) > this.maxToken) {
      throw new LimitError(`${this.part} 中有一段文字、注释或属性超过 ${count(this.maxToken)} 个字符`);
    }
  }
}

/** Characters handed to saxes at once. */
const SLICE = 1 << 20;

/** Parses one part of the archive as it inflates. */
export function parseXmlEntry(zip: ZipArchive, entry: ZipEntry, handler: XmlHandler, partLimit?: number): void {
  const xml = new XmlStream(entry.name, handler, zip.limits);
  zip.inflate(entry, (chunk) => xml.write(chunk), partLimit);
  xml.end();
}

function doctypeError(part: string): LimitError {
  return new LimitError(`${part} 含有 DOCTYPE/实体声明（Office 文件不会有，可能是“实体膨胀”攻击），拒绝读取`);
}

/** A whole (bounded) part as text, after checking it against the same XML limits. */
export function checkedXmlText(zip: ZipArchive, entry: ZipEntry, partLimit?: number): string {
  const bytes = zip.bytes(entry, partLimit);
  const xml = new XmlStream(entry.name, { open() {} }, zip.limits);
  xml.write(bytes);
  xml.end();
  return new TextDecoder().decode(bytes);
}
