"""Generate three INVENTED policy documents for the `wide` bench set (test data, never for corpus/).

Run:  /work/main/.venv/bin/python bench/data/wide/make_wide_docs.py
Needs python-docx and reportlab (generator-only dependency) and the WenQuanYi Zen Hei TrueType font
(fonts-wqy-zenhei, /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc), which is embedded in the PDF. Output goes to
bench/data/wide/docs/ and is byte-reproducible.

Every city, district, issuer, 文号, amount, date, address, phone number and e-mail is made up; each document
carries the line “（本文件为测试用虚构文件）” near the top. The three are deliberately of shapes the six
documents of tests/data/policy/ do not have:

- qiwan-duixian-qingdan.docx  沄港市栖湾区 政策兑现服务事项清单及申报指南: the main content is one Word table
  (序号 / 事项名称 / 申报对象 / 支持标准 / 申报材料 / 受理部门 / 办理时限) whose cells hold several lines
  (one Word paragraph per line), amounts with their units inside the cells, and vertically merged cells
  (受理部门 and 申报对象 repeated over consecutive rows); then 一、二、… sections with （一）（二） items.
- junzhou-rending-jiangli.pdf 筠洲市 高层次人才认定和奖励办法: 通知 + 办法 with 第一章…第六章 / 第一条…第二十条,
  款 and （一）（二）项, a tier table A–D类 whose units sit only in the header (奖励金额（万元）…), age limits,
  分3年按40%、30%、30%发放, 退回/追回, 施行日期, 解释部门.
- jiyang-tuoju-tongzhi.md     霁阳市人社局 2026年度青年科技人才托举项目申报通知 (Markdown): ## 一、… sections,
  numbered lists 1. 2. 3. (conditions, materials, review steps), an application window with dates and clock
  times, funding paid in two instalments, contacts with phone numbers, 附件 list, issuer and date at the end.

``doc_text(name)`` returns the plain text the questions are checked against: paragraphs one per line, table rows
with cells joined by a tab (the lines of a multi-line cell joined by a newline inside the cell).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "docs"
FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
MARK = "（本文件为测试用虚构文件）"

# Block kinds: ("title", s) ("sub", s) centred line; ("h", s) heading; ("p", s) body paragraph; ("li", s) list
# item (Markdown: no blank line between consecutive items); ("right", s) right-aligned line (issuer / date);
# ("note", s) small print; ("table", dict) with rows of cells, a cell being a str or a list of lines, and
# optional "merge": [(col, first_row, last_row)] vertical merges (the merged text is the first row's).

# --------------------------------------------------------------------------------------------------
# 1. qiwan-duixian-qingdan.docx — 沄港市栖湾区, a service-item table with multi-line and merged cells
# --------------------------------------------------------------------------------------------------
QINGDAN = [
    ("title", "栖湾区2026年度人才政策兑现服务事项清单及申报指南"),
    ("sub", "栖人才办〔2026〕3号"),
    ("sub", MARK),
    (
        "p",
        "为进一步优化人才服务，推动人才政策“应兑尽兑、快兑直达”，根据《栖湾区关于加快集聚高层次人才的若干措施》"
        "（栖委发〔2025〕11号）等文件规定，现将沄港市栖湾区2026年度人才政策兑现服务事项清单及申报有关事项公布如下。",
    ),
    ("h", "一、服务事项清单"),
    (
        "table",
        {
            "caption": "栖湾区2026年度人才政策兑现服务事项清单",
            "rows": [
                ["序号", "事项名称", "申报对象", "支持标准", "申报材料", "受理部门", "办理时限"],
                [
                    "1",
                    "高层次人才安家补贴",
                    "经认定的A至E类高层次人才，2025年1月1日以后全职到区内用人单位工作",
                    ["A类200万元", "B类100万元", "C类50万元", "D类30万元", "E类15万元", "分5年等额发放"],
                    ["1.申请表", "2.人才认定证书", "3.劳动合同", "4.社保缴纳证明", "5.本人及配偶无房证明"],
                    "区人才服务中心",
                    "20个工作日",
                ],
                [
                    "2",
                    "博士、博士后生活补贴",
                    "全职在区内工作的博士研究生和在站博士后，年龄不超过40周岁",
                    ["博士每月3000元，发放3年", "在站博士后每月5000元，在站期间发放，最长2年"],
                    [
                        "1.申请表",
                        "2.博士学位证书（国（境）外学位须提供教育部留学服务中心认证书）",
                        "3.劳动合同或博士后进站证明",
                        "4.社保缴纳证明",
                    ],
                    "区人才服务中心",
                    "15个工作日",
                ],
                [
                    "3",
                    "青年人才租房补贴",
                    "全日制本科及以上学历、毕业5年内、首次在区内就业且在区内无自有住房的青年人才",
                    ["硕士研究生每月1500元", "本科每月800元", "最长发放36个月"],
                    ["1.申请表", "2.毕业证书", "3.租房合同及租金发票", "4.不动产登记查询结果"],
                    "所在街道便民服务中心",
                    "10个工作日",
                ],
                [
                    "4",
                    "企业引才奖励",
                    "区内规模以上工业企业、高新技术企业",
                    [
                        "每引进1名A至C类人才奖励企业10万元",
                        "每引进1名D、E类人才奖励企业5万元",
                        "每家企业每年最高50万元",
                    ],
                    ["1.申请表", "2.引进人才名单及认定证书", "3.劳动合同", "4.企业营业执照"],
                    "区人社局",
                    "20个工作日",
                ],
                [
                    "5",
                    "技能人才晋级奖励",
                    "在区内企业工作、2025年以后新取得职业技能等级证书的职工",
                    ["高级技师10000元", "技师5000元", "高级工2000元"],
                    ["1.申请表", "2.职业技能等级证书", "3.社保缴纳证明"],
                    "区人社局",
                    "15个工作日",
                ],
                [
                    "6",
                    "引才荐才奖励",
                    "为区内企业成功推荐引进A至C类人才的个人或人力资源服务机构",
                    ["每成功推荐1名奖励2万元", "每年最高20万元"],
                    ["1.申请表", "2.推荐协议", "3.被推荐人劳动合同"],
                    "区人社局",
                    "20个工作日",
                ],
                [
                    "7",
                    "人才项目配套资助",
                    "入选国家级、省级人才计划且项目落地栖湾区的人才",
                    ["国家级人才计划按1:1配套，最高300万元", "省级人才计划按1:0.5配套，最高100万元"],
                    ["1.申请表", "2.入选文件", "3.项目落地证明", "4.资金使用计划"],
                    "区科技局",
                    "30个工作日",
                ],
                [
                    "8",
                    "人才子女入学协调",
                    "A至C类高层次人才",
                    ["子女义务教育阶段在全区范围内协调就读公办学校1次"],
                    ["1.申请表", "2.人才认定证书", "3.户口簿或居住证"],
                    "区教育局",
                    "每年7月集中办理",
                ],
                [
                    "9",
                    "人才医疗保健服务",
                    "A至C类高层次人才",
                    ["每年免费健康体检1次", "区人民医院就医绿色通道"],
                    ["1.申请表", "2.人才认定证书"],
                    "区卫健局",
                    "即时办理",
                ],
            ],
            # (column, first row, last row) of vertically merged cells: same text, one Word cell
            "merge": [(5, 1, 2), (5, 4, 6), (2, 8, 9)],
        },
    ),
    (
        "note",
        "注：表中金额均为税前金额；“A至E类高层次人才”按《栖湾区高层次人才分类认定目录（2025年版）》认定。",
    ),
    ("h", "二、申报方式"),
    (
        "p",
        "（一）网上申报。申报人登录“沄港人才码”平台（栖湾区专区）填报信息并上传材料扫描件；企业引才奖励、"
        "人才项目配套资助由用人单位经办人统一申报。",
    ),
    (
        "p",
        "（二）窗口申报。不便网上申报的，可以携带纸质材料到栖湾区政务服务中心二楼人才服务专窗（栖湾区海晏路188号）"
        "办理，受理时间为工作日上午9:00—12:00、下午14:00—17:30。",
    ),
    (
        "p",
        "（三）受理时间。清单事项常年受理；安家补贴、生活补贴、租房补贴按季度集中审核，每季度最后一个月的1日至20日"
        "为集中受理期，逾期提交的转入下一季度办理。",
    ),
    (
        "p",
        "（四）进度查询。申报人可以通过“沄港人才码”平台“我的办件”栏目查询办理进度。材料不齐全的，受理部门一次性告知需要补正的内容，"
        "申报人应当在5个工作日内补正，逾期未补正的视为放弃本次申报。",
    ),
    ("h", "三、兑现流程"),
    (
        "p",
        "申报受理—部门审核—联审会商—社会公示—资金拨付。审核结果在栖湾区人民政府网站公示5个工作日，"
        "公示无异议的，由区财政局在10个工作日内将资金拨付至个人或者单位银行账户。",
    ),
    ("p", "个人补贴资金拨付至申报人本人在沄港市开立的银行Ⅰ类账户；企业类奖励拨付至企业基本存款账户。"),
    ("h", "四、咨询电话"),
    ("p", "区人才服务中心：0598-76321450（安家补贴、生活补贴）"),
    ("p", "区人社局人才开发科：0598-76321388（企业引才奖励、技能人才晋级奖励、引才荐才奖励）"),
    ("p", "区科技局：0598-76325102"),
    ("p", "区教育局：0598-76327016"),
    ("p", "区卫健局：0598-76329233"),
    ("h", "五、注意事项"),
    (
        "p",
        "（一）同一人才同时符合本清单和区内其他政策同类事项条件的，按照“就高、从优、不重复”原则享受，不得重复申领。",
    ),
    (
        "p",
        "（二）申报材料须真实有效。提供虚假材料骗取资金的，追回已发放资金，5年内取消其申报区内人才政策资格，"
        "并纳入公共信用信息平台。",
    ),
    (
        "p",
        "（三）享受安家补贴的人才在栖湾区的服务期不少于5年；服务期内离开栖湾区的，停止发放剩余补贴，"
        "并按未满服务期的年限比例退回已领取的安家补贴。",
    ),
    ("p", "（四）个人所得税由个人依法缴纳。"),
    (
        "p",
        "（五）本清单自2026年3月15日起执行，有效期至2026年12月31日，由栖湾区人才工作领导小组办公室负责解释。",
    ),
    ("right", "沄港市栖湾区人才工作领导小组办公室"),
    ("right", "2026年3月2日"),
]

# --------------------------------------------------------------------------------------------------
# 2. junzhou-rending-jiangli.pdf — 筠洲市, 第一章/第一条 办法 with a header-unit tier table
# --------------------------------------------------------------------------------------------------
BANFA = [
    ("title", "筠洲市人民政府关于印发《筠洲市高层次人才认定和奖励办法》的通知"),
    ("sub", "筠政规〔2026〕2号"),
    ("sub", MARK),
    ("p", "各县（市、区）人民政府，市政府各部门、各直属机构："),
    (
        "p",
        "《筠洲市高层次人才认定和奖励办法》已经市政府第27次常务会议研究通过，现印发给你们，请认真组织实施。",
    ),
    ("right", "筠洲市人民政府"),
    ("right", "2026年1月8日"),
    ("title", "筠洲市高层次人才认定和奖励办法"),
    ("h", "第一章　总则"),
    (
        "p",
        "第一条　为加快建设区域人才高地，规范高层次人才认定和奖励工作，根据有关法律法规和政策规定，结合本市实际，制定本办法。",
    ),
    (
        "p",
        "第二条　本办法适用于在本市行政区域内全职工作、依法缴纳社会保险的各类人才的认定，以及对经认定人才的奖励。",
    ),
    (
        "p",
        "第三条　市委人才工作领导小组办公室（以下简称“市委人才办”）负责统筹协调和认定结果审定；市人力资源和社会保障局"
        "（以下简称“市人社局”）负责认定的受理、组织评审和日常管理；市财政局负责奖励资金的保障和监督。",
    ),
    ("h", "第二章　人才层次和认定条件"),
    ("p", "第四条　高层次人才分为A类、B类、C类、D类四个层次："),
    (
        "p",
        "（一）A类（国内外顶尖人才）：诺贝尔奖获得者、中国科学院院士、中国工程院院士，以及相当层次的人才；",
    ),
    (
        "p",
        "（二）B类（国家级领军人才）：国家级重大人才工程入选者、国家杰出青年科学基金获得者，以及相当层次的人才；",
    ),
    (
        "p",
        "（三）C类（省级领军人才）：省级重大人才工程入选者、享受国务院政府特殊津贴专家，以及具有正高级职称并担任省级以上重点实验室负责人的人才；",
    ),
    (
        "p",
        "（四）D类（市级拔尖人才）：具有博士学位且近5年主持省部级以上科研项目的人才，以及市级以上技能大师工作室领办人。",
    ),
    ("p", "第五条　申请认定应当同时符合下列条件："),
    ("p", "（一）2025年1月1日以后全职引进，或者已在本市全职工作满1年；"),
    ("p", "（二）与本市用人单位签订5年以上劳动合同或者聘用合同；"),
    ("p", "（三）申请C类认定的，年龄不超过55周岁；申请D类认定的，年龄不超过45周岁；A类、B类不受年龄限制；"),
    ("p", "（四）遵守法律法规，恪守科研诚信和职业道德。"),
    ("p", "第六条　有下列情形之一的，不予认定："),
    ("p", "（一）在党政机关、参照公务员法管理的单位工作的；"),
    ("p", "（二）已办理退休手续或者正在服刑的；"),
    ("p", "（三）近3年内存在学术不端行为并经查实的。"),
    ("h", "第三章　认定程序"),
    (
        "p",
        "第七条　人才认定实行常年申报、按季度集中评审。用人单位于每季度第一个月的1日至15日，通过“筠洲人才云”平台为本单位人才提交申请。",
    ),
    (
        "p",
        "第八条　市人社局自申报截止之日起30个工作日内组织专家评审，评审结果报市委人才办审定后，在筠洲市人民政府门户网站公示7个工作日。",
    ),
    (
        "p",
        "第九条　公示无异议的，由市委人才办颁发《筠洲市高层次人才证书》，证书有效期为5年。有效期满后仍符合条件的，可以重新申请认定。",
    ),
    ("h", "第四章　奖励标准"),
    ("p", "第十条　经认定的高层次人才，按照表1给予奖励。"),
    (
        "table",
        {
            "caption": "表1　高层次人才奖励标准",
            "rows": [
                ["人才层次", "奖励金额（万元）", "购房补贴（万元）", "年度工作津贴（万元/年）"],
                ["A类", "300", "200", "12"],
                ["B类", "150", "100", "8"],
                ["C类", "80", "50", "5"],
                ["D类", "30", "20", "2"],
            ],
        },
    ),
    (
        "note",
        "注：1.奖励金额、购房补贴为税前金额。2.年度工作津贴连续发放3年。3.同一人才只能按最高层次享受一次奖励。",
    ),
    (
        "p",
        "第十一条　奖励金额分3年发放，第一年发放40%，第二年、第三年各发放30%。第二期、第三期奖励在人才上一年度考核合格后发放。",
    ),
    (
        "p",
        "第十二条　购房补贴在人才首次在本市购买商品住房并办理不动产登记后一次性发放。在本市无自有住房且未购房的，可以选择按每月3000元申领租房补贴，"
        "最长不超过36个月；租房补贴与购房补贴不得同时享受。",
    ),
    ("p", "第十三条　已在其他城市享受安家补贴或者购房补贴的人才，在本市申领的购房补贴按50%发放。"),
    ("h", "第五章　管理和监督"),
    (
        "p",
        "第十四条　用人单位应当为人才提供必要的工作和生活条件，并于每年3月31日前向市人社局报送人才上一年度履职情况。",
    ),
    (
        "p",
        "经认定的A类、B类人才，可以享受子女入学、配偶就业、医疗保健等“一站式”服务保障，由市人才服务中心为其配备服务专员。",
    ),
    ("p", "第十五条　经认定的人才在本市的服务期为5年。服务期未满离开本市的，按照下列规定处理："),
    ("p", "（一）在本市工作未满2年的，退回已领取的全部奖励金额和购房补贴；"),
    ("p", "（二）在本市工作满2年未满5年的，按未满服务期的月数比例退回已领取的奖励金额和购房补贴；"),
    ("p", "（三）因用人单位破产、解散等非个人原因离开的，经市委人才办同意，可以免予退回。"),
    (
        "p",
        "第十六条　以欺骗、伪造材料等不正当手段取得认定或者奖励的，撤销其人才认定，追回已发放的全部资金，5年内不得申报本市各类人才项目；"
        "涉嫌犯罪的，依法移送司法机关处理。",
    ),
    ("p", "第十七条　用人单位协助人才弄虚作假的，取消该单位3年内申报本市各类人才政策的资格。"),
    ("h", "第六章　附则"),
    ("p", "第十八条　本办法所称“以上”“不超过”，均包含本数。年龄计算截止时间为申报当年的1月1日。"),
    ("p", "第十九条　本办法由筠洲市人力资源和社会保障局负责解释。"),
    (
        "p",
        "第二十条　本办法自2026年3月1日起施行，有效期5年。《筠洲市引进高层次人才奖励暂行办法》（筠政规〔2021〕6号）同时废止。",
    ),
]

# --------------------------------------------------------------------------------------------------
# 3. jiyang-tuoju-tongzhi.md — 霁阳市人社局 annual call, Markdown with numbered lists
# --------------------------------------------------------------------------------------------------
TONGZHI = [
    ("title", "霁阳市人力资源和社会保障局关于组织申报2026年度青年科技人才托举项目的通知"),
    ("sub", "霁人社函〔2026〕18号"),
    ("sub", MARK),
    ("p", "各区人力资源和社会保障局，市直各有关单位，各高等院校、科研院所，各有关企业："),
    (
        "p",
        "为加大青年科技人才培养支持力度，帮助青年科技人才在创新实践中脱颖而出，根据《霁阳市青年科技人才托举工程实施办法》"
        "（霁人社规〔2024〕4号），现就组织申报2026年度青年科技人才托举项目有关事项通知如下。",
    ),
    ("h", "一、支持名额和资助标准"),
    ("p", "2026年度计划遴选青年科技人才托举项目100项，其中自然科学类60项、工程技术类40项。"),
    (
        "p",
        "重点支持新一代信息技术、生物医药、新材料、高端装备制造、现代农业五个领域；申报人在霁阳市重点实验室、"
        "工程技术研究中心工作的，同等条件下优先支持。",
    ),
    (
        "p",
        "入选项目每项资助30万元，分两期拨付：立项后拨付20万元，中期考核合格后拨付10万元。资助周期为2年（2026年7月至2028年6月）。"
        "用人单位应当按照不低于1:1的比例给予配套支持。",
    ),
    (
        "p",
        "资助经费主要用于科研设备购置、材料、测试化验、学术交流和人员劳务，其中人员劳务费不得超过资助总额的30%，"
        "不得用于购买住房、汽车等与项目无关的支出。",
    ),
    ("h", "二、申报条件"),
    (
        "li",
        "1. 在霁阳市行政区域内的高校、科研院所、医疗卫生机构或者企业全职工作，并与用人单位签订聘用合同或者劳动合同；",
    ),
    ("li", "2. 1991年1月1日以后出生（年龄不超过35周岁）；"),
    ("li", "3. 具有博士学位，或者具有硕士学位且具有中级以上专业技术职称；"),
    ("li", "4. 近3年以第一作者或者通讯作者发表高水平论文2篇以上，或者以第一发明人获得授权发明专利1项以上；"),
    ("li", "5. 未主持过国家级科研项目（国家自然科学基金青年科学基金项目除外）；"),
    ("li", "6. 同一申报人同一年度只能申报1个市级人才项目，已入选往年托举项目的不得重复申报。"),
    ("h", "三、申报材料"),
    ("li", "1. 《2026年度霁阳市青年科技人才托举项目申报书》（附件1）；"),
    ("li", "2. 身份证、学位证书、专业技术职称证书扫描件；"),
    ("li", "3. 近3年代表性论文、授权专利证明材料（不超过5项）；"),
    ("li", "4. 用人单位配套支持承诺书（附件2）；"),
    ("li", "5. 申报人所在单位出具的政治审查和科研诚信审查意见。"),
    ("p", "以上材料按顺序合并为一个PDF文件，大小不超过20MB。"),
    ("h", "四、申报时间和方式"),
    (
        "p",
        "网上申报时间为2026年4月1日9:00至2026年4月30日17:00，逾期系统自动关闭，不再受理。申报人登录“霁阳市人才综合服务平台”"
        "（“青年托举”栏目）在线填报，经所在单位审核后提交。",
    ),
    (
        "p",
        "各用人单位须于2026年5月8日17:00前将申报汇总表（附件3）加盖公章后，报送市人社局专业技术人员管理处"
        "（霁阳市文昌路66号市民中心B座1206室）。",
    ),
    (
        "p",
        "推荐名额：各高等院校推荐不超过15项，市属科研院所、三级医院推荐不超过8项，其他单位推荐不超过3项。"
        "企业申报人由所在区人力资源和社会保障局汇总推荐，不占单位名额。本次申报不收取任何费用。",
    ),
    ("h", "五、评审程序"),
    ("li", "1. 资格审查：市人社局对申报材料进行形式审查，2026年5月20日前完成；"),
    ("li", "2. 专家评审：按学科组织同行专家通讯评审和会议答辩，答辩时间另行通知，每人陈述不超过8分钟；"),
    ("li", "3. 考察公示：根据评审结果确定拟入选名单，在霁阳市人力资源和社会保障局官网公示5个工作日；"),
    ("li", "4. 发文立项：公示无异议的，由市人社局、市财政局联合发文立项，并与入选者签订项目任务书。"),
    ("h", "六、管理要求"),
    (
        "p",
        "入选者应当在资助周期期满后3个月内提交结题报告。中期考核不合格的，停拨第二期资助经费；项目执行期间调离霁阳市的，"
        "终止资助并收回未使用的经费。弄虚作假的，取消入选资格，追回已拨付经费，3年内不得申报市级人才项目。",
    ),
    (
        "p",
        "中期考核于2027年7月进行，由市人社局委托第三方评估机构组织实施。入选者在资助周期内申报高级专业技术职称的，"
        "可以按规定通过绿色通道评审，并优先推荐申报省级青年人才项目。",
    ),
    ("h", "七、其他事项"),
    (
        "p",
        "申报人对评审结果有异议的，可以在公示期内以书面形式向市人社局实名反映，逾期不予受理。"
        "申报人因工作调动、出国（境）等原因不能完成项目的，应当由所在单位提出终止申请，经市人社局同意后办理结题手续。",
    ),
    ("h", "八、联系方式"),
    ("li", "政策咨询：市人社局专业技术人员管理处　周老师　0731-86652017"),
    ("li", "平台技术支持：霁阳市人才发展集团　陈工　0731-86652290"),
    ("li", "电子邮箱：qntj@jiyang-hrss.example.cn"),
    ("h", "附件"),
    ("li", "1. 2026年度霁阳市青年科技人才托举项目申报书"),
    ("li", "2. 用人单位配套支持承诺书"),
    ("li", "3. 2026年度青年科技人才托举项目申报汇总表"),
    ("right", "霁阳市人力资源和社会保障局"),
    ("right", "2026年3月16日"),
    ("p", "（此件主动公开）"),
]

DOCS: dict[str, list] = {
    "qiwan-duixian-qingdan.docx": QINGDAN,
    "junzhou-rending-jiangli.pdf": BANFA,
    "jiyang-tuoju-tongzhi.md": TONGZHI,
}
NAMES = list(DOCS)


def _lines(cell: str | list[str]) -> list[str]:
    return [cell] if isinstance(cell, str) else list(cell)


# --------------------------------------------------------------------------------------------------
# plain text (used by check_wide.py)
# --------------------------------------------------------------------------------------------------
def doc_text(name: str) -> str:
    lines: list[str] = []
    for block in DOCS[name]:
        if block[0] == "table":
            t = block[1]
            if t.get("caption"):
                lines.append(t["caption"])
            lines.extend("\t".join("\n".join(_lines(c)) for c in r) for r in t["rows"])
        else:
            lines.append(block[1])
    return "\n".join(lines)


def table_value_strings(name: str) -> set[str]:
    """cell + unit of its column header ("80" under "奖励金额（万元）" -> "80万元"): how an answer states a cell."""
    out: set[str] = set()
    for block in DOCS[name]:
        if block[0] != "table":
            continue
        rows = block[1]["rows"]
        for j, head in enumerate(rows[0]):
            m = re.search(r"（([^）]+)）", head)
            if not m:
                continue
            unit = m.group(1).split("/")[0]
            for r in rows[1:]:
                if isinstance(r[j], str):
                    out.add(r[j] + unit)
    return out


# --------------------------------------------------------------------------------------------------
# writers
# --------------------------------------------------------------------------------------------------
def write_md(name: str, blocks: list) -> None:
    out: list[str] = []
    for i, block in enumerate(blocks):
        kind = block[0]
        if kind == "title":
            out += [f"# {block[1]}", ""]
        elif kind == "h":
            out += [f"## {block[1]}", ""]
        elif kind == "li":
            out.append(block[1])
            if i + 1 == len(blocks) or blocks[i + 1][0] != "li":
                out.append("")
        elif kind == "note":
            out += [f"> {block[1]}", ""]
        else:
            out += [block[1], ""]
    (OUT / name).write_text("\n".join(out), encoding="utf-8")


def write_docx(name: str, blocks: list) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]  # a wide table: landscape A4 with narrow margins, as such 清单 are printed
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.8))
    normal = doc.styles["Normal"]
    normal.font.name = "FangSong"
    normal.font.size = Pt(12)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋")
    for style_name in ("Title", "Heading 1", "Heading 2"):
        st = doc.styles[style_name]
        st.font.name = "SimHei"
        st.element.rPr.rFonts.set(qn("w:eastAsia"), "黑体")

    for block in blocks:
        kind = block[0]
        if kind == "title":
            p = doc.add_heading(block[1], level=1)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "sub":
            p = doc.add_paragraph(block[1])
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif kind == "h":
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
            rows = t["rows"]
            table = doc.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            widths = [Cm(1.2), Cm(3.0), Cm(5.0), Cm(5.6), Cm(5.8), Cm(2.6), Cm(2.6)]
            for col, first, last in t.get("merge", []):
                table.cell(first, col).merge(table.cell(last, col))
            for i, r in enumerate(rows):
                for j, cell_value in enumerate(r):
                    if any(col == j and first < i <= last for col, first, last in t.get("merge", [])):
                        continue  # the merged cell was filled from its first row
                    cell = table.cell(i, j)
                    cell.width = widths[j]
                    lines = _lines(cell_value)
                    cell.paragraphs[0].text = lines[0]
                    for line in lines[1:]:
                        cell.add_paragraph(line)
                    for para in cell.paragraphs:
                        para.alignment = (
                            WD_ALIGN_PARAGRAPH.LEFT if len(lines) > 1 else WD_ALIGN_PARAGRAPH.CENTER
                        )
                        for run in para.runs:
                            run.font.size = Pt(10.5)
                            run.bold = i == 0
        else:
            p = doc.add_paragraph(block[1])
            p.paragraph_format.first_line_indent = Pt(24)
    doc.core_properties.title = next(b[1] for b in blocks if b[0] == "title")
    doc.core_properties.comments = "本文件为测试用虚构文件"
    fixed = datetime.datetime(2026, 3, 2, 9, 0, 0)
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
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 3, 2, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(fixed, data)


def write_pdf(name: str, blocks: list) -> None:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", FONT_PATH, subfontIndex=0))
    base = dict(fontName="WQY", wordWrap="CJK")
    s_body = ParagraphStyle("body", fontSize=11.5, leading=18.5, firstLineIndent=23, spaceAfter=1, **base)
    s_title = ParagraphStyle(
        "title", fontSize=16, leading=24, alignment=TA_CENTER, spaceBefore=6, spaceAfter=4, **base
    )
    s_sub = ParagraphStyle("sub", fontSize=11, leading=18, alignment=TA_CENTER, spaceAfter=2, **base)
    s_h = ParagraphStyle(
        "h", fontSize=12.5, leading=21, alignment=TA_CENTER, spaceBefore=6, spaceAfter=2, **base
    )
    s_right = ParagraphStyle("right", fontSize=11.5, leading=19, alignment=TA_RIGHT, **base)
    s_note = ParagraphStyle("note", fontSize=9.5, leading=14, spaceBefore=4, **base)
    s_cell = ParagraphStyle("cell", fontSize=10.5, leading=15, alignment=TA_CENTER, **base)

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
    story: list = []
    styles = {"title": s_title, "sub": s_sub, "h": s_h, "right": s_right, "note": s_note, "p": s_body}
    for block in blocks:
        kind = block[0]
        if kind in styles:
            story.append(Paragraph(block[1], styles[kind]))
        elif kind == "table":
            t = block[1]
            rows = t["rows"]
            story.append(Spacer(1, 4))
            story.append(Paragraph(t["caption"], s_sub))
            avail = A4[0] - 2 * margin
            widths = [avail * f for f in (0.2, 0.25, 0.25, 0.3)]
            tbl = Table([[Paragraph(c, s_cell) for c in r] for r in rows], colWidths=widths)
            tbl.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                        ("TOPPADDING", (0, 0), (-1, -1), 3),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    ]
                )
            )
            story.append(tbl)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, blocks in DOCS.items():
        ext = name.rsplit(".", 1)[1]
        {"md": write_md, "docx": write_docx, "pdf": write_pdf}[ext](name, blocks)
        text = doc_text(name)
        cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
        print(f"wrote {OUT / name}  ({cjk} Chinese characters)")


if __name__ == "__main__":
    main()
