// The benchmark's helpers: median/min/max, the /proc process-tree walk (on
// this very process and a real child), reading `npm run export --verbose`
// output, and the 10× deck (its front matter, its outlines, its size).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { median, percentile, summarize } from '../../../src/bench/stats.ts';
import { childrenOf, processInfo, processTree, startTime, treeMemory, TreeSampler } from '../../../src/bench/procTree.ts';
import { outsideStages, parseExportOutput } from '../../../src/bench/exportBench.ts';
import { keepPartMatter, outlinesAsDividers, writeScaledDeck } from '../../../src/bench/bigDeck.ts';
import { failureText } from '../../../src/bench/spawnTree.ts';
import { loadDeck } from '../../../src/deck/loadDeck.ts';

describe('statistics', () => {
  it('takes the median of odd and even counts, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow();
  });

  it('summarizes with min and max and keeps the runs in order', () => {
    expect(summarize([30, 10, 20, 50, 40])).toEqual({ median: 30, min: 10, max: 50, values: [30, 10, 20, 50, 40] });
  });

  it('takes a percentile by nearest rank', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 100)).toBe(100);
    expect(percentile([3, 1, 2], 50)).toBe(2);
    expect(percentile([7], 95)).toBe(7);
    expect(() => percentile([], 95)).toThrow();
  });
});

describe('/proc tree walk', () => {
  it('reads this process: its name and resident memory', () => {
    const info = processInfo(process.pid);
    expect(info?.pid).toBe(process.pid);
    expect(info?.rssBytes).toBeGreaterThan(10 * 1024 * 1024);
    expect(startTime(process.pid)).toBeGreaterThan(0);
    expect(processTree(process.pid)[0]).toBe(process.pid);
  });

  it('finds a child and its grandchild and sums their memory', async () => {
    const child = spawn('sh', ['-c', 'sleep 30 & wait'], { stdio: 'ignore' });
    try {
      const pid = child.pid as number;
      let tree: number[] = [];
      for (let i = 0; i < 100 && tree.length < 2; i++) {
        await new Promise((r) => setTimeout(r, 20));
        tree = processTree(pid);
      }
      expect(childrenOf(process.pid)).toContain(pid);
      expect(tree).toHaveLength(2);
      expect(processTree(process.pid)).toEqual(expect.arrayContaining(tree));
      const { memory, infos } = treeMemory(pid);
      expect(infos.map((i) => i.name).sort()).toEqual(['sh', 'sleep']);
      expect(memory.totalBytes).toBe(infos[0].rssBytes + infos[1].rssBytes);
      expect(memory.byKind.other).toBe(memory.totalBytes);

      const sampler = new TreeSampler(process.pid, 10).start();
      await new Promise((r) => setTimeout(r, 60));
      const peak = sampler.stop();
      expect(sampler.samples).toBeGreaterThan(1);
      expect(peak.processes).toBeGreaterThanOrEqual(3);
      expect(peak.byKind.node).toBeGreaterThan(0);
      expect([...sampler.seen.keys()]).toEqual(expect.arrayContaining(tree));
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('gives nothing for a process that does not exist', () => {
    expect(processInfo(2 ** 22 + 1)).toBeUndefined();
    expect(childrenOf(2 ** 22 + 1)).toEqual([]);
  });
});

describe('export output', () => {
  const stdout = [
    '> iur-deck@0.1.0 export',
    'building slides …',
    'PDF written: /tmp/x/deck.pdf — 54 pages, 233.6 KB, 4.2 s',
    '  start-up           300 ms',
    '  browser launch     900 ms',
    '  load               400 ms',
    '  build             2000 ms',
    '  serve               50 ms',
    '  page ready        1000 ms',
    '  print              500 ms',
    '  post-process       100 ms',
    '  write               10 ms',
    '  close              200 ms',
    '  diagrams: 9 of 9 as drawn by an earlier export, 0 drawn now',
  ].join('\n');

  it("reads the PowerPoint export's summary too", () => {
    const parsed = parseExportOutput('PPTX written: /tmp/x/deck.pptx — 54 slides, 823.4 KB, 3.7 s\n  pictures           852 ms');
    expect(parsed).toEqual({ pages: 54, reportedMs: 3700, stages: { pictures: 852 } });
  });

  it('reads the pages, the total and every stage', () => {
    const parsed = parseExportOutput(stdout);
    expect(parsed?.pages).toBe(54);
    expect(parsed?.reportedMs).toBe(4200);
    expect(parsed?.stages).toEqual({
      'start-up': 300,
      'browser launch': 900,
      load: 400,
      build: 2000,
      serve: 50,
      'page ready': 1000,
      print: 500,
      'post-process': 100,
      write: 10,
      close: 200,
    });
    expect(parseExportOutput('export: stopped')).toBeUndefined();
  });

  it('counts browser launch only where it outlasts loading, building and serving', () => {
    const stages = parseExportOutput(stdout)?.stages ?? {};
    expect(outsideStages(6000, stages)).toBe(6000 - (2450 + 2110));
    expect(outsideStages(6000, { ...stages, 'browser launch': 3000 })).toBe(6000 - (3000 + 2110));
  });
});

describe('failures', () => {
  it('names the exit and the error line, not the stack', () => {
    const stderr = 'Error: ENOENT: no such file, rename a -> b\n    at plugin (x.mjs:1:2)\n    at y (z.mjs:3:4)\n';
    expect(failureText({ code: 1, timedOut: false, stdout: '', stderr })).toBe('exit 1: Error: ENOENT: no such file, rename a -> b');
    expect(failureText({ code: null, timedOut: true, stdout: 'a\nb\nc\nd', stderr: '' })).toBe('timed out: b | c | d');
  });
});

describe('10× deck', () => {
  it('drops deck keys from copies of the first file and keeps part keys', () => {
    expect(keepPartMatter('---\ntitle: T\nduration: 40\n---\n\n# A\n')).toBe('\n# A\n');
    expect(keepPartMatter('---\npart: 一、发展\nmarker: 一\n---\n\n# B\n')).toBe('---\npart: 一、发展\nmarker: 一\n---\n\n# B\n');
    expect(keepPartMatter('# no front matter\n')).toBe('# no front matter\n');
  });

  it('makes outline containers dividers: the heading stays, the generated list goes', () => {
    expect(outlinesAsDividers('---\npart: 一\n---\n\n::: outline\n# 汇报提纲\n:::\n\n---\n\n::: divider\n# 一\n:::\n')).toBe(
      '---\npart: 一\n---\n\n::: divider\n# 汇报提纲\n:::\n\n---\n\n::: divider\n# 一\n:::\n',
    );
  });

  it('the 10× deck of the talk has 10 times its slides and no outline that lists thirty parts', async () => {
    const dest = await mkdtemp(path.join(os.tmpdir(), 'iur-bigdeck-'));
    try {
      const names = await writeScaledDeck('slides', dest, 10);
      expect(names).toHaveLength(70);
      const [talk, big] = await Promise.all([loadDeck('slides'), loadDeck(dest)]);
      expect(big.deck.slides).toHaveLength(talk.deck.slides.length * 10);
      expect(big.problems).toEqual(talk.problems);
      const texts = await Promise.all(names.map((n) => readFile(path.join(dest, n), 'utf8')));
      expect(texts.some((t) => /::: *outline/.test(t))).toBe(false);
    } finally {
      await rm(dest, { recursive: true, force: true });
    }
  });
});
