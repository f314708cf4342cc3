// The QR code of a URL, drawn in the terminal: encoded locally by the qrcode
// package (nothing is fetched), drawn with half blocks, two modules a
// character, black on white whatever the terminal's colours, inside a
// two-module white margin so a phone camera finds it on a dark terminal too
// (qrcode's own small terminal drawing has one).
import QRCode from 'qrcode';

const MARGIN = 2;
const BLACK_ON_WHITE = '\x1b[47m\x1b[30m';
const RESET = '\x1b[0m';

export function terminalQr(url: string): string {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'L' });
  const size = modules.size;
  const dark = (x: number, y: number) => x >= 0 && y >= 0 && x < size && y < size && modules.get(y, x) === 1;
  const lines: string[] = [];
  for (let y = -MARGIN; y < size + MARGIN; y += 2) {
    let line = '';
    for (let x = -MARGIN; x < size + MARGIN; x++) {
      const top = dark(x, y);
      const bottom = y + 1 < size + MARGIN && dark(x, y + 1);
      line += top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ';
    }
    lines.push(`${BLACK_ON_WHITE}${line}${RESET}`);
  }
  return lines.join('\n');
}
