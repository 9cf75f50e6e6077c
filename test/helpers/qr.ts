// Reads a rendered QR code back, as a phone's camera would: the SVG is drawn to a canvas and decoded with jsQR.
type JsQR = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;

let loading: Promise<JsQR> | undefined;

/** jsQR ships as UMD only: load it as a classic script from node_modules, once. */
function loadJsQR(): Promise<JsQR> {
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/jsqr/dist/jsQR.js';
    script.onload = () => resolve((window as unknown as { jsQR: JsQR }).jsQR);
    script.onerror = () => reject(new Error('could not load jsQR'));
    document.head.append(script);
  });
  return loading;
}

export async function decodeQr(svgElement: SVGSVGElement, scale = 8): Promise<string | undefined> {
  const jsQR = await loadJsQR();
  const [, , width, height] = svgElement.getAttribute('viewBox')!.split(/\s+/).map(Number);
  const source = new XMLSerializer().serializeToString(svgElement);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width! * scale;
  canvas.height = height! * scale;
  const context = canvas.getContext('2d')!;
  context.imageSmoothingEnabled = false;
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
  return jsQR(pixels.data, canvas.width, canvas.height)?.data;
}
