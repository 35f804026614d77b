import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestContext, nextCreditCode, type TestContext } from '../../test/helpers/app.js';
import { ENGINE } from '../../test/helpers/db.js';
import { COLUMNS } from './excel.js';

type Row = Partial<Record<(typeof COLUMNS)[number]['header'], string | number>>;

async function workbook(rows: Row[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('企业名录');
  sheet.addRow(COLUMNS.map((c) => c.header));
  for (const r of rows) sheet.addRow(COLUMNS.map((c) => r[c.header] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(file: Buffer, name = 'enterprises.xlsx') {
  const boundary = '----ecogovtest';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`;
  return { payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

const good = (name: string, extra: Row = {}): Row => ({
  统一社会信用代码: nextCreditCode(), 企业名称: name, 法定代表人: '王建国', 区市: '芝罘区', 乡镇街道: '向阳街道', 行业代码: 'C2614',
  地址: '烟台市芝罘区测试路1号', 经度: 121.39, 纬度: 37.53, 重点排污单位类别: '水环境,大气环境', 信用等级: '良好', 排放口: 'DW001:废水总排口;DA001:锅炉排口', ...extra,
});

describe(`enterprise Excel import (${ENGINE})`, () => {
  let ctx: TestContext;
  let admin: Record<string, string>;
  beforeAll(async () => { ctx = await createTestContext(); admin = await ctx.loginAs('administrator'); });
  afterAll(async () => ctx.close());

  const upload = async (file: Buffer, query = '', headers = admin) => {
    const { payload, contentType } = multipart(file);
    return ctx.app.inject({ method: 'POST', url: `/api/enterprises/import${query}`, headers: { ...headers, 'content-type': contentType }, payload });
  };
  const count = async () => (await ctx.app.inject({ method: 'GET', url: '/api/enterprises?pageSize=200', headers: admin })).json().total as number;

  const mixed = () => [
    good('烟台甲化工有限公司'),                                         // row 2
    good('烟台乙化工有限公司', { 统一社会信用代码: '91370602MA3C000001' }), // row 3: bad check character
    good('烟台丙化工有限公司', { 区市: '不存在区' }),                     // row 4: unknown district
    good('烟台丁化工有限公司', { 乡镇街道: '清洋街道' }),                 // row 5: township of 福山区, not 芝罘区
    good('烟台戊化工有限公司', { 经度: 'abc' }),                          // row 6: not a number
    good('烟台己化工有限公司', { 法定代表人: '' }),                       // row 7: required
    good('烟台庚化工有限公司'),                                         // row 8
  ];

  it('reports every bad row with its number and reason, and imports none of them', async () => {
    const before = await count();
    const res = await upload(await workbook(mixed()));
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe('IMPORT_HAS_ERRORS');
    expect(body.error.details.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code])).toEqual([
      [3, 'creditCode', 'CREDIT_CODE_CHECK_CHARACTER'],
      [4, 'districtId', 'DISTRICT_UNKNOWN'],
      [5, 'townshipId', 'TOWNSHIP_NOT_IN_DISTRICT'],
      [6, 'longitude', 'NUMBER_EXPECTED'],
      [7, 'legalRepresentative', 'REQUIRED'],
    ]);
    expect(body.error.details.errors[0].message).toMatch(/校验码/);
    expect(await count()).toBe(before);
  });

  it('imports the good rows when the user chooses to skip the bad ones', async () => {
    const before = await count();
    const res = await upload(await workbook(mixed()), '?skipInvalid=true');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 2, updated: 0, skipped: 5 });
    expect(await count()).toBe(before + 2);
    const found = await ctx.app.inject({ method: 'GET', url: `/api/enterprises?q=${encodeURIComponent('烟台庚化工')}`, headers: admin });
    const id = found.json().items[0].id;
    const detail = (await ctx.app.inject({ method: 'GET', url: `/api/enterprises/${id}`, headers: admin })).json();
    expect(detail).toMatchObject({ townshipName: '向阳街道', keyUnitCategories: ['water', 'air'], creditRating: 'blue', longitude: 121.39 });
    expect(detail.outfalls.map((o: { code: string; kind: string }) => [o.code, o.kind])).toEqual([['DA001', 'air'], ['DW001', 'water']]);
  });

  it('a credit code already registered updates that enterprise; duplicates within a file are errors', async () => {
    const row = good('烟台辛化工有限公司');
    expect((await upload(await workbook([row]))).json()).toMatchObject({ created: 1, updated: 0 });
    const res = await upload(await workbook([{ ...row, 企业名称: '烟台辛化工（更名）有限公司' }]));
    expect(res.json()).toMatchObject({ created: 0, updated: 1 });
    const dup = await upload(await workbook([good('甲'), { ...row }, { ...row }]));
    expect(dup.statusCode).toBe(422);
    expect(dup.json().error.details.errors).toEqual([expect.objectContaining({ row: 4, code: 'CREDIT_CODE_DUPLICATE_IN_FILE' })]);
  });

  it('a district user cannot import into another district', async () => {
    const fushanStaff = await ctx.loginAs('district_staff', { districtCode: '370611' });
    const res = await upload(await workbook([good('烟台壬化工有限公司')]), '', fushanStaff);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.errors).toEqual([expect.objectContaining({ row: 2, field: 'districtId', code: 'OUT_OF_SCOPE' })]);
  });

  it('refuses a file that is not a workbook, or lacks a required column', async () => {
    const junk = await upload(Buffer.from('not an xlsx'));
    expect(junk.statusCode).toBe(422);
    expect(junk.json().error).toMatchObject({ code: 'IMPORT_FILE_UNREADABLE', field: 'file' });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['企业名称']);
    const missing = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(missing.json().error).toMatchObject({ code: 'IMPORT_HEADER_MISSING', field: '统一社会信用代码' });
  });

  it('export round-trips through import unchanged', async () => {
    const exported = await ctx.app.inject({ method: 'GET', url: '/api/enterprises/export', headers: admin });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toMatch(/spreadsheetml/);
    const before = await count();
    const res = await upload(exported.rawPayload);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 0, updated: before, skipped: 0 });
  });
});
