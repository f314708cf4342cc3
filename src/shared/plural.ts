// Counts in messages, the one way every command writes them: "1 slide",
// "54 slides", "2 errors".
export function plural(n: number, noun: string, nouns = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : nouns}`;
}
