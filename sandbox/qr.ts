/**
 * QR codes for the API's answers (the wallet payment link, the hand-off link, the eSIM installation code). The
 * server encodes them so that the widget only draws one: it ships no encoder. Runs in Node and in the browser
 * (the Storybook fixtures use it too).
 */
import { correction, generate } from 'lean-qr';
import type { QrCode } from '../src/client/schemas.ts';

const recent = new Map<string, QrCode>();

/**
 * `encodeQr`, remembered for the last few hundred texts: for wallet payment links, which every poll of an order
 * returns. Never for a text that holds a secret (a hand-off code, an activation code): those are encoded once and
 * forgotten, as the database keeps only their hashes.
 */
export function encodeQrRemembered(text: string): QrCode {
  let qr = recent.get(text);
  if (!qr) {
    qr = encodeQr(text);
    if (recent.size >= 256) recent.delete(recent.keys().next().value!);
    recent.set(text, qr);
  }
  return qr;
}

/** `text` as a QR code at error correction level M or better, in the wire format `QrCode` documents. */
export function encodeQr(text: string): QrCode {
  const code = generate(text, { minCorrectionLevel: correction.M });
  const bytes = new Uint8Array(Math.ceil((code.size * code.size) / 8));
  for (let y = 0; y < code.size; y += 1) {
    for (let x = 0; x < code.size; x += 1) {
      const bit = y * code.size + x;
      if (code.get(x, y)) bytes[bit >> 3]! |= 0x80 >> (bit & 7);
    }
  }
  return { size: code.size, modules: btoa(String.fromCharCode(...bytes)) };
}
