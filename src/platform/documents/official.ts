// A small builder for Chinese official forms (执法文书) laid out per GB/T 9704-2012 党政机关公文格式,
// where that standard applies to enforcement documents: A4 paper, the type area (版心) and its
// margins, 仿宋 三号 body, 小标宋 二号 title, 发文字号 with 六角括号, 落款 centred over the 成文日期,
// and "— 1 —" page numbers alternating right/left. Templates compose the pieces; they stay plain
// `docx` elements so a template can add anything the builder lacks.
import {
  AlignmentType, BorderStyle, Document, Footer, LineRuleType, Packer, PageNumber, PageOrientation,
  Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType,
  HeightRule, type FileChild, type IRunOptions,
} from 'docx';

// ---------------------------------------------------------------------------------------------
// Page setup (GB/T 9704-2012 5.2.1 A4; 5.2.2 版心 156 mm × 225 mm, 天头 37 mm, 订口 28 mm)

/** 1 mm in twips (1/1440 inch), rounded: Word stores whole twips. */
export const mmToTwip = (mm: number): number => Math.round((mm / 25.4) * 1440);

/** A4 portrait, 210 mm × 297 mm, as Word writes it. */
export const A4_TWIP = { width: 11906, height: 16838 } as const;

/** GB/T 9704-2012 5.2.2: top 37 mm, left 28 mm; with the 156 × 225 mm type area, right 26 mm and bottom 35 mm. */
export const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
export const MARGINS_TWIP = {
  top: mmToTwip(MARGINS_MM.top), bottom: mmToTwip(MARGINS_MM.bottom),
  left: mmToTwip(MARGINS_MM.left), right: mmToTwip(MARGINS_MM.right),
} as const;

/** Width of the type area (版心), the width of every table. */
export const TYPE_AREA_WIDTH_TWIP = A4_TWIP.width - MARGINS_TWIP.left - MARGINS_TWIP.right;

// ---------------------------------------------------------------------------------------------
// Fonts and sizes (GB/T 9704-2012 5.1: 三号仿宋体; 7.2.3 标题 二号小标宋体; 7.3.2 一级标题 黑体;
// 7.5 页码 四号半角宋体)

export interface OfficialFont { name: string; fallbacks: readonly string[] }

export const FONTS = {
  body: { name: '仿宋_GB2312', fallbacks: ['仿宋', 'FangSong'] },
  title: { name: '方正小标宋简体', fallbacks: ['宋体', 'SimSun'] },
  heading: { name: '黑体', fallbacks: ['SimHei'] },
  pageNumber: { name: '宋体', fallbacks: ['SimSun'] },
} as const satisfies Record<string, OfficialFont>;

/** Chinese type sizes (字号) in points. */
export const SIZE_PT = { 二号: 22, 三号: 16, 四号: 14, 小四: 12, 五号: 10.5 } as const;
const halfPt = (pt: number): number => Math.round(pt * 2);

/** One full-width character of body text, in twips: indents are counted in characters. */
const BODY_CHAR_TWIP = SIZE_PT.三号 * 20;
/** Exact line pitch of the body: 225 mm / 22 lines ≈ 28.95 pt (GB/T 9704-2012 5.2.3: 每面 22 行). */
export const BODY_LINE_TWIP = 579;

const runFont = (f: OfficialFont) => ({ ascii: f.name, hAnsi: f.name, eastAsia: f.name, cs: f.name });

// The font table names each font with its fallback (w:altName) so Word picks 仿宋 / FangSong on a
// machine without 仿宋_GB2312, and 宋体 / SimSun without 方正小标宋简体. `docx` writes an empty table
// unless fonts are embedded, so packOfficialDocument replaces word/fontTable.xml with this one.
const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const fontEntry = (name: string, altName: string | undefined, family: string, pitch: string): string =>
  `<w:font w:name="${name}">${altName ? `<w:altName w:val="${altName}"/>` : ''}`
  + `<w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`;
/** The fallback chain as font-table entries: name → first fallback → second fallback. */
function fontChain(f: OfficialFont, family: string, pitch: string): string[] {
  const names = [f.name, ...f.fallbacks];
  return names.map((n, i) => fontEntry(n, names[i + 1], family, pitch));
}
export const FONT_TABLE_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
  + `<w:fonts xmlns:w="${W_NS}">`
  // The page-number font 宋体 is in the title chain.
  + [...fontChain(FONTS.body, 'modern', 'fixed'), ...fontChain(FONTS.title, 'auto', 'variable'),
    ...fontChain(FONTS.heading, 'modern', 'fixed')].join('')
  + '</w:fonts>';

