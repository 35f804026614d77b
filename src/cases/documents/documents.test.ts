import { renderWithLibreOffice, soffice } from '../../../test/helpers/office.js';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { FIXTURES, caseNumber, party } from './fixtures.js';
import {
  CASE_DOCUMENT_KINDS, DOCUMENT_KINDS, caseDocumentFileName, documentNumberFor, renderCaseDocument,
  type CaseDocumentData, type CaseDocumentKind,
} from './index.js';
import { defaultRemedies } from './remedies.js';
import { formatFenForDocument } from './amount.js';

interface Opened { xml: string; text: string; footers: string }

/** Unzips a .docx; `text` is document.xml's text with the runs joined. */
async function open(buf: Buffer): Promise<Opened> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  const footerNames = Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n));
  const footers = (await Promise.all(footerNames.map((n) => zip.file(n)!.async('string')))).join('');
  const text = xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return { xml, text, footers };
}

async function render<K extends CaseDocumentKind>(kind: K, data: CaseDocumentData[K] = FIXTURES[kind]): Promise<Opened> {
  return open(await renderCaseDocument(kind, data));
}

const CODE = party.unifiedSocialCreditCode!;
const FINE = '人民币贰拾伍万元整（¥250,000.00）';

/** What each document must show, beyond the authority and its title. */
const EXPECTED: Record<CaseDocumentKind, string[]> = {
  'filing-approval': ['立案审批表', '烟环立〔2020〕12号', party.name, CODE, '王建国', '现场检查', '2020年5月6日',
    '李明（37060020001）', '赵强（37060020015）', '《中华人民共和国水污染防治法》第十条', '二〇二〇年五月九日', '负责人审批意见'],
  'inspection-record': ['现场检查（勘察）笔录', '2020年5月6日9时30分至11时20分', party.name, CODE,
    '李明（执法证号：37060020001）', '出示执法证件', '申请回避', '看清楚了，不申请回避。', '生化池', '被检查人（签名）'],
  'inquiry-record': ['调查询问笔录', '2020年5月12日14时00分至15时10分', '张伟', '370611197801010012', '如实回答',
    '37060020015', '曝气风机', '以上笔录我已看过，与我说的相符。', '被询问人（签名）'],
  'correction-order': ['责令改正违法行为决定书', '烟环责改〔2020〕9号', party.name, CODE, '第二十八条第一款',
    '于2020年5月20日前', '烟台市人民政府或者山东省生态环境厅', '六个月内向烟台市芝罘区人民法院', '第五十九条', '二〇二〇年五月十三日'],
  'prior-notice': ['行政处罚事先告知书', '烟环告〔2020〕31号', party.name, CODE, FINE, '第四十四条、第四十五条',
    '五个工作日内', '不会因你单位陈述、申辩而给予更重的处罚', '《中华人民共和国水污染防治法》第八十三条第（二）项',
    '山东省生态环境行政处罚裁量基准', '0535-6780000', '二〇二〇年六月十日'],
  'hearing-notice': ['行政处罚听证告知书', '烟环听告〔2020〕7号', party.name, CODE, FINE, '第六十三条、第六十四条',
    '要求举行听证', '自收到本告知书之日起五个工作日内', '较大数额罚款', '非本案调查人员主持', '一至二人代理',
    '第四十四条、第四十五条', '二〇二〇年六月十日'],
  'legal-review-opinion': ['法制审核意见书', '烟环法审〔2020〕5号', party.name, CODE, '第五十八条第一款',
    '（三）案件情况疑难复杂、涉及多个法律关系', '执法主体是否合法', '是否超越法定权限', '执法程序是否合法',
    '案件事实是否清楚', '证据是否合法、确凿、充分', '适用法律、法规、规章是否准确', '裁量基准运用是否适当', '审核通过',
    '周敏（法律职业资格证书编号：A20153706000123）', '二〇二〇年七月二日'],
  'collective-discussion': ['案件集体讨论记录', '第五十七条第二款', '2020年7月8日9时00分至10时30分', '刘志刚（局长）',
    '应到4人，实到3人', '杨帆（总工程师，出差）', '周敏（法制审核人员）', caseNumber, party.name, CODE,
    '陈红：同意承办人意见', '马骏：同意，并建议督促企业尽快完成整改。', '一致同意'],
  'penalty-decision': ['行政处罚决定书', '烟环罚〔2020〕12号', party.name, CODE, '王建国（总经理）', party.address,
    '一、环境违法事实和证据', '烟台市环境监测中心站监测报告', '《中华人民共和国水污染防治法》第十条',
    '《行政处罚听证告知书》（烟环听告〔2020〕7号）', '2020年6月16日提出陈述、申辩意见', '不予采纳', '负责人集体讨论',
    '二、行政处罚的依据、种类及其履行方式、期限', `罚款${FINE}`, '十五日内', '烟台市财政局', '1606020009022100000',
    '第七十二条第一款第（一）项', '每日按罚款数额的百分之三加处罚款', '加处罚款的数额不超出罚款的数额',
    '三、申请行政复议或者提起行政诉讼的途径和期限', '六十日内向烟台市人民政府或者山东省生态环境厅申请行政复议',
    '六个月内向烟台市芝罘区人民法院提起行政诉讼', '不停止本处罚决定的执行', '申请人民法院强制执行', '二〇二〇年七月十五日'],
  'no-penalty-decision': ['不予行政处罚决定书', '烟环不罚〔2020〕3号', party.name, CODE, '初次违法',
    '第三十三条第一款“初次违法且危害后果轻微并及时改正的，可以不予行政处罚”', '不予行政处罚。', '第二十八条第一款',
    '责令你单位加强危险废物规范化管理', '第三十三条第三款', '批评教育', '《中华人民共和国固体废物污染环境防治法》第七十七条',
    '二〇二〇年五月二十日'],
  'service-receipt': ['送达回证', '《行政处罚决定书》（烟环罚〔2020〕12号）1份', party.name, party.address, '直接送达',
    '2020年7月16日10时15分', '李明（执法证号：37060020001）', '第六十一条', caseNumber],
  'case-transfer': ['移送案件书', '烟环移〔2020〕2号', '烟台市公安局福山分局：', party.name, CODE,
    '《中华人民共和国环境保护法》第六十三条第（三）项规定的情形：通过暗管', '张伟安排铺设暗管', '行政拘留', '张伟', '现将该案移送你局', '附件', '二〇二〇年八月六日'],
  'closure-approval': ['结案审批表', caseNumber, '烟环结〔2020〕12号', party.name, CODE, '2020年5月9日',
    '烟环罚〔2020〕12号', `2020年7月28日已缴纳罚款${FINE}`, '行政处罚决定已执行完毕。', '二〇二〇年八月五日'],
  'payment-reminder': ['催告书', '烟环催〔2020〕3号', party.name, CODE, '2020年7月15日', '《行政处罚决定书》（烟环罚〔2020〕12号）',
    `罚款${FINE}`, '加处罚款人民币壹拾伍万元整（¥150,000.00）', '已缴纳人民币伍万元整（¥50,000.00）',
    '合计人民币叁拾伍万元整（¥350,000.00）', '于2021年1月15日前履行', '第三十五条、第五十四条', '1606020009022100000',
    '陈述权和申辩权', '申请人民法院强制执行', '0535-6780000', '二〇二一年一月四日'],
};

