// Test helpers for `npm run present`: start it as the speaker would, read
// what it prints, decode the QR codes it draws in the terminal (jsQR on the
// modules drawn to pixels), and list the sockets a process listens on. The
// "LAN" is 127.0.0.2 (IUR_TEST_LAN overrides): a loopback address other than
// the venue screen's 127.0.0.1, so the tests send nothing beyond loopback.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import http from 'node:http';
import { stripVTControlCharacters } from 'node:util';
import jsQR from 'jsqr';

export const LAN = process.env.IUR_TEST_LAN ?? '127.0.0.2';

export interface PresentRun {
  child: ChildProcess & { pid: number };
  output: () => string;
  port: number;
  /** URLs decoded from the printed QR codes: remote first, then follow. */
  qrUrls: string[];
  /** URLs printed as text. */
  remoteUrl?: string;
  followUrl?: string;
  stop: () => Promise<void>;
}

/**
 * Starts `present` (or `dev`, with --remote) and waits until it has printed everything.
 * `present` starts a new talk (--fresh) unless `resume`: a test's talk must not go on from another's.
 */
export async function startPresent(
  args: string[],
  options: { viaNpm?: boolean; dev?: boolean; resume?: boolean } = {},
): Promise<PresentRun> {
  const name = options.dev ? 'dev' : 'present';
  if (!options.dev && !options.resume) args = [...args, '--fresh'];
  const command = options.viaNpm ? 'npm' : process.execPath;
  const argv = options.viaNpm ? ['run', name, '--', ...args] : ['src/cli/bin.mjs', name, ...args];
  const ready = options.dev ? 'new tokens at every start' : 'Ctrl+C ends it.';
  const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] }) as ChildProcess & { pid: number };
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`present did not start:\n${out}`)), 120_000);
    const look = () => {
      if (out.includes(ready)) {
        clearTimeout(timer);
        resolve();
      } else setTimeout(look, 100);
    };
    child.once('exit', (code) => reject(new Error(`present ended (${code}):\n${out}`)));
    look();
  });
  // Vite colours its URL (the port in bold) whenever CI is set, terminal or not.
  const port = Number(
    /(?:venue screen: http:\/\/127\.0\.0\.1|Local: +http:\/\/localhost):(\d+)\//.exec(stripVTControlCharacters(out))?.[1],
  );
  const printed = [...out.matchAll(/^ {2}(http:\/\/\S+\?token=\S+)$/gm)].map((m) => m[1]);
  return {
    child,
    output: () => out,
    port,
    qrUrls: decodeTerminalQrs(out),
    remoteUrl: printed[0],
    followUrl: printed[1],
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await gone;
    },
  };
}

type Colour = 'dark' | 'light';

/** The module rows of every QR code drawn in the terminal with half blocks and ANSI colours (src/present/terminalQr.ts). */
export function terminalQrRows(text: string): boolean[][][] {
  const codes: boolean[][][] = [];
  let rows: boolean[][] = [];
  for (const line of text.split('\n')) {
    if (!line.includes('\x1b[47m') && !line.includes('▀')) {
      if (rows.length) codes.push(rows);
      rows = [];
      continue;
    }
    let fg: Colour = 'light';
    let bg: Colour = 'light';
    const top: boolean[] = [];
    const bottom: boolean[] = [];
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '\x1b') {
        // The ESC is matched above; the rest of the SGR code here.
        const m = /^\[(\d+)m/.exec(line.slice(i + 1));
        if (m) {
          const code = Number(m[1]);
          if (code === 0) fg = bg = 'light';
          else if (code === 30) fg = 'dark';
          else if (code === 37) fg = 'light';
          else if (code === 40) bg = 'dark';
          else if (code === 47) bg = 'light';
          i += m[0].length;
        }
        continue;
      }
      const ch = line[i];
      const [t, b] = ch === '▀' ? [fg, bg] : ch === '▄' ? [bg, fg] : ch === '█' ? [fg, fg] : [bg, bg];
      top.push(t === 'dark');
      bottom.push(b === 'dark');
    }
    if (top.length) rows.push(top, bottom);
  }
  if (rows.length) codes.push(rows);
  return codes;
}

