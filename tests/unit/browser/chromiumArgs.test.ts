// Chromium's command line (src/browser/chromiumArgs.ts) is a copy of what
// Puppeteer's launcher would pass, kept so an export need not load the
// launcher: this test compares it with Puppeteer's own defaultArgs, so an
// upgrade of Puppeteer that changes them fails here rather than drifting.
import puppeteer from 'puppeteer';
import { describe, expect, it } from 'vitest';
import { chromiumArgs } from '../../../src/browser/chromiumArgs.ts';

describe('chromiumArgs', () => {
  it("holds Puppeteer's defaults for a headless browser on a profile, and drives it over a pipe", () => {
    const ours = chromiumArgs('/tmp/profile', []);
    const theirs = puppeteer.defaultArgs({ headless: true, userDataDir: '/tmp/profile' });
    expect(new Set(ours)).toEqual(new Set([...theirs, '--remote-debugging-pipe']));
  });

  it('merges our feature lists into Puppeteer’s instead of replacing them', () => {
    const args = chromiumArgs('/tmp/profile', ['--disable-features=Foo', '--font-render-hinting=none']);
    expect(args.filter((a) => a.startsWith('--disable-features='))).toHaveLength(1);
    expect(args.find((a) => a.startsWith('--disable-features='))).toMatch(/Translate.*,Foo$/);
    expect(args).toContain('--font-render-hinting=none');
  });
});
