"""Generate five INVENTED policy documents for the `wide3` bench set (test data, never for corpus/).

Run:  /work/main/.venv/bin/python bench/data/wide3/make_wide3_docs.py
(from any folder: it puts the project root on sys.path for the shared writers in bench/docgen.py). Needs python-docx
and reportlab (generator-only dependencies) and the WenQuanYi Zen Hei TrueType font (fonts-wqy-zenhei,
/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc), which is embedded in the PDFs. Output goes to bench/data/wide3/docs/
and is byte-reproducible.

Every city, district, issuer, 文号, amount, date, person, unit, address, phone number and e-mail is made up; each
document carries the line “（本文件为测试用虚构文件）” near the top. Shapes none of the earlier sets has:

- fengling-guanli-banfa.docx   枫陵市 高层次人才引进培育管理办法: articles are PLAIN paragraphs “第一条　…” (no Word
  headings except the title), grouped under centred chapter lines 第一章…第六章; articles with several 款
  (paragraphs without an article number) and 项 （一）（二） inline; a cross-reference (“符合本办法第五条规定的”); a
  tier table 层次 | 认定条件摘要 | 一次性奖励（万元） | 租房补贴（元/月） with the unit only in the header.
- fengling-shenbao-tongzhi.pdf 枫陵市 关于开展2026年度…申报工作的通知 (the same city's annual notice under that
  办法): parts 一、…七、, dates as ranges, 申报材料 numbered 1.–8. running over a page break, a 联系人 line with
  name, phone and e-mail, a 区 | 联系人 | 电话 table and an 附件 list at the end.
- rancheng-anju-wenda.md       苒城市 人才安居政策问答: `## ` parts, questions as `### N. …？` headings with plain
  answer paragraphs (no “答：”), bullet lists `- `, one pipe table inside an answer, answers referring to others
  (“见问题7”, “按问题8的标准”).
- liaoan-rending-mulu.txt      蓼岸市 高层次人才分类认定目录（2026年版）, plain text: nested numbering
  一、→（一）→1.→（1）, classes A–E each with numbered conditions, a closing “注：” with exceptions.
- heting-duixian-qingdan.pdf   枫陵市鹤汀区 人才政策兑现清单（2026年版）: a portrait page of text, then LANDSCAPE pages
  with one 7-column table 序号 | 事项名称 | 支持对象 | 支持标准 | 申报时间 | 受理部门 | 咨询电话 of multi-line cells,
  continued over two pages WITHOUT a repeated header row.

Near-collisions across documents: 租房补贴 in the 办法 (by class, 元/月), the 问答 (by degree) and the 清单 (区级);
博士后工作站 资助 in the 办法 (市级 50/20万元) and the 清单 (区级 30/15万元); 购房/安家补贴 by class in the 问答 and
the 清单; several phone numbers of 枫陵 (办法, 通知, 鹤汀区 in the 通知's table, the 清单's rows); A–E classes in
the 办法 and in the 蓼岸 目录; 骗取 sanctions of 5, 3 and 4 years.

``doc_text(name)`` returns the plain text the questions are checked against: paragraphs one per line, table rows
with cells joined by a tab (the lines of a multi-line cell joined by a newline).
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "docs"
ROOT = HERE.parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import docgen  # noqa: E402

MARK = "（本文件为测试用虚构文件）"

# Block kinds as bench/docgen.py; this set also uses ("chapter", s) a centred chapter line (DOCX: a plain centred
# paragraph, not a heading), ("h2", s) a Markdown `### ` question, and the PDF layout blocks ("pagebreak",),
# ("landscape",), ("portrait",).

# --------------------------------------------------------------------------------------------------
# 1. fengling-guanli-banfa.docx — articles as plain paragraphs under chapter lines
# --------------------------------------------------------------------------------------------------
BANFA = [
    ("title", "枫陵市高层次人才引进培育管理办法"),
    ("sub", "枫政规〔2026〕4号"),
    ("sub", MARK),
    ("chapter", "第一章　总则"),
    (
        "p",
        "第一条　为深入实施人才强市战略，加快集聚产业发展急需的高层次人才，根据有关法律法规和政策规定，结合本市实际，制定本办法。",
    ),
    (
        "p",
        "第二条　本办法适用于在枫陵市行政区域内依法登记注册、具有独立法人资格的企业、高等学校、科研院所、医疗卫生机构等用人单位"
        "（以下统称用人单位）引进和培育的高层次人才。",
    ),
    (
        "p",
        "本办法所称高层次人才，分为A类、B类、C类、D类、E类五个层次，具体认定按照《枫陵市高层次人才分类认定标准》执行。",
    ),
    (
        "p",
        "第三条　市委人才工作领导小组办公室（以下简称市委人才办）负责统筹协调本办法的组织实施；市人力资源和社会保障局"
        "（以下简称市人社局）负责人才认定、资金申报受理和审核；市财政局负责资金保障和监督；各区人民政府负责本辖区人才服务工作。",
    ),
    ("chapter", "第二章　认定与奖励"),
    (
        "p",
        "第四条　高层次人才应当同时具备下列条件：（一）与本市用人单位签订3年以上劳动合同或者聘用合同；"
        "（二）在本市依法缴纳社会保险满6个月；（三）年龄一般不超过55周岁，A类、B类人才不受年龄限制；"
        "（四）遵纪守法，无不良信用记录。",
    ),
    (
        "p",
        "第五条　2025年1月1日以后全职引进到本市工作并经认定的高层次人才，按照下表给予一次性奖励和租房补贴：",
    ),
    (
        "table",
        {
            "rows": [
                ["层次", "认定条件摘要", "一次性奖励（万元）", "租房补贴（元/月）"],
                ["A类", "国内外顶尖人才，如诺贝尔奖获得者、两院院士", "200", "8000"],
                ["B类", "国家级领军人才，如国家级重大人才工程入选者", "100", "6000"],
                ["C类", "省级领军人才，如省级重大人才工程入选者", "50", "4000"],
                ["D类", "市级领军人才及具有正高级职称的骨干人才", "20", "3000"],
                ["E类", "全日制博士研究生及具有副高级职称的青年人才", "10", "2000"],
            ]
        },
    ),
    (
        "p",
        "一次性奖励分3年发放，第一年发放50%，第二年、第三年各发放25%。租房补贴按月核算、按季度发放，最长发放36个月。",
    ),
    ("p", "在本市购买首套自有住房的，自购房合同网签备案次月起停发租房补贴。"),
    (
        "p",
        "第六条　符合本办法第五条规定的人才，年龄在45周岁以下且为全日制博士研究生的，另给予博士生活补贴每月2500元，"
        "最长发放24个月。博士生活补贴与租房补贴可以同时享受。",
    ),
    (
        "p",
        "第七条　用人单位全职引进A类、B类、C类人才的，按照人才一次性奖励的10%给予用人单位引才奖励，同一用人单位每年最高100万元。",
    ),
    (
        "p",
        "通过人力资源服务机构引进人才的，按照每引进1名D类以上人才2万元的标准给予服务机构奖励，每家机构每年最高30万元。",
    ),
    ("chapter", "第三章　培育支持"),
    (
        "p",
        "第八条　本市在职人才经重新认定晋升层次的，按照新旧层次一次性奖励的差额给予补足，租房补贴期限不重新计算。",
    ),
    (
        "p",
        "第九条　支持用人单位建设博士后平台。新设立国家级博士后科研工作站的，一次性资助50万元；新设立博士后创新实践基地的，"
        "一次性资助20万元。在站博士后每人每年给予生活补助8万元，最长2年。",
    ),
    ("chapter", "第四章　申报与兑现"),
    (
        "p",
        "第十条　人才奖励和补贴每年集中申报一次，具体时间以市人社局发布的年度申报通知为准。申报人通过“枫陵人才码”平台在线提交申请，"
        "并将纸质材料报送用人单位所在区人社部门。",
    ),
    (
        "p",
        "第十一条　申报人应当提交以下材料：（一）申请表；（二）身份证件；（三）劳动合同或者聘用合同；（四）社会保险缴纳证明；"
        "（五）学历学位证书或者职称证书；（六）申请租房补贴的，提供租房合同及租金支付凭证。",
    ),
    (
        "p",
        "第十二条　区人社部门自受理之日起10个工作日内完成初审，市人社局自收到初审意见之日起15个工作日内完成复审。",
    ),
    (
        "p",
        "复审通过的，在市人社局门户网站公示5个工作日；公示无异议的，由市财政局在20个工作日内将资金拨付至申报人本人银行账户。",
    ),
    ("chapter", "第五章　监督管理"),
    (
        "p",
        "第十三条　享受本办法奖励补贴的人才，在本市服务期不少于5年。服务期未满离开本市的，按照未服务年限比例退回一次性奖励。",
    ),
    (
        "p",
        "第十四条　以弄虚作假等不正当手段骗取奖励补贴的，由市人社局追回已发放资金，取消其享受资格，5年内不得申报本市各类人才项目；"
        "涉嫌犯罪的，依法移送司法机关处理。",
    ),
    ("p", "用人单位协助弄虚作假的，3年内取消其引才奖励申报资格。"),
    ("p", "第十五条　同一人才符合本市多项同类政策的，按照就高不重复原则享受。"),
    ("chapter", "第六章　附则"),
    ("p", "第十六条　本办法由市人社局负责解释。政策咨询电话：0763-6218345。"),
    (
        "p",
        "第十七条　本办法自2026年3月1日起施行，有效期5年。《枫陵市引进高层次人才奖励办法》（枫政规〔2022〕7号）同时废止。",
    ),
    ("right", "枫陵市人民政府办公室"),
    ("right", "2026年1月26日"),
]

# --------------------------------------------------------------------------------------------------
# 2. fengling-shenbao-tongzhi.pdf — the annual notice; materials list over a page break, district table
# --------------------------------------------------------------------------------------------------
TONGZHI = [
    ("title", "关于开展2026年度枫陵市高层次人才奖励补贴申报工作的通知"),
    ("sub", "枫人社〔2026〕18号"),
    ("sub", MARK),
    ("pl", "各区人力资源和社会保障局，各有关用人单位："),
    (
        "p",
        "根据《枫陵市高层次人才引进培育管理办法》（枫政规〔2026〕4号，以下简称《办法》）规定，现就2026年度高层次人才一次性奖励、"
        "租房补贴和博士生活补贴申报工作通知如下。",
    ),
    ("h", "一、申报对象"),
    (
        "p",
        "2025年1月1日至2025年12月31日期间全职引进到本市工作，符合《办法》第四条规定条件，并已取得枫陵市高层次人才认定的A类至E类人才。"
        "已享受2025年度补贴的人才，本年度只申报续发部分，无需重新提交学历职称材料。",
    ),
    ("h", "二、申报时间"),
    (
        "p",
        "网上申报时间为2026年4月1日至4月30日，纸质材料报送时间为2026年4月7日至5月12日（法定节假日除外），逾期不予受理。",
    ),
    ("h", "三、申报方式"),
    (
        "p",
        "申报人登录“枫陵人才码”平台（微信小程序）填写申请信息并上传材料扫描件，网上提交后打印申报表，经用人单位签署意见并加盖公章后，"
        "连同纸质材料报送用人单位所在区人社局。A类、B类人才可以由用人单位直接报送市人社局人才开发科（枫陵市政务服务中心3楼12号窗口）。",
    ),
    ("h", "四、申报材料"),
    ("p", "申报人应当按以下顺序准备材料，装订成册，一式两份："),
    ("li", "1. 《2026年度枫陵市高层次人才奖励补贴申报表》（附件1）；"),
    ("li", "2. 申报人身份证复印件，外籍人才提供护照及工作许可证复印件；"),
    ("li", "3. 与用人单位签订的劳动合同或者聘用合同复印件；"),
    ("li", "4. 2025年1月以来在本市缴纳社会保险的证明（从“枫陵社保”平台打印）；"),
    ("pagebreak",),
    ("li", "5. 最高学历学位证书或者专业技术职称证书复印件；"),
    ("li", "6. 申请租房补贴的，提供经备案的住房租赁合同和近6个月租金支付凭证；"),
    ("li", "7. 申请博士生活补贴的，提供教育部学历证书电子注册备案表；"),
    ("li", "8. 本人名下枫陵市内银行借记卡复印件。"),
    ("h", "五、审核和发放"),
    (
        "p",
        "区人社局于5月22日前完成初审并报送申报汇总表（附件2），市人社局于6月中旬组织复审并公示，资金原则上于7月底前发放到位。"
        "初审不通过的，区人社局应当在3个工作日内告知申报人并说明理由。",
    ),
    ("h", "六、有关要求"),
    (
        "p",
        "用人单位要认真核实申报材料的真实性，对出具的意见负责。人才离职或者社会保险关系转出本市的，用人单位应当在10个工作日内"
        "报告所在区人社局，停发相关补贴。",
    ),
    ("h", "七、联系方式"),
    (
        "p",
        "市人社局人才开发科联系人：邵蔚然，电话：0763-6218370，电子邮箱：flrcb2026@fengling-test.cn。"
        "“枫陵人才码”平台技术支持电话：0763-6219900。各区受理联系方式如下：",
    ),
    (
        "table",
        {
            "rows": [
                ["区", "联系人", "电话"],
                ["鹤汀区", "廖思远", "0763-6302117"],
                ["槿园区", "甘晓岚", "0763-6415826"],
                ["棠梨区", "符嘉禾", "0763-6527703"],
                ["苎湖区", "官雨桐", "0763-6638410"],
                ["枫陵高新区", "宁子谦", "0763-6219561"],
            ]
        },
    ),
    ("pl", "附件：1. 2026年度枫陵市高层次人才奖励补贴申报表"),
    ("pl", "　　　2. 2026年度枫陵市高层次人才奖励补贴申报汇总表"),
    ("right", "枫陵市人力资源和社会保障局"),
    ("right", "2026年3月16日"),
    ("note", "（此件主动公开）"),
]

# --------------------------------------------------------------------------------------------------
# 3. rancheng-anju-wenda.md — ### questions, bullet lists, a table inside an answer, cross-references
# --------------------------------------------------------------------------------------------------
WENDA = [
    ("title", "苒城市人才安居政策问答（2026年）"),
    ("p", MARK),
    (
        "p",
        "为方便各类人才了解《苒城市人才安居保障实施办法》（苒政办〔2025〕22号），市住房和城乡建设局会同市委人才办整理了人才最关心的问题，"
        "供参考，具体以政策原文为准。",
    ),
    ("h", "一、租房补贴"),
    ("h2", "1. 哪些人可以申请人才租房补贴？"),
    (
        "p",
        "在本市工作、与本市用人单位签订劳动合同并在本市缴纳社会保险，且本人及配偶在本市无自有住房的下列人才，可以申请：",
    ),
    ("li", "- 全日制本科毕业5年内的青年人才；"),
    ("li", "- 全日制硕士、博士研究生；"),
    ("li", "- 取得中级以上职称或者高级工以上职业资格的技能人才。"),
    ("h2", "2. 租房补贴每个月补多少？"),
    ("p", "按学历和职称分档发放，标准如下："),
    (
        "table",
        {
            "rows": [
                ["人才类型", "补贴标准（元/月）", "最长发放期限"],
                ["本科", "800", "24个月"],
                ["硕士研究生", "1500", "36个月"],
                ["博士研究生", "2500", "36个月"],
                ["中级职称或高级工", "1000", "24个月"],
            ]
        },
    ),
    ("p", "同时符合两档条件的，按较高标准发放，不叠加。"),
    ("h2", "3. 租房补贴怎么申请？多久能到账？"),
    (
        "p",
        "申请人通过“苒城安居”APP提交申请，用人单位在线确认后，由所在区住建部门审核，审核时间为15个工作日。审核通过后按季度发放，"
        "每季度首月20日前发放上一季度补贴。",
    ),
    ("h2", "4. 住单位宿舍的，还能领租房补贴吗？"),
    (
        "p",
        "入住人才公寓或者由用人单位免费提供住房的，不享受租房补贴；用人单位提供住房但由本人支付租金的，可以按实际支付的租金申请，"
        "补贴金额不超过实付租金。",
    ),
    ("h", "二、人才公寓"),
    ("h2", "5. 人才公寓谁能住？"),
    (
        "p",
        "经认定的A类至D类高层次人才和全日制博士研究生可以申请入住人才公寓，申请时本人及配偶在本市无自有住房，且未在领取租房补贴。",
    ),
    ("h2", "6. 人才公寓租金怎么算？能住多久？"),
    ("li", "- A类、B类人才：租期内免收租金，最长5年；"),
    ("li", "- C类、D类人才和博士研究生：按市场租金的50%缴纳，最长3年；"),
    ("li", "- 租期届满仍符合问题5条件的，可以申请续租1次，续租期间按市场租金缴纳。"),
    ("h2", "7. 人才公寓到哪里申请？"),
    (
        "p",
        "向市人才安居服务中心申请，地址为苒城市文昌路88号市民服务中心B区2楼，受理时间为工作日上午9:00—12:00、下午14:00—17:30，"
        "咨询电话0751-3386120。",
    ),
    ("h", "三、购房补贴"),
    ("h2", "8. 第一次在苒城买房有补贴吗？"),
    (
        "p",
        "有。经认定的高层次人才在本市首次购买商品住房的，按A类100万元、B类60万元、C类30万元、D类15万元给予购房补贴，分5年等额发放。"
        "全日制博士研究生首次购房的，给予购房补贴10万元，一次性发放。",
    ),
    ("h2", "9. 领过租房补贴，买房后还能申请购房补贴吗？"),
    (
        "p",
        "可以。自购房合同网签备案次月起停发租房补贴，购房补贴按问题8的标准申请，已领取的租房补贴不予扣减。",
    ),
    ("h2", "10. 申请购房补贴要交哪些材料？"),
    ("li", "- 《苒城市人才购房补贴申请表》；"),
    ("li", "- 身份证、户口簿及婚姻状况证明；"),
    ("li", "- 人才认定证书或者学历学位证书；"),
    ("li", "- 经网签备案的商品房买卖合同和购房发票；"),
    ("li", "- 不动产权证书（已办理的提供）。"),
    ("h2", "11. 申请有时间限制吗？"),
    (
        "p",
        "购房补贴应当在购房合同网签备案之日起12个月内提出申请，逾期视为自动放弃。租房补贴每年3月1日至3月31日集中受理，"
        "新引进人才入职后可以随时申请首次补贴。",
    ),
    ("h", "四、其他"),
    ("h2", "12. 离开苒城以后补贴怎么办？"),
    (
        "p",
        "享受补贴期间离开本市工作的，自离开次月起停发。购房补贴首次发放后5年内将住房转让的，应当退回已领取的购房补贴。",
    ),
    ("h2", "13. 骗领补贴会怎样？"),
    (
        "p",
        "弄虚作假骗取安居补贴的，由住建部门追回已发放资金，记入个人信用记录，3年内不得申请本市各类人才安居政策。",
    ),
    ("h2", "14. 政策问题找谁咨询？"),
    (
        "p",
        "租房补贴和购房补贴问题请咨询市住房和城乡建设局住房保障科，电话0751-3386255；人才认定问题请咨询市委人才办，电话0751-3391018；"
        "人才公寓问题见问题7。",
    ),
    ("h2", "15. 这些政策执行到什么时候？"),
    (
        "p",
        "《苒城市人才安居保障实施办法》自2025年7月1日起施行，有效期3年。政策调整的，以新规定为准。",
    ),
    ("right", "苒城市住房和城乡建设局　2026年2月"),
]

# --------------------------------------------------------------------------------------------------
# 4. liaoan-rending-mulu.txt — nested numbering 一、（一）1.（1）, classes A–E, closing 注
# --------------------------------------------------------------------------------------------------
MULU = [
    ("title", "蓼岸市高层次人才分类认定目录（2026年版）"),
    ("sub", MARK),
    ("sub", "蓼人才办〔2026〕2号"),
    ("h", "一、总体说明"),
    ("p", "（一）适用范围"),
    ("p", "1. 本目录适用于在蓼岸市全职工作的各类人才的层次认定，认定结果作为享受本市人才政策的依据。"),
    ("p", "2. 柔性引进人才、退休返聘人员不适用本目录。"),
    ("p", "（二）认定原则"),
    ("p", "1. 坚持以用为本、分类评价，同一人才符合多个类别条件的，按照最高类别认定。"),
    ("p", "2. 认定有效期为5年，有效期满后需重新申请认定。"),
    ("h", "二、分类认定条件"),
    ("p", "（一）A类（国际顶尖人才）"),
    ("p", "1. 诺贝尔奖、图灵奖、菲尔兹奖获得者；"),
    ("p", "2. 中国科学院院士、中国工程院院士；"),
    ("p", "3. 发达国家最高学术权威机构会员。"),
    ("p", "（二）B类（国家级领军人才）"),
    ("p", "1. 国家级重大人才工程入选者；"),
    ("p", "2. 国家自然科学奖、技术发明奖、科学技术进步奖一等奖前3名完成人；"),
    ("p", "3. 国家重点实验室主任。"),
    ("p", "（三）C类（省级领军人才）"),
    ("p", "1. 省级重大人才工程入选者；"),
    ("p", "2. 省部级科学技术奖一等奖前3名完成人；"),
    ("p", "3. 近3年年薪不低于80万元，并在本市缴纳个人所得税的企业高级管理人员或者核心技术人员。"),
    ("p", "（四）D类（市级领军人才）"),
    ("p", "1. 具有正高级专业技术职称，年龄不超过50周岁；"),
    ("p", "2. 近3年年薪不低于40万元的企业核心技术人员；"),
    ("p", "3. 获得省级技能大师工作室领衔人称号的高技能人才；"),
    ("p", "4. 市级重点产业领域的创业项目负责人，且项目年营业收入不低于2000万元。"),
    ("p", "（五）E类（青年骨干人才）"),
    ("p", "1. 全日制博士研究生，年龄不超过40周岁；"),
    ("p", "2. 具有副高级专业技术职称，年龄不超过45周岁；"),
    ("p", "3. 取得高级技师职业资格的技能人才，年龄不超过45周岁。"),
    ("h", "三、认定程序"),
    ("p", "（一）申请"),
    ("p", "1. 个人通过用人单位向市人才服务中心提交申请，申请材料包括："),
    ("p", "（1）《蓼岸市高层次人才认定申请表》；"),
    ("p", "（2）身份证件；"),
    ("p", "（3）与认定条件对应的证明材料；"),
    ("p", "（4）劳动合同和在本市连续缴纳社会保险6个月以上的证明。"),
    ("p", "2. 申请全年常态化受理，每季度最后一个月集中审核一次。"),
    ("p", "（二）审核与公示"),
    ("p", "1. 市人才服务中心自受理之日起20个工作日内完成审核，必要时组织专家评审，专家评审时间不计入审核期限。"),
    ("p", "2. 审核通过的，在蓼岸人才网公示7天；公示无异议的，颁发《蓼岸市高层次人才证书》。"),
    ("h", "四、其他"),
    ("p", "（一）提供虚假材料取得认定的，撤销其认定，收回证书，已享受的待遇予以追回，4年内不受理其认定申请。"),
    ("p", "（二）咨询地址：蓼岸市滨河东路17号人才大厦1楼综合窗口；咨询电话：0752-5127730。"),
    ("p", "（三）本目录由蓼岸市委人才工作领导小组办公室负责解释。"),
    ("p", "（四）本目录自2026年2月1日起施行，《蓼岸市高层次人才分类认定目录（2023年版）》同时废止。"),
    ("note", "注："),
    ("note", "1. 年龄计算截止时间为申请当年1月1日。"),
    ("note", "2. 在蓼岸市连续工作满10年、对本市作出突出贡献的人才，经市委人才办专题研究，年龄条件可以放宽5周岁。"),
    ("note", "3. 党政机关、参照公务员法管理单位的在编工作人员不纳入本目录认定范围。"),
    ("note", "4. 本目录所称“以上”“不低于”“不超过”均含本数。"),
    ("right", "蓼岸市委人才工作领导小组办公室"),
    ("right", "2026年1月15日"),
]

# --------------------------------------------------------------------------------------------------
# 5. heting-duixian-qingdan.pdf — portrait text page, then a landscape 7-column table over two pages
# --------------------------------------------------------------------------------------------------
QINGDAN_ROWS = [
    ["序号", "事项名称", "支持对象", "支持标准", "申报时间", "受理部门", "咨询电话"],
    [
        "1",
        "人才租房补贴",
        ["在区内企业工作、", "经认定的D类、E类人才"],
        ["D类每月1500元、E类每月1000元，", "最长36个月；", "可与市级租房补贴叠加"],
        ["每年3月、9月"],
        "区人社局人才科",
        "0763-6302135",
    ],
    [
        "2",
        "青年人才生活补贴",
        ["毕业5年内、全日制本科以上学历、", "首次在区内就业的青年人才"],
        ["本科每月500元、硕士每月1000元、", "博士每月2000元，", "最长24个月"],
        ["每季度首月", "1日至15日"],
        "区人社局就业科",
        "0763-6302146",
    ],
    [
        "3",
        "人才安家补贴",
        ["在区内首次购买商品住房的", "A类至E类人才"],
        ["A类80万元、B类50万元、C类20万元、", "D类10万元、E类5万元，", "分3年发放"],
        ["购房网签备案后", "12个月内"],
        "区住建局",
        "0763-6303318",
    ],
    [
        "4",
        "企业引才奖励",
        ["全职引进C类以上人才的", "区内企业"],
        ["每引进1名给予5万元，", "每家企业每年最高50万元"],
        ["每年6月1日至6月30日"],
        "区人社局人才科",
        "0763-6302135",
    ],
    [
        "5",
        "博士后平台建站资助",
        ["新设立博士后科研工作站、", "创新实践基地的区内单位"],
        ["国家级工作站30万元、", "创新实践基地15万元，", "在市级资助基础上叠加"],
        ["获批后6个月内"],
        "区科技局",
        "0763-6304412",
    ],
    [
        "6",
        "子女入学保障",
        ["A类至C类人才子女"],
        ["义务教育阶段在区内公办学校", "统筹安排入学"],
        ["每年5月10日至5月31日"],
        "区教育局",
        "0763-6305520",
    ],
    [
        "7",
        "人才健康体检",
        ["A类至D类人才"],
        ["每年安排1次免费健康体检，", "标准每人每次2000元以内"],
        ["每年8月"],
        "区卫生健康局",
        "0763-6306671",
    ],
    [
        "8",
        "配偶就业安置",
        ["全职引进的A类、B类人才配偶"],
        ["原为机关事业单位在编人员的对口安排；", "其他的推荐就业岗位，", "给予岗位补贴每月3000元，", "最长12个月"],
        ["人才入职后随时申请"],
        "区人社局",
        "0763-6302146",
    ],
    [
        "9",
        "人才创业贷款贴息",
        ["在区内创办企业的", "D类以上人才"],
        ["按贷款实际利息的50%贴息，", "每家企业每年最高30万元，", "贴息期限最长3年"],
        ["每年4月1日至4月30日"],
        "区金融服务中心",
        "0763-6307088",
    ],
    [
        "10",
        "高技能人才培训补贴",
        ["取得高级工以上职业资格的", "区内企业职工"],
        ["高级工2000元、技师4000元、", "高级技师6000元，", "每人每个等级只享受1次"],
        ["取得证书后6个月内"],
        "区人社局职业能力建设科",
        "0763-6302190",
    ],
    [
        "11",
        "人才项目配套资助",
        ["入选省级以上重大人才工程的", "区内人才"],
        ["按上级资助资金的50%给予配套，", "最高100万元"],
        ["入选后12个月内"],
        "区委人才办",
        "0763-6302000",
    ],
    [
        "12",
        "人才服务专员",
        ["A类至C类人才"],
        ["一对一配备服务专员，", "协助办理落户、社保、", "医疗等事项"],
        ["全年"],
        "区委人才办",
        "0763-6302000",
    ],
]

QINGDAN = [
    ("title", "枫陵市鹤汀区人才政策兑现清单（2026年版）"),
    ("sub", "中共枫陵市鹤汀区委人才工作领导小组办公室　枫陵市鹤汀区人力资源和社会保障局"),
    ("sub", MARK),
    (
        "p",
        "为推动人才政策应享尽享、快享快兑，现将2026年鹤汀区人才政策兑现事项予以公布。清单所列事项可以与市级政策叠加享受的，"
        "在“支持标准”栏中注明；未注明的，与市级同类政策按照就高不重复原则执行。",
    ),
    (
        "p",
        "清单所列事项统一通过“鹤汀人才服务”一网通办平台申报，也可以到鹤汀区政务服务中心人才服务专窗（鹤汀区汀洲大道206号1楼8号窗口）"
        "现场办理。除清单另有规定外，受理部门自受理之日起7个工作日内完成审核，审核通过的在5个工作日内拨付资金。",
    ),
    (
        "p",
        "享受清单资金支持的人才和单位，应当如实提供材料。通过提供虚假材料等方式骗取政策资金的，追回已兑现资金，"
        "3年内不得享受鹤汀区各类人才政策。",
    ),
    (
        "p",
        "本清单自2026年3月1日起执行，有效期至2026年12月31日。清单由鹤汀区委人才办负责解释，监督举报电话：0763-6302000。",
    ),
    ("landscape",),
    ("caption", "鹤汀区人才政策兑现清单"),
    ("table", {"rows": QINGDAN_ROWS, "widths_mm": [11, 30, 52, 74, 36, 32, 28]}),
    ("note", "注：咨询电话工作时间为工作日上午8:30—12:00、下午14:30—17:30。"),
]

DOCS: dict[str, list] = {
    "fengling-guanli-banfa.docx": BANFA,
    "fengling-shenbao-tongzhi.pdf": TONGZHI,
    "rancheng-anju-wenda.md": WENDA,
    "liaoan-rending-mulu.txt": MULU,
    "heting-duixian-qingdan.pdf": QINGDAN,
}
NAMES = list(DOCS)


# --------------------------------------------------------------------------------------------------
# plain text (used by check_wide3.py)
# --------------------------------------------------------------------------------------------------
def _generic(blocks: list) -> list:
    """This set's own kinds mapped onto docgen's (for blocks_text and the shared writers)."""
    kinds = {"chapter": "sub", "pl": "p", "caption": "p", "h2": "h"}
    return [(kinds.get(b[0], b[0]), *b[1:]) for b in blocks]


def doc_text(name: str) -> str:
    return docgen.blocks_text(_generic(DOCS[name]))


def table_value_strings(name: str) -> set[str]:
    """cell + unit of its column header ("200" under "一次性奖励（万元）" -> "200万元"; "8000" under
    "租房补贴（元/月）" -> "8000元"): how an answer states a cell."""
    return docgen.table_value_strings(_generic(DOCS[name]))


# --------------------------------------------------------------------------------------------------
# writers
# --------------------------------------------------------------------------------------------------
COMMENTS = "本文件为测试用虚构文件"


def write_txt(name: str, blocks: list) -> None:
    """Title, mark and 文号 lines; a blank line before each 一、 part and before the 注; one line per item."""
    out: list[str] = []
    prev = ""
    for kind, text in blocks:
        if kind == "h" or (kind == "note" and text == "注：") or (kind == "right" and prev != "right"):
            out.append("")
        out.append(text)
        prev = kind
        if kind == "title":
            out.append("")
    (OUT / name).write_text("\n".join(out).rstrip("\n") + "\n", encoding="utf-8")


def write_md(name: str, blocks: list) -> None:
    """# title, ## part, ### question, answers as paragraphs, consecutive `- ` items, one pipe table."""
    docgen.write_md(OUT / name, blocks)


