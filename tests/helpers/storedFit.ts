// A .pptx as PowerPoint and WPS show it when they open it: a normAutofit body
// is drawn at the fontScale and lnSpcReduction the file carries (they compute
// their own only once the text is edited), whereas LibreOffice computes its
// own at once. To see the file's own values with LibreOffice's layout and a
// receiver's fonts, each body is written out at them — every run's size
// times fontScale, exact line spacing less lnSpcReduction (ECMA-376
// §21.1.2.1.3) — with autofit off, so nothing shrinks further.
import { readFile, writeFile } from 'node:fs/promises';
import JSZip from 'jszip';

/** One shape's XML with its stored autofit applied and turned off. */
export function applyStoredFit(sp: string): string {
  const fit = /<a:normAutofit\b([^>]*)\/>/.exec(sp);
  if (!fit) return sp;
  const scale = Number(/fontScale="(\d+)"/.exec(fit[1])?.[1] ?? 100000) / 100000;
  const reduction = Number(/lnSpcReduction="(\d+)"/.exec(fit[1])?.[1] ?? 0) / 100000;
  return sp
    .replace(fit[0], '<a:noAutofit/>')
    .replace(
      /(<a:(?:rPr|endParaRPr|defRPr)\b[^>]*\ssz=")(\d+)"/g,
      (_, head: string, sz: string) => `${head}${Math.round(Number(sz) * scale)}"`,
    )
    .replace(/(<a:lnSpc><a:spcPts val=")(\d+)"/g, (_, head: string, val: string) => `${head}${Math.round(Number(val) * (1 - reduction))}"`);
}

/** Writes `to`: the package at `from` with every slide's bodies as PowerPoint first draws them. */
export async function storedFitCopy(from: string, to: string): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(from));
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    zip.file(
      name,
      xml.replace(/<p:sp>.*?<\/p:sp>/gs, (sp) => applyStoredFit(sp)),
    );
  }
  await writeFile(to, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}
