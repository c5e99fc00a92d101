import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, checkImage } from './image-limits.ts';
import { pngClaiming } from '../../tests/images.ts';

const FORMATS = new Set(['png', 'jpeg']);

describe('checkImage', () => {
  it('accepts a real image and gives its dimensions', async () => {
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#000091' } }).png().toBuffer();
    expect(await checkImage(png, FORMATS)).toEqual({ ok: true, format: 'png', width: 300, height: 200 });
  });

  it('refuses a decompression bomb from its header, without decoding it', async () => {
    // 30,000 × 30,000 px: 3.6 GB once decoded, a few kilobytes on disk.
    const bomb = pngClaiming(30_000, 30_000);
    expect(await checkImage(bomb, FORMATS)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^image trop grande pour être affichée sans risque : 30\s000 × 30\s000 px \(900 mégapixels\)$/),
      found: expect.stringMatching(/^30\s000 × 30\s000 px$/),
      expected: expect.stringMatching(/^au plus 10\s000 px de côté et 40 mégapixels$/),
    });
  });

  it('refuses more pixels than the bound even when each side is allowed', async () => {
    const side = Math.ceil(Math.sqrt(MAX_IMAGE_PIXELS)) + 10;
    expect(side).toBeLessThan(MAX_IMAGE_SIDE);
    expect(await checkImage(pngClaiming(side, side), FORMATS)).toMatchObject({ ok: false, message: expect.stringContaining('image trop grande') });
  });

  it('refuses an image whose pixel data is cut short', async () => {
    expect(await checkImage(pngClaiming(400, 400, 3), FORMATS)).toMatchObject({ ok: false, message: 'image endommagée : elle ne peut pas être décodée' });
  });

  it('refuses what is not an image, and formats not accepted', async () => {
    expect(await checkImage(Buffer.from('<html>not an image</html>'), FORMATS)).toMatchObject({ ok: false, message: 'le fichier n’est pas une image lisible' });
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).gif().toBuffer();
    expect(await checkImage(gif, FORMATS)).toMatchObject({ ok: false, message: 'format « gif » refusé' });
  });
});
