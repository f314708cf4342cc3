// A bitmap made smaller for an export: at most `width`×`height` pixels, its
// aspect kept, never enlarged, by sharp (libvips; its Linux binary ships in
// its npm package, so it installs offline from the registry). sharp is loaded
// here, and this module only when an export has a bitmap larger than it needs
// (src/export/print/fitBitmaps.ts): a command without one never loads it.
// A JPEG stays a JPEG; anything else becomes a PNG (transparency kept).
export interface Downsampled {
  data: Buffer;
  mime: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
}

export async function downsample(data: Uint8Array, width: number, height: number): Promise<Downsampled> {
  const { default: sharp } = await import('sharp');
  const image = sharp(data, { failOn: 'error' }).rotate().resize({ width, height, fit: 'inside', withoutEnlargement: true });
  const jpeg = (await sharp(data).metadata()).format === 'jpeg';
  const { data: out, info } = await (jpeg ? image.jpeg({ quality: 88, mozjpeg: true }) : image.png({ compressionLevel: 6 })).toBuffer({
    resolveWithObject: true,
  });
  return { data: out, mime: jpeg ? 'image/jpeg' : 'image/png', width: info.width, height: info.height };
}
