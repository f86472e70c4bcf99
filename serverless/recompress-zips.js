'use strict';
/**
 * A local Serverless plugin: after serverless-esbuild has zipped each function, write the zip
 * again with the same entries at deflate level 9 and fixed dates.
 *
 * Why: serverless-esbuild zips with archiver's default, level 1; the same bundle is about 11 %
 * smaller at level 9 (the webhook: 152 KB → 135 KB), and the zips are what Lambda downloads at
 * a cold start and what the 150 KB budget of issue 11 counts (measured there with `zip -9`).
 * Fixed dates and modes keep the zip byte-for-byte the same for the same bundle, so an
 * unchanged function keeps its code hash and gets no new version on deploy.
 *
 * Plain CommonJS on Node's zlib only (Serverless requires plugins; no extra dependency).
 * Reads zips of stored (0) and deflated (8) entries without zip64, which is all archiver
 * writes for a bundle of this size; anything else is left as it was, with a warning.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { resolve } = require('node:path');
const { deflateRawSync, inflateRawSync } = require('node:zlib');

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
/** 1980-01-01 00:00, the earliest DOS date: the same for every build. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The entries of a zip: name, content and unix mode, from its central directory. */
function readZip(zip) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || zip.readUInt32LE(end) !== END_OF_CENTRAL)
    throw new Error('no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error('bad central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const mode = zip.readUInt32LE(at + 38) >>> 16;
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (zip.readUInt32LE(localAt) !== LOCAL_HEADER) throw new Error(`bad local header of ${name}`);
    const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    const data = zip.subarray(dataAt, dataAt + compressedSize);
    if (method !== 0 && method !== 8) throw new Error(`${name}: compression method ${method}`);
    entries.push({ name, mode, content: method === 8 ? inflateRawSync(data) : Buffer.from(data) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** A zip of these entries, deflated at level 9, with fixed dates, in the order given. */
function writeZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, mode, content } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = deflateRawSync(content, { level: 9 });
    const crc = crc32(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by unix, so the mode below counts
    local.copy(central, 6, 4, 30); // version needed … name length, as in the local header
    central.writeUInt32LE(((mode || 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Rewrites one zip file at level 9; answers the sizes before and after. */
function recompress(file) {
  const before = readFileSync(file);
  const after = writeZip(readZip(before));
  writeFileSync(file, after);
  return { before: before.length, after: after.length };
}

class RecompressZips {
  constructor(serverless, _options, { log } = {}) {
    // Runs after serverless-esbuild's own hook (listed after it), which has moved the zips
    // into .serverless/ and pointed each function's artifact at them, relative to the service.
    const recompressAll = () => {
      for (const name of serverless.service.getAllFunctions()) {
        const artifact = serverless.service.getFunction(name).package?.artifact;
        if (!artifact) continue;
        try {
          const { before, after } = recompress(resolve(serverless.serviceDir, artifact));
          log?.verbose?.(`${name}.zip: ${before} → ${after} bytes (deflate level 9)`);
        } catch (error) {
          log?.warning?.(`${name}.zip left as packaged: ${error.message}`);
        }
      }
    };
    this.hooks = {
      'after:package:createDeploymentArtifacts': recompressAll,
      'after:deploy:function:packageFunction': recompressAll,
    };
  }
}

module.exports = RecompressZips;
module.exports.readZip = readZip;
module.exports.writeZip = writeZip;
module.exports.recompress = recompress;
