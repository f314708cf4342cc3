// The QR code of a URL, drawn in the terminal with half blocks (two modules
// a character), made locally by the qrcode package: nothing is fetched.
import QRCode from 'qrcode';

export async function terminalQr(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'terminal', small: true, errorCorrectionLevel: 'L' });
}
