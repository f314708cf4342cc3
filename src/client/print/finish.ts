// The print view's last touches, once reveal.js has laid it out (at load, and
// again after `export --watch` patches or relays it): every printed slide in
// the tagged PDF's structure (access.ts) and, with `export --annotations`,
// the pen's drawings on their pages (../pen/penPrint.ts).
import type { Annotations } from '../../shared/annotations.ts';
import { drawPrintAnnotations } from '../pen/penPrint.ts';
import { exposePrintedSlides } from './access.ts';

export function finishPrintView(annotations: Annotations | undefined): void {
  exposePrintedSlides();
  if (/[?&]annotations\b/.test(location.search)) drawPrintAnnotations(annotations);
}
