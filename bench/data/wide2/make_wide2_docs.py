"""Generate four INVENTED policy documents for the `wide2` bench set (test data, never for corpus/).

Run:  /work/main/.venv/bin/python bench/data/wide2/make_wide2_docs.py
Needs python-docx and reportlab (generator-only dependency) and the WenQuanYi Zen Hei TrueType font
(fonts-wqy-zenhei, /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc), which is embedded in the PDF. Output goes to
bench/data/wide2/docs/ and is byte-reproducible.

Every city, issuer, 文号, amount, date, person, unit, address, phone number and e-mail is made up; each document
carries the line “（本文件为测试用虚构文件）” near the top. The documents are of shapes none of the nine of
tests/data/policy/ and bench/data/wide/ has:

- chengling-zhengce-jiedu.pdf  澄岭市 科技创新创业人才扶持政策解读: questions written inline as body
  paragraphs “Q1：…？” followed by “A：…” paragraphs (not headings), and a last part whose pairs sit in ONE
  paragraph each (“问：…答：…”); answers cross-refer (“申请贴息的条件与第1问相同”, “详见第1问”).
- puzhou-boshi-xize.docx      璞州市 青年博士人才引育实施细则: decimal numbering as Word headings (“1. 总则”
  Heading 1, “2.1 生活补贴申请条件” Heading 2, the clause text in the paragraph below), a small table with a
  two-level header (单位类别 and 发放方式 merged vertically; 补贴标准（万元/年） merged horizontally over
  首年 | 次年 | 第三年; the unit only in the upper header), 注 lines, 施行日期, 解释单位, two issuers.
- tongyuan-rending-gongshi.txt 桐原市 2026年第一批高层次人才认定拟入选名单公示 (plain text): a tab-separated
  table 序号/姓名/工作单位/认定类别 of 16 people, 公示期 dates, 异议 channel (地址, 电话, 邮箱, 受理时间), 附件 line.
- tongyuan-shenbao-zhinan.md   桐原市 高层次人才认定申报指南（2026年版）, the same programme: 办理流程 as numbered
  steps, a 常见问题 part with bold “**问：…**” lines and “答：…” paragraphs.

``doc_text(name)`` returns the plain text the questions are checked against: paragraphs one per line, table rows
with cells joined by a tab.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "docs"
FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
MARK = "（本文件为测试用虚构文件）"

# Block kinds: ("title", s) ("sub", s) centred line; ("h", s) heading; ("h2", s) second-level heading;
# ("p", s) body paragraph; ("li", s) list item; ("q", s) a bold question line (Markdown); ("right", s)
# right-aligned line; ("note", s) small print; ("table", dict) with "rows" (header rows first; a merged header
# cell is repeated in every grid cell it covers), "header_rows", optional "hmerge" [(row, first_col, last_col)]
# and "vmerge" [(col, first_row, last_row)].

# --------------------------------------------------------------------------------------------------
# 1. chengling-zhengce-jiedu.pdf — 澄岭市, a 政策解读 whose Q&A pairs are body paragraphs
# --------------------------------------------------------------------------------------------------
JIEDU = [
    ("title", "澄岭市科技创新创业人才扶持政策解读"),
    ("sub", "澄岭市科学技术局　2026年2月"),
    ("sub", MARK),
    (
        "p",
        "为便于各类人才和用人单位准确理解《澄岭市支持科技创新创业人才若干措施》（澄政〔2025〕31号，以下简称《若干措施》），"
        "现就社会关注的主要问题解读如下。",
    ),
    ("h", "一、创业扶持"),
    ("p", "Q1：哪些人才可以申请创业启动资助？"),
    (
        "p",
        "A：在澄岭市注册成立科技型企业、本人担任法定代表人或者第一大股东（持股比例不低于30%）、企业成立时间不超过3年的博士、"
        "高级职称人员和留学回国人员，可以申请创业启动资助。企业须在澄岭市依法纳税，且近1年营业收入或者实收资本不低于50万元。",
    ),
    ("p", "Q2：创业启动资助给多少钱？怎么发？"),
    (
        "p",
        "A：经评审入选的项目，按A、B、C三档分别给予100万元、50万元、20万元资助。资助资金分两次拨付：入选后拨付60%，"
        "满2年考核合格后拨付40%。考核不合格的，不再拨付剩余资金。",
    ),
    ("p", "Q3：创业企业租用办公场地有没有补贴？"),
    (
        "p",
        "A：有。入选创业启动资助的企业租用办公用房或者生产用房的，按实际租金的50%给予补贴，每年最高20万元，补贴期限3年。"
        "入驻市级以上科技企业孵化器的，补贴比例提高到70%，每年最高额度不变。已享受政府免租或者减租的场地，不重复补贴。",
    ),
    ("p", "Q4：创业人才向银行贷款，能享受贴息吗？"),
    (
        "p",
        "A：可以。入选企业获得银行贷款用于项目研发和生产的，按一年期贷款市场报价利率（LPR）的50%给予贴息，"
        "每家企业每年贴息最高30万元，贴息期限不超过2年。申请贴息的条件与第1问相同。",
    ),
    ("p", "Q5：同一家企业能不能同时申请场地补贴和贴息？"),
    ("p", "A：可以同时申请，但同一企业每年享受第3问、第4问两项补贴合计不超过40万元。"),
    ("h", "二、创新支持"),
    ("p", "Q6：在企业搞研发的人才有什么支持？"),
    (
        "p",
        "A：企业全职引进的博士、正高级职称人才，首次在澄岭市缴纳社会保险的，给予每人每月2000元科研津贴，连续发放3年。"
        "企业为其建立市级以上研发平台的，另给予企业一次性奖励30万元。",
    ),
    ("p", "Q7：科研津贴要本人申请还是单位申请？"),
    (
        "p",
        "A：由用人单位统一申请。用人单位于每年1月10日至2月10日登录“澄岭科创通”平台集中申报上一年度的科研津贴，"
        "逾期未申报的视为放弃。",
    ),
    ("p", "Q8：高校、科研院所的人才能享受科研津贴吗？"),
    (
        "p",
        "A：不能。第6问所说的科研津贴仅面向企业引进的人才；高校、科研院所和公立医院的人才按所在单位的有关规定执行。",
    ),
    ("p", "Q9：申请创业启动资助要准备什么材料？"),
    (
        "p",
        "A：主要包括申报书、身份证明、学历学位证书或者职称证书、企业营业执照、近1年财务报表、知识产权证明和商业计划书。"
        "留学回国人员还需提供教育部留学服务中心出具的国（境）外学历学位认证书。",
    ),
    ("h", "三、申报和兑现"),
    ("p", "Q10：创业启动资助什么时候申报？在哪里申报？"),
    (
        "p",
        "A：创业启动资助每年集中申报一次，2026年度申报时间为2026年5月6日至6月5日，申报人登录“澄岭科创通”平台在线提交。"
        "场地租金补贴、贷款贴息于每季度第一个月申报，申报平台与第7问相同。",
    ),
    ("p", "Q11：资助资金多久能到账？"),
    (
        "p",
        "A：评审结果在澄岭市科学技术局网站公示7天。公示无异议的，由市财政局在公示结束后20个工作日内拨付资金。",
    ),
    ("p", "Q12：拿了资助，企业能不能迁走？"),
    (
        "p",
        "A：入选企业须在澄岭市注册经营满5年。未满5年迁离澄岭市或者注销的，追回已拨付的创业启动资助和场地租金补贴；"
        "以虚假材料骗取资助的，追回全部资金，并取消其5年内申报市级科技项目的资格。",
    ),
    ("h", "四、其他问题"),
    (
        "p",
        "问：《若干措施》从什么时候开始执行？答：《若干措施》自2026年1月1日起施行，有效期3年。2025年12月31日前已入选原政策的项目，"
        "继续按原政策执行至期满。",
    ),
    (
        "p",
        "问：外地企业迁入澄岭市的，能申请创业启动资助吗？答：可以。迁入企业的成立时间从其在原注册地成立之日起计算，其他条件详见第1问。",
    ),
    (
        "p",
        "问：政策上的问题找谁咨询？答：创业扶持请咨询市科技局创新创业科，电话0736-55281306；科研津贴请咨询市人才服务中心，"
        "电话0736-55281422。本解读由澄岭市科学技术局负责解释。",
    ),
]

# --------------------------------------------------------------------------------------------------
# 2. puzhou-boshi-xize.docx — 璞州市, decimal-numbered headings and a two-level-header table
# --------------------------------------------------------------------------------------------------
XIZE = [
    ("title", "璞州市青年博士人才引育实施细则"),
    ("sub", "璞人社规〔2026〕1号"),
    ("sub", MARK),
    ("h", "1. 总则"),
    ("h2", "1.1 制定依据"),
    (
        "p",
        "为落实《璞州市关于加快青年人才集聚的若干意见》（璞委发〔2025〕8号），规范青年博士人才引进和培养资金的使用管理，制定本细则。",
    ),
    ("h2", "1.2 适用范围"),
    (
        "p",
        "本细则适用于2026年1月1日以后与璞州市行政区域内用人单位签订3年以上劳动（聘用）合同、并在璞州市缴纳社会保险的全职博士人才。",
    ),
    ("h2", "1.3 职责分工"),
    (
        "p",
        "璞州市人力资源和社会保障局（以下简称“市人社局”）负责本细则的组织实施；璞州市财政局负责资金保障；"
        "各区人力资源和社会保障部门负责受理和初审。",
    ),
    ("h", "2. 支持对象和条件"),
    ("h2", "2.1 生活补贴申请条件"),
    (
        "p",
        "申请生活补贴的博士人才应当同时满足下列条件：（1）取得博士学位不超过5年；（2）年龄不超过40周岁，"
        "医学、农学类博士不超过42周岁；（3）首次在璞州市就业。",
    ),
    ("h2", "2.2 博士后"),
    (
        "p",
        "博士后研究人员在站期间不享受本细则的生活补贴；出站后留在璞州市工作的，按第3.2条享受留璞补贴。",
    ),
    ("h2", "2.3 不予支持的情形"),
    (
        "p",
        "有下列情形之一的，不得申请：（1）党政机关、参照公务员法管理单位的在编人员；（2）已享受璞州市其他同类生活补贴的；"
        "（3）有严重失信记录的。",
    ),
    ("h", "3. 支持标准"),
    ("h2", "3.1 博士生活补贴"),
    ("p", "博士生活补贴按用人单位类别分3年发放，标准见表1。"),
    (
        "table",
        {
            "caption": "表1　博士生活补贴标准",
            "header_rows": 2,
            "rows": [
                ["单位类别", "补贴标准（万元/年）", "补贴标准（万元/年）", "补贴标准（万元/年）", "发放方式"],
                ["单位类别", "首年", "次年", "第三年", "发放方式"],
                ["重点产业链企业", "10", "8", "6", "按季度发放"],
                ["其他企业", "8", "6", "4", "按年度发放"],
                ["高等院校、科研院所", "6", "5", "5", "按年度发放"],
                ["医疗卫生机构", "6", "4", "4", "按年度发放"],
            ],
            "hmerge": [(0, 1, 3)],
            "vmerge": [(0, 0, 1), (4, 0, 1)],
        },
    ),
    (
        "note",
        "注：1.重点产业链企业名单以璞州市工业和信息化局当年公布的为准。2.第三年补贴须经用人单位年度考核合格后发放。",
    ),
    ("h2", "3.2 留璞补贴"),
    ("p", "博士后出站后留在璞州市工作并签订3年以上劳动合同的，一次性给予留璞补贴15万元。"),
    ("h2", "3.3 单位引才补助"),
    ("p", "用人单位每引进1名博士人才，给予单位引才补助2万元，每家单位每年最高20万元。"),
    ("h2", "3.4 购房补贴"),
    (
        "p",
        "博士人才在璞州市首次购买商品住房的，给予购房补贴30万元，分3年发放；购房补贴与第3.1条生活补贴可以同时享受。",
    ),
    ("h", "4. 申请和审核"),
    ("h2", "4.1 受理时间"),
    (
        "p",
        "申请实行常年受理、每半年集中审核。每年6月1日至6月30日、12月1日至12月31日为集中受理期。",
    ),
    ("h2", "4.2 申请方式和材料"),
    (
        "p",
        "申请人通过“璞州人才网”在线填报，并上传下列材料：（1）申请表；（2）博士学位证书；（3）劳动（聘用）合同；"
        "（4）社会保险缴纳证明；（5）身份证。",
    ),
    ("h2", "4.3 审核和公示"),
    (
        "p",
        "区人力资源和社会保障部门自受理之日起15个工作日内完成初审，市人社局在10个工作日内完成复审，"
        "复审结果在市人社局网站公示5个工作日。",
    ),
    ("h2", "4.4 资金拨付"),
    (
        "p",
        "公示无异议的，补贴资金直接拨付至申请人本人社会保障卡金融账户。政策咨询电话：璞州市人才服务中心0739-87712580。",
    ),
    ("h", "5. 管理监督"),
    ("h2", "5.1 停发和恢复"),
    (
        "p",
        "享受生活补贴期间，人才离开璞州市或者与用人单位解除劳动关系的，自次月起停发补贴；"
        "1年内重新在璞州市就业的，可以申请恢复发放剩余期限的补贴。",
    ),
    ("h2", "5.2 失信惩戒"),
    (
        "p",
        "以虚假材料骗取补贴的，追回已发放的补贴，3年内不得申报璞州市各类人才政策，并纳入个人信用记录。",
    ),
    ("h", "6. 附则"),
    ("h2", "6.1 用语"),
    ("p", "本细则所称“不超过”“以上”均含本数，年龄计算至申请当年1月1日。"),
    ("h2", "6.2 解释"),
    ("p", "本细则由璞州市人力资源和社会保障局负责解释。"),
    ("h2", "6.3 施行日期"),
    ("p", "本细则自2026年4月1日起施行，有效期3年。"),
    ("right", "璞州市人力资源和社会保障局　璞州市财政局"),
    ("right", "2026年3月10日"),
]

# --------------------------------------------------------------------------------------------------
# 3. tongyuan-rending-gongshi.txt — 桐原市 公示 with a tab-separated name list
# --------------------------------------------------------------------------------------------------
GONGSHI_ROWS = [
    ["序号", "姓名", "工作单位", "认定类别"],
    ["1", "陈思远", "桐原大学", "A类"],
    ["2", "欧阳明哲", "桐原市第一人民医院", "B类"],
    ["3", "林晓岚", "桐原中科微电子有限公司", "B类"],
    ["4", "郑浩然", "桐原大学", "B类"],
    ["5", "许嘉怡", "桐原新能源科技有限公司", "C类"],
    ["6", "黄立诚", "桐原高新区智能装备研究院", "C类"],
    ["7", "苏婉清", "桐原市农业科学研究院", "C类"],
    ["8", "魏子航", "桐原中科微电子有限公司", "C类"],
    ["9", "贺明远", "桐原市第一人民医院", "D类"],
    ["10", "方雨桐", "桐原职业技术学院", "D类"],
    ["11", "谢振宇", "桐原新能源科技有限公司", "D类"],
    ["12", "邵安琪", "桐原大学", "D类"],
    ["13", "钟志强", "桐原重工机械股份有限公司", "E类"],
    ["14", "罗心怡", "桐原市妇幼保健院", "E类"],
    ["15", "程一帆", "桐原高新区智能装备研究院", "E类"],
    ["16", "葛文博", "桐原重工机械股份有限公司", "E类"],
]
GONGSHI = [
    ("title", "桐原市2026年第一批高层次人才认定拟入选名单公示"),
    ("sub", MARK),
    (
        "p",
        "根据《桐原市高层次人才分类认定办法》（桐人才〔2025〕6号）和《桐原市高层次人才认定申报指南（2026年版）》，"
        "经个人申报、单位推荐、资格审查和专家评审，拟认定陈思远等16名同志为桐原市高层次人才，现将名单予以公示。",
    ),
    ("h", "一、拟入选名单"),
    ("table", {"caption": "", "header_rows": 1, "rows": GONGSHI_ROWS}),
    ("p", "说明：名单按认定类别排序，同一类别内按申报受理先后排列；认定类别以市委人才办最终发文为准。"),
    ("h", "二、公示期"),
    ("p", "公示时间为2026年4月13日至2026年4月19日（共7天）。"),
    ("h", "三、异议受理"),
    (
        "p",
        "公示期间，任何单位和个人对名单有异议的，可以通过来信、来电或者当面反映等方式，向桐原市委人才工作领导小组办公室提出。"
        "反映情况应当实事求是，以单位名义反映的须加盖公章，以个人名义反映的须署真实姓名并提供联系方式；"
        "匿名反映且无具体事实的，不予受理。",
    ),
    ("p", "反映问题应当在公示期内提出，逾期提出的不予受理。"),
    ("p", "受理单位：桐原市委人才工作领导小组办公室人才发展科"),
    ("p", "地址：桐原市人民路99号市行政中心3号楼512室"),
    ("p", "联系电话：0745-83360518"),
    ("p", "电子邮箱：tyrc@tongyuan-rcb.example.cn"),
    ("p", "受理时间：工作日上午8:30—12:00，下午14:30—17:30"),
    ("h", "四、其他事项"),
    (
        "p",
        "公示期满无异议或者反映问题经核查不影响认定的，由市委人才办发文认定，并颁发《桐原市高层次人才认定证书》。"
        "入选人员按《桐原市高层次人才认定申报指南（2026年版）》的规定申领相应待遇。"
        "2026年第二批认定申报预计于2026年9月启动，具体以届时通知为准。",
    ),
    (
        "p",
        "本批次共受理申报87人，经资格审查进入专家评审52人。拟入选人员工作单位发生变动的，应当在公示期内书面告知市委人才办。",
    ),
    ("p", "附件：桐原市2026年第一批高层次人才认定拟入选人员信息表（共16人）"),
    ("right", "中共桐原市委人才工作领导小组办公室"),
    ("right", "2026年4月12日"),
]

# --------------------------------------------------------------------------------------------------
# 4. tongyuan-shenbao-zhinan.md — 桐原市 申报指南 of the same programme: 办理流程 steps and 常见问题
# --------------------------------------------------------------------------------------------------
ZHINAN = [
    ("title", "桐原市高层次人才认定申报指南（2026年版）"),
    ("sub", MARK),
    ("h", "一、认定对象"),
    (
        "p",
        "在桐原市行政区域内全职工作、在桐原市依法缴纳社会保险满6个月的人才，可以申报认定。高层次人才分为A、B、C、D、E五类，"
        "具体标准见《桐原市高层次人才分类认定目录（2026年版）》。",
    ),
    (
        "p",
        "下列人员不得申报：党政机关、参照公务员法管理单位的工作人员；已办理退休手续的人员。外籍人才须持有效的外国人工作许可证。",
    ),
    ("h", "二、申报时间"),
    (
        "p",
        "2026年分两批受理：第一批为2026年2月16日至3月15日，第二批为2026年9月1日至9月30日。逾期不再受理，可以参加下一批次申报。",
    ),
    ("h", "三、主要待遇"),
    (
        "p",
        "经认定的高层次人才可以申领安家补贴：A类150万元、B类80万元、C类40万元、D类20万元、E类10万元，分4年平均发放。"
        "A类、B类人才另可以享受子女入学、配偶就业协调服务。",
    ),
    (
        "p",
        "安家补贴自认定次年起，每年3月由用人单位统一申领。人才在本市首次购房的，可以另行申请购房补贴，标准由市住房和城乡建设局另行公布。",
    ),
    ("h", "四、办理流程"),
    ("li", "1. 个人注册：申报人登录“桐原人才之家”平台注册，在线填写申报信息并上传材料；"),
    ("li", "2. 单位审核：用人单位在5个工作日内完成审核并出具推荐意见；"),
    ("li", "3. 资格审查：市人社局组织资格审查，材料需要补正的一次性告知，申报人应当在3个工作日内补正；"),
    ("li", "4. 专家评审：市委人才办组织专家评审，提出拟入选名单；"),
    ("li", "5. 社会公示：拟入选名单在桐原市人民政府网站公示7天；"),
    ("li", "6. 发证兑现：公示无异议的，发文认定、颁发证书，并在发证后30个工作日内兑现首期安家补贴。"),
    ("h", "五、申报材料"),
    ("li", "1. 《桐原市高层次人才认定申报表》；"),
    ("li", "2. 身份证；"),
    ("li", "3. 学历学位证书；"),
    ("li", "4. 劳动合同；"),
    ("li", "5. 近6个月社会保险缴纳证明；"),
    ("li", "6. 符合认定条件的业绩佐证材料。"),
    ("h", "六、注意事项"),
    ("li", "1. 同一人只能按一个类别申报，不得同时申报两个类别；"),
    ("li", "2. 申报材料须真实有效，弄虚作假的撤销认定、追回已发放的补贴，5年内不得再次申报；"),
    ("li", "3. 认定后离开桐原市的，自离开次月起停发剩余安家补贴。"),
    ("h", "七、常见问题"),
    ("q", "问：已经在外地认定过的人才，到桐原还要重新认定吗？"),
    ("p", "答：需要。其他城市的认定结果不直接互认，须按本指南重新申报。"),
    ("q", "问：认定证书有效期多久？"),
    ("p", "答：《桐原市高层次人才认定证书》有效期4年，期满后仍符合条件的可以重新申报。"),
    ("q", "问：退休返聘人员可以申报吗？"),
    ("p", "答：不可以。已办理退休手续的人员不在认定范围内。"),
    ("q", "问：在桐原工作刚满3个月，能不能先报？"),
    ("p", "答：不能。社会保险须在桐原市连续缴纳满6个月，可以在满6个月后参加下一批次申报。"),
    ("q", "问：对认定结果有意见怎么办？"),
    ("p", "答：可以在公示期内向市委人才办实名提出异议，受理方式见当批次的公示。"),
    ("q", "问：申报遇到问题打什么电话？"),
    ("p", "答：政策咨询请拨打市人社局人才开发科0745-83361270；平台操作问题请拨打0745-83362099。"),
    ("p", "桐原市人力资源和社会保障局　2026年1月20日"),
]

DOCS: dict[str, list] = {
    "chengling-zhengce-jiedu.pdf": JIEDU,
    "puzhou-boshi-xize.docx": XIZE,
    "tongyuan-rending-gongshi.txt": GONGSHI,
    "tongyuan-shenbao-zhinan.md": ZHINAN,
}
NAMES = list(DOCS)


# --------------------------------------------------------------------------------------------------
# plain text (used by check_wide2.py)
# --------------------------------------------------------------------------------------------------
def doc_text(name: str) -> str:
    lines: list[str] = []
    for block in DOCS[name]:
        if block[0] == "table":
            t = block[1]
            if t.get("caption"):
                lines.append(t["caption"])
            lines.extend("\t".join(r) for r in t["rows"])
        else:
            lines.append(block[1])
    return "\n".join(lines)


def table_value_strings(name: str) -> set[str]:
    """cell + unit of its column header ("8" under "补贴标准（万元/年）" -> "8万元"): how an answer states a cell.
    The unit is read from any header row of the column (a two-level header carries it in the upper row)."""
    out: set[str] = set()
    for block in DOCS[name]:
        if block[0] != "table":
            continue
        t = block[1]
        rows, nh = t["rows"], t.get("header_rows", 1)
        for j in range(len(rows[0])):
            unit = None
            for head in rows[:nh]:
                m = re.search(r"（([^）]+)）", head[j])
                if m:
                    unit = m.group(1).split("/")[0]
            if unit is None:
                continue
            for r in rows[nh:]:
                out.add(r[j] + unit)
    return out


# --------------------------------------------------------------------------------------------------
# writers
# --------------------------------------------------------------------------------------------------
def write_txt(name: str, blocks: list) -> None:
    out: list[str] = []
    for block in blocks:
        kind = block[0]
        if kind == "table":
            out.extend("\t".join(r) for r in block[1]["rows"])
            out.append("")
        elif kind in ("title", "h"):
            out += [block[1], ""]
        else:
            out.append(block[1])
            if kind == "p":
                out.append("")
    (OUT / name).write_text("\n".join(out).rstrip("\n") + "\n", encoding="utf-8")


def write_md(name: str, blocks: list) -> None:
    out: list[str] = []
    for i, block in enumerate(blocks):
        kind = block[0]
        if kind == "title":
            out += [f"# {block[1]}", ""]
        elif kind == "h":
            out += [f"## {block[1]}", ""]
        elif kind == "q":
            out += [f"**{block[1]}**", ""]
        elif kind == "li":
            out.append(block[1])
            if i + 1 == len(blocks) or blocks[i + 1][0] != "li":
                out.append("")
        else:
            out += [block[1], ""]
    (OUT / name).write_text("\n".join(out), encoding="utf-8")


def write_docx(name: str, blocks: list) -> None:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "FangSong"
    normal.font.size = Pt(12)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋")
    for style_name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        st = doc.styles[style_name]
        st.font.name = "SimHei"
        st.element.rPr.rFonts.set(qn("w:eastAsia"), "黑体")

    for block in blocks:
        kind = block[0]
        if kind == "title":
            p = doc.add_heading(block[1], level=0)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "sub":
            p = doc.add_paragraph(block[1])
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "h":
            doc.add_heading(block[1], level=1)
        elif kind == "h2":
            doc.add_heading(block[1], level=2)
        elif kind == "right":
            p = doc.add_paragraph(block[1])
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif kind == "note":
            p = doc.add_paragraph()
            p.add_run(block[1]).font.size = Pt(10.5)
        elif kind == "table":
            t = block[1]
            if t.get("caption"):
                cp = doc.add_paragraph(t["caption"])
                cp.alignment = WD_ALIGN_PARAGRAPH.CENTER
            rows, nh = t["rows"], t.get("header_rows", 1)
            table = doc.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            widths = [Cm(4.2), Cm(2.2), Cm(2.2), Cm(2.2), Cm(3.0)]
            covered: set[tuple[int, int]] = set()
            for r, c1, c2 in t.get("hmerge", []):
                table.cell(r, c1).merge(table.cell(r, c2))
                covered |= {(r, c) for c in range(c1 + 1, c2 + 1)}
            for c, r1, r2 in t.get("vmerge", []):
                table.cell(r1, c).merge(table.cell(r2, c))
                covered |= {(r, c) for r in range(r1 + 1, r2 + 1)}
            for i, r in enumerate(rows):
                for j, value in enumerate(r):
                    if (i, j) in covered:
                        continue  # the merged cell was filled from its first grid cell
                    cell = table.cell(i, j)
                    cell.width = widths[j]
                    cell.paragraphs[0].text = value
                    para = cell.paragraphs[0]
                    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    for run in para.runs:
                        run.font.size = Pt(10.5)
                        run.bold = i < nh
        else:
            p = doc.add_paragraph(block[1])
            p.paragraph_format.first_line_indent = Pt(24)
    doc.core_properties.title = next(b[1] for b in blocks if b[0] == "title")
    doc.core_properties.comments = "本文件为测试用虚构文件"
    fixed = datetime.datetime(2026, 3, 10, 9, 0, 0)
    doc.core_properties.created = fixed
    doc.core_properties.modified = fixed
    doc.core_properties.author = "测试数据（虚构）"
    doc.core_properties.last_modified_by = "测试数据（虚构）"
    doc.save(OUT / name)
    _fix_zip_times(OUT / name)


def _fix_zip_times(path: Path) -> None:
    """Rewrite the .docx zip with fixed entry timestamps so regenerating gives identical bytes."""
    import zipfile

    with zipfile.ZipFile(path) as zin:
        entries = [(info, zin.read(info.filename)) for info in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info, data in entries:
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 3, 10, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(fixed, data)


def write_pdf(name: str, blocks: list) -> None:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", FONT_PATH, subfontIndex=0))
    base = dict(fontName="WQY", wordWrap="CJK")
    s_body = ParagraphStyle("body", fontSize=11.5, leading=18.5, firstLineIndent=23, spaceAfter=1, **base)
    s_title = ParagraphStyle(
        "title", fontSize=16, leading=24, alignment=TA_CENTER, spaceBefore=6, spaceAfter=4, **base
    )
    s_sub = ParagraphStyle("sub", fontSize=11, leading=18, alignment=TA_CENTER, spaceAfter=2, **base)
    s_h = ParagraphStyle("h", fontSize=12.5, leading=21, spaceBefore=6, spaceAfter=2, **base)

    margin = 25 * mm

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont("WQY", 9)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"— {doc.page} —")
        canvas.restoreState()

    doc = SimpleDocTemplate(
        str(OUT / name),
        pagesize=A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=next(b[1] for b in blocks if b[0] == "title"),
        author="测试数据（虚构）",
        subject="本文件为测试用虚构文件",
        invariant=1,  # reproducible bytes: fixed dates and document id
    )
    styles = {"title": s_title, "sub": s_sub, "h": s_h, "p": s_body}
    story = [Paragraph(block[1], styles[block[0]]) for block in blocks]
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, blocks in DOCS.items():
        ext = name.rsplit(".", 1)[1]
        {"md": write_md, "docx": write_docx, "pdf": write_pdf, "txt": write_txt}[ext](name, blocks)
        text = doc_text(name)
        cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
        print(f"wrote {OUT / name}  ({len(text)} characters, {cjk} Chinese)")


if __name__ == "__main__":
    main()
