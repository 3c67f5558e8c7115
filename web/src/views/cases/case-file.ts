// Reading an article file in the browser for the import dialog: a .txt is its text, an .html page
// its body's text with a line break between block elements (what the server cleans line by line).
// A file over MAX_FILE_BYTES is refused before it is read. Saved pages from Chinese sites are often
// GB18030 (GBK): a file that is not valid UTF-8 is read as GB18030.

export const MAX_FILE_BYTES = 1024 * 1024;

export type FileKind = 'txt' | 'html';

/** Why a file could not be used: an i18n key's last part under `cases.file`. */
export type FileProblem = 'tooLarge' | 'kind' | 'empty' | 'unreadable';

export type FileText = { ok: true; text: string; kind: FileKind } | { ok: false; problem: FileProblem };

/** The kind of an article file by its name, or null for a kind the dialog does not take. */
export function fileKind(name: string): FileKind | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.txt')) return 'txt';
  if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'html';
  return null;
}

/** The bytes as text: UTF-8 (a byte-order mark dropped), or GB18030 when they are not UTF-8. */
export function decodeText(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

// Elements that start a new line of text; everything else runs on within its line.
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY',
  'THEAD', 'TFOOT', 'TR', 'UL', 'CAPTION',
]);
// Elements whose content is never text a reader sees.
const HIDDEN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'CANVAS', 'HEAD', 'SELECT']);

/** The text of an HTML page's body: one line per block element or <br>, spaces collapsed, empty lines dropped. */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const lines: string[] = [];
  let line = '';
  const breakLine = () => {
    lines.push(line);
    line = '';
  };
  const walk = (node: Node, pre: boolean): void => {
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      if (!pre) {
        line += text.replace(/[\s]+/g, ' ');
        return;
      }
      const parts = text.split('\n');
      parts.forEach((part, idx) => {
        if (idx > 0) breakLine();
        line += part;
      });
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (HIDDEN.has(tag)) return;
    if (tag === 'BR') {
      breakLine();
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) breakLine();
    if (tag === 'TD' || tag === 'TH') line += ' ';
    for (const child of Array.from(node.childNodes)) walk(child, pre || tag === 'PRE');
    if (block) breakLine();
  };
  if (doc.body) walk(doc.body, false);
  breakLine();
  return lines
    .map((text) => text.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** Reads an article file chosen in the dialog (the size and kind are checked before any reading). */
export async function readCaseFile(file: File): Promise<FileText> {
  const kind = fileKind(file.name);
  if (!kind) return { ok: false, problem: 'kind' };
  if (file.size > MAX_FILE_BYTES) return { ok: false, problem: 'tooLarge' };
  let raw: string;
  try {
    raw = decodeText(await file.arrayBuffer());
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  const text = (kind === 'html' ? htmlToText(raw) : raw.replace(/\r\n?/g, '\n')).replace(/^\uFEFF/, '');
  return text.trim() ? { ok: true, text, kind } : { ok: false, problem: 'empty' };
}
