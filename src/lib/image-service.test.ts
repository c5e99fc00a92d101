import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pngClaiming } from '../../tests/images.ts';
import { MAX_IMAGE_PIXELS } from './image-limits.ts';
import service from './image-service.ts';

const config = { service: { entrypoint: '', config: { limitInputPixels: MAX_IMAGE_PIXELS } } } as never;
const logger = { warn() {}, info() {}, error() {}, debug() {} } as never;

describe('image service', () => {
  it('optimises an image as Astro’s sharp service does', async () => {
    const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#000091' } }).png().toBuffer();
    const out = await service.transform(new Uint8Array(png), { src: 'logo.png', width: 400, format: 'webp' }, config, logger);
    expect(out.format).toBe('webp');
    expect((await sharp(Buffer.from(out.data)).metadata()).width).toBe(400);
  });

  it('stops the build instead of publishing an image it could not optimise', async () => {
    // Astro's own service would hand the original bytes on, renamed .webp.
    const bomb = new Uint8Array(pngClaiming(30_000, 30_000));
    await expect(service.transform(bomb, { src: 'bombe.png', width: 400, format: 'webp' }, config, logger)).rejects.toThrow(/^bombe\.png : l’image n’a pas pu être optimisée .* n’est pas publiée telle quelle/);
  });
});