// ---------------------------------------------------------------------------------------------
// Pure formatting

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/;

function parseCivilDate(iso: string): { y: number; m: number; d: number } {
  const m = DATE_RE.exec(iso);
  if (!m) throw new RangeError(`not a civil date (YYYY-MM-DD): ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`no such date: ${iso}`);
  }
  return { y, m: mo, d };
}

const CN_DIGITS = '〇一二三四五六七八九';
/** 1–31 as Chinese numerals: 七, 十, 十五, 二十, 三十一. */
function chineseSmallNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return (tens === 1 ? '' : CN_DIGITS[tens]) + '十' + (units === 0 ? '' : CN_DIGITS[units]);
}

/** '2020-07-15' → '二〇二〇年七月十五日' (year digit by digit with 〇; month and day as numbers). */
export function formatChineseDate(iso: string): string {
  const { y, m, d } = parseCivilDate(iso);
  const year = String(y).split('').map((c) => CN_DIGITS[Number(c)]).join('');
  return `${year}年${chineseSmallNumber(m)}月${chineseSmallNumber(d)}日`;
}

/** '2020-07-05' → '2020年7月5日' (GB/T 9704-2012 7.3.5.3: Arabic numerals, no padding). */
export function formatArabicDate(iso: string): string {
  const { y, m, d } = parseCivilDate(iso);
  return `${y}年${m}月${d}日`;
}

/** '2020-07-15T09:05' (China Standard Time wall clock) → '2020年7月15日9时05分'. */
export function formatArabicDateTime(local: string): string {
  const m = DATE_TIME_RE.exec(local);
  if (!m) throw new RangeError(`not a local date-time (YYYY-MM-DDTHH:mm): ${local}`);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  if (hour > 23 || minute > 59) throw new RangeError(`no such time: ${local}`);
  return `${formatArabicDate(`${m[1]}-${m[2]}-${m[3]}`)}${hour}时${m[5]}分`;
}

/** Only the time of day of a local date-time: '2020-07-15T09:05' → '9时05分'. */
export function formatTimeOfDay(local: string): string {
  const m = DATE_TIME_RE.exec(local);
  if (!m) throw new RangeError(`not a local date-time (YYYY-MM-DDTHH:mm): ${local}`);
  return `${Number(m[4])}时${m[5]}分`;
}

export interface DocumentNumberParts { prefix: string; year: number; seq: number }

/**
 * 发文字号 (GB/T 9704-2012 7.2.4): 机关代字 + 年份 in 六角括号〔〕 + 发文顺序号 without leading
 * zeros and without 第: { prefix: '烟环罚', year: 2020, seq: 12 } → '烟环罚〔2020〕12号'.
 */
export function formatDocumentNumber({ prefix, year, seq }: DocumentNumberParts): string {
  if (prefix.trim() === '') throw new RangeError('document number prefix is empty');
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`bad year: ${year}`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`bad sequence: ${seq}`);
  return `${prefix}〔${year}〕${seq}号`;
}

/** Width of a line in full-width characters: CJK and full-width forms count 1, the rest ½. */
export function textWidthInChars(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u0000-\u00ff\uff61-\uffdc]/.test(ch) ? 0.5 : 1;
  return w;
}

// ---------------------------------------------------------------------------------------------
// Paragraph and table pieces

export interface Span { text: string; bold?: boolean; underline?: boolean }
type Inline = string | Span | readonly (string | Span)[];

function toRuns(content: Inline, base: IRunOptions): TextRun[] {
  const spans = (Array.isArray(content) ? content : [content]) as (string | Span)[];
  return spans.map((s) => typeof s === 'string'
    ? new TextRun({ ...base, text: s })
    : new TextRun({ ...base, text: s.text, bold: s.bold, underline: s.underline ? {} : undefined }));
}

const bodyRun: IRunOptions = { font: runFont(FONTS.body), size: halfPt(SIZE_PT.三号) };
const titleRun: IRunOptions = { font: runFont(FONTS.title), size: halfPt(SIZE_PT.二号) };
const exactBody = { line: BODY_LINE_TWIP, lineRule: LineRuleType.EXACT } as const;

/** The issuing authority (发文机关) over the title, both 小标宋 二号 centred. */
export function authorityLine(authority: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 720, lineRule: LineRuleType.EXACT },
    children: toRuns(authority, titleRun) });
}

/** The title (标题, GB/T 9704-2012 7.3.1): 二号小标宋, centred. */
export function title(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 720, lineRule: LineRuleType.EXACT },
    children: toRuns(text, titleRun) });
}

/** The 发文字号 line, centred under the title (GB/T 9704-2012 7.2.4). */
export function documentNumberLine(number: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...exactBody, before: 160 },
    children: toRuns(number, bodyRun) });
}

/** Authority, title, optional number line, and one empty line before the body. */
export function officialHeading(o: { authority: string; title: string; number?: string }): Paragraph[] {
  return [authorityLine(o.authority), title(o.title),
    ...(o.number ? [documentNumberLine(o.number)] : []), blankLine()];
}

export function blankLine(): Paragraph {
  return new Paragraph({ spacing: exactBody, children: [new TextRun({ ...bodyRun, text: '' })] });
}

/** A body paragraph: 仿宋 三号, first line indented two characters, justified. */
export function bodyParagraph(content: Inline, o: { indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED, spacing: exactBody,
    indent: o.indent === false ? undefined : { firstLine: 2 * BODY_CHAR_TWIP },
    children: toRuns(content, bodyRun),
  });
}

/** Several body paragraphs from text with line breaks (each non-empty line one paragraph). */
export function bodyParagraphs(text: string, o: { indent?: boolean } = {}): Paragraph[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '').map((l) => bodyParagraph(l, o));
}

/** 'label：value' flush left, for the party block (当事人：…). */
export function fieldLine(label: string, value: string): Paragraph {
  return bodyParagraph([`${label}：`, value], { indent: false });
}

/** A first-level heading (一、…) in 黑体 三号 (GB/T 9704-2012 7.3.3). */
export function heading(text: string): Paragraph {
  return new Paragraph({ spacing: exactBody, indent: { firstLine: 2 * BODY_CHAR_TWIP },
    children: toRuns(text, { font: runFont(FONTS.heading), size: halfPt(SIZE_PT.三号) }) });
}

/**
 * 落款: the authority's name centred over the date, the date four characters from the right
 * (GB/T 9704-2012 7.3.5.1, 加盖印章的公文), with a blank line above for the seal.
 * The date is written in Chinese numerals (二〇二〇年七月十五日), as enforcement documents do.
 */
export function signatureBlock(o: { authority: string; on: string; sealed?: boolean }): Paragraph[] {
  const date = formatChineseDate(o.on);
  const wa = textWidthInChars(o.authority);
  const wd = textWidthInChars(date);
  const dateIndent = 4 + Math.max(0, (wa - wd) / 2);
  const authorityIndent = 4 + Math.max(0, (wd - wa) / 2);
  const line = (text: string, chars: number) => new Paragraph({
    alignment: AlignmentType.RIGHT, spacing: exactBody,
    indent: { right: Math.round(chars * BODY_CHAR_TWIP) }, children: toRuns(text, bodyRun),
  });
  return [
    ...(o.sealed === false ? [] : [blankLine()]),
    line(o.authority, authorityIndent), line(date, dateIndent),
  ];
}

/** A right-aligned line such as '被检查人（签名）：＿＿＿＿　　年　月　日'. */
export function signatureLine(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exactBody, children: toRuns(text, bodyRun) });
}

/** An underscored blank for a handwritten entry, n characters wide. */
export const writeIn = (chars = 6): Span => ({ text: '\u3000'.repeat(chars), underline: true });

// --- tables (审批表-style forms) ---

export interface FormCell {
  /** One paragraph, or `{ lines }` for one paragraph per line. */
  content: Inline | { lines: readonly Inline[] };
  /** A label cell: centred and bold-free, like the printed captions of a 审批表. */
  label?: boolean;
  span?: number;
  align?: 'left' | 'center' | 'right';
  /** A last line set flush right, such as the signer and date under an opinion. */
  footer?: Inline;
}
export type FormRow = { cells: FormCell[]; minHeightTwip?: number };

const TABLE_TEXT_PT = SIZE_PT.四号;
const tableRun: IRunOptions = { font: runFont(FONTS.body), size: halfPt(TABLE_TEXT_PT) };
const BORDER = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;

function cellParagraphs(c: FormCell): Paragraph[] {
  const items: readonly Inline[] = typeof c.content === 'object' && 'lines' in c.content ? c.content.lines : [c.content];
  const alignment = c.align === 'right' ? AlignmentType.RIGHT
    : c.align === 'center' || (c.label && !c.align) ? AlignmentType.CENTER : AlignmentType.LEFT;
  const spacing = { line: 400, lineRule: LineRuleType.AT_LEAST } as const;
  return [
    ...items.map((it) => new Paragraph({ alignment, spacing, children: toRuns(it, tableRun) })),
    ...(c.footer === undefined ? [] : [new Paragraph({ alignment: AlignmentType.RIGHT, spacing, children: toRuns(c.footer, tableRun) })]),
  ];
}

/**
 * A bordered grid filling the type area. `columns` are relative widths; a cell's `span` joins
 * columns. Text is 仿宋 四号 so a 审批表 fits one page.
 */
export function formTable(columns: readonly number[], rows: readonly FormRow[]): Table {
  const total = columns.reduce((a, b) => a + b, 0);
  const widths = columns.map((c) => Math.floor((c / total) * TYPE_AREA_WIDTH_TWIP));
  widths[widths.length - 1] += TYPE_AREA_WIDTH_TWIP - widths.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: TYPE_AREA_WIDTH_TWIP, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    rows: rows.map((r) => {
      let col = 0;
      return new TableRow({
        height: { value: r.minHeightTwip ?? 567, rule: HeightRule.ATLEAST },
        cantSplit: true,
        children: r.cells.map((c) => {
          const span = c.span ?? 1;
          const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
          col += span;
          return new TableCell({
            columnSpan: span > 1 ? span : undefined,
            width: { size: width, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            margins: { left: 100, right: 100, top: 60, bottom: 60 },
            children: cellParagraphs(c),
          });
        }),
      });
    }),
  });
}

/** label/value pairs on a four-column grid; a row of one pair spans the three value columns. */
export function labelValueTable(rows: ReadonlyArray<readonly [string, string] | readonly [string, string, string, string]>): Table {
  return formTable([2, 3, 2, 3], rows.map((r) => ({
    cells: r.length === 2
      ? [{ content: r[0], label: true }, { content: r[1], span: 3 }]
      : [{ content: r[0], label: true }, { content: r[1] }, { content: r[2], label: true }, { content: r[3] }],
  })));
}

export interface ApprovalOpinion { opinion: string; signer: string; on: string }

/**
 * An opinion row of an approval form (承办人意见, 负责人审批意见): the text, then the signer and
 * date bottom right. A missing opinion leaves the row blank for a handwritten entry.
 */
export function opinionRow(label: string, o: ApprovalOpinion | undefined, minHeightTwip = 1700): FormRow {
  const signed = o ? `签名：${o.signer}　　${formatChineseDate(o.on)}` : '签名：　　　　　　　　年　　月　　日';
  return {
    minHeightTwip,
    cells: [
      { content: label, label: true },
      { content: { lines: [...(o ? o.opinion.split(/\r?\n/) : ['']), ''] }, footer: signed, span: 3 },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Document and packing

function pageNumberFooter(side: 'right' | 'left', note?: string): Footer {
  const pageRun = { font: runFont(FONTS.pageNumber), size: halfPt(SIZE_PT.四号) };
  return new Footer({
    children: [
      ...(note ? [new Paragraph({ alignment: AlignmentType.LEFT, spacing: { after: 120 },
        children: toRuns(note, { font: runFont(FONTS.body), size: halfPt(SIZE_PT.小四) }) })] : []),
      // GB/T 9704-2012 7.5: 一字线 either side; odd pages right, even pages left, one character in.
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: SIZE_PT.四号 * 20 } : { left: SIZE_PT.四号 * 20 },
        children: [new TextRun({ ...pageRun, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

export interface OfficialDocumentOptions {
  /** The document's title, also its file metadata title. */
  title: string;
  authority: string;
  children: FileChild[];
  /** A line printed above the page number on every page, e.g. the 笔录's signature line. */
  footerNote?: string;
}

/** A Document with the GB/T 9704 page, default 仿宋 三号 body and "— n —" footers. */
export function officialDocument(o: OfficialDocumentOptions): Document {
  return new Document({
    creator: o.authority,
    title: o.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: runFont(FONTS.body), size: halfPt(SIZE_PT.三号) },
          paragraph: { spacing: exactBody },
        },
      },
    },
    sections: [{
      properties: {
        page: {
          size: { width: A4_TWIP.width, height: A4_TWIP.height, orientation: PageOrientation.PORTRAIT },
          // footer: the 一字线 sits about 7 mm below the type area (GB/T 9704-2012 7.5).
          margin: { ...MARGINS_TWIP, header: mmToTwip(15), footer: mmToTwip(o.footerNote ? 18 : 25) },
        },
      },
      footers: { default: pageNumberFooter('right', o.footerNote), even: pageNumberFooter('left', o.footerNote) },
      children: o.children,
    }],
  });
}

/** The .docx bytes, with the font table that names the fallbacks. */
export async function packOfficialDocument(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE_XML }]);
}