describe('统一文书模板: every document opens and shows its key fields', () => {
  it.each(CASE_DOCUMENT_KINDS)('%s', async (kind) => {
    const { xml, text, footers } = await render(kind);
    expect(text).toContain('烟台市生态环境局');
    for (const s of EXPECTED[kind]) expect(text, `${kind}: ${s}`).toContain(s);
    // GB/T 9704-2012: A4, margins top 37 / bottom 35 / left 28 / right 26 mm.
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(footers).toContain('PAGE');
  });
});

describe('行政处罚法 第五十九条: the decision states every required item', () => {
  it('without a statement: says none was made; without a fine: no payment clause', async () => {
    const d = FIXTURES['penalty-decision'];
    const { text } = await render('penalty-decision', {
      ...d, response: { kind: 'none' }, collectivelyDiscussed: false, penalties: [{ kind: 'warning' }], payment: undefined,
    });
    expect(text).toContain('在法定期限内未提出陈述、申辩意见，也未要求听证');
    expect(text).toContain('警告。');
    expect(text).not.toContain('加处罚款');
    expect(text).not.toContain('集体讨论');
  });

  it('行政处罚法 第六十五条: after a hearing the decision follows the hearing record', async () => {
    const d = FIXTURES['penalty-decision'];
    const { text } = await render('penalty-decision', {
      ...d, response: { kind: 'hearing', heldOn: '2020-06-28', summary: '请求减轻处罚。', review: '理由不成立。', adopted: false },
    });
    expect(text).toContain('于2020年6月28日依法举行了听证');
    expect(text).toContain('根据听证笔录进行了复核');
  });

  it('行政处罚法 第六十七条: refuses to print a fine without payment instructions', async () => {
    const d = FIXTURES['penalty-decision'];
    await expect(renderCaseDocument('penalty-decision', { ...d, payment: undefined })).rejects.toThrow(RangeError);
  });

  it('addresses a citizen as 你 with the ID number', async () => {
    const d = FIXTURES['penalty-decision'];
    const { text } = await render('penalty-decision', {
      ...d, party: { kind: 'individual', name: '张三', idNumber: '370602198001010011', address: '烟台市芝罘区南大街1号' },
      facts: '2020年5月6日，你在自家院内露天焚烧废旧轮胎。', response: { kind: 'none' }, discretion: undefined,
    });
    expect(text).toContain('公民身份号码：370602198001010011');
    expect(text).toContain('发现你实施了以下环境违法行为');
    expect(text).toContain('你如不服本处罚决定，可以自收到本决定书之日起六十日内');
    expect(text).toContain('你应当自收到本决定书之日起十五日内');
    expect(text).not.toContain('你单位如不服');
  });
});

