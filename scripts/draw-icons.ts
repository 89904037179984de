import * as fs from 'node:fs';
import * as path from 'node:path';
import { PNG } from 'pngjs';

/**
 * Draws Tandem's icons (two linked rings: two people, one conversation) so they can be regenerated at any
 * size without a design tool: `node dist/scripts/draw-icons.js`. The results are committed in appPackage/.
 */
type Rgba = readonly [number, number, number, number];

const ACCENT: Rgba = [79, 82, 178, 255];
const WHITE: Rgba = [255, 255, 255, 255];

function draw(size: number, background: Rgba | undefined, ink: Rgba): PNG {
  const png = new PNG({ width: size, height: size });
  const ring = (x: number, y: number, cx: number, cy: number, r: number, w: number) => {
    const d = Math.abs(Math.hypot(x - cx, y - cy) - r);
    return Math.max(0, Math.min(1, w / 2 - d + 0.5));
  };
  const s = size;
  for (let y = 0; y < s; y++) {
    for (let x = 0; x < s; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      const cover = Math.max(
        ring(px, py, s * 0.38, s * 0.5, s * 0.2, s * 0.075),
        ring(px, py, s * 0.62, s * 0.5, s * 0.2, s * 0.075),
      );
      const base: Rgba = background ?? [ink[0], ink[1], ink[2], 0];
      const i = (y * s + x) * 4;
      for (let c = 0; c < 3; c++) png.data[i + c] = Math.round(base[c]! * (1 - cover) + ink[c]! * cover);
      png.data[i + 3] = Math.round(base[3]! * (1 - cover) + ink[3]! * cover);
    }
  }
  return png;
}

function write(file: string, png: PNG): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, PNG.sync.write(png));
}

const root = path.resolve(__dirname, '..', '..', 'appPackage');
// The Teams app package: color 192×192 (full bleed), outline 32×32 white on transparent.
write(path.join(root, 'color.png'), draw(192, ACCENT, WHITE));
write(path.join(root, 'outline.png'), draw(32, undefined, WHITE));
// Outlook ribbon button icons, served at /icons/ by the service (25 and 48: Outlook on iOS and Android).
for (const size of [16, 25, 32, 48, 64, 80, 128])
  write(path.join(root, 'icons', `icon-${size}.png`), draw(size, ACCENT, WHITE));
console.log(`icons written to ${root}`);
