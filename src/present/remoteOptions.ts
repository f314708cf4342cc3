// The options `present` and `dev` share for the phone remote (--remote,
// --host), and what they print: each role's URL and its QR code.
import { ArgsError } from '../process/args.ts';
import { defaultLanAddress, isOwnAddress } from './hosts.ts';
import { terminalQr } from './terminalQr.ts';

export const REMOTE_OPTIONS = {
  remote: { type: 'boolean', default: false },
  host: { type: 'string' },
} as const;

export const REMOTE_HELP = `  --remote       also listen on the local network, for a phone: prints a
                 remote URL (遥控: turns the slides, shows notes and time)
                 and a follow URL (跟随: read-only), each with a random
                 128-bit token and as a QR code; nobody without the token
                 gets a byte of the deck
  --host ADDR    the address to listen on with --remote (default: this
                 computer's first private IPv4 address, e.g. the hotspot's)`;

/** The LAN address to listen on, or undefined without --remote. */
export function lanHostOption(values: { remote?: boolean; host?: string }): string | undefined {
  if (!values.remote) {
    if (values.host !== undefined) throw new ArgsError('--host is for --remote (without it the deck is served on this computer only)');
    return undefined;
  }
  const host = values.host ?? defaultLanAddress();
  if (host === undefined)
    throw new ArgsError('--remote: this computer has no network address; join the hotspot or Wi-Fi first, or pass --host ADDR');
  if (host === '0.0.0.0' || host === '::' || !isOwnAddress(host)) {
    throw new ArgsError(`--host ${host}: expected one address of this computer's network interfaces (not every network at once)`);
  }
  return host;
}

/** What dev says of its tokens (present keeps its own for the day's talk: see its note). */
export const FRESH_TOKENS_NOTE = 'new tokens at every start; anyone with a URL can use it until this server ends.';

export function printRemote(urls: { remote: string; follow: string }, note = FRESH_TOKENS_NOTE): void {
  console.log('\nremote (遥控: turns the slides) — scan with the phone:');
  console.log(terminalQr(urls.remote));
  console.log(`  ${urls.remote}`);
  console.log('\nfollow (跟随: read-only, for a second screen or a colleague):');
  console.log(terminalQr(urls.follow));
  console.log(`  ${urls.follow}`);
  console.log(`\n${note}\n`);
}
