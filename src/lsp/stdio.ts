// The protocol's channel: JSON-RPC on standard input and output. Standard
// output is the protocol's alone: whatever else in the process writes there
// (a library's console.log, a progress line) goes to standard error, where
// editors keep the server's log, instead of breaking a message.
import { Writable } from 'node:stream';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';

export function stdioConnection(): Connection {
  const stdout = process.stdout;
  const send = stdout.write.bind(stdout);
  const channel = new Writable({
    write(chunk: Buffer, _encoding, done) {
      send(chunk, done);
    },
  });
  const stderr = process.stderr;
  process.stdout.write = stderr.write.bind(stderr);
  return createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(channel));
}
