/**
 * Tiny, structurally valid MP4 and WebM files for tests (unit and e2e): the boxes/elements our parser reads,
 * with arbitrary bytes as media data. Not playable, and not meant to be: no ffmpeg on the machine.
 */

/* MP4 */

export function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

function mvhd(timescale: number, duration: number, version: 0 | 1): Buffer {
  const b = Buffer.alloc(version === 1 ? 112 : 100);
  b[0] = version;
  if (version === 1) {
    b.writeUInt32BE(timescale, 20);
    b.writeBigUInt64BE(BigInt(duration), 24);
  } else {
    b.writeUInt32BE(timescale, 12);
    b.writeUInt32BE(duration, 16);
  }
  return box('mvhd', b);
}

function tkhd(width: number, height: number): Buffer {
  const b = Buffer.alloc(84);
  b.writeUInt32BE(width * 65536, 76);
  b.writeUInt32BE(height * 65536, 80);
  return box('tkhd', b);
}

export interface Mp4Options {
  timescale?: number;
  duration?: number;
  version?: 0 | 1;
  width?: number;
  height?: number;
  /** Bytes of media data (the payload of mdat). */
  media?: Buffer;
  /** moov after mdat (a file not "optimized for streaming"). */
  moovLast?: boolean;
  brand?: string;
}

export function makeMp4(o: Mp4Options = {}): Buffer {
  const ftyp = box('ftyp', Buffer.from(`${o.brand ?? 'isom'}\0\0\x02\0isomiso2avc1mp41`, 'latin1'));
  const audio = box('trak', tkhd(0, 0));
  const video = box('trak', tkhd(o.width ?? 640, o.height ?? 360));
  const moov = box('moov', mvhd(o.timescale ?? 1000, o.duration ?? 63_000, o.version ?? 0), audio, video);
  const mdat = box('mdat', o.media ?? Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256)));
  return Buffer.concat(o.moovLast ? [ftyp, mdat, moov] : [ftyp, moov, mdat]);
}

/* WebM */

function vint(n: number, length: number): Buffer {
  const b = Buffer.alloc(length);
  let v = n;
  for (let i = length - 1; i >= 0; i -= 1) {
    b[i] = v % 256;
    v = Math.floor(v / 256);
  }
  b[0]! |= 0x80 >> (length - 1);
  return b;
}

/** An EBML element; `unknownSize` writes the all-ones size (live streams). */
export function element(id: number, data: Buffer, unknownSize = false): Buffer {
  const idBytes = Buffer.alloc(4);
  idBytes.writeUInt32BE(id);
  const idLength = id >= 0x1000000 ? 4 : id >= 0x10000 ? 3 : id >= 0x100 ? 2 : 1;
  const size = unknownSize ? Buffer.from([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]) : vint(data.length, 8);
  return Buffer.concat([idBytes.subarray(4 - idLength), size, data]);
}

const uintData = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

export interface WebmOptions {
  docType?: string;
  /** Duration in TimestampScale units. */
  duration?: number | null;
  scale?: number;
  floatBytes?: 4 | 8;
  width?: number;
  height?: number;
  unknownSegmentSize?: boolean;
  media?: Buffer;
}

export function makeWebm(o: WebmOptions = {}): Buffer {
  const header = element(0x1a45dfa3, Buffer.concat([element(0x4286, Buffer.from([1])), element(0x4282, Buffer.from(o.docType ?? 'webm'))]));
  const dur = o.duration === undefined ? 63_000 : o.duration;
  const durData = Buffer.alloc(o.floatBytes ?? 8);
  if (o.floatBytes === 4) durData.writeFloatBE(dur ?? 0);
  else durData.writeDoubleBE(dur ?? 0);
  const info = element(0x1549a966, Buffer.concat([element(0x2ad7b1, uintData(o.scale ?? 1_000_000)), ...(dur === null ? [] : [element(0x4489, durData)])]));
  const videoTrack = element(
    0xae,
    Buffer.concat([element(0x83, Buffer.from([1])), element(0xe0, Buffer.concat([element(0xb0, uintData(o.width ?? 640)), element(0xba, uintData(o.height ?? 360))]))]),
  );
  const audioTrack = element(0xae, element(0x83, Buffer.from([2])));
  const tracks = element(0x1654ae6b, Buffer.concat([audioTrack, videoTrack]));
  const cluster = element(0x1f43b675, o.media ?? Buffer.alloc(2048, 0x5a));
  const segment = element(0x18538067, Buffer.concat([info, tracks, cluster]), o.unknownSegmentSize);
  return Buffer.concat([header, segment]);
}
