// Labels for the API's codes (roles, relations, statuses, domains, measure kinds), shared by the pages.
import { addStrings, t } from './app.js';

addStrings({
  zh: {
    'role.LEGAL_REP': '法定代表人', 'role.DIRECTOR': '董事', 'role.SUPERVISOR': '监事', 'role.SENIOR_MANAGER': '高级管理人员',
    'role.MAIN_RESPONSIBLE': '主要负责人',
    'rel.LEGAL_REP': '法定代表人', 'rel.DIRECTOR': '董事', 'rel.SUPERVISOR': '监事', 'rel.SENIOR_MANAGER': '高管',
    'rel.MAIN_RESPONSIBLE': '主要负责人', 'rel.SHAREHOLDER': '股东', 'rel.BRANCH_OF': '分支机构',
    'rel.ACTUAL_CONTROLLER': '实际控制人', 'rel.PRACTISES_AT': '执业于', 'rel.SERVES_IN': '任职于', 'rel.RELATIVE_OF': '亲属',
    'status.ACTIVE': '有效', 'status.OBJECTED': '异议中', 'status.REPAIRED': '已修复', 'status.REVOKED': '已撤销',
    'status.RELEASED': '已解除', 'status.EXPIRED': '已届满',
    'domain.APPOINTMENT': '任职', 'domain.GOV_PROCUREMENT': '政府采购', 'domain.PUBLIC_BIDDING': '招标投标',
    'domain.SUBSIDY': '财政补贴', 'domain.FINANCING': '融资信贷', 'domain.HIGH_CONSUMPTION': '高消费',
    'domain.HONOURS': '评优评先', 'domain.MARKET_ACCESS': '市场准入', 'domain.LAND_TRADING': '土地交易',
    'domain.CIVIL_SERVICE': '公职录用', 'domain.INSPECTION': '监管检查',
    'kind.RESTRICT': '限制', 'kind.ALERT': '提示', 'kind.WARNING': '警示', 'kind.INCENTIVE': '激励',
    'kind.BLACK': '黑名单', 'kind.RED': '红名单', 'kind.WATCH': '重点关注', 'kind.EVENT': '事件',
    'subject.PERSON': '个人', 'subject.ENTERPRISE': '企业', 'subject.INSTITUTION': '事业单位', 'subject.SOCIAL_ORG': '社会组织',
    'subject.GOV_AGENCY': '机关',
    'dept.PUBLIC_SECURITY': '公安局', 'dept.MARKET_REGULATION': '市场监督管理局', 'dept.CIVIL_AFFAIRS': '民政局',
    'dept.HEALTH': '卫生健康局', 'dept.EDUCATION': '教育局', 'dept.HUMAN_RESOURCES': '人力资源和社会保障局',
    'dept.TAX': '税务局', 'dept.COURT': '人民法院', 'dept.FINANCE': '财政局', 'dept.PROCURATORATE': '人民检察院',
    'dept.ECOLOGY_ENVIRONMENT': '生态环境局', 'dept.DEVELOPMENT_REFORM': '发展和改革局',
    'dept.HOUSING_CONSTRUCTION': '住房和城乡建设局', 'dept.TRANSPORT': '交通运输局',
  },
  en: {
    'role.LEGAL_REP': 'Legal representative', 'role.DIRECTOR': 'Director', 'role.SUPERVISOR': 'Supervisor',
    'role.SENIOR_MANAGER': 'Senior manager', 'role.MAIN_RESPONSIBLE': 'Principal in charge',
    'rel.LEGAL_REP': 'legal rep.', 'rel.DIRECTOR': 'director', 'rel.SUPERVISOR': 'supervisor',
    'rel.SENIOR_MANAGER': 'manager', 'rel.MAIN_RESPONSIBLE': 'principal', 'rel.SHAREHOLDER': 'shareholder',
    'rel.BRANCH_OF': 'branch of', 'rel.ACTUAL_CONTROLLER': 'actual controller', 'rel.PRACTISES_AT': 'practises at',
    'rel.SERVES_IN': 'serves in', 'rel.RELATIVE_OF': 'relative of',
    'status.ACTIVE': 'active', 'status.OBJECTED': 'objected', 'status.REPAIRED': 'repaired',
    'status.REVOKED': 'revoked', 'status.RELEASED': 'released', 'status.EXPIRED': 'expired',
    'domain.APPOINTMENT': 'Appointment', 'domain.GOV_PROCUREMENT': 'Government procurement',
    'domain.PUBLIC_BIDDING': 'Public bidding', 'domain.SUBSIDY': 'Subsidies', 'domain.FINANCING': 'Financing',
    'domain.HIGH_CONSUMPTION': 'High consumption', 'domain.HONOURS': 'Honours', 'domain.MARKET_ACCESS': 'Market access',
    'domain.LAND_TRADING': 'Land trading', 'domain.CIVIL_SERVICE': 'Civil service', 'domain.INSPECTION': 'Inspection',
    'kind.RESTRICT': 'restrict', 'kind.ALERT': 'alert', 'kind.WARNING': 'warning', 'kind.INCENTIVE': 'incentive',
    'kind.BLACK': 'black list', 'kind.RED': 'red list', 'kind.WATCH': 'watch list', 'kind.EVENT': 'event',
    'subject.PERSON': 'person', 'subject.ENTERPRISE': 'enterprise', 'subject.INSTITUTION': 'institution',
    'subject.SOCIAL_ORG': 'social organisation', 'subject.GOV_AGENCY': 'government agency',
    'dept.PUBLIC_SECURITY': 'Public security', 'dept.MARKET_REGULATION': 'Market regulation',
    'dept.CIVIL_AFFAIRS': 'Civil affairs', 'dept.HEALTH': 'Health', 'dept.EDUCATION': 'Education',
    'dept.HUMAN_RESOURCES': 'Human resources and social security', 'dept.TAX': 'Taxation', 'dept.COURT': 'People\'s court',
    'dept.FINANCE': 'Finance', 'dept.PROCURATORATE': 'Procuratorate', 'dept.ECOLOGY_ENVIRONMENT': 'Ecology and environment',
    'dept.DEVELOPMENT_REFORM': 'Development and reform', 'dept.HOUSING_CONSTRUCTION': 'Housing and construction',
    'dept.TRANSPORT': 'Transport',
  },
});