/** Each printed QR code drawn to pixels (8 per module, a wide light margin) and read by jsQR. */
export function decodeTerminalQrs(text: string): string[] {
  const out: string[] = [];
  for (const rows of terminalQrRows(text)) {
    const scale = 8;
    const margin = 4;
    const width = (Math.max(...rows.map((r) => r.length)) + 2 * margin) * scale;
    const height = (rows.length + 2 * margin) * scale;
    const pixels = new Uint8ClampedArray(width * height * 4).fill(255);
    rows.forEach((row, y) =>
      row.forEach((dark, x) => {
        if (!dark) return;
        for (let dy = 0; dy < scale; dy++)
          for (let dx = 0; dx < scale; dx++) {
            const at = (((y + margin) * scale + dy) * width + (x + margin) * scale + dx) * 4;
            pixels[at] = pixels[at + 1] = pixels[at + 2] = 0;
          }
      }),
    );
    const code = jsQR(pixels, width, height);
    if (code) out.push(code.data);
  }
  return out;
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP GET (the path sent as is, any Host header) to this machine. */
export function get(host: string, port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host, port, path, method: 'GET', headers: { Host: `${host.includes(':') ? `[${host}]` : host}:${port}`, ...headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The session cookie a valid token opens (the first load's Set-Cookie). */
export async function sessionCookie(url: string): Promise<string> {
  const u = new URL(url);
  const answer = await get(u.hostname, Number(u.port), `${u.pathname}${u.search}`);
  if (answer.status !== 303) throw new Error(`expected 303 for a valid token, got ${answer.status}`);
  return String(answer.headers['set-cookie']?.[0] ?? '').split(';')[0];
}

/** The local addresses (ip:port) a process listens on for TCP, from /proc. */
export function listeningSockets(pid: number): string[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]);
    } catch {
      /* closed meanwhile */
    }
  }
  const out: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10 || f[3] !== '0A' || !inodes.has(f[9])) continue;
      const [hex, port] = f[1].split(':');
      out.push(`${hexAddress(hex)}:${parseInt(port, 16)}`);
    }
  }
  return out;
}

function hexAddress(hex: string): string {
  if (hex.length === 8) return [3, 2, 1, 0].map((i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).join('.');
  // IPv6: four little-endian 32-bit words.
  const words = hex.match(/.{8}/g) ?? [];
  const bytes = words.flatMap((w) => [3, 2, 1, 0].map((i) => w.slice(i * 2, i * 2 + 2)));
  const groups = [];
  for (let i = 0; i < 16; i += 2) groups.push(parseInt(bytes[i] + bytes[i + 1], 16).toString(16));
  return groups.join(':');
}

export interface CuttableProxy {
  port: number;
  /** Like a phone walking out of the Wi-Fi: open connections go silent (nothing passes, nothing closes), new ones are dropped. */
  cut: () => void;
  restore: () => void;
  close: () => Promise<void>;
}

/** A TCP relay on `host`:free port to `host`:`port`, whose link can be cut without closing it. */
export async function cuttableProxy(host: string, port: number): Promise<CuttableProxy> {
  const net = await import('node:net');
  let cut = false;
  const pairs = new Set<[import('node:net').Socket, import('node:net').Socket]>();
  const server = net.createServer((client) => {
    if (cut) return client.destroy();
    const upstream = net.connect(port, host);
    const pair: [typeof client, typeof upstream] = [client, upstream];
    pairs.add(pair);
    client.on('data', (d) => !cut && upstream.write(d));
    upstream.on('data', (d) => !cut && client.write(d));
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    port: (server.address() as import('node:net').AddressInfo).port,
    cut: () => (cut = true),
    restore: () => (cut = false),
    close: () =>
      new Promise<void>((resolve) => {
        for (const [a, b] of pairs) {
          a.destroy();
          b.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
