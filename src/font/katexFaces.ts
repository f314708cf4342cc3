// KaTeX's stylesheet and fonts, for a deck that has formulas: the CSS without
// its @font-face rules, and the faces (WOFF2 files from katex/dist/fonts) the
// deck's rendered formulas use. Which face a class draws in is read from
// katex.css itself (`.katex .mathnormal{font-family:KaTeX_Math;font-style:italic}`),
// so a new KaTeX version needs no change here; a face is shipped when every
// class of one of its selectors is on the deck's formulas. KaTeX_Main regular
// always is (the base of .katex).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface KatexFace {
  family: string;
  weight: number;
  style: 'normal' | 'italic';
  /** The WOFF2 file's name in katex/dist/fonts. */
  file: string;
}

interface FaceRule {
  /** Classes that must all be present, per selector of the rule. */
  selectors: string[][];
  family?: string;
  weight?: number;
  style?: 'normal' | 'italic';
}

interface KatexSheet {
  /** katex.min.css without its @font-face rules. */
  css: string;
  faces: KatexFace[];
  rules: FaceRule[];
}

/** katex/dist, where its CSS and fonts are. */
export function katexDist(): string {
  return join(dirname(createRequire(import.meta.url).resolve('katex/package.json')), 'dist');
}

/** KaTeX's licence (MIT: its code and fonts), copied into a build that ships its fonts. */
export function katexLicensePath(): string {
  return join(dirname(katexDist()), 'LICENSE');
}

const declaration = (body: string, name: string) => new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`).exec(body)?.[1]?.trim();

function weightOf(value: string | undefined): number | undefined {
  if (!value) return undefined;
  return value === 'bold' ? 700 : value === 'normal' ? 400 : Number(value) || undefined;
}

function styleOf(value: string | undefined): FaceRule['style'] {
  return value === 'italic' ? 'italic' : value === 'normal' ? 'normal' : undefined;
}

function readSheet(): KatexSheet {
  const raw = readFileSync(join(katexDist(), 'katex.min.css'), 'utf8');
  const faces: KatexFace[] = [];
  const css = raw.replace(/@font-face\s*\{([^}]*)\}/g, (_all, body: string) => {
    const family = declaration(body, 'font-family')?.replace(/["']/g, '');
    const file = /url\(["']?fonts\/([^"')]+\.woff2)["']?\)/.exec(body)?.[1];
    if (family && file) {
      faces.push({
        family,
        weight: weightOf(declaration(body, 'font-weight')) ?? 400,
        style: styleOf(declaration(body, 'font-style')) ?? 'normal',
        file,
      });
    }
    return '';
  });
  const rules: FaceRule[] = [];
  for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const [, selectorText, body] = m;
    const family = declaration(body, 'font-family')?.replace(/["']/g, '');
    const weight = weightOf(declaration(body, 'font-weight'));
    const style = styleOf(declaration(body, 'font-style'));
    if (!family?.startsWith('KaTeX_') && weight === undefined && style === undefined) continue;
    const selectors = selectorText
      .split(',')
      .map((sel) => [...sel.matchAll(/\.([\w-]+)/g)].map((c) => c[1]).filter((c) => c !== 'katex'))
      .filter((classes) => classes.length > 0);
    if (selectors.length > 0) rules.push({ selectors, family: family?.startsWith('KaTeX_') ? family : undefined, weight, style });
  }
  return { css, faces, rules };
}

let sheet: KatexSheet | undefined;
const loaded = (): KatexSheet => (sheet ??= readSheet());

/** katex.css without its @font-face rules (the deck writes its own, for the faces it ships). */
export function katexCss(): string {
  return loaded().css;
}

/** Every face KaTeX has (dev declares them all: the browser fetches only what a formula draws). */
export function allKatexFaces(): KatexFace[] {
  return loaded().faces;
}

/** The faces the formulas in `html` draw in. */
export function katexFacesUsed(html: string): KatexFace[] {
  const { faces, rules } = loaded();
  const classes = new Set<string>();
  for (const m of html.matchAll(/class="([^"]*)"/g)) for (const c of m[1].split(/\s+/)) if (c) classes.add(c);
  const present = (rule: FaceRule) => rule.selectors.some((sel) => sel.every((c) => classes.has(c)));
  const matching = rules.filter(present);
  // Rules that set a weight or style alone (\textbf, \textit) take the family around them: KaTeX_Main.
  const bold = matching.some((r) => !r.family && (r.weight ?? 400) >= 600);
  const italic = matching.some((r) => !r.family && r.style === 'italic');
  const wanted = new Set<string>(['KaTeX_Main/400/normal']);
  for (const rule of matching) {
    const family = rule.family ?? 'KaTeX_Main';
    wanted.add(`${family}/${rule.weight ?? 400}/${rule.style ?? 'normal'}`);
  }
  // Weight and style set apart (\textbf inside \textit) meet in KaTeX_Main.
  if (bold) wanted.add('KaTeX_Main/700/normal');
  if (italic) wanted.add('KaTeX_Main/400/italic');
  if (bold && italic) wanted.add('KaTeX_Main/700/italic');
  return faces.filter((f) => wanted.has(`${f.family}/${f.weight}/${f.style}`));
}

/** @font-face rules for `faces`, each at `url(file)`. */
export function katexFaceCss(faces: KatexFace[], url: (face: KatexFace) => string): string {
  return faces
    .map((f) =>
      [
        '@font-face {',
        `  font-family: ${f.family};`,
        `  font-style: ${f.style};`,
        `  font-weight: ${f.weight};`,
        '  font-display: block;',
        `  src: url("${url(f).replace(/["\\]/g, (c) => `\\${c}`)}") format("woff2");`,
        '}',
      ].join('\n'),
    )
    .join('\n');
}
