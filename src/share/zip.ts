/**
 * Writing the package back: each part deflated by a function the caller may choose, then laid
 * out as a zip by fflate's streaming Zip. The browser (the task pane, the preview) deflates with
 * fflate; the command line passes Node's zlib, which is native and several times faster on a
 * large worksheet (bench/share.bench.ts measures both).
 */
import { deflateSync, Zip, type AsyncFlateStreamHandler, type ZipInputFile } from "fflate";

/** Raw DEFLATE (RFC 1951, no zlib or gzip header) of a part's bytes. */
export type RawDeflate = (data: Uint8Array) => Uint8Array;

/** fflate's deflate at the level zip tools use by default (6). */
export const fflateDeflate: RawDeflate = (data) => deflateSync(data, { level: 6 });

const crcTable = (() => {
  const table = new Int32Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let value = byte;
    for (let bit = 0; bit < 8; bit++) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
    table[byte] = value;
  }
  return table;
})();

/**
 * The CRC-32 a zip entry declares (the IEEE polynomial, as zlib's crc32).
 *
 * @example crc32(new TextEncoder().encode("123456789")) // 0xcbf43926
 */
export function crc32(data: Uint8Array): number {
  let crc = -1;
  for (let index = 0; index < data.length; index++) crc = crcTable[(crc ^ data[index]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** A zip entry whose compressed bytes are ready: fflate's Zip writes its headers around them. */
class DeflatedEntry implements ZipInputFile {
  readonly compression = 8;
  readonly size: number;
  readonly crc: number;
  ondata?: AsyncFlateStreamHandler;

  constructor(
    readonly filename: string,
    data: Uint8Array,
    private readonly compressed: Uint8Array,
  ) {
    this.size = data.length;
    this.crc = crc32(data);
  }

  /** Hands the compressed bytes to the archive (Zip sets ondata when the entry is added). */
  flush(): void {
    // fflate only reads the bytes; the buffer kind does not matter to it.
    this.ondata!(null, this.compressed as Uint8Array<ArrayBuffer>, true);
  }

  terminate(): void {}
}

/**
 * A zip package of the parts, in the order given, each deflated with `deflate`.
 *
 * @example zipParts([["a.xml", bytes]], fflateDeflate) // the bytes of a zip holding a.xml
 */
export function zipParts(parts: readonly (readonly [string, Uint8Array])[], deflate: RawDeflate = fflateDeflate): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((problem, chunk) => {
    if (problem) failure ??= problem;
    else chunks.push(chunk);
  });
  for (const [name, data] of parts) {
    const entry = new DeflatedEntry(name, data, deflate(data));
    zip.add(entry);
    entry.flush();
  }
  zip.end();
  if (failure) throw failure;
  const length = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