describe('行政处罚法 第三十三条: the grounds of 不予行政处罚决定书', () => {
  it.each([
    ['minorCorrected', '第三十三条第一款“违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚”'],
    ['noFault', '第三十三条第二款“当事人有证据足以证明没有主观过错的，不予行政处罚”'],
  ] as const)('%s', async (ground, citation) => {
    const { text } = await render('no-penalty-decision', { ...FIXTURES['no-penalty-decision'], ground });
    expect(text).toContain(citation);
    expect(text).toContain('第三十三条第三款'); // education in every case
  });
});

describe('移送案件书: 行政处罚法 第二十七条 suspected crime', () => {
  it('cites 第二十七条第一款 and the offence', async () => {
    const { text } = await render('case-transfer', {
      ...FIXTURES['case-transfer'], kind: 'suspectedCrime', detentionItem: undefined,
      suspectedOffence: '污染环境罪（《中华人民共和国刑法》第三百三十八条）',
    });
    expect(text).toContain('第二十七条第一款');
    expect(text).toContain('涉嫌污染环境罪（《中华人民共和国刑法》第三百三十八条）');
    expect(text).toContain('行政执法机关移送涉嫌犯罪案件的规定');
  });

  it('环境保护法 第六十三条: a detention transfer needs its item', async () => {
    await expect(renderCaseDocument('case-transfer', { ...FIXTURES['case-transfer'], detentionItem: undefined })).rejects.toThrow(RangeError);
  });
});

describe('行政复议法: the reconsideration bodies', () => {
  it('行政复议法 (2017) 第十二条: before 2024 the city government or the provincial department', () => {
    expect(defaultRemedies('2023-12-31').reconsiderationBodies).toEqual(['烟台市人民政府', '山东省生态环境厅']);
  });
  it('行政复议法 (2023) 第二十四条: from 2024-01-01 the city government only', async () => {
    expect(defaultRemedies('2024-01-01', '烟台市芝罘区人民法院')).toEqual({ reconsiderationBodies: ['烟台市人民政府'], court: '烟台市芝罘区人民法院' });
    const { text } = await render('penalty-decision', { ...FIXTURES['penalty-decision'], remedies: defaultRemedies('2024-03-01') });
    expect(text).toContain('六十日内向烟台市人民政府申请行政复议');
    expect(text).toContain('六个月内向有管辖权的人民法院提起行政诉讼');
  });
});

describe('registry', () => {
  it('numbers documents per kind with the bureau prefix', () => {
    expect(documentNumberFor('penalty-decision', 2020, 12)).toBe('烟环罚〔2020〕12号');
    expect(documentNumberFor('prior-notice', 2020, 3)).toBe('烟环告〔2020〕3号');
    expect(documentNumberFor('hearing-notice', 2020, 3)).toBe('烟环听告〔2020〕3号');
    expect(documentNumberFor('filing-approval', 2020, 3)).toBe('烟环立〔2020〕3号');
    expect(() => documentNumberFor('service-receipt', 2020, 1)).toThrow(RangeError);
  });

  it('has 14 kinds with distinct prefixes and names', () => {
    expect(CASE_DOCUMENT_KINDS).toHaveLength(14);
    const prefixes = CASE_DOCUMENT_KINDS.map((k) => DOCUMENT_KINDS[k].prefix).filter((p) => p !== null);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const k of CASE_DOCUMENT_KINDS) expect(DOCUMENT_KINDS[k].code).toBe(k);
    expect(caseDocumentFileName('penalty-decision', '烟环罚〔2020〕12号')).toBe('行政处罚决定书-烟环罚〔2020〕12号.docx');
  });

  it('formats amounts as ¥ and 大写', () => {
    expect(formatFenForDocument(25_000_000)).toBe(FINE);
    expect(formatFenForDocument(10_070_050)).toBe('人民币壹拾万零柒佰元伍角整（¥100,700.50）');
    expect(() => formatFenForDocument(-1)).toThrow(RangeError);
  });
});

// Optional: a real layout engine reads the file. Skipped where LibreOffice is not installed.
describe.skipIf(!soffice)('LibreOffice converts a decision to PDF', () => {
  it('produces a PDF', async () => {
    expect(renderWithLibreOffice(await renderCaseDocument('penalty-decision', FIXTURES['penalty-decision']))).toBe('%PDF-');
  }, 150_000);
});
