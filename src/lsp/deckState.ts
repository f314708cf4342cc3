// One deck as the language server follows it: the last parse of its files
// (the editor's texts in place of the disk), the doctor's findings of the last
// save, and the diagnostics published from both, file by file — a finding
// that is fixed is published away. A keystroke asks for a parse, a save for a
// layout check; each runs one at a time and a burst of requests is one more
// run (coalesce.ts). The deck's dev server, if one runs, is linked here.
import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import type { Problem } from '../shared/problem.ts';
import { Coalesced } from './coalesce.ts';
import { DevLink } from './devLink.ts';
import { diagnosticsByFile, findingDiagnostic, layoutDiagnostics } from './diagnostics.ts';
import type { LayoutChecker } from './layoutCheck.ts';
import { parseCheck, problemPath, type DeckParse } from './parseCheck.ts';

export interface OpenText {
  text: string;
  version: number;
}

/** What a deck needs from the server around it. */
export interface DeckHost {
  /** The editor's open files of this folder (absolute path → text and version). */
  open: (dir: string) => Map<string, OpenText>;
  publish: (file: string, diagnostics: Diagnostic[], version?: number) => void;
  /** The layout checker of this deck (started on first use; undefined: no layout checks). */
  layout: (dir: string) => Promise<LayoutChecker | undefined>;
  reveal: (file: string, line: number) => void;
  log: (line: string) => void;
}

export class DeckState {
  parsed?: DeckParse;
  /** The open texts the last parse read, with their versions. */
  private parsedOpen = new Map<string, OpenText>();
  private layout: Problem[] = [];
  private readonly published = new Set<string>();
  private readonly parsing = new Coalesced(() => this.parse());
  private readonly checking = new Coalesced(() => this.check());
  readonly link: DevLink;
  private started = false;

  constructor(
    readonly dir: string,
    private readonly host: DeckHost,
  ) {
    this.link = new DevLink(dir, (file, line) => host.reveal(file, line), host.log);
  }

  /** The first file of the deck opened: parse, warm Chromium and lay the deck out once, look for its dev server. */
  opened(): Promise<void> {
    const parsed = this.parsing.request();
    if (!this.started) {
      this.started = true;
      void this.checking.request();
      this.link.start();
    }
    return parsed;
  }

  edited(): Promise<void> {
    return this.parsing.request();
  }

  saved(): Promise<void> {
    void this.parsing.request();
    return this.checking.request();
  }

  /** The last parse, once any parse asked for has finished. */
  async current(): Promise<DeckParse | undefined> {
    await this.parsing.settled();
    return this.parsed;
  }

  close(): void {
    this.link.close();
  }

  private async parse(): Promise<void> {
    const open = this.host.open(this.dir);
    const texts = new Map([...open].map(([file, o]) => [file, o.text]));
    try {
      this.parsed = await parseCheck(this.dir, texts);
      this.parsedOpen = open;
    } catch (error) {
      // A rule that throws on some half-typed text must not stop the server: said in the log, checked again on the next key.
      this.host.log(`parse of ${this.dir} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return;
    }
    this.publishAll();
  }

  private async check(): Promise<void> {
    const checker = await this.host.layout(this.dir);
    const found = checker ? await checker.check() : undefined;
    // Unavailable or unbuildable: no layout findings rather than stale ones.
    this.layout = found ?? [];
    this.publishAll();
  }

  private linesOf = (file: string): string[] => (this.parsed?.texts.get(file) ?? '').split('\n');

  private publishAll(): void {
    const parsed = this.parsed;
    if (!parsed) return;
    const parse = diagnosticsByFile(parsed.problems, problemPath, this.linesOf);
    // The doctor's findings are at slide files; a finding of the folder as a whole (line 0) has no file to show in.
    const layout = diagnosticsByFile(this.layout, (p) => path.resolve(p.pos.file), this.linesOf);
    // Every open file of the deck gets its list, an empty one too: the editor then knows it was checked.
    const files = new Set(
      [...parse.keys(), ...layout.keys(), ...this.published, ...this.parsedOpen.keys(), ...parsed.findings.keys()].filter(
        (file) => parsed.texts.has(file) || this.published.has(file) || (file !== this.dir && path.extname(file) !== ''),
      ),
    );
    for (const file of files) {
      const own = [...(parse.get(file) ?? []), ...(parsed.findings.get(file) ?? []).map(findingDiagnostic)];
      const all = [...own, ...layoutDiagnostics(layout.get(file) ?? [], own)];
      if (all.length === 0 && !this.published.has(file) && !this.parsedOpen.has(file)) continue;
      this.host.publish(file, all, this.parsedOpen.get(file)?.version);
      if (all.length) this.published.add(file);
      else this.published.delete(file);
    }
  }
}
