// The names this machine answers to. A request whose Host header is anything
// else is refused: a web page elsewhere could otherwise point a name of its
// own at this address (DNS rebinding) and read the deck through the
// visitor's browser. Also: which address --remote listens on by default.
import os from 'node:os';
import net from 'node:net';

/** The hostname of a Host header or an Origin's host ("[::1]:80" → "::1"), lower case. */
export function hostnameOf(host: string | undefined): string | undefined {
  if (!host) return undefined;
  const m = /^\[([^\]]+)\](?::\d+)?$/.exec(host) ?? /^([^:]+)(?::\d+)?$/.exec(host);
  return m ? m[1].toLowerCase() : undefined;
}

/** localhost and every address of every interface, plus the listening address itself. */
export function ownHostnames(extra: string[] = []): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '::1', ...extra.map((e) => e.toLowerCase())]);
  for (const list of Object.values(os.networkInterfaces())) for (const a of list ?? []) names.add(a.address.toLowerCase());
  return names;
}

/** Whether an address is one this machine has (an interface's, or anywhere in 127.0.0.0/8). */
export function isOwnAddress(address: string): boolean {
  if (net.isIPv4(address) && address.startsWith('127.')) return true;
  return ownHostnames().has(address.toLowerCase());
}

/** The first private IPv4 address of a network interface (the hotspot's, the venue Wi-Fi's), else any IPv4 one. */
export function defaultLanAddress(): string | undefined {
  const all = Object.values(os.networkInterfaces())
    .flatMap((l) => l ?? [])
    .filter((a) => a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
  const isPrivate = (a: string) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(a);
  return all.find(isPrivate) ?? all[0];
}
