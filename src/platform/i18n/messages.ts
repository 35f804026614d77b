// Every refusal and error code, with its message in each UI language. One test checks completeness.
export type Locale = 'zh-CN' | 'en';

export const MESSAGES: Record<string, Record<Locale, string>> = {
  INVALID_INPUT: { 'zh-CN': '输入不符合要求', en: 'Invalid input' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', en: 'Please sign in' },
  FORBIDDEN: { 'zh-CN': '无权执行此操作', en: 'You are not allowed to do this' },
  OUT_OF_SCOPE: { 'zh-CN': '超出您的管辖范围（区市）', en: 'Outside your district scope' },
  NOT_FOUND: { 'zh-CN': '记录不存在或不在您的管辖范围内', en: 'Not found, or outside your scope' },
  CSRF_TOKEN_INVALID: { 'zh-CN': '请求缺少有效的防伪令牌（x-csrf-token），请刷新页面后重试', en: 'Missing or invalid CSRF token (x-csrf-token); reload the page and retry' },
  RATE_LIMITED: { 'zh-CN': '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  INTERNAL: { 'zh-CN': '系统内部错误，已记录', en: 'Internal error; it has been logged' },
  LOGIN_FAILED: { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: { 'zh-CN': '连续登录失败次数过多，账号已临时锁定，请稍后再试', en: 'Too many failed sign-ins; the account is temporarily locked' },
  ACCOUNT_DISABLED: { 'zh-CN': '账号已停用', en: 'This account is disabled' },
  VERSION_CONFLICT: { 'zh-CN': '记录已被他人修改，请刷新后重试', en: 'The record was changed by someone else; reload and retry' },
  USERNAME_TAKEN: { 'zh-CN': '用户名已存在', en: 'Username already exists' },
  DISTRICT_REQUIRED: { 'zh-CN': '该角色必须指定所属区市', en: 'This role needs a district' },
  ENTERPRISE_REQUIRED: { 'zh-CN': '企业用户必须关联企业', en: 'An enterprise user needs an enterprise' },
  CREDENTIAL_REQUIRED: { 'zh-CN': '执法人员必须填写执法证号', en: 'Enforcement officers need an enforcement credential number' },
  PASSWORD_TOO_SHORT: { 'zh-CN': '密码至少 10 位', en: 'Password must be at least 10 characters' },
  DISTRICT_UNKNOWN: { 'zh-CN': '区市不存在', en: 'Unknown district' },
  TOWNSHIP_UNKNOWN: { 'zh-CN': '乡镇街道不存在', en: 'Unknown township' },
  TOWNSHIP_NOT_IN_DISTRICT: { 'zh-CN': '乡镇街道不属于所选区市', en: 'The township is not in the chosen district' },
  CREDIT_CODE_LENGTH: { 'zh-CN': '统一社会信用代码应为 18 位（GB 32100-2015）', en: 'A unified social credit code has 18 characters (GB 32100-2015)' },
  CREDIT_CODE_CHARACTER: { 'zh-CN': '统一社会信用代码含非法字符（不使用 I、O、S、V、Z）', en: 'The credit code has an illegal character (I, O, S, V, Z are not used)' },
  CREDIT_CODE_AUTHORITY: { 'zh-CN': '统一社会信用代码第 1 位登记管理部门代码无效', en: 'Position 1 (registration authority) of the credit code is invalid' },
  CREDIT_CODE_TYPE: { 'zh-CN': '统一社会信用代码第 2 位机构类别代码与登记管理部门不符', en: 'Position 2 (organisation type) does not fit the registration authority' },
  CREDIT_CODE_DIVISION: { 'zh-CN': '统一社会信用代码第 3–8 位应为行政区划码', en: 'Positions 3–8 of the credit code must be an administrative division code' },
  CREDIT_CODE_CHECK_CHARACTER: { 'zh-CN': '统一社会信用代码校验码错误（GB 32100-2015）', en: 'Wrong check character (GB 32100-2015)' },
  CREDIT_CODE_TAKEN: { 'zh-CN': '该统一社会信用代码已登记', en: 'This credit code is already registered' },
  CREDIT_CODE_DUPLICATE_IN_FILE: { 'zh-CN': '文件中该统一社会信用代码重复', en: 'This credit code appears more than once in the file' },
  INDUSTRY_CODE_FORMAT: { 'zh-CN': '行业代码应符合 GB/T 4754-2017（门类字母加 2–4 位数字，如 C2614）', en: 'Industry code must follow GB/T 4754-2017 (section letter and 2–4 digits, e.g. C2614)' },
  COORDINATES_INCOMPLETE: { 'zh-CN': '经度和纬度须同时填写', en: 'Give both longitude and latitude' },
  COORDINATES_OUT_OF_RANGE: { 'zh-CN': '坐标应为 WGS-84 经纬度且位于我国境内', en: 'Coordinates must be WGS-84 degrees within China' },
  OUTFALL_CODE_FORMAT: { 'zh-CN': '排放口编码应为 DW 或 DA 加 3 位数字（HJ 608-2017）', en: 'Outfall code must be DW or DA and 3 digits (HJ 608-2017)' },
  OUTFALL_KIND_MISMATCH: { 'zh-CN': '排放口类型与编码不符（DW 废水，DA 废气）', en: 'Outfall kind does not match its code (DW water, DA air)' },
  OUTFALL_CODE_DUPLICATE: { 'zh-CN': '排放口编码重复', en: 'Duplicate outfall code' },
  REQUIRED: { 'zh-CN': '必填', en: 'Required' },
  VALUE_UNKNOWN: { 'zh-CN': '取值无法识别', en: 'Value not recognised' },
  NUMBER_EXPECTED: { 'zh-CN': '应为数字', en: 'A number is expected' },
  IMPORT_HAS_ERRORS: { 'zh-CN': '导入文件存在错误行，未导入任何数据；可修正后重试，或选择跳过错误行', en: 'The file has invalid rows; nothing was imported. Fix them, or choose to skip invalid rows' },
  IMPORT_FILE_UNREADABLE: { 'zh-CN': '无法读取 Excel 文件（.xlsx）', en: 'Cannot read the Excel (.xlsx) file' },
  IMPORT_HEADER_MISSING: { 'zh-CN': '缺少必需的列', en: 'A required column is missing' },
  IMPORT_FILE_REQUIRED: { 'zh-CN': '请上传文件', en: 'Upload a file' },
};

export function messageFor(code: string, locale: Locale): string {
  return MESSAGES[code]?.[locale] ?? code;
}

/** First language of an Accept-Language header that we speak; Chinese by default. */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]!.trim().toLowerCase();
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
