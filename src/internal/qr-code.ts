import { svg, type SVGTemplateResult } from 'lit';
import type { QrCode } from '../client/schemas.js';

/** The dark modules as one SVG path: a square per module, merged along each row. */
function modulesPath({ size, modules }: QrCode): string {
  // The schema admits only well-formed base64 (atob cannot throw); bits missing from a short code read as light.
  const bytes = atob(modules);
  const dark = (bit: number) => (bytes.charCodeAt(bit >> 3) >> (7 - (bit & 7))) & 1;
  let d = '';
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      if (!dark(y * size + x)) continue;
      let run = 1;
      while (x + run < size && dark(y * size + x + run)) run += 1;
      d += `M${x} ${y}h${run}v1h-${run}z`;
      x += run - 1;
    }
  }
  return d;
}

/**
 * A QR code as SVG, drawn from the modules the API encoded (see `QrCode`), so no encoder ships and no image
 * service sees the link. Always dark on light, whatever the theme, with the 4-module quiet zone scanners need.
 * `label` names it for screen readers.
 */
export function qrCode(qr: QrCode, label: string): SVGTemplateResult {
  const box = qr.size + 8;
  return svg`<svg class="qr" part="qr" viewBox="-4 -4 ${box} ${box}" role="img" aria-label=${label}
    shape-rendering="crispEdges"><rect x="-4" y="-4" width=${box} height=${box} fill="#fff"></rect
    ><path d=${modulesPath(qr)} fill="#000"></path></svg>`;
}
