// The language server's end of the link to `npm run dev` for one deck: it
// finds the dev server by its discovery file (src/project/editorLinkFile.ts),
// posts where the author's cursor is (the latest place only, one request at
// a time, over a kept-alive loopback connection), and keeps a stream open on
// which the dev server says which place the page asked to reveal. Without a
// dev server nothing happens, and it is looked for again every few seconds
// while the deck is open in the editor.
import http from 'node:http';
import { readEditorLink, type EditorLinkInfo } from '../project/editorLinkFile.ts';
import { EDITOR_ENDPOINT, EDITOR_SECRET_HEADER, type EditorCommand, type EditorEvent } from '../shared/editorLink.ts';

const LOOK_AGAIN_MS = 2000;

export class DevLink {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private pending?: EditorCommand;
  private sending = false;
  private stream?: http.ClientRequest;
  private timer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly slidesDir: string,
    private readonly onReveal: (file: string, line: number) => void,
    private readonly log: (line: string) => void,
  ) {}

  /** Keeps looking for the dev server and listening to it. */
  start(): void {
    if (this.timer || this.closed) return;
    const look = () => {
      if (!this.stream) this.listen();
    };
    look();
    this.timer = setInterval(look, LOOK_AGAIN_MS);
    this.timer.unref();
  }

  /** Shows the slide at this place (absolute file, 1-based line) in the open deck, if there is one. */
  show(file: string, line: number): void {
    this.pending = { type: 'show', file, line };
    void this.flush();
  }

  close(): void {
    this.closed = true;
    clearInterval(this.timer);
    this.stream?.destroy();
    this.agent.destroy();
  }

  private async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.pending) {
        const command = this.pending;
        this.pending = undefined;
        const info = readEditorLink(this.slidesDir);
        if (info) await this.post(info, command).catch((error: unknown) => this.log(`dev server: ${String(error)}`));
      }
    } finally {
      this.sending = false;
    }
  }

  private post(info: EditorLinkInfo, command: EditorCommand): Promise<void> {
    const body = JSON.stringify(command);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: info.host,
          port: info.port,
          path: EDITOR_ENDPOINT,
          method: 'POST',
          agent: this.agent,
          headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), [EDITOR_SECRET_HEADER]: info.secret },
        },
        (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 204 ? resolve() : reject(new Error(`the dev server answered ${res.statusCode}`))));
        },
      );
      req.setTimeout(5000, () => req.destroy(new Error('no answer')));
      req.on('error', reject);
      req.end(body);
    });
  }

  private listen(): void {
    const info = readEditorLink(this.slidesDir);
    if (!info || this.closed) return;
    const req = http.get(
      { host: info.host, port: info.port, path: EDITOR_ENDPOINT, headers: { [EDITOR_SECRET_HEADER]: info.secret } },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          return;
        }
        res.setEncoding('utf8');
        let buffered = '';
        res.on('data', (chunk: string) => {
          buffered += chunk;
          const lines = buffered.split('\n');
          buffered = lines.pop() ?? '';
          for (const line of lines) this.event(line);
        });
      },
    );
    const done = () => {
      if (this.stream === req) this.stream = undefined;
    };
    req.on('error', done);
    req.on('close', done);
    this.stream = req;
  }

  private event(line: string): void {
    if (!line.trim()) return;
    try {
      const event = JSON.parse(line) as Partial<EditorEvent>;
      if (event.type === 'reveal' && typeof event.file === 'string' && typeof event.line === 'number')
        this.onReveal(event.file, event.line);
    } catch {
      this.log(`dev server: not an event: ${line.slice(0, 80)}`);
    }
  }
}
