// Writes .br and .gz beside each text asset of dist/, which the server's sirv sends to browsers
// that accept them (the bundle is ~400 kB raw, ~120 kB gzipped). Node's zlib does both.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DIST = new URL('../dist/', import.meta.url).pathname;
const TEXT = /\.(js|css|html|svg|json|txt|map)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (TEXT.test(name) && statSync(path).size >= 1024) yield path;
  }
}

let raw = 0;
let brotli = 0;
for (const path of files(DIST)) {
  const body = readFileSync(path);
  const br = brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
  raw += body.length;
  brotli += br.length;
}
console.log(
  `precompressed ${(raw / 1024).toFixed(0)} kB of assets to ${(brotli / 1024).toFixed(0)} kB (brotli)`,
);
