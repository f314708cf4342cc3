// Why the live channel would not open. A browser's WebSocket reports a
// refused upgrade (401) exactly as a server that is down: a close, no status.
// So a page whose channel closed before it opened asks the server once over
// plain HTTP: 401 means its session is refused (the server was restarted with
// new tokens, or started a new talk) and retrying cannot help; anything else
// (no answer: the server is down or restarting) means try again.
import { SESSION_PATH } from '../../shared/liveChannel.ts';

/** Whether the server refuses this page's session (true), or may just be away (false). */
export async function sessionRefused(): Promise<boolean> {
  try {
    const answer = await fetch(SESSION_PATH, { cache: 'no-store', credentials: 'same-origin' });
    return answer.status === 401;
  } catch {
    return false;
  }
}
