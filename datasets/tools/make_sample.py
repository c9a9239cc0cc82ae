#!/usr/bin/env python3
"""Writes the curated sample city (exchange files, stories.yaml, STORIES.md) of the datasets module.

The cast, dates and expected outcomes below are written by hand from DOMAIN.md section 5; this script only
computes check characters, numbers the lines and keeps the three outputs consistent. Run from the repository root:
    python3 datasets/tools/make_sample.py
"""
import json, os, random

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
RES = os.path.join(ROOT, 'src/main/resources/io/credgraph/datasets')
SAMPLE = os.path.join(RES, 'sample')
BAD = os.path.join(RES, 'sample-bad')

USCC_ALPHA = '0123456789ABCDEFGHJKLMNPQRTUWXY'
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def uscc(prefix, serial):
    """prefix '91' company, '92' individual business, '12' institution, '11' agency, '51' social org."""
    body8 = 'MA' + ''.join(USCC_ALPHA[(serial // 31 ** k) % 31] for k in range(5, -1, -1))
    s = sum(ORG_CHARS.index(c) * w for c, w in zip(body8, ORG_W))
    c = 11 - s % 11
    org = body8 + ('X' if c == 10 else '0' if c == 11 else str(c))
    b = prefix + '442000' + org
    return b + USCC_ALPHA[(31 - sum(USCC_ALPHA.index(ch) * w for ch, w in zip(b, USCC_W)) % 31) % 31]


def rid(birth, seq, region='442000'):
    b = region + birth.replace('-', '') + '%03d' % seq
    return b + '10X98765432'[sum(int(ch) * w for ch, w in zip(b, ID_W)) % 11]


def rid_raw(body17):
    return body17 + '10X98765432'[sum(int(ch) * w for ch, w in zip(body17, ID_W)) % 11]


# ------------------------------------------------------------------------------------------ cast
P = {}   # name -> (idNumber, display name)
E = {}   # name -> uscc
NAMES = {}
serial = [1000]


def person(key, name, birth, seq):
    P[key] = rid(birth, seq)
    NAMES[key] = name


def org(key, name, prefix='91'):
    serial[0] += 7919
    E[key] = uscc(prefix, serial[0])
    NAMES[key] = name


person('p_civil', '何志明', '1975-03-12', 101)
person('p_civil2', '何淑仪', '1980-07-01', 102)
person('p_crim', '梁国栋', '1968-10-05', 103)
person('p_prob', '黄嘉欣', '1985-04-18', 104)
person('p_pol', '罗永健', '1972-01-30', 105)
person('p_other', '周文杰', '1990-09-09', 106)
person('p_leap', '李卓然', '1979-12-12', 107)
person('p_bankdir', '郑伟强', '1970-06-06', 108)
person('p_bankmgr', '郑锦荣', '1976-02-14', 109)
person('p_bankdir2', '冯海洋', '1982-03-03', 110)
person('p_bankrep', '谭永发', '1965-11-11', 111)
person('p_rev_old', '陈建国', '1960-05-05', 112)
person('p_rev_new', '林志军', '1978-08-08', 113)
person('p_rev_after', '林晓彤', '1992-02-02', 114)
person('p_closed', '麦炳坤', '1973-07-07', 115)
person('p_notliable', '吴润发', '1981-01-21', 116)
person('p_djd', '吴海林', '1977-04-04', 117)
person('p_djd_obj', '张浩然', '1988-05-15', 118)
person('p_djd_rev', '张思远', '1986-06-16', 119)
person('p_cons_prev', '杨振宏', '1958-12-01', 120)
person('p_cons_rep', '杨泽民', '1969-09-19', 121)
person('p_cons_new', '刘子轩', '1991-10-10', 122)
person('p_cons_ac', '刘国华', '1963-03-23', 123)
person('p_sid_rep', '梁耀明', '1974-04-24', 124)
person('p_sid2_rep', '欧阳俊辉', '1983-08-18', 125)
person('p_tax_rep', '郭志强', '1971-07-17', 126)
person('p_tax_new', '郭宇航', '1993-03-13', 127)
person('p_proc_rep', '彭家豪', '1979-05-09', 128)
person('p_bribe', '谢展鹏', '1966-06-26', 129)
person('p_doctor', '苏慧', '1984-12-24', 130)
person('p_teacher', '钟丽', '1987-07-27', 131)
person('p_nominee', '黄伟', '1962-02-22', 132)
person('p_owner', '卢嘉豪', '1970-10-20', 133)
person('p_x', '卢秀英', '1972-11-11', 134)
person('p_y', '区振国', '1969-01-19', 135)
person('p_bad_owner', '温锦', '1980-08-28', 136)
person('p_cf1', '徐明', '1985-05-25', 137)
person('p_cf2', '徐建华', '1987-06-06', 138)
person('p_rb_rep', '高晨', '1989-09-29', 139)
person('o_1', '司徒志远', '1975-05-05', 140)
person('o_2', '彭丽芳', '1977-07-17', 141)
person('p_sid_other_mr', '叶嘉欣', '1990-01-11', 142)
person('p_commerce', '邝荣', '1968-08-01', 143)
person('p_leap_born', '潘子晴', '1996-02-29', 144)

org('e_shop', '中山市石岐月华百货商店', '92')
org('e_shop2', '中山市小榄镇华丰五金店', '92')
org('e_partner', '中山市汇利投资合伙企业（有限合伙）')
org('e_sole', '中山市新盛五金商行（个人独资）')
org('e_bank', '中山市鸿运五金制品有限公司')
org('e_bank2', '中山市东升农机厂')
org('e_revoked', '中山市金辉灯饰有限公司')
org('e_revoked2', '中山市顺源电子科技有限公司')
org('e_closed', '中山市利达塑料制品有限公司')
org('e_debtor', '中山市盛昌贸易有限公司')
org('e_djd', '中山市广发建筑工程有限公司')
org('e_sid', '中山市永发电器有限公司')
org('e_sid_other', '中山市永发投资有限公司')
org('e_other', '中山市卓越信息科技有限公司')
org('e_sid2', '中山市宝龙食品有限公司')
org('e_tax', '中山市宏泰物流有限公司')
org('e_proc', '中山市星晨贸易有限公司')
org('e_bribe', '中山市腾达建筑工程有限公司')
org('e_abn', '中山市雅美服饰有限公司')
org('e_abn2', '中山市凯旋家具有限公司')
org('e_abn3', '中山市新锦游艺设备有限公司')
org('e_red', '中山市恒通光电科技有限公司')
org('e_red_black', '中山市丰华电器有限公司')
org('e_cyc_a', '中山市明辉控股有限公司')
org('e_cyc_b', '中山市明辉灯饰有限公司')
org('e_cyc_c', '中山市明辉照明科技有限公司')
org('e_cyc_branch', '中山市明辉灯饰有限公司古镇分公司')
org('e_bad1', '中山市天海投资有限公司')
org('e_bad2', '中山市天海实业有限公司')
org('e_conflict', '中山市瑞祥贸易有限公司')
org('e_nom_sid', '中山市鑫源贸易有限公司')
org('h1', '中山市小榄人民医院', '12')
org('h2', '中山市博爱医院', '12')
org('s1', '中山市石岐中心小学', '12')
org('g_amr', '中山市市场监督管理局', '11')
org('g_fin', '中山市财政局', '11')
org('so_1', '中山市古镇灯饰商会', '51')

NOMINEE_SHOPS = []
shop_words = ['百货商店', '五金店', '灯饰店', '餐厅', '发型屋', '商行', '电器店', '服装店', '货运部', '装修工程部', '电脑店']
trade = '华利达兴盛昌宏泰新恒通信合顺源丰鑫隆广美佳福永发富祥瑞荣锦安康伟宝金凯旭晖明'
districts = ['石岐', '东区', '西区', '南区', '小榄镇', '古镇镇', '横栏镇', '港口镇', '沙溪镇', '大涌镇', '黄圃镇', '东凤镇',
             '三角镇', '阜沙镇', '南头镇', '板芙镇', '神湾镇', '坦洲镇', '三乡镇', '民众', '南朗', '五桂山', '中山港']
for k in range(22):
    key = 'e_nom_%02d' % (k + 1)
    if k % 3 == 0:
        org(key, '中山市' + trade[k] + trade[(k * 7 + 3) % len(trade)] + '贸易有限公司')
    else:
        org(key, '中山市' + districts[k % len(districts)] + trade[(k * 5) % len(trade)] + trade[(k * 11 + 1) % len(trade)]
            + shop_words[k % len(shop_words)], '92')
    NOMINEE_SHOPS.append(key)

rnd = random.Random(20261127)
SURN = ['陈', '黄', '梁', '李', '林', '张', '吴', '何', '刘', '郑', '冯', '杨', '罗', '郭', '周', '谭', '麦', '卢', '谢', '苏']
GIV = '伟强明华建国志军文杰俊辉海林斌涛鹏敏丽芳燕玲霞婷娟慧颖嘉欣卓锦荣耀永健家豪浩然'
BG_P = []
for k in range(100):
    key = 'bgp_%03d' % k
    y = 1955 + rnd.randrange(45)
    person(key, rnd.choice(SURN) + rnd.choice(GIV) + (rnd.choice(GIV) if rnd.random() < 0.8 else ''),
           '%d-%02d-%02d' % (y, 1 + rnd.randrange(12), 1 + rnd.randrange(28)), 200 + k)
    BG_P.append(key)
IND = [('C3872', '灯饰'), ('C3351', '五金制品'), ('C2110', '家具'), ('C3854', '电器'), ('C1810', '服装'),
       ('F5199', '贸易'), ('I6510', '信息科技'), ('G5430', '物流'), ('E4710', '建筑工程'), ('C2927', '塑料制品')]
DIST = ['石岐街道', '东区街道', '西区街道', '南区街道', '五桂山街道', '中山港街道', '民众街道', '南朗街道', '小榄镇', '古镇镇',
        '横栏镇', '港口镇', '沙溪镇', '大涌镇', '黄圃镇', '东凤镇', '三角镇', '阜沙镇', '南头镇', '板芙镇', '神湾镇', '坦洲镇',
        '三乡镇']
BG_E = []
BG_INFO = {}
for k in range(100):
    key = 'bge_%03d' % k
    ind = rnd.choice(IND)
    dist = rnd.choice(DIST)
    t = rnd.choice(trade) + rnd.choice(trade)
    if k % 4 == 3:
        org(key, '中山市' + dist.replace('街道', '') + t + ind[1].replace('制品', '') + '店', '92')
        form = 'INDIVIDUAL_BUSINESS'
    else:
        org(key, '中山市' + t + ind[1] + '有限公司')
        form = 'COMPANY'
    BG_E.append(key)
    BG_INFO[key] = (form, dist, ind[0], '%d-%02d-%02d' % (2005 + rnd.randrange(19), 1 + rnd.randrange(12),
                                                           1 + rnd.randrange(28)))

# ------------------------------------------------------------------------------------------ writing
FILES = {}
WHERE = {}   # key of a fact -> "file:line"


def emit(fname, obj, tag=None):
    lines = FILES.setdefault(fname, [])
    lines.append(json.dumps(obj, ensure_ascii=False, separators=(',', ':')))
    if tag:
        WHERE[tag] = '%s:%d' % (fname, len(lines))


def ref(k):
    return {'idNumber': P[k]} if k in P else {'uscc': E[k]}


def subj_person(f, k, name=None, tag=None):
    emit(f, {'type': 'subject', 'kind': 'PERSON', 'idNumber': P[k], 'name': name or NAMES[k]}, tag or k)


def subj_ent(f, k, form, district, industry, registered, status='ACTIVE', kind='ENTERPRISE', name=None, tag=None):
    o = {'type': 'subject', 'kind': kind, 'uscc': E[k], 'name': name or NAMES[k]}
    if kind == 'ENTERPRISE':
        o['legalForm'] = form
    o.update({'status': status, 'registeredOn': registered, 'district': district})
    if industry:
        o['industry'] = industry
    emit(f, o, tag or k)


def rel(f, r, a, b, since, tag=None, **extra):
    o = {'type': 'relation', 'rel': r, 'from': ref(a), 'to': ref(b)}
    if 'ratio' in extra:
        o['ratio'] = extra.pop('ratio')
    o['since'] = since
    o.update(extra)
    emit(f, o, tag)


def end(f, r, a, b, until, tag=None):
    emit(f, {'type': 'end', 'rel': r, 'from': ref(a), 'to': ref(b), 'until': until}, tag)


DEPT_OF = {}


RECORD_FROM = {}  # record id -> its first day in force (effectiveFrom, here always the decision day)


def record(f, rid_, subject, lst, dept, decision_no, basis, decided, until=None, **extra):
    RECORD_FROM[rid_] = decided
    o = {'type': 'record', 'id': rid_, 'subject': ref(subject), 'list': lst, 'department': dept,
         'decisionNo': decision_no, 'basis': basis, 'decidedOn': decided, 'effectiveFrom': decided}
    if until:
        o['effectiveUntil'] = until
    for k, v in extra.items():
        if k == 'liablePersons':
            o[k] = [ref(x) for x in v]
        else:
            o[k] = v
    emit(f, o, rid_)


def status(f, rid_, st, on, note, person_=None):
    o = {'type': 'status', 'record': rid_, 'status': st, 'on': on}
    if person_:
        o['person'] = ref(person_)
    o['note'] = note
    emit(f, o, rid_ + '/' + st)


F_PS = '01-public-security.jsonl'
F_MR = '02-market-regulation.jsonl'
F_CA = '03-civil-affairs.jsonl'
F_HE = '04-health.jsonl'
F_ED = '05-education.jsonl'
F_HR = '06-human-resources.jsonl'
F_TX = '07-tax.jsonl'
F_CT = '08-court.jsonl'
F_FI = '09-finance.jsonl'
F_PR = '10-procuratorate.jsonl'
F_EC = '11-ecology-environment.jsonl'

# 01 public security: every person, relatives
for k in P:
    subj_person(F_PS, k)
rel(F_PS, 'RELATIVE_OF', 'o_1', 'p_cons_rep', '1996-10-01', 'rel_o1', relation='配偶')
rel(F_PS, 'RELATIVE_OF', 'o_2', 'p_proc_rep', '1979-05-09', 'rel_o2', relation='兄弟姐妹')
rel(F_PS, 'RELATIVE_OF', 'p_rev_old', 'p_rev_new', '1978-08-08', 'rel_rev', relation='子女')
for k in range(0, 20, 2):
    rel(F_PS, 'RELATIVE_OF', BG_P[k], BG_P[k + 1], '2001-01-01', None, relation=rnd.choice(['配偶', '兄弟姐妹', '子女']))

# 02 market regulation: enterprises, officers, shareholders, records
MR = F_MR
subj_ent(MR, 'e_shop', 'INDIVIDUAL_BUSINESS', '石岐街道', 'F5211', '2012-05-18')
subj_ent(MR, 'e_shop2', 'INDIVIDUAL_BUSINESS', '小榄镇', 'F5211', '2010-09-01')
subj_ent(MR, 'e_partner', 'PARTNERSHIP', '东区街道', 'L7212', '2019-03-15')
subj_ent(MR, 'e_sole', 'SOLE_PROPRIETORSHIP', '小榄镇', 'C3351', '2016-11-02')
subj_ent(MR, 'e_bank', 'COMPANY', '小榄镇', 'C3351', '2015-01-10', status='CANCELLED')
subj_ent(MR, 'e_bank2', 'NON_COMPANY_LEGAL_PERSON', '小榄镇', 'C3579', '2008-06-01', status='CANCELLED')
subj_ent(MR, 'e_revoked', 'COMPANY', '古镇镇', 'C3872', '2013-05-06', status='REVOKED')
subj_ent(MR, 'e_revoked2', 'COMPANY', '坦洲镇', 'C3989', '2016-09-09', status='REVOKED')
subj_ent(MR, 'e_closed', 'COMPANY', '三角镇', 'C2927', '2017-02-01', status='SUSPENDED')
subj_ent(MR, 'e_debtor', 'COMPANY', '石岐街道', 'F5199', '2012-03-01')
subj_ent(MR, 'e_djd', 'COMPANY', '南区街道', 'E4710', '2018-07-07')
subj_ent(MR, 'e_sid', 'COMPANY', '东凤镇', 'C3854', '2017-04-01')
subj_ent(MR, 'e_sid_other', 'COMPANY', '东凤镇', 'L7212', '2019-09-01')
subj_ent(MR, 'e_other', 'COMPANY', '中山港街道', 'I6510', '2014-02-14')
subj_ent(MR, 'e_sid2', 'COMPANY', '黄圃镇', 'C1353', '2015-08-08')
subj_ent(MR, 'e_tax', 'COMPANY', '坦洲镇', 'G5430', '2014-10-01')
subj_ent(MR, 'e_proc', 'COMPANY', '西区街道', 'F5199', '2016-03-03')
subj_ent(MR, 'e_bribe', 'COMPANY', '三乡镇', 'E4710', '2011-11-11')
subj_ent(MR, 'e_abn', 'COMPANY', '沙溪镇', 'C1810', '2018-01-20')
subj_ent(MR, 'e_abn2', 'COMPANY', '大涌镇', 'C2110', '2013-04-04')
subj_ent(MR, 'e_abn3', 'COMPANY', '港口镇', 'C2462', '2020-12-12')
subj_ent(MR, 'e_red', 'COMPANY', '古镇镇', 'C3871', '2010-10-10')
subj_ent(MR, 'e_red_black', 'COMPANY', '南头镇', 'C3851', '2012-12-12')
subj_ent(MR, 'e_cyc_a', 'COMPANY', '古镇镇', 'L7212', '2011-01-18')
subj_ent(MR, 'e_cyc_b', 'COMPANY', '古镇镇', 'C3872', '2011-03-08')
subj_ent(MR, 'e_cyc_c', 'COMPANY', '横栏镇', 'C3874', '2014-06-06')
subj_ent(MR, 'e_cyc_branch', 'BRANCH', '古镇镇', 'C3872', '2016-05-20')
subj_ent(MR, 'e_bad1', 'COMPANY', '东区街道', 'L7212', '2019-01-01')
subj_ent(MR, 'e_bad2', 'COMPANY', '东区街道', 'L7212', '2019-02-01')
subj_ent(MR, 'e_conflict', 'COMPANY', '石岐街道', 'F5199', '2018-04-01')
subj_ent(MR, 'e_nom_sid', 'COMPANY', '坦洲镇', 'F5199', '2020-08-08')
for k, key in enumerate(NOMINEE_SHOPS):
    is_co = E[key].startswith('91')
    subj_ent(MR, key, 'COMPANY' if is_co else 'INDIVIDUAL_BUSINESS', DIST[k % len(DIST)],
             'F5199' if is_co else 'F5211', '%d-%02d-15' % (2019 + k % 5, 1 + k % 12))
for key in BG_E:
    form, dist, ind, reg = BG_INFO[key]
    subj_ent(MR, key, form, dist, ind, reg)

# officers and shareholders of the story enterprises
rel(MR, 'LEGAL_REP', 'bgp_001', 'e_shop', '2012-05-18')
rel(MR, 'LEGAL_REP', 'bgp_002', 'e_shop2', '2010-09-01')
rel(MR, 'LEGAL_REP', 'bgp_003', 'e_partner', '2019-03-15')
rel(MR, 'SHAREHOLDER', 'bgp_003', 'e_partner', '2019-03-15', ratio=0.6)
rel(MR, 'SHAREHOLDER', 'bgp_004', 'e_partner', '2019-03-15', ratio=0.4)
rel(MR, 'LEGAL_REP', 'bgp_005', 'e_sole', '2016-11-02')
rel(MR, 'SHAREHOLDER', 'bgp_005', 'e_sole', '2016-11-02', ratio=1)
# bankruptcy (company)
rel(MR, 'LEGAL_REP', 'p_bankdir', 'e_bank', '2015-01-10', 'bank_lr')
rel(MR, 'DIRECTOR', 'p_bankdir', 'e_bank', '2015-01-10', 'bank_dir')
rel(MR, 'DIRECTOR', 'p_bankdir2', 'e_bank', '2018-03-01', 'bank_dir2')
rel(MR, 'SENIOR_MANAGER', 'p_bankmgr', 'e_bank', '2015-01-10', 'bank_mgr')
rel(MR, 'SHAREHOLDER', 'p_bankdir', 'e_bank', '2015-01-10', ratio=0.7)
rel(MR, 'SHAREHOLDER', 'p_bankmgr', 'e_bank', '2015-01-10', ratio=0.3)
# bankruptcy (non-company legal person)
rel(MR, 'LEGAL_REP', 'p_bankrep', 'e_bank2', '2008-06-01', 'bank2_lr')
# licence revoked: three legal representatives over time
rel(MR, 'LEGAL_REP', 'p_rev_old', 'e_revoked', '2013-05-06', 'rev_lr_old')
end(MR, 'LEGAL_REP', 'p_rev_old', 'e_revoked', '2018-12-31', 'rev_lr_old_end')
rel(MR, 'LEGAL_REP', 'p_rev_new', 'e_revoked', '2019-01-01', 'rev_lr_new')
end(MR, 'LEGAL_REP', 'p_rev_new', 'e_revoked', '2020-03-31', 'rev_lr_new_end')
rel(MR, 'LEGAL_REP', 'p_rev_after', 'e_revoked', '2020-04-01', 'rev_lr_after')
rel(MR, 'SHAREHOLDER', 'p_rev_old', 'e_revoked', '2013-05-06', ratio=1)
rel(MR, 'LEGAL_REP', 'p_notliable', 'e_revoked2', '2016-09-09', 'rev2_lr')
rel(MR, 'LEGAL_REP', 'p_closed', 'e_closed', '2017-02-01', 'closed_lr')
rel(MR, 'SHAREHOLDER', 'p_closed', 'e_closed', '2017-02-01', ratio=1)
# consumption restriction: representatives before, during and after the decision; a declared controller
rel(MR, 'LEGAL_REP', 'p_cons_prev', 'e_debtor', '2012-03-01', 'cons_lr_prev')
end(MR, 'LEGAL_REP', 'p_cons_prev', 'e_debtor', '2015-12-31', 'cons_lr_prev_end')
rel(MR, 'LEGAL_REP', 'p_cons_rep', 'e_debtor', '2016-01-01', 'cons_lr')
end(MR, 'LEGAL_REP', 'p_cons_rep', 'e_debtor', '2024-05-31', 'cons_lr_end')
rel(MR, 'LEGAL_REP', 'p_cons_new', 'e_debtor', '2024-06-01', 'cons_lr_new')
rel(MR, 'ACTUAL_CONTROLLER', 'p_cons_ac', 'e_debtor', '2016-01-01', 'cons_ac')
rel(MR, 'SHAREHOLDER', 'p_cons_ac', 'e_debtor', '2016-01-01', ratio=0.9)
rel(MR, 'SHAREHOLDER', 'p_cons_rep', 'e_debtor', '2016-01-01', ratio=0.1)
# dishonest judgment debtor sits as director elsewhere
rel(MR, 'DIRECTOR', 'p_djd', 'bge_000', '2019-05-01', 'djd_director')
rel(MR, 'SENIOR_MANAGER', 'p_djd_obj', 'bge_001', '2020-02-02')
# serious illegal dishonest
rel(MR, 'LEGAL_REP', 'p_sid_rep', 'e_sid', '2017-04-01', 'sid_lr')
rel(MR, 'SHAREHOLDER', 'p_sid_rep', 'e_sid', '2017-04-01', ratio=0.8)
rel(MR, 'SHAREHOLDER', 'p_sid_other_mr', 'e_sid', '2017-04-01', ratio=0.2)
rel(MR, 'LEGAL_REP', 'p_sid_rep', 'e_sid_other', '2019-09-01', 'sid_other_lr')
rel(MR, 'LEGAL_REP', 'bgp_006', 'e_other', '2014-02-14', 'other_lr')
rel(MR, 'LEGAL_REP', 'p_sid2_rep', 'e_sid2', '2015-08-08', 'sid2_lr')
# tax
rel(MR, 'LEGAL_REP', 'p_tax_rep', 'e_tax', '2014-10-01', 'tax_lr')
end(MR, 'LEGAL_REP', 'p_tax_rep', 'e_tax', '2023-02-28', 'tax_lr_end')
rel(MR, 'LEGAL_REP', 'p_tax_new', 'e_tax', '2023-03-01', 'tax_lr_new')
rel(MR, 'LEGAL_REP', 'p_proc_rep', 'e_proc', '2016-03-03', 'proc_lr')
rel(MR, 'LEGAL_REP', 'bgp_007', 'e_bribe', '2011-11-11')
rel(MR, 'LEGAL_REP', 'bgp_008', 'e_abn', '2018-01-20')
rel(MR, 'LEGAL_REP', 'bgp_009', 'e_abn2', '2013-04-04')
rel(MR, 'LEGAL_REP', 'bgp_010', 'e_abn3', '2020-12-12')
rel(MR, 'LEGAL_REP', 'bgp_011', 'e_red', '2010-10-10', 'red_lr')
rel(MR, 'LEGAL_REP', 'p_rb_rep', 'e_red_black', '2012-12-12', 'rb_lr')
# the shareholding cycle A -> B -> C -> A, and a branch of B
rel(MR, 'LEGAL_REP', 'p_owner', 'e_cyc_a', '2011-01-18')
rel(MR, 'SHAREHOLDER', 'p_owner', 'e_cyc_a', '2011-01-18', 'cyc_owner_a', ratio=0.8)
rel(MR, 'SHAREHOLDER', 'e_cyc_c', 'e_cyc_a', '2014-06-06', 'cyc_c_a', ratio=0.2)
rel(MR, 'LEGAL_REP', 'p_x', 'e_cyc_b', '2011-03-08')
rel(MR, 'SHAREHOLDER', 'e_cyc_a', 'e_cyc_b', '2011-03-08', 'cyc_a_b', ratio=0.4)
rel(MR, 'SHAREHOLDER', 'p_x', 'e_cyc_b', '2011-03-08', 'cyc_x_b', ratio=0.6)
rel(MR, 'LEGAL_REP', 'p_y', 'e_cyc_c', '2014-06-06')
rel(MR, 'SHAREHOLDER', 'e_cyc_b', 'e_cyc_c', '2014-06-06', 'cyc_b_c', ratio=0.3)
rel(MR, 'SHAREHOLDER', 'p_y', 'e_cyc_c', '2014-06-06', 'cyc_y_c', ratio=0.7)
rel(MR, 'MAIN_RESPONSIBLE', 'bgp_012', 'e_cyc_branch', '2016-05-20')
rel(MR, 'BRANCH_OF', 'e_cyc_branch', 'e_cyc_b', '2016-05-20', 'cyc_branch')
# impossible data: two companies owning each other entirely, and shares summing to 160 percent
rel(MR, 'LEGAL_REP', 'p_bad_owner', 'e_bad1', '2019-01-01')
rel(MR, 'SHAREHOLDER', 'p_bad_owner', 'e_bad1', '2019-01-01', 'bad_owner', ratio=0.6)
rel(MR, 'SHAREHOLDER', 'e_bad2', 'e_bad1', '2019-02-01', 'bad_2_1', ratio=1)
rel(MR, 'LEGAL_REP', 'p_bad_owner', 'e_bad2', '2019-02-01')
rel(MR, 'SHAREHOLDER', 'e_bad1', 'e_bad2', '2019-02-01', 'bad_1_2', ratio=1)
# matching conflicts: market regulation's view
rel(MR, 'LEGAL_REP', 'p_cf1', 'e_conflict', '2018-04-01', 'cf_lr1')
# the nominee: legal representative of 24 enterprises
rel(MR, 'LEGAL_REP', 'p_nominee', 'e_djd', '2018-07-07', 'nom_djd')
rel(MR, 'LEGAL_REP', 'p_nominee', 'e_nom_sid', '2020-08-08', 'nom_sid')
for k, key in enumerate(NOMINEE_SHOPS):
    rel(MR, 'LEGAL_REP', 'p_nominee', key, '%d-%02d-15' % (2019 + k % 5, 1 + k % 12), 'nom_%02d' % (k + 1))
# background officers and shareholders
for n, key in enumerate(BG_E):
    form, dist, ind, reg = BG_INFO[key]
    rep = BG_P[min(99, int(100 * rnd.random() ** 1.6))]
    rel(MR, 'LEGAL_REP', rep, key, reg)
    if form == 'COMPANY':
        other = BG_P[rnd.randrange(100)]
        if other != rep:
            rel(MR, 'SHAREHOLDER', rep, key, reg, ratio=0.6)
            rel(MR, 'SHAREHOLDER', other, key, reg, ratio=0.4)
            rel(MR, 'SUPERVISOR', other, key, reg)
        else:
            rel(MR, 'SHAREHOLDER', rep, key, reg, ratio=1)
        rel(MR, 'DIRECTOR', rep, key, reg)
        rel(MR, 'SENIOR_MANAGER', rep, key, reg)

# market regulation records
record(MR, 'ZSAMR-DX-2019-0010', 'e_revoked', 'LICENCE_REVOKED', 'MARKET_REGULATION', '中市监处字〔2019〕88号',
       '《中华人民共和国公司法》第二百一十一条', '2019-06-10', liablePersons=['p_rev_new'])
record(MR, 'ZSAMR-DX-2020-0012', 'e_revoked2', 'LICENCE_REVOKED', 'MARKET_REGULATION', '中市监处字〔2020〕31号',
       '《中华人民共和国公司法》第二百一十一条', '2020-03-03')
record(MR, 'ZSAMR-YZ-2021-0017', 'e_sid', 'SERIOUS_ILLEGAL_DISHONEST', 'MARKET_REGULATION', '中市监严字〔2021〕7号',
       '《市场监督管理严重违法失信名单管理办法》第二条', '2021-10-15')
record(MR, 'ZSAMR-YZ-2019-0018', 'e_sid2', 'SERIOUS_ILLEGAL_DISHONEST', 'MARKET_REGULATION', '中市监严字〔2019〕3号',
       '《严重违法失信企业名单管理暂行办法》第五条', '2019-05-10')
status(MR, 'ZSAMR-YZ-2019-0018', 'REPAIRED', '2021-03-01', '信用修复：已履行法定义务并公示')
record(MR, 'ZSAMR-YC-2021-0025', 'e_abn', 'ABNORMAL_OPERATION', 'MARKET_REGULATION', '中市监异字〔2021〕215号',
       '《企业信息公示暂行条例》第十七条', '2021-04-01')
record(MR, 'ZSAMR-YC-2020-0026', 'e_abn2', 'ABNORMAL_OPERATION', 'MARKET_REGULATION', '中市监异字〔2020〕96号',
       '《企业信息公示暂行条例》第十七条', '2020-06-15')
status(MR, 'ZSAMR-YC-2020-0026', 'REPAIRED', '2022-05-01', '移出经营异常名录')
record(MR, 'ZSAMR-YC-2025-0027', 'e_abn3', 'ABNORMAL_OPERATION', 'MARKET_REGULATION', '中市监异字〔2025〕40号',
       '《企业信息公示暂行条例》第十七条', '2025-03-03')
status(MR, 'ZSAMR-YC-2025-0027', 'OBJECTED', '2025-03-20', '当事人提出异议：已按时报送年报')
record(MR, 'ZSAMR-SH-2023-0029', 'e_red_black', 'CONTRACT_ABIDING', 'MARKET_REGULATION', '中市监合字〔2023〕12号',
       '《广东省“守合同重信用”企业公示办法》', '2023-06-01', until='2025-05-31')
record(MR, 'ZSAMR-YZ-2025-0032', 'e_nom_sid', 'SERIOUS_ILLEGAL_DISHONEST', 'MARKET_REGULATION',
       '中市监严字〔2025〕2号', '《市场监督管理严重违法失信名单管理办法》第二条', '2025-03-10')

# 03 civil affairs
subj_ent(F_CA, 'so_1', None, '古镇镇', 'S9522', '2010-06-18', kind='SOCIAL_ORG')
rel(F_CA, 'LEGAL_REP', 'p_rev_old', 'so_1', '2010-06-18')
rel(F_CA, 'MAIN_RESPONSIBLE', 'p_commerce', 'so_1', '2015-01-01')

# 04 health
subj_ent(F_HE, 'h1', None, '小榄镇', 'Q8411', '1995-01-01', kind='INSTITUTION')
subj_ent(F_HE, 'h2', None, '石岐街道', 'Q8411', '2003-08-01', kind='INSTITUTION')
rel(F_HE, 'LEGAL_REP', 'bgp_013', 'h1', '2016-01-01')
rel(F_HE, 'LEGAL_REP', 'bgp_014', 'h2', '2018-01-01')
rel(F_HE, 'PRACTISES_AT', 'p_doctor', 'h1', '2012-07-01', 'doc_h1', profession='医师', licenceNo='110442000012345')
end(F_HE, 'PRACTISES_AT', 'p_doctor', 'h1', '2021-06-30', 'doc_h1_end')
rel(F_HE, 'PRACTISES_AT', 'p_doctor', 'h2', '2021-07-01', 'doc_h2', profession='医师', licenceNo='110442000012345')
for k in range(15, 25):
    rel(F_HE, 'PRACTISES_AT', BG_P[k], 'h1' if k % 2 else 'h2', '2015-03-01', None,
        profession='护士' if k % 3 else '医师', licenceNo='1104420000%05d' % (k * 37))
record(F_HE, 'ZSWJ-CY-2020-0023', 'p_doctor', 'PRACTITIONER_MISCONDUCT', 'HEALTH', '中卫监罚〔2020〕64号',
       '《医师执业注册管理办法》第十八条', '2020-11-11', until='2025-11-10', profession='医师')

# 05 education
subj_ent(F_ED, 's1', None, '石岐街道', 'P8321', '1998-09-01', kind='INSTITUTION')
rel(F_ED, 'LEGAL_REP', 'bgp_025', 's1', '2017-09-01')
rel(F_ED, 'PRACTISES_AT', 'p_teacher', 's1', '2015-09-01', 'teacher_s1', profession='教师',
    licenceNo='20154420012001')
for k in range(26, 32):
    rel(F_ED, 'PRACTISES_AT', BG_P[k], 's1', '2016-09-01', None, profession='教师', licenceNo='2016442001%04d' % k)
record(F_ED, 'ZSJY-CY-2023-0024', 'p_teacher', 'PRACTITIONER_MISCONDUCT', 'EDUCATION', '中教体处〔2023〕9号',
       '《中小学教师违反职业道德行为处理办法》第四条', '2023-09-01', profession='教师')

# 06 human resources: agencies and officials
subj_ent(F_HR, 'g_amr', None, '石岐街道', 'S9226', '2019-01-10', kind='GOV_AGENCY')
subj_ent(F_HR, 'g_fin', None, '石岐街道', 'S9225', '2002-01-01', kind='GOV_AGENCY')
rel(F_HR, 'SERVES_IN', 'o_1', 'g_amr', '2019-01-10', 'o1_serves', position='科长')
rel(F_HR, 'SERVES_IN', 'o_2', 'g_fin', '2012-03-01', 'o2_serves', position='副局长')

# 07 tax: records, and the tax register's overlapping (partly conflicting) view of two enterprises
subj_ent(F_TX, 'e_tax', 'COMPANY', '坦洲镇', 'G5430', '2014-10-01', tag='tax_e_tax')
record(F_TX, 'ZSTAX-WF-2022-0019', 'e_tax', 'MAJOR_TAX_VIOLATION', 'TAX', '中税稽罚〔2022〕19号',
       '《重大税收违法失信主体信息公布管理办法》第六条', '2022-08-08', until='2025-08-07')
record(F_TX, 'ZSTAX-A-2024-0028', 'e_red', 'A_TAXPAYER', 'TAX', '中税信评〔2024〕28号',
       '《纳税信用管理办法（试行）》第二十条', '2024-04-15', until='2025-04-14')
subj_ent(F_TX, 'e_conflict', 'COMPANY', '石岐街道', 'F5199', '2018-04-01', name='中山市瑞祥商贸有限公司',
         tag='tax_e_conflict')
rel(F_TX, 'LEGAL_REP', 'p_cf2', 'e_conflict', '2022-01-01', 'cf_lr2')
subj_ent(F_TX, 'e_red', 'COMPANY', '古镇镇', 'C3871', '2010-10-10', tag='tax_e_red')
rel(F_TX, 'LEGAL_REP', 'bgp_011', 'e_red', '2010-10-10', 'tax_red_lr')

# 08 court
record(F_CT, 'ZSCOURT-MT-2023-0001', 'p_civil', 'CIVIL_INCAPACITY', 'COURT', '（2023）粤2071民特45号',
       '《中华人民共和国民法典》第二十四条', '2023-03-15')
record(F_CT, 'ZSCOURT-MT-2022-0002', 'p_civil2', 'CIVIL_INCAPACITY', 'COURT', '（2022）粤2071民特8号',
       '《中华人民共和国民法典》第二十四条', '2022-01-10')
status(F_CT, 'ZSCOURT-MT-2022-0002', 'REPAIRED', '2025-02-10', '恢复完全民事行为能力（（2025）粤2071民特3号）')
record(F_CT, 'ZSCOURT-XS-2016-0003', 'p_crim', 'CRIMINAL_PENALTY', 'COURT', '（2016）粤2071刑初210号',
       '《中华人民共和国刑法》第二百七十一条', '2016-03-10', crime='EMBEZZLEMENT', sentenceCompletedOn='2019-09-09')
record(F_CT, 'ZSCOURT-XS-2021-0004', 'p_prob', 'CRIMINAL_PENALTY', 'COURT', '（2021）粤2071刑初512号',
       '《中华人民共和国刑法》第二百二十四条', '2021-05-20', crime='ECONOMIC_ORDER', probationEndsOn='2023-05-19')
record(F_CT, 'ZSCOURT-XS-2017-0005', 'p_pol', 'CRIMINAL_PENALTY', 'COURT', '（2017）粤2071刑初377号',
       '《中华人民共和国刑法》第二百六十三条', '2017-08-01', crime='OTHER', sentenceCompletedOn='2020-07-31',
       politicalRightsDeprivedUntil='2022-07-31')
subj_person(F_CT, 'p_other', name='周文洁', tag='court_p_other')
record(F_CT, 'ZSCOURT-XS-2019-0006', 'p_other', 'CRIMINAL_PENALTY', 'COURT', '（2019）粤2072刑初66号',
       '《中华人民共和国刑法》第一百三十三条', '2019-04-01', crime='OTHER', sentenceCompletedOn='2020-03-31')
record(F_CT, 'ZSCOURT-XS-2018-0007', 'p_leap', 'CRIMINAL_PENALTY', 'COURT', '（2018）粤2071刑初150号',
       '《中华人民共和国刑法》第三百八十九条', '2018-06-01', crime='BRIBERY', sentenceCompletedOn='2020-02-29')
record(F_CT, 'ZSCOURT-PC-2022-0008', 'e_bank', 'BANKRUPTCY_LIQUIDATED', 'COURT', '（2021）粤20破12号之三',
       '《中华人民共和国企业破产法》第一百二十条', '2022-09-15', liablePersons=['p_bankdir', 'p_bankmgr'])
record(F_CT, 'ZSCOURT-PC-2023-0009', 'e_bank2', 'BANKRUPTCY_LIQUIDATED', 'COURT', '（2022）粤20破3号之二',
       '《中华人民共和国企业破产法》第一百二十条', '2023-04-20', liablePersons=['p_bankrep'])
record(F_CT, 'ZSCOURT-SX-2023-0013', 'p_djd', 'DISHONEST_JUDGMENT_DEBTOR', 'COURT', '（2023）粤2071执3301号',
       '《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条', '2023-11-01', until='2025-10-31')
record(F_CT, 'ZSCOURT-SX-2024-0014', 'p_djd_obj', 'DISHONEST_JUDGMENT_DEBTOR', 'COURT', '（2024）粤2071执118号',
       '《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条', '2024-02-01')
status(F_CT, 'ZSCOURT-SX-2024-0014', 'OBJECTED', '2024-02-20', '被执行人提出书面纠正申请')
status(F_CT, 'ZSCOURT-SX-2024-0014', 'ACTIVE', '2024-04-10', '纠正申请理由不成立，驳回')
record(F_CT, 'ZSCOURT-SX-2022-0015', 'p_djd_rev', 'DISHONEST_JUDGMENT_DEBTOR', 'COURT', '（2022）粤2072执907号',
       '《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条', '2022-06-01')
status(F_CT, 'ZSCOURT-SX-2022-0015', 'REVOKED', '2022-09-01', '纳入错误，撤销失信决定')
record(F_CT, 'ZSCOURT-XG-2023-0016', 'e_debtor', 'CONSUMPTION_RESTRICTED', 'COURT', '（2023）粤2072执520号',
       '《最高人民法院关于限制被执行人高消费及有关消费的若干规定》第一条', '2023-03-01')
status(F_CT, 'ZSCOURT-XG-2023-0016', 'RELEASED', '2024-01-15', '经申请解除对该自然人的限制消费措施', 'p_cons_rep')
record(F_CT, 'ZSCOURT-SX-2024-0030', 'e_red_black', 'DISHONEST_JUDGMENT_DEBTOR', 'COURT', '（2024）粤2071执2210号',
       '《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条', '2024-09-01', until='2026-08-31')
record(F_CT, 'ZSCOURT-SX-2024-0031', 'e_djd', 'DISHONEST_JUDGMENT_DEBTOR', 'COURT', '（2024）粤2071执1502号',
       '《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条', '2024-05-20')

# 09 finance, 10 procuratorate, 11 ecology-environment
record(F_FI, 'ZSCZ-CG-2024-0020', 'e_proc', 'PROCUREMENT_VIOLATION', 'FINANCE', '中财采处〔2024〕5号',
       '《中华人民共和国政府采购法》第七十七条', '2024-03-01', until='2025-02-28')
record(F_PR, 'ZSJC-XH-2020-0021', 'p_bribe', 'BRIBERY_RECORD', 'PROCURATORATE', '中检行贿档〔2020〕21号',
       '《关于行贿犯罪档案查询工作的规定》', '2020-09-01', until='2025-08-31')
record(F_PR, 'ZSJC-XH-2022-0022', 'e_bribe', 'BRIBERY_RECORD', 'PROCURATORATE', '中检行贿档〔2022〕22号',
       '《关于行贿犯罪档案查询工作的规定》', '2022-12-01', until='2027-11-30')
record(F_EC, 'ZSHB-GB-2024-0011', 'e_closed', 'ORDERED_CLOSED', 'ECOLOGY_ENVIRONMENT', '中环罚〔2024〕77号',
       '《中华人民共和国环境保护法》第六十条', '2024-08-20', liablePersons=['p_closed'])

# the bad lines (a separate folder, not part of the clean sample)
BAD_LINES = [
    ('a USCC whose check character is wrong', {'type': 'subject', 'kind': 'ENTERPRISE', 'uscc': E['e_other'][:17] + (
        '0' if E['e_other'][17] != '0' else '1'), 'name': '中山市卓越信息科技有限公司', 'legalForm': 'COMPANY'}),
    ('a resident ID whose check character is wrong', {'type': 'subject', 'kind': 'PERSON', 'idNumber': P['p_djd'][:17] + (
        '0' if P['p_djd'][17] != '0' else '1'), 'name': '吴海林'}),
    ('a date that does not exist', {'type': 'relation', 'rel': 'LEGAL_REP', 'from': ref('p_cf1'), 'to': ref('e_other'),
                                    'since': '2023-02-30'}),
    ('an unknown relation type', {'type': 'relation', 'rel': 'OWNS', 'from': ref('p_owner'), 'to': ref('e_cyc_a'),
                                  'since': '2011-01-18'}),
    ('an unknown list', {'type': 'record', 'id': 'BAD-0005', 'subject': ref('e_other'), 'list': 'GREY_LIST',
                         'department': 'MARKET_REGULATION', 'decidedOn': '2024-01-01'}),
    ('an unknown subject kind', {'type': 'subject', 'kind': 'COMPANY', 'uscc': E['e_other'], 'name': '中山市卓越信息科技有限公司'}),
    ('a ratio outside (0, 1]', {'type': 'relation', 'rel': 'SHAREHOLDER', 'from': ref('p_owner'), 'to': ref('e_cyc_b'),
                                'ratio': 1.5, 'since': '2020-01-01'}),
    ('an until before since', {'type': 'relation', 'rel': 'DIRECTOR', 'from': ref('p_cf1'), 'to': ref('e_conflict'),
                               'since': '2021-06-01', 'until': '2020-01-31'}),
    ('a status change for an unknown record', {'type': 'status', 'record': 'ZSCOURT-SX-1999-9999', 'status': 'REPAIRED',
                                               'on': '2024-01-01'}),
    ('an impossible transition (REVOKED to ACTIVE)', {'type': 'status', 'record': 'ZSCOURT-SX-2022-0015',
                                                      'status': 'ACTIVE', 'on': '2023-01-01'}),
    ('an unknown line type', {'type': 'company', 'uscc': E['e_other']}),
    ('a resident ID with an impossible birth date', {'type': 'subject', 'kind': 'PERSON',
                                                     'idNumber': rid_raw('44200019901340005'),
                                                     'name': '某某'}),
]
bad_lines = []
for why, o in BAD_LINES:
    bad_lines.append((why, json.dumps(o, ensure_ascii=False, separators=(',', ':'))))
bad_lines.insert(5, ('malformed JSON (a truncated line)', '{"type":"subject","kind":"ENTERPRISE","uscc":"' + E['e_other']
                     + '","name":"中山市卓越'))

# ------------------------------------------------------------------------------------------ stories
DJD_ENT = ['GOV_PROCUREMENT', 'PUBLIC_BIDDING', 'SUBSIDY', 'HONOURS', 'FINANCING', 'LAND_TRADING']
FOUR = ['GOV_PROCUREMENT', 'PUBLIC_BIDDING', 'SUBSIDY', 'HONOURS']


def appt(as_of, who, role, ent, eligible, reasons=(), alerts=(), note=None, disputed=False):
    c = {'kind': 'appointment', 'asOf': as_of, 'person': who, 'role': role}
    if ent:
        c['enterprise'] = ent
    c['expect'] = {'eligible': eligible, 'reasons': [
        {'rule': r[0], 'record': r[1], 'restrictedFrom': r[3] if len(r) > 3 else RECORD_FROM[r[1]],
         'restrictedUntil': r[2], 'disputed': disputed} for r in reasons]}
    if alerts:
        c['expect']['sittingOfficerAlerts'] = [{'role': r, 'organisation': o} for r, o in alerts]
    if note:
        c['note'] = note
    return c


def sanc(as_of, who, measures, note=None, disputed=False):
    """measures: (rule, domain or None, kind, record, until, organisation or None[, from]); from defaults to the
    record's first day in force, and is given where the measure starts later (a relation that starts later)"""
    c = {'kind': 'sanctions', 'asOf': as_of, 'subject': who, 'expect': {'complete': True, 'measures': [
        dict(rule=m[0], domain=m[1], kind=m[2], record=m[3], **{'from': m[6] if len(m) > 6 else RECORD_FROM[m[3]]},
             until=m[4], **({'organisation': m[5]} if m[5] else {}), disputed=disputed)
        for m in measures]}}
    if note:
        c['note'] = note
    return c


def escalate(check):
    check['expect']['measures'].append({'rule': 'JS-ABN', 'domain': None, 'kind': 'ALERT',
                                        'record': 'ZSAMR-YC-2021-0025', 'from': '2024-04-01', 'until': None,
                                        'disputed': False, 'escalation': True})
    return check


# Sitting officers (DOMAIN 5.1): a person restricted on a day while holding a role the restriction covers; the
# liquidated and closed enterprises keep their officers on the register (no end is delivered).
BANK_ALERTS = [('DIRECTOR', 'e_bank'), ('LEGAL_REP', 'e_bank')]
SID_ALERTS = [('LEGAL_REP', 'e_sid_other')]


def restrict(rule, domains, rec, until, start=None):
    return [(rule, d, 'RESTRICT', rec, until, None) + ((start,) if start else ()) for d in domains]


STORIES = [
    dict(id='S01', title='Civil incapacity bars office while in force, under either Company Law and under MER art. 12',
         rules=['CL146-1', 'CL178-1', 'MER12-1'], statuses=['ACTIVE'],
         cast=['p_civil', 'e_shop'], facts=['p_civil', 'e_shop', 'ZSCOURT-MT-2023-0001'],
         story='何志明 was declared without civil capacity on 2023-03-15 (no end date). Before 2024-07-01 the 2018 '
               'Company Law applies (CL146-1), from then the 2023 revision (CL178-1); as legal representative of an '
               'individual business the Market Entity Registration Regulation applies (MER12-1).',
         checks=[appt('2023-03-14', 'p_civil', 'DIRECTOR', None, True),
                 appt('2024-05-01', 'p_civil', 'DIRECTOR', None, False, [('CL146-1', 'ZSCOURT-MT-2023-0001', None)]),
                 appt('2024-08-01', 'p_civil', 'DIRECTOR', None, False, [('CL178-1', 'ZSCOURT-MT-2023-0001', None)]),
                 appt('2024-08-01', 'p_civil', 'LEGAL_REP', 'e_shop', False,
                      [('MER12-1', 'ZSCOURT-MT-2023-0001', None)])]),
    dict(id='S02', title='Capacity restored: a REPAIRED record restricts up to the day before the repair',
         rules=['CL178-1'], statuses=['REPAIRED'], cast=['p_civil2'],
         facts=['p_civil2', 'ZSCOURT-MT-2022-0002', 'ZSCOURT-MT-2022-0002/REPAIRED'],
         story='何淑仪 lost civil capacity on 2022-01-10; the court restored it on 2025-02-10 (status REPAIRED).',
         checks=[appt('2025-02-09', 'p_civil2', 'DIRECTOR', None, False,
                      [('CL178-1', 'ZSCOURT-MT-2022-0002', '2025-02-09')]),
                 appt('2025-02-10', 'p_civil2', 'DIRECTOR', None, True)]),
    dict(id='S03', title='Embezzlement: five years after the sentence, across the law version switch of 2024-07-01',
         rules=['CL146-2', 'CL178-2'], statuses=['ACTIVE'], cast=['p_crim'],
         facts=['p_crim', 'ZSCOURT-XS-2016-0003'],
         story='梁国栋 was sentenced for embezzlement on 2016-03-10; the sentence was completed on 2019-09-09. '
               'Restricted from 2016-03-10 to 2019-09-09 + 5 years = 2024-09-09 (inclusive). The rule id follows the '
               'law in force on asOf; without probation CL178-2 equals CL146-2.',
         checks=[appt('2024-06-30', 'p_crim', 'DIRECTOR', None, False,
                      [('CL146-2', 'ZSCOURT-XS-2016-0003', '2024-09-09')]),
                 appt('2024-07-01', 'p_crim', 'DIRECTOR', None, False,
                      [('CL178-2', 'ZSCOURT-XS-2016-0003', '2024-09-09')]),
                 appt('2024-09-09', 'p_crim', 'DIRECTOR', None, False,
                      [('CL178-2', 'ZSCOURT-XS-2016-0003', '2024-09-09')]),
                 appt('2024-09-10', 'p_crim', 'DIRECTOR', None, True)]),
    dict(id='S04', title='Probation: five years under the 2018 law, two under the 2023 revision, five under MER art. 12',
         rules=['CL146-2', 'CL178-2', 'MER12-2'], statuses=['ACTIVE'], cast=['p_prob', 'e_partner'],
         facts=['p_prob', 'e_partner', 'ZSCOURT-XS-2021-0004'],
         story='黄嘉欣 was convicted of a crime against the economic order on 2021-05-20 with probation ending '
               '2023-05-19. CL146-2: until 2023-05-19 + 5 years = 2028-05-19. CL178-2 (from 2024-07-01): until '
               '2023-05-19 + 2 years = 2025-05-19. MER12-2 (legal representative of a partnership): 2028-05-19, and '
               'only from 2022-03-01, when the regulation came into force.',
         checks=[appt('2024-06-30', 'p_prob', 'DIRECTOR', None, False,
                      [('CL146-2', 'ZSCOURT-XS-2021-0004', '2028-05-19')]),
                 appt('2024-07-01', 'p_prob', 'DIRECTOR', None, False,
                      [('CL178-2', 'ZSCOURT-XS-2021-0004', '2025-05-19')]),
                 appt('2025-05-19', 'p_prob', 'DIRECTOR', None, False,
                      [('CL178-2', 'ZSCOURT-XS-2021-0004', '2025-05-19')]),
                 appt('2025-05-20', 'p_prob', 'DIRECTOR', None, True),
                 appt('2025-06-01', 'p_prob', 'LEGAL_REP', 'e_partner', False,
                      [('MER12-2', 'ZSCOURT-XS-2021-0004', '2028-05-19')]),
                 appt('2022-02-28', 'p_prob', 'LEGAL_REP', 'e_partner', True,
                      note='MER art. 12 is in force from 2022-03-01; no rule binds a partnership before')]),
    dict(id='S05', title='Deprivation of political rights bars office for any crime; a crime of OTHER kind alone does not',
         rules=['CL178-2'], statuses=['ACTIVE'], cast=['p_pol', 'p_other'],
         facts=['p_pol', 'p_other', 'ZSCOURT-XS-2017-0005', 'ZSCOURT-XS-2019-0006', 'court_p_other'],
         story='罗永健 (crime OTHER) was deprived of political rights until 2022-07-31: restricted from 2017-08-01 to '
               '2022-07-31 + 5 years = 2027-07-31. 周文杰 (crime OTHER, no deprivation) is not restricted. The court '
               'delivers 周文杰 as 周文洁: a name conflict for the matching report, not a different person.',
         checks=[appt('2026-01-15', 'p_pol', 'DIRECTOR', None, False,
                      [('CL178-2', 'ZSCOURT-XS-2017-0005', '2027-07-31')]),
                 appt('2027-08-01', 'p_pol', 'DIRECTOR', None, True),
                 appt('2021-01-01', 'p_other', 'DIRECTOR', None, True)]),
    dict(id='S06', title='29 February plus five years is 28 February',
         rules=['CL178-2'], statuses=['ACTIVE'], cast=['p_leap'], facts=['p_leap', 'ZSCOURT-XS-2018-0007'],
         story='李卓然 (bribery) completed the sentence on 2020-02-29: restricted until 2025-02-28.',
         checks=[appt('2025-02-28', 'p_leap', 'SENIOR_MANAGER', None, False,
                      [('CL178-2', 'ZSCOURT-XS-2018-0007', '2025-02-28')]),
                 appt('2025-03-01', 'p_leap', 'SENIOR_MANAGER', None, True)]),
    dict(id='S07', title='Bankruptcy of a company: directors and managers liable, three years',
         rules=['CL146-3', 'CL178-3', 'MER12-3'], statuses=['ACTIVE'],
         cast=['p_bankdir', 'p_bankmgr', 'p_bankdir2', 'e_bank', 'e_sole'],
         facts=['e_bank', 'bank_lr', 'bank_dir', 'bank_dir2', 'bank_mgr', 'ZSCOURT-PC-2022-0008'],
         story='中山市鸿运五金制品有限公司 completed bankruptcy liquidation on 2022-09-15; 郑伟强 (legal representative '
               'and director) and 郑锦荣 (manager) are liable; 冯海洋, also a director, is not. Restricted '
               '2022-09-15 .. 2025-09-15.',
         checks=[appt('2023-01-10', 'p_bankdir', 'DIRECTOR', None, False,
                      [('CL146-3', 'ZSCOURT-PC-2022-0008', '2025-09-15')], alerts=BANK_ALERTS),
                 appt('2025-09-15', 'p_bankmgr', 'SENIOR_MANAGER', None, False,
                      [('CL178-3', 'ZSCOURT-PC-2022-0008', '2025-09-15')], alerts=[('SENIOR_MANAGER', 'e_bank')]),
                 appt('2025-09-16', 'p_bankmgr', 'SENIOR_MANAGER', None, True),
                 appt('2023-01-10', 'p_bankdir2', 'DIRECTOR', None, True,
                      note='a director on the day but not among liablePersons'),
                 appt('2023-01-10', 'p_bankdir', 'LEGAL_REP', 'e_sole', False,
                      [('MER12-3', 'ZSCOURT-PC-2022-0008', '2025-09-15')], alerts=BANK_ALERTS)]),
    dict(id='S08', title='Bankruptcy of a non-company enterprise: its legal representative (MER12-3 only)',
         rules=['MER12-3'], statuses=['ACTIVE'], cast=['p_bankrep', 'e_bank2', 'e_sole'],
         facts=['e_bank2', 'bank2_lr', 'ZSCOURT-PC-2023-0009'],
         story='中山市东升农机厂 (a non-company legal person) completed liquidation on 2023-04-20; its legal '
               'representative 谭永发 is liable. MER12-3 covers a legal representative; CL146-3/CL178-3 only directors '
               'and managers, so he may still become a company director.',
         checks=[appt('2024-03-01', 'p_bankrep', 'LEGAL_REP', 'e_sole', False,
                      [('MER12-3', 'ZSCOURT-PC-2023-0009', '2026-04-20')], alerts=[('LEGAL_REP', 'e_bank2')]),
                 appt('2024-03-01', 'p_bankrep', 'DIRECTOR', None, True, alerts=[('LEGAL_REP', 'e_bank2')],
                      note='eligible as a director; still registered as legal representative of the liquidated '
                           'enterprise, which MER12-3 bars him from')]),
    dict(id='S09', title='Licence revoked: the legal representative on the decision day, not before, not after',
         rules=['CL146-4', 'MER12-4'], statuses=['ACTIVE'],
         cast=['p_rev_old', 'p_rev_new', 'p_rev_after', 'e_revoked', 'e_shop'],
         facts=['e_revoked', 'rev_lr_old', 'rev_lr_old_end', 'rev_lr_new', 'rev_lr_new_end', 'rev_lr_after',
                'ZSAMR-DX-2019-0010'],
         story='中山市金辉灯饰有限公司 (古镇) had 陈建国 as legal representative until 2018-12-31, 林志军 from '
               '2019-01-01 to 2020-03-31 and 林晓彤 from 2020-04-01. Its licence was revoked on 2019-06-10 with 林志军 '
               'liable: restricted 2019-06-10 .. 2022-06-10.',
         checks=[appt('2021-01-01', 'p_rev_new', 'LEGAL_REP', None, False,
                      [('CL146-4', 'ZSAMR-DX-2019-0010', '2022-06-10')]),
                 appt('2022-06-10', 'p_rev_new', 'LEGAL_REP', None, False,
                      [('CL146-4', 'ZSAMR-DX-2019-0010', '2022-06-10')]),
                 appt('2022-06-11', 'p_rev_new', 'LEGAL_REP', None, True),
                 appt('2022-05-01', 'p_rev_new', 'LEGAL_REP', 'e_shop', False,
                      [('MER12-4', 'ZSAMR-DX-2019-0010', '2022-06-10')]),
                 appt('2021-01-01', 'p_rev_old', 'LEGAL_REP', None, True, note='legal representative before the decision'),
                 appt('2021-01-01', 'p_rev_after', 'LEGAL_REP', None, True, note='legal representative after it')]),
    dict(id='S10', title='Ordered closed, and a revocation without liable persons',
         rules=['CL178-4', 'MER12-4'], statuses=['ACTIVE'],
         cast=['p_closed', 'e_closed', 'e_shop2', 'p_notliable', 'e_revoked2'],
         facts=['e_closed', 'closed_lr', 'ZSHB-GB-2024-0011', 'e_revoked2', 'rev2_lr', 'ZSAMR-DX-2020-0012'],
         story='中山市利达塑料制品有限公司 was ordered closed on 2024-08-20 with its legal representative 麦炳坤 liable: '
               'restricted until 2027-08-20. 中山市顺源电子科技有限公司 lost its licence on 2020-03-03 but the decision '
               'names no liable person, so its legal representative 吴润发 is not restricted.',
         checks=[appt('2025-01-01', 'p_closed', 'LEGAL_REP', None, False,
                      [('CL178-4', 'ZSHB-GB-2024-0011', '2027-08-20')], alerts=[('LEGAL_REP', 'e_closed')]),
                 appt('2025-01-01', 'p_closed', 'LEGAL_REP', 'e_shop2', False,
                      [('MER12-4', 'ZSHB-GB-2024-0011', '2027-08-20')], alerts=[('LEGAL_REP', 'e_closed')]),
                 appt('2027-08-21', 'p_closed', 'LEGAL_REP', None, True),
                 appt('2021-01-01', 'p_notliable', 'LEGAL_REP', None, True)]),
    dict(id='S11', title='Dishonest judgment debtor: restricted while in force, until effectiveUntil, then EXPIRED',
         rules=['CL146-5', 'CL178-5', 'MER12-5', 'JS-DJD'], statuses=['ACTIVE', 'EXPIRED'],
         cast=['p_djd', 'bge_000', 'e_shop2'],
         facts=['p_djd', 'djd_director', 'ZSCOURT-SX-2023-0013'],
         story='吴海林 is on the dishonest judgment debtor list from 2023-11-01 to 2025-10-31. He sits as director of '
               + NAMES['bge_000'] + ' since 2019-05-01: a sitting-officer alert.',
         checks=[appt('2024-03-01', 'p_djd', 'DIRECTOR', None, False,
                      [('CL146-5', 'ZSCOURT-SX-2023-0013', '2025-10-31')], alerts=[('DIRECTOR', 'bge_000')]),
                 appt('2025-03-01', 'p_djd', 'DIRECTOR', None, False,
                      [('CL178-5', 'ZSCOURT-SX-2023-0013', '2025-10-31')], alerts=[('DIRECTOR', 'bge_000')]),
                 appt('2025-11-01', 'p_djd', 'DIRECTOR', None, True),
                 appt('2024-03-01', 'p_djd', 'LEGAL_REP', 'e_shop2', False,
                      [('MER12-5', 'ZSCOURT-SX-2023-0013', '2025-10-31')], alerts=[('DIRECTOR', 'bge_000')]),
                 sanc('2024-03-01', 'p_djd', restrict('JS-DJD', DJD_ENT + ['HIGH_CONSUMPTION'],
                                                      'ZSCOURT-SX-2023-0013', '2025-10-31')),
                 sanc('2025-11-01', 'p_djd', [])]),
    dict(id='S12', title='An objection does not suspend a dishonest-debtor record; a revoked one never applied',
         rules=['CL146-5', 'JS-DJD'], statuses=['OBJECTED', 'ACTIVE', 'REVOKED'], cast=['p_djd_obj', 'p_djd_rev'],
         facts=['p_djd_obj', 'ZSCOURT-SX-2024-0014', 'ZSCOURT-SX-2024-0014/OBJECTED', 'ZSCOURT-SX-2024-0014/ACTIVE',
                'p_djd_rev', 'ZSCOURT-SX-2022-0015', 'ZSCOURT-SX-2022-0015/REVOKED'],
         story='张浩然 was listed on 2024-02-01, objected on 2024-02-20 (still in force, shown as disputed) and the '
               'objection was rejected on 2024-04-10. 张思远 was listed on 2022-06-01 by mistake; the listing was '
               'REVOKED on 2022-09-01 and so never restricted him, not even on 2022-07-01.',
         checks=[appt('2024-03-01', 'p_djd_obj', 'DIRECTOR', None, False,
                      [('CL146-5', 'ZSCOURT-SX-2024-0014', None)], alerts=[('SENIOR_MANAGER', 'bge_001')],
                      note='record OBJECTED on that day: disputed, still in force', disputed=True),
                 appt('2024-05-01', 'p_djd_obj', 'DIRECTOR', None, False, [('CL146-5', 'ZSCOURT-SX-2024-0014', None)],
                      alerts=[('SENIOR_MANAGER', 'bge_001')]),
                 appt('2022-07-01', 'p_djd_rev', 'DIRECTOR', None, True),
                 sanc('2022-07-01', 'p_djd_rev', [])]),
    dict(id='S13', title='Consumption restriction on an enterprise reaches its representatives and controller, '
                         'until a court releases one of them',
         rules=['JS-CONSUMPTION'], statuses=['ACTIVE', 'RELEASED'],
         cast=['e_debtor', 'p_cons_prev', 'p_cons_rep', 'p_cons_new', 'p_cons_ac'],
         facts=['e_debtor', 'cons_lr_prev', 'cons_lr_prev_end', 'cons_lr', 'cons_lr_end', 'cons_lr_new', 'cons_ac',
                'ZSCOURT-XG-2023-0016', 'ZSCOURT-XG-2023-0016/RELEASED'],
         story='中山市盛昌贸易有限公司 was restricted from consumption on 2023-03-01. Legal representatives: 杨振宏 '
               '(until 2015-12-31), 杨泽民 (2016-01-01 .. 2024-05-31), 刘子轩 (from 2024-06-01); declared actual '
               'controller 刘国华. The court released 杨泽民 on 2024-01-15. The restriction on the enterprise itself '
               'triggers no measure on the enterprise (JS-CONSUMPTION targets persons; JS-DJD needs a DJD record), and '
               'no appointment rule.',
         checks=[sanc('2023-06-01', 'p_cons_rep', [('JS-CONSUMPTION', 'HIGH_CONSUMPTION', 'RESTRICT',
                                                    'ZSCOURT-XG-2023-0016', '2024-01-14', None)],
                      note='the release of 2024-01-15 is known: the restriction ends the day before'),
                 sanc('2024-01-15', 'p_cons_rep', [], note='released on this day'),
                 sanc('2024-02-01', 'p_cons_ac', [('JS-CONSUMPTION', 'HIGH_CONSUMPTION', 'RESTRICT',
                                                   'ZSCOURT-XG-2023-0016', None, None)]),
                 sanc('2024-07-01', 'p_cons_new', [('JS-CONSUMPTION', 'HIGH_CONSUMPTION', 'RESTRICT',
                                                    'ZSCOURT-XG-2023-0016', None, None, '2024-06-01')],
                      note='restricted from 2024-06-01, his first day as legal representative'),
                 sanc('2024-07-01', 'p_cons_prev', []),
                 sanc('2023-06-01', 'e_debtor', []),
                 appt('2023-06-01', 'p_cons_rep', 'DIRECTOR', None, True)]),
    dict(id='S14', title='Serious illegal dishonesty: sanctions on the enterprise, its legal representative barred '
                         'from representing any other enterprise for three years',
         rules=['EIP17', 'JS-SID', 'JS-SID-REP'], statuses=['ACTIVE'],
         cast=['e_sid', 'e_sid_other', 'e_other', 'p_sid_rep'],
         facts=['e_sid', 'sid_lr', 'e_sid_other', 'sid_other_lr', 'e_other', 'ZSAMR-YZ-2021-0017'],
         story='中山市永发电器有限公司 (东凤) was put on the serious illegal dishonest list on 2021-10-15. 梁耀明, its '
               'legal representative that day, also represents 中山市永发投资有限公司. EIP17 bars him from being '
               'legal representative or main responsible person of any OTHER enterprise until 2024-10-15; it does not '
               'apply to the listed enterprise itself, nor to a director role.',
         checks=[appt('2023-01-01', 'p_sid_rep', 'LEGAL_REP', 'e_other', False,
                      [('EIP17', 'ZSAMR-YZ-2021-0017', '2024-10-15')], alerts=SID_ALERTS),
                 appt('2023-01-01', 'p_sid_rep', 'MAIN_RESPONSIBLE', 'e_other', False,
                      [('EIP17', 'ZSAMR-YZ-2021-0017', '2024-10-15')], alerts=SID_ALERTS),
                 appt('2023-01-01', 'p_sid_rep', 'LEGAL_REP', 'e_sid', True, alerts=SID_ALERTS,
                      note='the target is the listed enterprise: EIP17 does not apply; but he still represents '
                           'another enterprise, which EIP17 bars'),
                 appt('2023-01-01', 'p_sid_rep', 'DIRECTOR', 'e_other', True, alerts=SID_ALERTS),
                 appt('2024-10-16', 'p_sid_rep', 'LEGAL_REP', 'e_other', True),
                 sanc('2023-01-01', 'e_sid', restrict('JS-SID', FOUR, 'ZSAMR-YZ-2021-0017', None)
                      + [('JS-SID', 'INSPECTION', 'ALERT', 'ZSAMR-YZ-2021-0017', None, None)]),
                 sanc('2023-01-01', 'p_sid_rep', [('JS-SID-REP', 'HONOURS', 'RESTRICT', 'ZSAMR-YZ-2021-0017', None, None),
                                                  ('JS-SID-REP', None, 'ALERT', 'ZSAMR-YZ-2021-0017', None,
                                                   'e_sid_other')])]),
    dict(id='S15', title='A serious-illegal record repaired early ends EIP17 the day before the repair',
         rules=['EIP17', 'JS-SID'], statuses=['REPAIRED'], cast=['e_sid2', 'p_sid2_rep', 'e_other'],
         facts=['e_sid2', 'sid2_lr', 'ZSAMR-YZ-2019-0018', 'ZSAMR-YZ-2019-0018/REPAIRED'],
         story='中山市宝龙食品有限公司 (黄圃) was listed on 2019-05-10 and repaired its credit on 2021-03-01, before the '
               'three years of EIP17 (2022-05-10) were over: the restriction of its legal representative 欧阳俊辉 ends '
               'on 2021-02-28.',
         checks=[appt('2021-02-28', 'p_sid2_rep', 'LEGAL_REP', 'e_other', False,
                      [('EIP17', 'ZSAMR-YZ-2019-0018', '2021-02-28')]),
                 appt('2021-03-01', 'p_sid2_rep', 'LEGAL_REP', 'e_other', True),
                 sanc('2021-02-28', 'e_sid2', restrict('JS-SID', FOUR, 'ZSAMR-YZ-2019-0018', '2021-02-28')
                      + [('JS-SID', 'INSPECTION', 'ALERT', 'ZSAMR-YZ-2019-0018', '2021-02-28', None)]),
                 sanc('2021-03-01', 'e_sid2', [])]),
    dict(id='S16', title='Major tax violation: the enterprise and its legal representative on the decision day',
         rules=['JS-TAX'], statuses=['ACTIVE', 'EXPIRED'], cast=['e_tax', 'p_tax_rep', 'p_tax_new'],
         facts=['e_tax', 'tax_lr', 'tax_lr_end', 'tax_lr_new', 'ZSTAX-WF-2022-0019'],
         story='中山市宏泰物流有限公司 was published as a major tax violator on 2022-08-08 for three years (until '
               '2025-08-07). 郭志强 was its legal representative that day (until 2023-02-28); 郭宇航 took over on '
               '2023-03-01 and is not targeted.',
         checks=[sanc('2024-01-01', 'e_tax', restrict('JS-TAX', FOUR, 'ZSTAX-WF-2022-0019', '2025-08-07')),
                 sanc('2024-01-01', 'p_tax_rep', restrict('JS-TAX', FOUR, 'ZSTAX-WF-2022-0019', '2025-08-07')),
                 sanc('2024-01-01', 'p_tax_new', []),
                 sanc('2025-08-08', 'e_tax', [])]),
    dict(id='S17', title='Government procurement violation: procurement only, for the period of the ban',
         rules=['JS-PROC'], statuses=['ACTIVE', 'EXPIRED'], cast=['e_proc', 'o_2', 'p_proc_rep'],
         facts=['e_proc', 'proc_lr', 'ZSCZ-CG-2024-0020', 'rel_o2', 'o2_serves'],
         story='中山市星晨贸易有限公司 is banned from government procurement from 2024-03-01 to 2025-02-28. (For '
               'investigators: its legal representative 彭家豪 is a sibling of 彭丽芳, deputy head of the finance '
               'bureau.)',
         checks=[sanc('2024-12-01', 'e_proc', restrict('JS-PROC', ['GOV_PROCUREMENT'], 'ZSCZ-CG-2024-0020',
                                                       '2025-02-28')),
                 sanc('2025-03-01', 'e_proc', [])]),
    dict(id='S18', title='Bribery records: bidding and procurement, for a person and an enterprise',
         rules=['JS-BRIBE'], statuses=['ACTIVE'], cast=['p_bribe', 'e_bribe'],
         facts=['p_bribe', 'ZSJC-XH-2020-0021', 'e_bribe', 'ZSJC-XH-2022-0022'],
         story='谢展鹏 has a bribery record from 2020-09-01 to 2025-08-31; 中山市腾达建筑工程有限公司 from 2022-12-01 '
               'to 2027-11-30. A bribery record is not a criminal penalty record: no appointment rule applies.',
         checks=[sanc('2023-01-01', 'p_bribe', restrict('JS-BRIBE', ['PUBLIC_BIDDING', 'GOV_PROCUREMENT'],
                                                        'ZSJC-XH-2020-0021', '2025-08-31')),
                 sanc('2023-06-01', 'e_bribe', restrict('JS-BRIBE', ['PUBLIC_BIDDING', 'GOV_PROCUREMENT'],
                                                        'ZSJC-XH-2022-0022', '2027-11-30')),
                 appt('2023-01-01', 'p_bribe', 'DIRECTOR', None, True)]),
    dict(id='S19', title='Practitioner misconduct follows the person to the next employer',
         rules=['JS-PRACT'], statuses=['ACTIVE'], cast=['p_doctor', 'h1', 'h2', 'p_teacher', 's1'],
         facts=['p_doctor', 'doc_h1', 'doc_h1_end', 'doc_h2', 'ZSWJ-CY-2020-0023', 'p_teacher', 'teacher_s1',
                'ZSJY-CY-2023-0024'],
         story='Doctor 苏慧 was sanctioned by the health bureau on 2020-11-11 (until 2025-11-10) while at 中山市小榄人民医院; '
               'she moved to 中山市博爱医院 on 2021-07-01: the alert goes to the hospital where she practises on asOf. '
               'Teacher 钟丽 (中山市石岐中心小学) was sanctioned on 2023-09-01 without end date.',
         checks=[sanc('2021-01-01', 'p_doctor', [('JS-PRACT', 'HONOURS', 'RESTRICT', 'ZSWJ-CY-2020-0023', '2025-11-10', None),
                                                 ('JS-PRACT', None, 'ALERT', 'ZSWJ-CY-2020-0023', '2021-06-30', 'h1')],
                      note='the alert to a hospital lasts while she practises there'),
                 sanc('2022-01-01', 'p_doctor', [('JS-PRACT', 'HONOURS', 'RESTRICT', 'ZSWJ-CY-2020-0023', '2025-11-10', None),
                                                 ('JS-PRACT', None, 'ALERT', 'ZSWJ-CY-2020-0023', '2025-11-10', 'h2', '2021-07-01')]),
                 sanc('2024-01-01', 'p_teacher', [('JS-PRACT', 'HONOURS', 'RESTRICT', 'ZSJY-CY-2023-0024', None, None),
                                                  ('JS-PRACT', None, 'ALERT', 'ZSJY-CY-2023-0024', None, 's1')])]),
    dict(id='S20', title='Abnormal operation: inspection and honours; escalation after three years; removal ends it; '
                         'an objection does not',
         rules=['JS-ABN'], statuses=['ACTIVE', 'REPAIRED', 'OBJECTED'], cast=['e_abn', 'e_abn2', 'e_abn3'],
         facts=['e_abn', 'ZSAMR-YC-2021-0025', 'e_abn2', 'ZSAMR-YC-2020-0026', 'ZSAMR-YC-2020-0026/REPAIRED', 'e_abn3',
                'ZSAMR-YC-2025-0027', 'ZSAMR-YC-2025-0027/OBJECTED'],
         story='中山市雅美服饰有限公司 (沙溪) has been on the abnormal operation list since 2021-04-01: in force three '
               'years on 2024-04-01, when the escalation alert starts. 中山市凯旋家具有限公司 (大涌) was listed on '
               '2020-06-15 and removed (REPAIRED) on 2022-05-01. 中山市新锦游艺设备有限公司 (港口), listed 2025-03-03, '
               'objected on 2025-03-20 and is still under objection: the record stays in force, shown as disputed.',
         checks=[sanc('2022-01-01', 'e_abn', [('JS-ABN', 'INSPECTION', 'ALERT', 'ZSAMR-YC-2021-0025', None, None),
                                              ('JS-ABN', 'HONOURS', 'RESTRICT', 'ZSAMR-YC-2021-0025', None, None)]),
                 sanc('2024-03-31', 'e_abn', [('JS-ABN', 'INSPECTION', 'ALERT', 'ZSAMR-YC-2021-0025', None, None),
                                              ('JS-ABN', 'HONOURS', 'RESTRICT', 'ZSAMR-YC-2021-0025', None, None)]),
                 escalate(sanc('2024-04-01', 'e_abn', [
                     ('JS-ABN', 'INSPECTION', 'ALERT', 'ZSAMR-YC-2021-0025', None, None),
                     ('JS-ABN', 'HONOURS', 'RESTRICT', 'ZSAMR-YC-2021-0025', None, None)])),
                 sanc('2022-04-30', 'e_abn2', [('JS-ABN', 'INSPECTION', 'ALERT', 'ZSAMR-YC-2020-0026', '2022-04-30', None),
                                               ('JS-ABN', 'HONOURS', 'RESTRICT', 'ZSAMR-YC-2020-0026', '2022-04-30',
                                                None)]),
                 sanc('2022-05-01', 'e_abn2', []),
                 sanc('2025-06-01', 'e_abn3', [('JS-ABN', 'INSPECTION', 'ALERT', 'ZSAMR-YC-2025-0027', None, None),
                                               ('JS-ABN', 'HONOURS', 'RESTRICT', 'ZSAMR-YC-2025-0027', None, None)],
                      note='under objection on that day: disputed, still in force', disputed=True)]),
    dict(id='S21', title='Red list incentive, suspended while a black record is in force',
         rules=['JI-RED', 'JS-DJD', 'JS-CONSUMPTION'], statuses=['ACTIVE', 'EXPIRED'],
         cast=['e_red', 'e_red_black', 'p_rb_rep'],
         facts=['e_red', 'ZSTAX-A-2024-0028', 'e_red_black', 'rb_lr', 'ZSAMR-SH-2023-0029', 'ZSCOURT-SX-2024-0030'],
         story='中山市恒通光电科技有限公司 is an A-grade taxpayer from 2024-04-15 to 2025-04-14. 中山市丰华电器有限公司 '
               'abides by contracts (2023-06-01 .. 2025-05-31) but became a dishonest judgment debtor on 2024-09-01 '
               '(until 2026-08-31): from then its incentive is suspended, and its legal representative 高晨 is '
               'restricted from high consumption.',
         checks=[sanc('2024-10-01', 'e_red', [('JI-RED', 'GREEN_CHANNEL', 'INCENTIVE', 'ZSTAX-A-2024-0028',
                                               '2025-04-14', None)]),
                 sanc('2025-04-15', 'e_red', []),
                 sanc('2024-06-01', 'e_red_black', [('JI-RED', 'GREEN_CHANNEL', 'INCENTIVE', 'ZSAMR-SH-2023-0029',
                                                     '2024-08-31', None)],
                      note='the incentive is suspended from 2024-09-01, when the dishonest-debtor record starts'),
                 sanc('2024-10-01', 'e_red_black', restrict('JS-DJD', DJD_ENT, 'ZSCOURT-SX-2024-0030', '2026-08-31'),
                      note='JI-RED suspended: a BLACK record is in force'),
                 sanc('2024-10-01', 'p_rb_rep', [('JS-CONSUMPTION', 'HIGH_CONSUMPTION', 'RESTRICT',
                                                  'ZSCOURT-SX-2024-0030', '2026-08-31', None)])]),
    dict(id='S22', title='The supernode: a nominee who represents 24 enterprises',
         rules=['EIP17', 'JS-SID-REP', 'JS-CONSUMPTION', 'JS-DJD', 'JS-SID'], statuses=['ACTIVE'],
         cast=['p_nominee', 'e_djd', 'e_nom_sid', 'e_other', 'e_shop'] + NOMINEE_SHOPS,
         facts=['p_nominee', 'nom_djd', 'nom_sid', 'ZSCOURT-SX-2024-0031', 'ZSAMR-YZ-2025-0032'],
         story='黄伟 is legal representative of 24 enterprises (mostly individual businesses). One, '
               '中山市广发建筑工程有限公司, became a dishonest judgment debtor on 2024-05-20; another, '
               '中山市鑫源贸易有限公司, was put on the serious illegal dishonest list on 2025-03-10. On 2025-06-01 '
               'he is restricted from high consumption, from honours, barred by EIP17 from representing any other '
               'enterprise until 2028-03-10, and each of the 23 other enterprises he represents gets an alert.',
         checks=[sanc('2025-06-01', 'p_nominee',
                      [('JS-CONSUMPTION', 'HIGH_CONSUMPTION', 'RESTRICT', 'ZSCOURT-SX-2024-0031', None, None),
                       ('JS-SID-REP', 'HONOURS', 'RESTRICT', 'ZSAMR-YZ-2025-0032', None, None)]
                      + [('JS-SID-REP', None, 'ALERT', 'ZSAMR-YZ-2025-0032', None, o) for o in ['e_djd'] + NOMINEE_SHOPS]),
                 sanc('2025-06-01', 'e_djd', restrict('JS-DJD', DJD_ENT, 'ZSCOURT-SX-2024-0031', None)),
                 sanc('2025-06-01', 'e_nom_sid', restrict('JS-SID', FOUR, 'ZSAMR-YZ-2025-0032', None)
                      + [('JS-SID', 'INSPECTION', 'ALERT', 'ZSAMR-YZ-2025-0032', None, None)]),
                 appt('2025-06-01', 'p_nominee', 'LEGAL_REP', 'e_other', False,
                      [('EIP17', 'ZSAMR-YZ-2025-0032', '2028-03-10')],
                      alerts=[('LEGAL_REP', o) for o in ['e_djd'] + NOMINEE_SHOPS]),
                 appt('2025-06-01', 'p_nominee', 'LEGAL_REP', 'e_shop', False,
                      [('EIP17', 'ZSAMR-YZ-2025-0032', '2028-03-10')],
                      alerts=[('LEGAL_REP', o) for o in ['e_djd'] + NOMINEE_SHOPS])]),
    dict(id='S23', title='A shareholding cycle: effective ownership as an infinite series',
         rules=[], statuses=[], cast=['e_cyc_a', 'e_cyc_b', 'e_cyc_c', 'e_cyc_branch', 'p_owner', 'p_x', 'p_y',
                                     'e_debtor', 'p_cons_ac'],
         facts=['cyc_owner_a', 'cyc_c_a', 'cyc_a_b', 'cyc_x_b', 'cyc_b_c', 'cyc_y_c', 'cyc_branch'],
         story='明辉控股 (A) holds 40% of 明辉灯饰 (B), B holds 30% of 明辉照明科技 (C), C holds 20% of A; persons hold '
               'the rest (卢嘉豪 80% of A, 卢秀英 60% of B, 区振国 70% of C). The cycle product is 0.4 x 0.3 x 0.2 = '
               '0.024, so every walk is multiplied by 1 / 0.976. Effective shares (DOMAIN 6.4): 卢嘉豪 in A 0.8/0.976 = '
               '0.819672, in B 0.32/0.976 = 0.327869, in C 0.096/0.976 = 0.098361; 卢秀英 in B 0.614754, in C 0.184426, '
               'in A 0.036885; 区振国 in C 0.717213, in A 0.143443, in B 0.057377 (each enterprise sums to 1). No controller '
               'is declared, so each actual controller is the owner above 50%. For contrast, 中山市盛昌贸易有限公司 '
               '(S13) has no cycle and a declared controller.',
         checks=[{'kind': 'ownership', 'asOf': '2024-01-01', 'enterprise': 'e_cyc_a',
                  'expect': {'owners': [{'owner': 'p_owner', 'share': 0.819672}, {'owner': 'p_y', 'share': 0.143443},
                                        {'owner': 'p_x', 'share': 0.036885}],
                             'ultimateAtThreshold': ['p_owner'], 'actualController': 'p_owner',
                             'tolerance': 0.000001}},
                 {'kind': 'ownership', 'asOf': '2024-01-01', 'enterprise': 'e_cyc_b',
                  'expect': {'owners': [{'owner': 'p_x', 'share': 0.614754}, {'owner': 'p_owner', 'share': 0.327869},
                                        {'owner': 'p_y', 'share': 0.057377}],
                             'ultimateAtThreshold': ['p_x', 'p_owner'], 'actualController': 'p_x',
                             'tolerance': 0.000001}},
                 {'kind': 'ownership', 'asOf': '2024-01-01', 'enterprise': 'e_cyc_c',
                  'expect': {'owners': [{'owner': 'p_y', 'share': 0.717213}, {'owner': 'p_x', 'share': 0.184426},
                                        {'owner': 'p_owner', 'share': 0.098361}],
                             'ultimateAtThreshold': ['p_y'], 'actualController': 'p_y',
                             'tolerance': 0.000001}},
                 {'kind': 'ownership', 'asOf': '2024-01-01', 'enterprise': 'e_debtor',
                  'expect': {'owners': [{'owner': 'p_cons_ac', 'share': 0.9}, {'owner': 'p_cons_rep', 'share': 0.1}],
                             'ultimateAtThreshold': ['p_cons_ac'], 'actualController': 'p_cons_ac',
                             'tolerance': 0.000001},
                  'note': 'no cycle: effective shares are the direct ones; 刘国华 is also the declared controller'}]),
    dict(id='S24', title='Impossible ownership and other conflicts between deliveries',
         rules=[], statuses=[], cast=['e_bad1', 'e_bad2', 'p_bad_owner', 'e_conflict', 'p_cf1', 'p_cf2', 'p_other'],
         facts=['bad_owner', 'bad_2_1', 'bad_1_2', 'e_conflict', 'tax_e_conflict', 'cf_lr1', 'cf_lr2', 'p_other',
                'court_p_other', 'e_red', 'tax_e_red', 'red_lr', 'tax_red_lr'],
         story='中山市天海投资有限公司 and 中山市天海实业有限公司 each hold 100% of the other, and 温锦 also holds 60% of '
               'the first: its shares sum to 160% and the cycle product is 1, so no effective ownership exists: the '
               'answer names the cycle as a data conflict. Market regulation delivers 中山市瑞祥贸易有限公司 with '
               '徐明 as legal representative since 2018-04-01; the tax register delivers the same USCC as '
               '中山市瑞祥商贸有限公司 with 徐建华 as legal representative since 2022-01-01: a name conflict and two '
               'legal representatives at once. The court writes 周文杰 as 周文洁. The tax register also delivers '
               '中山市恒通光电科技有限公司 and its legal representative exactly as market regulation does: the same facts '
               'twice, to be kept once with two provenances.',
         checks=[{'kind': 'sameFact', 'expect': {'subject': 'e_red', 'departments': ['MARKET_REGULATION', 'TAX'],
                                                 'lines': [WHERE['e_red'], WHERE['tax_e_red']]},
                  'note': 'delivered twice, identical: one subject with two provenances, no conflict'},
                 {'kind': 'sameFact', 'expect': {'relation': 'LEGAL_REP', 'subject': 'e_red',
                                                 'departments': ['MARKET_REGULATION', 'TAX'],
                                                 'lines': [WHERE['red_lr'], WHERE['tax_red_lr']]},
                  'note': 'the same relation (type, from, to, since) from two departments: one relation'},
                 {'kind': 'ownership', 'asOf': '2024-01-01', 'enterprise': 'e_bad1',
                  'expect': {'conflictCycle': ['e_bad1', 'e_bad2']}},
                 {'kind': 'conflict', 'expect': {'type': 'RATIO_SUM_ABOVE_ONE', 'subject': 'e_bad1', 'sum': 1.6}},
                 {'kind': 'conflict', 'expect': {'type': 'NAME_MISMATCH', 'subject': 'e_conflict',
                                                 'names': ['中山市瑞祥贸易有限公司', '中山市瑞祥商贸有限公司']}},
                 {'kind': 'conflict', 'expect': {'type': 'TWO_LEGAL_REPS', 'subject': 'e_conflict',
                                                 'persons': ['p_cf1', 'p_cf2'], 'from': '2022-01-01'}},
                 {'kind': 'conflict', 'expect': {'type': 'NAME_MISMATCH', 'subject': 'p_other',
                                                 'names': ['周文杰', '周文洁']}}]),
]


# ------------------------------------------------------------------------------------------ output
def key_of(k):
    d = {'idNumber': P[k]} if k in P else {'uscc': E[k]}
    d['name'] = NAMES[k]
    return d


def resolve(v, field=None):
    if isinstance(v, dict):
        return {k: resolve(x, k) for k, x in v.items()}
    if isinstance(v, list):
        return [resolve(x, field) for x in v]
    if isinstance(v, str) and field in ('person', 'subject', 'enterprise', 'organisation', 'owner', 'persons',
                                         'actualController',
                                         'conflictCycle', 'ultimateAtThreshold') and (v in P or v in E):
        return key_of(v)
    return v


def yaml(v, indent=0):
    pad = '  ' * indent
    out = []
    if isinstance(v, dict):
        for k, x in v.items():
            if isinstance(x, (dict, list)) and x:
                out.append('%s%s:' % (pad, k))
                out.append(yaml(x, indent + 1))
            else:
                out.append('%s%s: %s' % (pad, k, scalar(x)))
    elif isinstance(v, list):
        for x in v:
            if isinstance(x, dict) and x:
                inner = yaml(x, indent + 1).split('\n')
                out.append('%s- %s' % (pad, inner[0].strip()))
                out.extend(inner[1:])
            else:
                out.append('%s- %s' % (pad, scalar(x)))
    return '\n'.join(out)


def scalar(x):
    if x is None:
        return 'null'
    if x is True:
        return 'true'
    if x is False:
        return 'false'
    if isinstance(x, (int, float)):
        return repr(x)
    if isinstance(x, (list, dict)):
        return '[]' if isinstance(x, list) else '{}'
    return json.dumps(x, ensure_ascii=False)


os.makedirs(SAMPLE, exist_ok=True)
os.makedirs(BAD, exist_ok=True)
for f, lines in FILES.items():
    with open(os.path.join(SAMPLE, f), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(lines) + '\n')
with open(os.path.join(BAD, '99-bad-lines-demo.jsonl'), 'w', encoding='utf-8') as fh:
    fh.write('\n'.join(line for _, line in bad_lines) + '\n')
with open(os.path.join(SAMPLE, 'index.txt'), 'w', encoding='utf-8') as fh:
    fh.write('\n'.join(sorted(FILES)) + '\n')

doc = {'version': 1,
       'description': 'The stories of the sample city (datasets/STORIES.md) as data: each check names its date, its '
                      'question and the expected answer, computed by hand from DOMAIN.md section 5. Dates inclusive; '
                      'restrictedFrom/from: the first day the restriction or measure holds; disputed: the record is under '
                      'objection on asOf (still in force); '
                      'restrictedUntil/until null = open-ended (while in force). complete: true = the measures listed '
                      'are all the subject has on asOf.',
       'stories': []}
for st in STORIES:
    doc['stories'].append(resolve({'id': st['id'], 'title': st['title'], 'rules': st['rules'],
                                   'statuses': st['statuses'], 'facts': [WHERE[t] for t in st['facts']],
                                   'checks': st['checks']}))
with open(os.path.join(SAMPLE, 'stories.yaml'), 'w', encoding='utf-8') as fh:
    fh.write('# Generated with datasets/tools/make_sample.py from hand-written expectations; see STORIES.md.\n')
    fh.write(yaml(doc) + '\n')


def who(k):
    kind = 'person' if k in P else 'organisation'
    return '%s (%s)' % (NAMES[k], 'ID ' + P[k][:4] + '…' + P[k][-4:] if k in P else E[k])


def fmt_check(c):
    if c['kind'] == 'appointment':
        q = 'appointment check: %s as %s%s on %s' % (NAMES[c['person']], c['role'],
                                                     ' of ' + NAMES[c['enterprise']] if 'enterprise' in c else
                                                     ' (no enterprise named: a company)', c['asOf'])
        e = c['expect']
        if e['eligible']:
            a = '**eligible**'
        else:
            a = '**not eligible**: ' + '; '.join('%s, record %s%s, restricted from %s until %s' % (
                r['rule'], r['record'], ' (disputed)' if r['disputed'] else '', r['restrictedFrom'],
                r['restrictedUntil'] or 'open (while in force)') for r in e['reasons'])
        alerts = e.get('sittingOfficerAlerts') or []
        if len(alerts) > 4:
            a += '; sitting-officer alerts for %s of each of %d enterprises' % (alerts[0]['role'], len(alerts))
        elif alerts:
            a += '; sitting-officer alert for ' + ', '.join('%s of %s' % (x['role'], NAMES[x['organisation']])
                                                           for x in alerts)
    elif c['kind'] == 'sanctions':
        q = 'sanctions check: %s on %s' % (NAMES[c['subject']], c['asOf'])
        ms = c['expect']['measures']
        if not ms:
            a = '**no measures**'
        else:
            groups = {}
            for m in ms:
                label = '%s %s' % (m['rule'], m['kind'])
                if m.get('escalation'):
                    label += ' (escalation: in force 3 years)'
                groups.setdefault((label, m['record'] + (' (disputed)' if m['disputed'] else ''), m['from'],
                                   m['until']), []).append(
                    m['domain'] if m['domain'] else 'to ' + NAMES[m['organisation']] if m.get('organisation')
                    else 'alert')
            parts = []
            for (label, rec, start, until), ds in groups.items():
                if len(ds) > 4 and all(d.startswith('to ') for d in ds):
                    ds = ['to each of %d enterprises' % len(ds)]
                parts.append('%s %s (record %s, from %s until %s)' % (label, ', '.join(ds), rec, start,
                                                                     until or 'open'))
            a = '; '.join(parts)
    elif c['kind'] == 'ownership':
        q = 'ultimate owners of %s on %s' % (NAMES[c['enterprise']], c['asOf'])
        e = c['expect']
        if 'conflictCycle' in e:
            a = '**data conflict**: the cycle ' + ' → '.join(NAMES[k] for k in e['conflictCycle']) + ' → ' + \
                NAMES[e['conflictCycle'][0]] + ' does not converge'
        else:
            a = ', '.join('%s %.6f' % (NAMES[o['owner']], o['share']) for o in e['owners']) + \
                '; at or above 25%: ' + ', '.join(NAMES[k] for k in e['ultimateAtThreshold']) + \
                '; actual controller ' + NAMES[e['actualController']]
    elif c['kind'] == 'sameFact':
        e = c['expect']
        q = 'the same fact from %s' % ' and '.join(e['departments'])
        a = '%s%s at %s: stored once' % (e.get('relation', 'subject') + ' of ', NAMES[e['subject']],
                                         ', '.join('`%s`' % x for x in e['lines']))
    else:
        e = c['expect']
        q = 'conflict report'
        a = '%s on %s' % (e['type'], NAMES[e['subject']])
    note = ' (%s)' % c['note'] if c.get('note') else ''
    return '| %s | %s%s |' % (q, a, note)


md = ['# The sample city: its stories', '',
      'A small curated Zhongshan (%d subjects: %d persons, %d organisations) in the exchange format, under '
      '`datasets/src/main/resources/io/credgraph/datasets/sample/` (named fixture: `io.credgraph.datasets.SampleCity`). '
      'Every story below exercises rules of DOMAIN.md section 5; its expected outcomes were computed by hand (both ends '
      'inclusive; 29 February + N years = 28 February; the law in force on asOf decides between CL146 and CL178). '
      'The same expectations are in `sample/stories.yaml` for tests.' % (len(P) + len(E), len(P), len(E)), '',
      'Files (load in this order): ' + ', '.join('`%s` (%d lines)' % (f, len(FILES[f])) for f in sorted(FILES)) + '.',
      'Deliberately bad lines, for the demo of the rejection report, are apart in `sample-bad/99-bad-lines-demo.jsonl` '
      '(load after the sample; one bad line of each class EXCHANGE.md names, see the table at the end).', '',
      'Every record status appears: ACTIVE (most), OBJECTED (S12, S20), REPAIRED (S02, S15, S20), REVOKED (S12), '
      'RELEASED (S13), EXPIRED (S11, S16, S17, S21).', '',
      'Regenerate with `python3 datasets/tools/make_sample.py` (the cast and the expectations are written in it by hand; '
      'the script computes check characters and line numbers).', '']
for st in STORIES:
    md.append('## %s. %s' % (st['id'], st['title']))
    md.append('')
    if st['rules']:
        md.append('Rules: %s. Statuses: %s.' % (', '.join(st['rules']), ', '.join(st['statuses']) or '-'))
        md.append('')
    md.append(st['story'])
    md.append('')
    md.append('Who: ' + '; '.join(who(k) for k in st['cast'][:8]) + (' and %d more' % (len(st['cast']) - 8)
                                                                   if len(st['cast']) > 8 else '') + '.')
    md.append('')
    md.append('Facts: ' + ', '.join('`%s` (%s)' % (WHERE[t], NAMES.get(t, t)) for t in st['facts']))
    md.append('')
    md.append('| question | expected |')
    md.append('| --- | --- |')
    for c in st['checks']:
        md.append(fmt_check(c))
    md.append('')
md.append('## The bad lines (`sample-bad/99-bad-lines-demo.jsonl`)')
md.append('')
md.append('| line | what is wrong |')
md.append('| --- | --- |')
for n, (why, _) in enumerate(bad_lines, 1):
    md.append('| %d | %s |' % (n, why))
md.append('')
with open(os.path.join(ROOT, 'STORIES.md'), 'w', encoding='utf-8') as fh:
    fh.write('\n'.join(md))
print('subjects', len(P) + len(E), 'lines', sum(len(v) for v in FILES.values()))
