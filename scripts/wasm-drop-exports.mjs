// Removes from a wasm module the exports whose names start with one of the given prefixes,
// so that wasm-opt can then drop the code only they reached. The category runtime links
// Leptos' server-function client only through the `app` crate, and with it wasm-streams,
// whose exported stream classes the runtime never uses.
//   node scripts/wasm-drop-exports.mjs <module.wasm> <prefix>[,<prefix>...]
import { readFileSync, writeFileSync } from 'node:fs';

const [file, prefixList] = process.argv.slice(2);
const prefixes = prefixList.split(',');
const wasm = readFileSync(file);

function readLeb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

const parts = [wasm.subarray(0, 8)];
const dropped = [];
let at = 8;
while (at < wasm.length) {
  const id = wasm[at];
  const [size, start] = readLeb(wasm, at + 1);
  let body = wasm.subarray(start, start + size);
  if (id === 7) {
    let [count, cursor] = readLeb(body, 0);
    const kept = [];
    for (let i = 0; i < count; i++) {
      const entry = cursor;
      const [length, nameAt] = readLeb(body, cursor);
      const name = body.subarray(nameAt, nameAt + length).toString('utf8');
      cursor = readLeb(body, nameAt + length + 1)[1];
      if (prefixes.some((prefix) => name.startsWith(prefix))) dropped.push(name);
      else kept.push(body.subarray(entry, cursor));
    }
    body = Buffer.concat([leb(kept.length), ...kept]);
  }
  parts.push(Buffer.from([id]), leb(body.length), body);
  at = start + size;
}
writeFileSync(file, Buffer.concat(parts));
console.log(`dropped ${dropped.length} exports: ${dropped.join(' ')}`);
