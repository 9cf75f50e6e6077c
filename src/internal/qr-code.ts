import { svg, type SVGTemplateResult } from 'lit';
import { generate, correction } from 'lean-qr/nano';

/** The dark modules of a QR code as one SVG path: a square per module, merged along each row. */
function modulesPath(text: string): { size: number; d: string } {
  const code = generate(text, { minCorrectionLevel: correction.M });
  let d = '';
  for (let y = 0; y < code.size; y += 1) {
    for (let x = 0; x < code.size; x += 1) {
      if (!code.get(x, y)) continue;
      let run = 1;
      while (x + run < code.size && code.get(x + run, y)) run += 1;
      d += `M${x} ${y}h${run}v1h-${run}z`;
      x += run - 1;
    }
  }
  return { size: code.size, d };
}

/**
 * A QR code rendered locally as SVG (no image service sees the payment link). Always dark on light, whatever the
 * theme, with the 4-module quiet zone scanners need. `label` names it for screen readers.
 */
export function qrCode(text: string, label: string): SVGTemplateResult {
  const { size, d } = modulesPath(text);
  const box = size + 8;
  return svg`<svg class="qr" part="qr" viewBox="-4 -4 ${box} ${box}" role="img" aria-label=${label}
    shape-rendering="crispEdges"><rect x="-4" y="-4" width=${box} height=${box} fill="#fff"></rect
    ><path d=${d} fill="#000"></path></svg>`;
}
