"""Writes tuning.jsonl and heldout.jsonl of the `unans` set from the records below (run once; the files are the set).

    python3 bench/data/unans/make_unans.py

Questions written from the documents' text alone (tests/data/policy/*, bench/data/wide*/docs/*), before looking at
any answer of the system: `unanswerable` ones the documents do not state (a benefit, material, procedure, appeal,
amount the document never mentions; a tier or row its table lacks; another year's round; another city) and
answerable near-misses on the same documents (controls). Split: alternate within each kind.
"""

from __future__ import annotations

import json
from pathlib import Path

U = "unanswerable"
# (doc, question) — nothing in any uploaded document answers these
UNANSWERABLE = [
    ("banfa-boshi.docx", "晋江高层次人才安家补贴的申请被驳回了，可以申请行政复议吗？"),
    ("banfa-boshi.docx", "晋江引进的博士，配偶的工作能帮忙安排吗？"),
    ("banfa-boshi.docx", "晋江安家生活补贴办法里E类人才的安家补贴是多少？"),
    ("banfa-boshi.docx", "晋江高层次人才的孩子上学有什么照顾政策？"),
    ("banfa-boshi.docx", "按晋江安家生活补贴办法，硕士研究生能拿多少安家补贴？"),
    ("shishi-xize.txt", "晋江青年人才租房补贴，大专学历每个月补多少？"),
    ("shishi-xize.txt", "晋江租房补贴审核没通过，可以申诉吗？"),
    ("shishi-xize.txt", "晋江企业引进普通本科毕业生（非双一流），一人奖励多少？"),
    ("shishi-xize.txt", "晋江青年人才在本市买房，购房补贴给多少？"),
    ("shenbao-tongzhi.pdf", "2026年度海燕计划什么时候开始申报？"),
    ("shenbao-tongzhi.pdf", "海燕计划的答辩评审在什么地方举行？"),
    ("shenbao-tongzhi.pdf", "入选海燕计划后每个月有生活补贴吗，多少钱？"),
    ("shenbao-tongzhi.pdf", "申报海燕计划要交报名费吗？"),
    ("rending-biaozhun.pdf", "在澜川被认定为A类人才，能拿多少奖励？"),
    ("rending-biaozhun.pdf", "澜川F类人才的认定条件是什么？"),
    ("rending-biaozhun.pdf", "澜川人才认定没通过，可以申请复核吗？"),
    ("rending-biaozhun.pdf", "澜川2021年版认定标准里B类人才的条件有哪些？"),
    ("landscape-table.pdf", "榕湾2026年度紧缺人才需求目录里有哪些岗位？"),
    ("landscape-table.pdf", "榕湾紧缺人才目录里化工工艺工程师的薪酬补贴是多少？"),
    ("landscape-table.pdf", "榕湾紧缺人才薪酬补贴要交个人所得税吗？"),
    ("landscape-table.pdf", "泉州市紧缺人才的薪酬补贴每月多少？"),
    ("zhengce-wenda.md", "溪南区人才公寓里可以养宠物吗？"),
    ("zhengce-wenda.md", "溪南区F类人才的购房补贴是多少？"),
    ("zhengce-wenda.md", "溪南区人才公寓的物业费由谁承担？"),
    ("zhengce-wenda.md", "溪南区人才买房能提高公积金贷款额度吗？"),
    ("jiyang-tuoju-tongzhi.md", "2025年度霁阳青年科技人才托举项目的入选名单什么时候公布？"),
    ("jiyang-tuoju-tongzhi.md", "霁阳托举项目的答辩在什么地方进行？"),
    ("jiyang-tuoju-tongzhi.md", "霁阳托举项目社会科学类有多少个名额？"),
    ("jiyang-tuoju-tongzhi.md", "霁阳托举项目结题验收不通过会怎么处理？"),
    ("junzhou-rending-jiangli.pdf", "筠洲E类人才的奖励金额是多少？"),
    ("junzhou-rending-jiangli.pdf", "筠洲高层次人才认定的评审专家是怎么选出来的？"),
    ("junzhou-rending-jiangli.pdf", "筠洲D类人才可以申请入住人才公寓吗？"),
    ("qiwan-duixian-qingdan.docx", "栖湾区F类人才安家补贴有多少？"),
    ("qiwan-duixian-qingdan.docx", "栖湾区2025年度人才安家补贴的标准是多少？"),
    ("qiwan-duixian-qingdan.docx", "栖湾区高层次人才停车有什么优惠？"),
    ("chengling-zhengce-jiedu.pdf", "澄岭创业启动资助D档给多少钱？"),
    ("chengling-zhengce-jiedu.pdf", "澄岭的创业企业上市了有奖励吗？"),
    ("chengling-zhengce-jiedu.pdf", "澄岭创业启动资助评审没通过，能申请复议吗？"),
    ("puzhou-boshi-xize.docx", "璞州硕士研究生有生活补贴吗，一年多少？"),
    ("puzhou-boshi-xize.docx", "璞州博士在中小学当老师，生活补贴标准是多少？"),
    ("tongyuan-rending-gongshi.txt", "桐原2026年第二批高层次人才认定拟入选名单有哪些人？"),
    ("tongyuan-rending-gongshi.txt", "桐原2025年第一批高层次人才认定名单里有谁？"),
    ("tongyuan-shenbao-zhinan.md", "桐原F类人才安家补贴多少钱？"),
    ("fengling-shenbao-tongzhi.pdf", "2027年度枫陵高层次人才奖励补贴什么时候申报？"),
    ("fengling-guanli-banfa.docx", "枫陵F类人才一次性奖励多少？"),
    ("fengling-shenbao-tongzhi.pdf", "枫陵人才奖励补贴初审没通过，可以申诉吗？"),
    ("heting-duixian-qingdan.pdf", "鹤汀区高技能人才培训补贴，中级工能领多少？"),
    ("heting-duixian-qingdan.pdf", "鹤汀区的人才可以申请人才公寓吗？"),
    ("liaoan-rending-mulu.txt", "蓼岸A类人才认定后能享受多少补贴？"),
    ("liaoan-rending-mulu.txt", "蓼岸F类人才的认定条件是什么？"),
    ("rancheng-anju-wenda.md", "苒城E类人才首次购房补贴多少？"),
    ("rancheng-anju-wenda.md", "苒城大专学历的人才租房补贴每月多少？"),
    ("rancheng-anju-wenda.md", "住苒城人才公寓可以落户吗？"),
    ("puzhou-boshi-xize.docx", "福州市引进博士的生活补贴每年多少？"),
]
# (doc, category, question, answer, must_contain, evidence) — near-misses the documents do answer
ANSWERABLE = [
    ("banfa-boshi.docx", "table_value", "晋江D类人才安家补贴多少？", "D类人才安家补贴30万元。", ["30"], ["D类人才\t30\t3000\t36个月"]),
    ("banfa-boshi.docx", "duration", "晋江安家生活补贴申请审核要多长时间？", "市人社局自受理之日起20个工作日内完成审核。", ["20个工作日"], ["市人社局自受理之日起20个工作日内完成审核"]),
    ("shishi-xize.txt", "amount", "晋江青年人才租房补贴，博士每个月多少？", "博士研究生每月2000元。", ["2000元"], ["博士研究生每月2000元"]),
    ("shishi-xize.txt", "amount", "晋江企业引进一个硕士研究生奖励多少？", "每引进1人奖励5000元。", ["5000元"], ["引进硕士研究生的，每引进1人奖励5000元"]),
    ("shenbao-tongzhi.pdf", "deadline", "2025年度海燕计划网上申报什么时候截止？", "网上申报截至2025年6月20日。", ["2025年6月20日"], ["网上申报时间为2025年5月6日至2025年6月20日"]),
    ("shenbao-tongzhi.pdf", "deadline", "海燕计划的答辩评审大概什么时候？", "答辩评审拟于2025年8月中旬举行，具体时间另行通知。", ["8月中旬"], ["答辩评审拟于2025年8月中旬举行"]),
    ("rending-biaozhun.pdf", "duration", "澜川E类人才认定有效期多久？", "C类、D类、E类人才认定有效期为3年。", ["3年"], ["C类、D类、E类人才认定有效期为3年"]),
    ("rending-biaozhun.pdf", "where_how", "澜川高层次人才认定去哪里受理？", "澜川市人才发展服务中心，新城路66号人才大厦1楼。", ["新城路66号"], ["地址：澜川市新城路66号人才大厦1楼"]),
    ("landscape-table.pdf", "table_value", "榕湾紧缺目录里射频工程师的薪酬补贴是多少？", "射频工程师薪酬补贴每月4000元。", ["4000"], ["射频工程师\t本科及以上\t5年以上\t4000"]),
    ("landscape-table.pdf", "where_how", "榕湾紧缺人才薪酬补贴多久发一次？", "薪酬补贴按季度发放至个人银行账户。", ["按季度"], ["薪酬补贴按季度发放至个人银行账户"]),
    ("zhengce-wenda.md", "table_value", "溪南区E类人才购房补贴是多少？", "E类人才购房补贴20万元。", ["20"], ["E类人才\t20\t不超过45周岁"]),
    ("zhengce-wenda.md", "amount", "溪南区C类人才住人才公寓租金怎么收？", "C类、D类人才按市场租金的30%缴纳租金。", ["30%"], ["C类、D类人才按市场租金的30%缴纳租金"]),
    ("jiyang-tuoju-tongzhi.md", "amount", "霁阳托举项目工程技术类有多少项？", "工程技术类40项。", ["40项"], ["工程技术类40项"]),
    ("jiyang-tuoju-tongzhi.md", "where_how", "对霁阳托举项目的评审结果有异议怎么办？", "可以在公示期内以书面形式向市人社局实名反映。", ["书面形式"], ["可以在公示期内以书面形式向市人社局实名反映"]),
    ("junzhou-rending-jiangli.pdf", "table_value", "筠洲D类人才的奖励金额是多少？", "D类奖励金额30万元。", ["30"], ["D类\t30\t20\t2"]),
    ("junzhou-rending-jiangli.pdf", "amount", "筠洲的人才还没买房，能领租房补贴吗？", "可以按每月3000元申领租房补贴，最长不超过36个月。", ["3000元"], ["可以选择按每月3000元申领租房补贴"]),
    ("qiwan-duixian-qingdan.docx", "table_value", "栖湾区E类人才安家补贴有多少？", "E类15万元，分5年等额发放。", ["15万元"], ["E类15万元"]),
    ("qiwan-duixian-qingdan.docx", "responsible_unit", "栖湾区人才子女入学协调找哪个部门？", "区教育局，每年7月集中办理。", ["区教育局"], ["区教育局\t每年7月集中办理"]),
    ("chengling-zhengce-jiedu.pdf", "amount", "澄岭创业启动资助C档给多少钱？", "C档20万元。", ["20万元"], ["分别给予100万元、50万元、20万元资助"]),
    ("chengling-zhengce-jiedu.pdf", "amount", "澄岭创业企业租办公场地，补贴比例是多少？", "按实际租金的50%给予补贴，每年最高20万元。", ["50%"], ["按实际租金的50%给予补贴"]),
    ("puzhou-boshi-xize.docx", "amount", "璞州博士后出站后留下来工作有什么补贴？", "一次性给予留璞补贴15万元。", ["15万元"], ["一次性给予留璞补贴15万元"]),
    ("tongyuan-shenbao-zhinan.md", "where_how", "桐原对人才认定结果有意见怎么办？", "可以在公示期内向市委人才办实名提出异议。", ["实名提出异议"], ["可以在公示期内向市委人才办实名提出异议"]),
    ("tongyuan-shenbao-zhinan.md", "amount", "桐原E类人才安家补贴多少钱？", "E类10万元，分4年平均发放。", ["10万元"], ["E类10万元"]),
    ("fengling-shenbao-tongzhi.pdf", "deadline", "2026年度枫陵高层次人才奖励补贴网上申报是什么时候？", "2026年4月1日至4月30日。", ["2026年4月1日至4月30日"], ["网上申报时间为2026年4月1日至4月30日"]),
    ("fengling-guanli-banfa.docx", "table_value", "枫陵E类人才一次性奖励多少？", "E类一次性奖励10万元。", ["10"], ["E类\t全日制博士研究生及具有副高级职称的青年人才\t10\t2000"]),
    ("heting-duixian-qingdan.pdf", "amount", "鹤汀区E类人才租房补贴每月多少？", "E类每月1000元，最长36个月。", ["1000元"], ["E类每月1000元"]),
    ("liaoan-rending-mulu.txt", "condition", "蓼岸E类人才的认定条件是什么？", "全日制博士研究生（不超过40周岁）；副高级职称（不超过45周岁）；高级技师（不超过45周岁）。", ["全日制博士研究生"], ["全日制博士研究生，年龄不超过40周岁"]),
    ("rancheng-anju-wenda.md", "amount", "苒城D类人才首次购房补贴多少？", "D类15万元，分5年等额发放。", ["15万元"], ["D类15万元"]),
]


def main() -> None:
    here = Path(__file__).parent
    unans = [{"doc": d, "category": U, "question": q, "answer": "", "must_contain": [], "evidence": []} for d, q in UNANSWERABLE]
    answ = [
        {"doc": d, "category": c, "question": q, "answer": a, "must_contain": m, "evidence": e}
        for d, c, q, a, m, e in ANSWERABLE
    ]
    halves: dict[str, list[dict]] = {"tuning": [], "heldout": []}
    n = 0
    for group in (unans, answ):
        for i, rec in enumerate(group):
            n += 1
            halves["tuning" if i % 2 == 0 else "heldout"].append({"id": f"unans-{n:03d}", **rec})
    for name, recs in halves.items():
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
        (here / f"{name}.jsonl").write_text(text, encoding="utf-8")
        print(name, len(recs), sum(r["category"] == U for r in recs))


if __name__ == "__main__":
    main()
