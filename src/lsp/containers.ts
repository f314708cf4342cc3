// What the editor offers for each container (`::: cards` …): a line on what
// it does and a snippet of the whole block, for every layout the parser
// knows (src/markdown/rules/layouts.ts). The table is keyed by the parser's
// own list, so a layout added there without its entry here does not compile.
import { BLOCK_LAYOUTS, SLIDE_LAYOUTS } from '../markdown/rules/layouts.ts';

type Layout = (typeof SLIDE_LAYOUTS)[number] | (typeof BLOCK_LAYOUTS)[number];

export interface ContainerHelp {
  doc: string;
  /** The block, as an LSP snippet (${1:placeholder}); its fences included. */
  snippet: string;
}

const CONTAINERS: Readonly<Record<Layout, ContainerHelp>> = {
  title: {
    doc: "The title page: with only its `# heading` (or nothing), the deck's first one is filled from the front matter's subtitle, organisation, author and date.",
    snippet: '::: title\n# ${1:标题}\n:::\n$0',
  },
  outline: {
    doc: 'The outline: its heading inside; the list of parts (those with `part` and `marker`) is generated under it, the current part marked.',
    snippet: '::: outline\n# ${1:汇报提纲}\n:::\n$0',
  },
  divider: { doc: "A part's divider slide.", snippet: '::: divider\n# ${1:一、部分标题}\n\n${2:副标题}\n:::\n$0' },
  centered: { doc: 'A slide set in the middle.', snippet: '::: centered\n${1:居中的内容}\n:::\n$0' },
  columns: {
    doc: 'Two (or more) columns side by side, each a `::: column`; the outer fence needs more colons.',
    snippet: ':::: columns\n::: column\n${1:左栏}\n:::\n::: column\n${2:右栏}\n:::\n::::\n$0',
  },
  column: { doc: 'One column inside `:::: columns`.', snippet: '::: column\n${1:内容}\n:::\n$0' },
  note: { doc: 'A quiet aside box.', snippet: '::: note\n${1:补充说明}\n:::\n$0' },
  small: { doc: 'Denser, smaller text.', snippet: '::: small\n${1:较小的文字}\n:::\n$0' },
  cards: {
    doc: 'Cards: 2–4 short parallel items side by side, each a list item with an optional heading and a Lucide icon; `::: cards 1` as rows, `::: cards 2` as a 2×2 grid.',
    snippet:
      '::: cards\n- ### ${1:要点一} {icon=${2:lightbulb}}\n  ${3:一句话说明}\n- ### ${4:要点二} {icon=${5:target}}\n  ${6:一句话说明}\n- ### ${7:要点三} {icon=${8:users}}\n  ${9:一句话说明}\n:::\n$0',
  },
};

export const CONTAINER_NAMES: readonly Layout[] = [...SLIDE_LAYOUTS, ...BLOCK_LAYOUTS];

export function containerHelp(name: string): ContainerHelp | undefined {
  return (CONTAINER_NAMES as readonly string[]).includes(name) ? CONTAINERS[name as Layout] : undefined;
}

/** A snippet as plain text, for a client that takes no snippets: each placeholder's text, tab stops gone. */
export function plainSnippet(snippet: string): string {
  return snippet.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
}
