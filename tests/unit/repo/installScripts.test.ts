// A fresh `npm install` is quiet: every installed package with an install
// script is either allowed or denied in package.json's allowScripts (npm 11
// warns about, and will skip, the scripts it does not cover).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const manifest = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    name: string;
    scripts?: Record<string, string>;
    allowScripts?: Record<string, boolean>;
  };

/** Every package folder under node_modules (scoped ones included, nested ones too). */
function packages(dir: string): string[] {
  const out: string[] = [];
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const p = path.join(dir, name);
    if (name.startsWith('@')) out.push(...packages(p));
    else if (existsSync(path.join(p, 'package.json'))) out.push(p, ...packages(path.join(p, 'node_modules')));
  }
  return out;
}

describe('install scripts', () => {
  it('each one is approved or denied in allowScripts', () => {
    const allow = manifest(root).allowScripts ?? {};
    const withScripts = packages(path.join(root, 'node_modules'))
      .map(manifest)
      .filter((m) => ['preinstall', 'install', 'postinstall'].some((s) => m.scripts?.[s]))
      .map((m) => m.name);
    expect(withScripts).toContain('puppeteer');
    expect(withScripts.filter((name) => !(name in allow))).toEqual([]);
  });

  it('never lets Puppeteer download a browser', () => {
    expect(manifest(root).allowScripts?.puppeteer).toBe(false);
  });
});
