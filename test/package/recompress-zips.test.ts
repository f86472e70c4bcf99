import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { packagedStack } from './stack';

interface Entry {
  name: string;
  mode: number;
  content: Buffer;
}

interface RecompressZips {
  readZip(zip: Buffer): Entry[];
  writeZip(entries: Entry[]): Buffer;
  recompress(file: string): { before: number; after: number };
}

// A Serverless plugin is plain CommonJS, loaded by require as Serverless loads it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const plugin = require('../../serverless/recompress-zips.js') as RecompressZips;

/**
 * The stack's own plugin that writes each function zip again at deflate level 9 with fixed
 * dates (serverless/recompress-zips.js). Read back by Python's zipfile, an independent
 * reader that checks every CRC, and by the plugin's own reader.
 */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'recompress-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What Python's zipfile reads: each entry's name, unix mode and content (base64). */
function readWithPython(file: string): Array<{ name: string; mode: number; content: string }> {
  const script = [
    'import base64, json, sys, zipfile',
    'z = zipfile.ZipFile(sys.argv[1])',
    'assert z.testzip() is None',
    'print(json.dumps([{"name": i.filename, "mode": i.external_attr >> 16,',
    '  "content": base64.b64encode(z.read(i)).decode()} for i in z.infolist()]))',
  ].join('\n');
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as Array<{
    name: string;
    mode: number;
    content: string;
  }>;
}

const entries: Entry[] = [
  { name: 'functions/deliver.js', mode: 0o100644, content: Buffer.from('x'.repeat(5000) + 'é€') },
  { name: 'bin/tool', mode: 0o100755, content: Buffer.from('#!/bin/sh\necho ok\n') },
  { name: 'empty.txt', mode: 0o100644, content: Buffer.alloc(0) },
];

describe('recompressing the function zips', () => {
  it('writes a zip another reader takes, with every entry, mode and byte', () => {
    const file = join(dir, 'written.zip');
    writeFileSync(file, plugin.writeZip(entries));
    expect(readWithPython(file)).toEqual(
      entries.map(({ name, mode, content }) => ({
        name,
        mode,
        content: content.toString('base64'),
      })),
    );
  });

  it('writes the same bytes for the same entries (no date or order from the machine)', () => {
    expect(plugin.writeZip(entries).equals(plugin.writeZip(entries))).toBe(true);
  });

  it('keeps the packaged bundle exactly and makes its zip smaller', async () => {
    const stack = await packagedStack();
    const file = join(dir, 'webhook.zip');
    const packaged = readFileSync(join(stack.dir, 'webhook.zip'));
    const [bundle] = plugin.readZip(packaged);
    // The zip as serverless-esbuild writes it by itself: archiver's level 1.
    const levelOne = Buffer.from(deflateRawSync(bundle!.content, { level: 1 }));
    writeFileSync(file, packaged);
    const { after } = plugin.recompress(file);
    const [read] = readWithPython(file);
    expect(read!.name).toBe('functions/webhook.js');
    expect(Buffer.from(read!.content, 'base64').equals(bundle!.content)).toBe(true);
    expect(after).toBeLessThan(levelOne.length);
  }, 240_000);

  it('refuses a zip it cannot read instead of writing a broken one', () => {
    const file = join(dir, 'not-a-zip.zip');
    writeFileSync(file, 'not a zip at all');
    expect(() => plugin.recompress(file)).toThrow('no end of central directory');
    expect(readFileSync(file, 'utf8')).toBe('not a zip at all');
  });
});