def write_docx(name: str, blocks: list) -> None:
    """Only the title is a Word heading (Title); chapter lines, 文号 and mark are centred plain paragraphs
    ("sub"); every article and 款 is a body paragraph; the table in 10.5 pt with the header bold."""
    docgen.write_docx(
        OUT / name,
        _generic(blocks),
        comments=COMMENTS,
        when=datetime.datetime(2026, 1, 26, 9, 0, 0),
        body_font=("FangSong", "仿宋"),
        heading_styles=("Title",),
        headings={"title": (0, True)},
        fill=docgen.sized_cells([1.6, 7.6, 2.9, 2.9]),
    )


def write_pdf(name: str, blocks: list) -> None:
    """Portrait A4 pages, ("pagebreak",) a forced break, ("landscape",) the following pages landscape A4; numbered
    list items with a hanging indent; a table's cells as wrapped paragraphs (a multi-line cell one line per
    given line), the header row NOT repeated when the table runs over a page."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        NextPageTemplate,
        PageBreak,
        PageTemplate,
        Paragraph,
    )

    docgen.register_font()
    styles = docgen.text_styles(title_space_before=6)
    styles["pl"] = docgen.cjk_style("pl", fontSize=11.5, leading=18.5, spaceAfter=1)
    styles["li"] = docgen.cjk_style("li", fontSize=11.5, leading=18.5, leftIndent=23, firstLineIndent=0)
    styles["caption"] = docgen.cjk_style("caption", fontSize=12.5, leading=20, alignment=1, spaceAfter=4)
    cell = docgen.cjk_style("cell", fontSize=9.5, leading=13)
    head = docgen.cjk_style("head", fontSize=9.5, leading=13, alignment=1)
    margin = 22 * mm
    lmargin = 18 * mm
    pw, ph = A4
    lw, lh = landscape(A4)
    doc = BaseDocTemplate(str(OUT / name), pagesize=A4, **docgen.pdf_properties(_generic(blocks), COMMENTS))
    doc.addPageTemplates(
        [
            PageTemplate(
                id="portrait",
                frames=[Frame(margin, margin, pw - 2 * margin, ph - 2 * margin, id="p")],
                pagesize=A4,
                onPage=docgen.page_footer,
            ),
            PageTemplate(
                id="landscape",
                frames=[Frame(lmargin, lmargin, lw - 2 * lmargin, lh - 2 * lmargin, id="l")],
                pagesize=landscape(A4),
                onPage=docgen.page_footer,
            ),
        ]
    )
    story: list = []
    for block in blocks:
        kind = block[0]
        if kind == "pagebreak":
            story.append(PageBreak())
        elif kind in ("landscape", "portrait"):
            story += [NextPageTemplate(kind), PageBreak()]
        elif kind == "table":
            t = block[1]
            rows = t["rows"]
            data = [[Paragraph(c, head) for c in rows[0]]]
            data += [[Paragraph("<br/>".join(docgen.cell_lines(c)), cell) for c in r] for r in rows[1:]]
            if "widths_mm" in t:
                widths = [w * mm for w in t["widths_mm"]]
            else:
                widths = [42 * mm, 42 * mm, 50 * mm]
            story.append(docgen.grid_table(data, widths, repeat_rows=0))
        else:
            story.append(Paragraph(block[1], styles[kind]))
    doc.build(story)


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