/**
 * The label of a code in a group ('role', 'rel', 'status', 'domain', 'kind', 'dept'), or the code itself (a department
 * not listed here shows its code).
 */
export function label(group, code) {
  if (code === undefined || code === null) return '–';
  const k = group + '.' + code;
  const s = t(k);
  return s === k ? String(code) : s;
}

export const ROLES = ['LEGAL_REP', 'DIRECTOR', 'SUPERVISOR', 'SENIOR_MANAGER', 'MAIN_RESPONSIBLE'];
export const DOMAINS = ['GOV_PROCUREMENT', 'PUBLIC_BIDDING', 'SUBSIDY', 'FINANCING', 'HIGH_CONSUMPTION', 'HONOURS',
  'MARKET_ACCESS', 'LAND_TRADING', 'CIVIL_SERVICE', 'INSPECTION', 'APPOINTMENT'];

addStrings({ zh: { 'chain.label': '证据链' }, en: { 'chain.label': 'evidence path' } });

// Enforcement feedback (DOMAIN.md section 7): outcomes and the reasons a measure was not applied.
export const OUTCOMES = ['APPLIED', 'NOT_APPLIED', 'NOT_APPLICABLE'];
export const NOT_APPLIED_REASONS = ['NOT_IN_SCOPE', 'RECORD_ENDED', 'RELEASED', 'OVERRIDDEN', 'OTHER'];
addStrings({
  zh: {
    'outcome.APPLIED': '已实施', 'outcome.NOT_APPLIED': '未实施', 'outcome.NOT_APPLICABLE': '无可适用事项',
    'reason.NOT_IN_SCOPE': '业务不属于该措施领域', 'reason.RECORD_ENDED': '记录在决定前已终止',
    'reason.RELEASED': '已出示法院解除或信用修复证明', 'reason.OVERRIDDEN': '上级决定另行处理', 'reason.OTHER': '其他',
  },
  en: {
    'outcome.APPLIED': 'applied', 'outcome.NOT_APPLIED': 'not applied', 'outcome.NOT_APPLICABLE': 'not applicable',
    'reason.NOT_IN_SCOPE': 'business outside the measure\'s domain', 'reason.RECORD_ENDED': 'record ended before the decision',
    'reason.RELEASED': 'a court release or repair was shown', 'reason.OVERRIDDEN': 'a higher decision required otherwise',
    'reason.OTHER': 'other',
  },
});
